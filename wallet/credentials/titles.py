"""A record's title when the credential has no name of its own: the most specific name it does carry.

After the credential's and its achievement's names, a title is looked for in the subject (a named degree,
claim or credential it holds), then in the credential's most specific type ("UniversityDegreeCredential" reads
"University Degree Credential"), then in the issuer's name. The generic types ("VerifiableCredential" and the
like) are never a title when anything better exists, and nothing here invents words of its own.
"""

from __future__ import annotations

import re
from typing import Any

GENERIC_TYPES = frozenset({
    "VerifiableCredential", "VerifiableAttestation", "OpenBadgeCredential", "AchievementCredential",
    "ClrCredential", "EndorsementCredential", "Assertion", "BlockcertsCredential",
})
LANGUAGES = ("en", "en-GB", "en-US", "@value")
MAX_TITLE = 300


def text_of(value: Any) -> str:
    """A name given as text or as a language map ({"en": …}); "" when there is none."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        for key in LANGUAGES:
            if isinstance(value.get(key), str) and value[key].strip():
                return str(value[key]).strip()
        texts = [v for v in value.values() if isinstance(v, str) and v.strip()]
        return texts[0].strip() if texts else ""
    if isinstance(value, list):
        return next((t for t in (text_of(v) for v in value) if t), "")
    return ""


def _subject_name(document: dict[str, Any]) -> str:
    subject = document.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict):
        return ""
    for key in ("achievement", "degree", "hasCredential", "claim", "title"):
        value = subject.get(key)
        if isinstance(value, dict):
            named = text_of(value.get("name") or value.get("title"))
        else:
            named = text_of(value) if key == "title" else ""  # an achievement given as a bare link is no title
        if named:
            return named
    return ""


def _type_name(document: dict[str, Any]) -> str:
    value = document.get("type", document.get("@type"))
    types = [t for t in (value if isinstance(value, list) else [value]) if isinstance(t, str)]
    specific = [t for t in types if t not in GENERIC_TYPES and ":" not in t and "/" not in t]
    if not specific:
        return ""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", specific[-1]).strip()


def fallback_title(document: dict[str, Any], issuer_name: str) -> str:
    """The subject's named thing, the most specific type, or the issuer's name; "" when there is none."""
    for found in (_subject_name(document), _type_name(document), issuer_name.strip()):
        if found:
            return found[:MAX_TITLE]
    return ""

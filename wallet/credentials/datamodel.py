"""The data-model check: does a JSON-LD credential follow the W3C VC data model (2.0 or 1.1) it names?

Signed or not, a credential is read as the W3C VCDM 2.0 and 1.1 test suites read it: contexts and terms
(`jsonld_terms`), then the properties the model requires and their shapes (issuer, type, subject, identifiers,
dates, and the `type` every status, schema, evidence, refresh, terms-of-use and proof entry needs).

The verdict: anything malformed fails the check (so the credential is "not verified", with the sentence); terms no
context defines are a warning (a reader sees them but no signature covers their meaning); a context the wallet
does not ship makes the JSON-LD part "not checked" (never fetched), while the shapes are still checked.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from wallet.credentials.jsonld_terms import VC_V1, VC_V2, TermFindings, is_url, term_findings
from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.i18n import N_, _

_DATE_TIME = re.compile(r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
_MAX_SHOWN = 3

# Entries that must say what they are (`type`); `id` says whether an id is required ("1.1": only under VC 1.1).
_TYPED_ENTRIES = {
    "credentialStatus": ("status entry", "1.1"),
    "credentialSchema": ("schema entry", "always"),
    "evidence": ("evidence entry", "never"),
    "refreshService": ("refresh service", "1.1"),
    "termsOfUse": ("terms-of-use entry", "never"),
    "proof": ("proof", "never"),
}


def _entries(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _has_type(entry: dict[str, Any]) -> bool:
    value = entry.get("type")
    names = _entries(value)
    return bool(names) and value is not None and all(isinstance(n, str) and n for n in names)


def _date_problem(document: dict[str, Any], name: str, label: str) -> str | None:
    value = document.get(name)
    if name not in document:
        return None
    if not isinstance(value, str):
        return said(N_("Its {label} must be one date and time, not {value}."), label=label, value=clip(repr(value), 50))
    if not _DATE_TIME.match(value) or _moment(value) is None:
        return said(N_("Its {label} '{value}' is not a date and time (such as 2024-05-01T09:00:00Z)."),
            label=label, value=clip(value, 40))
    return None


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _dates(document: dict[str, Any], version: int | None) -> list[str]:
    names = (
        [("issuanceDate", "issue date"), ("expirationDate", "expiry date")]
        if version == 1
        else [("validFrom", "start date"), ("validUntil", "end date")]
    )
    problems = [p for name, label in names if (p := _date_problem(document, name, label))]
    if version == 1 and "issuanceDate" not in document:
        problems.append(said(N_("It has no issue date (issuanceDate), which VC 1.1 requires.")))
    start, end = document.get(names[0][0]), document.get(names[1][0])
    if not problems and isinstance(start, str) and isinstance(end, str):
        begins, ends = _moment(start), _moment(end)
        if begins and ends and (begins.tzinfo is None) == (ends.tzinfo is None) and ends < begins:
            problems.append(said(N_("Its {names} comes before its {names2}."), names=names[1][1], names2=names[0][1]))
    return problems


def _issuer(document: dict[str, Any]) -> list[str]:
    if "issuer" not in document:
        return [said(N_("It names no issuer."))]
    issuer = document["issuer"]
    if isinstance(issuer, dict):
        if not is_url(issuer.get("id")):
            return [said(N_("Its issuer must have an id that is a URL."))]
        return _texts(issuer, "issuer's ")
    if not is_url(issuer):
        return [said(N_("Its issuer must be a URL or an object with an id, not {issuer}."),
            issuer=clip(repr(issuer), 50))]
    return []


def _types(document: dict[str, Any]) -> list[str]:
    value = document.get("type")
    names = _entries(value)
    if value is None or not names:
        return [said(N_("It has no type."))]
    if not all(isinstance(n, str) for n in names):
        return [said(N_("Every type must be a name or a URL."))]
    if "VerifiableCredential" not in names:
        return [said(N_("Its types do not include VerifiableCredential."))]
    return []


def _subjects(document: dict[str, Any]) -> list[str]:
    if "credentialSubject" not in document:
        return [said(N_("It has no subject (credentialSubject): it claims nothing about anyone."))]
    subjects = _entries(document["credentialSubject"])
    if not subjects or not all(isinstance(s, dict) for s in subjects):
        return [said(N_("Its subject must be an object with claims."))]
    if any(not s for s in subjects):
        return [said(N_("A subject is empty: it holds no claims."))]
    if any("id" in s and not is_url(s["id"]) for s in subjects):
        return [said(N_("A subject's id must be one URL."))]
    return []


def _typed_entries(document: dict[str, Any], version: int | None) -> list[str]:
    problems: list[str] = []
    for name, (label, needs_id) in _TYPED_ENTRIES.items():
        if name not in document:
            continue
        for entry in _entries(document[name]):
            if not isinstance(entry, dict):
                problems.append(said(N_("A {label} must be an object."), label=label))
            elif not _has_type(entry):
                problems.append(said(N_("A {label} has no type."), label=label))
            elif "id" in entry and not is_url(entry["id"]):
                problems.append(said(N_("A {label}'s id must be one URL."), label=label))
            elif "id" not in entry and (needs_id == "always" or (needs_id == "1.1" and version == 1)):
                problems.append(said(N_("A {label} has no id."), label=label))
    return problems


def _is_text(value: Any) -> bool:
    """Plain text, or language-tagged text ({"@value", "@language", "@direction"} only), or a list of them."""
    if isinstance(value, str):
        return True
    if isinstance(value, dict):
        return isinstance(value.get("@value"), str) and set(value) <= {"@value", "@language", "@direction"}
    return isinstance(value, list) and bool(value) and all(not isinstance(v, list) and _is_text(v) for v in value)


def _texts(node: dict[str, Any], owner: str = "") -> list[str]:
    return [said(N_("Its {owner}{name} must be text or language-tagged text."),
        owner=owner, name=name) for name in ("name", "description")
            if name in node and not _is_text(node[name])]


def shape_problems(document: dict[str, Any], version: int | None) -> list[str]:
    """Every required property that is missing or of the wrong shape, as sentences."""
    problems: list[str] = []
    if "id" in document and not is_url(document["id"]):
        problems.append(said(N_("Its id must be one URL.")))
    problems += _types(document) + _issuer(document) + _subjects(document) + _texts(document)
    problems += _dates(document, version) + _typed_entries(document, version)
    return problems


def _joined(sentences: list[str]) -> str:
    shown = " ".join(sentences[:_MAX_SHOWN])
    more = len(sentences) - _MAX_SHOWN
    return shown + (f" ({more} more problem(s) of the same kind.)" if more > 0 else "")


def _version_name(terms: TermFindings, document: dict[str, Any]) -> str:
    if terms.version == 1 or VC_V1 in _entries(document.get("@context")):
        return "VC 1.1"
    return "VC 2.0" if terms.version == 2 else "W3C VC"


def check_data_model(document: dict[str, Any], terms: TermFindings | None = None) -> Check:
    """The `data model` line of a JSON-LD credential's report (from `terms`, when the caller already has the
    document's term findings); never raises for a bad credential."""
    terms = term_findings(document) if terms is None else terms
    problems = terms.errors + shape_problems(document, terms.version)
    model = _version_name(terms, document)
    if problems:
        return Check(CheckName.DATA_MODEL, Outcome.FAILED, f"It does not follow the {model} data model. "
                     + _joined(problems))
    if terms.unchecked:
        return Check(CheckName.DATA_MODEL, Outcome.NOT_CHECKED,
                     said(N_("{unchecked} Its required properties are in place."), unchecked=terms.unchecked))
    if terms.undefined:
        names = clip(", ".join(terms.undefined[:4]), 80)
        return Check(CheckName.DATA_MODEL, Outcome.WARNING,
                     said(N_("It uses terms no context defines ({names}): they have no agreed meaning, and a "
                             "signature does not cover them."), names=names))
    message = said(N_("It follows the {model} data model: every term is defined by its contexts."), model=model)
    if terms.issuer_dependent:
        names = clip(", ".join(terms.issuer_dependent[:4]), 80)
        message = (said(N_("It follows the {model} data model; {names} are left undefined on purpose (VC 2.0's "
                           "undefined-terms vocabulary): their meaning is the issuer's own."),
                               model=model, names=names))
    return Check(CheckName.DATA_MODEL, Outcome.PASSED, message)


# The English start of the presentation line (tests find the line by it; the line itself is marked below).
PRESENTATION_PREFIX = "The presentation does not follow the VC data model:"  # i18n: not shown


def presentation_problems(document: dict[str, Any]) -> list[str]:
    """What a presentation itself gets wrong (its credentials are judged one by one): base context first, the
    VerifiablePresentation type, a holder that is a URL (or an object with one), and, under VC 2.0, credentials
    as objects (a bare token belongs in an EnvelopedVerifiableCredential)."""
    contexts = _entries(document.get("@context"))
    problems: list[str] = []
    if not contexts or contexts[0] not in (VC_V2, VC_V1):
        problems.append(_("its first @context must be the VC base context."))
    types = _entries(document.get("type"))
    if "VerifiablePresentation" not in types:
        problems.append(_("its types do not include VerifiablePresentation."))
    if "id" in document and not is_url(document["id"]):
        problems.append(_("its id must be one URL."))
    holder = document.get("holder")
    if "holder" in document and not (is_url(holder) or (isinstance(holder, dict) and is_url(holder.get("id")))):
        problems.append(_("its holder must be a URL or an object with an id that is a URL."))
    carried = _entries(document.get("verifiableCredential"))
    if contexts and contexts[0] == VC_V2 and any(isinstance(c, str) for c in carried):
        problems.append(_("under VC 2.0 a credential in it must be an object, not a bare token."))
    if "proof" in document and any(not isinstance(p, dict) or not _has_type(p) for p in _entries(document["proof"])):
        problems.append(_("its proof has no type."))
    return problems


def presentation_line(holder_proof: Check, document: dict[str, Any]) -> Check:
    """The presentation's line: its holder proof, failed with the reasons when the presentation itself is
    malformed (shown beside each credential; a credential's own status does not depend on it)."""
    problems = presentation_problems(document)
    if not problems:
        return holder_proof
    reasons = "; ".join(p.rstrip(".") for p in problems[:_MAX_SHOWN])
    return Check(holder_proof.check, Outcome.FAILED,
                 said(N_("The presentation does not follow the VC data model: {reasons}. {message}"),
                      reasons=reasons, message=holder_proof.message))

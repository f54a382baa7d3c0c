"""Does the checks' plain reading of a credential see everything its signature covers?

An RDF-canonicalised proof (eddsa-rdfc-2022, ecdsa-rdfc-2019, the 2018 and 2020 suites, ecdsa-sd-2023) signs what
a credential means, not how its JSON is spelled. The validity, status, recipient and issuer checks read plain JSON
keys ("validUntil", "credentialStatus", "credentialSubject"'s "id"). The same meaning can be spelled so that those
keys are missing while the signature still holds: the term's full web address as the key, an alias from an inline
context, an `@nest` wrapper, "@id" for "id", a top-level `@graph`. An expired, revoked or someone else's credential
would then pass. Expansion gives the meaning; a value in it that the plain reading does not see is named here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

VC = "https://www.w3.org/2018/credentials#"
WATCHED = ("issuer", "credentialSubject", "validFrom", "validUntil", "issuanceDate", "expirationDate",
           "credentialStatus")
"""The top-level terms the trust checks read, all in the VC vocabulary under these names in VC 1.1 and 2.0."""
_NODE = "\0node"
"""A value that is a node with no id: counted, not compared by text."""


def _values(value: Any) -> list[Any]:
    return [] if value is None else value if isinstance(value, list) else [value]


def _meant(value: Any) -> str:
    if isinstance(value, dict):
        if "@value" in value:
            return str(value["@value"])
        node = value.get("@id")
        return node if isinstance(node, str) else _NODE
    return str(value)


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        node = value.get("id")
        return node if isinstance(node, str) else _NODE
    return value if isinstance(value, str) else str(value)


def hidden_from_plain_reading(document: dict[str, Any], expanded: list[Any]) -> list[str]:
    """The watched terms whose signed values (in `expanded`, the document's JSON-LD expansion) include one the
    document's own plain keys do not give, in WATCHED's order. Extra plain values are not named here: a key no
    context defines is the term check's ("undefined") and is covered by no signature."""
    nodes = [node for node in expanded if isinstance(node, dict)]
    hidden = []
    for term in WATCHED:
        meant = Counter(_meant(v) for node in nodes for v in _values(node.get(VC + term)))
        if not meant:
            continue
        seen = Counter(_plain(v) for v in _values(document.get(term)))
        if meant - seen:
            hidden.append(term)
    return hidden

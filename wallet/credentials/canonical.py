"""Canonical forms for signing: RDF Dataset Canonicalization (RDFC-1.0 via pyld) and JCS (RFC 8785).

`rdfc` also reports terms the contexts do not define. pyld drops such properties silently, and VC 2.0's
`@vocab` maps them to the issuer-dependent namespace; either way they would slip past the signature
unnoticed, so we list them for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import rfc8785
from pyld import jsonld

from wallet.credentials.contexts import document_loader
from wallet.errors import CredentialFormatError, UnknownContextError

ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"


@dataclass
class Canonical:
    nquads: str
    undefined_terms: list[str] = field(default_factory=list)


def _collect_relative(node: Any, found: set[str]) -> None:
    """Types and properties left as relative IRIs after expansion were not defined by any context."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key == "@type" and "@value" not in item:
                    for t in value if isinstance(value, list) else [value]:
                        if isinstance(t, str) and ":" not in t:
                            found.add(t)
                elif key not in ("@value", "@id", "@language", "@direction"):
                    stack.append(value)


def expand(document: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """JSON-LD expansion with the offline loader; returns (expanded, undefined terms)."""
    dropped: set[str] = set()

    def on_dropped(term: str | None) -> None:
        if term:
            dropped.add(term)

    try:
        processor = jsonld.JsonLdProcessor(on_property_dropped=on_dropped)
        expanded: list[Any] = processor.expand(document, {"documentLoader": document_loader, "base": None})
    except jsonld.JsonLdError as exc:
        raise _explain(exc) from exc
    except RecursionError as exc:
        raise CredentialFormatError("The credential is nested too deeply to read.") from exc
    _collect_relative(expanded, dropped)
    return expanded, sorted(dropped)


def _explain(exc: Exception) -> Exception:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, UnknownContextError):
            return cause
        details = getattr(cause, "details", None)
        inner = details.get("cause") if isinstance(details, dict) else None
        cause = inner if isinstance(inner, BaseException) else cause.__cause__
    return CredentialFormatError(f"The credential's JSON-LD cannot be processed: {getattr(exc, 'message', exc)}.")


def rdfc(document: dict[str, Any]) -> Canonical:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document, and the terms no context defines."""
    expanded, undefined = expand(document)
    try:
        nquads: str = jsonld.normalize(
            expanded,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
                "base": None,
            },
        )
    except jsonld.JsonLdError as exc:
        raise _explain(exc) from exc
    issuer_dependent = {
        part[1 + len(ISSUER_DEPENDENT) : -1]
        for line in nquads.splitlines()
        for part in line.split(" ")
        if part.startswith("<" + ISSUER_DEPENDENT)
    }
    return Canonical(nquads, sorted(set(undefined) | issuer_dependent))


def jcs(value: Any) -> bytes:
    """RFC 8785 JSON Canonicalization Scheme bytes."""
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, ValueError, TypeError) as exc:
        raise CredentialFormatError(f"The credential cannot be put in canonical JSON form: {exc}.") from exc

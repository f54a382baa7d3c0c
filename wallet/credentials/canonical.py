"""Canonical forms for signing: RDF Dataset Canonicalization (RDFC-1.0 via pyld) and JCS (RFC 8785).

`rdfc` also reports terms the contexts do not define. pyld drops such properties silently, and VC 2.0's
`@vocab` maps them to the issuer-dependent namespace; either way they would slip past the signature
unnoticed, so we list them for the report.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType
from typing import Any

import rfc8785

from wallet.credentials.contexts import document_loader, is_known
from wallet.credentials.report import clip, said
from wallet.errors import CredentialFormatError, UnknownContextError
from wallet.i18n import N_, _

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


@dataclass(frozen=True)
class _Pyld:
    jsonld: ModuleType
    processor: type
    """pyld's processor, remembering the expanded form and every property it drops."""
    urdna2015: type
    sha384_canon: type
    """RDFC-1.0 with SHA-384 as its hash, as ecdsa-rdfc-2019 requires for P-384 keys."""


@cache
def _pyld() -> _Pyld:
    """pyld, imported when a credential is first expanded or canonicalised, not when the app starts: with the
    HTTP clients it imports for document loaders the app never uses, it is 7 MB of a start that needs none."""
    from pyld import jsonld
    from pyld.canon import URDNA2015

    class Processor(jsonld.JsonLdProcessor):  # type: ignore[misc]
        def __init__(self) -> None:
            self.dropped: set[str] = set()
            self.expanded: list[Any] = []
            super().__init__(on_property_dropped=self._on_dropped)

        def _on_dropped(self, term: object) -> None:
            if isinstance(term, str) and term:  # pyld also reports keys that are not text (dicts built in Python)
                self.dropped.add(term)

        def expand(self, input_: Any, options: Any) -> Any:
            expanded = super().expand(input_, options)
            self.expanded = expanded
            return expanded

    class Sha384Canon(URDNA2015):  # type: ignore[misc]
        def create_hash(self) -> Any:
            return hashlib.sha384()

    return _Pyld(jsonld, Processor, URDNA2015, Sha384Canon)


def pyld_jsonld() -> ModuleType:
    """pyld's `jsonld` module (imported on first use)."""
    return _pyld().jsonld


def urdna2015() -> Any:
    """A fresh RDFC-1.0 (URDNA2015) canonicaliser from pyld."""
    return _pyld().urdna2015()


def is_jsonld_error(exc: BaseException) -> bool:
    """pyld's own error, without importing pyld to ask (an error from it means it is loaded)."""
    return any(c.__name__ == "JsonLdError" and c.__module__.startswith("pyld") for c in type(exc).__mro__)


_OPTIONS = {"documentLoader": document_loader, "base": None}


def _check_contexts(document: Any) -> None:
    """Every top-level context URL must be one we ship (relative or mistyped URLs included)."""
    if not isinstance(document, dict):
        return
    value = document.get("@context")
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and not is_known(item):
            raise UnknownContextError(item)


def _guarded(run: Any) -> Any:
    try:
        return run()
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise CredentialFormatError(_("The credential's JSON-LD cannot be processed ({name}).").format(
            name=type(exc).__name__)) from exc
    except RecursionError as exc:
        raise CredentialFormatError(_("The credential is nested too deeply to read.")) from exc
    except Exception as exc:
        if is_jsonld_error(exc):
            raise _explain(exc) from exc
        raise


_EXPANDED: OrderedDict[str, tuple[list[Any], frozenset[str]]] = OrderedDict()
_EXPANDED_LOCK = threading.Lock()
_EXPANDED_KEEP = 32


def _expanded(document: dict[str, Any]) -> tuple[list[Any], frozenset[str]]:
    """The expansion of `document` and the properties it dropped, computed once for the same JSON text.

    The data-model check and RDFC both expand the credential (without its proofs): the second reads the first's
    result instead of paying pyld's expansion twice. Callers must not change what they get."""
    key: str = _guarded(lambda: json.dumps(document, ensure_ascii=False))
    with _EXPANDED_LOCK:
        found = _EXPANDED.get(key)
        if found is not None:
            _EXPANDED.move_to_end(key)
            return found
    processor = _pyld().processor()
    expanded: list[Any] = _guarded(lambda: processor.expand(document, dict(_OPTIONS)))
    result = (expanded, frozenset(processor.dropped))
    with _EXPANDED_LOCK:
        _EXPANDED[key] = result
        while len(_EXPANDED) > _EXPANDED_KEEP:
            _EXPANDED.popitem(last=False)
    return result


def forget_expansions() -> None:
    """Drop the remembered expansions (benchmarks measure a credential seen for the first time)."""
    with _EXPANDED_LOCK:
        _EXPANDED.clear()


def expand(document: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """JSON-LD expansion with the offline loader; returns (expanded, undefined terms)."""
    _check_contexts(document)
    expanded, dropped = _expanded(document)
    undefined = set(dropped)
    _collect_relative(expanded, undefined)
    return expanded, sorted(undefined)


def _explain(exc: Exception) -> Exception:
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, UnknownContextError):
            return cause
        details = getattr(cause, "details", None)
        inner = details.get("cause") if isinstance(details, dict) else None
        cause = inner if isinstance(inner, BaseException) else cause.__cause__
    first = exc.args[0] if exc.args and isinstance(exc.args[0], str) else None
    reason = getattr(exc, "code", None) or first or type(exc).__name__  # pyld's str() carries the whole context
    return CredentialFormatError(said(N_("The credential's JSON-LD cannot be processed: {reason}."),
        reason=clip(str(reason), 80)))


def rdfc(document: dict[str, Any], *, sha384: bool = False) -> Canonical:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document, and the terms no context defines.

    One expansion serves both: the RDF dataset is built from it and the dropped terms are collected on the way;
    it is shared with the data-model check (`_expanded`).
    `sha384` selects RDFC-1.0's SHA-384 variant (blank node labels then differ).
    """
    _check_contexts(document)
    expanded, dropped = _expanded(document)
    engine = _pyld()
    dataset = _guarded(lambda: engine.jsonld.JsonLdProcessor().to_rdf(expanded, dict(_OPTIONS)))
    canon = engine.sha384_canon() if sha384 else engine.urdna2015()
    nquads: str = _guarded(lambda: canon.main(dataset, {"format": "application/n-quads"}))
    undefined = set(dropped)
    _collect_relative(expanded, undefined)
    issuer_dependent = {
        part[1 + len(ISSUER_DEPENDENT) : -1]
        for line in nquads.splitlines()
        for part in line.split(" ")
        if part.startswith("<" + ISSUER_DEPENDENT)
    }
    return Canonical(nquads, sorted(undefined | issuer_dependent))


def jcs(value: Any) -> bytes:
    """RFC 8785 JSON Canonicalization Scheme bytes."""
    try:
        return bytes(rfc8785.dumps(value))
    except (rfc8785.CanonicalizationError, ValueError, TypeError) as exc:
        raise CredentialFormatError(_("The credential cannot be put in canonical JSON form: {exc}.").format(
            exc=exc)) from exc

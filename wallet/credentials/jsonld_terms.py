"""The JSON-LD half of the data-model check: contexts, and what expansion says about the credential's terms.

Contexts come only from resources/ (wallet.credentials.contexts). A context URL the wallet does not ship is never
fetched: the terms are then "not checked", with that reason. Expansion (pyld) finds protected terms that are
redefined, types that map to no URL, and properties no context defines (pyld drops them silently, so they would
be shown to a reader but covered by no signature). Proofs are left to the signature checks: the credential is
expanded without them, exactly as RDFC expands it, so the verifier pays for one expansion, not two.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from wallet.credentials.canonical import ISSUER_DEPENDENT, expand, is_jsonld_error
from wallet.credentials.contexts import is_known
from wallet.credentials.plain_reading import hidden_from_plain_reading
from wallet.credentials.report import clip, said
from wallet.errors import CredentialFormatError, UnknownContextError
from wallet.i18n import N_

VC_V2 = "https://www.w3.org/ns/credentials/v2"
VC_V1 = "https://www.w3.org/2018/credentials/v1"
UNDEFINED_TERM = "https://www.w3.org/ns/credentials/undefined-term#"
"""Where VC 2.0's optional undefined-terms context (…/credentials/undefined-terms/v2) puts terms nothing defines;
drafts called it the issuer-dependent vocabulary (`canonical.ISSUER_DEPENDENT`)."""
_OWN_VOCABULARIES = (UNDEFINED_TERM, ISSUER_DEPENDENT)
URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")
"""An absolute URL or URN (RFC 3986 scheme, then no whitespace): what VCDM means by "a URL" for identifiers."""


def is_url(value: Any) -> bool:
    return isinstance(value, str) and URL.match(value) is not None


@dataclass
class TermFindings:
    """What the contexts and expansion say: `errors` make the credential malformed, `undefined` are terms no
    context defines, `issuer_dependent` fall to VC 2.0's issuer-dependent vocabulary, `unchecked` says why the
    terms could not be looked at (a context not shipped)."""

    version: int | None = None
    errors: list[str] = field(default_factory=list)
    undefined: list[str] = field(default_factory=list)
    issuer_dependent: list[str] = field(default_factory=list)
    unchecked: str | None = None
    hidden: tuple[str, ...] = ()
    """Signed terms the other checks' plain reading of the JSON misses (`plain_reading`): each is also an error."""


def _context_errors(items: list[Any], found: TermFindings) -> None:
    """The @context rules both data models share, and which version the first entry names."""
    if not items:
        found.errors.append(said(N_("Its @context is empty: the VC base context must come first.")))
        return
    odd = [item for item in items if not isinstance(item, str | dict)]
    if odd:
        found.errors.append(
            said(N_("An @context entry is neither a URL nor an object (it is {odd})."), odd=clip(repr(odd[0]), 40))
        )
    first = items[0]
    if first == VC_V2:
        found.version = 2
    elif first == VC_V1:
        found.version = 1
    else:
        shown = clip(first, 60) if isinstance(first, str) else "an object"
        found.errors.append(
            said(N_("Its first @context must be the VC base context ({vc_v2} for VC 2.0, {vc_v1} for VC 1.1), but it "
                    "is {shown}."), vc_v2=VC_V2, vc_v1=VC_V1, shown=shown)
        )
    urls = [item for item in items if isinstance(item, str)]
    if VC_V1 in urls and VC_V2 in urls:
        found.errors.append(said(N_("It mixes the VC 1.1 and VC 2.0 base contexts, which define the same terms "
                                    "differently.")))
    for url in urls:
        if not is_url(url):
            found.errors.append(said(N_("The @context entry '{url}' is not a URL."), url=clip(url, 60)))
        elif not is_known(url) and found.unchecked is None:
            found.unchecked = (
                said(N_("Not checked: the context {url} is not shipped with the wallet, and contexts are never "
                        "fetched, so its terms cannot be checked offline."), url=clip(url, 80))
            )


_JSONLD_ERRORS = {
    "protected term redefinition": N_("It redefines a term its base context protects{where}, which would change "
                                      "what the credential means."),
    "invalid IRI mapping": N_("Its @context maps a term to something that is not a URL{where}."),
    "invalid type value": N_("A type is not text{where}: every type must be a name or a URL."),
    "invalid type mapping": N_("Its @context gives a term an invalid type{where}."),
    "invalid value object": N_("A value is malformed{where}: a language-tagged text may hold only @value, "
                               "@language and @direction."),
    "invalid language-tagged string": N_("A language-tagged text is malformed{where}."),
    "invalid local context": N_("An @context entry is not a valid JSON-LD context{where}."),
}


def _where(error: Exception) -> str:
    details = getattr(error, "details", None)
    details = details if isinstance(details, dict) else {}
    context = details.get("context")
    if isinstance(context, dict) and context:
        return f" ({clip(', '.join(str(k) for k in context), 60)})"
    return ""


def _jsonld_error(exc: CredentialFormatError) -> str:
    """A sentence for a JSON-LD processing error, naming the rule it broke."""
    cause = exc.__cause__
    if isinstance(cause, Exception) and is_jsonld_error(cause):
        code = getattr(cause, "code", None)
        template = _JSONLD_ERRORS.get(str(code))
        if template is not None:
            return said(template, where=_where(cause))
        return said(N_("Its JSON-LD cannot be processed ({value})."), value=clip(code or 'error', 60))
    if cause is None or isinstance(cause, RecursionError):
        return exc.message
    if isinstance(cause, KeyError):  # pyld's answer to a type no context maps once @vocab is turned off
        return said(N_("Its JSON-LD cannot be processed: a type or term maps to no URL (its context turns off "
                       "@vocab?)."))
    return said(N_("Its JSON-LD cannot be processed: a value has a shape JSON-LD does not allow."))


def _walk(expanded: Any, found: TermFindings) -> set[str]:
    """Types left relative (no context maps them to a URL), and properties in the issuer-dependent vocabulary.

    The VC 2.0 context has no `@vocab`, so an undefined type or property stays undefined (a warning); a credential
    that adds the undefined-terms context (or a draft's issuer-dependent `@vocab`) says so on purpose: its terms
    are named as the issuer's own."""
    relative: set[str] = set()
    dependent: set[str] = set()
    stack = [expanded]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict) or "@value" in node:
            continue
        for key, value in node.items():
            if key == "@type":
                for name in value if isinstance(value, list) else [value]:
                    if isinstance(name, str) and not is_url(name):
                        relative.add(name)
                    elif isinstance(name, str) and name.startswith(_OWN_VOCABULARIES):
                        dependent.add(name.split("#", 1)[1])
            elif key.startswith(_OWN_VOCABULARIES):
                dependent.add(key.split("#", 1)[1])
                stack.append(value)
            elif not key.startswith("@") or key in ("@graph", "@list", "@set", "@included"):
                stack.append(value)
    found.issuer_dependent = sorted(dependent)
    return relative


def term_findings(document: dict[str, Any]) -> TermFindings:
    """Contexts and terms of one JSON-LD credential; never raises for a bad credential."""
    found = TermFindings()
    if "@context" not in document:
        found.errors.append(said(N_("It has no @context, so its terms have no agreed meaning.")))
        return found
    context = document["@context"]
    _context_errors(context if isinstance(context, list) else [context], found)
    if found.errors or found.unchecked:
        return found
    unsecured = {key: value for key, value in document.items() if key != "proof"}  # proofs: the signature checks'
    key = _skeleton_key(unsecured)
    known = _FINDINGS.get(key) if key is not None else None
    if known is not None:
        return replace(known, errors=list(known.errors), undefined=list(known.undefined),
                       issuer_dependent=list(known.issuer_dependent))
    _expand_terms(unsecured, found)
    if key is not None:
        _FINDINGS[key] = replace(found, errors=list(found.errors), undefined=list(found.undefined),
                                 issuer_dependent=list(found.issuer_dependent))
        while len(_FINDINGS) > _FINDINGS_KEPT:
            _FINDINGS.pop(next(iter(_FINDINGS)))
    return found


_FINDINGS: dict[str, TermFindings] = {}
_FINDINGS_KEPT = 256
_SKELETON_DEPTH = 64
_KEPT_VALUES = frozenset({"@context", "type", "@type"})


def _skeleton(value: Any, depth: int, keep: bool) -> Any:
    """The credential with every string that cannot change what expansion finds set to one placeholder.

    What the term check finds depends on the keys, the contexts, the types (type-scoped contexts), keywords' values
    and the JSON shape, never on the text of names, descriptions or ids. Credentials from one issuer share a
    skeleton, so the check expands each shape once (a JCS-signed credential has no other expansion to share)."""
    if depth > _SKELETON_DEPTH:
        raise _TooDeep
    if isinstance(value, dict):
        return {k: _skeleton(v, depth + 1, keep or _kept(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_skeleton(v, depth + 1, keep) for v in value]
    if isinstance(value, str) and not keep:
        return "x"
    return value


def _kept(key: object) -> bool:
    """Whether a property's strings can change what expansion finds (contexts, types, keywords)."""
    return isinstance(key, str) and (key in _KEPT_VALUES or key.startswith("@"))


class _TooDeep(Exception):
    """A credential too deep to be worth a skeleton: it is expanded (and judged) as it is."""


def _skeleton_key(document: dict[str, Any]) -> str | None:
    try:
        return json.dumps(_skeleton(document, 0, False), sort_keys=True, separators=(",", ":"))
    except (_TooDeep, TypeError, ValueError):
        return None


def _expand_terms(unsecured: dict[str, Any], found: TermFindings) -> None:
    """Expand once and collect what expansion says into `found`."""
    try:
        expanded, dropped = expand(unsecured)  # the same expansion RDFC then reuses (canonical._expanded)
    except UnknownContextError as exc:
        found.unchecked = f"Not checked: {exc.message}"
        return
    except CredentialFormatError as exc:
        found.errors.append(_jsonld_error(exc))
        return
    hidden = hidden_from_plain_reading(unsecured, expanded)
    found.hidden = tuple(hidden)
    if hidden:
        found.errors.append(said(N_("It writes {terms} in a form the wallet's checks do not read (as a full web "
                                    "address, under another name, nested, or with \"@id\"), though its signature "
                                    "covers it: what it shows and what it says could differ."),
                                 terms=", ".join(hidden)))
    relative = _walk(expanded, found)  # a type no context maps is an undefined term like any other
    found.undefined = sorted(term for term in set(dropped) | relative if not term.startswith("@"))

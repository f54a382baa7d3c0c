"""Checking an ecdsa-sd-2023 *base* proof, the form an issuer hands to the holder (W3C VC DI ECDSA).

A base proof value is multibase 'u' + base64url of the header 0xd9 0x5d 0x00 and a CBOR array
[baseSignature, publicKey, hmacKey, signatures, mandatoryPointers]. The specification defines verification for
derived proofs only; a holder can still check that the base proof it received holds, which is what this does:

1. skolemise the document (every blank node gets a temporary IRI), canonicalise it and rename its blank nodes
   with HMAC-SHA256(hmacKey, canonical label);
2. the statements selected by `mandatoryPointers` (with the ids and types on their paths) are mandatory;
3. the issuer signed sha256(proof config) ‖ publicKey ‖ sha256(mandatory N-Quads), and the ephemeral key signed
   every other statement, in order.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Any

import cbor2

from wallet.credentials.canonical import is_jsonld_error, pyld_jsonld, rdfc, urdna2015
from wallet.credentials.contexts import document_loader
from wallet.credentials.p256 import holds, issuer_p256_key, p256_key
from wallet.credentials.report import said
from wallet.errors import CredentialFormatError
from wallet.i18n import N_, _

BASE_HEADER = b"\xd9\x5d\x00"
MAX_PROOF_VALUE_CHARS = 200_000
"""A proof carries one 64-byte signature per statement; far longer text is refused unread."""
SKOLEM = "urn:bnid:"
MAX_POINTERS = 64
"""Issuers name a few mandatory fields; each pointer copies part of the credential, so a long list is refused."""


@dataclass(frozen=True)
class Verdict:
    """The answer on one ecdsa-sd-2023 proof (base or derived): valid True / False / None (not checkable), and why."""

    valid: bool | None
    message: str
    undefined_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class BaseProof:
    """The parts of a base ecdsa-sd-2023 proof value."""

    base_signature: bytes
    public_key: bytes
    hmac_key: bytes
    signatures: tuple[bytes, ...]
    mandatory_pointers: tuple[str, ...]


def parse_base(proof_value: object) -> BaseProof:
    """Read a base proof value; raises CredentialFormatError when it is not one."""
    bad = CredentialFormatError(said(N_("The selective disclosure base proof does not have the expected five parts.")))
    if not isinstance(proof_value, str) or len(proof_value) > MAX_PROOF_VALUE_CHARS or not proof_value.startswith("u"):
        raise bad
    body = proof_value[1:]
    try:
        if any(c in body for c in "+/="):
            raise ValueError(_("not base64url"))
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        parts = cbor2.loads(raw[3:]) if raw[:3] == BASE_HEADER else None
    except (cbor2.CBORDecodeError, ValueError, TypeError, RecursionError) as exc:
        raise bad from exc
    if not isinstance(parts, list) or len(parts) != 5:
        raise bad
    signature, public_key, hmac_key, signatures, pointers = parts
    if not all(isinstance(p, bytes) for p in (signature, public_key, hmac_key)):
        raise bad
    if not isinstance(signatures, list) or not all(isinstance(s, bytes) for s in signatures):
        raise bad
    if not isinstance(pointers, list) or len(pointers) > MAX_POINTERS or not all(isinstance(p, str) for p in pointers):
        raise bad
    return BaseProof(signature, public_key, hmac_key, tuple(signatures), tuple(pointers))


def _is_node(item: dict[str, Any]) -> bool:
    return not any(k in item for k in ("@value", "@list", "@set"))


def _skolemise(expanded: Any, prefix: str) -> None:
    """Give every node object without an @id a temporary IRI, in place."""
    counter = 0
    stack = [expanded]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if _is_node(item) and "@id" not in item:
                item["@id"] = f"{prefix}b{counter}"
                counter += 1
            elif _is_node(item) and str(item["@id"]).startswith("_:"):
                item["@id"] = prefix + str(item["@id"])[2:]
            stack.extend(v for k, v in item.items() if k != "@value")


def _deskolemised(document: Any, prefix: str) -> list[dict[str, Any]]:
    """The RDF quads of a (skolemised) JSON-LD document, temporary IRIs turned back into blank nodes."""
    options = {"documentLoader": document_loader, "base": None}
    dataset = pyld_jsonld().to_rdf(copy.deepcopy(document), options)
    quads: list[dict[str, Any]] = []
    for graph, triples in dataset.items():
        for quad in triples:
            for position in ("subject", "object"):
                term = quad[position]
                if term.get("type") == "IRI" and str(term["value"]).startswith(prefix):
                    quad[position] = {"type": "blank node", "value": "_:" + str(term["value"])[len(prefix) :]}
            if graph != "@default":
                name = graph[len(prefix) :] if graph.startswith(prefix) else None
                quad["name"] = {"type": "blank node", "value": "_:" + name} if name else {"type": "IRI", "value": graph}
            quads.append(quad)
    return quads


def _serialise(quad: dict[str, Any], labels: dict[str, str]) -> str:
    quad = copy.deepcopy(quad)
    for position in ("subject", "object", "name"):
        term = quad.get(position)
        if term is not None and term.get("type") == "blank node":
            if term["value"] not in labels:
                raise CredentialFormatError(_("The selection names a blank node the credential does not have."))
            term["value"] = "_:" + labels[term["value"]]
    name = quad.pop("name", None)
    graph = name["value"] if name else None
    line: str = pyld_jsonld().serialize_nquad(quad, graph)
    return line


def canonical_labels(quads: list[dict[str, Any]]) -> dict[str, str]:
    """Each original blank node label of these quads -> the label RDF canonicalisation gives it ("_:c14n0")."""
    dataset: dict[str, list[dict[str, Any]]] = {}
    for quad in copy.deepcopy(quads):
        name = quad.pop("name", None)
        dataset.setdefault(name["value"] if name else "@default", []).append(quad)
    canon = urdna2015()
    canon.main(dataset, {"format": "application/n-quads"})
    return dict(canon.canonical_issuer.existing)


def _hmac_labels(quads: list[dict[str, Any]], key: bytes) -> dict[str, str]:
    """Each original blank node label -> 'u' + base64url(HMAC(key, its canonical label))."""
    labels: dict[str, str] = {}
    for original, canonical in canonical_labels(quads).items():
        digest = hmac.new(key, canonical[2:].encode("utf-8"), hashlib.sha256).digest()
        labels[original] = "u" + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")
    return labels


def _pointer_paths(pointer: str) -> list[str]:
    """The reference tokens of a JSON pointer (RFC 6901), unescaped."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        raise CredentialFormatError(_("A mandatory pointer of the base proof is not a JSON pointer."))
    return [part.replace("~1", "/").replace("~0", "~") for part in pointer[1:].split("/")]


def _initial(source: Any) -> Any:
    if isinstance(source, list):
        return {}
    selection: dict[str, Any] = {}
    if isinstance(source, dict):
        if isinstance(source.get("id"), str) and not source["id"].startswith("_:"):
            selection["id"] = source["id"]
        if "type" in source:
            selection["type"] = source["type"]
    return selection


def _key(value: Any, token: str) -> str | int:
    """The key a pointer token names in `value`: an index into an array, a member name in an object."""
    if isinstance(value, dict) and token in value:
        return token
    if isinstance(value, list) and token.isdigit() and len(token) < 10 and int(token) < len(value):
        return int(token)
    raise CredentialFormatError(_("A mandatory pointer of the base proof names nothing in the credential."))


def _has(container: Any, key: str | int) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(container, list) and isinstance(key, int) and key < len(container)


def _densify(value: Any, sparse: set[int]) -> Any:
    """Selection arrays are built as {index: item}; turn them back into lists in index order."""
    if isinstance(value, dict):
        items = {k: _densify(v, sparse) for k, v in value.items()}
        if id(value) in sparse:
            return [items[k] for k in sorted(items)]
        return items
    if isinstance(value, list):
        return [_densify(v, sparse) for v in value]
    return value


def select(pointers: tuple[str, ...], document: dict[str, Any]) -> dict[str, Any] | None:
    """The part of a compact document the JSON pointers name, with the ids and types on the way (selectJsonLd)."""
    if not pointers:
        return None
    selection: dict[str, Any] = _initial(document)
    selection["@context"] = copy.deepcopy(document.get("@context"))
    sparse: set[int] = set()
    for pointer in dict.fromkeys(pointers):
        tokens = _pointer_paths(pointer)
        if not tokens:
            return copy.deepcopy(document)
        value: Any = document
        selected: Any = selection
        parent: Any = selection
        key: str | int = ""
        for token in tokens:
            parent = selected
            key = _key(value, token)
            value = value[key]
            if not _has(parent, key):
                parent[key] = _initial(value)
                if isinstance(value, list):
                    sparse.add(id(parent[key]))
            selected = parent[key]
        if isinstance(value, dict) and isinstance(selected, dict):
            parent[key] = {**selected, **copy.deepcopy(value)}
        else:
            parent[key] = copy.deepcopy(value)
    densified: dict[str, Any] = _densify(selection, sparse)
    return densified


def verify_base(document: dict[str, Any], proof: dict[str, Any], method: dict[str, Any]) -> Verdict:
    """Check a base ecdsa-sd-2023 proof against the issuer's verification method."""
    issuer_key = issuer_p256_key(method)
    base = parse_base(proof.get("proofValue"))
    ephemeral = p256_key(base.public_key)
    config = {k: v for k, v in proof.items() if k != "proofValue"}
    config["@context"] = document.get("@context")
    proof_hash = hashlib.sha256(rdfc(config).nquads.encode("utf-8")).digest()
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    canonical = rdfc(unsecured)  # refuses unknown contexts and reports undefined terms
    prefix = f"{SKOLEM}{secrets.token_hex(8)}_"
    options = {"documentLoader": document_loader, "base": None}
    try:
        expanded = pyld_jsonld().expand(copy.deepcopy(unsecured), options)
        _skolemise(expanded, prefix)
        compact = pyld_jsonld().compact(expanded, {"@context": unsecured.get("@context")}, options)
        quads = _deskolemised(expanded, prefix)
        labels = _hmac_labels(quads, base.hmac_key)
        statements = sorted({_serialise(q, labels) for q in quads})
        selection = select(base.mandatory_pointers, compact)
        chosen = {_serialise(q, labels) for q in _deskolemised(selection, prefix)} if selection else set()
    except Exception as exc:
        if not (is_jsonld_error(exc) or isinstance(exc, TypeError | ValueError | KeyError | AttributeError |
                                                   RecursionError)):
            raise
        raise CredentialFormatError(_("The credential's JSON-LD cannot be processed for its base proof.")) from exc
    undefined = tuple(canonical.undefined_terms)
    mandatory = "".join(s for s in statements if s in chosen)
    others = [s for s in statements if s not in chosen]
    if len(base.signatures) != len(others):
        message: str = said(N_("The base proof has a different number of signatures than statements: the "
                               "credential was "
                          "changed."))
        return Verdict(False, message, undefined)
    mandatory_hash = hashlib.sha256(mandatory.encode("utf-8")).digest()
    if not holds(issuer_key, base.base_signature, proof_hash + base.public_key + mandatory_hash):
        message = said(N_("The issuer's signature does not match: the credential was changed after it was signed."))
        return Verdict(False, message, undefined)
    for signature, statement in zip(base.signatures, others, strict=True):
        if not holds(ephemeral, signature, statement.encode("utf-8")):
            message = said(N_("A statement does not match its signature: it was changed after it was signed."))
            return Verdict(False, message, undefined)
    message = (
        said(N_("The ecdsa-sd-2023 base proof is valid for all {count} statements (the holder shared everything "
                "instead of a derived disclosure)."), count=len(statements))
    )
    return Verdict(True, message, undefined)

"""CBOR-LD (the compact JSON-LD of VPQR codes and VC barcodes), read and written for the forms published codes use.

The JavaScript `@digitalbazaar/cborld` library makes it; no maintained Python library reads it, so this does,
for two forms:

- legacy "singleton" CBOR-LD (CBOR tag 0x0501): contexts by their number in the legacy registry;
- CBOR-LD with registry entry 1 (tag 0xcb1d, `[1, data]`): contexts by URL.

Both compress terms to numbers assigned as contexts are applied: each context's terms, sorted, get the next
even numbers from 100 (odd = the same term with an array value), and type- and property-scoped contexts are
applied where JSON-LD applies them. Values are compressed by their term's type: URLs (`did:key`, `urn:uuid`,
http/https), dates (seconds since 1970), multibase strings (bytes), vocabulary terms (numbers).

Anything else (another registry entry, a context we do not ship) is "cannot read this QR form yet" with
the reason. Only contexts shipped in resources/ are used, never the network.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import base58
import cbor2

from wallet.credentials.contexts import context_document, is_known
from wallet.resources import resource_path
from wallet.sharing.qr_codec import QrCodeError

LEGACY_TAG = 0x0501
TAG = 0xCB1D
CANNOT = "cannot read this QR form yet"

KEYWORDS = ["@context", "@type", "@id", "@value", "@direction", "@graph", "@included", "@index", "@json",
            "@language", "@list", "@nest", "@reverse", "@base", "@container", "@default", "@embed", "@explicit",
            "@none", "@omitDefault", "@prefix", "@preserve", "@protected", "@requireAll", "@set", "@version",
            "@vocab"]
FIRST_TERM = 100
LEGACY_CONTEXTS = {
    0x10: "https://www.w3.org/ns/activitystreams",
    0x11: "https://www.w3.org/2018/credentials/v1",
    0x12: "https://www.w3.org/ns/did/v1",
    0x14: "https://w3id.org/security/suites/ed25519-2020/v1",
    0x15: "https://w3id.org/cit/v1",
    0x16: "https://w3id.org/age/v1",
    0x31: "https://w3id.org/security/multikey/v1",
}
"""The legacy registry numbers that published VPQR and CBOR-LD vectors use (each one checked by a test)."""
EXTRA_CONTEXTS = {
    "https://w3id.org/age/v1": "w3id.org_age_v1.jsonld",
    "https://w3id.org/cit/v1": "w3id.org_cit_v1.jsonld",
}
"""Contexts only VPQR codes need, shipped in resources/qr/cborld/ (BSD-3-Clause, Digital Bazaar)."""
URL_PREFIXES = {1: "http://", 2: "https://"}
XSD = "http://www.w3.org/2001/XMLSchema#"
MULTIBASE = "https://w3id.org/security#multibase"


def _fail(reason: str) -> QrCodeError:
    return QrCodeError(f"This VPQR code's CBOR-LD {reason}; {CANNOT}.")


def _context_object(url: str) -> Any:
    if url in EXTRA_CONTEXTS:
        document = json.loads(resource_path("qr", "cborld", EXTRA_CONTEXTS[url]).read_text("utf-8"))
    elif is_known(url):
        document = context_document(url)
    else:
        raise _fail(f"uses the context {url}, which the wallet does not ship")
    return document.get("@context", {})


def _items(raw: Any, plural: bool) -> list[Any]:
    """The values of a term: an array for an odd (plural) term number, one value otherwise."""
    if not plural:
        return [raw]
    if not isinstance(raw, tuple | list):
        raise _fail("has a single value where its term number promises an array")
    return list(raw)


def _plain(value: Any) -> Any:
    """cbor2's frozen maps and tuples as JSON values."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


class _Decoder:
    """One document's decoding: the term table grows as contexts are applied, exactly as the encoder's did."""

    def __init__(self, numbered_contexts: bool) -> None:
        self.numbered_contexts = numbered_contexts
        self.terms: dict[int, str] = {i * 2: keyword for i, keyword in enumerate(KEYWORDS)}
        self.ids: dict[str, int] = {term: i for i, term in self.terms.items()}
        self.next_id = FIRST_TERM

    def _context_url(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            if not self.numbered_contexts or value not in LEGACY_CONTEXTS:
                raise _fail(f"names context number {value}, which the wallet does not know")
            return LEGACY_CONTEXTS[value]
        if isinstance(value, str):
            return value
        if isinstance(value, Mapping):
            return _plain(value)
        raise _fail("has a context that is neither a URL nor an object")

    def apply(self, active: dict[str, Any], context: Any) -> dict[str, Any]:
        """The active context after `context`, with its terms added to the table (sorted, new ones only)."""
        result = dict(active)
        for item in context if isinstance(context, list) else [context]:
            if item is None:
                result = {}
                continue
            definitions = _context_object(item) if isinstance(item, str) else item
            if isinstance(definitions, list):
                result = self.apply(result, definitions)
                continue
            if not isinstance(definitions, dict):
                raise _fail("has a context that is not an object")
            for term in sorted(k for k in definitions if not k.startswith("@")):
                if term not in self.ids:
                    self.ids[term] = self.next_id
                    self.terms[self.next_id] = term
                    self.next_id += 2
                result[term] = definitions[term]
        return result

    def term(self, key: Any) -> str:
        if not isinstance(key, int) or isinstance(key, bool):
            if isinstance(key, str):
                return key
            raise _fail("has a key that is neither a term number nor a string")
        term = self.terms.get(key & ~1)
        if term is None:
            raise _fail(f"uses term number {key}, which its contexts do not define")
        return term

    @staticmethod
    def definition(active: dict[str, Any], term: str) -> dict[str, Any]:
        found = active.get(term)
        if isinstance(found, str):
            return {"@id": found}
        return found if isinstance(found, dict) else {}

    def is_type(self, active: dict[str, Any], term: str) -> bool:
        return term == "@type" or self.definition(active, term).get("@id") == "@type"

    @staticmethod
    def expand(active: dict[str, Any], iri: Any) -> Any:
        if isinstance(iri, str) and ":" in iri and not iri.startswith("@"):
            prefix, rest = iri.split(":", 1)
            base = active.get(prefix)
            base_iri = base.get("@id") if isinstance(base, dict) else base
            if isinstance(base_iri, str) and not rest.startswith("//"):
                return base_iri + rest
        return iri

    def vocab(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return self.term(value)
        return self.uri(value)

    def uri(self, value: Any) -> Any:
        if not isinstance(value, tuple | list):
            return value
        if not value:
            raise _fail("has an empty URL")
        if len(value) == 2 and value[0] in URL_PREFIXES and isinstance(value[1], str):
            return URL_PREFIXES[value[0]] + value[1]
        if len(value) == 2 and value[0] == 3 and isinstance(value[1], bytes) and len(value[1]) == 16:
            return f"urn:uuid:{uuid.UUID(bytes=value[1])}"
        if value[0] == 1025 and len(value) in (2, 3) and all(isinstance(v, bytes) for v in value[1:]):
            did = "did:key:z" + base58.b58encode(value[1]).decode("ascii")
            return did + ("#z" + base58.b58encode(value[2]).decode("ascii") if len(value) == 3 else "")
        raise _fail(f"has a URL in a form the wallet does not know (number {value[0]!r})")

    def value(self, active: dict[str, Any], definition: dict[str, Any], value: Any) -> Any:
        kind = self.expand(active, definition.get("@type"))
        if isinstance(value, Mapping):
            return self.node(value, active)
        if definition.get("@id") == "@id" or kind == "@id":
            return self.uri(value)
        if kind == "@vocab":
            return self.vocab(value)
        if kind == XSD + "dateTime" and isinstance(value, int) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if kind == MULTIBASE and isinstance(value, bytes) and value[:1] == b"z":
            return "z" + base58.b58encode(value[1:]).decode("ascii")
        if isinstance(value, bytes):
            raise _fail("has bytes where the wallet expects text")
        return _plain(value)

    def node(self, data: Mapping[Any, Any], active: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in (0, 1):
            if key in data:
                raw = data[key]
                urls = [self._context_url(v) for v in _items(raw, key == 1)]
                contexts = urls if key == 1 else urls[0]
                out["@context"] = contexts
                active = self.apply(active, contexts)
        inherited = active
        types: list[str] = []
        for key, raw in data.items():
            known = self.terms.get(key & ~1) if isinstance(key, int) and not isinstance(key, bool) else key
            if key not in (0, 1) and isinstance(known, str) and self.is_type(active, known):
                types += [self.vocab(v) for v in _items(raw, bool(key & 1))]
        for type_name in sorted(t for t in types if isinstance(t, str)):
            scoped = self.definition(active, type_name).get("@context")
            if scoped is not None:
                active = self.apply(active, scoped)
        for key, raw in data.items():
            if key in (0, 1):
                continue
            term = self.term(key)
            plural = isinstance(key, int) and bool(key & 1)
            if self.is_type(active, term):
                names = [self.vocab(v) for v in _items(raw, plural)]
                out[term] = names if plural else names[0]
                continue
            definition = self.definition(active, term)
            child = self.apply(inherited, definition["@context"]) if "@context" in definition else inherited
            scope = self.apply(active, definition["@context"]) if "@context" in definition else active
            items = _items(raw, plural)
            decoded = [self.node(v, child) if isinstance(v, Mapping) else self.value(scope, definition, v)
                       for v in items]
            out[term] = decoded if plural else decoded[0]
        return out


def decode_cborld(data: bytes) -> Any:
    """The JSON-LD document inside CBOR-LD bytes (the two forms above), or a sentence saying why not."""
    try:
        item = cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError, RecursionError, MemoryError):
        raise QrCodeError("This VPQR code is damaged: its data is not CBOR.") from None
    if not isinstance(item, cbor2.CBORTag):
        raise _fail("is not tagged as CBOR-LD")
    if item.tag == LEGACY_TAG:
        body, decoder = item.value, _Decoder(numbered_contexts=True)
    elif item.tag == TAG and isinstance(item.value, Sequence) and len(item.value) == 2:
        entry, body = item.value
        if entry != 1:
            raise _fail(f"uses registry entry {entry!r}, whose tables the wallet does not have")
        decoder = _Decoder(numbered_contexts=False)
    else:
        raise _fail(f"has tag {item.tag:#x}, which is not a CBOR-LD form the wallet knows")
    try:
        if isinstance(body, Mapping):
            return decoder.node(body, {})
        if isinstance(body, Sequence) and not isinstance(body, str | bytes):
            return [decoder.node(v, {}) if isinstance(v, Mapping) else _plain(v) for v in body]
    except RecursionError:
        raise _fail("is nested too deeply") from None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError, OSError):
        raise _fail("is malformed") from None
    raise _fail("holds neither an object nor a list")


_DATE_TIME = "%Y-%m-%dT%H:%M:%SZ"
_CONTEXT_NUMBERS = {url: number for number, url in LEGACY_CONTEXTS.items()}


class _Encoder(_Decoder):
    """The inverse of `_Decoder`: the same term table, grown in the same order, and each value's compression."""

    def encode_context(self, value: Any) -> Any:
        if isinstance(value, str) and self.numbered_contexts and value in _CONTEXT_NUMBERS:
            return _CONTEXT_NUMBERS[value]
        return value

    def encode_vocab(self, value: Any) -> Any:
        if isinstance(value, str) and value in self.ids and self.ids[value] >= FIRST_TERM:
            return self.ids[value]
        return self.encode_uri(value)

    @staticmethod
    def encode_uri(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if value.startswith("urn:uuid:"):
            try:
                parsed = uuid.UUID(value[len("urn:uuid:"):])
            except ValueError:
                return value
            if f"urn:uuid:{parsed}" == value:
                return [3, parsed.bytes]
        if value.startswith("did:key:z"):
            did, _, fragment = value.partition("#")
            parts = [did[len("did:key:z"):]] + ([fragment[1:]] if fragment else [])
            if fragment and not fragment.startswith("z"):
                return value
            try:
                raw = [base58.b58decode(part) for part in parts]
            except ValueError:
                return value
            if all(base58.b58encode(r).decode("ascii") == p for r, p in zip(raw, parts, strict=True)):
                return [1025, *raw]
            return value
        for number, prefix in URL_PREFIXES.items():
            if value.startswith(prefix):
                return [number, value[len(prefix):]]
        return value

    def encode_value(self, active: dict[str, Any], definition: dict[str, Any], value: Any) -> Any:
        kind = self.expand(active, definition.get("@type"))
        if definition.get("@id") == "@id" or kind == "@id":
            return self.encode_uri(value)
        if kind == "@vocab":
            return self.encode_vocab(value)
        if kind == XSD + "dateTime" and isinstance(value, str):
            try:
                moment = datetime.strptime(value, _DATE_TIME).replace(tzinfo=UTC)
            except ValueError:
                return value
            seconds = int(moment.timestamp())
            return seconds if datetime.fromtimestamp(seconds, UTC).strftime(_DATE_TIME) == value else value
        if kind == MULTIBASE and isinstance(value, str) and value.startswith("z"):
            try:
                raw = base58.b58decode(value[1:])
            except ValueError:
                return value
            return b"z" + raw if base58.b58encode(raw).decode("ascii") == value[1:] else value
        return value

    def encode_node(self, document: Mapping[str, Any], active: dict[str, Any]) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        if "@context" in document:
            raw = document["@context"]
            if isinstance(raw, list):
                out[1] = [self.encode_context(c) for c in raw]
            else:
                out[0] = self.encode_context(raw)
            active = self.apply(active, raw)
        inherited = active
        types: list[str] = []
        for key, value in document.items():
            if key != "@context" and self.is_type(active, key):
                types += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
        for type_name in sorted(types):
            scoped = self.definition(active, type_name).get("@context")
            if scoped is not None:
                active = self.apply(active, scoped)
        keyed = []
        for key, value in document.items():
            if key == "@context":
                continue
            number = self.ids.get(key)
            plural = isinstance(value, list)
            keyed.append(((0, number + plural) if number is not None else (1, key), key, value))
        keyed.sort(key=lambda item: item[0])
        for (kind, cbor_key), key, value in keyed:
            if kind == 1:
                out[cbor_key] = _plain(value)
                continue
            items = value if isinstance(value, list) else [value]
            if self.is_type(active, key):
                encoded = [self.encode_vocab(v) for v in items]
            else:
                definition = self.definition(active, key)
                child = self.apply(inherited, definition["@context"]) if "@context" in definition else inherited
                scope = self.apply(active, definition["@context"]) if "@context" in definition else active
                encoded = [self.encode_node(v, child) if isinstance(v, Mapping)
                           else self.encode_value(scope, definition, v) for v in items]
            out[cbor_key] = encoded if isinstance(value, list) else encoded[0]
        return out


def encode_cborld(document: Any, registry_entry: int | None = None) -> bytes:
    """CBOR-LD bytes of a JSON-LD document: legacy singleton (no entry), or registry entry 1 (contexts by URL)."""
    if registry_entry not in (None, 1):
        raise ValueError("only the legacy form and registry entry 1 are written")
    encoder = _Encoder(numbered_contexts=registry_entry is None)
    if isinstance(document, list):
        body: Any = [encoder.encode_node(d, {}) if isinstance(d, Mapping) else d for d in document]
    else:
        body = encoder.encode_node(document, {})
    if registry_entry is None:
        return cbor2.dumps(cbor2.CBORTag(LEGACY_TAG, body))
    return cbor2.dumps(cbor2.CBORTag(TAG, [registry_entry, body]))

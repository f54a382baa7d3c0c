"""Compact JWS (RFC 7515): reading, verifying and EdDSA signing, with strict algorithm and key rules.

Used for VC-JWT credentials (OB 3.0 / CLR 2.0 as JWTs) and OB 2.0 signed assertions.

The rules, in one place:

* Six algorithms are accepted, each tied to exactly one key type (`ALLOWED_ALGS`): EdDSA and
  Ed25519 need an Ed25519 key, RS256 an RSA key of 2048 to 8192 bits, ES256 a P-256 key, ES384 a
  P-384 key and ES512 a P-521 key (`EC_CURVE_OF`).
  The token's header can never change how a key is used: a header whose algorithm does not fit
  the key is refused with an error, not merely reported as a bad signature. That closes the
  classic confusions (alg "none", HS256 keyed with the issuer's public key, RSA header with an
  EC key, and so on).
* The key's family is read from the key object itself, never from a label someone supplied.
* Only public keys are accepted: a JWK with private members ("d", "p", …) or a shared-secret
  ("oct") key is refused.
* Base64url is read strictly: the URL-safe alphabet only, no padding, no whitespace, no stray
  bits, so one token has exactly one spelling.
* Header members must be unique; "crit" extensions and unencoded payloads ("b64": false) are
  refused because the wallet does not implement them.

A key taken from the token's own header (`embedded_header_key`) proves only that the token was
not changed after signing; who the signer is must be established separately by the caller.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from wallet.credentials.limits import check_size, read_json
from wallet.errors import CredentialFormatError, UsageError
from wallet.i18n import _

ALLOWED_ALGS: Mapping[str, str] = MappingProxyType(
    {"EdDSA": "OKP", "Ed25519": "OKP", "RS256": "RSA", "ES256": "EC", "ES384": "EC", "ES512": "EC"}
)
"""The only JWS algorithms the wallet accepts, each mapped to the one key type it may be used with."""

EC_CURVE_OF: Mapping[str, str] = MappingProxyType({"ES256": "P-256", "ES384": "P-384", "ES512": "P-521"})
"""The one curve each elliptic-curve algorithm may be used with (RFC 7518 section 3.4)."""

_EC_SIZES = {"P-256": 32, "P-384": 48, "P-521": 66}
_EC_CURVES: dict[str, ec.EllipticCurve] = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}
_EC_HASHES: dict[str, hashes.HashAlgorithm] = {
    "ES256": hashes.SHA256(),
    "ES384": hashes.SHA384(),
    "ES512": hashes.SHA512(),
}

PUBLIC_KEY_ALGS_NOT_IMPLEMENTED: frozenset[str] = frozenset(
    {"ES256K", "RS384", "RS512", "PS256", "PS384", "PS512", "Ed448"}
)
"""Genuine public-key JWS algorithms (RFC 7518, RFC 8812) the wallet cannot check: "cannot check", never "failed"."""


class UnsupportedAlgorithmError(CredentialFormatError):
    """A token signed with a real public-key algorithm the wallet does not implement (not a bad token)."""


MIN_RSA_BITS = 2048
"""RSA keys shorter than this are too weak and are refused."""

MAX_RSA_BITS = 8192
"""RSA keys longer than this are refused: they are never needed and make checking slow."""

DID_JWK_PREFIX = "did:jwk:"

_PRIVATE_MEMBERS = ("d", "p", "q", "dp", "dq", "qi", "oth", "k")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_COMPACT_SHAPE = re.compile(r"e[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*")
_OUTER_WHITESPACE = " \t\r\n"
_CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}
_ALG_WORDS = {
    "EdDSA": "an Ed25519 signature",
    "Ed25519": "an Ed25519 signature",
    "RS256": "an RSA signature",
    "ES256": "a P-256 elliptic-curve signature",
    "ES384": "a P-384 elliptic-curve signature",
    "ES512": "a P-521 elliptic-curve signature",
}
_DID_JWK_CONTEXT = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"]


# --------------------------------------------------------------------------------------------
# base64url


def b64url_encode(data: bytes) -> str:
    """Base64url without padding (RFC 7515 section 2)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str, what: str = "") -> bytes:
    """Strict base64url: URL-safe alphabet only, no padding or whitespace, no stray trailing bits."""
    what = what or _("The value")
    if not isinstance(text, str) or _B64URL.fullmatch(text) is None or len(text) % 4 == 1:
        raise CredentialFormatError(_("{what} is damaged: it contains characters or a length that a token cannot "
                                      "have.").format(what=what))
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:  # pragma: no cover - the pattern above excludes this
        raise CredentialFormatError(_("{what} is damaged and cannot be decoded.").format(what=what)) from exc
    if b64url_encode(data) != text:
        raise CredentialFormatError(_("{what} is damaged: its last characters do not decode cleanly.").format(
            what=what))
    return data


def _show(value: object, limit: int = 40) -> str:
    """A short, printable rendering of an untrusted value for use inside a message."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_json(data: bytes, what: str) -> Any:
    """`limits.read_json`, plus a clear refusal for numbers too long for Python to convert."""
    try:
        return read_json(data, what)
    except CredentialFormatError:
        raise
    except ValueError as exc:  # e.g. an integer over sys.get_int_max_str_digits() digits
        raise CredentialFormatError(_("{what} holds a number too long to read, so it is refused.").format(
            what=what)) from exc


def _int_to_b64(value: int) -> str:
    return b64url_encode(value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


# --------------------------------------------------------------------------------------------
# Keys


def _key_kind(key: object) -> tuple[str, str]:
    """(kty, curve) of a cryptography public key object, read from its real type."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "OKP", "Ed25519"
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA", ""
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC", _CURVE_NAMES.get(key.curve.name, key.curve.name)
    raise UsageError(_("{name} is not a public key the wallet can use.").format(name=type(key).__name__))


def _key_words(kty: str, curve: str) -> str:
    if kty == "OKP":
        return "an Ed25519 key"
    if kty == "RSA":
        return "an RSA key"
    return f"a {curve} elliptic-curve key"


@dataclass(frozen=True)
class PublicKey:
    """A verification key from any source."""

    kty: str
    """Key type: "OKP" (Ed25519), "RSA" or "EC" (P-256, P-384, P-521)."""
    key: Any
    """The cryptography public key object."""
    id: str | None = None
    """Where it came from: a key URL, a DID URL, or None."""
    controller: str | None = None
    """The DID or URL that controls it, when known."""

    def __post_init__(self) -> None:
        kty, _curve = _key_kind(self.key)
        if kty != self.kty:
            raise UsageError(_("PublicKey was labelled kty \"{kty}\" but holds {key_words}.").format(
                kty=self.kty, key_words=_key_words(kty, _curve)))

    @property
    def curve(self) -> str:
        """The curve: "Ed25519", "P-256" (or another name for EC keys), or "" for RSA."""
        return _key_kind(self.key)[1]

    def describe(self) -> str:
        """A few words for people: "an RSA key", "an Ed25519 key", "a P-256 elliptic-curve key"."""
        return _key_words(self.kty, self.curve)

    def jwk(self) -> dict[str, str]:
        """The public JWK form: only the members RFC 7638 lists as required, in lexicographic order."""
        if isinstance(self.key, ed25519.Ed25519PublicKey):
            raw = self.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            return {"crv": "Ed25519", "kty": "OKP", "x": b64url_encode(raw)}
        if isinstance(self.key, rsa.RSAPublicKey):
            numbers = self.key.public_numbers()
            return {"e": _int_to_b64(numbers.e), "kty": "RSA", "n": _int_to_b64(numbers.n)}
        if isinstance(self.key, ec.EllipticCurvePublicKey):
            point = self.key.public_numbers()
            size = (self.key.curve.key_size + 7) // 8
            return {
                "crv": self.curve,
                "kty": "EC",
                "x": b64url_encode(point.x.to_bytes(size, "big")),
                "y": b64url_encode(point.y.to_bytes(size, "big")),
            }
        raise UsageError(_("This key cannot be written as a JWK."))  # pragma: no cover - __post_init__ prevents it

    def thumbprint(self) -> str:
        """RFC 7638 JWK thumbprint: base64url SHA-256 of the required members, sorted, no whitespace."""
        canonical = json.dumps(self.jwk(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
        return b64url_encode(hashlib.sha256(canonical.encode("ascii")).digest())


def _wrap(key: object, id: str | None, controller: str | None) -> PublicKey:
    """Accept a cryptography public key object if it is one of the supported kinds."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        return PublicKey("OKP", key, id, controller)
    if isinstance(key, rsa.RSAPublicKey):
        return PublicKey("RSA", key, id, controller)
    if isinstance(key, ec.EllipticCurvePublicKey):
        curve = _CURVE_NAMES.get(key.curve.name, key.curve.name)
        if curve not in _EC_SIZES:
            raise CredentialFormatError(
                _("The key is on the {curve} curve; the wallet checks P-256, P-384 and P-521 curve keys only.").format(
                    curve=curve)
            )
        return PublicKey("EC", key, id, controller)
    raise CredentialFormatError(
        _("The key is of a kind ({name}) the wallet cannot check; it checks Ed25519, RSA and "
          "P-256/P-384/P-521 keys.").format(
                        name=type(key).__name__)
    )


def _member(jwk: Mapping[str, Any], name: str) -> str:
    value = jwk.get(name)
    if not isinstance(value, str) or not value:
        raise CredentialFormatError(_("The key is incomplete: its \"{name}\" value is missing or not text.").format(
            name=name))
    return value


def _member_bytes(jwk: Mapping[str, Any], name: str, length: int | None = None) -> bytes:
    data = b64url_decode(_member(jwk, name), _("The key's \"{name}\" value").format(name=name))
    if length is not None and len(data) != length:
        raise CredentialFormatError(
            _("The key's \"{name}\" value is {count} bytes long; it should be {length}, so this is not a "
              "real key.").format(
                                name=name, count=len(data), length=length)
        )
    return data


def key_from_jwk(jwk: dict[str, Any], id: str | None = None, controller: str | None = None) -> PublicKey:
    """A public key from a JWK. Private members, shared-secret keys and unknown key types are refused."""
    if not isinstance(jwk, dict):
        raise CredentialFormatError(_("The key is not a JSON object, so it is not a JSON Web Key."))
    kty = jwk.get("kty")
    if kty == "oct":
        raise CredentialFormatError(
            _("The key is a shared secret (kty "
              "\"oct\"), not a public key; shared-secret signatures are never accepted.")
        )
    private = [name for name in _PRIVATE_MEMBERS if name in jwk]
    if private:
        raise CredentialFormatError(
            _("The key includes private (secret) parts, which must never be shared; it is refused.")
        )
    if not isinstance(kty, str) or kty not in ("OKP", "RSA", "EC"):
        raise CredentialFormatError(
            _("The key type \"{show}\" is not one the wallet can check; it checks Ed25519, RSA and EC keys.").format(
                show=_show(kty))
        )
    use = jwk.get("use")
    if use is not None and use != "sig":
        if use == "enc":
            raise CredentialFormatError(_("The key is meant for encryption, not for checking signatures."))
        raise CredentialFormatError(_("The key's intended use (\"{show}\") is not signing.").format(show=_show(use)))
    key_ops = jwk.get("key_ops")
    if key_ops is not None and (not isinstance(key_ops, list) or "verify" not in key_ops):
        raise CredentialFormatError(_("The key says it may not be used for checking signatures."))
    alg = jwk.get("alg")
    if alg is not None and (not isinstance(alg, str) or ALLOWED_ALGS.get(alg) != kty):
        raise CredentialFormatError(
            _("The key is declared for the signature method \"{show}\", which the wallet does not accept "
              "with this key.").format(
                                show=_show(alg))
        )
    if kty == "OKP":
        curve = jwk.get("crv")
        if curve != "Ed25519":
            raise CredentialFormatError(
                _("The key uses the curve \"{show}\"; the wallet checks Ed25519 keys only for this key type.").format(
                    show=_show(curve))
            )
        return key_from_ed25519(_member_bytes(jwk, "x", 32), id, controller)
    if kty == "RSA":
        n = int.from_bytes(_member_bytes(jwk, "n"), "big")
        e = int.from_bytes(_member_bytes(jwk, "e"), "big")
        try:
            rsa_key = rsa.RSAPublicNumbers(e, n).public_key()
        except ValueError as exc:
            raise CredentialFormatError(_("The RSA key's numbers are not valid, so it is not a real key.")) from exc
        return PublicKey("RSA", rsa_key, id, controller)
    curve = jwk.get("crv")
    if not isinstance(curve, str) or curve not in _EC_SIZES:
        raise CredentialFormatError(
            _("The key uses the curve \"{show}\"; the wallet checks P-256, P-384 and P-521 keys only for "
              "this key type.").format(
                                show=_show(curve))
        )
    if isinstance(alg, str) and EC_CURVE_OF.get(alg) != curve:
        raise CredentialFormatError(_("The key is declared for \"{show}\", which does not use the {curve} "
                                      "curve.").format(
                        show=_show(alg), curve=curve))
    size = _EC_SIZES[curve]
    x = int.from_bytes(_member_bytes(jwk, "x", size), "big")
    y = int.from_bytes(_member_bytes(jwk, "y", size), "big")
    try:
        ec_key = ec.EllipticCurvePublicNumbers(x, y, _EC_CURVES[curve]).public_key()
    except ValueError as exc:
        raise CredentialFormatError(_("The key's point is not on the {curve} curve, so it is not a real key.").format(
            curve=curve)) from exc
    return PublicKey("EC", ec_key, id, controller)


def key_from_pem(pem: str | bytes, id: str | None = None, controller: str | None = None) -> PublicKey:
    """A public key from PEM text (SubjectPublicKeyInfo, as in OB 2.0 CryptographicKey.publicKeyPem)."""
    check_size(pem, _("The key"))
    text = pem.decode("utf-8", errors="replace") if isinstance(pem, bytes) else pem
    if "PRIVATE KEY" in text:
        raise CredentialFormatError(_("This is a private key, which must never be shared; only public keys are "
                                      "accepted."))
    try:
        loaded = serialization.load_pem_public_key(text.strip().encode("utf-8"))
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise CredentialFormatError(_("The key is not a readable PEM public key.")) from exc
    return _wrap(loaded, id, controller)


def key_from_ed25519(raw: bytes, id: str | None = None, controller: str | None = None) -> PublicKey:
    """A public key from the 32 raw bytes of an Ed25519 public key."""
    if not isinstance(raw, bytes) or len(raw) != 32:
        size = len(raw) if isinstance(raw, bytes) else 0
        raise CredentialFormatError(_("An Ed25519 key is 32 bytes long; this one is {size}, so it is not a "
                                      "real key.").format(
                        size=size))
    try:
        key = ed25519.Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:  # pragma: no cover - any 32 bytes load
        raise CredentialFormatError(_("The bytes are not a valid Ed25519 public key.")) from exc
    return PublicKey("OKP", key, id, controller)


# --------------------------------------------------------------------------------------------
# did:jwk


def did_jwk_for(key: PublicKey) -> str:
    """The did:jwk for a key, from its minimal public JWK with sorted members."""
    canonical = json.dumps(key.jwk(), sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return DID_JWK_PREFIX + b64url_encode(canonical.encode("ascii"))


def resolve_did_jwk(did_url: str) -> tuple[dict[str, Any], PublicKey]:
    """Resolve did:jwk:<base64url JWK>[#0] offline into its DID document and its one signing key.

    The document follows the did:jwk method specification: one JsonWebKey2020 verification method
    with id `<did>#0`, listed under every verification relationship (keyAgreement only when the
    JWK does not say "use": "sig"). Encryption-only keys are refused: the wallet needs signing keys.
    """
    if not isinstance(did_url, str) or not did_url.startswith(DID_JWK_PREFIX):
        raise CredentialFormatError(_("\"{show}\" is not a did:jwk identifier.").format(show=_show(did_url)))
    check_size(did_url, "The DID")
    did, has_fragment, fragment = did_url.partition("#")
    if has_fragment and fragment != "0":
        raise CredentialFormatError(_("A did:jwk has exactly one key, \"#0\"; this link asks for \"#{show}\".").format(
            show=_show(fragment)))
    encoded = did[len(DID_JWK_PREFIX) :]
    if not encoded:
        raise CredentialFormatError(_("The did:jwk identifier is empty: it holds no key."))
    raw = b64url_decode(encoded, _("The did:jwk identifier"))
    jwk = _read_json(raw, _("The key inside the did:jwk identifier"))
    if not isinstance(jwk, dict):
        raise CredentialFormatError(_("The did:jwk identifier does not hold a JSON Web Key."))
    vm_id = did + "#0"
    key = key_from_jwk(jwk, id=vm_id, controller=did)
    relationships = ["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"]
    if jwk.get("use") != "sig":
        relationships.append("keyAgreement")
    document: dict[str, Any] = {
        "@context": list(_DID_JWK_CONTEXT),
        "id": did,
        "verificationMethod": [
            {"id": vm_id, "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": copy.deepcopy(jwk)}
        ],
    }
    for name in relationships:
        document[name] = [vm_id]
    return document, key


# --------------------------------------------------------------------------------------------
# JWS


@dataclass(frozen=True)
class Jws:
    """A parsed compact JWS. Nothing here is verified until `verify_jws` says so."""

    header: dict[str, Any]
    payload: bytes
    signing_input: bytes
    """ASCII bytes of `<header>.<payload>` exactly as they appear in the token."""
    signature: bytes
    compact: str
    """The token text, without surrounding whitespace."""

    @property
    def alg(self) -> str:
        alg = self.header.get("alg")
        return alg if isinstance(alg, str) else ""

    def payload_json(self) -> Any:
        """The payload read as JSON within the wallet's size and depth limits."""
        return _read_json(self.payload, _("The token's contents"))


def _reject_duplicate_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise CredentialFormatError(
                _("The token's header names \"{show}\" twice, so it is ambiguous and is refused.").format(
                    show=_show(name))
            )
        result[name] = value
    return result


def _read_header(data: bytes) -> dict[str, Any]:
    value = _read_json(data, _("The token's header"))
    if not isinstance(value, dict):
        raise CredentialFormatError(_("The token's header is not a JSON object, so this is not a signed token."))
    # Second pass only to find repeated member names (a parser-differential trick); limits already held.
    json.loads(data.decode("utf-8-sig"), object_pairs_hook=_reject_duplicate_members)
    if "alg" not in value:
        raise CredentialFormatError(_("The token's header does not say how it was signed (it has no \"alg\")."))
    alg = value["alg"]
    if not isinstance(alg, str) or not alg:
        raise CredentialFormatError(_("The token's header names its signature method (\"alg\") in an unreadable way."))
    if "crit" in value and value["crit"] != []:
        raise CredentialFormatError(
            _("The token requires extensions (\"crit\") that the wallet does not understand, so it is refused.")
        )
    if "b64" in value and value["b64"] is not True:
        raise CredentialFormatError(_("The token uses an unencoded payload "
                                      "(\"b64\"), which the wallet does not accept."))
    return value


def parse_compact(token: str) -> Jws:
    """Split and decode a compact JWS: three strict base64url parts, a JSON-object header with an "alg"."""
    if not isinstance(token, str):
        raise CredentialFormatError(_("The token is not text."))
    check_size(token, _("The token"))
    compact = token.strip(_OUTER_WHITESPACE)
    dots = compact.count(".")
    if dots != 2:
        if dots == 4:
            raise CredentialFormatError(
                _("This looks like an encrypted token (JWE), which the wallet cannot read; it needs a signed token.")
            )
        raise CredentialFormatError(_("A signed token has three parts separated by dots; this one has {value}.").format(
            value=dots + 1))
    header_text, payload_text, signature_text = compact.split(".")
    header_bytes = b64url_decode(header_text, _("The token's header"))
    header = _read_header(header_bytes)
    payload = b64url_decode(payload_text, _("The token's contents"))
    signature = b64url_decode(signature_text, _("The token's signature"))
    signing_input = f"{header_text}.{payload_text}".encode("ascii")
    return Jws(header=header, payload=payload, signing_input=signing_input, signature=signature, compact=compact)


def is_compact_jws(text: str) -> bool:
    """Cheap sniff: does the text look like a compact JWS (three base64url parts, header starting '{')?"""
    if not isinstance(text, str):
        return False
    return _COMPACT_SHAPE.fullmatch(text.strip(_OUTER_WHITESPACE)) is not None


def refuse_unimplemented_alg(alg: object) -> None:
    """Raise UnsupportedAlgorithmError for a genuine public-key algorithm the wallet cannot check."""
    if isinstance(alg, str) and alg in PUBLIC_KEY_ALGS_NOT_IMPLEMENTED:
        raise UnsupportedAlgorithmError(
            _("Not checked: the token is signed with \"{alg}\", a public-key method this wallet cannot check yet; that "
              "says nothing against the credential.").format(alg=alg)
        )


def _alg_family(alg: object) -> str:
    """The key type an accepted algorithm needs; a clear refusal for everything else."""
    if not isinstance(alg, str) or not alg:
        raise CredentialFormatError(_("The token's header does not say how it was signed (it has no \"alg\")."))
    if alg.strip().lower() == "none":
        raise CredentialFormatError(_("The token says it is not signed (alg \"none\"); unsigned tokens are never "
                                      "accepted."))
    if alg.upper().startswith("HS"):
        raise CredentialFormatError(
            _("The token uses a shared-secret signature (\"{show}\"), which anyone who knows the issuer's public key "
              "could forge; it is refused.").format(show=_show(alg))
        )
    family = ALLOWED_ALGS.get(alg)
    if family is None:
        refuse_unimplemented_alg(alg)
    if family is None:
        raise CredentialFormatError(
            _("The token uses the signature method \"{show}\", which the wallet does not accept (it accepts EdDSA, "
              "RS256, ES256, ES384 and ES512).").format(show=_show(alg))
        )
    return family


def verify_jws(jws: Jws, key: PublicKey) -> bool:
    """True when the signature is good for this key, False when it is not.

    Raises CredentialFormatError when the question cannot honestly be asked: an unsigned or
    shared-secret token, an unknown algorithm, an algorithm that does not fit the key (key
    confusion), or an RSA key outside 2048..8192 bits.
    """
    alg = jws.header.get("alg")
    family = _alg_family(alg)
    if not isinstance(alg, str):  # pragma: no cover - _alg_family refuses anything else
        raise CredentialFormatError(_("The token's header does not say how it was signed (it has no \"alg\")."))
    kty, curve = _key_kind(key.key)
    if kty != family or (kty == "EC" and curve != EC_CURVE_OF.get(alg)):
        raise CredentialFormatError(
            _("The token claims {alg_words} ({alg}) but the key is {key_words}; that mismatch is refused.").format(
                alg_words=_ALG_WORDS[alg], alg=alg, key_words=_key_words(kty, curve))
        )
    signature = jws.signature
    try:
        if isinstance(key.key, ed25519.Ed25519PublicKey):
            if len(signature) != 64:
                return False
            key.key.verify(signature, jws.signing_input)
        elif isinstance(key.key, rsa.RSAPublicKey):
            bits = key.key.key_size
            if bits < MIN_RSA_BITS:
                raise CredentialFormatError(
                    _("The RSA key is only {bits} bits long; keys shorter than {min_rsa_bits} bits are too weak and "
                      "are refused.").format(bits=bits, min_rsa_bits=MIN_RSA_BITS)
                )
            if bits > MAX_RSA_BITS:
                raise CredentialFormatError(
                    _("The RSA key is {bits} bits long; keys longer than {max_rsa_bits} bits are refused.").format(
                        bits=bits, max_rsa_bits=MAX_RSA_BITS)
                )
            if len(signature) != (bits + 7) // 8:
                return False
            key.key.verify(signature, jws.signing_input, padding.PKCS1v15(), hashes.SHA256())
        elif isinstance(key.key, ec.EllipticCurvePublicKey):
            size = _EC_SIZES[curve]
            if len(signature) != 2 * size:
                return False
            r = int.from_bytes(signature[:size], "big")
            s = int.from_bytes(signature[size:], "big")
            key.key.verify(encode_dss_signature(r, s), jws.signing_input, ec.ECDSA(_EC_HASHES[alg]))
        else:  # pragma: no cover - _key_kind accepts no other type
            return False
    except InvalidSignature:
        return False
    return True


def embedded_header_key(jws: Jws) -> PublicKey | None:
    """The key in the token's "jwk" header member, if any (never a private key).

    Such a key shows the token is intact, not who signed it: the caller must tie it to the issuer.
    """
    if "jwk" not in jws.header:
        return None
    value = jws.header["jwk"]
    if not isinstance(value, dict):
        raise CredentialFormatError(_("The token's embedded key (\"jwk\") is not a JSON object."))
    return key_from_jwk(value)


def sign_compact(header: dict[str, Any], payload: bytes, sign: Callable[[bytes], bytes]) -> str:
    """A compact JWS over `payload`; `sign` receives the signing input and returns the raw signature.

    For EdDSA/Ed25519 that is the 64-byte Ed25519 signature; for ES256 it would be raw r||s.
    The header must name an accepted algorithm; the result is checked to parse before it is returned.
    """
    if not isinstance(header, dict):
        raise UsageError(_("The JWS header must be a dictionary."))
    alg = header.get("alg")
    if not isinstance(alg, str) or alg not in ALLOWED_ALGS:
        raise UsageError(_("Cannot sign with \"{show}\": only {allowed_algs} are used.").format(
            show=_show(alg), allowed_algs=", ".join(ALLOWED_ALGS)))
    if not isinstance(payload, bytes):
        raise UsageError(_("The JWS payload must be bytes."))
    if "jwk" in header:
        try:
            key_from_jwk(header["jwk"])
        except CredentialFormatError as exc:
            raise UsageError(_("The header's key cannot be published: {message}").format(message=exc.message)) from exc
    try:
        header_json = json.dumps(header, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise UsageError(_("The JWS header cannot be written as JSON.")) from exc
    header_text = b64url_encode(header_json.encode("utf-8"))
    payload_text = b64url_encode(payload)
    signature = sign(f"{header_text}.{payload_text}".encode("ascii"))
    if not isinstance(signature, bytes) or not signature:
        raise UsageError(_("The signing function did not return signature bytes."))
    token = f"{header_text}.{payload_text}.{b64url_encode(signature)}"
    try:
        parse_compact(token)
    except CredentialFormatError as exc:
        raise UsageError(_("The token would not be readable: {message}").format(message=exc.message)) from exc
    return token

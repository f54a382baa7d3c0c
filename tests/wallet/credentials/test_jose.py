"""Compact JWS: strict parsing, signature checks, algorithm/key confusion refusals, did:jwk, real 1EdTech tokens.

Published vectors used here (values written inline, not copied files):
- RFC 8037 appendix A: Ed25519 key, its RFC 7638 thumbprint and the EdDSA JWS of "Example of Ed25519 signing".
- RFC 7515 appendix A.3: the ES256 JWS and its P-256 key.
- RFC 7638 section 3.1: the RSA key and its thumbprint.
- did:jwk method specification (github.com/quartzjer/did-jwk, spec.md): the P-256 and X25519 example DIDs.
The 1EdTech validator tokens are copied files; see tests/fixtures/jose/README.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wallet.credentials.jose import (
    ALLOWED_ALGS,
    Jws,
    PublicKey,
    UnsupportedAlgorithmError,
    b64url_decode,
    b64url_encode,
    did_jwk_for,
    embedded_header_key,
    is_compact_jws,
    key_from_ed25519,
    key_from_jwk,
    key_from_pem,
    parse_compact,
    resolve_did_jwk,
    sign_compact,
    verify_jws,
)
from wallet.credentials.limits import MAX_INPUT_BYTES
from wallet.crypto.identity import Identity
from wallet.errors import CredentialFormatError, InvalidInputError, UsageError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "jose"

# --------------------------------------------------------------------------------------------
# Keys made once per module (RSA generation is the slow part).

ED_PRIVATE = ed25519.Ed25519PrivateKey.generate()
RSA_PRIVATE = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_PRIVATE = ec.generate_private_key(ec.SECP256R1())
P384_PRIVATE = ec.generate_private_key(ec.SECP384R1())

ED_KEY = PublicKey("OKP", ED_PRIVATE.public_key())
RSA_KEY = PublicKey("RSA", RSA_PRIVATE.public_key())
EC_KEY = PublicKey("EC", EC_PRIVATE.public_key())
P384_KEY = PublicKey("EC", P384_PRIVATE.public_key())


def _sign_ed(data: bytes) -> bytes:
    return ED_PRIVATE.sign(data)


def _sign_rsa(data: bytes) -> bytes:
    return RSA_PRIVATE.sign(data, padding.PKCS1v15(), hashes.SHA256())


def _sign_es256(data: bytes) -> bytes:
    r, s = decode_dss_signature(EC_PRIVATE.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


SIGNERS: dict[str, tuple[Callable[[bytes], bytes], PublicKey]] = {
    "EdDSA": (_sign_ed, ED_KEY),
    "Ed25519": (_sign_ed, ED_KEY),
    "RS256": (_sign_rsa, RSA_KEY),
    "ES256": (_sign_es256, EC_KEY),
}

PAYLOAD = json.dumps({"iss": "did:example:issuer", "vc": {"type": ["VerifiableCredential"]}}).encode()


def _token(alg: str, payload: bytes = PAYLOAD) -> str:
    sign, _key = SIGNERS[alg]
    return sign_compact({"alg": alg, "typ": "JWT"}, payload, sign)


def _forge(header: dict[str, Any] | bytes, payload: bytes = PAYLOAD, signature: bytes = b"\x00" * 64) -> str:
    """A token assembled by hand, bypassing sign_compact's own refusals (as an attacker would)."""
    raw_header = header if isinstance(header, bytes) else json.dumps(header).encode()
    return ".".join([b64url_encode(raw_header), b64url_encode(payload), b64url_encode(signature)])


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _pem_key(name: str) -> PublicKey:
    document = json.loads(_read(name))
    return key_from_pem(document["publicKeyPem"], id=document["id"], controller=document["owner"])


CLR_TOKEN = _read("clr20/simple.jwt")
OB30_TOKEN = _read("ob30/simple.jwt")
VELOCITY_TOKEN = _read("ob30/velocity.jwt")
OB20_TOKEN = _read("ob20/simple.jwt")
OB20_KEY1 = _pem_key("ob20/assets/key1.json")
OB20_KEY2 = _pem_key("ob20/assets/key2.json")
CLR_HEADER_KEY = embedded_header_key(parse_compact(CLR_TOKEN))

# RFC 8037 appendix A
RFC8037_SEED = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
RFC8037_JWS = (
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
)
# RFC 7515 appendix A.3
RFC7515_ES256_JWS = (
    "eyJhbGciOiJFUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
)
RFC7515_EC_JWK = {
    "kty": "EC",
    "crv": "P-256",
    "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
}
# RFC 7638 section 3.1
RFC7638_RSA_JWK = {
    "kty": "RSA",
    "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3o"
    "knjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu"
    "6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8aw"
    "apJzKnqDKgw",
    "e": "AQAB",
    "alg": "RS256",
    "kid": "2011-04-29",
}
# did:jwk specification examples
SPEC_P256_DID = (
    "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5"
    "IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9"
)
SPEC_X25519_DID = (
    "did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJYMjU1MTkiLCJ1c2UiOiJlbmMiLCJ4IjoiM3A3YmZYdDl3YlRUVzJIQzdPUTFOei1EUThoYmVHZE5y"
    "ZngtRkctSUswOCJ9"
)


# --------------------------------------------------------------------------------------------
# Round trips and tampering


@pytest.mark.parametrize("alg", sorted(SIGNERS))
def test_round_trip_good_signature(alg: str) -> None:
    """A token signed with a freshly generated key verifies with the matching public key."""
    token = _token(alg)
    jws = parse_compact(token)
    assert jws.header == {"alg": alg, "typ": "JWT"}
    assert jws.payload == PAYLOAD
    assert jws.payload_json()["iss"] == "did:example:issuer"
    assert jws.compact == token
    assert verify_jws(jws, SIGNERS[alg][1]) is True


@pytest.mark.parametrize("alg", sorted(SIGNERS))
@pytest.mark.parametrize("part", [0, 1, 2], ids=["header", "payload", "signature"])
def test_every_flipped_byte_fails(alg: str, part: int) -> None:
    """Flipping any single byte of header, payload or signature never leaves a valid token."""
    _sign, key = SIGNERS[alg]
    parts = [b64url_decode(p) for p in _token(alg).split(".")]
    for index in range(len(parts[part])):
        changed = list(parts)
        data = bytearray(changed[part])
        data[index] ^= 0x01
        changed[part] = bytes(data)
        token = ".".join(b64url_encode(p) for p in changed)
        if part == 0:
            # A changed header may stop being JSON or name another algorithm: refused or false, never true.
            with contextlib.suppress(CredentialFormatError):
                assert verify_jws(parse_compact(token), key) is False
        else:
            assert verify_jws(parse_compact(token), key) is False


@pytest.mark.parametrize("alg", sorted(SIGNERS))
def test_other_key_of_same_type_fails(alg: str) -> None:
    """A good signature checked against a different key of the right type is False, not an error."""
    others = {
        "OKP": PublicKey("OKP", ed25519.Ed25519PrivateKey.generate().public_key()),
        "RSA": OB20_KEY2,
        "EC": PublicKey("EC", ec.generate_private_key(ec.SECP256R1()).public_key()),
    }
    assert verify_jws(parse_compact(_token(alg)), others[ALLOWED_ALGS[alg]]) is False


@pytest.mark.parametrize("alg", sorted(SIGNERS))
@pytest.mark.parametrize("length", [0, 63, 65, 255, 257])
def test_wrong_length_signature_is_false(alg: str, length: int) -> None:
    """A signature of the wrong length is simply a bad signature."""
    header, payload, _sig = _token(alg).split(".")
    signature = b64url_encode(bytes([1]) * length)
    token = f"{header}.{payload}.{signature}"
    assert verify_jws(parse_compact(token), SIGNERS[alg][1]) is False


def test_ecdsa_high_and_zero_values_are_false() -> None:
    """ES256 signatures with r or s out of range (zero, or all ones) are bad signatures, not crashes."""
    header, payload, _sig = _token("ES256").split(".")
    for raw in (b"\x00" * 64, b"\xff" * 64, b"\x00" * 32 + b"\xff" * 32):
        assert verify_jws(parse_compact(f"{header}.{payload}.{b64url_encode(raw)}"), EC_KEY) is False


def test_rfc8037_eddsa_vector_signs_and_verifies() -> None:
    """The wallet's Ed25519 identity reproduces RFC 8037's EdDSA JWS exactly, and it verifies."""
    identity = Identity(seed=b64url_decode(RFC8037_SEED))
    token = sign_compact({"alg": "EdDSA"}, b"Example of Ed25519 signing", identity.sign)
    assert token == RFC8037_JWS
    key = key_from_ed25519(identity.public_key)
    assert key.jwk() == {"crv": "Ed25519", "kty": "OKP", "x": RFC8037_X}
    assert verify_jws(parse_compact(RFC8037_JWS), key) is True


def test_rfc7515_es256_vector_verifies() -> None:
    """RFC 7515's ES256 example (raw r||s signature) verifies with its P-256 JWK."""
    assert verify_jws(parse_compact(RFC7515_ES256_JWS), key_from_jwk(RFC7515_EC_JWK)) is True


def test_thumbprints_match_published_values() -> None:
    """JWK thumbprints equal the RFC 7638 (RSA) and RFC 8037 (Ed25519) published values."""
    assert key_from_jwk(RFC7638_RSA_JWK).thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    okp = key_from_jwk({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "kid": "ignored", "use": "sig"})
    assert okp.thumbprint() == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"


@pytest.mark.parametrize("key", [ED_KEY, RSA_KEY, EC_KEY], ids=["OKP", "RSA", "EC"])
def test_jwk_round_trip(key: PublicKey) -> None:
    """jwk() gives only public members, and reading it back gives the same key and thumbprint."""
    jwk = key.jwk()
    assert set(jwk) in ({"crv", "kty", "x"}, {"e", "kty", "n"}, {"crv", "kty", "x", "y"})
    again = key_from_jwk(dict(jwk), id="https://example.org/key", controller="https://example.org/")
    assert again.key == key.key
    assert again.thumbprint() == key.thumbprint()
    assert (again.id, again.controller) == ("https://example.org/key", "https://example.org/")


# --------------------------------------------------------------------------------------------
# Refusals: algorithms and key confusion


@pytest.mark.parametrize("alg", ["none", "None", "NONE"])
def test_alg_none_is_refused(alg: str) -> None:
    """An unsigned token (alg none, empty signature) is refused with a clear sentence."""
    jws = parse_compact(_forge({"alg": alg}, signature=b""))
    with pytest.raises(CredentialFormatError, match=r'not signed \(alg "none"\); unsigned tokens are never accepted'):
        verify_jws(jws, RSA_KEY)


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512", "hs256"])
def test_hmac_keyed_with_public_key_is_refused(alg: str) -> None:
    """The classic confusion: HS256 'signed' with the issuer's public key bytes as secret is refused."""
    pem = RSA_KEY.key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    header = b64url_encode(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    body = b64url_encode(PAYLOAD)
    mac = hmac.new(pem, f"{header}.{body}".encode(), hashlib.sha256).digest()
    jws = parse_compact(f"{header}.{body}.{b64url_encode(mac)}")
    for key in (RSA_KEY, ED_KEY, EC_KEY):
        with pytest.raises(CredentialFormatError, match="shared-secret signature"):
            verify_jws(jws, key)


@pytest.mark.parametrize("alg", ["rs256", "eddsa", "RSA-OAEP", "ES999"])
def test_unknown_alg_is_refused(alg: str) -> None:
    """Names that are no public-key JWS algorithm (names are case-sensitive) are refused."""
    with pytest.raises(CredentialFormatError, match="which the wallet does not accept"):
        verify_jws(parse_compact(_forge({"alg": alg})), RSA_KEY)


@pytest.mark.parametrize("alg", ["PS256", "RS512", "RS384", "ES256K", "Ed448"])
def test_real_but_unimplemented_alg_cannot_be_checked(alg: str) -> None:
    """Genuine public-key algorithms the wallet lacks raise the 'cannot check' error, not a refusal."""
    with pytest.raises(UnsupportedAlgorithmError, match="cannot check yet"):
        verify_jws(parse_compact(_forge({"alg": alg})), RSA_KEY)


@pytest.mark.parametrize(
    ("alg", "key", "sentence"),
    [
        ("RS256", EC_KEY, "claims an RSA signature (RS256) but the key is a P-256 elliptic-curve key"),
        ("RS256", ED_KEY, "claims an RSA signature (RS256) but the key is an Ed25519 key"),
        ("ES256", RSA_KEY, "claims a P-256 elliptic-curve signature (ES256) but the key is an RSA key"),
        ("ES256", ED_KEY, "claims a P-256 elliptic-curve signature (ES256) but the key is an Ed25519 key"),
        ("ES256", P384_KEY, "claims a P-256 elliptic-curve signature (ES256) but the key is a P-384"),
        ("EdDSA", RSA_KEY, "claims an Ed25519 signature (EdDSA) but the key is an RSA key"),
        ("Ed25519", EC_KEY, "claims an Ed25519 signature (Ed25519) but the key is a P-256"),
    ],
)
def test_key_confusion_is_refused(alg: str, key: PublicKey, sentence: str) -> None:
    """A header algorithm that does not fit the key's real type is an error, not a quiet False."""
    with pytest.raises(CredentialFormatError) as caught:
        verify_jws(parse_compact(_forge({"alg": alg})), key)
    assert sentence in str(caught.value)
    assert str(caught.value).endswith("that mismatch is refused.")


def test_real_rsa_token_with_ed25519_key_is_refused() -> None:
    """The real CLR RS256 token, offered an Ed25519 key, is refused as a mismatch."""
    with pytest.raises(CredentialFormatError, match=r"RSA signature.*Ed25519 key"):
        verify_jws(parse_compact(CLR_TOKEN), ED_KEY)


def test_publickey_label_must_match_key_object() -> None:
    """A PublicKey whose kty label disagrees with the key object (or holds a private key) cannot be built."""
    with pytest.raises(UsageError):
        PublicKey("RSA", ED_PRIVATE.public_key())
    with pytest.raises(UsageError):
        PublicKey("OKP", ED_PRIVATE)


@pytest.mark.parametrize("bits", [1024, 1536])
def test_short_rsa_key_is_refused(bits: int) -> None:
    """RSA keys under 2048 bits are refused even when the signature is mathematically good."""
    weak = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    token = sign_compact({"alg": "RS256"}, PAYLOAD, lambda data: weak.sign(data, padding.PKCS1v15(), hashes.SHA256()))
    with pytest.raises(CredentialFormatError, match=f"only {bits} bits long"):
        verify_jws(parse_compact(token), PublicKey("RSA", weak.public_key()))


# --------------------------------------------------------------------------------------------
# Refusals: token structure


def test_missing_alg_is_refused() -> None:
    """A header without "alg" is refused at parsing."""
    with pytest.raises(CredentialFormatError, match='no "alg"'):
        parse_compact(_forge({"typ": "JWT"}))


@pytest.mark.parametrize("alg", [None, 256, "", ["RS256"], {"x": 1}])
def test_non_text_alg_is_refused(alg: object) -> None:
    """An "alg" that is not a non-empty string is refused at parsing."""
    with pytest.raises(CredentialFormatError, match="alg"):
        parse_compact(_forge({"alg": alg}))


@pytest.mark.parametrize("crit", [["exp"], ["b64"], "exp", None, {}])
def test_crit_header_is_refused(crit: object) -> None:
    """Any "crit" other than an empty list names extensions the wallet does not implement: refused."""
    with pytest.raises(CredentialFormatError, match=r'extensions \("crit"\)'):
        parse_compact(_forge({"alg": "EdDSA", "crit": crit}))


def test_empty_crit_is_tolerated() -> None:
    """An empty "crit" list asks for nothing, so the token still verifies."""
    token = sign_compact({"alg": "EdDSA", "crit": []}, PAYLOAD, _sign_ed)
    assert verify_jws(parse_compact(token), ED_KEY) is True


@pytest.mark.parametrize("b64", [False, "false", 0])
def test_unencoded_payload_is_refused(b64: object) -> None:
    """RFC 7797 unencoded payloads ("b64" not true) are refused."""
    with pytest.raises(CredentialFormatError, match="unencoded payload"):
        parse_compact(_forge({"alg": "EdDSA", "b64": b64}))


def test_duplicate_header_member_is_refused() -> None:
    """A header naming "alg" twice (a parser-differential trick) is refused."""
    with pytest.raises(CredentialFormatError, match='names "alg" twice'):
        parse_compact(_forge(b'{"alg":"EdDSA","alg":"none"}'))


@pytest.mark.parametrize(
    ("token", "count"),
    [("eyJhbGciOiJFZERTQSJ9.e30", 2), ("eyJhbGciOiJFZERTQSJ9.e30.AA.AA", 4), ("eyJhbGciOiJFZERTQSJ9", 1), ("", 1)],
)
def test_wrong_number_of_parts_is_refused(token: str, count: int) -> None:
    """Anything but three dot-separated parts is refused, naming how many parts were found."""
    with pytest.raises(CredentialFormatError, match=f"this one has {count}"):
        parse_compact(token)


def test_five_parts_is_named_as_encrypted() -> None:
    """A five-part token is recognised as an encrypted JWE that the wallet cannot read."""
    with pytest.raises(CredentialFormatError, match="encrypted token"):
        parse_compact("eyJhbGciOiJSU0EtT0FFUCJ9.AA.AA.AA.AA")


@pytest.mark.parametrize(
    "damage",
    [
        lambda h, p, s: f"{h}.{p}.{s[:-2]}+{s[-1]}",  # standard-alphabet '+'
        lambda h, p, s: f"{h}.{p[:4]}/{p[5:]}.{s}",  # standard-alphabet '/'
        lambda h, p, s: f"{h}=.{p}.{s}",  # padding
        lambda h, p, s: f"{h}.{p}.{s}==",  # padding
        lambda h, p, s: f"{h}.{p[:8]} {p[8:]}.{s}",  # whitespace inside
        lambda h, p, s: f"{h}.{p}.{s[:10]}\n{s[10:]}",  # line break inside
        lambda h, p, s: f"{h}.{p}é.{s}",  # non-ASCII
        lambda h, p, s: f"{h}.{p}.{s}AAA",  # impossible length (4n+1)
        lambda h, p, s: f"{h}.{p}.{s[:-1]}B",  # stray bits in the last character
    ],
)
def test_bad_base64_is_refused(damage: Callable[[str, str, str], str]) -> None:
    """Only strict, unpadded, canonical base64url is read."""
    h, p, s = _token("EdDSA").split(".")
    with pytest.raises(CredentialFormatError, match="damaged"):
        parse_compact(damage(h, p, s))


@pytest.mark.parametrize("raw", [b"not json", b'{"alg":"EdDSA"', b"\xff\xfe", b'["alg","EdDSA"]', b'"EdDSA"', b""])
def test_non_json_or_non_object_header_is_refused(raw: bytes) -> None:
    """A header that is not a JSON object is refused with a sentence about the header."""
    with pytest.raises(CredentialFormatError, match="header"):
        parse_compact(_forge(raw))


def test_overlong_numbers_are_refused_not_crashing() -> None:
    """A 5000-digit number (beyond Python's int conversion limit) in header, payload or did:jwk is refused clearly."""
    number = b"1" * 5000
    with pytest.raises(CredentialFormatError, match="number too long"):
        parse_compact(_forge(b'{"alg":"EdDSA","n":' + number + b"}"))
    with pytest.raises(CredentialFormatError, match="number too long"):
        parse_compact(_forge({"alg": "EdDSA"}, payload=b'{"iat":' + number + b"}")).payload_json()
    with pytest.raises(CredentialFormatError, match="number too long"):
        resolve_did_jwk("did:jwk:" + b64url_encode(b'{"kty":"OKP","n":' + number + b"}"))


def test_huge_token_is_refused() -> None:
    """A token over the wallet's input limit is refused before any decoding."""
    with pytest.raises(CredentialFormatError, match="MB"):
        parse_compact("e" * (MAX_INPUT_BYTES + 1))


def test_non_text_token_is_refused() -> None:
    """Bytes are not a token: parse_compact wants text."""
    with pytest.raises(CredentialFormatError, match="not text"):
        parse_compact(_token("EdDSA").encode())  # type: ignore[arg-type]


def test_surrounding_whitespace_is_tolerated() -> None:
    """A token read from a file with a trailing newline still parses and verifies."""
    jws = parse_compact("\n  " + _token("EdDSA") + "\r\n")
    assert verify_jws(jws, ED_KEY) is True
    assert "\n" not in jws.compact


def test_errors_are_invalid_input() -> None:
    """Every refusal is a CredentialFormatError, which the command line treats as invalid input."""
    with pytest.raises(InvalidInputError):
        parse_compact("a.b")


def test_is_compact_jws_sniff() -> None:
    """The sniff accepts real tokens and rejects JSON, prose, JWE and empty text."""
    for token in (CLR_TOKEN, OB20_TOKEN, _token("EdDSA") + "\n", _forge({"alg": "none"}, signature=b"")):
        assert is_compact_jws(token)
    for text in ("", "{}", '{"alg":"none"}', "hello.world.again", "a.b", "eyJ.a.b.c.d", "eyJ.a+b.c", b"eyJ.a.b"):
        assert not is_compact_jws(text)  # type: ignore[arg-type]


def test_sign_compact_refuses_what_verify_refuses() -> None:
    """sign_compact will not produce unsigned, HMAC, unknown-alg or unreadable tokens."""
    for header in ({"alg": "none"}, {"alg": "HS256"}, {"alg": "PS256"}, {}, {"alg": "EdDSA", "crit": ["exp"]}):
        with pytest.raises(UsageError):
            sign_compact(header, PAYLOAD, _sign_ed)
    with pytest.raises(UsageError):
        sign_compact({"alg": "EdDSA"}, PAYLOAD, lambda _data: b"")
    with pytest.raises(UsageError):
        sign_compact({"alg": "EdDSA", "x": float("nan")}, PAYLOAD, _sign_ed)


def test_sign_compact_never_publishes_a_private_key() -> None:
    """A header "jwk" carrying private parts is refused before anything is signed; a public one is fine."""
    private_jwk = {"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "d": RFC8037_SEED}
    with pytest.raises(UsageError, match="private"):
        sign_compact({"alg": "EdDSA", "jwk": private_jwk}, PAYLOAD, _sign_ed)
    token = sign_compact({"alg": "EdDSA", "jwk": ED_KEY.jwk()}, PAYLOAD, _sign_ed)
    header_key = embedded_header_key(parse_compact(token))
    assert header_key is not None
    assert verify_jws(parse_compact(token), header_key) is True


# --------------------------------------------------------------------------------------------
# Keys from JWK, PEM and raw bytes


@pytest.mark.parametrize(
    ("jwk", "sentence"),
    [
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "d": RFC8037_SEED}, "private (secret) parts"),
        ({**RFC7638_RSA_JWK, "p": "AQAB"}, "private (secret) parts"),
        ({**RFC7515_EC_JWK, "d": "AQAB"}, "private (secret) parts"),
        ({"kty": "oct", "k": "c2VjcmV0"}, 'shared secret (kty "oct")'),
        ({"kty": "oct"}, 'shared secret (kty "oct")'),
        ({"kty": "DSA"}, 'key type "DSA" is not one the wallet can check'),
        ({"crv": "Ed25519", "x": RFC8037_X}, 'key type "None"'),
        ({"kty": "OKP", "crv": "Ed448", "x": "AA"}, 'curve "Ed448"'),
        ({"kty": "OKP", "crv": "X25519", "x": RFC8037_X}, 'curve "X25519"'),
        ({**RFC7515_EC_JWK, "crv": "P-192"}, 'curve "P-192"'),
        ({**RFC7515_EC_JWK, "crv": "P-384"}, "32 bytes long; it should be 48"),
        ({**RFC7515_EC_JWK, "alg": "ES384"}, 'declared for "ES384", which does not use the P-256 curve'),
        ({**RFC7515_EC_JWK, "crv": "secp256k1"}, 'curve "secp256k1"'),
        ({"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}, "3 bytes long; it should be 32"),
        ({"kty": "OKP", "crv": "Ed25519"}, '"x" value is missing'),
        ({**RFC7515_EC_JWK, "y": RFC7515_EC_JWK["x"]}, "not on the P-256 curve"),
        ({"kty": "RSA", "n": "AQAB"}, '"e" value is missing'),
        ({"kty": "RSA", "n": "AQAB", "e": "AQAB"}, "RSA key's numbers are not valid"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "use": "enc"}, "meant for encryption"),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "use": "other"}, 'intended use ("other")'),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "key_ops": ["sign"]}, "may not be used"),
        ({**RFC7638_RSA_JWK, "alg": "HS256"}, 'signature method "HS256"'),
        ({**RFC7638_RSA_JWK, "alg": "ES256"}, 'signature method "ES256"'),
        ({"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X + "="}, "damaged"),
    ],
)
def test_key_from_jwk_refusals(jwk: dict[str, Any], sentence: str) -> None:
    """Private, secret, unknown, malformed or wrongly-declared JWKs are refused with a clear sentence."""
    with pytest.raises(CredentialFormatError) as caught:
        key_from_jwk(jwk)
    assert sentence in str(caught.value)


def test_key_from_jwk_refuses_non_object() -> None:
    """A JWK that is not a JSON object is refused."""
    with pytest.raises(CredentialFormatError, match="not a JSON object"):
        key_from_jwk(["kty", "RSA"])  # type: ignore[arg-type]


def test_key_from_pem_reads_ob20_key_and_keeps_origin() -> None:
    """The OB 2.0 CryptographicKey PEM loads as a 2048-bit RSA key that remembers where it came from."""
    assert OB20_KEY1.kty == "RSA"
    assert OB20_KEY1.key.key_size == 2048
    assert OB20_KEY1.id == "http://example.org/key1.json"
    assert OB20_KEY1.controller == "https://example.org/organization.json"
    assert OB20_KEY1.describe() == "an RSA key"


@pytest.mark.parametrize("key", [ED_KEY, RSA_KEY, EC_KEY], ids=["OKP", "RSA", "EC"])
def test_key_from_pem_round_trip(key: PublicKey) -> None:
    """Each supported key type survives a SubjectPublicKeyInfo PEM round trip (text or bytes)."""
    pem = key.key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert key_from_pem(pem.decode()).thumbprint() == key.thumbprint()
    assert key_from_pem(pem).thumbprint() == key.thumbprint()


def test_key_from_pem_refusals() -> None:
    """Private-key PEM, garbage, and unsupported key types (secp256k1) are refused clearly."""
    private_pem = ED_PRIVATE.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    with pytest.raises(CredentialFormatError, match="private key"):
        key_from_pem(private_pem)
    with pytest.raises(CredentialFormatError, match="not a readable PEM public key"):
        key_from_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
    k1_pem = ec.generate_private_key(ec.SECP256K1()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    with pytest.raises(CredentialFormatError, match="secp256k1 curve"):
        key_from_pem(k1_pem)


@pytest.mark.parametrize("raw", [b"", b"\x01" * 31, b"\x01" * 33])
def test_key_from_ed25519_wrong_length(raw: bytes) -> None:
    """Raw Ed25519 keys must be exactly 32 bytes."""
    with pytest.raises(CredentialFormatError, match="32 bytes"):
        key_from_ed25519(raw)


# --------------------------------------------------------------------------------------------
# did:jwk


def test_did_jwk_spec_p256_example_document() -> None:
    """The did:jwk spec's P-256 example resolves to exactly the spec's DID document."""
    vm = SPEC_P256_DID + "#0"
    expected = {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"],
        "id": SPEC_P256_DID,
        "verificationMethod": [
            {
                "id": vm,
                "type": "JsonWebKey2020",
                "controller": SPEC_P256_DID,
                "publicKeyJwk": {
                    "crv": "P-256",
                    "kty": "EC",
                    "x": "acbIQiuMs3i8_uszEjJ2tpTtRM4EU3yz91PH6CdH2V0",
                    "y": "_KcyLj9vWMptnmKtm46GqDz8wf74I5LKgrl2GzH3nSE",
                },
            }
        ],
        # (the spec's text has a stray "$" in its authentication entry; the intent is the same #0 URL)
        "assertionMethod": [vm],
        "authentication": [vm],
        "capabilityInvocation": [vm],
        "capabilityDelegation": [vm],
        "keyAgreement": [vm],
    }
    for url in (SPEC_P256_DID, vm):
        document, key = resolve_did_jwk(url)
        assert document == expected
        assert (key.kty, key.id, key.controller) == ("EC", vm, SPEC_P256_DID)
    assert did_jwk_for(key) == SPEC_P256_DID


@pytest.mark.parametrize("alg", ["ES256", "EdDSA"])
def test_did_jwk_generated_keys_resolve_and_verify(alg: str) -> None:
    """A did:jwk made from a generated P-256 or Ed25519 key resolves to a document whose key verifies its tokens."""
    sign, key = SIGNERS[alg]
    did = did_jwk_for(key)
    token = sign_compact({"alg": alg, "kid": did + "#0"}, PAYLOAD, sign)
    document, resolved = resolve_did_jwk(parse_compact(token).header["kid"])
    vm = document["verificationMethod"][0]
    assert document["id"] == did
    assert vm["id"] == did + "#0"
    assert vm["type"] == "JsonWebKey2020"
    assert vm["controller"] == did
    assert vm["publicKeyJwk"] == key.jwk()
    for relation in ("assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"):
        assert document[relation] == [did + "#0"]
    assert resolved.thumbprint() == key.thumbprint()
    assert verify_jws(parse_compact(token), resolved) is True


def test_did_jwk_with_use_sig_has_no_key_agreement() -> None:
    """Per the spec, a JWK marked "use": "sig" gives no keyAgreement entry."""
    jwk = {**ED_KEY.jwk(), "use": "sig"}
    did = "did:jwk:" + b64url_encode(json.dumps(jwk).encode())
    document, _key = resolve_did_jwk(did)
    assert "keyAgreement" not in document
    assert document["assertionMethod"] == [did + "#0"]
    assert document["verificationMethod"][0]["publicKeyJwk"] == jwk


@pytest.mark.parametrize(
    ("did_url", "sentence"),
    [
        (SPEC_X25519_DID, "meant for encryption"),
        (SPEC_P256_DID + "#1", 'exactly one key, "#0"'),
        (SPEC_P256_DID + "#key-1", 'exactly one key, "#0"'),
        ("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", "is not a did:jwk"),
        ("did:jwk:", "holds no key"),
        (SPEC_P256_DID + "=", "damaged"),
        (SPEC_P256_DID + "?x=1", "damaged"),
        ("did:jwk:" + b64url_encode(b"[1,2]"), "does not hold a JSON Web Key"),
        ("did:jwk:" + b64url_encode(b"{nope"), "not valid JSON"),
        ("did:jwk:" + b64url_encode(json.dumps({**RFC7515_EC_JWK, "d": "AA"}).encode()), "private (secret) parts"),
    ],
)
def test_did_jwk_refusals(did_url: str, sentence: str) -> None:
    """Encryption keys, other fragments, other methods, private keys and malformed did:jwk are refused."""
    with pytest.raises(CredentialFormatError) as caught:
        resolve_did_jwk(did_url)
    assert sentence in str(caught.value)


# --------------------------------------------------------------------------------------------
# Real 1EdTech validator tokens


def test_clr20_simple_verifies_with_its_header_key() -> None:
    """The 1EdTech CLR 2.0 VC-JWT (RS256) verifies with the RSA key embedded in its header."""
    jws = parse_compact(CLR_TOKEN)
    assert jws.header["alg"] == "RS256"
    assert CLR_HEADER_KEY is not None
    assert CLR_HEADER_KEY.kty == "RSA"
    assert CLR_HEADER_KEY.key.key_size == 2048
    assert CLR_HEADER_KEY.id is None  # an embedded key says nothing about who controls it
    assert verify_jws(jws, CLR_HEADER_KEY) is True
    claims = jws.payload_json()
    assert "ClrCredential" in claims["vc"]["type"]
    assert claims["iss"] == claims["vc"]["issuer"]["id"]


def test_clr20_simple_with_swapped_header_key_fails() -> None:
    """Replacing the CLR token's header key with another RSA key makes the check fail, not pass."""
    original = parse_compact(CLR_TOKEN)
    header = dict(original.header, jwk=RSA_KEY.jwk())
    header_text = b64url_encode(json.dumps(header).encode())
    _h, payload_text, signature_text = CLR_TOKEN.strip().split(".")
    forged = parse_compact(f"{header_text}.{payload_text}.{signature_text}")
    swapped = embedded_header_key(forged)
    assert swapped is not None
    assert swapped.thumbprint() == RSA_KEY.thumbprint()
    assert verify_jws(forged, swapped) is False


def test_ob30_simple_is_rs256_without_a_key_in_the_header() -> None:
    """The OB 3.0 VC-JWT is RS256 with no embedded key or kid, and none of the fixture keys signed it."""
    jws = parse_compact(OB30_TOKEN)
    assert jws.header == {"alg": "RS256", "typ": "JWT"}
    assert embedded_header_key(jws) is None
    assert len(jws.signature) == 256
    for key in (CLR_HEADER_KEY, OB20_KEY1, OB20_KEY2):
        assert key is not None
        assert verify_jws(jws, key) is False
    claims = jws.payload_json()
    assert "OpenBadgeCredential" in claims["vc"]["type"]
    assert claims["iss"] == claims["vc"]["issuer"]["id"]


def test_velocity_token_names_an_unresolvable_key() -> None:
    """The Velocity OB 3.0 JWT is RS256 keyed by a did:velocity kid, so it cannot be checked offline."""
    jws = parse_compact(VELOCITY_TOKEN)
    assert jws.header["alg"] == "RS256"
    assert jws.header["kid"].startswith("did:velocity:v2:")
    assert embedded_header_key(jws) is None
    assert CLR_HEADER_KEY is not None
    assert verify_jws(jws, CLR_HEADER_KEY) is False
    claims = jws.payload_json()
    assert "OpenBadgeCredential" in claims["vc"]["type"]
    # Its subject is a did:jwk on secp256k1, a curve the wallet does not check: refused clearly.
    assert claims["sub"].startswith("did:jwk:")
    with pytest.raises(CredentialFormatError, match='curve "secp256k1"'):
        resolve_did_jwk(claims["sub"])


def test_ob20_simple_verifies_with_key1_not_key2() -> None:
    """The OB 2.0 signed assertion verifies with key1.json's PEM (its creator) and not with key2.json."""
    jws = parse_compact(OB20_TOKEN)
    assert jws.header == {"typ": "JWT", "alg": "RS256"}
    assert jws.payload_json()["verification"] == {"type": "signed", "creator": OB20_KEY1.id}
    assert verify_jws(jws, OB20_KEY1) is True
    assert verify_jws(jws, OB20_KEY2) is False


def test_embedded_header_key_refuses_secret_or_private_keys() -> None:
    """A "jwk" header holding a private or shared-secret key, or not an object, is refused."""
    bad_headers: list[dict[str, Any]] = [
        {"alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": RFC8037_X, "d": RFC8037_SEED}},
        {"alg": "HS256", "jwk": {"kty": "oct", "k": "c2VjcmV0"}},
        {"alg": "EdDSA", "jwk": "not an object"},
    ]
    for header in bad_headers:
        with pytest.raises(CredentialFormatError):
            embedded_header_key(parse_compact(_forge(header)))


# --------------------------------------------------------------------------------------------
# Hostile input: only CredentialFormatError or a boolean, never anything else

REAL_TOKENS = [CLR_TOKEN.strip(), OB30_TOKEN.strip(), VELOCITY_TOKEN.strip(), OB20_TOKEN.strip()]
REAL_TOKENS += [_token(alg) for alg in sorted(SIGNERS)]
ALL_KEYS = [k for k in (CLR_HEADER_KEY, OB20_KEY1, ED_KEY, RSA_KEY, EC_KEY, P384_KEY) if k is not None]
ODD_CHARS = st.sampled_from([*'AaZz09-_.+/= \n\t\x00é{}"', "eyJ", "..", "\u2028"])


def _exercise(text: str) -> None:
    """Parse, then verify against every key: each step may only refuse (CredentialFormatError) or answer."""
    try:
        jws = parse_compact(text)
    except CredentialFormatError:
        return
    assert isinstance(jws, Jws)
    for key in ALL_KEYS:
        with contextlib.suppress(CredentialFormatError):
            assert isinstance(verify_jws(jws, key), bool)
    for step in (embedded_header_key, Jws.payload_json):
        with contextlib.suppress(CredentialFormatError):
            step(jws)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_random_text_never_crashes(text: str) -> None:
    """Arbitrary text gives a Jws or a CredentialFormatError, and is_compact_jws always answers."""
    assert isinstance(is_compact_jws(text), bool)
    _exercise(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(REAL_TOKENS),
    st.lists(
        st.tuples(st.integers(min_value=0), st.sampled_from(["replace", "insert", "delete"]), ODD_CHARS),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_real_tokens_never_crash(token: str, edits: list[tuple[int, str, str]]) -> None:
    """Real and generated tokens with random edits are refused or answered, never crash."""
    text = token
    for position, action, chars in edits:
        where = position % (len(text) + 1)
        if action == "insert":
            text = text[:where] + chars + text[where:]
        elif action == "delete":
            text = text[:where] + text[where + 1 :]
        else:
            text = text[:where] + chars + text[where + 1 :]
    _exercise(text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["alg", "typ", "kid", "jwk", "crit", "b64", "x5c", "cty"]),
        st.sampled_from([*ALLOWED_ALGS, "none", "HS256", "PS256", "", [], ["b64"], True, False])
        | JSON_VALUES
        | st.sampled_from([RSA_KEY.jwk(), ED_KEY.jwk(), EC_KEY.jwk(), {"kty": "oct", "k": "AA"}]),
    ),
    st.binary(max_size=300),
)
def test_random_headers_and_signatures_never_crash(header: dict[str, Any], signature: bytes) -> None:
    """Hand-made headers (any alg, crit, b64, jwk) with random signatures are refused or answered."""
    _exercise(_forge(header, signature=signature))


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["kty", "crv", "x", "y", "n", "e", "d", "use", "alg", "key_ops", "k"]),
        st.sampled_from(["OKP", "RSA", "EC", "oct", "Ed25519", "P-256", "sig", "AQAB", RFC8037_X, "AA"]) | JSON_VALUES,
    )
)
def test_random_jwks_and_did_jwks_never_crash(jwk: dict[str, Any]) -> None:
    """Random JWKs, directly or inside a did:jwk, give a PublicKey or a CredentialFormatError."""
    for attempt in (
        lambda: key_from_jwk(jwk),
        lambda: resolve_did_jwk("did:jwk:" + b64url_encode(json.dumps(jwk).encode())),
    ):
        with contextlib.suppress(CredentialFormatError):
            attempt()


@pytest.mark.parametrize(("alg", "curve", "size"), [("ES384", ec.SECP384R1(), 48), ("ES512", ec.SECP521R1(), 66)])
def test_es384_and_es512_verify_and_are_tied_to_their_curve(alg: str, curve: ec.EllipticCurve, size: int) -> None:
    """ES384 needs a P-384 key and ES512 a P-521 key (raw r||s); a changed payload or the other curve fails."""
    private = ec.generate_private_key(curve)
    digest = hashes.SHA384() if alg == "ES384" else hashes.SHA512()

    def sign(data: bytes) -> bytes:
        r, s = decode_dss_signature(private.sign(data, ec.ECDSA(digest)))
        return r.to_bytes(size, "big") + s.to_bytes(size, "big")

    token = sign_compact({"alg": alg}, b'{"a":1}', sign)
    key = key_from_jwk(PublicKey("EC", private.public_key()).jwk())
    assert verify_jws(parse_compact(token), key) is True
    head, _, tail = token.split(".")
    changed = b64url_encode(b'{"a":2}')
    assert verify_jws(parse_compact(f"{head}.{changed}.{tail}"), key) is False
    with pytest.raises(CredentialFormatError, match="but the key is a P-256"):
        verify_jws(parse_compact(token), EC_KEY)

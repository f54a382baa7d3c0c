"""COSE_Sign1 (RFC 9052) as VC-JOSE-COSE secures credentials: `application/vc+cose` and `application/vp+cose`.

A COSE_Sign1 is CBOR tag 18 over `[protected header (bstr), unprotected header (map), payload (bstr), signature]`;
the signature covers the CBOR `Sig_structure` `["Signature1", protected, external_aad (empty), payload]`. The
wallet reads it with cbor2 and checks it with the same strict JWS rules (`jose.verify_jws`): the protected header's
algorithm (-7 ES256, -35 ES384, -36 ES512, -8 EdDSA) is named as its JOSE equivalent, the `Sig_structure` becomes
the signing input, and the key is found from the `kid` (label 4) like a JWT's. Media types (labels 3 and 16) are
returned as `cty` and `typ` so they are checked like a token's. Detached payloads, countersignatures and
`crit` (label 2) are refused.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

import cbor2

from wallet.credentials import jose
from wallet.credentials.limits import check_size
from wallet.errors import CredentialFormatError
from wallet.i18n import _

ALGORITHMS = {-7: "ES256", -35: "ES384", -36: "ES512", -8: "EdDSA"}
"""COSE algorithm identifiers the wallet checks, with their JOSE names."""

NOT_IMPLEMENTED = {-47: "ES256K", -37: "PS256", -38: "PS384", -39: "PS512", -257: "RS256", -258: "RS384",
                   -259: "RS512"}
_TAG = 18
_MARK = b"\xd2\x84"
"""Tag 18 followed by a four-item array: how every tagged COSE_Sign1 starts."""


def looks_like_cose(data: bytes) -> bool:
    """Cheap sniff: raw CBOR starting as a tagged COSE_Sign1, or base64 text of one."""
    if data.startswith(_MARK):
        return True
    return data.lstrip()[:3] == b"0oR"  # base64 of d2 84 …


def _decode(data: bytes) -> Any:
    try:
        return cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError, TypeError, OverflowError, RecursionError, MemoryError) as exc:
        raise CredentialFormatError(_("The COSE-secured credential is damaged: its CBOR cannot be read.")) from exc


def raw_bytes(data: bytes) -> bytes:
    """The CBOR bytes of a COSE_Sign1 given raw or as (standard) base64 text, padded or not."""
    if data.startswith(_MARK):
        return data
    text = data.strip()
    try:
        return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)  # the W3C suite leaves off padding
    except (binascii.Error, ValueError) as exc:
        raise CredentialFormatError(_("The COSE-secured credential is not valid base64, so it cannot be "
                                      "read.")) from exc


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return value if isinstance(value, str) else None


def read(data: bytes) -> jose.Jws:
    """A COSE_Sign1 as a `jose.Jws` whose signing input is its Sig_structure; nothing is verified yet."""
    check_size(data, "The COSE-secured credential")
    raw = raw_bytes(data)
    value = _decode(raw)
    if not isinstance(value, cbor2.CBORTag) or value.tag != _TAG:
        raise CredentialFormatError(_("This CBOR is not a COSE_Sign1 (tag 18), so it is not a COSE-secured "
                                      "credential."))
    parts = value.value
    if not isinstance(parts, list | tuple) or len(parts) != 4:
        raise CredentialFormatError(_("The COSE_Sign1 does not have its four parts."))
    protected_bytes, unprotected, payload, signature = parts
    if not isinstance(protected_bytes, bytes) or not isinstance(unprotected, Mapping) or not isinstance(
            signature, bytes):
        raise CredentialFormatError(_("The COSE_Sign1's parts are not of the kinds RFC 9052 requires."))
    if not isinstance(payload, bytes):
        raise CredentialFormatError(_("The COSE_Sign1 has no attached payload (a detached one is not read)."))
    protected = _decode(protected_bytes) if protected_bytes else {}
    if not isinstance(protected, Mapping):
        raise CredentialFormatError(_("The COSE_Sign1's protected header is not a map."))
    if 2 in protected or 2 in unprotected:
        raise CredentialFormatError(_("The COSE_Sign1 requires extensions (crit) the wallet does not understand."))
    alg = protected.get(1)
    if alg in NOT_IMPLEMENTED:
        name = NOT_IMPLEMENTED[alg]
    elif alg in ALGORITHMS:
        name = ALGORITHMS[alg]
    else:
        raise CredentialFormatError(
            _("The COSE_Sign1 is signed with algorithm {alg!r} in its protected header, which the wallet does not "
              "accept (it accepts ES256, ES384, ES512 and EdDSA).").format(alg=alg)
        )
    header: dict[str, Any] = {"alg": name}
    for label, name_ in ((4, "kid"), (3, "cty"), (16, "typ")):
        found = protected.get(label, unprotected.get(label) if label == 4 else None)
        text = _text(found)
        if found is not None:
            header[name_] = text if text is not None else repr(found)
    signing_input = cbor2.dumps(["Signature1", protected_bytes, b"", payload])
    return jose.Jws(header=header, payload=payload, signing_input=signing_input, signature=signature,
                    compact=base64.b64encode(raw).decode("ascii"))

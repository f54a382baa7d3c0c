"""Reading VPQR codes from the wider ecosystem (Digital Bazaar / DCC `@digitalbazaar/vpqr`).

A VPQR text is `VP1-` + a multibase letter + the data: `B` is base32 (RFC 4648, upper case, no padding), `R`
is base45. The data is CBOR-LD (`wallet/sharing/cborld.py`).
"""

from __future__ import annotations

import base64
from typing import Any

from wallet.sharing.base45 import Base45Error, b45decode
from wallet.sharing.cborld import CANNOT, decode_cborld
from wallet.sharing.qr_codec import QrCodeError

PREFIX = "VP1-"
MAX_TEXT = 8000
"""Longer than any QR code can hold."""


def is_vpqr(text: str) -> bool:
    """Whether a QR text is a VPQR payload (any version letter after `VP1-`)."""
    return text.strip().startswith(PREFIX)


def payload(text: str) -> bytes:
    """The CBOR-LD bytes of a VPQR text (base32 `B` or base45 `R`)."""
    stripped = text.strip()
    if len(stripped) > MAX_TEXT:
        raise QrCodeError("This VPQR code is longer than any QR code can hold; it was not read.")
    if not stripped.startswith(PREFIX) or len(stripped) < len(PREFIX) + 1:
        raise QrCodeError("This QR code is not a VPQR presentation.")
    letter, body = stripped[len(PREFIX)], stripped[len(PREFIX) + 1:]
    try:
        if letter == "B":
            return base64.b32decode(body + "=" * (-len(body) % 8))
        if letter == "R":
            return b45decode(body)
    except (ValueError, Base45Error):
        raise QrCodeError(f"This VPQR code is damaged: its {'base32' if letter == 'B' else 'base45'} data does "
                          "not decode.") from None
    raise QrCodeError(f"This VPQR code uses the encoding {letter!r} ({CANNOT}: only B and R are read).")


def decode(text: str) -> dict[str, Any]:
    """The presentation a VPQR text carries."""
    document = decode_cborld(payload(text))
    if not isinstance(document, dict):
        raise QrCodeError("This VPQR code does not hold a presentation.")
    return document

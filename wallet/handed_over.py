"""Things people hand over other than files: pasted text (JSON, a token, a data: URL) and QR code images.

Each becomes (source, bytes) for the credential import, or the sentence that says why it cannot be one, so
the import's per-item report names it like any file.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from urllib.parse import unquote_to_bytes

from wallet.credentials.limits import MAX_INPUT_BYTES
from wallet.credentials.sources import read_inputs
from wallet.errors import InvalidInputError, WalletError
from wallet.i18n import _
from wallet.sharing import qr_codec, qr_images

Handed = tuple[str, bytes | WalletError]


def data_url_bytes(url: str) -> bytes:
    """The bytes a data: URL (RFC 2397) carries: base64 (or base64url) or percent-encoded."""
    header, comma, body = url[5:].partition(",")
    if not comma:
        raise InvalidInputError(_("The pasted data: URL could not be read: it has no comma before its data."))
    if len(body) > MAX_INPUT_BYTES * 2:
        raise InvalidInputError(_("The pasted data: URL is larger than any credential the wallet reads."))
    params = [p.strip().lower() for p in header.split(";")[1:]]
    body = "".join(body.split())
    try:
        if "base64url" in params:
            return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        if "base64" in params:
            return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInputError(_("The pasted data: URL could not be read: its data is not valid base64.")) from None
    return unquote_to_bytes(body)


def pasted_bytes(text: str) -> bytes:
    """The bytes to import from pasted text: what a data: URL carries, otherwise the text itself."""
    stripped = text.strip()
    if not stripped:
        raise InvalidInputError(_("Nothing was pasted."))
    if stripped[:5].lower() == "data:":
        return data_url_bytes(stripped)
    return stripped.encode("utf-8")


def _text_input(text: str, source: str) -> Handed:
    lowered = text.strip().lower()
    if lowered.startswith(("http://", "https://", "www.")):
        return source, InvalidInputError(
            _("This QR code holds a web address, not a credential. The wallet never goes online: open the address in "
              "a browser, save the credential it offers, and import that file."))
    try:
        return source, pasted_bytes(text)
    except WalletError as exc:
        return source, exc


def qr_image_inputs(data: bytes, name: str) -> list[Handed]:
    """What the QR codes in one image (a photo or a screenshot) hold: an LER Wallet bundle (every code of
    its set that the image shows), and each other code's credential text. Raises when no code can be read."""
    texts = qr_images.read_texts(data, name)
    bundle_parts = [t for t in texts if qr_codec.describe_foreign(t) is None]
    found: list[Handed] = []
    if bundle_parts:
        source = f"{name} (QR bundle)"
        try:
            found.append((source, qr_codec.decode(bundle_parts)))
        except WalletError as exc:
            found.append((source, exc))
    others = [t for t in texts if qr_codec.describe_foreign(t) is not None]
    for number, text in enumerate(others, start=1):
        found.append(_text_input(text, f"{name} (QR code {number})" if len(others) > 1 else f"{name} (QR code)"))
    return found


def _baked_badge(data: bytes) -> bool:
    """A PNG with an Open Badges chunk (its keyword is stored as plain text): a badge, not a photo of a code."""
    return data.startswith(b"\x89PNG") and b"openbadges" in data


def dropped_inputs(names: list[str]) -> list[Handed]:
    """Files and folders as the import reads them, except that a photo or screenshot (a JPEG or GIF, or a PNG
    with no badge baked in) is read for the QR codes it shows."""
    found: list[Handed] = []
    for source, data in read_inputs(names):
        if not isinstance(data, bytes) or not qr_images.is_image(data) or _baked_badge(data):
            found.append((source, data))
            continue
        try:
            found.extend(qr_image_inputs(data, Path(source).name))
        except WalletError:
            found.append((source, InvalidInputError(
                f"{Path(source).name} is an image with no badge baked in and no QR code the wallet could read.")))
    return found

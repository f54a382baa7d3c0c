"""Things people hand over other than files: pasted text (JSON, a token, a data: URL) and QR code images.

Each becomes (source, bytes) for the credential import, or the sentence that says why it cannot be one, so
the import's per-item report names it like any file.
"""

from __future__ import annotations

from wallet.credentials.enveloped import read_data_url
from wallet.errors import InvalidInputError, WalletError
from wallet.sharing import qr_codec, qr_images

Handed = tuple[str, bytes | WalletError]


def pasted_bytes(text: str) -> bytes:
    """The bytes to import from pasted text: what a data: URL carries, otherwise the text itself."""
    stripped = text.strip()
    if not stripped:
        raise InvalidInputError("Nothing was pasted.")
    if stripped[:5].lower() == "data:":
        try:
            return read_data_url("data:" + stripped[5:]).body
        except WalletError as exc:
            raise InvalidInputError(f"The pasted data: URL could not be read. {exc.message}") from exc
    return stripped.encode("utf-8")


def _text_input(text: str, source: str) -> Handed:
    lowered = text.strip().lower()
    if lowered.startswith(("http://", "https://", "www.")):
        return source, InvalidInputError(
            "This QR code holds a web address, not a credential. The wallet never goes online: open the address "
            "in a browser, save the credential it offers, and import that file.")
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

"""QR code images of a bundle (PNG, SVG) and reading codes back from images and photos.

Making uses `qrcode` for the symbol and Pillow for the PNG and its caption; SVG is written from the module
matrix, with the caption as a text element. Reading uses zxing-cpp. Images from outside are untrusted: the
file size and pixel count are checked before anything is decoded, and whatever Pillow or zxing-cpp refuse
becomes one sentence.

Size policy (docs/sharing-qr.md says why): at most version 25 per code (117 modules, about 5 cm wide at
0.4 mm a module, read from a 150 dpi scan or a phone photo of a page); error correction M (15 %), or L when
that saves a code; a bigger bundle becomes a numbered set.
"""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final
from xml.sax.saxutils import escape

import qrcode
import qrcode.constants
import qrcode.util
import zxingcpp
from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from wallet.i18n import _
from wallet.resources import resource_path
from wallet.sharing import qr_codec, vpqr
from wallet.sharing.qr_codec import QrCodeError

ECC_LEVELS: Final = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
DEFAULT_ECC = "M"
DEFAULT_MAX_VERSION = 25
BOX = 8
"""Pixels per module in the PNG: 8 px is 0.68 mm at 300 dpi, so a version-25 code prints 8.5 cm wide."""
BORDER = 4
MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_PIXELS = 40_000_000
"""A 40-megapixel photo is larger than any phone's; an image claiming more is refused before decoding."""
READABLE_FORMATS = frozenset({"PNG", "JPEG", "MPO", "GIF"})
"""MPO is how Pillow names the JPEG files many phone cameras write (a JPEG with a second, preview image)."""


@dataclass(frozen=True)
class QrImage:
    """One code of a set: its text, its QR version and error correction, and the PNG and SVG bytes."""

    index: int
    count: int
    text: str
    version: int
    ecc: str
    png: bytes
    svg: bytes

    @property
    def caption(self) -> str:
        """What is printed under the code of a set ("2 of 5"); empty for a single code."""
        return caption(self.index, self.count)


def caption(index: int, count: int) -> str:
    """The line under a code of a set."""
    return _("{index} of {count}").format(index=index, count=count) if count > 1 else ""


def capacity(version: int, ecc: str = DEFAULT_ECC) -> int:
    """How many QR alphanumeric characters one code of this version and error correction holds."""
    bits: int = qrcode.util.BIT_LIMIT_TABLE[ECC_LEVELS[ecc]][version] - 4
    bits -= int(qrcode.util.length_in_bits(qrcode.util.MODE_ALPHA_NUM, version))
    return (bits // 11) * 2 + (1 if bits % 11 >= 6 else 0)


def _matrix(text: str, ecc: str) -> tuple[list[list[bool]], int]:
    code = qrcode.QRCode(error_correction=ECC_LEVELS[ecc], border=BORDER)
    code.add_data(qrcode.util.QRData(text, mode=qrcode.util.MODE_ALPHA_NUM))
    code.make(fit=True)
    return code.get_matrix(), int(code.version)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    with resource_path("fonts", "DejaVuSans.ttf").open("rb") as handle:
        return ImageFont.truetype(io.BytesIO(handle.read()), size)


def _png(matrix: list[list[bool]], label: str) -> bytes:
    side = len(matrix)
    small = Image.new("1", (side, side), 1)
    small.putdata([0 if dark else 1 for row in matrix for dark in row])
    code = small.resize((side * BOX, side * BOX), Image.Resampling.NEAREST)
    if not label:
        canvas = code
    else:
        font = _font(BOX * 5)
        band = BOX * 8
        canvas = Image.new("1", (code.width, code.height + band), 1)
        canvas.paste(code, (0, 0))
        draw = ImageDraw.Draw(canvas)
        draw.text((canvas.width // 2, code.height + band // 3), label, fill=0, font=font, anchor="mm")
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()


def _svg(matrix: list[list[bool]], label: str, title: str) -> bytes:
    side = len(matrix)
    runs: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < side:
            if row[x]:
                start = x
                while x < side and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h{start - x}z")
            else:
                x += 1
    height = side + (8 if label else 0)  # the same band and type size as the PNG: 8 and 5 modules
    text = (f'<text x="{side / 2:g}" y="{side + 4.5:g}" font-family="DejaVu Sans, Arial, sans-serif" '
            f'font-size="5" text-anchor="middle">{escape(label)}</text>') if label else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {height}" '
            f'width="{side * BOX}" height="{height * BOX}" shape-rendering="crispEdges" role="img">'
            f"<title>{escape(title)}</title>"
            f'<rect width="{side}" height="{height}" fill="#fff"/>'
            f'<path fill="#000" d="{"".join(runs)}"/>{text}</svg>\n').encode()


def render(text: str, index: int = 1, count: int = 1, ecc: str = DEFAULT_ECC) -> QrImage:
    """One code as PNG and SVG, with its "i of n" caption when it belongs to a set."""
    matrix, version = _matrix(text, ecc)
    label = caption(index, count)
    title = "LER Wallet bundle QR code" + (f", {label}" if label else "")
    return QrImage(index, count, text, version, ecc, _png(matrix, label), _svg(matrix, label, title))


def make_set(bundle: bytes, max_version: int = DEFAULT_MAX_VERSION, ecc: str | None = None) -> list[QrImage]:
    """The codes carrying `bundle`: one if it fits a code of `max_version`, else a numbered set.

    With `ecc` left out, error correction is M unless L needs fewer codes (as SMART Health Cards do: keep the
    stronger level until it costs a code)."""
    if not 1 <= max_version <= 40 or (ecc is not None and ecc not in ECC_LEVELS):
        raise ValueError("max_version must be 1..40 and ecc one of L, M, Q, H")
    packed = qr_codec.prepare(bundle)
    if ecc is None:
        stronger = qr_codec.split(packed, capacity(max_version, DEFAULT_ECC))
        weaker = qr_codec.split(packed, capacity(max_version, "L"))
        ecc, texts = (DEFAULT_ECC, stronger) if len(stronger) <= len(weaker) else ("L", weaker)
    else:
        texts = qr_codec.split(packed, capacity(max_version, ecc))
    return [render(text, i, len(texts), ecc) for i, text in enumerate(texts, start=1)]


def _open(data: bytes, name: str) -> Image.Image:
    name = name[:1].upper() + name[1:]
    if len(data) > MAX_IMAGE_BYTES:
        raise QrCodeError(f"{name} is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB; it was not read as an image.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in READABLE_FORMATS:
                raise QrCodeError(f"{name} is a {image.format} image; QR codes are read from PNG, JPEG or GIF.")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise QrCodeError(f"{name} is {width} × {height} pixels, more than the {MAX_PIXELS // 1_000_000} "
                                  "megapixels the wallet reads; it was not decoded.")
            image.load()
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                flat = Image.new("RGBA", image.size, "white")
                flat.alpha_composite(image.convert("RGBA"))  # a see-through background reads as white paper
                return flat.convert("L")
            return image.convert("L")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise QrCodeError(f"{name} claims to be far larger than any photo; it was not decoded.") from None
    except UnidentifiedImageError:
        raise QrCodeError(f"{name} is not an image the wallet can read (PNG, JPEG or GIF).") from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError):
        raise QrCodeError(f"{name} is a damaged image; it could not be decoded.") from None


def read_texts(data: bytes, name: str = "the image") -> list[str]:
    """The text of every QR code found in an image (PNG, JPEG or GIF, a screenshot or a photo)."""
    image = _open(data, name)
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    texts = [code.text for code in found if code.valid and code.text]
    if not texts:
        raise QrCodeError(f"No QR code could be read in {name}.")
    return texts


@dataclass(frozen=True)
class ReadBundle:
    """What a set of scanned codes carried: the bundle's JSON bytes, the form ("LW1" or "VPQR") and how many codes."""

    bundle: bytes
    form: str
    codes: int


def bundle_from_texts(texts: Sequence[str]) -> ReadBundle:
    """The bundle in scanned QR texts: an LW1 set (any order) or one VPQR presentation."""
    lw1 = [text for text in texts if not vpqr.is_vpqr(text)]
    other = [text for text in texts if vpqr.is_vpqr(text)]
    if other and lw1:
        raise QrCodeError("These QR codes mix an LER Wallet set with a VPQR presentation; check them separately.")
    if len(set(other)) > 1:
        raise QrCodeError("These are several VPQR presentations; a VPQR presentation is one code, check one at a time.")
    if other:
        document = vpqr.decode(other[0])
        return ReadBundle(json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"), "VPQR", 1)
    parts = [qr_codec.parse(text) for text in lw1]
    return ReadBundle(qr_codec.assemble(parts), "LW1", len({part.index for part in parts}))


def read_bundle(images: Sequence[tuple[str, bytes]]) -> ReadBundle:
    """The bundle carried by QR images (PNG, JPEG or GIF files or photos; one or several codes in each)."""
    if not images:
        raise QrCodeError("No image was given.")
    return bundle_from_texts([text for name, data in images for text in read_texts(data, name)])


def is_image(data: bytes) -> bool:
    """Whether bytes start like an image QR codes are read from (PNG, JPEG or GIF)."""
    return data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a"))

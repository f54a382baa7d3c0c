"""QR images: every code the wallet makes (PNG, SVG, a photo of a page) is read back by zxing-cpp; hostile
images get a sentence."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFilter

from tests.wallet.sharing.qr_material import bundle_bytes
from wallet.sharing import qr_codec, qr_images
from wallet.sharing.qr_codec import QrCodeError


@pytest.fixture(scope="module")
def one() -> bytes:
    return bundle_bytes(1)


@pytest.fixture(scope="module")
def three_set() -> tuple[bytes, list[qr_images.QrImage]]:
    data = bundle_bytes(3)
    return data, qr_images.make_set(data, max_version=12)


def _read_all(images: list[bytes]) -> bytes:
    return qr_codec.decode(text for image in images for text in qr_images.read_texts(image))


@pytest.mark.parametrize("ecc", ["L", "M", "Q", "H"])
@pytest.mark.parametrize("version", [1, 9, 10, 25, 26, 27, 39])
def test_capacity_is_exactly_what_a_version_holds(ecc: str, version: int) -> None:
    """capacity() is the largest text that still fits the version (one more character needs the next one)."""
    size = qr_images.capacity(version, ecc)
    assert qr_images.render("A" * size, ecc=ecc).version == version
    assert qr_images.render("A" * (size + 1), ecc=ecc).version == version + 1


def test_one_badge_bundle_is_one_png_read_back_to_identical_bytes(one: bytes) -> None:
    """A one-credential bundle is one code within version 25, with no caption, and reads back byte for byte."""
    codes = qr_images.make_set(one)
    assert len(codes) == 1
    code = codes[0]
    assert code.version <= 25 and code.caption == ""
    png = Image.open(io.BytesIO(code.png))
    assert png.width == png.height
    assert _read_all([code.png]) == one


def test_a_set_has_captions_and_reads_back_in_any_order(three_set: tuple[bytes, list[qr_images.QrImage]]) -> None:
    """Each code of a set says "i of n" under the image (PNG band, SVG text) and the set reads back whole."""
    data, codes = three_set
    count = len(codes)
    assert count > 1 and all(code.version <= 12 for code in codes)
    for code in codes:
        assert code.caption == f"{code.index} of {count}"
        assert f">{code.index} of {count}</text>".encode() in code.svg
        png = Image.open(io.BytesIO(code.png)).convert("L")
        assert png.height > png.width
        band = png.crop((0, png.width, png.width, png.height))
        assert band.getextrema()[0] == 0, "the caption band has ink"
    assert _read_all([code.png for code in reversed(codes)]) == data


def test_svg_codes_read_back_when_drawn_by_another_renderer(
    qapp: object, three_set: tuple[bytes, list[qr_images.QrImage]]
) -> None:
    """The SVGs, drawn by Qt's SVG renderer (not our code), read back to the bundle."""
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    data, codes = three_set
    texts = []
    for code in codes:
        renderer = QSvgRenderer(QByteArray(code.svg))
        assert renderer.isValid()
        size = renderer.defaultSize()
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        buffer = io.BytesIO()
        pixels = image.convertToFormat(QImage.Format.Format_Grayscale8)
        Image.frombuffer("L", (pixels.width(), pixels.height()), bytes(pixels.constBits()), "raw", "L",
                         pixels.bytesPerLine(), 1).save(buffer, format="PNG")
        texts += qr_images.read_texts(buffer.getvalue())
    assert qr_codec.decode(texts) == data


def test_a_photo_of_a_printed_page_reads_back(three_set: tuple[bytes, list[qr_images.QrImage]]) -> None:
    """All codes of a set on one page, photographed: tilted, blurred, grey paper, JPEG. The bundle comes back."""
    data, codes = three_set
    tiles = [Image.open(io.BytesIO(code.png)).convert("L") for code in codes]
    tile = tiles[0].width
    page = Image.new("L", (tile * 2 + 300, (tile + 100) * ((len(tiles) + 1) // 2) + 200), 225)
    for i, image in enumerate(tiles):
        page.paste(image.point(lambda v: 30 if v < 128 else 235), (100 + (i % 2) * (tile + 100),
                                                                   100 + (i // 2) * (tile + 100)))
    photo = page.rotate(6, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=90)
    photo = photo.resize((photo.width * 2 // 3, photo.height * 2 // 3), Image.Resampling.BILINEAR)
    photo = photo.filter(ImageFilter.GaussianBlur(1.2))
    jpeg = io.BytesIO()
    photo.convert("RGB").save(jpeg, format="JPEG", quality=60)
    assert _read_all([jpeg.getvalue()]) == data


def test_a_code_on_a_see_through_background_reads(one: bytes) -> None:
    """A screenshot or web image whose light modules are transparent (black RGB underneath) still reads."""
    code = Image.open(io.BytesIO(qr_images.make_set(one)[0].png)).convert("L")
    clear = Image.new("RGBA", code.size, (0, 0, 0, 0))
    clear.putalpha(code.point(lambda v: 255 if v < 128 else 0))
    buffer = io.BytesIO()
    clear.save(buffer, format="PNG")
    assert qr_codec.decode(qr_images.read_texts(buffer.getvalue(), "clear.png")) == one


def test_a_phone_jpeg_with_a_preview_image_is_read(one: bytes) -> None:
    """A multi-picture JPEG (MPO, as many phone cameras write) is read like any JPEG."""
    code = Image.open(io.BytesIO(qr_images.make_set(one)[0].png)).convert("RGB")
    buffer = io.BytesIO()
    code.save(buffer, format="MPO", save_all=True, append_images=[code.resize((64, 64))])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    assert qr_codec.decode(qr_images.read_texts(buffer.getvalue(), "photo.jpg")) == one


def test_default_error_correction_is_m_unless_l_saves_a_code(one: bytes) -> None:
    """Error correction M is kept while it costs no extra code; L is taken only to save one."""
    small = bundle_bytes(1)[:400]
    assert qr_images.make_set(small)[0].ecc == "M"
    m_count = len(qr_codec.encode(one, qr_images.capacity(25, "M")))
    l_count = len(qr_codec.encode(one, qr_images.capacity(25, "L")))
    chosen = qr_images.make_set(one)
    assert chosen[0].ecc == ("M" if m_count <= l_count else "L")
    assert len(chosen) == min(m_count, l_count)


def _png(width: int, height: int, body: bytes, color_type: int = 0, depth: int = 1) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def test_a_png_claiming_huge_dimensions_is_refused_before_decoding() -> None:
    """A 100,000 × 100,000 PNG header (Pillow's own bomb limit) and a 9,000 × 9,000 one (ours) get sentences."""
    with pytest.raises(QrCodeError, match="far larger than any photo"):
        qr_images.read_texts(_png(100_000, 100_000, zlib.compress(b"\x00" * 1000)), "huge.png")
    with pytest.raises(QrCodeError, match=r"^Bomb.png is 9000 × 9000 pixels, more than the 40 megapixels"):
        qr_images.read_texts(_png(9000, 9000, zlib.compress(b"\x00" * 1000)), "bomb.png")


def test_a_real_decompression_bomb_png_is_refused_without_inflating() -> None:
    """A 60-megapixel all-white PNG that is tiny on disk is refused by its size, not inflated."""
    rows = b"".join(b"\x00" + b"\xff" * (8000 // 8) for _ in range(7500))
    bomb = _png(8000, 7500, zlib.compress(rows, 9))
    assert len(bomb) < 100_000
    with pytest.raises(QrCodeError, match="more than the 40 megapixels"):
        qr_images.read_texts(bomb, "bomb.png")


@pytest.mark.parametrize(("data", "sentence"), [
    (b"not an image at all", "not an image the wallet can read"),
    (_png(64, 64, b"\x78\x9c broken"), "damaged image"),
    (b"\x89PNG\r\n\x1a\n", "not an image the wallet can read|damaged image"),
])
def test_broken_files_get_a_sentence(data: bytes, sentence: str) -> None:
    """Junk, a PNG with a broken stream and a bare signature each get a sentence."""
    with pytest.raises(QrCodeError, match=sentence):
        qr_images.read_texts(data, "upload")


def test_other_image_formats_and_oversized_files_are_named() -> None:
    """A BMP is named as such; a file over the byte limit is not opened at all."""
    bmp = io.BytesIO()
    Image.new("L", (10, 10), 255).save(bmp, format="BMP")
    with pytest.raises(QrCodeError, match="is a BMP image; QR codes are read from PNG, JPEG or GIF"):
        qr_images.read_texts(bmp.getvalue(), "scan.bmp")
    with pytest.raises(QrCodeError, match="larger than 30 MB"):
        qr_images.read_texts(b"\x89PNG" + b"\x00" * (qr_images.MAX_IMAGE_BYTES + 1), "big.png")


def test_an_image_without_a_code_says_so() -> None:
    """A blank picture is not an error of the program: it has no QR code, and the sentence says where."""
    blank = io.BytesIO()
    Image.new("L", (300, 300), 255).save(blank, format="PNG")
    with pytest.raises(QrCodeError, match=r"No QR code could be read in blank\.png"):
        qr_images.read_texts(blank.getvalue(), "blank.png")


def test_codes_are_alphanumeric_mode_symbols(one: bytes) -> None:
    """The symbol uses QR alphanumeric mode (what base45 is for): the smallest version that holds it as such."""
    code = qr_images.make_set(one)[0]
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.png)), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [c.text for c in found] == [code.text]
    assert qr_images.capacity(code.version - 1, code.ecc) < len(code.text) <= qr_images.capacity(code.version, code.ecc)


_SMALL_CODE = qr_images.render("LW1:1/1:AAAAAAAA:0000").png


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"GIF89a"]), st.binary(max_size=400))
def test_any_bytes_after_an_image_signature_get_codes_or_a_sentence(signature: bytes, body: bytes) -> None:
    """Junk behind a PNG, JPEG or GIF signature never crashes the reader: texts, or QrCodeError with a sentence."""
    try:
        qr_images.read_texts(signature + body, "fuzz.img")
    except QrCodeError as error:
        assert error.message.endswith(".")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_SMALL_CODE) - 1), st.integers(1, 255)), min_size=1, max_size=8))
def test_a_damaged_code_image_gets_its_text_or_a_sentence(flips: list[tuple[int, int]]) -> None:
    """Bytes of a real code's PNG changed anywhere: the code still reads, or one sentence says why not."""
    data = bytearray(_SMALL_CODE)
    for offset, mask in flips:
        data[offset] ^= mask
    try:
        texts = qr_images.read_texts(bytes(data), "damaged.png")
    except QrCodeError as error:
        assert error.message.endswith(".")
    else:
        assert texts

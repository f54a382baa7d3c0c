"""VPQR codes from the wider ecosystem: every published vector file is read, or refused with the reason."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wallet.sharing import cborld, qr_images, vpqr
from wallet.sharing.base45 import b45encode
from wallet.sharing.qr_codec import QrCodeError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "vpqr"
EXAMPLE_VP = json.loads((FIXTURES / "digitalbazaar" / "exampleVp.json").read_text("utf-8"))
TEXTS = ["digitalbazaar/exampleQrCodeDataB.txt", "digitalbazaar/exampleQrCodeDataR.txt",
         "digitalbazaar/exampleCborld1QrCodeDataR.txt", "digitalcredentials/exampleQrCodeData.txt"]
IMAGES = {
    "digitalbazaar/exampleImageDataUrlB.gif": "digitalbazaar/exampleQrCodeDataB.txt",
    "digitalbazaar/exampleImageDataUrlR.gif": "digitalbazaar/exampleQrCodeDataR.txt",
    "digitalbazaar/exampleCborld1ImageDataUrlR.gif": "digitalbazaar/exampleCborld1QrCodeDataR.txt",
    "digitalcredentials/exampleImageDataUrl.gif": "digitalcredentials/exampleQrCodeData.txt",
}


def _text(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


@pytest.mark.parametrize("name", TEXTS)
def test_every_vpqr_payload_decodes_to_the_example_presentation(name: str) -> None:
    """Base32 and base45, legacy-singleton and registry-entry-1 CBOR-LD: each gives exampleVp.json exactly."""
    assert vpqr.is_vpqr(_text(name))
    assert vpqr.decode(_text(name)) == EXAMPLE_VP


@pytest.mark.parametrize(("image", "text"), IMAGES.items())
def test_every_vpqr_image_is_read_to_its_payload(image: str, text: str) -> None:
    """The published GIF codes are read by zxing-cpp to exactly the published payload, and on to the presentation."""
    data = (FIXTURES / image).read_bytes()
    assert qr_images.read_texts(data, image) == [_text(text)]
    read = qr_images.read_bundle([(image, data)])
    assert read.form == "VPQR" and read.codes == 1
    assert json.loads(read.bundle) == EXAMPLE_VP


@pytest.mark.parametrize("name", ["digitalbazaar/exampleImageDataUrlB.txt",
                                  "digitalcredentials/exampleImageDataUrl.txt"])
def test_data_url_images_are_the_same_codes(name: str) -> None:
    """The data: URL form of the published images decodes to an image whose code is the published payload."""
    url = _text(name)
    assert url.startswith("data:image/gif;base64,")
    texts = qr_images.read_texts(base64.b64decode(url.split(",", 1)[1]), name)
    assert vpqr.decode(texts[0]) == EXAMPLE_VP


def _legacy(body: object) -> str:
    return "VP1-R" + b45encode(cbor2.dumps(cbor2.CBORTag(cborld.LEGACY_TAG, body)))


@pytest.mark.parametrize(("text", "sentence"), [
    ("VP1-X1234", "uses the encoding 'X' \\(cannot read this QR form yet: only B and R are read\\)"),
    ("VP1-B1!!", "damaged: its base32 data does not decode"),
    ("VP1-RGGW", "damaged: its base45 data does not decode"),
    ("VP1-R" + b45encode(b"\xff\xff"), "damaged: its data is not CBOR"),
    ("VP1-R" + b45encode(cbor2.dumps({"a": 1})), "is not tagged as CBOR-LD; cannot read this QR form yet"),
    ("VP1-R" + b45encode(cbor2.dumps(cbor2.CBORTag(0xCB1D, [2, {}]))), "uses registry entry 2"),
    ("VP1-R" + b45encode(cbor2.dumps(cbor2.CBORTag(0x0502, {}))), "has tag 0x502"),
    (_legacy({0: 99}), "names context number 99, which the wallet does not know"),
    (_legacy({0: 17, 4000: 1}), "uses term number 4000"),
    (_legacy({0: "https://example.com/ctx"}), "uses the context https://example.com/ctx"),
    (_legacy({0: 17, 112: [99, b"x"]}), "has a URL in a form the wallet does not know"),
    (_legacy([1, 2]), "does not hold a presentation"),
])
def test_hostile_and_unknown_vpqr_codes_get_a_sentence(text: str, sentence: str) -> None:
    """Unknown letters, broken data, other CBOR-LD tables and unknown contexts or terms each get one sentence."""
    with pytest.raises(QrCodeError, match=sentence):
        vpqr.decode(text)


def test_deeply_nested_cbor_is_refused() -> None:
    """CBOR nested thousands deep is refused, not a crash."""
    data = b"\xd9\x05\x01" + b"\x81" * 3000 + b"\xa0"
    with pytest.raises(QrCodeError):
        vpqr.decode("VP1-R" + b45encode(data))


@settings(max_examples=300, deadline=None)
@given(st.recursive(st.integers(-5, 2000) | st.text(max_size=8) | st.binary(max_size=20) | st.none(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.integers(0, 400), inner,
                                                                                 max_size=4), max_leaves=20))
def test_any_cbor_inside_a_vpqr_tag_is_read_or_refused(body: object) -> None:
    """Arbitrary CBOR under the CBOR-LD tag never crashes the reader: a document or a QrCodeError."""
    try:
        vpqr.decode(_legacy(body))
    except QrCodeError as error:
        assert error.message.endswith(".")


def test_a_mixed_scan_of_vpqr_and_lw1_is_refused() -> None:
    """A VPQR code scanned together with an LER Wallet code is refused with a sentence."""
    from wallet.sharing import qr_codec

    ours = qr_codec.encode(b'{"a": 1}', 500)
    with pytest.raises(QrCodeError, match="mix an LER Wallet set with a VPQR presentation"):
        qr_images.bundle_from_texts([*ours, _text(TEXTS[0])])
    assert qr_images.bundle_from_texts([_text(TEXTS[1])]).form == "VPQR"

"""CBOR-LD: the published vectors decode to their JSON-LD and our encoder makes their exact bytes; real bundles
round-trip; what cannot be read says why."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.wallet.sharing.qr_material import bundle
from wallet.sharing import cborld
from wallet.sharing.base45 import b45encode
from wallet.sharing.qr_codec import QrCodeError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "vpqr"
EXAMPLE_VP = json.loads((FIXTURES / "digitalbazaar" / "exampleVp.json").read_text("utf-8"))
READABLE = ["cit", "didKey", "empty-array", "empty-object"]


def _text(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8").strip()


@pytest.mark.parametrize("name", READABLE)
def test_cborld_examples_with_shipped_contexts_decode(name: str) -> None:
    """The CBOR-LD library's own examples whose contexts we ship decode to their JSON-LD."""
    expected = json.loads((FIXTURES / "cborld" / f"{name}.jsonld").read_text("utf-8"))
    assert cborld.decode_cborld((FIXTURES / "cborld" / f"{name}.cborld").read_bytes()) == expected


@pytest.mark.parametrize("name", READABLE)
def test_encoding_the_examples_gives_their_exact_bytes(name: str) -> None:
    """Our encoder assigns terms and compresses values exactly as the reference library did."""
    document = json.loads((FIXTURES / "cborld" / f"{name}.jsonld").read_text("utf-8"))
    assert cborld.encode_cborld(document) == (FIXTURES / "cborld" / f"{name}.cborld").read_bytes()


def test_encoding_the_example_presentation_gives_the_published_vpqr_payloads() -> None:
    """exampleVp.json encodes to exactly the published VP1-B, VP1-R and registry-entry-1 VP1-R texts."""
    legacy = cborld.encode_cborld(EXAMPLE_VP)
    assert "VP1-B" + base64.b32encode(legacy).decode("ascii").rstrip("=") == _text(
        "digitalbazaar/exampleQrCodeDataB.txt") == _text("digitalcredentials/exampleQrCodeData.txt")
    assert "VP1-R" + b45encode(legacy) == _text("digitalbazaar/exampleQrCodeDataR.txt")
    entry_one = cborld.encode_cborld(EXAMPLE_VP, registry_entry=1)
    assert "VP1-R" + b45encode(entry_one) == _text("digitalbazaar/exampleCborld1QrCodeDataR.txt")


@pytest.mark.parametrize("entry", [None, 1])
def test_a_signed_ob3_bundle_round_trips(entry: int | None) -> None:
    """A real presentation of three signed OB 3.0 badges comes back equal from both CBOR-LD forms, smaller."""
    document = bundle(3)
    data = cborld.encode_cborld(document, registry_entry=entry)
    assert cborld.decode_cborld(data) == document
    assert len(data) < len(json.dumps(document, separators=(",", ":")))


@pytest.mark.parametrize(("name", "reason"), [
    ("note", "uses the context https://www.w3.org/ns/activitystreams, which the wallet does not ship"),
    ("uncompressible", "uses the context https://www.w3.org/ns/activitystreams, which the wallet does not ship"),
    ("prc", "uses term number 188, which its contexts do not define"),
])
def test_cborld_examples_we_cannot_read_say_why(name: str, reason: str) -> None:
    """Examples needing a context we do not ship, or made with older tables (prc), get "cannot read yet" and why."""
    with pytest.raises(QrCodeError, match=f"{reason}; cannot read this QR form yet"):
        cborld.decode_cborld((FIXTURES / "cborld" / f"{name}.cborld").read_bytes())


def test_only_the_two_known_forms_are_written() -> None:
    """Asking for another registry entry is a programming error, not a silent wrong encoding."""
    with pytest.raises(ValueError, match="registry entry 1"):
        cborld.encode_cborld({}, registry_entry=2)

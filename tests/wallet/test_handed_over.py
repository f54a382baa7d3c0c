"""Pasted text, data: URLs and QR code images become importable bytes, or one sentence saying why not."""

from __future__ import annotations

import base64
import json
from io import BytesIO
from pathlib import Path

import pytest
import qrcode
from PIL import Image

from wallet.credentials import demo_issuers
from wallet.errors import InvalidInputError, WalletError
from wallet.handed_over import dropped_inputs, pasted_bytes, qr_image_inputs
from wallet.session import Session


def _qr_png(text: str) -> bytes:
    """A plain QR code of `text` as PNG bytes (as any other app would make one)."""
    image = qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_L)
    out = BytesIO()
    image.save(out)
    return out.getvalue()

LEARNER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"


def test_pasted_data_url_gives_the_bytes_it_carries() -> None:
    """A base64 data: URL is unwrapped; JSON text passes through; an empty paste and a bad URL are refused."""
    body = json.dumps(demo_issuers.forklift_badge(LEARNER)).encode()
    url = "data:application/vc+ld+json;base64," + base64.b64encode(body).decode()
    assert pasted_bytes(f"  {url}\n") == body
    assert pasted_bytes('{"a": 1}') == b'{"a": 1}'
    with pytest.raises(InvalidInputError):
        pasted_bytes("   ")
    with pytest.raises(InvalidInputError, match="data: URL could not be read"):
        pasted_bytes("data:application/json;base64,@@@")


def test_qr_image_of_a_credential_imports(session: Session) -> None:
    """A QR code holding a credential's JSON is read from its PNG and imported, verified."""
    text = json.dumps(demo_issuers.forklift_badge(session.did), separators=(",", ":"))
    [(source, data)] = qr_image_inputs(_qr_png(text), "photo.png")
    assert source == "photo.png (QR code)" and isinstance(data, bytes)
    [outcome] = session.credentials.import_many([(source, data)])
    assert outcome.outcome == "imported" and outcome.status.startswith("verified")


def test_qr_image_with_a_web_address_or_no_code_says_so() -> None:
    """A code that holds a web address is named as one; an image with no code raises one sentence."""
    [(_, error)] = qr_image_inputs(_qr_png("https://example.org/badge/1"), "shot.png")
    assert isinstance(error, WalletError) and "web address" in error.message
    out = BytesIO()
    Image.new("L", (200, 200), 255).save(out, "PNG")
    with pytest.raises(InvalidInputError, match="No QR code"):
        qr_image_inputs(out.getvalue(), "empty.png")


def test_qr_image_of_a_wallet_bundle_gives_the_bundle_bytes() -> None:
    """An LER Wallet bundle code (LW1) is put back together into the exact bundle bytes."""
    from wallet.sharing import qr_images

    bundle = json.dumps({"type": ["VerifiablePresentation"], "holder": LEARNER}).encode()
    [code] = qr_images.make_set(bundle)
    assert qr_image_inputs(code.png, "code.png") == [("code.png (QR bundle)", bundle)]


def test_dropped_photo_is_read_for_qr_codes_and_a_badge_stays_a_badge(tmp_path: Path) -> None:
    """A dropped PNG without a baked badge is read as a QR code; a baked badge and JSON pass through as bytes."""
    from wallet.credentials import demo_issuers as issuers

    text = json.dumps(issuers.forklift_badge(LEARNER), separators=(",", ":"))
    (tmp_path / "photo.png").write_bytes(_qr_png(text))
    baked = issuers.ob2_baked_badge("maria@example.org")
    (tmp_path / "badge.png").write_bytes(baked)
    (tmp_path / "plain.json").write_text(text, encoding="utf-8")
    blank = BytesIO()
    Image.new("L", (120, 120), 255).save(blank, "PNG")
    (tmp_path / "blank.png").write_bytes(blank.getvalue())
    found = dict(dropped_inputs([str(tmp_path / n) for n in ("photo.png", "badge.png", "plain.json", "blank.png")]))
    assert found["photo.png (QR code)"] == text.encode()
    assert found[str(tmp_path / "badge.png")] == baked
    assert found[str(tmp_path / "plain.json")] == text.encode()
    error = found[str(tmp_path / "blank.png")]
    assert isinstance(error, WalletError) and "no QR code" in error.message

"""`ler-wallet share VIEW --format qr` writes PNG and SVG codes; `verify` reads the images back into one report."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet.sharing.share_kit import STATEMENT, make_kit
from wallet import lifecycle
from wallet.sharing import qr_codec, qr_images

VPQR_GIF = Path(__file__).resolve().parents[1] / "fixtures" / "vpqr" / "digitalbazaar" / "exampleImageDataUrlB.gif"


@pytest.fixture
def wallet(tmp_path: Path) -> Path:
    """A locked wallet holding the share kit's records and view ("Forklift operator")."""
    path = tmp_path / "share.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF)
    with made.session as session:
        make_kit(session)
    return path


def _share(cli, wallet: Path, folder: Path, *extra: str) -> list[Path]:  # type: ignore[no-untyped-def]
    result = cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "qr", "--out", str(folder),
                 *extra)
    assert result.code == 0, result.err
    return sorted(folder.glob("*.png"))


def test_share_qr_writes_a_set_and_verify_reads_it_back(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The view's bundle becomes a numbered set (PNG + SVG each); verifying the images in any order gives one
    report with the holder's proof, the recipient, every credential and the learner's words."""
    folder = tmp_path / "codes"
    shared = cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "qr", "--out", str(folder),
                 "--to", "ACME Logistics")
    assert shared.code == 0, shared.err
    pngs = sorted(folder.glob("*.png"))
    count = len(pngs)
    assert count > 1 and len(list(folder.glob("*.svg"))) == count
    assert f"Wrote a set of {count} QR codes" in shared.out and "ler-wallet verify" in shared.out
    assert all(f"-of-{count}.png" in p.name for p in pngs)
    for png in pngs:
        with Image.open(png) as image:
            assert image.height > image.width, "the caption band is under the code"
    report = cli("verify", *[str(p) for p in reversed(pngs)])
    assert report.code == 0, report.out + report.err
    text = report.out
    assert f"(LW1, {count} codes): a bundle from did:key:" in text
    assert "✓ presentation (holder): Presented by the holder" in text and "recipient: ACME Logistics" in text
    assert "Credentials (4):" in text and f"“{STATEMENT}”" in text


def test_the_codes_carry_the_bundle_file_byte_for_byte(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """What the images carry is exactly a signed bundle as the json form writes it (indented, final newline)."""
    pngs = _share(cli, wallet, tmp_path / "codes")
    bundle = qr_images.read_bundle([(p.name, p.read_bytes()) for p in pngs]).bundle
    assert bundle.endswith(b"}\n") and json.loads(bundle)["type"] == ["VerifiablePresentation"]
    assert (json.dumps(json.loads(bundle), ensure_ascii=False, indent=2) + "\n").encode() == bundle


def test_a_missing_code_is_named(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Leaving one image out says which part is missing (exit 2), nothing is verified."""
    pngs = _share(cli, wallet, tmp_path / "codes")
    report = cli("verify", *[str(p) for p in pngs[1:]])
    assert report.code == 2
    assert f"Part 1 of {len(pngs)} is missing; scan it too." in report.out + report.err


def test_codes_of_two_shares_are_refused_together(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Images from two shares of the same view (two challenges) are refused as a mixed set."""
    first = _share(cli, wallet, tmp_path / "one")
    second = _share(cli, wallet, tmp_path / "two")
    report = cli("verify", str(first[0]), *[str(p) for p in second[1:]])
    assert report.code == 2
    assert "come from 2 different bundles" in report.out + report.err


def test_a_changed_bundle_in_valid_codes_fails_and_says_what(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Codes remade from a bundle whose statement was changed read fine, and the holder's proof then fails."""
    pngs = _share(cli, wallet, tmp_path / "codes")
    bundle = json.loads(qr_images.read_bundle([(p.name, p.read_bytes()) for p in pngs]).bundle)
    bundle["verifiableCredential"][0]["credentialSubject"]["skill"][0]["name"] = "operate crane"
    forged = tmp_path / "forged"
    forged.mkdir()
    for code in qr_images.make_set((json.dumps(bundle, indent=2) + "\n").encode()):
        (forged / f"{code.index}.png").write_bytes(code.png)
    report = cli("verify", *[str(p) for p in sorted(forged.glob("*.png"))])
    assert report.code == 1
    assert "✗ presentation (holder): The holder's proof is broken" in report.out


def test_a_photo_of_the_codes_on_one_page_verifies(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """All codes of the set pasted on one page and saved as a JPEG read back as the same bundle."""
    pngs = _share(cli, wallet, tmp_path / "codes")
    tiles = [Image.open(p).convert("L") for p in pngs]
    page = Image.new("L", (sum(t.width for t in tiles) + 60 * len(tiles), max(t.height for t in tiles) + 120), 255)
    x = 30
    for tile in tiles:
        page.paste(tile, (x, 60))
        x += tile.width + 60
    photo = tmp_path / "page.jpg"
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=80)
    photo.write_bytes(buffer.getvalue())
    report = cli("verify", str(photo))
    assert report.code == 0, report.out + report.err
    assert f"QR code(s) in {photo} (LW1, {len(pngs)} codes)" in report.out


def test_out_must_be_a_folder(cli, wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """--out naming an existing file is a usage error with the way out (exit 2), nothing written."""
    target = tmp_path / "bundle.json"
    target.write_text("{}", "utf-8")
    result = cli("--wallet", str(wallet), "share", "Forklift operator", "--format", "qr", "--out", str(target))
    assert result.code == 2
    assert "is a file; --format qr writes a folder of images" in result.err


def test_a_vpqr_image_is_read_and_checked_honestly(cli) -> None:  # type: ignore[no-untyped-def]
    """A published VPQR code is read into its presentation; what cannot be checked offline says so (exit 1)."""
    report = cli("verify", str(VPQR_GIF))
    assert report.code == 1
    assert "(VPQR, 1 code): a bundle from an unnamed holder" in report.out
    assert "https://w3id.org/age/v1" in report.out


def test_an_image_without_a_code_goes_the_usual_way(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A PNG with no QR code is not taken for a QR set: the credential path answers for it."""
    blank = tmp_path / "blank.png"
    Image.new("L", (200, 200), 255).save(blank, format="PNG")
    report = cli("verify", str(blank))
    assert report.code == 2
    assert "QR code" not in report.out + report.err


def test_a_foreign_qr_code_is_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Someone else's QR code (a web address) gets the sentence saying it is not a bundle."""
    image = tmp_path / "web.png"
    image.write_bytes(qr_images.render("HTTPS://EXAMPLE.COM/").png)
    report = cli("verify", str(image))
    assert report.code == 2
    assert "not an LER Wallet bundle (it starts with 'HTTPS://EXAM')" in report.out + report.err
    assert qr_codec.describe_foreign("HTTPS://EXAMPLE.COM/") is not None

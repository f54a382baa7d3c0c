"""Linux desktop integration: .desktop files, AppStream metainfo and MIME types validate; icons at every size."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest
from defusedxml import ElementTree
from PIL import Image

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP_FILES = sorted(LINUX.glob("*.desktop"))
METAINFO = LINUX / "org.lerwallet.LERWallet.metainfo.xml"
MIME = LINUX / "ler-wallet-mime.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _needs(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream shared-mime-info)")
    return path


@pytest.mark.parametrize("desktop", DESKTOP_FILES, ids=lambda p: p.name)
def test_desktop_file_validates(desktop: Path) -> None:
    """desktop-file-validate reports nothing for each .desktop file."""
    done = subprocess.run([_needs("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_metainfo_validates() -> None:
    """appstreamcli validate (offline) accepts the AppStream metainfo."""
    done = subprocess.run([_needs("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mime_types_compile(tmp_path: Path) -> None:
    """update-mime-database accepts the MIME types and maps *.lerbundle and *.lerwallet to them."""
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME, tmp_path / "packages")
    done = subprocess.run([_needs("update-mime-database"), str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    globs = (tmp_path / "globs").read_text()
    assert "application/x-ler-wallet-bundle:*.lerbundle" in globs
    assert "inode/x-ler-wallet:*.lerwallet" in globs


def test_desktop_files_agree_with_metainfo_and_mime() -> None:
    """The launcher is named by the metainfo, and every MIME type a .desktop file claims is defined."""
    launchable = ElementTree.parse(METAINFO).getroot().find("launchable").text
    assert (LINUX / launchable).is_file()
    defined = {t.get("type") for t in ElementTree.parse(MIME).getroot()}
    for desktop in DESKTOP_FILES:
        entry = configparser.ConfigParser(interpolation=None)
        entry.optionxform = str  # type: ignore[assignment,method-assign]
        entry.read(desktop, encoding="utf-8")
        section = entry["Desktop Entry"]
        assert section["Icon"] == "ler-wallet" and section["Exec"].startswith("ler-wallet")
        claimed = {t for t in section.get("MimeType", "").split(";") if t}
        assert claimed <= defined, desktop.name


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    """Each hicolor PNG is square at its folder's size, with transparency."""
    with Image.open(PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "ler-wallet.png") as image:
        assert image.size == (size, size) and image.mode == "RGBA"


def test_windows_and_macos_icons_hold_every_size() -> None:
    """The .ico has 16-256 px images and the .icns opens."""
    with Image.open(PACKAGING / "icons" / "ler-wallet.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(PACKAGING / "icons" / "ler-wallet.icns") as icns:
        assert icns.size[0] >= 256

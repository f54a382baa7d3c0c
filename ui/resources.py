"""Finding the bundled data (fonts now; icons and translations later) and registering fonts with Qt.

Installed, the data is the package `ler_wallet_resources` (setup.py maps resources/ to it); run from
a source checkout without installing, it is the repository's resources/ folder.
"""

from __future__ import annotations

import importlib.resources
import logging
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_FAMILY = "DejaVu Sans"
_REPO_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_root() -> Traversable:
    """The folder of bundled data: the installed package, else the source checkout's resources/."""
    try:
        root = importlib.resources.files("ler_wallet_resources")
        if root.joinpath("fonts").is_dir():
            return root
    except ModuleNotFoundError:
        pass
    return _REPO_RESOURCES


def font_files() -> list[Traversable]:
    fonts = resource_root().joinpath("fonts")
    return [fonts.joinpath(name) for name in FONT_FILES if fonts.joinpath(name).is_file()]


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt (needs a QGuiApplication); returns the families that loaded.

    Fonts are read as bytes, so this works from a wheel, a zip or a frozen build alike.
    """
    families: list[str] = []
    for font in font_files():
        font_id = QFontDatabase.addApplicationFontFromData(font.read_bytes())
        if font_id < 0:
            log.warning("Qt could not load the bundled font %s", font.name)
            continue
        families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    return families

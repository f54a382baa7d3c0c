"""Where a file or folder picker should open: a removable drive when one is plugged in, else the home folder.

Qt's picker opens in the app's working folder when asked for a folder that does not exist yet (the default
wallet's, before there is one), and greys out Choose there. People keep things at home or on a USB stick, so
the picker opens there and the page says which.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStorageInfo

from wallet.api import _

REMOVABLE_ROOTS = ("/media/", "/run/media/", "/Volumes/", "/mnt/")


def removable_drives() -> list[Path]:
    """Mounted, writable volumes that look removable (a USB stick, an SD card), in mount order."""
    found: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if sys.platform == "win32":
            system = Path.home().anchor.upper()
            if root.upper().rstrip("/\\") + "\\" != system and len(root) <= 3:
                found.append(Path(root))
        elif root.startswith(REMOVABLE_ROOTS):
            found.append(Path(root))
    return found


def start_place(current: Path | None = None, button: str = "") -> tuple[Path, str]:
    """The folder a picker opens in, and a sentence saying where that is (naming `button` when given: the
    button that opens the picker, as the page shows it)."""
    if current is not None and current.is_dir():
        place = current
        sentence = (_("{button} opens in {place}.") if button else _("The picker opens in {place}."))
    else:
        drives = removable_drives()
        place = drives[0] if drives else Path.home()
        if drives:
            sentence = (_("{button} opens on the removable drive {place}.") if button
                        else _("The picker opens on the removable drive {place}."))
        else:
            sentence = (_("{button} opens in your home folder.") if button
                        else _("The picker opens in your home folder."))
    return place, sentence.format(button=button, place=place)


def existing_parent(path: Path) -> Path | None:
    """The nearest folder of `path` that exists (itself when it is one)."""
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return None


__all__ = ["existing_parent", "removable_drives", "start_place"]

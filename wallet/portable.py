"""Portable mode: the app and its wallet on a USB stick, leaving nothing on the computer it runs on.

A `portable` marker file (or a `wallet.lerwallet` folder) beside the executable turns it on. Then, before
anything else starts, every place the app, Python or Qt would write to (home, temp, the XDG folders, Windows'
profile folders) is pointed into `ler-wallet-data/` beside the executable; the default wallet is the
`wallet.lerwallet` folder there and the settings file is `ler-wallet-data/settings.json`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

MARKER = "portable"
WALLET_FOLDER = "wallet.lerwallet"
DATA_FOLDER = "ler-wallet-data"
SETTINGS_FILE = "settings.json"
# Environment variable -> sub-folder of DATA_FOLDER it is pointed at.
REDIRECTED = {
    "HOME": "home",
    "USERPROFILE": "home",
    "APPDATA": "config",
    "LOCALAPPDATA": "data",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
    "TMPDIR": "tmp",
    "TEMP": "tmp",
    "TMP": "tmp",
}


def launcher_folder() -> Path | None:
    """The folder of the running executable (a built app) or of the script that started Python.

    None for `python -c` or an interactive Python: the current folder is not a launcher's, and a wallet
    folder that merely sits there must not turn portable mode on.
    """
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    return script.resolve().parent if script is not None and script.is_file() else None


def portable_folder(folder: Path | None = None) -> Path | None:
    """`folder` (default: the launcher's) when it holds the marker or a wallet folder, else None."""
    where = launcher_folder() if folder is None else folder
    if where is None:
        return None
    if (where / MARKER).is_file() or (where / WALLET_FOLDER).is_dir():
        return where
    return None


def portable_settings_path() -> Path | None:
    """The settings file inside the portable folder, or None when not portable."""
    folder = portable_folder()
    return None if folder is None else folder / DATA_FOLDER / SETTINGS_FILE


def enter_portable_mode(folder: Path | None = None) -> Path | None:
    """Redirect every writable place into the portable folder; return it (None: not portable, nothing done).

    Called first thing in the process, so Python's tempfile, Qt, fontconfig and platformdirs only ever see
    the redirected places. An explicit `LER_WALLET` or `LER_WALLET_SETTINGS` is kept.
    """
    root = portable_folder(folder)
    if root is None:
        return None
    data = root / DATA_FOLDER
    for variable, sub in REDIRECTED.items():
        target = data / sub
        target.mkdir(parents=True, exist_ok=True)
        if sub == "runtime":
            target.chmod(0o700)  # Qt refuses a runtime folder others can read
        os.environ[variable] = str(target)
    os.environ.setdefault("LER_WALLET", str(root / WALLET_FOLDER))
    os.environ.setdefault("LER_WALLET_SETTINGS", str(data / SETTINGS_FILE))
    tempfile.tempdir = None  # forget a temp folder chosen before the redirect
    sys.dont_write_bytecode = True  # a source install must not leave __pycache__ beside its code either
    return root

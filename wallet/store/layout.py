"""Where a wallet's files are: one folder holding the key file and the encrypted database.

The folder is the portable unit: copy it to a USB stick and open it from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wallet.errors import NotAWalletError, WalletExistsError, WalletNotFoundError

KEYS_NAME = "wallet.keys"
DB_NAME = "wallet.db"
README_NAME = "README.txt"
SUFFIX = ".lerwallet"
README_TEXT = (
    "This folder is an encrypted LER Wallet.\n"
    "Open it with LER Wallet (ler-wallet --wallet <this folder>). Copy the whole folder to move it.\n"
    "Do not edit or separate the files: wallet.keys and wallet.db belong together.\n"
)


@dataclass(frozen=True)
class WalletLayout:
    """Paths inside one wallet folder."""

    root: Path

    @property
    def keys(self) -> Path:
        return self.root / KEYS_NAME

    @property
    def db(self) -> Path:
        return self.root / DB_NAME

    @property
    def readme(self) -> Path:
        return self.root / README_NAME

    def stale_temp_files(self) -> list[Path]:
        """Temporary key files a process killed mid-write left behind (they hold only sealed keys)."""
        return sorted(self.root.glob(f".{KEYS_NAME}.*.tmp"))

    def files(self) -> list[Path]:
        """Every file in the folder (including any journal SQLite left during a write)."""
        return sorted(p for p in self.root.iterdir() if p.is_file()) if self.root.is_dir() else []


def existing(path: Path) -> WalletLayout:
    """The layout of a wallet that must already exist at `path`."""
    if not path.exists():
        raise WalletNotFoundError(f"There is no wallet at {path}. Create one with 'ler-wallet init'.")
    if path.is_file():
        raise NotAWalletError(f"{path} is a file, not an LER Wallet folder.")
    layout = WalletLayout(path)
    if not layout.keys.exists():
        raise NotAWalletError(f"{path} is not an LER Wallet (it has no {KEYS_NAME} file).")
    return layout


def ensure_free(path: Path) -> None:
    """Refuse to create a wallet where anything but an empty folder already is."""
    if path.is_dir() and not any(path.iterdir()):
        return
    if path.exists():
        raise WalletExistsError(
            f"Something is already at {path}; choose another place so nothing is overwritten."
        )

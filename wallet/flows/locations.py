"""Where wallets are: finding one inside a chosen folder, and a free place for a new one."""

from __future__ import annotations

from pathlib import Path

from wallet.store.layout import KEYS_NAME, SUFFIX

DEFAULT_NAME = "wallet" + SUFFIX


def find_wallet_in(folder: Path) -> Path:
    """`folder` itself when it is a wallet, or its only wallet sub-folder; else `folder` unchanged."""
    if (folder / KEYS_NAME).is_file() or not folder.is_dir():
        return folder
    try:
        inside = [p for p in folder.iterdir() if p.is_dir() and (p / KEYS_NAME).is_file()]
    except OSError:
        return folder
    return inside[0] if len(inside) == 1 else folder


def free_location(folder: Path, name: str = DEFAULT_NAME) -> Path:
    """A path in `folder` where a new wallet can go without overwriting anything."""
    stem = name.removesuffix(SUFFIX)
    candidate, n = folder / name, 2
    while candidate.exists():
        candidate, n = folder / f"{stem}-{n}{SUFFIX}", n + 1
    return candidate


def as_path(location: str | Path) -> Path | None:
    """What the person typed or chose, as an absolute path; None when it is blank."""
    text = str(location).strip()
    return Path(text).expanduser().absolute() if text else None

"""Where the bundled data lives: the installed package `ler_wallet_resources`, else the checkout's resources/."""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path

_REPO_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Traversable:
    """A file or folder inside the bundled data (contexts, schemas, fonts)."""
    try:
        root: Traversable = importlib.resources.files("ler_wallet_resources")
        candidate = root.joinpath(*parts)
        if candidate.is_file() or candidate.is_dir():
            return candidate
    except ModuleNotFoundError:
        pass
    return _REPO_RESOURCES.joinpath(*parts)

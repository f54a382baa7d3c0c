"""THIRD-PARTY-NOTICES: the licences of every bundled library and the data credits, as shipped beside the code."""

from __future__ import annotations

from pathlib import Path

NOTICES_FILE = "THIRD-PARTY-NOTICES"
# The folder above the `wallet` package: the repository root, or a built app's bundle folder.
_BESIDE_CODE = Path(__file__).resolve().parents[1] / NOTICES_FILE


def third_party_notices() -> str | None:
    """The notices text, or None when this install does not carry the file (a plain wheel install)."""
    try:
        return _BESIDE_CODE.read_text(encoding="utf-8")
    except OSError:
        return None

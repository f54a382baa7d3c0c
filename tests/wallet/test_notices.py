"""wallet.notices finds THIRD-PARTY-NOTICES beside the code and says None when an install lacks it."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet import notices

ROOT = Path(__file__).resolve().parents[2]


def test_notices_are_read_from_beside_the_code() -> None:
    """From the source tree the repository's file is returned whole."""
    assert notices.third_party_notices() == (ROOT / "THIRD-PARTY-NOTICES").read_text(encoding="utf-8")


def test_an_install_without_the_file_gets_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No file: None, never an exception."""
    monkeypatch.setattr(notices, "_BESIDE_CODE", tmp_path / "THIRD-PARTY-NOTICES")
    assert notices.third_party_notices() is None

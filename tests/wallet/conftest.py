"""Fixtures shared by the wallet tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import demo, lifecycle


@pytest.fixture(scope="module")
def demo_wallet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo wallet, made once per test module (copy it before changing it)."""
    path = tmp_path_factory.mktemp("demo") / "demo.lerwallet"
    with lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF, demo=True).session as session:
        demo.populate(session)
    return path

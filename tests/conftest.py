"""Suite-wide guards and fixtures.

- No test may open a network socket: the app is offline, and this proves it.
- Qt runs offscreen.
- Wallets made by fixtures use cheap Argon2id parameters (the real cost is measured in bench/).
- Hypothesis runs the same examples on every run and has no deadline: a run passes or fails whatever the machine's
  speed or the day's seed (`HYPOTHESIS_PROFILE=explore` draws new examples, for a fuzzing session by hand).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.lifecycle import CreatedWallet, create_wallet
from wallet.session import Session

settings.register_profile("suite", deadline=None, derandomize=True, print_blob=True)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

PASSPHRASE = "correct horse battery"
FAST_KDF = KdfParams.fast_for_tests()
permit_test_costs()  # key files made with FAST_KDF open here (the product refuses them)


class NetworkBlockedError(AssertionError):
    """Raised when code under test tries to reach the network."""


def _blocked(*_args: object, **_kwargs: object) -> None:
    raise NetworkBlockedError("LER Wallet is offline: a test tried to open a network connection.")


_real_socket = socket.socket


class _GuardedSocket(_real_socket):
    def connect(self, address: object) -> None:  # type: ignore[override]
        if self.family == socket.AF_UNIX:
            super().connect(address)  # type: ignore[arg-type]
            return
        _blocked()

    def connect_ex(self, address: object) -> int:  # type: ignore[override]
        if self.family == socket.AF_UNIX:
            return super().connect_ex(address)  # type: ignore[arg-type]
        _blocked()
        return 1

    def bind(self, address: object) -> None:  # type: ignore[override]
        if self.family == socket.AF_UNIX:
            super().bind(address)  # type: ignore[arg-type]
            return
        _blocked()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def created(tmp_path: Path) -> Iterator[CreatedWallet]:
    """A new, unlocked, empty wallet with cheap KDF settings; locked again after the test."""
    made = create_wallet(tmp_path / "test.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    yield made
    made.session.lock()


@pytest.fixture
def session(created: CreatedWallet) -> Session:
    return created.session

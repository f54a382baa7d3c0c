"""Helpers for driving `ler-wallet` in-process (fast) and as a real subprocess (exit codes, stderr)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import FAST_KDF, PASSPHRASE
from wallet import demo, lifecycle

ROOT = Path(__file__).resolve().parents[2]
# The real `ler-wallet` main, in a process that, like this one, opens wallets made with FAST_KDF.
CLI_WITH_TEST_COSTS = (
    "import sys; from wallet.crypto.kdf import permit_test_costs; permit_test_costs(); "
    "from cli.main import main; sys.exit(main(sys.argv[1:]))"
)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run `ler-wallet ARGS` in this process with LER_WALLET_PASSPHRASE set (override with env=)."""

    def _run(*args: str, env: dict[str, str | None] | None = None) -> Result:
        monkeypatch.setenv("LER_WALLET_PASSPHRASE", PASSPHRASE)
        for key, value in (env or {}).items():
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, value)
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


def run_process(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    """Run the real command in a subprocess from the repo root."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("LER_WALLET")}
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-c", CLI_WITH_TEST_COSTS, *args], capture_output=True, text=True, env=full_env, cwd=ROOT,
        input=stdin, timeout=120,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def demo_wallet(tmp_path: Path) -> Path:
    """A demo wallet with cheap KDF settings, locked."""
    path = tmp_path / "demo.lerwallet"
    made = lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF, demo=True)
    with made.session as session:
        demo.populate(session)
    return path

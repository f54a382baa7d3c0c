"""The `ler-wallet` entry point hardens its process: a crash after unlocking leaves no core file with the key.

The control case shows the danger is real here: the same unlock in an unhardened process that then aborts
leaves a core file holding the database key in hex.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.wallet._helpers import data_key
from wallet import lifecycle

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="core files and prctl (Linux)")

# Allow core files as a developer's `ulimit -c unlimited` would (as far as this user may), unlock, then crash.
ALLOW_CORES = (
    "import os, resource, sys; from wallet.crypto.kdf import permit_test_costs; permit_test_costs()\n"
    "try:\n"
    "    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))\n"
    "except (OSError, ValueError):\n"
    "    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]; resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))\n"
)
UNHARDENED_CRASH = ALLOW_CORES + (
    "from pathlib import Path; from wallet.lifecycle import open_wallet\n"
    "s = open_wallet(Path(sys.argv[1]), os.environ['LER_WALLET_PASSPHRASE']); s.count(); s.lock(); os.abort()\n"
)
# The installed `ler-wallet` command's entry (cli.main.run), then what happens after it returned.
RUN_LER_WALLET = (
    "sys.argv = ['ler-wallet', '--wallet', sys.argv[1], 'did']; from cli.main import run\n"
    "try:\n"
    "    run()\n"
    "except SystemExit as done:\n"
    "    code = done.code\n"
    "sys.stdout.flush()\n"
)
CLI_THEN_CRASH = ALLOW_CORES + RUN_LER_WALLET + "os.abort()\n"
CLI_THEN_REPORT = ALLOW_CORES + RUN_LER_WALLET + (
    "import ctypes, json\n"
    "print(json.dumps({'code': code, 'rlimit': resource.getrlimit(resource.RLIMIT_CORE), "
    "'dumpable': ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)}))\n"
)


def _cores_land_in_cwd() -> bool:
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    return bool(pattern) and not pattern.startswith("|") and "/" not in pattern


def _crash(script: str, wallet: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"LER_WALLET_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", script, str(wallet)], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


@pytest.fixture
def wallet(tmp_path: Path) -> Path:
    path = tmp_path / "w.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    return path


def test_ler_wallet_entry_hardens_the_process(wallet: Path, tmp_path: Path) -> None:
    """After the `ler-wallet` entry has run a command, the core limit is (0, 0) and the process is not dumpable."""
    proc = _crash(CLI_THEN_REPORT, wallet, tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.splitlines()[-1])
    assert report == {"code": 0, "rlimit": [0, 0], "dumpable": 0}


@pytest.mark.slow
@pytest.mark.skipif(not _cores_land_in_cwd(), reason="core files go to a handler, not the working folder")
def test_crash_after_unlock_leaves_no_core_file(wallet: Path, tmp_path: Path) -> None:
    """Unhardened, a crash after unlocking writes a core with the key in hex; through `ler-wallet`, no core at all."""
    key_hex = data_key(wallet, PASSPHRASE).hex().encode()
    control_dir, hardened_dir = tmp_path / "control", tmp_path / "hardened"
    control_dir.mkdir()
    hardened_dir.mkdir()

    control = _crash(UNHARDENED_CRASH, wallet, control_dir)
    assert control.returncode == -signal.SIGABRT
    cores = list(control_dir.glob("core*"))
    if not cores:
        pytest.skip("this machine writes no core files even when allowed (hard limit 0 or a sandbox)")
    assert key_hex in cores[0].read_bytes()  # the danger is real

    hardened = _crash(CLI_THEN_CRASH, wallet, hardened_dir)
    assert hardened.returncode == -signal.SIGABRT
    assert hardened.stdout.startswith("did:key:")  # it really unlocked the wallet before crashing
    assert list(hardened_dir.iterdir()) == []


def test_installed_command_is_the_hardened_entry() -> None:
    """The `ler-wallet` console script and `python -m cli` go through `cli.main.run`, which hardens first."""
    assert entry_points(group="console_scripts")["ler-wallet"].value == "cli.main:run"
    assert "run()" in (ROOT / "cli" / "__main__.py").read_text()

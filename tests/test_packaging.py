"""`pip install .` (a real wheel, not an editable install) gives a working `ler-wallet` with its resources."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_into_fresh_venv_and_runs(tmp_path: Path) -> None:
    """Build the wheel, install it into a new venv, run --version and a real command from elsewhere."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
         str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    (wheel,) = wheels.glob("ler_wallet-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    py = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # Dependencies come from the test environment (offline); the project itself only from the wheel.
    # A plain path line does not activate the editable install's finder in that directory.
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    Path(purelib, "test-deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    "--target", purelib, str(wheel)], check=True, capture_output=True)

    # The console script exactly as the installed metadata declares it (what pip's launcher runs).
    script = env_dir / "ler-wallet"
    script.write_text(
        f"#!{py}\nimport sys\nfrom importlib.metadata import entry_points\n"
        "sys.exit(entry_points(group='console_scripts')['ler-wallet'].load()())\n"
    )
    script.chmod(0o755)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    clean_env = {k: v for k, v in os.environ.items() if not k.startswith(("LER_WALLET", "PYTHON"))}

    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, cwd=outside, env=clean_env)
    assert version.returncode == 0 and version.stdout.startswith("ler-wallet "), version.stderr

    where = subprocess.run(
        [str(py), "-c", "import wallet, ler_wallet_resources, importlib.resources as r; print(wallet.__file__); "
         "print(r.files('ler_wallet_resources').joinpath('fonts/DejaVuSans.ttf').is_file())"],
        capture_output=True, text=True, cwd=outside, env=clean_env, check=True,
    ).stdout.split()
    assert where[0].startswith(purelib), "the wallet package must come from the installed wheel"
    assert where[1] == "True", "resources must be installed with the wheel"

    env = {**clean_env, "LER_WALLET_PASSPHRASE": "wheel test passphrase"}
    wallet_dir = outside / "w.lerwallet"
    made = subprocess.run([str(script), "demo", str(wallet_dir)], capture_output=True, text=True, cwd=outside,
                          env=env)
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([str(script), "--wallet", str(wallet_dir), "list", "--json"], capture_output=True,
                            text=True, cwd=outside, env=env)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) >= 7

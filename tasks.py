#!/usr/bin/env python3
"""Set-up in two commands, on a machine that has only Python 3.11+ and pip, and a third to build the app.

    python3 tasks.py app     # install into .venv and open the app (on a demo wallet unless --wallet)
    python3 tasks.py test    # install the test dependencies into .venv and run the whole suite
    python3 tasks.py build   # build dist/ler-wallet/ (runs without Python); --smoke also runs its smoke test

Both create `.venv/` beside this file on first use and reuse it afterwards. On Linux, where Qt
needs system libraries the machine lacks, `test` installs them with apt-get when run as root and
otherwise prints the exact command to run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
DEMO_WALLET = ROOT / ".demo" / "demo.lerwallet"
DEMO_PASSPHRASE = "demo passphrase"
# Debian/Ubuntu packages Qt 6 needs: offscreen (tests) and a real window (xcb).
QT_OFFSCREEN_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libglib2.0-0", "libdbus-1-3"]
# Validators the packaging tests use on the Linux desktop files (skipped with a reason when missing).
DESKTOP_CHECK_PACKAGES = ["desktop-file-utils", "appstream", "shared-mime-info"]
QT_WINDOW_PACKAGES = ["libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-keysyms1",
                      "libxcb-shape0", "libxcb-render-util0", "libxcb-image0", "libxcb-xinerama0"]


def say(text: str) -> None:
    print(f"[tasks] {text}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def run(cmd: list[str | Path], **kwargs: object) -> int:
    return subprocess.call([str(c) for c in cmd], **kwargs)  # type: ignore[arg-type]


def ensure_venv(extras: str) -> None:
    """Create .venv once and install the project (editable) with `extras`."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script must explain itself on old Pythons
        sys.exit("LER Wallet needs Python 3.11 or newer.")
    stamp = VENV / f".installed-{extras or 'app'}"
    inputs = [ROOT / "pyproject.toml", ROOT / "setup.py"]
    if stamp.exists() and all(stamp.stat().st_mtime >= p.stat().st_mtime for p in inputs):
        return
    if not venv_python().exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    py = venv_python()
    say("installing LER Wallet and its dependencies (first time takes a few minutes)")
    quiet = ["-q", "--disable-pip-version-check"]
    if run([py, "-m", "pip", "install", *quiet, "--upgrade", "pip", "setuptools>=77", "wheel"]) != 0:
        sys.exit("Could not upgrade pip in .venv; see the messages above.")
    target = f".[{extras}]" if extras else "."
    if run([py, "-m", "pip", "install", *quiet, "-e", target], cwd=ROOT) != 0:
        sys.exit("Installing the dependencies failed; see the messages above.")
    stamp.touch()


def missing_qt_libraries(py: Path) -> str | None:
    """None if Qt's widgets load here, else the loader's complaint."""
    probe = "from PySide6 import QtGui, QtWidgets"
    result = subprocess.run([str(py), "-c", probe], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr.strip().splitlines() or ["unknown error"])[-1]


def ensure_system_libraries(packages: list[str]) -> None:
    """Install Qt's system libraries with apt-get when root; otherwise say exactly what to run."""
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    missing = [p for p in packages if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        say(f"installing system libraries Qt needs: {' '.join(missing)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.call(["apt-get", "update", "-qq"], env=env)
        if subprocess.call(["apt-get", "install", "-y", "-qq", *missing], env=env) == 0:
            return
    say(f"Qt needs these system libraries; install them with: sudo apt-get install {' '.join(missing)}")


def cmd_test(extra_args: list[str]) -> int:
    ensure_venv("test")
    py = venv_python()
    problem = missing_qt_libraries(py)
    if problem:
        ensure_system_libraries(QT_OFFSCREEN_PACKAGES)
        problem = missing_qt_libraries(py)
        if problem:
            say(f"Qt cannot load on this machine ({problem}); install the libraries named above.")
            return 2
    if not shutil.which("appstreamcli") or not shutil.which("desktop-file-validate"):
        ensure_system_libraries(DESKTOP_CHECK_PACKAGES)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return run([py, "-m", "pytest", *extra_args], cwd=ROOT, env=env)


def cmd_app(wallet: str | None) -> int:
    ensure_venv("")
    cli = venv_bin("ler-wallet")
    if sys.platform.startswith("linux") and (os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        ensure_system_libraries(QT_OFFSCREEN_PACKAGES + QT_WINDOW_PACKAGES)
    args: list[str | Path] = [cli]
    if wallet:
        args += ["--wallet", wallet]
    else:
        if not DEMO_WALLET.exists():
            env = {**os.environ, "LER_WALLET_PASSPHRASE": DEMO_PASSPHRASE}
            if run([cli, "demo", DEMO_WALLET], env=env) != 0:
                return 2
        say(f"opening the demo wallet {DEMO_WALLET}; its passphrase is: {DEMO_PASSPHRASE}")
        args += ["--wallet", DEMO_WALLET]
    return run(args)


def cmd_build(smoke: bool) -> int:
    """One-folder app with PyInstaller into dist/ler-wallet/; with `smoke`, run the packaging tests on it."""
    ensure_venv("build,test" if smoke else "build")
    py = venv_python()
    if run([py, ROOT / "packaging" / "make_notices.py"], cwd=ROOT) != 0:
        return 2
    say("building dist/ler-wallet/ with PyInstaller (a few minutes)")
    work = ROOT / "build" / "pyinstaller"
    code = run([py, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                "--distpath", ROOT / "dist", "--workpath", work, ROOT / "packaging" / "ler-wallet.spec"], cwd=ROOT)
    if code != 0:
        return code
    folder = ROOT / "dist" / "ler-wallet"
    size = sum(f.lstat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    say(f"built {folder / 'ler-wallet'} ({size / 1e6:.0f} MB in {sum(1 for _ in folder.rglob('*'))} files)")
    if not smoke:
        return 0
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return run([py, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/packaging"], cwd=ROOT, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="task", required=True)
    app = sub.add_parser("app", help="install and open the app (a demo wallet unless --wallet is given)")
    app.add_argument("--wallet", help="an existing wallet folder to open instead of the demo")
    sub.add_parser("test", help="install test dependencies and run the whole suite (extra args go to pytest)")
    build = sub.add_parser("build", help="build the one-folder app dist/ler-wallet/ (no Python needed to run it)")
    build.add_argument("--smoke", action="store_true", help="then run the smoke test on the built app")
    args, rest = parser.parse_known_args()
    if args.task == "test":
        return cmd_test(rest)
    if args.task == "build":
        return cmd_build(args.smoke) if not rest else parser.error(f"unknown arguments: {' '.join(rest)}")
    if rest:
        parser.error(f"unknown arguments: {' '.join(rest)}")
    return cmd_app(args.wallet)


if __name__ == "__main__":
    sys.exit(main())

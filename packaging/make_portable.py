#!/usr/bin/env python3
"""Build a portable LER Wallet folder for a USB stick.

    python3 packaging/make_portable.py OUT_DIR

OUT_DIR gets `wheels/` (LER Wallet and every dependency for this platform and Python), start scripts
for Linux/macOS and Windows, and a README. On the kiosk, the start script makes a private environment
inside OUT_DIR from those wheels, offline, and opens the wallet kept beside it (`wallet.lerwallet`), so
nothing is installed on, or left behind in, the host computer except what the OS itself keeps.
The build needs the package index once; the stick never needs the network.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

START_SH = """#!/bin/sh
# Start LER Wallet from this folder (a USB stick): offline, nothing installed on this computer.
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -x "$here/runtime/bin/ler-wallet" ]; then
  python3 -m venv "$here/runtime" && \\
  "$here/runtime/bin/python" -m pip install -q --no-index --find-links "$here/wheels" ler-wallet || exit 2
fi
PYTHONDONTWRITEBYTECODE=1 exec "$here/runtime/bin/ler-wallet" --wallet "$here/wallet.lerwallet" "$@"
"""

START_BAT = r"""@echo off
rem Start LER Wallet from this folder (a USB stick): offline, nothing installed on this computer.
set HERE=%~dp0
if not exist "%HERE%runtime\Scripts\ler-wallet.exe" (
  py -3 -m venv "%HERE%runtime" || exit /b 2
  "%HERE%runtime\Scripts\python.exe" -m pip install -q --no-index --find-links "%HERE%wheels" ler-wallet || exit /b 2
)
set PYTHONDONTWRITEBYTECODE=1
"%HERE%runtime\Scripts\ler-wallet.exe" --wallet "%HERE%wallet.lerwallet" %*
"""

README = """LER Wallet, portable

Double-click or run start-ler-wallet.sh (Linux, macOS) or start-ler-wallet.bat (Windows).
The first start prepares a private copy of the program inside this folder (about a minute, offline).
Your wallet is the folder wallet.lerwallet next to this file; it is encrypted with your passphrase.
Copy this whole folder to move it. Needs Python 3.11 or newer on the computer.
"""


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    out = Path(sys.argv[1]).resolve()
    (out / "wheels").mkdir(parents=True, exist_ok=True)
    result = subprocess.call([sys.executable, "-m", "pip", "wheel", "-q", "-w", str(out / "wheels"), str(ROOT)])
    if result != 0:
        print("Building the wheels failed; see pip's messages above.", file=sys.stderr)
        return 2
    (out / "start-ler-wallet.sh").write_text(START_SH)
    (out / "start-ler-wallet.sh").chmod(0o755)
    (out / "start-ler-wallet.bat").write_text(START_BAT.replace("\n", "\r\n"))
    (out / "README.txt").write_text(README)
    print(f"Portable LER Wallet written to {out} (Python {sys.version_info.major}.{sys.version_info.minor}, "
          f"{sys.platform}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

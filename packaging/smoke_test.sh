#!/bin/sh
# Build the one-folder app and smoke-test it in a bare environment (no Python on PATH, empty HOME):
# --version, demo, issue + verify, share as PDF and QR + verify, the window opening offscreen, and portable
# mode writing nothing outside its folder. About 3-4 minutes on 2 cores.
set -eu
cd "$(dirname "$0")/.."
exec python3 tasks.py build --smoke

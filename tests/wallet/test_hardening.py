"""Process hardening: core-file limit 0 (soft and hard), non-dumpable on Linux, best effort everywhere.

Each test runs in a fresh Python process, so the test runner itself is left as it was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import ctypes, json, resource, subprocess, sys
from wallet.hardening import harden_process
first = harden_process()
second = harden_process()
print(json.dumps({
    "first": [first.core_limit_zero, first.not_dumpable, first.no_crash_reporter, list(first.notes)],
    "second": [second.core_limit_zero, second.not_dumpable],
    "rlimit": list(resource.getrlimit(resource.RLIMIT_CORE)),
    "dumpable": ctypes.CDLL(None).prctl(3, 0, 0, 0, 0),
    "limits": [line for line in open("/proc/self/limits") if line.startswith("Max core file size")],
    "child_ulimit": subprocess.run(["sh", "-c", "ulimit -c; ulimit -Hc"], capture_output=True,
                                   text=True).stdout.split(),
}))
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and prctl (Linux)")
def test_harden_process_on_linux() -> None:
    """Core limit (0, 0), not dumpable, children inherit the 0 limit, and a second call is harmless."""
    proc = _run(PROBE)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)
    assert seen["first"] == [True, True, False, []]
    assert seen["second"] == [True, True]
    assert seen["rlimit"] == [0, 0]
    assert seen["dumpable"] == 0
    assert seen["limits"][0].split()[4:6] == ["0", "0"]  # "Max core file size  0  0  bytes"
    assert seen["child_ulimit"] == ["0", "0"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_core_limit_is_zero_on_every_posix_platform() -> None:
    """Wherever there are POSIX resource limits, both core-file limits end at 0."""
    proc = _run("import resource; from wallet.hardening import harden_process; "
                "print(harden_process().core_limit_zero, resource.getrlimit(resource.RLIMIT_CORE))")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split(None, 1) == ["True", "(0, 0)\n"]

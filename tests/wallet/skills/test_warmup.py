"""The background warm-ups ready the shared skills caches once per process."""

from __future__ import annotations

import subprocess
import sys

from wallet.skills import recognise
from wallet.skills.warmup import start_recogniser_warm_up, start_warm_up


def test_warm_up_runs_once_and_readies_the_pack_without_the_recogniser() -> None:
    """At unlock only the pack and its indexes are readied: a fresh process holds no recogniser afterwards."""
    first = start_warm_up()
    assert start_warm_up() is first
    first.join(timeout=120)
    assert not first.is_alive()
    probe = "from wallet.skills import recognise\nfrom wallet.skills.warmup import start_warm_up\n" \
            "start_warm_up().join(timeout=120)\nprint(recognise._recogniser is None)\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, check=True)
    assert out.stdout.strip() == "True"


def test_recogniser_warm_up_runs_once_and_builds_the_recogniser() -> None:
    """Two starts give the same thread; when it ends the shared recogniser exists."""
    first = start_recogniser_warm_up()
    assert start_recogniser_warm_up() is first
    first.join(timeout=120)
    assert not first.is_alive()
    assert recognise._recogniser is not None

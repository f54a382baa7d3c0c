"""The background warm-up readies the shared skills caches once per process."""

from __future__ import annotations

from wallet.skills import recognise
from wallet.skills.warmup import start_warm_up


def test_warm_up_runs_once_and_builds_the_recogniser() -> None:
    """Two starts give the same thread; when it ends the shared recogniser exists."""
    first = start_warm_up()
    assert start_warm_up() is first
    first.join(timeout=120)
    assert not first.is_alive()
    assert recognise._recogniser is not None

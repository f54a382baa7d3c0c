"""Parsing and verifying many inputs at once, on every core when the batch is big enough to pay for it.

Worker processes are started with "spawn" (never fork: the caller may hold an open database and a GUI),
so a pool only pays off from a few hundred credentials up; smaller batches run in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from wallet.credentials import formats
from wallet.credentials.formats import Parsed
from wallet.credentials.report import ItemReport
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import WalletError

PARALLEL_FROM = 300
"""Below this many inputs, one process is faster than starting workers."""

Checked = list[tuple[Parsed, ItemReport]] | str
"""The credentials found in one input with their reports, or the sentence saying why it could not be read."""


def _check(data: bytes, verifier: Verifier) -> Checked:
    try:
        return [(parsed, verifier.verify(parsed)) for parsed in formats.parse(data)]
    except WalletError as exc:
        return exc.message


_worker_verifier: Verifier | None = None


def _init_worker(options: VerifyOptions) -> None:
    global _worker_verifier
    _worker_verifier = Verifier(options)


def _check_in_worker(data: bytes) -> Any:
    assert _worker_verifier is not None
    return _check(data, _worker_verifier)


def workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _never() -> None:
    return None


def verify_batch(
    inputs: list[tuple[str, bytes]], options: VerifyOptions, *, checkpoint: Callable[[], None] = _never
) -> list[tuple[str, Checked]]:
    """(source, result) for each input, in order. `checkpoint` is called between inputs and may raise to stop
    (then workers not yet started are cancelled)."""
    count = workers()
    if len(inputs) < PARALLEL_FROM or count < 2:
        verifier = Verifier(options)
        checked: list[tuple[str, Checked]] = []
        for source, data in inputs:
            checkpoint()
            checked.append((source, _check(data, verifier)))
        return checked
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(count, mp_context=context, initializer=_init_worker, initargs=(options,)) as pool:
        results = []
        try:
            for result in pool.map(_check_in_worker, [data for _unused, data in inputs], chunksize=16):
                checkpoint()
                results.append(result)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [(source, result) for (source, _unused), result in zip(inputs, results, strict=True)]

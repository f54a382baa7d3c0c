"""Reading the taxonomy pack and building the skill indexes in the background, once per process.

The first skills page, match or pathway otherwise waits for them. Nothing here touches a wallet: it only fills
process-wide caches, so it can run beside the database work of an open session.

Two warm-ups, because they cost different things. The pack and the occupation and pathway indexes (about a
second, ~75 MiB) are readied at unlock: every skills page needs them. The recogniser's index (2-3 s, ~60 MiB)
is needed only to read text: a posting to match, an entry being written, or records whose recognised skills
are not yet kept in the wallet (the profile builds it then, off the window's thread). It is readied when a page
that reads text opens, so a session that only looks at records and skills never holds it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from wallet.errors import WalletError

log = logging.getLogger(__name__)
_started = threading.Lock()
_threads: dict[str, threading.Thread] = {}


def _warm() -> None:
    from wallet.skills import opportunity, pathways
    from wallet.skills.pack import load_pack

    try:
        pack = load_pack()
        pack.load_all()
        opportunity.warm_up(pack)
        pathways.warm_up(pack)
    except WalletError as exc:  # a damaged pack: the pages that need it say so when opened
        log.warning("The skills data could not be read in the background: %s", exc)


def _warm_recogniser() -> None:
    from wallet.skills.recognise import recogniser

    try:
        recogniser()
    except WalletError as exc:
        log.warning("The skill recogniser could not be built in the background: %s", exc)


def _start(name: str, target: Callable[[], None]) -> threading.Thread:
    with _started:
        thread = _threads.get(name)
        if thread is None:
            thread = _threads[name] = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
        return thread


def start_warm_up() -> threading.Thread:
    """Start (once per process) the background thread that readies the pack and its indexes; returns it."""
    return _start("skills-warm-up", _warm)


def start_recogniser_warm_up() -> threading.Thread:
    """Start (once per process) the background build of the recogniser's index, for a page about to read text."""
    return _start("recogniser-warm-up", _warm_recogniser)

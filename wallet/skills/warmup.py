"""Reading the taxonomy pack and building the skill indexes in the background, once per process.

The first skills page, match or pathway otherwise waits 2-5 s for them. Nothing here touches a wallet:
it only fills process-wide caches, so it can run beside the database work of an open session.
"""

from __future__ import annotations

import logging
import threading

from wallet.errors import WalletError

log = logging.getLogger(__name__)
_started = threading.Lock()
_thread: threading.Thread | None = None


def _warm() -> None:
    from wallet.skills import opportunity, pathways
    from wallet.skills.pack import load_pack
    from wallet.skills.recognise import recogniser

    try:
        pack = load_pack()
        pack.load_all()
        recogniser()
        opportunity.warm_up(pack)
        pathways.warm_up(pack)
    except WalletError as exc:  # a damaged pack: the pages that need it say so when opened
        log.warning("The skills data could not be read in the background: %s", exc)


def start_warm_up() -> threading.Thread:
    """Start (once per process) the background thread that readies the skills data; returns it."""
    global _thread
    with _started:
        if _thread is None:
            _thread = threading.Thread(target=_warm, name="skills-warm-up", daemon=True)
            _thread.start()
        return _thread

"""Cancelling background work: a token that work checks between its steps.

Locking the wallet cancels whatever runs in the background (an import of a thousand files, re-checking an
issuer's credentials) instead of waiting for it. The session hands its token to the work; the work calls
`check()` between steps, and the WalletLockedError it raises unwinds the open transaction, so nothing
half-written is ever committed.
"""

from __future__ import annotations

import threading

from wallet.errors import WalletLockedError
from wallet.i18n import N_, _

STOPPED = N_("The wallet was locked, so that did not finish; nothing of it was saved.")


class CancelToken:
    """Set once, from any thread; checked by the thread doing the work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise WalletLockedError if the work was cancelled; otherwise return at once."""
        if self._event.is_set():
            raise WalletLockedError(_(STOPPED))

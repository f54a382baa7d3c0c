"""Onboarding: from a closed app to an unlocked wallet, as a plain state machine (no Qt).

    START ─create─▶ CREATE ─submit─▶ WORKING ─▶ RECOVERY_CODE ─confirm─▶ UNLOCKED ─lock─▶ UNLOCK
    START ─open───▶ UNLOCK ─submit─▶ WORKING ─▶ UNLOCKED        (CREATE/UNLOCK/RECOVER ─back─▶ START)
    START/UNLOCK ─recover─▶ RECOVER ─submit─▶ WORKING ─▶ UNLOCKED          (any ─close─▶ CLOSED)
    START ─demo─▶ WORKING ─▶ UNLOCKED (a new demo wallet), or ─▶ UNLOCK (the demo wallet made before)
    RECOVER ─back─▶ the step it came from (UNLOCK when "Forgot your passphrase?" led there)

Each transition validates its input and returns the new step. A mistake the person made (a short
passphrase, a wrong one, a missing folder) is not raised: the step stays and `error` holds one
sentence to show. A transition the current step does not allow raises StepError (a bug).

Argon2id is slow on purpose, so `submit_*` only validates and moves to WORKING; `work()` runs the
slow call and changes no state (safe on a worker thread); `finish(outcome)` applies the result on the
caller's thread. `run()` does both for callers that may block.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from wallet import lifecycle, wallet_care
from wallet.crypto.kdf import KdfParams
from wallet.crypto.keywrap import normalise_recovery_code
from wallet.errors import NotAWalletError, UsageError, WalletError, WalletNotFoundError, WrongPassphraseError
from wallet.events import Event
from wallet.flows.locations import as_path, find_wallet_in, free_location
from wallet.i18n import N_, _
from wallet.session import Session
from wallet.store.layout import SUFFIX
from wallet.validation import check_new_passphrase

log = logging.getLogger(__name__)

MISMATCH = N_("The two passphrases are different. Type the same passphrase in both boxes.")
NO_LOCATION = N_("Choose where to keep the wallet.")
NO_PASSPHRASE = N_("Type your passphrase.")
NOT_TICKED = N_("Tick the box to confirm you have written the recovery code down.")
DEMO_NAME = "demo" + SUFFIX
UNEXPECTED = N_("Something unexpected went wrong ({problem}). Please try again; if it keeps happening, report it.")


class Step(Enum):
    START = "start"                  # welcome: create a new wallet, open one, or recover one
    CREATE = "create"                # choose a location and a passphrase (typed twice)
    RECOVERY_CODE = "recovery_code"  # the new wallet's recovery code, shown once
    UNLOCK = "unlock"                # the passphrase of an existing wallet
    RECOVER = "recover"              # the recovery code and a new passphrase
    WORKING = "working"              # the slow call is running; `origin` is the step that asked
    UNLOCKED = "unlocked"            # `session` is open
    CLOSED = "closed"                # the app is closing; nothing is held any more


class StepError(UsageError):
    """A transition was called from a step that does not allow it."""


@dataclass(frozen=True)
class Outcome:
    """What the slow call produced: a session (and a new wallet's recovery code) or one sentence.

    The recovery code is left out of its repr, so a log line or a failed assert never shows it.
    """

    session: Session | None = None
    recovery_code: str | None = field(default=None, repr=False)
    error: str | None = None
    wrong_secret: bool = False


def _no_wallet_at(path: Path) -> str:
    """Why `path` can't be opened, in words for the window (not the command line); '' when it can."""
    try:
        lifecycle.layout_check(path)
    except (WalletNotFoundError, NotAWalletError):
        return _("There is no LER Wallet at {path}. Choose the wallet's folder (its name usually ends in "
                 "{suffix}).").format(path=path, suffix=SUFFIX)
    except WalletError as exc:
        return str(exc)
    return ""


class Onboarding:
    """Where the person is between launching the app and seeing their records."""

    def __init__(
        self,
        wallet_path: Path | None = None,
        *,
        kdf: KdfParams | None = None,
        on_change: Callable[[Step], None] | None = None,
    ) -> None:
        self.kdf = kdf  # None: calibrate on this machine (the real cost); tests pass cheap params
        self.state = Step.START
        self.error = ""
        self.path: Path | None = None  # the wallet being unlocked, recovered or just made
        self.suggested_path: Path | None = None  # where a new wallet would go
        self.is_demo = False
        self.recovery_code: str | None = None
        self.session: Session | None = None
        self.origin: Step | None = None
        self._recover_from = Step.START
        self._job: Callable[[], Outcome] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._on_change = on_change
        self._begin(wallet_path)

    # -- where to start -------------------------------------------------------------------------
    def _begin(self, wallet_path: Path | None) -> None:
        explicit = wallet_path is not None
        path = (wallet_path or lifecycle.default_wallet_path()).expanduser()
        try:
            lifecycle.layout_check(path)
        except WalletNotFoundError:
            self.suggested_path = path
        except WalletError as exc:  # something that is not a wallet is there
            self.suggested_path = free_location(path.parent)
            self.error = str(exc) if explicit else ""
        else:
            self.path, self.is_demo, self.state = path, lifecycle.wallet_is_demo(path), Step.UNLOCK

    # -- transitions ----------------------------------------------------------------------------
    def choose_create(self) -> Step:
        self._require(Step.START)
        if self.suggested_path is None or self.suggested_path.exists():
            base = self.suggested_path.parent if self.suggested_path else lifecycle.default_wallet_path().parent
            self.suggested_path = free_location(base)
        return self._go(Step.CREATE)

    def choose_open(self, folder: str | Path) -> Step:
        self._require(Step.START)
        path = as_path(folder)
        if path is None:
            return self._stay(_("Choose the folder of the wallet to open."))
        path = find_wallet_in(path)
        problem = _no_wallet_at(path)
        if problem:
            return self._stay(problem)
        self.path, self.is_demo = path, lifecycle.wallet_is_demo(path)
        return self._go(Step.UNLOCK)

    def choose_recover(self, folder: str | Path | None = None) -> Step:
        self._require(Step.START, Step.UNLOCK)
        if folder is not None:
            self.path = as_path(folder)
        self._recover_from = self.state
        return self._go(Step.RECOVER)

    def choose_demo(self) -> Step:
        """The demo wallet, one click from the start: made (and unlocked) the first time, else opened."""
        self._require(Step.START)
        base = self.suggested_path.parent if self.suggested_path else lifecycle.default_wallet_path().parent
        path = base / DEMO_NAME
        if not _no_wallet_at(path) and lifecycle.wallet_is_demo(path):
            self.path, self.is_demo = path, True
            return self._go(Step.UNLOCK)
        path = free_location(base, DEMO_NAME)
        kdf = self.kdf
        return self._start_work(lambda: Outcome(session=wallet_care.make_demo_wallet(path, kdf=kdf)))

    def back(self) -> Step:
        self._require(Step.CREATE, Step.UNLOCK, Step.RECOVER)
        if self.state is Step.RECOVER and self._recover_from is Step.UNLOCK and self.path is not None:
            self._recover_from = Step.START
            return self._go(Step.UNLOCK)
        return self._go(Step.START)

    def submit_create(self, location: str | Path, passphrase: str, repeat: str) -> Step:
        self._require(Step.CREATE)
        path = as_path(location)
        if path is None:
            return self._stay(_(NO_LOCATION))
        self.suggested_path = path
        try:
            check_new_passphrase(passphrase)
            if passphrase != repeat:
                return self._stay(_(MISMATCH))
            lifecycle.ensure_can_create(path)
        except WalletError as exc:
            return self._stay(str(exc))
        kdf = self.kdf

        def create() -> Outcome:
            made = lifecycle.create_wallet(path, passphrase, kdf=kdf)
            return Outcome(session=made.session, recovery_code=made.recovery_code)

        return self._start_work(create)

    def submit_unlock(self, passphrase: str) -> Step:
        self._require(Step.UNLOCK)
        if not passphrase:
            return self._stay(_(NO_PASSPHRASE))
        path = self.path
        if path is None:
            raise StepError(_("No wallet was chosen."))
        # The app checks every page in the background after unlock (ui.integrity), so the first page is not delayed.
        return self._start_work(lambda: Outcome(session=lifecycle.open_wallet(path, passphrase, check=False)))

    def submit_recover(self, location: str | Path, code: str, passphrase: str, repeat: str) -> Step:
        self._require(Step.RECOVER)
        path = as_path(location)
        if path is None:
            return self._stay(_("Choose the folder of the wallet to recover."))
        path = find_wallet_in(path)
        problem = _no_wallet_at(path)
        if problem:
            return self._stay(problem)
        try:
            normalise_recovery_code(code)
            check_new_passphrase(passphrase)
            if passphrase != repeat:
                return self._stay(_(MISMATCH))
        except WalletError as exc:
            return self._stay(str(exc))
        self.path, kdf = path, self.kdf
        return self._start_work(
            lambda: Outcome(session=lifecycle.recover_wallet(path, code, passphrase, kdf=kdf))
        )

    def work(self) -> Outcome:
        """Run the slow call; every error comes back as an Outcome. Changes no state (thread-safe)."""
        job = self._job
        if job is None:
            raise StepError(_("There is nothing to do: no step is waiting for the slow call."))
        try:
            return job()
        except WrongPassphraseError as exc:
            return Outcome(error=str(exc), wrong_secret=True)
        except WalletError as exc:
            return Outcome(error=str(exc))
        except Exception as exc:  # a bug must not leave a window waiting forever
            log.exception("onboarding: the slow call failed")
            return Outcome(error=_(UNEXPECTED).format(problem=type(exc).__name__))

    def finish(self, outcome: Outcome) -> Step:
        if self.state is Step.CLOSED:  # closed while the slow call ran: drop what it opened
            if outcome.session is not None:
                outcome.session.lock()
            return self.state
        self._require(Step.WORKING)
        origin = self.origin or Step.START
        self._job, self.origin = None, None
        if outcome.session is None:
            return self._go(origin, outcome.error or _(UNEXPECTED).format(problem="no result"))
        self._adopt(outcome.session)
        if origin is Step.CREATE:
            self.recovery_code = outcome.recovery_code
            return self._go(Step.RECOVERY_CODE)
        return self._go(Step.UNLOCKED)

    def run(self) -> Step:
        """Do the slow call here and now (blocking), then apply it."""
        return self.finish(self.work())

    def confirm_written_down(self, ticked: bool) -> Step:
        self._require(Step.RECOVERY_CODE)
        if not ticked:
            return self._stay(_(NOT_TICKED))
        self.recovery_code = None
        return self._go(Step.UNLOCKED)

    def lock(self) -> Step:
        """Drop the session (closing the database and forgetting the keys) and ask again."""
        self._require(Step.UNLOCKED)
        self._drop_session()
        return self._go(Step.UNLOCK)

    def close(self) -> Step:
        """The app is closing: lock whatever is open. Allowed from every step."""
        self._drop_session()
        self.recovery_code = None
        return self._go(Step.CLOSED)

    # -- helpers --------------------------------------------------------------------------------
    def _require(self, *allowed: Step) -> None:
        if self.state not in allowed:
            names = ", ".join(s.value for s in allowed)
            raise StepError(_("This can't be done at the {value} step (only at: {names}).").format(
                value=self.state.value, names=names))

    def _go(self, step: Step, error: str = "") -> Step:
        self.state, self.error = step, error
        if self._on_change is not None:
            self._on_change(step)
        return step

    def _stay(self, error: str) -> Step:
        return self._go(self.state, error)

    def _start_work(self, call: Callable[[], Outcome]) -> Step:
        self.origin, self._job = self.state, call
        return self._go(Step.WORKING)

    def _adopt(self, session: Session) -> None:
        self.session, self.path, self.is_demo = session, session.path, session.is_demo
        self._unsubscribe = session.events.subscribe(self._on_session_event)

    def _drop_session(self) -> None:
        session, self.session = self.session, None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if session is not None:
            session.lock()

    def _on_session_event(self, event: Event) -> None:
        """Something else locked the session (an idle timer, another window): ask again."""
        if event.name == "locked" and self.state in (Step.UNLOCKED, Step.RECOVERY_CODE):
            self._drop_session()
            self.recovery_code = None
            self._go(Step.UNLOCK)


__all__ = ["Onboarding", "Outcome", "Step", "StepError"]

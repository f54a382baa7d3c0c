"""What the skills, opportunities and pathways pages share while a wallet is open.

Every session call they make runs on a worker thread, on the records page's queue (ui.worker.Jobs), so
calls never overlap and the window keeps responding while the profile is built (a few seconds the first
time: the skill recogniser's index is made once per process). A result that arrives after the wallet was
locked is dropped. The profile is read once and kept until records or skill corrections change it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ui.worker import Failed, Jobs
from wallet.api import N_, Event, Profile, Session, TaxonomyPack, WalletError

READING = N_("Reading your skills…")
"""Marked only: show it through _()."""


class SkillsContext(QObject):
    """`profile_loading` when a read starts, `profile_ready` when `profile` is fresh, `profile_failed(sentence)`,
    and `profile_stale` when records changed (a page on screen calls `ensure_profile`)."""

    profile_loading = Signal()
    profile_ready = Signal()
    profile_failed = Signal(str)
    profile_stale = Signal()
    _records_changed = Signal()

    def __init__(self, queue: Jobs, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = Jobs(self, queue=queue)
        self.session: Session | None = None
        self.profile: Profile | None = None
        self.titles: dict[str, str] = {}
        """Record id → title, read with the profile."""
        self.loading = False
        self._stale = False
        self._generation = 0
        self._unsubscribe: Callable[[], None] | None = None
        self._records_changed.connect(self.invalidate)

    # -- the session ----------------------------------------------------------------------------------
    def open(self, session: Session) -> None:
        self.close()
        self.session = session
        self._unsubscribe = session.events.subscribe(self._on_event)

    def close(self) -> None:
        """Forget the session and everything read from it; results still on their way are dropped."""
        self._generation += 1
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.session = None
        self.profile = None
        self.titles = {}
        self.loading = False
        self._stale = False

    @property
    def pack(self) -> TaxonomyPack | None:
        return self.session.skills.pack if self.session is not None and not self.session.is_locked else None

    def run(self, call: Callable[[Session], Any], on_done: Callable[[Any], None]) -> bool:
        """Run `call(session)` on the worker; `on_done(result or Failed)` on the GUI thread, unless the wallet
        was locked (or another opened) meanwhile. False when no wallet is open."""
        session = self.session
        if session is None:
            return False
        generation = self._generation

        def deliver(result: Any) -> None:
            if generation == self._generation:
                on_done(result)

        self.jobs.run(lambda: call(session), deliver, within=session)
        return True

    def wait(self) -> None:
        self.jobs.wait()

    # -- the profile ----------------------------------------------------------------------------------
    def ensure_profile(self) -> None:
        """Read the profile unless it is fresh or being read; `profile_ready` follows."""
        if self.profile is not None:
            self.profile_ready.emit()
        elif not self.loading and self.run(_read_profile, self._profile_read):
            self.loading = True
            self.profile_loading.emit()

    def change(self, call: Callable[[Session], Any], on_done: Callable[[Any], None]) -> bool:
        """Run a correction (add, hide, correct, restore), then read the profile again in the same job.

        `on_done` gets the correction's result, or Failed with the core's sentence ("Those are the same
        skill."); `profile_ready` follows either way (or `profile_failed` if the profile can't be read)."""
        def work(session: Session) -> tuple[Any, tuple[Profile, dict[str, str]]]:
            try:
                answer = call(session)
            except WalletError as exc:
                answer = Failed(exc.message)
            return answer, _read_profile(session)

        def done(result: Any) -> None:
            self.loading = False
            if isinstance(result, Failed):
                self.profile = None
                self.profile_failed.emit(result.message)
                return
            answer, (self.profile, self.titles) = result
            on_done(answer)
            if self._stale:
                self._stale = False
                self.invalidate()
            else:
                self.profile_ready.emit()

        if not self.run(work, done):
            return False
        self.loading = True
        self.profile_loading.emit()
        return True

    def invalidate(self) -> None:
        """Records changed: the profile is read again when a page needs it (`profile_stale` tells them)."""
        self.profile = None
        if self.loading:
            self._stale = True
        else:
            self.profile_stale.emit()

    def _profile_read(self, result: Any) -> None:
        self.loading = False
        if self._stale:
            self._stale = False
            self.ensure_profile()
            return
        if isinstance(result, Failed):
            self.profile_failed.emit(result.message)
            return
        self.profile, self.titles = result
        self.profile_ready.emit()

    def title(self, record_id: str) -> str:
        return self.titles.get(record_id, "A record no longer in the wallet")

    def skill_label(self, skill_id: str) -> str:
        pack = self.pack
        found = pack.get_skill(skill_id) if pack is not None else None
        return found.label if found is not None else skill_id

    def _on_event(self, event: Event) -> None:
        """May run on the worker thread: only hand over to the GUI thread."""
        if event.name == "records_changed":
            self._records_changed.emit()


def _read_profile(session: Session) -> tuple[Profile, dict[str, str]]:
    profile = session.skills.profile()
    titles = {record.id: record.title for record in session.list_records()}
    return profile, titles

"""The records page's credential commands: import files, paste, trusted issuers, check again, trust.

Each command runs its wallet call on the worker thread (ui.worker.Jobs), shows that it is busy, and
then shows the result: a results dialog for imports, the refreshed detail for checks and trust.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.dialogs.import_dialogs import ImportResultsDialog, PasteDialog, summary
from ui.dialogs.trusted_issuers import TrustedIssuersDialog
from ui.status import status_look
from ui.widgets import page_action
from ui.worker import Failed, Jobs
from wallet.api import ImportOutcome, WalletError, _, ngettext, one_line, pasted_bytes

if TYPE_CHECKING:
    from ui.pages.records import RecordsPage



def file_filters() -> str:
    """The import dialog's filters: the descriptions in the app's language, the patterns as they are."""
    return ";;".join((_("Credentials") + " (*.json *.jsonld *.jwt *.jws *.txt *.png *.svg)",
                      _("Badge images") + " (*.png *.svg)",
                      _("JSON or token files") + " (*.json *.jsonld *.jwt *.jws *.txt)",
                      _("All files") + " (*)"))


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` (a result that appears without focus moving)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class CredentialActions(QObject):
    def __init__(self, page: RecordsPage) -> None:
        super().__init__(page)
        self.page = page
        self.jobs = Jobs(self)
        self.import_action = self._action(_("Import credentials…"), _("Import…"), "importAction", "Ctrl+I",
                                          _("Import credential files: badges, CLRs, JSON, tokens or badge images"))
        self.paste_action = self._action(_("Paste credential…"), _("Paste…"), "pasteAction", "Ctrl+Shift+V",
                                         _("Paste a credential's text (JSON or a signed token)"))
        self.trusted_action = self._action(_("Trusted issuers…"), _("Trusted issuers…"), "trustedIssuersAction", "",
                                           _("See and change the list of issuers you trust"))
        self.import_action.triggered.connect(self.import_files)
        self.paste_action.triggered.connect(self.paste)
        self.trusted_action.triggered.connect(self.show_trusted)
        self.results = ImportResultsDialog(page)
        self.results.show_record.connect(page.select_record)
        self.results.claim_requested.connect(self._claim)
        self.results.email_requested.connect(self._check_email)
        self.paste_dialog = PasteDialog(page)
        self.paste_dialog.submitted.connect(self._import_pasted)
        self.trusted = TrustedIssuersDialog(page)
        self.trusted.remove_requested.connect(self._untrust)
        page.detail.reverify_requested.connect(self.reverify)
        page.detail.trust_requested.connect(self.trust)
        self._last_folder = Path.home()

    def _action(self, text: str, short: str, object_name: str, shortcut: str, tip: str) -> QAction:
        return page_action(self.page, text, short, object_name, shortcut, tip)

    # -- state ------------------------------------------------------------------------------------
    def set_available(self, available: bool) -> None:
        """Actions work only while a wallet is open and nothing else is running."""
        for action in (self.import_action, self.paste_action, self.trusted_action):
            action.setEnabled(available)

    def close_all(self) -> None:
        """On lock: close every dialog and forget what they showed (running work was cancelled by the lock;
        its result, if it still comes, is dropped)."""
        for dialog in (self.results, self.paste_dialog, self.trusted):
            dialog.reject()
        self.results.set_outcomes([])
        self.paste_dialog.box.clear()
        self.trusted.set_issuers({})
        self.trusted.set_note("")

    def _run(self, busy_text: str, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        session = self.page.session
        if session is None:
            return
        self.page.set_working(busy_text)
        self.set_available(False)
        self.page.detail.set_checking(True)
        self.trusted.set_busy(True)

        def finish(result: Any) -> None:
            if self.page.session is not session:  # locked meanwhile: nothing to show
                return
            self.page.set_working("")
            self.set_available(True)
            self.trusted.set_busy(False)
            self.page.flush_changes()
            self.page.detail.set_checking(False)
            done(result)

        self.jobs.run(call, finish, within=session)

    # -- import -----------------------------------------------------------------------------------
    def import_files(self) -> None:
        if self.page.session is None or self.jobs.busy():
            return
        paths, _chosen = QFileDialog.getOpenFileNames(self.page, _("Import credentials"), str(self._last_folder),
                                                      file_filters())
        if not paths:
            return
        self._last_folder = Path(paths[0]).parent
        session = self.page.session
        busy = ngettext("Importing {n} file…", "Importing {n} files…", len(paths)).format(n=len(paths))
        self._run(busy, lambda: session.credentials.import_paths(list(paths)), self._imported)

    def run_import(self, busy_text: str, call: Callable[[], list[ImportOutcome]],
                   after: Callable[[], None] | None = None) -> None:
        """Run an import made elsewhere (a QR image, dropped files) and show its per-item report (`after` runs
        first, on the window's thread)."""
        def done(result: list[ImportOutcome] | Failed) -> None:
            if after is not None:
                after()
            self._imported(result)

        if self.page.session is not None:
            self._run(busy_text, call, done)

    def paste(self) -> None:
        if self.page.session is not None and not self.jobs.busy():
            self.paste_dialog.start()

    def _import_pasted(self, text: str) -> None:
        session = self.page.session
        if session is None:
            return
        self._run(_("Importing the pasted credential…"),
                  lambda: session.credentials.import_bytes(pasted_bytes(text), _("Pasted text")), self._imported)

    def _imported(self, result: list[ImportOutcome] | Failed) -> None:
        outcomes = [ImportOutcome(_("Import"), "failed", result.message)] if isinstance(result, Failed) else result
        self.results.set_outcomes(outcomes)
        session = self.page.session
        kept = [o.record_id for o in outcomes if o.record_id and o.outcome in ("imported", "duplicate")]
        claims = session.reader.holder.unclaimed_identifiers(kept) if session is not None and kept else []
        identifier, count = claims[0] if claims else (None, 0)
        self.results.set_claim(identifier, count)
        self.results.set_hashed(session.reader.holder.hashed_unclaimed(kept) if session is not None and kept else [])
        self.results.open()
        self.results.close_button.setFocus()
        first = next((o.record_id for o in outcomes if o.outcome == "imported" and o.record_id), None)
        if first:
            self.page.select_record(first)
        announce(self.results, _("Import finished. {summary}").format(summary=summary(outcomes)))

    def _claim(self, identifier: str) -> None:
        """'That is me': the identifier the imported credentials name is added to the learner's profile."""
        session = self.page.session
        if session is None or not identifier or self.jobs.busy():
            return
        self._run(_("Adding {identifier} to your profile…").format(identifier=one_line(identifier)),
                  lambda: session.holder.add_identifier(identifier), self._claimed)

    def _check_email(self, text: str) -> None:
        """Is the typed address the one the hashed credentials were issued to? Added to the profile only if so."""
        session = self.page.session
        ids = list(self.results.hashed)
        if session is None or not ids or not text.strip() or self.jobs.busy():
            return

        def check() -> int:
            found = session.holder.claimed_by(text, ids)
            if found:
                session.holder.add_identifier(text)
            return found

        self._run(_("Checking the address…"), check, self._email_checked)

    def _email_checked(self, result: int | Failed) -> None:
        if isinstance(result, Failed):
            self.results.email_checked(0, result.message)
        else:
            self.results.email_checked(result)
            self._restate()
        announce(self.results, self.results.email_note.text())

    def _restate(self) -> None:
        """The import results' verdicts as they are after a claim."""
        session = self.page.session
        if session is None:
            return
        reader = session.reader
        statuses = {}
        for outcome in self.results.outcomes:
            if outcome.record_id and outcome.outcome in ("imported", "duplicate"):
                try:
                    credential = reader.get_record(outcome.record_id).credential
                except WalletError:  # deleted meanwhile: its line stays as it was
                    continue
                if credential is not None and credential.verification:
                    statuses[outcome.record_id] = credential.verification
        self.results.restate(statuses)

    def _claimed(self, result: int | Failed) -> None:
        if isinstance(result, Failed):
            self.results.claim_note.setText(result.message)
            return
        self.results.claimed(result)
        self._restate()
        announce(self.results, self.results.claim_note.text())

    # -- checking and trust -------------------------------------------------------------------------
    def reverify(self, record_id: str) -> None:
        session = self.page.session
        if session is None or self.jobs.busy():
            return
        self._run(_("Checking the credential again…"), lambda: session.credentials.verify_record(record_id),
                  lambda result: self._checked(record_id, result))

    def _checked(self, record_id: str, result: Any) -> None:
        if isinstance(result, Failed):
            self._failed(result)
            return
        self.page.refocus_reverify()
        announce(self.page.detail, _("Checked again: {status}.").format(status=status_look(str(result.status)).word))

    def _failed(self, result: Failed) -> None:
        self.page.set_working(result.message, error=True)
        announce(self.page.work_status, result.message)

    def trust(self, issuer_id: str, name: str) -> None:
        session = self.page.session
        if session is None or self.jobs.busy():
            return
        self._run(_("Adding {name} to your trusted issuers…").format(name=name),
                  lambda: session.credentials.trust_issuer(issuer_id, name),
                  lambda result: self._trusted(name, result))

    def _trusted(self, name: str, result: Any) -> None:
        if isinstance(result, Failed):
            self._failed(result)
            return
        self.page.refocus_reverify()
        announce(self.page.detail, _("{name} is now on your list of trusted issuers; its credentials were "
                                     "checked again.").format(name=name))

    def show_trusted(self) -> None:
        session = self.page.session
        if session is None:
            return
        self.trusted.set_issuers(session.reader.credentials.trusted_issuers())
        self.trusted.set_note("")
        self.trusted.open()
        self.trusted.issuers.setFocus()

    def _untrust(self, issuer_id: str, name: str) -> None:
        session = self.page.session
        if session is None or self.jobs.busy():
            return
        self._run(_("Removing {name} from your trusted issuers…").format(name=name),
                  lambda: session.credentials.untrust_issuer(issuer_id),
                  lambda result: self._untrusted(name, result))

    def _untrusted(self, name: str, result: Any) -> None:
        session = self.page.session
        if session is None:
            return
        self.trusted.set_issuers(session.reader.credentials.trusted_issuers())
        if isinstance(result, Failed):
            self.trusted.set_note(result.message)
            return
        checked = len(result)
        if checked:
            note = ngettext("{name} was removed. Its {n} credential was checked again.",
                            "{name} was removed. Its {n} credentials were checked again.", checked).format(
                name=name, n=checked)
        else:
            note = _("{name} was removed.").format(name=name)
        self.trusted.set_note(note)
        self.trusted.issuers.setFocus()
        announce(self.trusted, note)

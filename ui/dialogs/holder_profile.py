"""Your profile: the name that signs your own entries and endorsements, contact lines for résumés, and the
other identifiers that are yours (an email, a DID from another wallet) so credentials issued to them count.

Name and contact lines are saved with Save. An identifier is added or removed at once, because the wallet then
checks again which stored credentials were issued to you and says how many changed. Every write runs on the
wallet's job thread; the dialog reads through the window's read-only session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit, QWidget

from ui.dialogs.new_recovery_code import JobQueue
from ui.widgets import (
    button,
    field,
    footer_row,
    label,
    line_edit,
    message_label,
    modal_layout,
    name,
    plain_tip,
    selectable,
    show_message,
)
from ui.worker import Failed
from wallet.api import DEFAULT_HOLDER_NAME, N_, HolderProfile, Session, _, ngettext, one_line

INTRO = (N_("Your name goes on what you sign yourself (your own entries, endorsements you give) and on what you "
         "share. Until you give one, you are called “Learner”."))
IDENTIFIERS = (N_("Credentials are yours when they name your wallet's ID or one of these: an email address or a DID "
               "from another wallet. Credentials issued to anyone else are kept, but not counted as yours."))
NO_IDENTIFIERS = N_("No other identifiers yet.")
BUSY = N_("The wallet is busy with something else; try again in a moment.")
SAVED = N_("Your profile is saved.")


def changed_sentence(count: int, added: bool) -> str:
    """How many stored credentials an added (or removed) identifier made yours (or no longer yours)."""
    if added:
        text = ngettext("{n} credential in your wallet is now shown as yours.",
                        "{n} credentials in your wallet are now shown as yours.", count)
    else:
        text = ngettext("{n} credential in your wallet is no longer shown as yours.",
                        "{n} credentials in your wallet are no longer shown as yours.", count)
    return text.format(n=count)


class HolderProfileDialog(QDialog):
    """objectName 'holderProfileDialog': 'holderName', 'holderContacts', 'holderDid', 'holderIdentifiers',
    'newIdentifier', 'addIdentifierButton', 'removeIdentifierButton', 'holderNote', 'holderError',
    'holderClose' and 'holderSave'."""

    def __init__(
        self, jobs: JobQueue, parent: QWidget | None = None, *, after_work: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._after_work = after_work
        self._session: Session | None = None
        self._busy = False
        layout = modal_layout(self, "holderProfileDialog", _("Your profile"), 640, 680)
        layout.addWidget(label(_("Your profile"), "heading"))
        layout.addWidget(label(_(INTRO), "muted"))
        self.name_edit = line_edit("holderName", _("Your name"), placeholder=DEFAULT_HOLDER_NAME)
        layout.addWidget(field(_("Your &name"), self.name_edit))
        self.contacts = QPlainTextEdit()
        name(self.contacts, "holderContacts", _("Contact lines"),
             _("One line each, such as an email address, a phone number or a town, for résumés you share"))
        self.contacts.setTabChangesFocus(True)
        self.contacts.setFixedHeight(84)
        layout.addWidget(field(_("&Contact lines for résumés (one per line)"), self.contacts))
        layout.addWidget(label(_("Your wallet's ID (DID)"), "muted"))
        self.did = selectable(label("", object_name="holderDid"))
        self.did.setAccessibleName(_("Your wallet's ID"))
        layout.addWidget(self.did)
        layout.addWidget(label(_("Also yours"), "subheading"))
        layout.addWidget(label(_(IDENTIFIERS), "muted"))
        self.identifiers = QListWidget()
        name(self.identifiers, "holderIdentifiers", _("Your other identifiers"))
        self.identifiers.setFixedHeight(96)
        layout.addWidget(self.identifiers)
        row = QHBoxLayout()
        self.new_identifier = line_edit("newIdentifier", _("New identifier"),
                                        placeholder=_("maria@example.org or did:web:example.org"))
        self.add = button(_("Add"), "addIdentifierButton", _("Add this identifier as yours"))
        self.remove = button(_("Remove"), "removeIdentifierButton", _("Remove the chosen identifier"))
        row.addWidget(self.new_identifier, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout.addLayout(row)
        self.note = message_label("holderNote", role="note")
        layout.addWidget(self.note)
        self.error = message_label("holderError")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.close_button = button(_("Close"), "holderClose", _("Close without saving the name and contact lines"))
        self.save = button(_("Save"), "holderSave", _("Save your name and contact lines"), primary=True)
        footer_row(layout, self.close_button, self.save)
        self.close_button.clicked.connect(self.finish)
        self.save.clicked.connect(self._save)
        self.add.clicked.connect(self._add)
        self.new_identifier.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.identifiers.currentItemChanged.connect(lambda _item, _old: self._update())

    # -- what the window calls ----------------------------------------------------------------------
    def start(self, session: Session) -> None:
        """Open on `session`'s profile, as it is stored now."""
        self._session = session
        self._busy = False
        show_message(self.note, "")
        show_message(self.error, "")
        self.new_identifier.clear()
        profile = session.reader.holder.profile()
        self.name_edit.setText(profile.name)
        self.contacts.setPlainText("\n".join(profile.contacts))
        self._show_identifiers(profile)
        self.open()
        self.name_edit.setFocus()

    def finish(self) -> None:
        """Close and forget the wallet (Close, Escape, or the wallet was locked)."""
        self._session = None
        super().reject()

    def reject(self) -> None:
        self.finish()

    # -- steps ----------------------------------------------------------------------------------------
    def _run(self, call: Any, on_done: Any) -> None:
        session = self._session
        if session is None or self._busy:
            return
        if self._jobs.busy():
            show_message(self.error, _(BUSY))
            return
        show_message(self.error, "")
        show_message(self.note, "")
        self._set_busy(True)
        self._jobs.run(lambda: call(session), on_done, within=session)

    def _save(self) -> None:
        name_text = self.name_edit.text()
        lines = self.contacts.toPlainText().splitlines()
        self._run(lambda session: session.holder.set_profile(name_text, lines), self._saved)

    def _saved(self, result: HolderProfile | Failed) -> None:
        if not self._settled(result):
            return
        show_message(self.note, _(SAVED))
        self.finish()

    def _add(self) -> None:
        text = self.new_identifier.text()
        if not text.strip():
            show_message(self.error, _("Type the identifier first: an email address, a DID or a web address."))
            return
        self._run(lambda session: session.holder.add_identifier(text), lambda r: self._changed(r, added=True))

    def _remove(self) -> None:
        item = self.identifiers.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not value:
            return
        self._run(lambda session: session.holder.remove_identifier(str(value)),
                  lambda r: self._changed(r, added=False))

    def _changed(self, result: int | Failed, *, added: bool) -> None:
        if not self._settled(result) or self._session is None or isinstance(result, Failed):
            return
        if added:
            self.new_identifier.clear()
        self._show_identifiers(self._session.reader.holder.profile())
        show_message(self.note, changed_sentence(result, added))

    def _settled(self, result: object) -> bool:
        """Back from the job thread: False when the dialog was closed meanwhile or the job failed (said)."""
        self._set_busy(False)
        if self._after_work is not None:
            self._after_work()  # the records page shows what the change did (e.g. a badge no longer marked)
        if self._session is None or not self.isVisible():
            return False
        if isinstance(result, Failed):
            show_message(self.error, result.message)
            return False
        return True

    # -- showing ----------------------------------------------------------------------------------------
    def _show_identifiers(self, profile: HolderProfile) -> None:
        self.did.setText(profile.did)
        self.identifiers.clear()
        for identifier in profile.identifiers:
            item = QListWidgetItem(one_line(identifier))
            item.setData(Qt.ItemDataRole.UserRole, identifier)
            item.setToolTip(plain_tip(identifier))
            self.identifiers.addItem(item)
        if not profile.identifiers:
            empty = QListWidgetItem(_(NO_IDENTIFIERS))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.identifiers.addItem(empty)
        self._update()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.save, self.add, self.name_edit, self.contacts, self.new_identifier):
            widget.setEnabled(not busy)
        self._update()

    def _update(self) -> None:
        item = self.identifiers.currentItem()
        self.remove.setEnabled(not self._busy and item is not None and bool(item.data(Qt.ItemDataRole.UserRole)))

"""The list of issuers the learner trusts, with Remove. Trusting happens from a credential's detail."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem, QWidget

from ui.list_delegate import use_lines
from ui.style import MUTED
from ui.widgets import button, footer_row, label, message_label, modal_layout, name, plain_tip, show_message
from wallet.api import N_, _, one_line

ISSUER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
INTRO = (N_("Credentials signed by these issuers pass the “Trusted issuer” check. To add one, open one of its "
         "credentials and choose “Trust this issuer”. Removing an issuer keeps its credentials; they are "
         "checked again."))
EMPTY = N_("You do not trust any issuer yet.")


class TrustedIssuersDialog(QDialog):
    """objectName 'trustedIssuersDialog'. `remove_requested(issuer_id, name)` asks the page to remove one."""

    remove_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "trustedIssuersDialog", _("Trusted issuers"), 640, 440)
        layout.addWidget(label(_("Trusted issuers"), "heading"))
        layout.addWidget(label(_(INTRO), "muted"))
        self.issuers = QListWidget()
        name(self.issuers, "trustedIssuerList", _("Trusted issuers"))
        use_lines(self.issuers, rest_colour=MUTED)
        layout.addWidget(self.issuers, 1)
        self.note = message_label("trustedIssuersNote", role="note")
        layout.addWidget(self.note)
        self.remove = button(_("Remove from list"), "removeIssuerButton", _("Remove the chosen issuer from the list"))
        self.close_button = button(_("Close"), "trustedIssuersClose", _("Close trusted issuers"), primary=True)
        footer_row(layout, self.remove, self.close_button)
        self.close_button.clicked.connect(self.accept)
        self.remove.clicked.connect(self._remove_chosen)
        self.issuers.currentItemChanged.connect(lambda _item, _old: self._update())
        self._busy = False

    def set_issuers(self, issuers: dict[str, str]) -> None:
        """Fill the list: each row shows the issuer's name and, below it, its ID."""
        self.issuers.clear()
        for raw_id, raw_name in sorted(issuers.items(), key=lambda kv: (kv[1] or kv[0]).lower()):
            issuer_id, issuer_name = one_line(raw_id), one_line(raw_name)  # shown: the issuer's own words, cleaned
            item = QListWidgetItem(f"{issuer_name or issuer_id}\n{issuer_id}")
            item.setData(ISSUER_ID_ROLE, raw_id)
            item.setData(Qt.ItemDataRole.UserRole + 2, raw_name)
            spoken = _("{issuer}. ID {id}").format(issuer=issuer_name, id=issuer_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(plain_tip(issuer_id))
            self.issuers.addItem(item)
        if not issuers:
            empty = QListWidgetItem(_(EMPTY))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.issuers.addItem(empty)
        else:
            self.issuers.setCurrentRow(0)
        self._update()

    def names(self) -> list[str]:
        return [str(self.issuers.item(i).data(Qt.ItemDataRole.UserRole + 2))
                for i in range(self.issuers.count()) if self.issuers.item(i).data(ISSUER_ID_ROLE)]

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()

    def set_note(self, text: str) -> None:
        show_message(self.note, text)

    def _update(self) -> None:
        item = self.issuers.currentItem()
        self.remove.setEnabled(not self._busy and item is not None and bool(item.data(ISSUER_ID_ROLE)))

    def _remove_chosen(self) -> None:
        item = self.issuers.currentItem()
        if item is None or not item.data(ISSUER_ID_ROLE):
            return
        self.remove_requested.emit(str(item.data(ISSUER_ID_ROLE)), str(item.data(Qt.ItemDataRole.UserRole + 2)))

"""About LER Wallet: what it is, its version, and the credit lines its data and fonts ask for, word for word."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from ui.widgets import button, label, modal_layout, selectable
from wallet.api import N_, WalletError, _, __version__, skills_data_credits, third_party_notices

APP_NAME = "LER Wallet"
WHAT_IT_IS = (
    N_("LER Wallet keeps your learning and employment records — badges, certificates, transcripts and your own "
    "experience — in one encrypted place on this computer or on a USB stick. It checks credentials, shows the "
    "skills your records prove, matches them with job postings, and lets you choose exactly what to share for "
    "each opportunity. It works offline: it makes no network connection.")
)
CONTEXTS_CREDIT = (
    N_("JSON-LD context documents are copied, unchanged in meaning, from the W3C (W3C Software and Document "
    "License), 1EdTech (1EdTech Specification Document License; Apache-2.0), Digital Bazaar (BSD-3-Clause; W3C "
    "Software and Document License) and the Digital Credentials Consortium (MIT; BSD-3-Clause). Each keeps its "
    "licence; the list is in resources/contexts/ATTRIBUTION.md.")
)
FONTS_CREDIT = (
    N_("DejaVu fonts: Copyright © 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is a trademark of "
    "Bitstream, Inc. DejaVu changes are in the public domain. Licence: resources/fonts/LICENSE-DejaVu.txt.")
)
NO_NOTICES = (N_("This copy of LER Wallet does not carry its THIRD-PARTY-NOTICES file. The licences are listed in "
              "the project's source and in each installed package's licence files."))
QT_CREDIT = N_("Made with Qt for Python (PySide6), used under the GNU Lesser General Public License v3.")


def data_credits() -> tuple[str, ...]:
    """The skills data's credit lines (ESCO, O*NET, the crosswalks), exactly as the data gives them."""
    try:
        return skills_data_credits()
    except WalletError as exc:
        return (str(exc),)


class AboutDialog(QDialog):
    """objectName 'aboutDialog'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "aboutDialog", _("About {app}").format(app=APP_NAME), 680, 600)
        top = QHBoxLayout()
        top.setSpacing(14)
        mark = label("LER", wrap=False, object_name="aboutMark")
        mark.setFixedSize(52, 52)
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(label(APP_NAME, "title", object_name="aboutName"))
        version = _("Version {version}").format(version=__version__)
        names.addWidget(selectable(label(version, "muted", object_name="aboutVersion")))
        top.addLayout(names, 1)
        layout.addLayout(top)
        layout.addWidget(selectable(label(_(WHAT_IT_IS), object_name="aboutWhat")))

        body = QWidget()
        body.setObjectName("aboutCreditsBody")
        credits = QVBoxLayout(body)
        credits.setContentsMargins(14, 12, 14, 12)
        credits.setSpacing(10)
        credits.addWidget(label(_("Skills and occupations data"), "strong"))
        self.credit_lines: list[str] = []
        for n, line in enumerate(data_credits()):
            credits.addWidget(self._credit(line, f"aboutCredit{n}"))
        credits.addWidget(label(_("Other parts"), "strong"))
        for n, line in enumerate((_(CONTEXTS_CREDIT), _(FONTS_CREDIT), _(QT_CREDIT))):
            credits.addWidget(self._credit(line, f"aboutOtherCredit{n}"))
        credits.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("aboutCredits")
        scroll.setAccessibleName(_("Credits and licences"))
        scroll.setAccessibleDescription("\n".join(self.credit_lines))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scroll.setWidget(body)
        layout.addWidget(label(_("Credits and licences"), "subheading"))
        layout.addWidget(scroll, 1)

        row = QHBoxLayout()
        self.notices_button = button(_("Third-party notices…"), "aboutNotices",
                                     _("Show the licences of the libraries and data inside LER Wallet"))
        self.notices_button.clicked.connect(self._show_notices)
        row.addWidget(self.notices_button)
        row.addStretch(1)
        self.close_button = button(_("Close"), "aboutClose", _("Close"), primary=True)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        row.addWidget(self.close_button)
        layout.addLayout(row)

    def _show_notices(self) -> None:
        """THIRD-PARTY-NOTICES as plain, read-only text (objectName 'noticesDialog' / 'noticesText')."""
        dialog = QDialog(self)
        layout = modal_layout(dialog, "noticesDialog", _("Third-party notices"), 760, 640)
        text = QPlainTextEdit(third_party_notices() or _(NO_NOTICES))
        text.setObjectName("noticesText")
        text.setAccessibleName(_("Third-party notices"))
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(text, 1)
        close = button(_("Close"), "noticesClose", _("Close"), primary=True)
        close.clicked.connect(dialog.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.notices_dialog = dialog
        dialog.open()

    def _credit(self, line: str, object_name: str) -> QWidget:
        self.credit_lines.append(line)
        return selectable(label(line, object_name=object_name))

    def start(self) -> None:
        self.open()
        self.close_button.setFocus()

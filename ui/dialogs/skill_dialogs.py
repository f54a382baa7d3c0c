"""Dialogs of the skills page: find a skill by name (to add it, or to say which skill was meant), and the list
of the learner's changes (hidden, corrected and added skills) with Restore."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.list_delegate import use_lines
from ui.style import MUTED
from ui.widgets import (
    button,
    field,
    fixed_constraints,
    footer_row,
    label,
    line_edit,
    message_label,
    modal_layout,
    name,
    show_message,
)
from wallet.api import N_, Skill, _, ngettext

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_KINDS = ("esco-skill", "esco-knowledge", "onet-tech", "onet-tool")
KIND_WORDS = {
    "esco-skill": N_("skill"),
    "esco-knowledge": N_("knowledge"),
    "onet-tech": N_("software"),
    "onet-tool": N_("tool or equipment"),
}
MAX_RESULTS = 20


def search_skills(index: list[tuple[str, Skill]], text: str, limit: int = MAX_RESULTS) -> list[Skill]:
    """Skills whose name holds `text` (any case): names starting with it first, then a word starting with it,
    then anywhere; shorter names first within each."""
    wanted = text.strip().casefold()
    if len(wanted) < 2:
        return []
    ranked: list[tuple[int, int, str, Skill]] = []
    for folded, skill in index:
        where = folded.find(wanted)
        if where < 0:
            continue
        rank = 0 if where == 0 else 1 if folded[where - 1] in " -(/" else 2
        ranked.append((rank, len(folded), folded, skill))
    ranked.sort(key=lambda r: r[:3])
    return [r[3] for r in ranked[:limit]]


class SkillPickerDialog(QDialog):
    """objectName 'addSkillDialog' (with a note box) or 'correctSkillDialog'. `chosen(skill_id, note)`."""

    chosen = Signal(str, str)

    def __init__(self, object_name: str, title: str, confirm: str, *, with_note: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        fixed_constraints(self, 600, 560)
        self._index: list[tuple[str, Skill]] = []
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(label(title, "heading"))
        self.intro = label(role="muted", object_name="skillPickIntro")
        layout.addWidget(self.intro)
        self.search = line_edit("skillSearch", _("Search skills"), placeholder=_("Type part of a skill's name…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(field(_("&Skill name"), self.search))
        self.results = QListWidget()
        name(self.results, "skillResults", _("Matching skills"), _("Up to 20 skills whose name holds what you typed."))
        use_lines(self.results, rest_colour=MUTED)
        layout.addWidget(self.results, 1)
        self.count = label(role="muted", object_name="skillResultCount")
        layout.addWidget(self.count)
        self.note = line_edit("skillNote", _("Where you use it (optional)"),
                              placeholder=_("For example: I keep the family's accounts in a spreadsheet"))
        self.note_field = field(_("&Where you use it (optional)"), self.note)
        if not with_note:
            self.note_field.hide()
        layout.addWidget(self.note_field)
        self.error = message_label("skillPickError")
        layout.addWidget(self.error)
        self.cancel = button(_("Cancel"), "skillPickCancel", _("Cancel"))
        self.confirm = button(confirm, "skillPickConfirm", confirm, primary=True)
        footer_row(layout, self.cancel, self.confirm)
        self.cancel.clicked.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._enter_pressed)
        self.results.itemActivated.connect(lambda _item: self._confirm())
        self.results.currentItemChanged.connect(lambda _item, _old: self._update())
        self._update()

    def start(self, skills: Iterable[Skill], intro: str) -> None:
        """Show the dialog (window-modal, not blocking) over `skills`, searched by name."""
        if not self._index:
            self._index = [(s.label.casefold(), s) for s in skills if s.kind in SEARCH_KINDS]
        self.intro.setText(intro)
        self.search.clear()
        self.note.clear()
        show_message(self.error, "")
        self._search("")
        self.open()
        self.search.setFocus()

    def forget(self) -> None:
        """The wallet locked: clear what was typed and said about the learner's skills."""
        self.search.clear()
        self.note.clear()
        self.intro.clear()
        self.results.clear()

    def _search(self, text: str) -> None:
        self.results.clear()
        found = search_skills(self._index, text)
        for skill in found:
            kind = _(KIND_WORDS.get(skill.kind, KIND_WORDS["esco-skill"]))
            item = QListWidgetItem(f"{skill.label}\n{kind.capitalize()}")
            item.setData(ID_ROLE, skill.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{skill.label}, {kind}")
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        if len(text.strip()) < 2:
            self.count.setText(_("Type at least two letters."))
        elif not found:
            self.count.setText(_("No skill name holds “{text}”. Try a shorter or different word.").format(
                text=text.strip()))
        else:
            count = len(found)
            if count == MAX_RESULTS:
                text = _("{n} skills found (the first {n}; type more to narrow it down).")
            else:
                text = ngettext("{n} skill found.", "{n} skills found.", count)
            self.count.setText(text.format(n=count))
        self._update()

    def _enter_pressed(self) -> None:
        if self.results.currentItem() is not None:
            self._confirm()

    def _update(self) -> None:
        self.confirm.setEnabled(self.results.currentItem() is not None)

    def _confirm(self) -> None:
        item = self.results.currentItem()
        if item is None:
            show_message(self.error, _("Choose a skill from the list first."))
            return
        self.chosen.emit(str(item.data(ID_ROLE)), self.note.text().strip())
        self.accept()


class ChangesDialog(QDialog):
    """objectName 'hiddenSkillsDialog': hidden, corrected and added skills; `restore_requested(skill_id)`."""

    restore_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = modal_layout(self, "hiddenSkillsDialog", _("Hidden and changed skills"), 600, 460)
        layout.addWidget(label(_("Hidden and changed skills"), "heading"))
        layout.addWidget(label(_("Skills you hid, corrected or added yourself. Restore puts a skill back the way "
                               "the wallet found it in your records."), "muted"))
        self.changes = QListWidget()
        name(self.changes, "hiddenSkillList", _("Hidden and changed skills"))
        use_lines(self.changes, rest_colour=MUTED)
        layout.addWidget(self.changes, 1)
        self.note = message_label("hiddenSkillsNote", role="note")
        layout.addWidget(self.note)
        self.restore = button(_("Restore"), "restoreSkillButton", _("Restore the chosen skill"))
        self.close_button = button(_("Close"), "hiddenSkillsClose", _("Close"), primary=True)
        footer_row(layout, self.restore, self.close_button)
        self.close_button.clicked.connect(self.accept)
        self.restore.clicked.connect(self._restore)
        self.changes.currentItemChanged.connect(lambda _item, _old: self._update())
        self._busy = False
        self._update()

    def set_changes(self, changes: list[tuple[str, str, str]]) -> None:
        """(skill id, first line, second line) for each change."""
        self.changes.clear()
        for skill_id, first, second in changes:
            item = QListWidgetItem(f"{first}\n{second}")
            item.setData(ID_ROLE, skill_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{first}. {second}")
            self.changes.addItem(item)
        if not changes:
            empty = QListWidgetItem(_("Nothing hidden or changed.\nEvery skill is shown as found in your records."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.changes.addItem(empty)
        else:
            self.changes.setCurrentRow(0)
        self._update()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update()

    def set_note(self, text: str) -> None:
        show_message(self.note, text)

    def forget(self) -> None:
        """The wallet locked: nothing of the learner's stays in the dialog."""
        self.changes.clear()
        self.set_note("")

    def _update(self) -> None:
        item = self.changes.currentItem()
        self.restore.setEnabled(not self._busy and item is not None and bool(item.data(ID_ROLE)))

    def _restore(self) -> None:
        item = self.changes.currentItem()
        if item is not None and item.data(ID_ROLE):
            self.restore_requested.emit(str(item.data(ID_ROLE)))

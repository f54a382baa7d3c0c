"""The answer to "how do my records fit this posting?": the explanation first, then the likely kinds of job,
then every skill the posting asks for and every skill usual for that kind of job, each covered (✓), partly
covered (~) or missing (✗), with the records that show it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidgetItem, QScrollArea, QVBoxLayout, QWidget

from ui.pages.skill_parts import DATA_ROLE, add_item, button_row, fitted_lines_list
from ui.skill_looks import COVERAGE_LOOKS, SOURCE_HEADINGS, coverage_look
from ui.status import TONE_COLOURS
from ui.style import ACCENT_DARK
from ui.widgets import button, label, name, plain_tip, selectable
from wallet.api import MATCH_SCORE_BASIS, N_, MatchResult, SkillMatch, _, ngettext

EMPTY = N_("Paste a job posting on the left (or open a file) and press Match. The wallet compares the skills it "
           "asks for with the skills your records show. Nothing leaves this computer.")


def skill_lines(skill: SkillMatch, title: Callable[[str], str]) -> list[str]:
    """'✓ You show it: operate forklift' / 'Shown by: Certified Forklift Operator, Warehouse Associate'."""
    look = coverage_look(skill.coverage.coverage)
    lines = [_("{look}: {skill}").format(look=look.text, skill=skill.label)]
    records = [title(r) for r in skill.coverage.evidence]
    via = skill.coverage.via
    if skill.coverage.coverage == "covered":
        lines.append(_("Shown by: {records}").format(records=", ".join(records)))
    elif via is not None and records:
        lines.append(_("You have “{skill}”, {how} (shown by {records}).").format(
            skill=via.label, how=_(via.how), records=", ".join(records)))
    elif via is not None:
        lines.append(_("You have “{skill}”, {how}.").format(skill=via.label, how=_(via.how)))
    else:
        lines.append(_("No record shows it yet."))
    if skill.matched_text:
        lines.append(_("The posting says: “{words}”").format(words=skill.matched_text))
    return lines


def counts_line(skills: list[SkillMatch]) -> str:
    """'11 skills: 1 ✓ shown, 2 ~ partly, 8 ✗ missing'."""
    counts = {c: sum(1 for s in skills if s.coverage.coverage == c) for c in COVERAGE_LOOKS}
    return ngettext("{n} skill: {shown} ✓ shown, {partly} ~ partly, {missing} ✗ missing",
                    "{n} skills: {shown} ✓ shown, {partly} ~ partly, {missing} ✗ missing", len(skills)).format(
        n=len(skills), shown=counts["covered"], partly=counts["partial"], missing=counts["missing"])


class MatchResults(QScrollArea):
    """objectName 'matchResults'. `create_view` asks for a view for this posting; `open_record(id)`.

    Everything scrolls together (the skills list is as tall as its items), so a small window cuts nothing off."""

    create_view = Signal()
    open_record = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name(self, "matchResults", _("How your records fit the posting"))
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("matchBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        self.title = selectable(label(object_name="matchTitle"))
        self.title.setProperty("role", "subheading")
        self.explanation = selectable(label(_(EMPTY), object_name="matchExplanation"))
        self.score = selectable(label(role="muted", object_name="matchScore"))
        self.occupations = selectable(label(object_name="matchOccupations"))
        self.create_button = button(_("Make a view for this…"), "createViewButton",
                                    _("Make a view for this posting"), primary=True)
        self.create_button.setAccessibleDescription(
            _("Saves a view with the records and skills that fit this posting; you can change it before sharing."))
        self.skills = fitted_lines_list("matchSkills", _("Skills the posting asks for"),
                                        _("Likely kinds of job, then each skill: shown, partly or missing, with the "
                                          "records that show it. Press Enter on a skill to open its first record."))
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.score)
        layout.addWidget(self.occupations)
        layout.addLayout(button_row(self.create_button))
        layout.addWidget(self.skills)
        layout.addStretch(1)
        self.setWidget(body)
        self.create_button.clicked.connect(self.create_view)
        self.skills.itemActivated.connect(self._activated)
        self.skills.currentRowChanged.connect(self._keep_in_sight)
        self.result: MatchResult | None = None
        self.clear()

    def clear(self, text: str = "") -> None:
        text = text or _(EMPTY)
        self.result = None
        self.title.setText("")
        self.title.hide()
        self.explanation.setText(text)
        self.score.hide()
        self.occupations.hide()
        self.create_button.hide()
        self.skills.clear()
        self.skills.hide()
        self.setAccessibleDescription(text)

    def show_result(self, result: MatchResult, titles: dict[str, str]) -> None:
        self.result = result

        def title(record_id: str) -> str:
            return titles.get(record_id, _("a record no longer in the wallet"))

        self.title.setText(result.title or _("This posting"))
        self.title.show()
        self.explanation.setText(result.explanation)
        percent = round(result.score * 100)
        self.score.setText(_("Match score: {percent}% (how much of what it asks for your records show).").format(
            percent=percent))
        basis = _(MATCH_SCORE_BASIS)
        self.score.setToolTip(basis)
        self.score.setAccessibleDescription(basis)
        self.score.show()
        occupations = result.occupations
        names = [o.label for o in occupations]
        self.occupations.setText(_("Likely kind of job: {jobs}.").format(jobs="; ".join(names)) if names else "")
        why = "\n".join(_("{job}: {why}").format(job=o.label, why=o.why) for o in occupations)
        self.occupations.setToolTip(plain_tip(why))  # the reasons may quote the posting: escaped
        self.occupations.setAccessibleDescription(why)
        self.occupations.setVisible(bool(names))
        self.create_button.show()
        self.skills.clear()
        for source, heading in SOURCE_HEADINGS.items():
            group = result.by_source(source)
            if not group:
                continue
            self._heading(_("{heading} — {counts}").format(heading=heading, counts=counts_line(group)))
            order = {c: n for n, c in enumerate(COVERAGE_LOOKS)}
            for skill in sorted(group, key=lambda s: order.get(s.coverage.coverage, 3)):
                item = add_item(self.skills, skill_lines(skill, title), next(iter(skill.coverage.evidence), None))
                ink = TONE_COLOURS[coverage_look(skill.coverage.coverage).tone][1]
                item.setForeground(QBrush(QColor(ink)))
        self.skills.show()
        self.skills.fit()
        self.verticalScrollBar().setValue(0)
        self.setAccessibleDescription(self.plain_text())

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, _("Heading: {text}").format(text=text))

        item.setForeground(QBrush(QColor(ACCENT_DARK)))
        self.skills.addItem(item)

    def plain_text(self) -> str:
        """Everything shown, as lines a screen reader (or a test) reads in order."""
        lines = [self.title.text(), self.explanation.text(), self.score.text() if self.result else "",
                 self.occupations.toolTip() if self.result else ""]
        lines += [self.skills.item(n).text().replace("\n", ". ") for n in range(self.skills.count())]
        return "\n".join(line for line in lines if line)

    def _keep_in_sight(self, row: int) -> None:
        """Arrowing through the skills scrolls the page to the chosen one."""
        item = self.skills.item(row)
        body = self.widget()
        if item is None or body is None:
            return
        rect = self.skills.visualItemRect(item)
        middle = self.skills.viewport().mapTo(body, rect.center())
        self.ensureVisible(middle.x(), middle.y(), 0, rect.height() // 2 + 12)

    def _activated(self, item: QListWidgetItem) -> None:
        record_id = item.data(DATA_ROLE)
        if record_id:
            self.open_record.emit(str(record_id))

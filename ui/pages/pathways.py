"""Pathways: where the learner's skills (or a job they name) can lead — moves up (more preparation),
sideways and down, each with what they already have, what is missing and the typical education. Many
possible moves, not one ladder."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCompleter,
    QHBoxLayout,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.pages.skill_parts import DATA_ROLE, StatusLine, add_item, lines_list, page_body, taxonomy_note
from ui.skill_looks import direction_look
from ui.skills_context import READING, SkillsContext
from ui.widgets import button, label, line_edit, name, selectable
from ui.worker import Failed
from wallet.api import N_, Pathway, _, and_list, ngettext

INTRO = N_("Possible next moves, not one ladder: ↑ a step up needs more preparation, → sideways about the same, "
           "↓ a step down less. Each says which of its usual skills your records already show and what is missing.")
NOTHING = N_("Choose a move on the left to see all of it.")
NO_MOVES_FROM_SKILLS = N_("No pathways yet: add credentials or describe your experience on the Records page, so the "
                          "wallet knows your skills.")


def have_words(path: Pathway) -> str:
    shared = path.shared
    total = path.total_skills
    if not total:
        return _("Its usual skills are not listed in the skills data.")
    names = and_list([s.label for s in shared], 3)
    values = {"n": len(shared), "total": total, "skills": names}
    if path.overlap_basis == "profile":
        if shared:
            return _("You already have {n} of its {total} usual skills: {skills}.").format(**values)
        return ngettext("You already have {n} of its {total} usual skill.",
                        "You already have {n} of its {total} usual skills.", total).format(**values)
    if shared:
        return _("The job you named gives {n} of its {total} usual skills: {skills}.").format(**values)
    return ngettext("The job you named gives {n} of its {total} usual skill.",
                    "The job you named gives {n} of its {total} usual skills.", total).format(**values)


def missing_words(path: Pathway) -> str:
    missing = path.missing
    if not missing:
        return _("Nothing missing from its usual skills.")
    count = path.missing_count or len(missing)
    return _("Missing ({count}): {skills}.").format(count=count, skills=and_list([s.label for s in missing], 3))


def education_words(path: Pathway) -> str:
    parts = [path.education] if path.education else []
    if path.job_zone and path.job_zone_name:
        parts.append(_("job zone {zone}: {name}").format(zone=path.job_zone, name=path.job_zone_name))
    elif path.job_zone:
        parts.append(_("job zone {zone}").format(zone=path.job_zone))
    if not parts:
        return _("Typical education: not known.")
    return _("Typical education: {education}").format(education="; ".join(parts))


def path_lines(path: Pathway) -> list[str]:
    look = direction_look(path.direction)
    if path.kind == "nearly-covered":
        first = _("{look}: {job} (fits your records)").format(look=look.text, job=path.to_label)
    else:
        first = _("{look}: {job}").format(look=look.text, job=path.to_label)
    return [first, have_words(path), missing_words(path), education_words(path)]


class PathwaysPage(QWidget):
    """objectName 'pathwaysPage'."""

    def __init__(self, context: SkillsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._shown_for: str | None = None
        self._completer_ready = False
        self._completer_asked = False
        layout = page_body(self, "pathwaysPage", _("Pathways"))
        layout.addWidget(label(_("Where your skills can lead"), "heading", object_name="pathwaysTitle"))
        layout.addWidget(label(_(INTRO), "muted", object_name="pathwaysIntro"))
        note = taxonomy_note()
        if note is not None:
            layout.addWidget(note)

        self.from_skills = QRadioButton(_("From my skills"))
        name(self.from_skills, "fromSkillsChoice", _("Pathways from my skills"))
        self.from_job = QRadioButton(_("From a job:"))
        name(self.from_job, "fromOccupationChoice", _("Pathways from a job I name"))
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.from_skills)
        self.choice.addButton(self.from_job)
        self.from_skills.setChecked(True)
        self.occupation = line_edit("fromOccupation", _("Job title or O*NET code"),
                                    placeholder=_("A job title, or an O*NET code such as 53-7051.00"))
        self.occupation.setAccessibleDescription(_("For example “Industrial Truck and Tractor Operators”."))
        self.show_button = button(_("Show moves"), "showPathwaysButton", _("Show the moves"), primary=True)
        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.from_skills)
        row.addWidget(self.from_job)
        row.addWidget(self.occupation, 1)
        row.addWidget(self.show_button)
        layout.addLayout(row)
        self.status = StatusLine("pathwaysStatus")
        layout.addWidget(self.status)

        self.list = lines_list("pathwayList", _("Possible moves"),
                               _("Each move: its direction, the skills you already have, what is missing, and the "
                                 "typical education."))
        self.detail = QScrollArea()
        name(self.detail, "pathwayDetail", _("The chosen move"))
        self.detail.setWidgetResizable(True)
        self.detail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        body = QWidget()
        body.setObjectName("pathwayDetailBody")
        detail_layout = QVBoxLayout(body)
        detail_layout.setContentsMargins(16, 14, 16, 14)
        detail_layout.setSpacing(8)
        self.detail_title = selectable(label(object_name="pathwayTitle"))
        self.detail_title.setProperty("role", "subheading")
        self.detail_text = selectable(label(_(NOTHING), object_name="pathwayText"))
        self.detail_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_text)
        detail_layout.addStretch(1)
        self.detail.setWidget(body)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setSizes([560, 440])
        layout.addWidget(splitter, 1)

        self.show_button.clicked.connect(self.show_moves)
        self.occupation.returnPressed.connect(self.show_moves)
        self.occupation.textEdited.connect(lambda text: self.from_job.setChecked(True) if text else None)
        self.from_skills.toggled.connect(self._choice_changed)
        self.list.currentItemChanged.connect(lambda _item, _old: self._show_detail())

    # -- page protocol ----------------------------------------------------------------------------------
    def enter(self) -> None:
        self._add_completer()
        if self._shown_for is None:
            self.show_moves()

    def leave(self) -> None:
        self.list.clear()
        self.occupation.clear()
        self.from_skills.blockSignals(True)
        self.from_skills.setChecked(True)
        self.from_skills.blockSignals(False)
        self.status.clear()
        self._shown_for = None
        self._show_detail()

    def focusables(self) -> list[QWidget]:
        return [self.from_skills, self.from_job, self.occupation, self.show_button, self.list, self.detail]

    # -- behaviour --------------------------------------------------------------------------------------
    def _choice_changed(self, from_skills: bool) -> None:
        if from_skills:
            self.show_moves()

    def show_moves(self) -> None:
        wanted = self.occupation.text().strip() if self.from_job.isChecked() else ""
        if self.from_job.isChecked() and not wanted:
            self.status.set(_("Type a job title or an O*NET code first."), error=True)
            self.occupation.setFocus()
            return
        waiting = _(READING) if self.context.profile is None else _("Finding moves…")

        def done(result: Any) -> None:
            self.show_button.setEnabled(True)
            if isinstance(result, Failed):
                self.status.set(result.message, error=True)
                return
            self._shown_for = wanted
            self._fill(result, wanted)

        if self.context.run(lambda s: s.skills.pathways(wanted or None), done):
            self.show_button.setEnabled(False)
            self.status.set(waiting, busy=True)

    def _fill(self, paths: list[Pathway], wanted: str) -> None:
        self.list.clear()
        for path in paths:
            lines = path_lines(path)
            add_item(self.list, lines, path)
        if not paths:
            add_item(self.list, [_(NO_MOVES_FROM_SKILLS) if not wanted
                                 else _("No moves are known from “{job}”.").format(job=wanted)], enabled=False)
        count = len(paths)
        if wanted:
            found = ngettext("{n} possible move from “{job}”.", "{n} possible moves from “{job}”.", count)
        else:
            found = ngettext("{n} possible move from your skills.", "{n} possible moves from your skills.", count)
        self.status.set(found.format(n=count, job=wanted))
        if paths:
            self.list.setCurrentRow(0)
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.list.currentItem()
        path = item.data(DATA_ROLE) if item is not None else None
        if not isinstance(path, Pathway):
            self.detail_title.setText("")
            self.detail_text.setText(_(NOTHING) if self.list.count() else "")
            return
        look = direction_look(path.direction)
        self.detail_title.setText(_("{look}: {job}").format(look=look.text, job=path.to_label))
        shared = path.shared
        missing = path.missing
        mine = path.overlap_basis == "profile"
        heading = _("What you already have:") if mine else _("What the job you named already gives you:")
        lines = [path.why, "", heading if shared else have_words(path)]
        if shared:
            lines += [f"  ✓ {s.label}" if s.coverage == "covered"
                      else "  ~ " + _("{skill} (you have {near})").format(
                          skill=s.label, near=s.via or _("a skill next to it")) for s in shared[:8]]
            if len(shared) > 8:
                lines.append("  " + _("and {n} more").format(n=len(shared) - 8))
        count = path.missing_count or len(missing)
        lines += ["", _("Missing ({count}):").format(count=count) if missing else missing_words(path)]
        lines += [f"  ✗ {s.label}" for s in missing]
        more = count - len(missing)
        if more > 0:
            lines.append("  " + _("and {n} more").format(n=more))
        if path.raise_levels:
            lines += ["", _("Asks a higher level of: {skills}.").format(
                skills=and_list([g.label for g in path.raise_levels], 3))]
        lines += ["", education_words(path)]
        self.detail_text.setText("\n".join(lines).strip())
        self.detail.setAccessibleDescription(f"{self.detail_title.text()}\n{self.detail_text.text()}")

    def _add_completer(self) -> None:
        """Suggest job titles as the learner types (ESCO and O*NET titles from the skills data, read once)."""
        if self._completer_ready or self._completer_asked:
            return
        self._completer_asked = True

        def done(result: Any) -> None:
            self._completer_asked = False
            if isinstance(result, Failed) or self._completer_ready:
                return
            self._completer_ready = True
            completer = QCompleter(QStringListModel(result, self), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            popup = completer.popup()
            if popup is not None:
                name(popup, "occupationSuggestions", _("Suggested job titles"))

            self.occupation.setCompleter(completer)

        self.context.run(lambda s: s.skills.occupation_titles(), done)

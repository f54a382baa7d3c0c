"""Skills: every skill the learner's records show, strongest evidence first; choosing one shows which records
show it and with which words. The learner can add a skill, hide one, say a recognised skill is wrong (and
which one was meant), and restore what they changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from ui.dialogs.skill_dialogs import SEARCH_KINDS, ChangesDialog, SkillPickerDialog
from ui.pages.skill_parts import (
    DATA_ROLE,
    StatusLine,
    add_item,
    button_row,
    lines_list,
    page_body,
    panel,
    taxonomy_note,
)
from ui.skill_looks import (
    STILL_VALID,
    STRENGTH_INTRO,
    STRENGTH_LOOKS,
    STRENGTH_MEANINGS,
    STRENGTH_SHORT,
    how_words,
    month_year,
    strength_look,
)
from ui.skills_context import READING, SkillsContext
from ui.widgets import FlowLayout, button, label, pill, selectable
from ui.worker import Failed
from wallet.api import N_, STRENGTH_WORDS, ProfileSkill, Session, _, ngettext

NOTHING_CHOSEN = N_("Choose a skill on the left to see which records show it.")
NO_SKILLS = N_("No skills yet. Add credentials or describe your experience on the Records page, or add a skill "
               "yourself with “Add a skill…”.")


def records_count(count: int) -> str:
    """'1 record' / '3 records' in the app's language."""
    return ngettext("{n} record", "{n} records", count).format(n=count)


def skill_lines(skill: ProfileSkill) -> list[str]:
    """'operate forklift' / '✓ Verified · 2 records · last seen December 2022'."""
    parts = [strength_look(skill.strength).text, records_count(len(skill.record_ids))]
    seen = month_year(skill.last_seen)
    if seen:
        parts.append(seen if seen == _(STILL_VALID) else _("last seen {date}").format(date=seen))
    if skill.added_by_learner:
        parts.append(_("added by you"))
    return [skill.label, " · ".join(parts)]


class SkillsPage(QWidget):
    """objectName 'skillsPage'. `open_record(record_id)` asks the window to show a record."""

    open_record = Signal(str)

    def __init__(self, context: SkillsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._selected: str | None = None
        layout = page_body(self, "skillsPage", _("Skills"))
        layout.addWidget(label(_("Your skills"), "heading", object_name="skillsTitle"))
        note = taxonomy_note()
        if note is not None:
            layout.addWidget(note)
        layout.addWidget(self._legend())

        self.add_button = button(_("Add a skill…"), "addSkillButton", _("Add a skill"))
        self.add_button.setAccessibleDescription(_("Search the list of skills and add one your records do not show."))
        self.hide_button = button(_("Hide"), "hideSkillButton", _("Hide the chosen skill"))
        self.hide_button.setAccessibleDescription(_("Hidden skills are left out of matches and views; "
                                                    "“Show hidden…” brings them back."))
        self.wrong_button = button(_("This is wrong…"), "correctSkillButton",
                                   _("This skill is wrong: choose the right one"))
        self.hidden_button = button(_("Show hidden…"), "showHiddenButton", _("Show hidden and changed skills"))
        self.count = label(role="muted", wrap=False, object_name="skillCount")
        row = button_row(self.add_button, self.hide_button, self.wrong_button, self.hidden_button)
        row.addWidget(self.count)
        layout.addLayout(row)
        self.status = StatusLine("skillsStatus")
        layout.addWidget(self.status)

        self.list = lines_list("skillList", _("Your skills"), _("Strongest evidence first."))
        self.evidence, ev_layout = panel("skillEvidence", _("Where this skill shows"))
        self.evidence_title = selectable(label(object_name="evidenceTitle"))
        self.evidence_title.setProperty("role", "subheading")
        self.evidence_summary = selectable(label(_(NOTHING_CHOSEN), "muted", object_name="evidenceSummary"))
        self.evidence_list = lines_list("evidenceList", _("Records that show this skill"),
                                        _("Press Enter on a record to open it."))
        self.open_button = button(_("Open record"), "openEvidenceButton", _("Open the chosen record"))
        title_row = QHBoxLayout()
        title_row.addWidget(self.evidence_title, 1)
        title_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        ev_layout.addLayout(title_row)
        ev_layout.addWidget(self.evidence_summary)
        ev_layout.addWidget(self.evidence_list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.addWidget(self.list)
        splitter.addWidget(self.evidence)
        splitter.setSizes([420, 580])
        layout.addWidget(splitter, 1)

        self.add_dialog = SkillPickerDialog("addSkillDialog", _("Add a skill"), _("Add this skill"), with_note=True,
                                            parent=self)
        self.correct_dialog = SkillPickerDialog("correctSkillDialog", _("This is wrong"), _("Use this skill instead"),
                                                with_note=False, parent=self)
        self.changes_dialog = ChangesDialog(self)

        self.list.currentItemChanged.connect(lambda _item, _old: self._show_evidence())
        self.evidence_list.itemActivated.connect(lambda _item: self._open_record())
        self.evidence_list.currentItemChanged.connect(lambda _item, _old: self._update_buttons())
        self.open_button.clicked.connect(self._open_record)
        self.add_button.clicked.connect(self._add)
        self.hide_button.clicked.connect(self._hide)
        self.wrong_button.clicked.connect(self._wrong)
        self.hidden_button.clicked.connect(self._show_changes)
        self.add_dialog.chosen.connect(self._added)
        self.correct_dialog.chosen.connect(self._corrected)
        self.changes_dialog.restore_requested.connect(self._restore)
        context.profile_loading.connect(self._loading)
        context.profile_ready.connect(self._draw)
        context.profile_failed.connect(lambda text: self.status.set(text, error=True))
        context.profile_stale.connect(self._stale)
        self._update_buttons()

    @staticmethod
    def _legend() -> QWidget:
        """'✓ Verified: signature checked' … in one line that wraps; the full meaning is each one's tooltip."""
        legend = QWidget()
        legend.setObjectName("strengthLegend")
        flow = FlowLayout(legend, spacing=8)
        intro = _(STRENGTH_INTRO)
        flow.addWidget(label(intro, "muted", wrap=False, object_name="strengthIntro"))
        spoken = [intro]
        for strength, look in STRENGTH_LOOKS.items():
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 6, 0)
            row.setSpacing(6)
            row.addWidget(pill(look, f"legend_{strength.replace('-', '_')}"))
            row.addWidget(label(STRENGTH_SHORT[strength], wrap=False))
            meaning = _("{strength}: {meaning}").format(strength=look.word, meaning=STRENGTH_MEANINGS[strength])
            pair.setToolTip(meaning)
            spoken.append(meaning)
            flow.addWidget(pair)
        legend.setAccessibleName(_("What the strengths mean"))
        legend.setAccessibleDescription(" ".join(spoken))
        return legend

    # -- page protocol (the workspace calls these) -------------------------------------------------
    def enter(self) -> None:
        self.context.ensure_profile()

    def leave(self) -> None:
        for dialog in (self.add_dialog, self.correct_dialog, self.changes_dialog):
            dialog.reject()
            dialog.forget()
        self.list.clear()
        self._selected = None
        self.count.clear()
        self.status.clear()
        self._show_evidence()

    def focusables(self) -> list[QWidget]:
        return [self.add_button, self.hide_button, self.wrong_button, self.hidden_button, self.list,
                self.evidence_list, self.open_button]

    def _stale(self) -> None:
        if self.isVisible():
            self.context.ensure_profile()

    # -- drawing ------------------------------------------------------------------------------------
    def _loading(self) -> None:
        self.status.set(_(READING), busy=True)
        self._update_buttons()

    def _draw(self) -> None:
        profile = self.context.profile
        if profile is None:
            return
        self.status.clear()
        if self._after:
            self.status.set(self._after, error=self._after_failed)
            self._after, self._after_failed = "", False
        keep = self._selected
        self.list.blockSignals(True)
        self.list.clear()
        skills = profile.ordered()
        for skill in skills:
            lines = skill_lines(skill)
            add_item(self.list, lines, skill, spoken=f"{lines[0]}. {lines[1].replace(' · ', '. ')}")
        if not skills:
            add_item(self.list, [_(NO_SKILLS)], enabled=False)
        self.list.blockSignals(False)
        ids = [s.skill_id for s in skills]
        self.count.setText(ngettext("{n} skill", "{n} skills", len(skills)).format(n=len(skills)))
        if skills:
            self.list.setCurrentRow(ids.index(keep) if keep in ids else 0)
        self._show_evidence()

    def current(self) -> ProfileSkill | None:
        item = self.list.currentItem()
        skill = item.data(DATA_ROLE) if item is not None else None
        return skill if isinstance(skill, ProfileSkill) else None

    def _show_evidence(self) -> None:
        skill = self.current()
        self.evidence_list.clear()
        if skill is None:
            self._selected = None
            self.evidence_title.setText("")
            self.evidence_summary.setText(_(NOTHING_CHOSEN) if self.context.profile else "")
            self.evidence.setAccessibleDescription(_(NOTHING_CHOSEN))
            self._update_buttons()
            return
        self._selected = skill.skill_id
        self.evidence_title.setText(skill.label)
        look = strength_look(skill.strength)
        count = len(skill.record_ids)
        if count:
            sentence = ngettext("{look}. Shown by {n} record; the strongest is {strength}.",
                                "{look}. Shown by {n} records; the strongest is {strength}.", count).format(
                look=look.text, n=count, strength=_(STRENGTH_WORDS[skill.strength]))
        else:
            sentence = _("{look}. No record shows it yet.").format(look=look.text)
        if skill.added_by_learner:
            sentence += " " + (_("You added this skill yourself: “{note}”.").format(note=skill.note) if skill.note
                               else _("You added this skill yourself."))
        self.evidence_summary.setText(sentence)
        by_record: dict[str, list[Any]] = {}
        for item in skill.evidence:
            by_record.setdefault(item.record_id, []).append(item)
        for record_id, items in by_record.items():
            first = items[0]
            hows = "; ".join(dict.fromkeys(how_words(e.how, e.words) for e in items))
            when = month_year(first.when)
            lines = [first.record_title, f"{strength_look(first.strength).text} · {hows}" + (
                f" · {when}" if when else "")]
            add_item(self.evidence_list, lines, record_id)
        if by_record:
            self.evidence_list.setCurrentRow(0)
        text = "\n".join([skill.label, sentence, *(
            self.evidence_list.item(n).text().replace("\n", ": ") for n in range(self.evidence_list.count()))])
        self.evidence.setAccessibleDescription(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.context.profile is not None and not self.context.loading
        skill = self.current()
        self.add_button.setEnabled(ready)
        self.hidden_button.setEnabled(ready)
        self.hide_button.setEnabled(ready and skill is not None)
        self.wrong_button.setEnabled(ready and skill is not None and bool(skill.evidence))
        removes = skill is not None and skill.added_by_learner and not skill.evidence
        self.hide_button.setText(_("Remove") if removes else _("Hide"))
        self.hide_button.setAccessibleName(_("Remove the skill you added") if removes else _("Hide the chosen skill"))
        self.open_button.setEnabled(self.evidence_list.currentItem() is not None)

    def _open_record(self) -> None:
        item = self.evidence_list.currentItem()
        if item is not None and item.data(DATA_ROLE):
            self.open_record.emit(str(item.data(DATA_ROLE)))

    # -- changes ------------------------------------------------------------------------------------
    def _change(self, call: Any, done_text: Any) -> None:
        """Run a correction, then show `done_text(result)` (or the failure) under the buttons."""
        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self._after, self._after_failed = result.message, True
            else:
                self._after = done_text(result)

        self.context.change(call, done)

    _after = ""
    _after_failed = False
    """What the last change did, said under the buttons once the profile is drawn again."""

    def _add(self) -> None:
        pack = self.context.pack
        if pack is not None:
            self.add_dialog.start(pack.skills(SEARCH_KINDS), _("Search the skills list (ESCO and O*NET). A skill you "
                                                               "add yourself is marked as self-asserted."))

    def _added(self, skill_id: str, note: str) -> None:
        self._selected = skill_id
        label_text = self.context.skill_label(skill_id)
        self._change(lambda s: s.skills.add_skill(skill_id, note),
                     lambda _r: _("Added “{skill}”. It is marked as self-asserted.").format(skill=label_text))

    def _hide(self) -> None:
        skill = self.current()
        if skill is None:
            return
        skill_id, text = skill.skill_id, skill.label
        if skill.added_by_learner and not skill.evidence:
            self._change(lambda s: s.skills.restore_skill(skill_id),
                         lambda _r: _("Removed “{skill}”.").format(skill=text))
        else:
            self._change(lambda s: s.skills.hide_skill(skill_id),
                         lambda _r: _("Hid “{skill}”. “Show hidden…” brings it back.").format(skill=text))

    def _wrong(self) -> None:
        skill = self.current()
        pack = self.context.pack
        if skill is None or pack is None:
            return
        first = skill.evidence[0]
        if first.how != "alignment":
            found = _("The wallet found “{skill}” from the words “{words}” in “{record}”. Which skill did you "
                      "mean? From now on the wallet shows that one instead.").format(
                skill=skill.label, words=first.words, record=first.record_title)
        else:
            found = _("The wallet found “{skill}” because “{record}” links to it. Which skill did you mean? From "
                      "now on the wallet shows that one instead.").format(skill=skill.label,
                                                                          record=first.record_title)
        self.correct_dialog.start(pack.skills(SEARCH_KINDS), found)

    def _corrected(self, right_id: str, _note: str) -> None:
        skill = self.current()
        if skill is None:
            return
        wrong_id, wrong = skill.skill_id, skill.label
        right = self.context.skill_label(right_id)
        self._selected = right_id
        self._change(lambda s: s.skills.correct_skill(wrong_id, right_id),
                     lambda _r: _("“{wrong}” is now shown as “{right}”.").format(wrong=wrong, right=right))

    def _show_changes(self) -> None:
        self.changes_dialog.set_note("")
        self.changes_dialog.set_changes([])
        self.changes_dialog.set_busy(True)
        self.changes_dialog.open()
        self.context.run(_read_changes, self._changes_read)

    def _changes_read(self, result: Any) -> None:
        self.changes_dialog.set_busy(False)
        if isinstance(result, Failed):
            self.changes_dialog.set_note(result.message)
            return
        label_of = self.context.skill_label
        rows: list[tuple[str, str, str]] = []
        for skill_id in sorted(result.hidden, key=lambda s: label_of(s).lower()):
            rows.append((skill_id, label_of(skill_id), _("Hidden by you")))
        for wrong, right in sorted(result.renamed.items(), key=lambda kv: label_of(kv[0]).lower()):
            rows.append((wrong, label_of(wrong), _("Corrected by you: shown as “{skill}”").format(
                skill=label_of(right))))
        for skill_id, note in sorted(result.added.items(), key=lambda kv: label_of(kv[0]).lower()):
            rows.append((skill_id, label_of(skill_id), _("Added by you: “{note}”").format(note=note) if note
                         else _("Added by you")))
        self.changes_dialog.set_changes(rows)

    def _restore(self, skill_id: str) -> None:
        text = self.context.skill_label(skill_id)
        self.changes_dialog.set_busy(True)

        def done(result: Any) -> None:
            if isinstance(result, Failed):
                self.changes_dialog.set_busy(False)
                self.changes_dialog.set_note(result.message)
                return
            self.changes_dialog.set_note(_("Restored “{skill}”.").format(skill=text))
            self._after = _("Restored “{skill}”.").format(skill=text)
            self.context.run(_read_changes, self._changes_read)

        self._selected = skill_id
        self.context.change(lambda s: s.skills.restore_skill(skill_id), done)


def _read_changes(session: Session) -> Any:
    return session.skills.overrides()

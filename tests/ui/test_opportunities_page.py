"""The opportunities page on the demo wallet: matching a posting, saved views, credit for prior learning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, find
from tests.ui.skill_helpers import choose, first_lines, go_to, lines, wait_idle
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

POSTING = Path(__file__).resolve().parents[1] / "fixtures" / "postings" / "14-forklift-operator-2nd-shift.json"
OUTCOMES = """Learning outcomes
1. Operate a forklift safely in a warehouse
2. Provide first aid and CPR in an emergency
3. Apply statistical process control to a production line
"""


def matched(qtbot: QtBot, window: MainWindow) -> QListWidget:
    """Paste the forklift posting, press Match and wait for the answer."""
    go_to(qtbot, window, "Opportunities")
    find(window, QPlainTextEdit, "postingBox").setPlainText(json.loads(POSTING.read_text("utf-8"))["text"])
    click(qtbot, find(window, QPushButton, "matchButton"))
    wait_idle(qtbot, window)
    return find(window, QListWidget, "matchSkills")


def test_match_a_posting_explains_first_then_shows_each_skill(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The explanation comes first; skills are grouped by where they come from, each ✓, ~ or ✗ with its records."""
    skills = matched(qtbot, unlocked_demo)
    results = find(unlocked_demo, QScrollArea, "matchResults")
    explanation = find(results, QLabel, "matchExplanation").text()
    assert explanation.startswith("You show 1 of the ") and "Strongest: operate forklift" in explanation
    assert "forklift operator" in find(results, QLabel, "matchOccupations").text()
    assert find(results, QLabel, "matchScore").text().startswith("Match score: ")
    rows = lines(skills)
    headings = [r for r in rows if " — " in r and "skills:" in r]
    assert headings[0].startswith("The posting asks for — ")
    assert headings[1].startswith("Essential for this kind of job — ")
    assert any(r.startswith("✓ You show it: operate forklift | Shown by: ") and "Certified Forklift Operator" in r
               for r in rows)
    assert any(r.startswith("~ Partly: conduct forklift inspections | You have “operate forklift”") for r in rows)
    assert "✗ Missing: unload cargo | No record shows it yet. | The posting says: “Unload cargo”" in rows
    assert results.accessibleDescription().startswith("Forklift Operator")


def test_matching_nothing_says_what_to_do(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Match with an empty box asks for a posting instead of running."""
    go_to(qtbot, unlocked_demo, "Opportunities")
    click(qtbot, find(unlocked_demo, QPushButton, "matchButton"))
    assert find(unlocked_demo, QLabel, "matchStatus").text() == "Paste a job posting first, or open a file."
    wait_idle(qtbot, unlocked_demo)


def test_make_a_view_edit_it_duplicate_and_delete(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A view made from the match opens in the editor; its statement, records and order can be changed and saved;
    it can be duplicated and deleted."""
    matched(qtbot, unlocked_demo)
    click(qtbot, find(unlocked_demo, QPushButton, "createViewButton"))
    dialog = find(unlocked_demo, QDialog, "newViewDialog")
    name = find(dialog, QLineEdit, "newViewName")
    assert name.text().startswith("Forklift Operator")
    name.clear()
    qtbot.keyClicks(name, "Harbor Point forklift job")
    click(qtbot, find(dialog, QPushButton, "newViewConfirm"))
    wait_idle(qtbot, unlocked_demo)
    assert find(unlocked_demo, QTabWidget, "opportunityTabs").currentIndex() == 1
    views = find(unlocked_demo, QListWidget, "viewList")
    assert first_lines(views) == ["Harbor Point forklift job"]
    editor = unlocked_demo.workspace.opportunities.editor
    assert editor.isVisible() and find(editor, QLineEdit, "viewName").text() == "Harbor Point forklift job"
    before = editor.plain()
    assert before["record_ids"] and before["skill_ids"][0].endswith("28cb374e-6261-4133-8371-f9a5470145da")

    statement = find(editor, QPlainTextEdit, "viewStatement")
    statement.selectAll()
    qtbot.keyClicks(statement, "I have driven forklifts for four years.")
    records = find(editor, QListWidget, "viewRecords")
    records.item(0).setCheckState(Qt.CheckState.Unchecked)
    skills = find(editor, QListWidget, "viewSkills")
    skills.item(1).setCheckState(Qt.CheckState.Checked)  # suggested: only what the posting names and you show
    ticked = editor.plain()["skill_ids"]
    skills.setCurrentRow(0)
    click(qtbot, find(editor, QPushButton, "viewSkillDown"))
    assert find(editor, QLabel, "viewSaved").text() == "Not saved yet."
    click(qtbot, find(editor, QPushButton, "saveViewButton"))
    wait_idle(qtbot, unlocked_demo)
    assert find(editor, QLabel, "viewSaved").text() == "Saved."
    session = unlocked_demo.flow.session
    assert session is not None
    saved = session.skills.views()[0]
    assert saved.statement == "I have driven forklifts for four years."
    assert saved.record_ids == before["record_ids"][1:]
    assert saved.skill_ids[:2] == [ticked[1], ticked[0]]

    click(qtbot, find(unlocked_demo, QPushButton, "duplicateViewButton"))
    wait_idle(qtbot, unlocked_demo)
    assert sorted(first_lines(views)) == ["Harbor Point forklift job", "Harbor Point forklift job (copy)"]
    assert find(editor, QLineEdit, "viewName").text() == "Harbor Point forklift job (copy)"

    choose(views, "Harbor Point forklift job (copy)")
    click(qtbot, find(unlocked_demo, QPushButton, "deleteViewButton"))
    confirm = find(unlocked_demo, QDialog, "deleteViewDialog")
    assert find(confirm, QLabel, "deleteViewQuestion").text() == "Delete the view “Harbor Point forklift job (copy)”?"
    click(qtbot, find(confirm, QPushButton, "confirmDeleteViewButton"))
    wait_idle(qtbot, unlocked_demo)
    assert first_lines(views) == ["Harbor Point forklift job"]
    assert not find(editor, QPushButton, "saveViewButton").isVisible()  # the deleted view left the editor
    assert [v.name for v in session.skills.views()] == ["Harbor Point forklift job"]


def test_credit_for_prior_learning_shows_evidence_and_gaps(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Each learning outcome is listed with its records, or with "No evidence yet"."""
    go_to(qtbot, unlocked_demo, "Opportunities")
    find(unlocked_demo, QTabWidget, "opportunityTabs").setCurrentIndex(2)
    panel = unlocked_demo.workspace.opportunities.cpl
    assert panel.isVisible() and panel.objectName() == "cplPanel"
    find(panel, QPlainTextEdit, "cplOutcomes").setPlainText(OUTCOMES)
    click(qtbot, find(panel, QPushButton, "cplButton"))
    wait_idle(qtbot, unlocked_demo)
    rows = lines(find(panel, QListWidget, "cplResults"))
    assert len(rows) == 3
    assert rows[0].startswith("✓ Evidence: 1. Operate a forklift safely in a warehouse | Records: ")
    assert "Certified Forklift Operator (trusted issuer)" in rows[0]
    assert rows[2] == ("✗ No evidence yet: 3. Apply statistical process control to a production line | "
                       "Your records do not yet show statistical process control.")
    assert "✗ no evidence yet" in find(panel, QLabel, "cplSummary").text()


def test_opening_a_posting_file_reads_it_as_the_command_line_does(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Open a file' fills the box from a text file and refuses an image with the core's sentence."""
    from PySide6.QtWidgets import QFileDialog

    text_file, image = tmp_path / "posting.txt", tmp_path / "posting.png"
    text_file.write_bytes("\ufeffForklift Operator\nOperate sit-down forklifts.".encode())
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    chosen: list[Path] = [image, text_file]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(chosen.pop(0)), ""))
    go_to(qtbot, unlocked_demo, "Opportunities")
    box = find(unlocked_demo, QPlainTextEdit, "postingBox")
    click(qtbot, find(unlocked_demo, QPushButton, "openPostingButton"))
    status = find(unlocked_demo, QLabel, "matchStatus").text()
    assert status == "The posting is an image (PNG), not text; save it as plain text and try again."
    assert box.toPlainText() == ""
    click(qtbot, find(unlocked_demo, QPushButton, "openPostingButton"))
    assert box.toPlainText() == "Forklift Operator\nOperate sit-down forklifts."
    wait_idle(qtbot, unlocked_demo)


def test_the_recogniser_is_readied_when_a_posting_is_given_not_before(
    qtbot: QtBot, unlocked_demo: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recogniser (~60 MiB) is not readied at unlock or by visiting pages: text in the posting box starts it."""
    from wallet.skills import warmup

    monkeypatch.setattr(warmup, "_threads", {})  # this process may have built it for earlier tests
    for section in ("Skills", "Opportunities", "Pathways", "Records", "Opportunities"):
        go_to(qtbot, unlocked_demo, section)
    assert "recogniser-warm-up" not in warmup._threads
    find(unlocked_demo, QPlainTextEdit, "postingBox").setPlainText("Forklift operator, 2nd shift")
    thread = warmup._threads["recogniser-warm-up"]
    thread.join(timeout=120)
    assert not thread.is_alive()

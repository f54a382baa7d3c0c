"""The pathways page, the About box, and what the skill pages do when the wallet locks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

import wallet
from tests.ui.helpers import click, find
from tests.ui.skill_helpers import go_to, lines, wait_idle
from ui.main_window import MainWindow
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

ARROWS = ("↑ Step up: ", "→ Sideways: ", "↓ Step down: ", "? Level not known: ")
POSTING = Path(__file__).resolve().parents[1] / "fixtures" / "postings" / "14-forklift-operator-2nd-shift.json"


def check_moves(moves: QListWidget) -> list[str]:
    """Every move has its direction as symbol and word, what you have, what is missing, and the education."""
    rows = lines(moves)
    assert rows
    for row in rows:
        first, have, missing, education = row.split(" | ")
        assert first.startswith(ARROWS), first
        assert "usual skills" in have or "not listed" in have
        assert missing.startswith(("Missing (", "Nothing missing"))
        assert education.startswith("Typical education: ")
    return rows


def test_pathways_from_my_skills(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """By default the page lists moves from the learner's skills, and the first one's details."""
    go_to(qtbot, unlocked_demo, "Pathways")
    assert find(unlocked_demo, QRadioButton, "fromSkillsChoice").isChecked()
    wait_idle(qtbot, unlocked_demo)
    rows = check_moves(find(unlocked_demo, QListWidget, "pathwayList"))
    assert "(fits your records)" in rows[0]
    assert find(unlocked_demo, QLabel, "pathwaysStatus").text() == f"{len(rows)} possible moves from your skills."
    detail = find(unlocked_demo, QLabel, "pathwayText").text()
    assert "What you already have:" in detail and "Typical education: " in detail


def without_suggestions(box: QLineEdit) -> QLineEdit:
    """The offscreen platform cannot raise the suggestions popup (it warns), so typing tests go without it."""
    box.setCompleter(None)
    return box


def test_the_job_box_suggests_titles(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Typing part of a job title offers the titles that hold it, in any case."""
    go_to(qtbot, unlocked_demo, "Pathways")
    wait_idle(qtbot, unlocked_demo)
    completer = find(unlocked_demo, QLineEdit, "fromOccupation").completer()
    assert completer is not None
    completer.setCompletionPrefix("truck and tractor")
    found = [completer.completionModel().index(n, 0).data() for n in range(completer.completionCount())]
    assert "Industrial Truck and Tractor Operators" in found


@pytest.mark.parametrize("occupation", ["Industrial Truck and Tractor Operators", "53-7051.00"])
def test_pathways_from_an_occupation(qtbot: QtBot, unlocked_demo: MainWindow, occupation: str) -> None:
    """Typing a job title or an O*NET code (and Enter) lists the moves from that job, in every direction."""
    go_to(qtbot, unlocked_demo, "Pathways")
    wait_idle(qtbot, unlocked_demo)
    box = without_suggestions(find(unlocked_demo, QLineEdit, "fromOccupation"))
    qtbot.keyClicks(box, occupation)
    assert find(unlocked_demo, QRadioButton, "fromOccupationChoice").isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    wait_idle(qtbot, unlocked_demo)
    rows = check_moves(find(unlocked_demo, QListWidget, "pathwayList"))
    assert len({row.split(":")[0] for row in rows}) >= 2  # not one ladder
    assert find(unlocked_demo, QLabel, "pathwaysStatus").text().endswith(f"from “{occupation}”.")


def test_an_unknown_occupation_says_so(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A job the skills data does not know gets the core's plain sentence."""
    go_to(qtbot, unlocked_demo, "Pathways")
    wait_idle(qtbot, unlocked_demo)
    qtbot.keyClicks(without_suggestions(find(unlocked_demo, QLineEdit, "fromOccupation")), "Dragon tamer")
    click(qtbot, find(unlocked_demo, QPushButton, "showPathwaysButton"))
    wait_idle(qtbot, unlocked_demo)
    status = find(unlocked_demo, QLabel, "pathwaysStatus")
    assert status.text().startswith("No occupation is called 'Dragon tamer'") and status.property("role") == "error"


def test_about_shows_version_and_the_credit_lines(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The About button opens the About box: name, version, what it is, and the data, context and font credits."""
    click(qtbot, find(unlocked_demo, QAbstractButton, "aboutButton"))
    dialog = find(unlocked_demo, QDialog, "aboutDialog")
    assert dialog.isVisible()
    assert find(dialog, QLabel, "aboutName").text() == "LER Wallet"
    assert find(dialog, QLabel, "aboutVersion").text() == f"Version {wallet.__version__}"
    credits = find(dialog, QScrollArea, "aboutCredits").accessibleDescription()
    assert credits.splitlines()[:4] == list(wallet.skills.attribution())
    assert "This product uses the ESCO classification of the European Commission." in credits
    assert "O*NET 29.2 Database" in credits and "CC BY 4.0" in credits
    assert "USDOL/ETA has not approved, endorsed, or tested these modifications." in credits
    assert "Nesta" in credits and "MIT License" in credits
    assert "W3C" in credits and "1EdTech" in credits and "Digital Bazaar" in credits
    assert "Digital Credentials Consortium" in credits and "DejaVu" in credits
    unnamed = [w.objectName() for w in dialog.findChildren(QAbstractButton) if not w.accessibleName()]
    assert not unnamed
    click(qtbot, find(dialog, QPushButton, "aboutClose"))
    assert not dialog.isVisible()


def test_f1_opens_help_not_about_before_unlocking(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow],
                                                  demo_wallet: Path) -> None:
    """F1 opens the help panel on the unlock page (issue 14), not the About box."""
    window = open_window(demo_wallet)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(find(window, QLineEdit, "passphraseInput"), Qt.Key.Key_F1)
    assert window.guide.panel.isVisible()
    assert window.about_dialog is None or not window.about_dialog.isVisible()


def test_tab_on_a_skill_page_goes_tabs_about_page_then_header(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """On the skills page, Tab goes from the page tabs to About, the page's buttons and lists, then the
    header's buttons (Trusted issuers… is in the Wallet menu) and Lock."""
    go_to(qtbot, unlocked_demo, "Skills")
    wait_idle(qtbot, unlocked_demo)
    order: list[str] = []
    widget: QWidget = find(unlocked_demo, QTabBar, "mainNav")
    while len(order) < 13:
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget.objectName())
    assert order == ["aboutButton", "addSkillButton", "hideSkillButton", "correctSkillButton", "showHiddenButton",
                     "skillList", "evidenceList", "openEvidenceButton", "walletMenuButton",
                     "shareButton", "checkButton",
                     "helpButton", "lockButton"]


def test_every_control_on_the_new_pages_and_dialogs_is_named(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """With every page visited and every dialog open, each button, field and list has an objectName and an
    accessible name."""
    for section in ("Skills", "Opportunities", "Pathways"):
        go_to(qtbot, unlocked_demo, section)
        wait_idle(qtbot, unlocked_demo)
    workspace = unlocked_demo.workspace
    skills = workspace.skills
    skills.add_button.click()
    skills.wrong_button.click()
    skills.hidden_button.click()
    workspace.opportunities.new_view_dialog.start("A view")
    workspace.opportunities.delete_dialog.start("id", "A view")
    unlocked_demo.show_about()
    wait_idle(qtbot, unlocked_demo)
    unnamed = []
    for kind in (QAbstractButton, QLineEdit, QAbstractItemView, QPlainTextEdit, QTabBar, QScrollArea):
        for widget in unlocked_demo.findChildren(kind):
            if isinstance(widget.parent(), QLineEdit):
                continue  # a line edit's own clear button
            if isinstance(widget, QScrollArea) and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                continue  # a scroll area that only holds other controls
            if not (widget.objectName() and widget.accessibleName()):
                unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert not unnamed
    for dialog in unlocked_demo.findChildren(QDialog):
        dialog.reject()


def test_locking_clears_every_skill_page(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """After Lock nothing of the learner's stays on the skill pages; unlocking starts on Records again."""
    go_to(qtbot, unlocked_demo, "Skills")
    wait_idle(qtbot, unlocked_demo)
    go_to(qtbot, unlocked_demo, "Opportunities")
    find(unlocked_demo, QPlainTextEdit, "postingBox").setPlainText(json.loads(POSTING.read_text("utf-8"))["text"])
    click(qtbot, find(unlocked_demo, QPushButton, "matchButton"))  # still running when Lock is pressed
    click(qtbot, find(unlocked_demo, QPushButton, "lockButton"))
    assert unlocked_demo.flow.state is Step.UNLOCK
    assert find(unlocked_demo, QListWidget, "skillList").count() == 0
    assert find(unlocked_demo, QPlainTextEdit, "postingBox").toPlainText() == ""
    assert find(unlocked_demo, QListWidget, "matchSkills").count() == 0
    assert unlocked_demo.workspace.context.profile is None
    unlocked_demo.flow.submit_unlock("correct horse battery")
    qtbot.waitUntil(lambda: unlocked_demo.flow.state is Step.UNLOCKED, timeout=10_000)
    assert find(unlocked_demo, QTabBar, "mainNav").currentIndex() == 0

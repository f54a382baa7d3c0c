"""The page tabs and the skills page on the demo wallet: the profile, its evidence, and the learner's changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QListWidget, QPushButton, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, find
from tests.ui.skill_helpers import choose, first_lines, go_to, lines, wait_idle
from ui.main_window import MainWindow
from ui.skills_context import READING

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def skills_shown(qtbot: QtBot, window: MainWindow) -> QListWidget:
    """Open the skills page and wait for the profile."""
    go_to(qtbot, window, "Skills")
    wait_idle(qtbot, window)
    return find(window, QListWidget, "skillList")


def test_page_tabs_and_ctrl_numbers_move_between_pages(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Clicking a tab or pressing Ctrl+1…4 shows that page; the records page is the first and unchanged."""
    nav = find(unlocked_demo, QTabBar, "mainNav")
    assert [nav.tabText(n) for n in range(nav.count())] == ["Records", "Skills", "Opportunities", "Pathways"]
    assert find(unlocked_demo, QListView, "recordList").isVisible()
    go_to(qtbot, unlocked_demo, "Skills")
    assert find(unlocked_demo, QWidget, "skillsPage").isVisible()
    assert not find(unlocked_demo, QListView, "recordList").isVisible()
    with qtbot.waitActive(unlocked_demo):
        unlocked_demo.activateWindow()
    for key, page in ((Qt.Key.Key_3, "opportunitiesPage"), (Qt.Key.Key_4, "pathwaysPage"), (Qt.Key.Key_1, None)):
        qtbot.keyClick(unlocked_demo.focusWidget() or nav, key, Qt.KeyboardModifier.ControlModifier)
        if page:
            assert find(unlocked_demo, QWidget, page).isVisible()
    assert find(unlocked_demo, QListView, "recordList").isVisible()
    assert unlocked_demo.focusWidget() is find(unlocked_demo, QLineEdit, "searchInput")
    assert find(unlocked_demo, QPushButton, "lockButton").isVisible()  # the header stays on every page
    wait_idle(qtbot, unlocked_demo)


def test_skills_page_lists_the_demo_skills_strongest_first(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """While the profile is read the page says so; then verified skills come first, each with word, symbol and
    how many records."""
    context = unlocked_demo.workspace.context
    status = unlocked_demo.workspace.skills.status.text  # the page is made on its first visit; make it now
    said: list[str] = []
    context.profile_loading.connect(lambda: said.append(status.text()))
    skills = skills_shown(qtbot, unlocked_demo)
    assert said == [READING]
    rows = lines(skills)
    assert rows[0].startswith("operate forklift | ✓✓ Trusted issuer · 2 records")
    words = [row.split(" | ")[1].split(" · ")[0] for row in rows]
    order = ["✓✓ Trusted issuer", "✓ Verified", "★ Endorsed", "○ Issued", "✎ Self-asserted"]
    assert [order.index(w) for w in words] == sorted(order.index(w) for w in words)
    assert "✎ Self-asserted" in words
    assert find(unlocked_demo, QLabel, "skillCount").text() == f"{len(rows)} skills"
    legend = find(unlocked_demo, QWidget, "strengthLegend").accessibleDescription()
    assert "Trusted issuer: a verified credential from an issuer on your trusted list." in legend
    assert "Verified: a credential whose signature the wallet checked; its issuer is not on your trusted list" in legend
    assert "Self-asserted: you describe it yourself" in legend


def test_choosing_a_skill_shows_which_records_and_words_show_it(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The evidence pane names each record, how strong it is and the words that showed the skill."""
    skills = skills_shown(qtbot, unlocked_demo)
    choose(skills, "operate forklift")
    assert find(unlocked_demo, QLabel, "evidenceTitle").text() == "operate forklift"
    evidence = lines(find(unlocked_demo, QListWidget, "evidenceList"))
    assert any(e.startswith("Certified Forklift Operator | ✓✓ Trusted issuer · the issuer links it to this skill")
               for e in evidence)
    assert any(e.startswith("Warehouse Associate | ✎ Self-asserted · listed as a skill “Forklift operation”")
               for e in evidence)
    assert "Shown by 2 records" in find(unlocked_demo, QLabel, "evidenceSummary").text()
    assert "Warehouse Associate" in find(unlocked_demo, QWidget, "skillEvidence").accessibleDescription()
    choose(find(unlocked_demo, QListWidget, "evidenceList"), "Warehouse Associate")
    click(qtbot, find(unlocked_demo, QPushButton, "openEvidenceButton"))
    assert find(unlocked_demo, QLabel, "detailTitle").text() == "Warehouse Associate"


def test_hide_a_skill_then_restore_it(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Hide takes a skill out of the list; Show hidden… lists it and Restore brings it back."""
    skills = skills_shown(qtbot, unlocked_demo)
    choose(skills, "operate forklift")
    click(qtbot, find(unlocked_demo, QPushButton, "hideSkillButton"))
    wait_idle(qtbot, unlocked_demo)
    assert "operate forklift" not in first_lines(skills)
    assert find(unlocked_demo, QLabel, "skillsStatus").text().startswith("Hid “operate forklift”.")
    click(qtbot, find(unlocked_demo, QPushButton, "showHiddenButton"))
    dialog = find(unlocked_demo, QDialog, "hiddenSkillsDialog")
    assert dialog.isVisible()
    wait_idle(qtbot, unlocked_demo)
    changes = find(dialog, QListWidget, "hiddenSkillList")
    assert lines(changes) == ["operate forklift | Hidden by you"]
    click(qtbot, find(dialog, QPushButton, "restoreSkillButton"))
    wait_idle(qtbot, unlocked_demo)
    assert "operate forklift" in first_lines(skills)
    assert lines(changes)[0].startswith("Nothing hidden or changed.")
    click(qtbot, find(dialog, QPushButton, "hiddenSkillsClose"))
    assert not dialog.isVisible()


def test_add_a_skill_by_searching_for_it(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Add a skill… searches skill names as you type (at most 20); the added skill is marked self-asserted."""
    skills = skills_shown(qtbot, unlocked_demo)
    click(qtbot, find(unlocked_demo, QPushButton, "addSkillButton"))
    dialog = find(unlocked_demo, QDialog, "addSkillDialog")
    assert dialog.isVisible()
    qtbot.keyClicks(find(dialog, QLineEdit, "skillSearch"), "forklift")
    results = find(dialog, QListWidget, "skillResults")
    assert 0 < results.count() <= 20
    assert "operate forklift" in first_lines(results)
    search = find(dialog, QLineEdit, "skillSearch")
    search.clear()
    qtbot.keyClicks(search, "SIGN LANG")
    assert first_lines(results)[0] == "sign language"
    qtbot.keyClicks(find(dialog, QLineEdit, "skillNote"), "I sign with my brother")
    click(qtbot, find(dialog, QPushButton, "skillPickConfirm"))
    wait_idle(qtbot, unlocked_demo)
    assert not dialog.isVisible()
    row = lines(skills)[first_lines(skills).index("sign language")]
    assert row == "sign language | ✎ Self-asserted · 0 records · added by you"
    assert skills.currentItem().text().startswith("sign language")
    assert "You added this skill yourself: “I sign with my brother”." in find(
        unlocked_demo, QLabel, "evidenceSummary").text()
    assert find(unlocked_demo, QPushButton, "hideSkillButton").text() == "Remove"


def test_this_is_wrong_shows_the_right_skill_instead(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A wrongly recognised skill is corrected to the one meant, keeping its evidence."""
    skills = skills_shown(qtbot, unlocked_demo)
    choose(skills, "moor vessels")
    click(qtbot, find(unlocked_demo, QPushButton, "correctSkillButton"))
    dialog = find(unlocked_demo, QDialog, "correctSkillDialog")
    assert "“moor vessels”" in find(dialog, QLabel, "skillPickIntro").text()
    qtbot.keyClicks(find(dialog, QLineEdit, "skillSearch"), "load cargo")
    assert first_lines(find(dialog, QListWidget, "skillResults"))[0] == "load cargo"
    qtbot.keyClick(find(dialog, QLineEdit, "skillSearch"), Qt.Key.Key_Return)
    wait_idle(qtbot, unlocked_demo)
    assert "moor vessels" not in first_lines(skills)
    assert skills.currentItem().text().startswith("load cargo")
    assert "Warehouse Associate" in first_lines(find(unlocked_demo, QListWidget, "evidenceList"))
    assert find(unlocked_demo, QLabel, "skillsStatus").text() == "“moor vessels” is now shown as “load cargo”."


def test_correcting_a_skill_to_itself_says_why_not(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Choosing the same skill as the right one gets the core's sentence, and the list stays as it was."""
    skills = skills_shown(qtbot, unlocked_demo)
    before = lines(skills)
    choose(skills, "operate forklift")
    click(qtbot, find(unlocked_demo, QPushButton, "correctSkillButton"))
    dialog = find(unlocked_demo, QDialog, "correctSkillDialog")
    qtbot.keyClicks(find(dialog, QLineEdit, "skillSearch"), "operate forklift")
    choose(find(dialog, QListWidget, "skillResults"), "operate forklift")
    click(qtbot, find(dialog, QPushButton, "skillPickConfirm"))
    wait_idle(qtbot, unlocked_demo)
    status = find(unlocked_demo, QLabel, "skillsStatus")
    assert status.text() == "Those are the same skill." and status.property("role") == "error"
    assert lines(skills) == before

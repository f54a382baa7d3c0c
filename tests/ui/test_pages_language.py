"""The wallet's pages in Spanish: the start pages, Skills, Opportunities and Pathways built while Spanish is
chosen speak Spanish; those three say once that skills and occupations stay in English (and say nothing of it
in English); the recovery-code page tells the client to keep the kit themselves, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, find
from tests.ui.skill_helpers import wait_idle
from ui.i18n import apply_language
from ui.main_window import MainWindow
from ui.pages.create import CreatePage
from ui.pages.recover import RecoverPage
from ui.pages.recovery_code import RecoveryCodePage
from ui.pages.unlock import UnlockPage
from ui.pages.welcome import WelcomePage

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]

POSTING = Path(__file__).resolve().parents[1] / "fixtures" / "postings" / "14-forklift-operator-2nd-shift.json"
NOTE_ES = "Las habilidades y ocupaciones se muestran en inglés, como las escriben ESCO y O*NET."


def _visit(qtbot: QtBot, window: MainWindow, index: int) -> None:
    """Click the page tab at `index` (its words differ by language) and wait for the page's work."""
    nav = find(window, QTabBar, "mainNav")
    qtbot.mouseClick(nav, Qt.MouseButton.LeftButton, pos=nav.tabRect(index).center())
    assert nav.currentIndex() == index
    wait_idle(qtbot, window)


def _note(window: MainWindow, page_name: str) -> QLabel | None:
    """The taxonomy note inside the page called `page_name`, or None."""
    for label in window.findChildren(QLabel, "taxonomyLanguageNote"):
        parent = label.parentWidget()
        while parent is not None and parent.objectName() != page_name:
            parent = parent.parentWidget()
        if parent is not None:
            return label
    return None


def test_the_skill_pages_built_in_spanish_speak_spanish(qtbot: QtBot, spanish: None,
                                                         unlocked_demo: MainWindow) -> None:
    """Tabs, titles, buttons, counts and a posting's match read in Spanish; each skill page has the note once."""
    window = unlocked_demo
    nav = find(window, QTabBar, "mainNav")
    assert [nav.tabText(n) for n in range(nav.count())] == ["Registros", "Habilidades", "Oportunidades", "Caminos"]

    _visit(qtbot, window, 1)
    assert find(window, QLabel, "skillsTitle").text() == "Sus habilidades"
    assert find(window, QPushButton, "addSkillButton").text() == "Agregar una habilidad…"
    assert find(window, QLabel, "skillCount").text().endswith(" habilidades")
    assert find(window, QListWidget, "skillList").item(0).text().split("\n")[1].count(" registro") == 1

    _visit(qtbot, window, 2)
    assert find(window, QPushButton, "matchButton").text() == "Comparar"
    tabs = find(window, QTabBar, "opportunityTabBar")
    assert [tabs.tabText(n) for n in range(tabs.count())] == [
        "Comparar una oferta", "Vistas guardadas", "Crédito por aprendizaje previo"]
    find(window, QPlainTextEdit, "postingBox").setPlainText(POSTING.read_text("utf-8"))
    click(qtbot, find(window, QPushButton, "matchButton"))
    wait_idle(qtbot, window)
    assert find(window, QLabel, "matchScore").text().startswith("Coincidencia: ")
    assert find(window, QPushButton, "createViewButton").text() == "Hacer una vista para esto…"
    headings = [item.text() for item in (find(window, QListWidget, "matchSkills").item(n)
                                         for n in range(find(window, QListWidget, "matchSkills").count()))
                if "—" in item.text()]
    assert headings and all(" habilidades: " in h and " en parte, " in h for h in headings)

    _visit(qtbot, window, 3)
    assert find(window, QLabel, "pathwaysTitle").text() == "A dónde pueden llevarle sus habilidades"
    assert find(window, QRadioButton, "fromSkillsChoice").text() == "Desde mis habilidades"
    assert find(window, QLabel, "pathwaysStatus").text().endswith(" desde sus habilidades.")

    for index, page_name in ((1, "skillsPage"), (2, "opportunitiesPage"), (3, "pathwaysPage")):
        _visit(qtbot, window, index)
        note = _note(window, page_name)
        assert note is not None, f"no taxonomy note on {page_name}"
        assert note.text() == NOTE_ES and note.isVisible()
    assert len(window.findChildren(QLabel, "taxonomyLanguageNote")) == 3


def test_in_english_the_skill_pages_have_no_taxonomy_note(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The labels are already in the app's language in English: no note on any of the three pages."""
    window = unlocked_demo
    for index in (1, 2, 3):
        _visit(qtbot, window, index)
    assert find(window, QLabel, "skillsTitle").text() == "Your skills"
    assert window.findChildren(QLabel, "taxonomyLanguageNote") == []


def test_the_start_pages_built_in_spanish_speak_spanish(qtbot: QtBot, spanish: None) -> None:
    """Welcome, create, unlock and recover pages show Spanish titles and buttons."""
    welcome, create, unlock, recover = WelcomePage(), CreatePage(), UnlockPage(), RecoverPage()
    for page in (welcome, create, unlock, recover):
        qtbot.addWidget(page)
    assert find(welcome, QPushButton, "createButton").text() == "Crear una billetera nueva"
    assert find(welcome, QPushButton, "welcomeCheckButton").text() == "Comprobar un registro compartido…"
    assert find(create, QPushButton, "createWalletButton").text() == "Crear billetera"
    assert find(create, QPushButton, "createBackButton").text() == "Atrás"
    assert find(unlock, QPushButton, "unlockButton").text() == "Desbloquear"
    assert find(unlock, QPushButton, "forgotButton").text() == "¿Olvidó su frase de contraseña?"
    assert find(recover, QPushButton, "recoverSubmitButton").text() == "Recuperar billetera"
    assert "&Código de recuperación" in [label.text() for label in recover.findChildren(QLabel)]


def _clipped(page: QWidget) -> list[str]:
    """The visible buttons of `page` narrower than their words need (the text would be cut off); a recent
    wallet's button shows a path, not words, and is left out."""
    return [f"{b.objectName()}: {b.text()!r} {b.width()} < {b.sizeHint().width()}"
            for b in page.findChildren(QPushButton) if b.isVisible() and b.width() < b.sizeHint().width()
            and not b.objectName().startswith("recentWalletButton")]


def test_no_button_of_the_spanish_pages_is_cut_off_at_1366_by_768(qtbot: QtBot, spanish: None,
                                                                   unlocked_demo: MainWindow) -> None:
    """Built in Spanish on a 1366×768 screen, every button of the start and skill pages shows all its words."""
    window = unlocked_demo
    window.resize(1366, 768)
    for start in (window.welcome, window.create_page, window.unlock, window.recover, window.recovery_code):
        window.stack.setCurrentWidget(start)  # each start page as the window shows it, at this size
        qtbot.waitUntil(start.isVisible)
        assert not _clipped(start), _clipped(start)
    window.stack.setCurrentWidget(window.workspace)
    for index, page_name in ((1, "skillsPage"), (2, "opportunitiesPage"), (3, "pathwaysPage")):
        _visit(qtbot, window, index)
        page = find(window, QWidget, page_name)
        assert not _clipped(page), _clipped(page)


@pytest.mark.parametrize(("language", "keep", "not_helper"), [
    ("en", "Keep the paper or the printed kit yourself.", "not even someone helping you"),
    ("es", "Guarde usted mismo el papel o el kit de recuperación impreso.", "ni siquiera a quien le ayuda"),
])
def test_the_recovery_code_page_says_to_keep_the_kit_yourself(qtbot: QtBot, qapp: QApplication, language: str,
                                                               keep: str, not_helper: str) -> None:
    """The client keeps the paper or printed kit, not the navigator beside them, in English and Spanish."""
    apply_language(language)
    try:
        page = RecoveryCodePage()
        qtbot.addWidget(page)
    finally:
        apply_language("en")
    note = find(page, QLabel, "recoveryKeepNote")
    assert note.text().startswith(keep) and not_helper in note.text()
    assert note.isVisibleTo(page)

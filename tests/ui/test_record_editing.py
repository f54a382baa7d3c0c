"""The learner's own records in the window: add with evidence, edit, tags and note, hide, delete and undo, sign,
attach by drop, endorse; imports by drop (files and folders), paste (a data: URL) and QR image; empty states."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
import qrcode
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.helpers import DEMO_RECORDS, click, find, select
from ui.dialogs.entry_editor import EntryEditor
from ui.main_window import MainWindow
from wallet import lifecycle
from wallet.credentials import demo_issuers
from wallet.flows.onboarding import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING")]


def _titles(window: MainWindow) -> list[str]:
    model = find(window, QListView, "recordList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.records.commands.jobs.busy(), timeout=20_000)


def _drop(target: QWidget, paths: list[Path]) -> None:
    """Drag `paths` onto `target` and let go, as the desktop does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(target.width() // 2, target.height() // 2)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), f"{target.objectName()} refused the drag"
    drop = QDropEvent(QPointF(point), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)


OTHER = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
"""Someone else: the demo wallet holds the demo badges issued to its own DID already."""


def _badge_file(path: Path, holder: str = OTHER) -> Path:
    path.write_text(json.dumps(demo_issuers.forklift_badge(holder)), encoding="utf-8")
    return path


def test_add_an_entry_with_suggested_skills_and_evidence(qtbot: QtBot, unlocked_demo: MainWindow,
                                                         tmp_path: Path) -> None:
    """Add experience → kind "other", words that suggest skills, a suggestion taken, a file dropped → saved."""
    window = unlocked_demo
    click(qtbot, find(window, QToolButton, "addEntryButton"))
    editor = find(window, EntryEditor, "entryEditor")
    assert editor.isVisible()
    kinds = find(editor, QComboBox, "entryKind")
    kinds.setCurrentIndex(kinds.findData("other"))
    qtbot.keyClicks(find(editor, QLineEdit, "entryTitle"), "Church choir treasurer")
    qtbot.keyClicks(find(editor, QLineEdit, "entryStart"), "2019-09")
    find(editor, QPlainTextEdit, "entryDescription").setPlainText(
        "Kept the accounts and gave customer service to members every week.")
    def chip() -> QPushButton | None:
        return next((b for b in editor.suggestions.findChildren(QPushButton)
                     if b.text() == "+ customer service" and b.isVisible()), None)

    qtbot.waitUntil(lambda: chip() is not None, timeout=30_000)
    chip = chip()
    assert chip is not None
    click(qtbot, chip)
    assert "customer service" in find(editor, QLineEdit, "entrySkills").text()
    letter = tmp_path / "thank-you.txt"
    letter.write_text("Thank you for five years of careful books.", encoding="utf-8")
    _drop(editor, [letter])
    assert find(editor, QWidget, "entryEvidenceList").count() == 1  # type: ignore[attr-defined]
    click(qtbot, find(editor, QPushButton, "entrySave"))
    _idle(qtbot, window)
    assert "Church choir treasurer" in _titles(window)
    assert find(window, QLabel, "detailTitle").text() == "Church choir treasurer"
    assert find(window, QLabel, "detailKind").text().startswith("Other experience")
    assert "thank-you.txt" in find(window, QLabel, "detailEvidence").text()
    skills = [c.text() for c in find(window, QWidget, "detailSkills").findChildren(QLabel)]
    assert "customer service" in skills


def test_a_bad_date_is_said_in_place_and_nothing_is_saved(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """An end before the start keeps the form open with one sentence; the wallet is unchanged."""
    window = unlocked_demo
    click(qtbot, find(window, QToolButton, "addEntryButton"))
    editor = find(window, EntryEditor, "entryEditor")
    qtbot.keyClicks(find(editor, QLineEdit, "entryTitle"), "Back to front")
    qtbot.keyClicks(find(editor, QLineEdit, "entryStart"), "2022-05")
    qtbot.keyClicks(find(editor, QLineEdit, "entryEnd"), "2021-01")
    click(qtbot, find(editor, QPushButton, "entrySave"))
    assert editor.isVisible()
    assert find(editor, QLabel, "entryError").text() == "The end date is before the start date."
    click(qtbot, find(editor, QPushButton, "entryCancel"))
    assert len(_titles(window)) == DEMO_RECORDS


def test_edit_tags_note_hide_then_delete_and_undo(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """An entry is edited; tags and a note are saved; hidden it leaves the list; deleted, Undo puts it back."""
    window = unlocked_demo
    select(qtbot, window, "Food Bank Volunteer Coordinator")
    record_id = window.records.detail.record.id  # type: ignore[union-attr]
    click(qtbot, find(window, QPushButton, "editButton"))
    editor = find(window, EntryEditor, "entryEditor")
    title = find(editor, QLineEdit, "entryTitle")
    assert title.text() == "Food Bank Volunteer Coordinator"
    title.setText("Food Bank Volunteer Lead")
    click(qtbot, find(editor, QPushButton, "entrySave"))
    _idle(qtbot, window)
    assert find(window, QLabel, "detailTitle").text() == "Food Bank Volunteer Lead"

    click(qtbot, find(window, QPushButton, "marksButton"))
    find(window, QLineEdit, "marksTags").setText("community, leadership")
    find(window, QPlainTextEdit, "marksNote").setPlainText("Ask Ana for a reference")
    click(qtbot, find(window, QPushButton, "marksSave"))
    _idle(qtbot, window)
    assert find(window, QLabel, "detailNote").text() == "Ask Ana for a reference"
    assert find(window, QWidget, "detailTags").accessibleName() == "community, leadership"

    click(qtbot, find(window, QPushButton, "hideButton"))
    _idle(qtbot, window)
    assert "Food Bank Volunteer Lead" not in _titles(window)
    assert "(1 hidden)" in find(window, QLabel, "recordCount").text()
    find(window, QCheckBox, "showHidden").setChecked(True)
    select(qtbot, window, "Food Bank Volunteer Lead")
    assert find(window, QLabel, "detailHidden").isVisible()
    click(qtbot, find(window, QPushButton, "hideButton"))  # now "Show in list"
    _idle(qtbot, window)
    find(window, QCheckBox, "showHidden").setChecked(False)
    select(qtbot, window, "Food Bank Volunteer Lead")

    click(qtbot, find(window, QPushButton, "deleteButton"))
    _idle(qtbot, window)
    assert "Food Bank Volunteer Lead" not in _titles(window)
    assert find(window, QFrame, "undoBar").isVisible()
    assert "Food Bank Volunteer Lead" in find(window, QLabel, "undoText").text()
    click(qtbot, find(window, QToolButton, "undoButton"))
    _idle(qtbot, window)
    assert "Food Bank Volunteer Lead" in _titles(window)
    assert window.records.detail.record is not None and window.records.detail.record.id == record_id
    assert window.records.detail.record.note == "Ask Ana for a reference"
    assert not find(window, QFrame, "undoBar").isVisible()


def test_delete_key_on_the_list_deletes_and_ctrl_z_puts_back(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Delete on the focused list deletes the chosen record; Ctrl+Z brings it back."""
    window = unlocked_demo
    select(qtbot, window, "Warehouse Associate")
    records = find(window, QListView, "recordList")
    records.setFocus()
    qtbot.waitUntil(records.hasFocus)
    qtbot.keyClick(records, Qt.Key.Key_Delete)
    _idle(qtbot, window)
    assert "Warehouse Associate" not in _titles(window)
    qtbot.keyClick(records, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _idle(qtbot, window)
    assert "Warehouse Associate" in _titles(window)


def test_undo_is_gone_after_lock(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """Locking forgets what could be undone: after unlocking again there is no Undo."""
    window = unlocked_demo
    select(qtbot, window, "Food Bank Volunteer Coordinator")
    click(qtbot, find(window, QPushButton, "deleteButton"))
    _idle(qtbot, window)
    assert find(window, QFrame, "undoBar").isVisible()
    window.lock()
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCK)
    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCKED, timeout=10_000)
    assert not find(window, QFrame, "undoBar").isVisible()
    assert len(_titles(window)) == DEMO_RECORDS - 1


def test_sign_an_entry_and_save_the_credential(qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path) -> None:
    """Sign as a credential → an OB 3.0 credential signed by the wallet's DID is saved where the learner chose."""
    window = unlocked_demo
    target = tmp_path / "signed.json"
    window.records.edits.save_name = lambda *_args: str(target)
    select(qtbot, window, "Food Bank Volunteer Coordinator")
    click(qtbot, find(window, QPushButton, "signButton"))
    _idle(qtbot, window)
    qtbot.waitUntil(target.exists, timeout=10_000)
    _idle(qtbot, window)
    credential = json.loads(target.read_text(encoding="utf-8"))
    session = window.flow.session
    assert session is not None
    assert credential["issuer"]["id"] == session.did and credential["proof"]
    assert "self-asserted" in credential["credentialSubject"]["achievement"]["tag"]
    assert str(target) in find(window, QLabel, "workStatus").text()


def test_evidence_dropped_on_a_record_is_attached_saved_replaced_and_removed(
    qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path
) -> None:
    """A file dropped on the record pane is attached; Save a copy writes its bytes; Replace and Remove work."""
    window = unlocked_demo
    select(qtbot, window, "Food Bank Volunteer Coordinator")
    photo = tmp_path / "rota.txt"
    photo.write_bytes(b"Saturday rota")
    _drop(find(window, QScrollArea, "recordDetail").viewport(), [photo])
    _idle(qtbot, window)
    record = window.records.detail.record
    assert record is not None and "rota.txt" in [e.filename for e in record.evidence]
    number = [e.filename for e in record.evidence].index("rota.txt")
    copy = tmp_path / "copy.txt"
    window.records.edits.save_name = lambda *_args: str(copy)
    click(qtbot, find(window, QPushButton, f"saveEvidence_{number}"))
    _idle(qtbot, window)
    assert copy.read_bytes() == b"Saturday rota"
    newer = tmp_path / "rota-2025.txt"
    newer.write_bytes(b"Sunday rota")
    window.records.edits.open_names = lambda *_args: [str(newer)]
    click(qtbot, find(window, QPushButton, f"replaceEvidence_{number}"))
    _idle(qtbot, window)
    record = window.records.detail.record
    assert record is not None and "rota-2025.txt" in [e.filename for e in record.evidence]
    number = [e.filename for e in record.evidence].index("rota-2025.txt")
    click(qtbot, find(window, QPushButton, f"removeEvidence_{number}"))
    _idle(qtbot, window)
    record = window.records.detail.record
    assert record is not None and "rota-2025.txt" not in [e.filename for e in record.evidence]


def test_files_and_a_folder_dropped_on_the_window_are_imported(qtbot: QtBot, unlocked_demo: MainWindow,
                                                               tmp_path: Path) -> None:
    """A folder dropped on the list shows progress, then the per-item report; a second drop reports duplicates."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    folder = tmp_path / "downloads"
    folder.mkdir()
    badge = _badge_file(folder / "badge.json")
    (folder / "notes.txt").write_text("not a credential", encoding="utf-8")
    _drop(find(window, QListView, "recordList").viewport(), [folder])
    assert find(window, QWidget, "importProgress").isVisible()
    _idle(qtbot, window)
    assert not find(window, QWidget, "importProgress").isVisible()
    results = window.records.commands.results
    assert results.isVisible()
    assert find(results, QLabel, "importSummary").text() == "1 imported, 1 not imported."
    assert len(_titles(window)) == DEMO_RECORDS + 1
    results.accept()
    _drop(find(window, QLineEdit, "searchInput").window(), [badge])
    _idle(qtbot, window)
    assert find(results, QLabel, "importSummary").text() == "1 already in your wallet."


def test_cancel_keeps_nothing_of_a_folder_import(qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path) -> None:
    """Cancel on the progress box: the report says it was cancelled and no record was added."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    folder = tmp_path / "many"
    folder.mkdir()
    _badge_file(folder / "badge.json")
    window.records.drops.progress.stop.set()  # type: ignore[union-attr]
    window.records.drops.import_paths([str(folder)])  # type: ignore[union-attr]
    click(qtbot, find(window, QPushButton, "importCancel"))
    _idle(qtbot, window)
    assert "cancelled" in "\n".join(window.records.commands.results.lines())
    assert len(_titles(window)) == DEMO_RECORDS


def test_paste_a_data_url(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A credential pasted as a base64 data: URL is imported."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    body = json.dumps(demo_issuers.forklift_badge(OTHER)).encode()
    click(qtbot, find(window, QToolButton, "pasteButton"))
    box = find(window, QPlainTextEdit, "pasteBox")
    box.setPlainText("data:application/vc+ld+json;base64," + base64.b64encode(body).decode())
    click(qtbot, find(window, QPushButton, "pasteImportButton"))
    _idle(qtbot, window)
    assert find(window.records.commands.results, QLabel, "importSummary").text() == "1 imported."


def test_import_a_qr_image(qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path) -> None:
    """A screenshot of a QR code that holds a credential is imported and verified."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    text = json.dumps(demo_issuers.forklift_badge(OTHER), separators=(",", ":"))
    image = qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_L)
    out = BytesIO()
    image.save(out)
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(out.getvalue())
    window.records.edits.open_names = lambda *_args: [str(shot)]
    click(qtbot, find(window, QToolButton, "qrImportButton"))
    _idle(qtbot, window)
    lines = window.records.commands.results.lines()
    assert lines[0].startswith("✓ Imported: screenshot.png (QR code)\nCertified Forklift Operator")
    assert "Checked by LER Wallet: ! Verified, with warnings" in lines[0]  # the warning: issued to someone else


def test_a_qr_screenshot_dropped_on_the_window_is_imported(qtbot: QtBot, unlocked_demo: MainWindow,
                                                           tmp_path: Path) -> None:
    """Dropping a screenshot of a QR code reads the code, as QR image… does."""
    window = unlocked_demo
    text = json.dumps(demo_issuers.forklift_badge(OTHER), separators=(",", ":"))
    out = BytesIO()
    qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_L).save(out)
    shot = tmp_path / "phone-photo.png"
    shot.write_bytes(out.getvalue())
    _drop(find(window, QListView, "recordList").viewport(), [shot])
    _idle(qtbot, window)
    assert window.records.commands.results.lines()[0].startswith("✓ Imported: phone-photo.png (QR code)")


def test_endorse_someone_elses_credential(qtbot: QtBot, unlocked_demo: MainWindow, tmp_path: Path) -> None:
    """As their supervisor: the endorsement is signed by this wallet and saved as a file."""
    window = unlocked_demo
    theirs = _badge_file(tmp_path / "theirs.json")
    target = tmp_path / "endorsement.json"
    window.records.edits.save_name = lambda *_args: str(target)
    click(qtbot, find(window, QToolButton, "endorseButton"))
    find(window, QLineEdit, "endorseFile").setText(str(theirs))
    find(window, QPlainTextEdit, "endorseComment").setPlainText("Drove the forklift safely for a year.")
    click(qtbot, find(window, QPushButton, "endorseConfirm"))
    _idle(qtbot, window)
    qtbot.waitUntil(target.exists, timeout=10_000)
    endorsement = json.loads(target.read_text(encoding="utf-8"))
    assert "EndorsementCredential" in endorsement["type"]
    assert endorsement["credentialSubject"]["endorsementComment"].startswith("As their supervisor: Drove")


def test_a_new_wallet_says_what_to_do_first(qtbot: QtBot, open_window: Callable[[Path | None], MainWindow],
                                            tmp_path: Path) -> None:
    """An empty wallet's records page offers Add an experience, Import a badge and Paste a job posting."""
    path = tmp_path / "new.lerwallet"
    lifecycle.create_wallet(path, PASSPHRASE, kdf=FAST_KDF).session.lock()
    window = open_window(path)
    window.flow.submit_unlock(PASSPHRASE)
    qtbot.waitUntil(lambda: window.flow.state is Step.UNLOCKED, timeout=10_000)
    assert find(window, QLabel, "emptyHeading").text() == "Your wallet is empty"
    for button_name in ("emptyAddEntry", "emptyImport", "emptyPosting"):
        assert find(window, QPushButton, button_name).isVisible()
    click(qtbot, find(window, QPushButton, "emptyAddEntry"))
    assert find(window, EntryEditor, "entryEditor").isVisible()
    find(window, EntryEditor, "entryEditor").reject()
    click(qtbot, find(window, QPushButton, "emptyPosting"))
    assert window.workspace.nav.currentIndex() == 2


def test_the_list_model_passes_the_model_tester_with_hidden_records(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """The records model stays consistent while rows are hidden, shown and deleted."""
    window = unlocked_demo
    model = find(window, QListView, "recordList").model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    select(qtbot, window, "Food Bank Volunteer Coordinator")
    click(qtbot, find(window, QPushButton, "hideButton"))
    _idle(qtbot, window)
    find(window, QCheckBox, "showHidden").setChecked(True)
    find(window, QCheckBox, "showHidden").setChecked(False)
    assert model.rowCount() == DEMO_RECORDS - 1


def test_selected_row_keeps_its_text_while_the_list_has_focus(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """With keyboard focus on the list, the selected row still shows its words, not a box of the pill's fill."""
    window = unlocked_demo
    records = find(window, QListView, "recordList")
    records.setFocus()
    qtbot.waitUntil(records.hasFocus)
    index = records.currentIndex()
    rect = records.visualRect(index)
    image = records.viewport().grab(rect).toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    dark = [c for c in colours if int(c[1:3], 16) + int(c[3:5], 16) + int(c[5:7], 16) < 200]
    assert len(colours) > 20 and dark, "the selected row is drawn as a blank box"


def test_a_long_skill_wraps_and_a_repeated_one_shows_once(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """A very long skill wraps inside the pane (no sideways scrolling); the same skill in other case shows once."""
    window = unlocked_demo
    session = window.flow.session
    assert session is not None
    long_skill = "coordinating volunteers across " + "several neighbourhood food distribution points " * 4
    from wallet.api import EntryInput

    entry = EntryInput.from_json({"kind": "volunteering", "title": "Long skill entry",
                                  "skills": [long_skill.strip(), "Customer service", "customer  SERVICE"]})
    window.records.commands.jobs.run(lambda: session.add_entry(entry), lambda _r: None, within=session)
    _idle(qtbot, window)
    window.records.refresh()
    select(qtbot, window, "Long skill entry")
    detail = find(window, QScrollArea, "recordDetail")
    qtbot.waitUntil(lambda: detail.horizontalScrollBar().maximum() == 0)
    chips = [c for c in find(window, QWidget, "detailSkills").findChildren(QLabel) if c.isVisible()]
    assert [c.text().casefold() for c in chips].count("customer service") == 1
    longest = max(chips, key=lambda c: len(c.text()))
    assert longest.width() <= detail.viewport().width()
    assert longest.height() > 2 * longest.fontMetrics().height()  # wrapped onto several lines


def test_criteria_markdown_is_rendered(qtbot: QtBot, unlocked_demo: MainWindow) -> None:
    """"# Degree Requirements" in "What it took" (1EdTech's complete OB 3.0 example) is drawn bold, not as "#"."""
    window = unlocked_demo
    complete = Path(__file__).resolve().parents[1] / "fixtures" / "schema" / "ob30" / "complete.json"
    window.records.drops.import_paths([str(complete)])  # type: ignore[union-attr]
    _idle(qtbot, window)
    window.records.commands.results.accept()
    record_id = window.records.detail.record.id  # type: ignore[union-attr]  # the import shows what it added
    window.records.select_record(record_id)
    criteria = window.findChild(QLabel, "detailCriteria")
    assert criteria is not None and criteria.isVisible()
    assert criteria.textFormat() == Qt.TextFormat.RichText
    assert criteria.text().startswith("<p><b>Degree Requirements</b>") and "#" not in criteria.text()

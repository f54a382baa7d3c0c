"""Save screenshots of the main pages (not a test): python tests/ui/make_screenshots.py OUT_DIR

Makes a demo wallet in a temporary folder with cheap key settings, opens the real window offscreen,
and saves welcome.png, unlock.png, recovery_code.png, records.png, credential-verification.png (a
verified Open Badge), clr-tree.png (the college CLR and its courses), import-results.png, skills.png (the
skill profile with "operate forklift" chosen), match.png (the forklift posting matched), view-editor.png (a
view made from it), cpl.png (credit for prior learning), pathways.png (moves from the learner's skills),
about.png and hostile-name.png (an edited badge whose name, issuer and description hold HTML claiming
"✔ VERIFIED": shown as literal text beside the app's own "✗ Not verified") into OUT_DIR.

Run with SMALL=1 to save the new pages at the smallest window size (760×560) instead, as *-small.png,
or with HOSTILE=1 to save only hostile-name.png, or with CARE=1 to save the wallet-care pages at 1366×768
(care-*.png: welcome with the demo and recent wallets, the demo's unlock page, back up, restore, change
passphrase, recovery code with its kit, settings, the unsaved-view question, the view editor, the dark and
high-contrast themes, and 2× text on a 1366×768 screen), or with SHARE=1 to save share.png and check.png at 1366×768 (a
view previewed for a recipient with its QR code shown, and the Check page reading that bundle), or with RECORDS=1
to save the learner's own records at
1366×768 (records-*.png: an entry with its buttons and evidence, the entry editor with suggested skills, the undo
bar after a delete, tags and note, endorsing, a long skill chip wrapped, and a new wallet's empty state).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThread
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from tests.hostile_credentials import HTML_NAME, html_badge
from ui.app import make_app
from ui.main_window import MainWindow
from wallet import demo, lifecycle
from wallet.credentials import demo_issuers
from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.flows.onboarding import Step

SIZE = (1100, 700)
TALL = (1100, 900)
SMALLEST = (760, 560)
PASSPHRASE = "demo-screenshots"
OUTCOMES = """By the end of the course, students will be able to:
1. Operate a forklift safely in a warehouse
2. Provide first aid and CPR in an emergency
3. Keep inventory records in a spreadsheet
4. Apply statistical process control to a production line
"""
POSTING = Path(__file__).resolve().parents[1] / "fixtures" / "postings" / "14-forklift-operator-2nd-shift.json"


def settle(window: MainWindow, until: Step | None = None, seconds: float = 10.0) -> None:
    """Process events (and wait for the background unlock) until the flow reaches `until`."""
    deadline = QDeadlineTimer(int(seconds * 1000))
    while True:
        QCoreApplication.processEvents()
        if until is None or window.flow.state is until or deadline.hasExpired():
            break
        QThread.msleep(20)
    for _ in range(5):
        QCoreApplication.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / name
    if not widget.grab().save(str(path)):
        raise SystemExit(f"Could not save {path}")
    print(f"saved {path}")


def save_with_dialog(window: MainWindow, dialog: QDialog, out: Path, name: str) -> None:
    """The window, dimmed, with `dialog` drawn over its middle (a window grab leaves dialogs out)."""
    picture = window.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(20, 28, 40, 110))
    card = dialog.grab()
    x, y = (picture.width() - card.width()) // 2, (picture.height() - card.height()) // 2
    painter.setPen(QColor("#8d97a6"))
    painter.drawRect(x - 1, y - 1, card.width() + 1, card.height() + 1)
    painter.drawPixmap(x, y, card)
    painter.end()
    path = out / name
    if not picture.save(str(path)):
        raise SystemExit(f"Could not save {path}")
    print(f"saved {path}")


def show(window: MainWindow, title: str) -> None:
    """Select the record called `title` in the list."""
    model = window.records.model
    rows = [model.index(row).data() for row in range(model.rowCount())]
    window.records.list.setCurrentIndex(model.index(rows.index(title)))
    settle(window)


def scroll_to(window: MainWindow, object_name: str, above: int = 12) -> None:
    """Scroll the detail pane so the named part starts near its top."""
    detail = window.records.detail
    part = detail.findChild(QWidget, object_name)
    body = detail.widget()
    if part is None or body is None:
        raise SystemExit(f"No {object_name} in the detail pane")
    settle(window)
    detail.verticalScrollBar().setValue(part.mapTo(body, part.rect().topLeft()).y() - above)
    settle(window)


def import_three(window: MainWindow, folder: Path) -> None:
    """Import a new badge, a file already in the wallet and a note that is no credential; leave the results open."""
    session = window.flow.session
    assert session is not None
    new = folder / "forklift-other-learner.json"
    new.write_text(json.dumps(demo_issuers.forklift_badge("did:example:other-learner"), indent=2), "utf-8")
    again = folder / "customer-lifecycle.json"
    again.write_text(json.dumps(demo_issuers.customer_service_badge(session.did), indent=2), "utf-8")
    broken = folder / "notes.txt"
    broken.write_text("Remember to ask the college for my transcript.", "utf-8")
    import_files(window, [new, again, broken])


def hostile_page(window: MainWindow, folder: Path, out: Path) -> None:
    """Import the badge whose own words claim "✔ VERIFIED" and show it: literal text, the app's own verdict."""
    session = window.flow.session
    assert session is not None
    badge = folder / "nursing-licence.json"
    badge.write_text(json.dumps(html_badge(session.did), indent=2), "utf-8")
    import_files(window, [badge])
    window.records.commands.results.close()
    window.resize(*TALL)
    show(window, HTML_NAME)
    save(window, out, "hostile-name.png")


def import_files(window: MainWindow, paths: list[Path]) -> None:
    """Import `paths` as if chosen in the Import… dialog; leave the results open."""
    original = QFileDialog.getOpenFileNames
    QFileDialog.getOpenFileNames = lambda *_a, **_k: ([str(p) for p in paths], "")  # type: ignore[method-assign]
    try:
        window.records.commands.import_action.trigger()
        deadline = QDeadlineTimer(10_000)
        while not window.records.commands.results.isVisible() and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(20)
    finally:
        QFileDialog.getOpenFileNames = original  # type: ignore[method-assign]
    settle(window)


def wait_for(window: MainWindow, done: Callable[[], bool], seconds: float = 20.0) -> None:
    """Process events until `done()` (the skill pages' work runs on a worker thread)."""
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not done() and not deadline.hasExpired():
        QCoreApplication.processEvents()
        QThread.msleep(20)
    settle(window)


def skill_pages(window: MainWindow, out: Path, suffix: str = "") -> None:
    """The skills, opportunities (match and a view) and pathways pages, and the About box."""
    workspace = window.workspace
    workspace.go_to(1)
    wait_for(window, lambda: workspace.context.profile is not None and workspace.skills.list.count() > 0)
    skills = workspace.skills
    labels = [skills.list.item(n).text().split("\n")[0] for n in range(skills.list.count())]
    skills.list.setCurrentRow(labels.index("operate forklift"))
    settle(window)
    save(window, out, f"skills{suffix}.png")

    workspace.go_to(2)
    page = workspace.opportunities
    page.posting.setPlainText(json.loads(POSTING.read_text("utf-8"))["text"])
    page.match()
    wait_for(window, lambda: page.results.result is not None)
    save(window, out, f"match{suffix}.png")
    page.new_view_dialog.named.emit("Forklift operator, 2nd shift")
    wait_for(window, lambda: page.editor.view is not None and not workspace.context.jobs.busy())
    save(window, out, f"view-editor{suffix}.png")
    page.tabs.setCurrentIndex(2)
    page.cpl.outcomes.setPlainText(OUTCOMES)
    page.cpl.map_button.click()
    wait_for(window, lambda: page.cpl.results.count() > 0 and not workspace.context.jobs.busy())
    save(window, out, f"cpl{suffix}.png")

    workspace.go_to(3)
    wait_for(window, lambda: workspace.pathways.list.count() > 0 and not workspace.context.jobs.busy())
    save(window, out, f"pathways{suffix}.png")
    window.show_about()
    settle(window)
    assert window.about_dialog is not None
    save_with_dialog(window, window.about_dialog, out, f"about{suffix}.png")
    window.about_dialog.close()
    workspace.go_to(0)
    settle(window)


SCREEN = (1366, 768)


def care_pages(out: Path, tmp: Path, fast: KdfParams) -> None:
    """The wallet-care pages and dialogs at 1366×768, as a first-time user sees them (CARE=1)."""
    from PySide6.QtCore import QRect

    from ui import style
    from ui.app import fit_to_screen
    from ui.settings import Preferences
    from wallet.api import AppSettings

    app = make_app()
    prefs = Preferences(tmp / "settings.json")
    prefs.update(AppSettings(recent=(str(tmp / "USB" / "Sam.lerwallet"), str(tmp / "Maria Lopez.lerwallet"))))
    first = MainWindow(tmp / "none" / "wallet.lerwallet", kdf=fast, preferences=prefs)
    first.resize(*SCREEN)
    first.show()
    settle(first)
    save(first, out, "care-welcome.png")
    first.flow.choose_create()
    settle(first)
    save(first, out, "care-create.png")
    first.flow.back()
    first.welcome.demo_button.click()
    settle(first, Step.UNLOCKED, 30)
    first.lock()
    settle(first)
    save(first, out, "care-demo-unlock.png")
    first.close()

    window = MainWindow(tmp / "Maria Lopez.lerwallet", kdf=fast, preferences=prefs)
    window.resize(*SCREEN)
    window.show()
    settle(window)
    window.flow.submit_unlock(PASSPHRASE)
    settle(window, Step.UNLOCKED)
    menu = window.wallet_menu
    for name, opener, dialog in (("care-backup.png", menu.back_up, menu.backup_dialog),
                                 ("care-restore.png", menu.restore, menu.restore_dialog),
                                 ("care-passphrase.png", menu.change_passphrase, menu.passphrase_dialog),
                                 ("care-settings.png", menu.settings, menu.settings_dialog)):
        opener()
        wait_for(window, lambda: not window.records.commands.jobs.busy())
        save_with_dialog(window, dialog, out, name)
        dialog.reject()
    menu.new_recovery_code()
    menu.dialog.passphrase.setText(PASSPHRASE)
    menu.dialog.submit.click()
    wait_for(window, lambda: menu.dialog.showing_code)
    save_with_dialog(window, menu.dialog, out, "care-new-recovery-code.png")
    from ui.dialogs.recovery_kit import save_kit

    code = menu.dialog.code_page._code
    save_kit(tmp / "kit.pdf", code, tmp / "Maria Lopez.lerwallet", holder="Maria Lopez")
    import subprocess

    subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", str(tmp / "kit.pdf"),
                    str(out / "care-recovery-kit")], check=True)
    print(f"saved {out / 'care-recovery-kit.png'}")
    menu.dialog.finish()
    session = window.flow.session
    assert session is not None
    view = session.skills.create_view("Forklift operator, 2nd shift",
                                      json.loads(POSTING.read_text("utf-8"))["text"])
    window.workspace.go_to(2)
    page = window.workspace.opportunities
    page.tabs.setCurrentIndex(1)
    page._open(view.id)
    wait_for(window, lambda: page.editor.view is not None and not window.workspace.context.jobs.busy())
    save(window, out, "care-view-editor.png")
    window.resize(*SIZE)
    settle(window)
    save(window, out, "care-view-editor-1100.png")
    window.resize(*SCREEN)
    page.editor.name_input.setText("Forklift job at Acme")
    page.editor.dirty = True
    window.lock()
    settle(window)
    save_with_dialog(window, window.locker.prompt, out, "care-unsaved-view.png")
    window.locker.prompt.reject()
    window.workspace.go_to(0)
    show(window, "Certified Forklift Operator")
    for theme in ("dark", "high contrast"):
        style.apply(app, theme)
        settle(window)
        save(window, out, f"care-theme-{theme.replace(' ', '-')}.png")
    style.apply(app, "light", 2.0)
    fit_to_screen(window, QRect(0, 0, *SCREEN), scale=2.0)
    settle(window)
    save(window, out, "care-text-2x.png")
    window.workspace.go_to(2)
    settle(window)
    save(window, out, "care-text-2x-opportunities.png")
    style.apply(app, "light", 1.0)
    window.close()


def records_pages(out: Path, tmp: Path, wallet: Path, fast: KdfParams) -> None:
    """The learner's own records at 1366×768 (RECORDS=1)."""
    from wallet.api import EntryInput

    window = MainWindow(wallet, kdf=fast)
    window.resize(*SCREEN)
    window.show()
    settle(window)
    window.flow.submit_unlock(PASSPHRASE)
    settle(window, Step.UNLOCKED)
    session = window.flow.session
    assert session is not None
    show(window, "Food Bank Volunteer Coordinator")
    save(window, out, "records-entry.png")
    edits = window.records.edits
    edits.editor.start_new()
    editor = edits.editor
    editor.title.setText("Church choir treasurer")
    editor.organisation.setText("St Mary's Parish")
    editor.start.setText("2019-09")
    editor.description.setPlainText("Kept the accounts for a choir of forty, gave customer service to members every "
                                    "week and trained two new volunteers to use the spreadsheet.")
    wait_for(window, lambda: bool(editor.suggested()), 40.0)
    settle(window)
    save_with_dialog(window, editor, out, "records-entry-editor.png")
    editor.reject()
    edits.marks.start(session.reader.get_record(window.records.detail.record.id))  # type: ignore[union-attr]
    edits.marks.tags.setText("community, leadership")
    edits.marks.note.setPlainText("Ask Ana for a written reference before the interview.")
    settle(window)
    save_with_dialog(window, edits.marks, out, "records-tags-note.png")
    edits.marks.reject()
    edits.endorse_dialog.start()
    edits.endorse_dialog.path.setText(str(tmp / "sam-forklift-badge.json"))
    edits.endorse_dialog.comment.setPlainText("Sam drove the forklift on my shift for a year without an incident.")
    settle(window)
    save_with_dialog(window, edits.endorse_dialog, out, "records-endorse.png")
    edits.endorse_dialog.reject()
    long_skill = "coordinating volunteers across several neighbourhood food distribution points at once"
    window.records.commands.jobs.run(
        lambda: session.add_entry(EntryInput.from_json({
            "kind": "other", "title": "Neighbourhood pantry network", "start": "2023-01",
            "description": "Set up a network of pantries.",
            "skills": [long_skill, "Customer service", "customer  SERVICE", "manage inventory"]})),
        lambda _r: None, within=session)
    wait_for(window, lambda: not window.records.commands.jobs.busy())
    window.records.refresh()
    show(window, "Neighbourhood pantry network")
    window.resize(1000, 768)
    settle(window)
    save(window, out, "records-long-skill.png")
    window.resize(*SCREEN)
    window.records.detail.action_requested.emit("delete", window.records.detail.record.id)  # type: ignore[union-attr]
    wait_for(window, lambda: window.records.undo_bar.isVisible())
    settle(window)
    save(window, out, "records-undo.png")
    window.close()

    empty_path = tmp / "Empty.lerwallet"
    lifecycle.create_wallet(empty_path, PASSPHRASE, kdf=fast).session.lock()
    empty = MainWindow(empty_path, kdf=fast)
    empty.resize(*SCREEN)
    empty.show()
    settle(empty)
    empty.flow.submit_unlock(PASSPHRASE)
    settle(empty, Step.UNLOCKED)
    save(empty, out, "records-empty.png")
    empty.close()


def share_pages(out: Path, tmp: Path, fast: KdfParams) -> None:
    """The Share page (a view previewed for ACME, its QR code shown) and the Check page reading that bundle, at
    1366×768 (SHARE=1): share.png and check.png."""
    from tests.wallet.sharing.share_kit import EXPIRES, make_kit

    wallet = tmp / "share.lerwallet"
    made = lifecycle.create_wallet(wallet, PASSPHRASE, kdf=fast)
    with made.session as session:
        make_kit(session)
    window = MainWindow(wallet, kdf=fast)
    window.resize(*SCREEN)
    window.show()
    settle(window)
    window.flow.submit_unlock(PASSPHRASE)
    settle(window, Step.UNLOCKED)
    window.share_button.click()
    page = window.share_page
    wait_for(window, lambda: page.view_picker.count() > 0)
    page.recipient.setText("ACME Logistics")
    page.expires.setText(EXPIRES)
    page.preview()
    wait_for(window, lambda: page.prepared is not None, seconds=60)
    page.show_qr()
    wait_for(window, lambda: bool(page.shares))
    bundle = tmp / "bundle-for-acme.json"
    page.save_to("json", bundle)
    wait_for(window, lambda: len(page.shares) > 1)
    save(window, out, "share.png")
    window.close()
    checker = MainWindow(tmp / "none.lerwallet", kdf=fast)
    checker.resize(*SCREEN)
    checker.show()
    settle(checker)
    checker.welcome.check_button.click()
    checker.check_page.check([str(bundle)])
    wait_for(checker, lambda: bool(checker.check_page.answers), seconds=60)
    save(checker, out, "check.png")
    checker.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1]).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    fast = KdfParams.fast_for_tests()
    permit_test_costs()  # the screenshots' wallets use cheap settings, which the app otherwise refuses
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LER_WALLET_SETTINGS"] = str(Path(tmp) / "app-settings.json")  # not the person's own
        wallet = Path(tmp) / "Maria Lopez.lerwallet"
        made = lifecycle.create_wallet(wallet, PASSPHRASE, kdf=fast, demo=True)
        with made.session as session:
            demo.populate(session)

        if os.environ.get("RECORDS"):
            records_pages(out, Path(tmp), wallet, fast)
            app.processEvents()
            return 0
        if os.environ.get("SHARE"):
            share_pages(out, Path(tmp), fast)
            app.processEvents()
            return 0
        if os.environ.get("CARE"):
            care_pages(out, Path(tmp), fast)
            app.processEvents()
            return 0
        welcome = MainWindow(Path(tmp) / "new.lerwallet", kdf=fast)
        welcome.resize(*SIZE)
        welcome.show()
        settle(welcome)
        save(welcome, out, "welcome.png")
        welcome.flow.choose_create()
        welcome.flow.submit_create(Path(tmp) / "new.lerwallet", PASSPHRASE, PASSPHRASE)
        settle(welcome, Step.RECOVERY_CODE)
        save(welcome, out, "recovery_code.png")
        welcome.close()

        window = MainWindow(wallet, kdf=fast)
        window.resize(*SIZE)
        window.show()
        settle(window)
        save(window, out, "unlock.png")
        window.flow.submit_unlock(PASSPHRASE)
        settle(window, Step.UNLOCKED)
        if os.environ.get("HOSTILE"):
            hostile_page(window, Path(tmp), out)
            window.close()
            app.processEvents()
            return 0
        if os.environ.get("SMALL"):
            window.resize(*SMALLEST)
            settle(window)
            show(window, "Certified Forklift Operator")
            save(window, out, "records-small.png")
            skill_pages(window, out, "-small")
            window.close()
            app.processEvents()
            return 0
        show(window, "Food Bank Volunteer Coordinator")
        save(window, out, "records.png")
        window.resize(*TALL)
        show(window, "Certified Forklift Operator")
        save(window, out, "credential-verification.png")
        show(window, "Riverside Community College transcript (demo)")
        scroll_to(window, "clrSection", above=120)
        save(window, out, "clr-tree.png")
        window.resize(*SIZE)
        import_three(window, Path(tmp))
        save_with_dialog(window, window.records.commands.results, out, "import-results.png")
        window.records.commands.results.close()
        window.wallet_menu.your_profile()
        settle(window)
        save_with_dialog(window, window.wallet_menu.profile_dialog, out, "holder-profile.png")
        window.wallet_menu.profile_dialog.finish()
        skill_pages(window, out)
        hostile_page(window, Path(tmp), out)
        window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

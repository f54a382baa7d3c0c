"""A whole kiosk session in the real window, run as its own process by test_kiosk.py (not a test itself).

Usage: python kiosk_session.py STICK CREDENTIAL POSTING

The caller sets HOME, XDG_*, TMPDIR and QT_QPA_PLATFORM=offscreen before this process starts, so Qt and every
library read them from the first line. Here, through the kiosk window: create a wallet on STICK (the create
page), continue past the recovery code, import CREDENTIAL (the drop handler, as a dropped file), add an entry
(the facade: the entry editor is driven by its own tests), match POSTING (the Opportunities page), save a view
from it and share it as a PDF résumé to STICK (the facade: no Share page in the window yet), copy the DID to
the clipboard, then Sign out. It prints one line per stage and "done" at the end.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThread
from PySide6.QtGui import QGuiApplication

from wallet.crypto.kdf import KdfParams, permit_test_costs

PASSPHRASE = "kiosk client passphrase"


def wait(condition: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    deadline = QDeadlineTimer(int(seconds * 1000))
    while not condition():
        if deadline.hasExpired():
            raise SystemExit(f"timed out waiting for {what}")
        QCoreApplication.processEvents()
        QThread.msleep(10)


def main(stick: Path, credential: Path, posting_file: Path) -> None:
    permit_test_costs()
    from ui.app import make_app
    from ui.kiosk import open_kiosk
    from wallet.api import EntryInput, EntryKind, KioskConfig, Step, atomic_write, resume_pdf

    app = make_app()
    window, kiosk = open_kiosk(KioskConfig(enabled=True),
                               kdf=KdfParams.fast_for_tests())
    window.preferences.apply_look(app)
    wait(lambda: window.isVisible(), "the window")
    print("started", window.isFullScreen(), window.flow.state.value, flush=True)

    window.welcome.create_button.click()
    wait(lambda: window.create_page.location.text() == "", "an empty wallet place")
    window.create_page.location.setText(str(stick / "client.lerwallet"))
    window.create_page.first.setText(PASSPHRASE)
    window.create_page.second.setText(PASSPHRASE)
    window.create_page.submit.click()
    wait(lambda: window.flow.state is Step.RECOVERY_CODE, "the recovery code")
    window.recovery_code.confirm.setChecked(True)
    window.recovery_code.submit.click()
    wait(lambda: window.flow.state is Step.UNLOCKED, "the open wallet")
    session = window.flow.session
    assert session is not None
    print("created", session.path, flush=True)

    window.drops.import_paths([str(credential)])
    wait(lambda: session.count() >= 1 and not window.records.commands.jobs.busy(), "the import")
    print("imported", session.count(), flush=True)

    session.add_entry(EntryInput(kind=EntryKind.JOB, title="Warehouse associate", organisation="Harbor Point",
                                 description="Drove a forklift and kept inventory records.",
                                 skills=("operate forklift",)))
    window.records.flush_changes()
    print("entry added", session.count(), flush=True)

    posting = json.loads(posting_file.read_text(encoding="utf-8"))["text"]
    window.workspace.go_to(2)
    page = window.workspace.opportunities
    page.posting.setPlainText(posting)
    page.match_button.click()
    wait(lambda: page.results.result is not None, "the match")
    print("matched", len(page.results.result.skills) if page.results.result else 0, flush=True)

    view = session.skills.create_view("Forklift operator", posting)
    shared = session.sharing.prepare(view.id, form="pdf")
    out = stick / "resume.pdf"
    atomic_write(out, resume_pdf(shared.data, session.credentials.options(), "skills", "a4"))
    session.sharing.record(shared)
    print("shared", out.stat().st_size, flush=True)

    QGuiApplication.clipboard().setText(session.did)  # as Copy my DID would
    window.workspace.go_to(0)
    kiosk.sign_out_button.click()
    wait(lambda: window.flow.state is Step.START, "the sign-out")
    print("signed out", window.flow.path, repr(QGuiApplication.clipboard().text()), flush=True)
    window.close()
    QCoreApplication.processEvents()
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))

"""Save screenshots of the main pages (not a test): python tests/ui/make_screenshots.py OUT_DIR

Makes a demo wallet in a temporary folder with cheap key settings, opens the real window offscreen,
and saves welcome.png, unlock.png, recovery_code.png and records.png into OUT_DIR.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThread
from PySide6.QtWidgets import QWidget

from ui.app import make_app
from ui.main_window import MainWindow
from wallet import demo, service
from wallet.crypto.kdf import KdfParams
from wallet.flows.onboarding import Step

SIZE = (1100, 700)
PASSPHRASE = "demo-screenshots"


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


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1]).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    fast = KdfParams.fast_for_tests()
    with tempfile.TemporaryDirectory() as tmp:
        wallet = Path(tmp) / "Maria Lopez.lerwallet"
        made = service.create_wallet(wallet, PASSPHRASE, kdf=fast, demo=True)
        with made.session as session:
            demo.populate(session)

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
        model = window.records.model
        rows = [model.index(row).data() for row in range(model.rowCount())]
        window.records.list.setCurrentIndex(model.index(rows.index("Food Bank Volunteer Coordinator")))
        settle(window)
        save(window, out, "records.png")
        window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

"""Save screenshots of the help panel and kiosk mode at 1366×768 (not a test):
python tests/ui/make_kiosk_screenshots.py OUT_DIR

help-panel.png (the demo wallet's records with the help panel open), help-panel-unlock.png (the unlock page with
its help), kiosk.png (the kiosk welcome page), kiosk-countdown.png (an open wallet a few seconds before the idle
sign-out, Sign out in the header), tour.png (the first tour step over the records) and navigator-notes.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.ui.make_screenshots import PASSPHRASE, save, save_with_dialog, settle
from ui.app import make_app
from ui.kiosk import Kiosk, KioskPreferences
from ui.kiosk_notes import open_notes
from ui.main_window import MainWindow
from wallet import demo, lifecycle
from wallet.api import KioskConfig
from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.flows.onboarding import Step

SCREEN = (1366, 768)


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def main(out: Path) -> int:
    permit_test_costs()
    fast = KdfParams.fast_for_tests()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        os.environ["LER_WALLET_SETTINGS"] = str(tmp / "settings.json")
        os.environ["LER_WALLET"] = str(tmp / "none.lerwallet")
        make_app()
        wallet = tmp / "Maria.lerwallet"
        made = lifecycle.create_wallet(wallet, PASSPHRASE, kdf=fast, demo=True)
        with made.session as session:
            demo.populate(session)

        window = MainWindow(wallet, kdf=fast)
        window.resize(*SCREEN)
        window.show()
        settle(window)
        window.guide.action.trigger()
        settle(window)
        save(window, out, "help-panel-unlock.png")
        window.flow.submit_unlock(PASSPHRASE)
        settle(window, Step.UNLOCKED)
        settle(window)
        save(window, out, "help-panel.png")
        window.guide.start_tour()
        window.guide.tour.go(1)
        settle(window)
        save_with_dialog(window, window.guide.tour, out, "tour.png")
        window.guide.tour.reject()
        notes = open_notes(window, "en")
        settle(window)
        save_with_dialog(window, notes, out, "navigator-notes.png")
        notes.accept()
        window.close()

        config = KioskConfig(enabled=True)
        clock = Clock()
        kiosk_window = MainWindow(None, kdf=fast, idle_clock=clock, preferences=KioskPreferences(config))
        kiosk = Kiosk(kiosk_window, config)
        kiosk.start_page()
        kiosk_window.resize(*SCREEN)
        kiosk_window.show()
        settle(kiosk_window)
        save(kiosk_window, out, "kiosk.png")
        kiosk_window.flow.choose_open(wallet)
        kiosk_window.flow.submit_unlock(PASSPHRASE)
        settle(kiosk_window, Step.UNLOCKED)
        clock.now += 120 - 17
        kiosk.tick()
        settle(kiosk_window)
        save(kiosk_window, out, "kiosk-countdown.png")
        kiosk_window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))

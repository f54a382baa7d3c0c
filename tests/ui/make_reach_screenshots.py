"""Save the main pages as people who need more reach see them (not a test):

    python -m tests.ui.make_reach_screenshots docs/screenshots/reach

Makes a demo wallet in a temporary folder with cheap key settings and renders, at 1366×768, the welcome and
unlock pages, Records (a chosen credential), Skills, Opportunities (a posting matched), Pathways, Share and
Check, three times: at 200 % text (text-2x-*.png), in the high-contrast theme (contrast-*.png) and in Spanish
(es-*.png). It also saves the open wallet's header at 1,100 pixels wide in English and Spanish
(header-1100-en.png, header-1100-es.png): Wallet, Share, Check, Help and Lock, with no sideways scroll. Look at
each one for words that clip or overlap.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from tests.ui.make_screenshots import PASSPHRASE, POSTING, SCREEN, save, settle, show, wait_for
from ui import style
from ui.app import make_app
from ui.i18n import apply_language
from ui.main_window import MainWindow
from wallet import demo, lifecycle
from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.flows.onboarding import Step

HEADER_WIDTH = 1100
CREDENTIAL = "Customer Service with Digital Tools"


def pages(out: Path, wallet: Path, fast: KdfParams, prefix: str) -> None:
    """Every main page of the demo wallet, saved as `prefix`-<page>.png."""
    window = MainWindow(wallet, kdf=fast)
    window.resize(*SCREEN)
    window.show()
    settle(window)
    window.flow.back()
    settle(window)
    save(window, out, f"{prefix}-welcome.png")
    window.flow.choose_open(wallet)
    settle(window)
    save(window, out, f"{prefix}-unlock.png")
    window.flow.submit_unlock(PASSPHRASE)
    settle(window, Step.UNLOCKED)
    show(window, CREDENTIAL)
    save(window, out, f"{prefix}-records.png")
    workspace = window.workspace
    workspace.go_to(1)
    wait_for(window, lambda: workspace.context.profile is not None and workspace.skills.list.count() > 0)
    workspace.skills.list.setCurrentRow(0)
    settle(window)
    save(window, out, f"{prefix}-skills.png")
    workspace.go_to(2)
    page = workspace.opportunities
    page.posting.setPlainText(json.loads(POSTING.read_text("utf-8"))["text"])
    page.match()
    wait_for(window, lambda: page.results.result is not None)
    save(window, out, f"{prefix}-opportunities.png")
    workspace.go_to(3)
    wait_for(window, lambda: workspace.pathways.list.count() > 0 and not workspace.context.jobs.busy())
    save(window, out, f"{prefix}-pathways.png")
    workspace.go_to(0)
    window.share_button.click()
    settle(window)
    save(window, out, f"{prefix}-share.png")
    window.back_from_aside()
    window.check_button.click()
    settle(window)
    save(window, out, f"{prefix}-check.png")
    window.back_from_aside()
    settle(window)
    window.close()
    settle(window)


def header(out: Path, wallet: Path, fast: KdfParams, language: str) -> None:
    """The open wallet at 1,100 pixels: the header's buttons fit without a sideways scroll."""
    window = MainWindow(wallet, kdf=fast)
    window.resize(HEADER_WIDTH, 700)
    window.show()
    window.flow.submit_unlock(PASSPHRASE)
    settle(window, Step.UNLOCKED)
    show(window, CREDENTIAL)
    overflow = window.page_scroll.horizontalScrollBar().maximum()
    save(window, out, f"header-{HEADER_WIDTH}-{language}.png")
    print(f"header at {HEADER_WIDTH} px in {language}: {'fits' if overflow == 0 else f'{overflow} px too wide'}")
    window.close()
    settle(window)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1]).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    assert isinstance(app, QApplication)
    fast = KdfParams.fast_for_tests()
    permit_test_costs()  # the screenshots' wallets use cheap settings, which the app otherwise refuses
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LER_WALLET_SETTINGS"] = str(Path(tmp) / "app-settings.json")  # not the person's own
        wallet = Path(tmp) / "Maria Lopez.lerwallet"
        made = lifecycle.create_wallet(wallet, PASSPHRASE, kdf=fast, demo=True)
        with made.session as session:
            demo.populate(session)
        for language in ("en", "es"):
            apply_language(language)
            header(out, wallet, fast, language)
        apply_language("en")
        style.apply(app, "light", 2.0)
        pages(out, wallet, fast, "text-2x")
        style.apply(app, "high contrast", 1.0)
        pages(out, wallet, fast, "contrast")
        style.apply(app, "light", 1.0)
        apply_language("es")
        pages(out, wallet, fast, "es")
        apply_language("en")
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

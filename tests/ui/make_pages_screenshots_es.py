"""Save the wallet's pages in Spanish at 1366×768 (not a test): python -m tests.ui.make_pages_screenshots_es OUT_DIR

Makes a demo wallet in a temporary folder with cheap key settings, chooses Spanish before any window is built,
and saves es-welcome.png, es-create.png, es-recover.png, es-recovery-code.png, es-unlock.png (the demo's),
es-skills.png, es-match.png, es-view-editor.png, es-views.png, es-cpl.png, es-pathways.png,
es-pathways-job.png (moves from a job named by its O*NET code), es-clr.png (the college CLR: its tree and
issuer) and es-issuer.png (an Open Badge not from a trusted issuer, its trust advice) into OUT_DIR, to look at
for words the longer Spanish clips or overlaps.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.ui.make_screenshots import OUTCOMES, PASSPHRASE, POSTING, SCREEN, save, scroll_to, settle, show, wait_for
from ui.app import make_app
from ui.i18n import apply_language
from ui.main_window import MainWindow
from wallet import demo, lifecycle
from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.flows.onboarding import Step


def start_pages(out: Path, tmp: Path, fast: KdfParams) -> None:
    """Welcome, create, recover, and a new wallet's recovery code."""
    window = MainWindow(tmp / "new" / "wallet.lerwallet", kdf=fast)
    window.resize(*SCREEN)
    window.show()
    settle(window)
    save(window, out, "es-welcome.png")
    window.flow.choose_recover()
    settle(window)
    save(window, out, "es-recover.png")
    window.flow.back()
    window.flow.choose_create()
    settle(window)
    save(window, out, "es-create.png")
    window.flow.submit_create(tmp / "new" / "wallet.lerwallet", PASSPHRASE, PASSPHRASE)
    settle(window, Step.RECOVERY_CODE)
    save(window, out, "es-recovery-code.png")
    window.close()


def wallet_pages(out: Path, wallet: Path, fast: KdfParams) -> None:
    """The demo wallet's unlock page, the skill pages, and two credentials' parts."""
    window = MainWindow(wallet, kdf=fast)
    window.resize(*SCREEN)
    window.show()
    settle(window)
    save(window, out, "es-unlock.png")
    window.flow.submit_unlock(PASSPHRASE)
    settle(window, Step.UNLOCKED)
    workspace = window.workspace
    workspace.go_to(1)
    wait_for(window, lambda: workspace.context.profile is not None and workspace.skills.list.count() > 0)
    skills = workspace.skills
    labels = [skills.list.item(n).text().split("\n")[0] for n in range(skills.list.count())]
    skills.list.setCurrentRow(labels.index("operate forklift"))
    settle(window)
    save(window, out, "es-skills.png")
    workspace.go_to(2)
    page = workspace.opportunities
    page.posting.setPlainText(json.loads(POSTING.read_text("utf-8"))["text"])
    page.match()
    wait_for(window, lambda: page.results.result is not None)
    save(window, out, "es-match.png")
    page.new_view_dialog.named.emit("Operador de montacargas, 2.º turno")
    wait_for(window, lambda: page.editor.view is not None and not workspace.context.jobs.busy())
    save(window, out, "es-view-editor.png")
    page.editor.clear()
    settle(window)
    save(window, out, "es-views.png")
    page.tabs.setCurrentIndex(2)
    page.cpl.outcomes.setPlainText(OUTCOMES)
    page.cpl.map_button.click()
    wait_for(window, lambda: page.cpl.results.count() > 0 and not workspace.context.jobs.busy())
    save(window, out, "es-cpl.png")
    workspace.go_to(3)
    wait_for(window, lambda: workspace.pathways.list.count() > 0 and not workspace.context.jobs.busy())
    save(window, out, "es-pathways.png")
    pathways = workspace.pathways
    pathways.from_job.setChecked(True)
    pathways.occupation.setText("53-7051.00")
    pathways.show_moves()
    wait_for(window, lambda: not workspace.context.jobs.busy())
    save(window, out, "es-pathways-job.png")
    workspace.go_to(0)
    show(window, "Riverside Community College transcript (demo)")
    scroll_to(window, "clrSection", above=120)
    save(window, out, "es-clr.png")
    show(window, "Customer Service with Digital Tools")
    scroll_to(window, "issuerSection")
    save(window, out, "es-issuer.png")
    window.close()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    out = Path(argv[1]).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    app = make_app()
    apply_language("es")
    fast = KdfParams.fast_for_tests()
    permit_test_costs()  # the screenshots' wallets use cheap settings, which the app otherwise refuses
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["LER_WALLET_SETTINGS"] = str(Path(tmp) / "app-settings.json")  # not the person's own
        wallet = Path(tmp) / "Maria Lopez.lerwallet"
        made = lifecycle.create_wallet(wallet, PASSPHRASE, kdf=fast, demo=True)
        with made.session as session:
            demo.populate(session)
        start_pages(out, Path(tmp), fast)
        wallet_pages(out, wallet, fast)
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

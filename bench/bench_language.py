"""Switching the app's language while a wallet is open: how long until the window speaks the new language.

    python bench/bench_language.py                   # 2,000 records, 5 switches each way
    python bench/bench_language.py --records 500 --repeat 3

Offscreen Qt, the real MainWindow at 1366×768 on an unlocked wallet of self-described records (bench_app's
wallet). One switch is what Settings ▸ Language ▸ Save does: `Preferences.update` (Qt's and our catalogues),
then `MainWindow.retranslate` (every page, the header, menus and dialogs built again; the records list read
again; the chosen record and section restored), until the window has been painted. Reported: the median and
slowest switch to Spanish and back to English once the background work of an unlock is done, beside them the
median of a plain page switch (Records → Skills → Records) on the same window for scale, and apart the two
switches made at once after unlocking, while the skills warm-up thread (pure Python) still competes for the
interpreter.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_app import PASSPHRASE, make_wallet  # noqa: E402


def measure(path: Path, settings: Path, count: int, repeat: int) -> dict[str, list[float]]:
    from PySide6.QtCore import QCoreApplication

    from tests.conftest import FAST_KDF
    from ui.app import make_app
    from ui.i18n import apply_language
    from ui.main_window import MainWindow
    from ui.settings import Preferences
    from wallet.flows.onboarding import Step

    app = make_app()
    from wallet.api import start_warm_up

    results: dict[str, list[float]] = {"es": [], "en": [], "page": [], "first": []}
    preferences = Preferences(settings)
    window = MainWindow(path, kdf=FAST_KDF, preferences=preferences)
    window.resize(1366, 768)
    window.show()
    window.flow.submit_unlock(PASSPHRASE)
    while window.flow.state is not Step.UNLOCKED or window.records.model.rowCount() < count:
        QCoreApplication.processEvents()
    window.records.list.setCurrentIndex(window.records.model.index(count // 2))
    QCoreApplication.processEvents()

    def switch(language: str) -> float:
        tick = time.perf_counter()
        preferences.update(dataclasses.replace(preferences.values, language=language))
        window.retranslate()  # what the window's queued call does, run here so the timing is its own
        while window.records.model.rowCount() < count:
            QCoreApplication.processEvents()
        window.repaint()
        took = time.perf_counter() - tick
        QCoreApplication.processEvents()
        return took

    results["first"] += [switch("es"), switch("en")]  # at once after unlock: the skills warm-up still runs
    start_warm_up().join()
    window.integrity.wait()
    for _ in range(repeat):
        for language in ("es", "en"):
            results[language].append(switch(language))
        for index in (1, 0):
            tick = time.perf_counter()
            window.workspace.go_to(index)
            QCoreApplication.processEvents()
            window.repaint()
            results["page"].append(time.perf_counter() - tick)
    assert window.flow.state is Step.UNLOCKED
    window.close()
    apply_language("en")
    app.processEvents()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["LER_WALLET_SETTINGS"] = str(folder / "settings.json")
        path = make_wallet(folder, args.records)
        results = measure(path, folder / "settings.json", args.records, args.repeat)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:8.1f} ms  (slowest {max(values) * 1000:.1f})"

    page = statistics.median(results["page"])
    print(f"language switch with {args.records:,} records, {args.repeat} switches each way (medians)")
    print(f"  to Spanish      {ms(results['es'])}   {statistics.median(results['es']) / page:5.1f}× a page switch")
    print(f"  to English      {ms(results['en'])}   {statistics.median(results['en']) / page:5.1f}× a page switch")
    print(f"  page switch     {ms(results['page'])}")
    print(f"  right after unlock (the skills warm-up thread holds the GIL): {ms(results['first'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

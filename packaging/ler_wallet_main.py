"""The built app's entry script: exactly `ler-wallet` (cli.main.run), plus a hidden smoke check.

With LER_WALLET_SMOKE=1 and no subcommand, the app opens as usual; as soon as its main window is visible
the process reports the window (objectName, title, seconds since start, resident memory) on stderr and
quits. LER_WALLET_SMOKE=unlock also unlocks the wallet with LER_WALLET_PASSPHRASE and reports when the
records list shows. The packaging smoke test and bench/bench_build.py use it; nothing else does.
"""

from __future__ import annotations

import os
import sys
import threading
import time

STARTED = time.perf_counter()


def _resident_mb() -> str:
    try:
        line = next(x for x in open("/proc/self/status", encoding="ascii") if x.startswith("VmRSS:"))
        return f"{int(line.split()[1]) / 1024:.0f}"
    except (OSError, StopIteration, ValueError):  # not Linux: no figure
        return "?"


def _quit_when_shown(unlock: bool) -> None:
    """Watch for a visible top-level window, report it, then ask the event loop (queued, thread-safe) to quit.

    With `unlock`, first type LER_WALLET_PASSPHRASE into the unlock page and press Unlock (both queued into the
    GUI thread), and report when the records list shows, with the resident memory then.
    """
    from PySide6.QtCore import Q_ARG, QMetaObject, Qt
    from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPushButton

    queued = Qt.ConnectionType.QueuedConnection
    reported = pressed = False
    while True:
        app = QApplication.instance()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()] if app is not None else []
        window = shown[0] if shown else None
        if window is not None and not reported:
            print(f"smoke: window {window.objectName()!r} shown, title {window.windowTitle()!r}, "
                  f"after {time.perf_counter() - STARTED:.3f} s, rss {_resident_mb()} MB", file=sys.stderr, flush=True)
            reported = True
        if window is not None and unlock and not pressed:
            field = window.findChild(QLineEdit, "passphraseInput")
            submit = window.findChild(QPushButton, "unlockButton")
            if field is not None and submit is not None and field.isVisible():
                QMetaObject.invokeMethod(field, "setText", queued, Q_ARG(str, os.environ["LER_WALLET_PASSPHRASE"]))
                QMetaObject.invokeMethod(submit, "click", queued)
                pressed = True
        if window is not None and unlock and pressed:
            records = window.findChild(QListView, "recordList")
            if records is not None and records.isVisible() and records.model() and records.model().rowCount() > 0:
                print(f"smoke: unlocked, {records.model().rowCount()} records listed, after "
                      f"{time.perf_counter() - STARTED:.3f} s, rss {_resident_mb()} MB", file=sys.stderr, flush=True)
                unlock = False
        if window is not None and not unlock:
            QMetaObject.invokeMethod(app, "quit", queued)
        time.sleep(0.02)


def main() -> None:
    smoke = os.environ.get("LER_WALLET_SMOKE")
    if smoke in ("1", "unlock") and not [a for a in sys.argv[1:] if not a.startswith("-")]:
        threading.Thread(target=_quit_when_shown, args=(smoke == "unlock",), name="smoke", daemon=True).start()
    from cli.main import run

    run()


if __name__ == "__main__":
    main()

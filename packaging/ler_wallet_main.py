"""The built app's entry script: exactly `ler-wallet` (cli.main.run), plus a hidden smoke check.

With LER_WALLET_SMOKE=1 and no subcommand, the app opens as usual; as soon as its main window is visible
the process reports the window (objectName, title, seconds since start) on stderr and quits. The
packaging smoke test and bench/bench_build.py use it to see the window open, offscreen, without a timer.
"""

from __future__ import annotations

import os
import sys
import threading
import time

STARTED = time.perf_counter()


def _quit_when_shown() -> None:
    """Watch for a visible top-level window, report it, then ask the event loop (queued, thread-safe) to quit."""
    from PySide6.QtCore import QMetaObject, Qt
    from PySide6.QtWidgets import QApplication

    reported = False
    while True:
        app = QApplication.instance()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()] if app is not None else []
        if shown:
            if not reported:
                window = shown[0]
                print(f"smoke: window {window.objectName()!r} shown, title {window.windowTitle()!r}, "
                      f"after {time.perf_counter() - STARTED:.3f} s", file=sys.stderr, flush=True)
                reported = True
            QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)
        time.sleep(0.02)


def main() -> None:
    if os.environ.get("LER_WALLET_SMOKE") == "1" and not [a for a in sys.argv[1:] if not a.startswith("-")]:
        threading.Thread(target=_quit_when_shown, name="smoke", daemon=True).start()
    from cli.main import run

    run()


if __name__ == "__main__":
    main()

"""A long, signal-heavy session of the real app, run as its own process by test_app_process.py.

Usage: python long_session.py WALLET PASSPHRASE EMITS VIEWS

It starts the app the way `ler-wallet gui` does (cli.main), and once the event loop runs: reports the
process hardening (core-file limit, dumpable), unlocks WALLET, views records VIEWS times over (each view is
a selection change, a detail page and Python-side signal emits), then emits EMITS Python signals of every
argument kind the app uses (none, bool, str, object, two args) into Python slots, and closes the window.
It prints one line per stage and "done" at the very end. A Qt binding that mishandles references aborts
this process (often only at exit), so the caller checks the exit code, not just the output.
"""

from __future__ import annotations

import ctypes
import json
import resource
import sys
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from wallet.crypto.kdf import permit_test_costs


class Chatter(QObject):
    """Signals of every shape the app's own signals have."""

    bare = Signal()
    flag = Signal(bool)
    text = Signal(str)
    thing = Signal(object)
    pair = Signal(str, str)


def _emit_many(count: int) -> int:
    chatter = Chatter()
    received: list[Any] = []
    chatter.bare.connect(lambda: received.append(None))
    chatter.flag.connect(received.append)
    chatter.text.connect(received.append)
    chatter.thing.connect(received.append)
    chatter.pair.connect(lambda a, b: received.append(a))
    emitters = (
        lambda i: chatter.bare.emit(),
        lambda i: chatter.flag.emit(i % 2 == 0),
        lambda i: chatter.text.emit(str(i)),
        lambda i: chatter.thing.emit({"i": i, "ok": True}),
        lambda i: chatter.pair.emit("a", str(i)),
    )
    for i in range(count):
        emitters[i % len(emitters)](i)
    return len(received)


def _drive(wallet: str, passphrase: str, emits: int, views: int) -> None:
    from ui.main_window import MainWindow
    from wallet.flows.onboarding import Step

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0]
    print(f"window {window.flow.state.value}", flush=True)
    dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) if sys.platform.startswith("linux") else None
    print("hardening " + json.dumps({"core": resource.getrlimit(resource.RLIMIT_CORE), "dumpable": dumpable}),
          flush=True)
    window.flow.submit_unlock(passphrase)

    def after_unlock() -> None:
        if window.flow.state is not Step.UNLOCKED:
            QTimer.singleShot(20, after_unlock)
            return
        view = window.records.list
        model = view.model()
        rows = model.rowCount()
        for n in range(views):
            view.selectionModel().setCurrentIndex(
                model.index(n % rows, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            QApplication.processEvents()
        print(f"viewed {views} times {rows} records", flush=True)
        print(f"emitted {_emit_many(emits)}", flush=True)
        window.close()

    QTimer.singleShot(0, after_unlock)


def main() -> int:
    wallet, passphrase, emits, views = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    permit_test_costs()
    real_exec = QApplication.exec

    def exec_and_drive(app: QApplication) -> int:
        QTimer.singleShot(0, lambda: _drive(wallet, passphrase, emits, views))
        return real_exec()

    QApplication.exec = exec_and_drive  # type: ignore[method-assign,assignment]
    from cli.main import main as ler_wallet

    code = ler_wallet(["--wallet", wallet, "gui"])
    print(f"exit {code}", flush=True)
    return code


if __name__ == "__main__":
    status = main()
    print("done", flush=True)
    sys.exit(status)

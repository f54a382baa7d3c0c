"""Locking when the person is away, like KeePassXC: after a quiet spell, when the session says the screen is
locked or the computer is going to sleep, and on demand (Ctrl+L, handled by the window).

`IdleLock` watches every input event of the application (an event filter) and asks a clock how long it has
been quiet; the clock is injected so tests move time instead of waiting. A one-second timer asks; `check()`
can be called directly.

What the platform tells us:
- Qt's `applicationStateChanged` says `ApplicationSuspended` on platforms that suspend apps (mobile, some
  desktops before sleep): the wallet locks.
- On Linux desktops with D-Bus, the session's screen saver (`org.freedesktop.ScreenSaver.ActiveChanged`) and
  logind (`org.freedesktop.login1.Manager.PrepareForSleep`) say when the screen locks or
  the machine sleeps: the wallet locks. These are local messages (no network). Where there is no bus (the
  offscreen platform in tests, Windows, macOS) nothing is connected and only the idle timer and Ctrl+L lock;
  `platform_watch` says which were connected.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.ShortcutOverride,
})


class IdleLock(QObject):
    """Emits `lock_now(reason)` once when the app has been idle `minutes` (only while `active`)."""

    lock_now = Signal(str)

    def __init__(self, parent: QObject | None = None, *, minutes: int = 5,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._seconds = float(minutes * 60)
        self._last = clock()
        self.active = False
        self.platform_watch: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        self._watch_session_bus()

    # -- what the window calls ----------------------------------------------------------------------
    def set_minutes(self, minutes: int) -> None:
        self._seconds = float(minutes * 60)

    @property
    def minutes(self) -> float:
        return self._seconds / 60

    def start(self) -> None:
        """A wallet is unlocked: count from now."""
        self._last = self._clock()
        self.active = True
        self._timer.start()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()

    def touch(self) -> None:
        """Activity seen (input, or work the person started)."""
        self._last = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last

    @Slot()
    def check(self) -> bool:
        """Lock if the quiet spell is over; True when it asked to lock."""
        if self.active and self.idle_seconds() >= self._seconds:
            self.stop()
            self.lock_now.emit(f"idle for {round(self._seconds / 60)} minutes")  # i18n: not shown
            return True
        return False

    # -- watching ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and event.type() in INPUT_EVENTS:
            self._last = self._clock()
        return False

    @Slot(Qt.ApplicationState)
    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if self.active and state == Qt.ApplicationState.ApplicationSuspended:
            self.stop()
            self.lock_now.emit("the app was suspended")  # i18n: not shown

    def _watch_session_bus(self) -> None:
        """Connect to the desktop's screen-lock and sleep signals where a D-Bus is running (Linux)."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session, system = QDBusConnection.sessionBus(), QDBusConnection.systemBus()
        wanted = [
            (session, "org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
             "ActiveChanged", "screen saver"),  # i18n: not shown
            (system, "org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
             "PrepareForSleep", "sleep"),
        ]
        for bus, service, path, interface, signal_name, what in wanted:
            if bus.isConnected() and bus.connect(service, path, interface, signal_name, self, b"1_on_bus(bool)"):
                self.platform_watch.append(what)

    @Slot(bool)
    def _on_bus(self, starting: bool) -> None:
        """The screen saver came on, or the machine is about to sleep."""
        if self.active and starting:
            self.stop()
            self.lock_now.emit("the screen was locked or the computer went to sleep")  # i18n: not shown


__all__ = ["IdleLock"]

"""Can a window open here? Answer in one sentence before Qt gets a chance to abort the process."""

from __future__ import annotations

import ctypes.util
import os
import sys

# Qt's xcb platform plugin needs these on Linux; Debian/Ubuntu package names.
_XCB_LIBS = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-shape": "libxcb-shape0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}


def gui_blocker() -> str | None:
    """None when a window can open, else one sentence saying why not and what to do."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if sys.platform.startswith("linux") and not platform:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return ("No display was found, so the app window can't open here; use the command line "
                    "instead (ler-wallet --help).")
        if not os.environ.get("WAYLAND_DISPLAY"):
            missing = [pkg for lib, pkg in _XCB_LIBS.items() if ctypes.util.find_library(lib) is None]
            if missing:
                return ("The app window needs system libraries this computer lacks; install them with: "
                        f"sudo apt-get install {' '.join(missing)}")
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        return f"The app window can't start because Qt could not load ({exc}); the command line still works."
    return None

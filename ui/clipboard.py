"""What the app puts on the clipboard (an ID, a DID), so that locking can take it back.

Locking clears the clipboard only when it still holds exactly what the app put there: something the person
copied since, from anywhere, is theirs and stays.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

_ours: list[str] = []
"""The last text the app copied (at most one), kept only until it is cleared or replaced."""


def copy_text(text: str) -> None:
    """Put `text` on the clipboard and remember that the app put it there."""
    clipboard = QGuiApplication.clipboard()
    if clipboard is None:
        return
    clipboard.setText(text)
    _ours[:] = [text]


def clear_if_ours() -> bool:
    """Empty the clipboard when it still holds what the app copied; True when it did."""
    clipboard = QGuiApplication.clipboard()
    ours, _ours[:] = _ours[:], []
    if clipboard is None or not ours or clipboard.text() != ours[0]:
        return False
    clipboard.clear()
    return True

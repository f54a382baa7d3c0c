"""A tiny synchronous event bus so the UI can listen to the core without the core knowing Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Event:
    name: str  # "records_changed", "locked", "passphrase_changed"
    detail: dict[str, Any]


Listener = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def emit(self, name: str, **detail: Any) -> None:
        for listener in list(self._listeners):
            listener(Event(name, detail))

"""The app's own settings file: what belongs to this computer rather than to one wallet.

One small JSON file (`settings.json` in the platform's config folder, or `LER_WALLET_SETTINGS`): the lock
timeout, the look (theme, text size), the language, the default paper size and the recent-wallets list (which can be
turned off, and is then emptied). Nothing secret goes here. A damaged or hand-edited file never stops the
app: each value that is missing or out of range falls back to its default.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from wallet.portable import portable_settings_path
from wallet.store.files import atomic_write, os_errors

THEMES = ("light", "dark", "high contrast")
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)
PAPER_SIZES = ("A4", "Letter")
LOCK_MINUTES = (1, 2, 5, 10, 15, 30, 60)
LANGUAGE_CHOICES = ("system", "en", "es")
"""'system' follows the computer's locale (Spanish for es_*, else English)."""
DEFAULT_LOCK_MINUTES = 5
MAX_RECENT = 8
MAX_SETTINGS_BYTES = 64 * 1024


@dataclass(frozen=True)
class AppSettings:
    """Settings of this app on this computer (never a wallet's contents)."""

    lock_minutes: int = DEFAULT_LOCK_MINUTES
    theme: str = "light"
    text_scale: float = 1.0
    paper: str = "A4"
    remember_recent: bool = True
    recent: tuple[str, ...] = field(default_factory=tuple)
    tour_seen: bool = False
    """The first-run tour was shown (or skipped) on this computer; Help reopens it."""
    language: str = "system"
    """One of LANGUAGE_CHOICES."""

    def with_recent(self, wallet: Path) -> AppSettings:
        """`wallet` first in the recent list (unless remembering is off)."""
        if not self.remember_recent:
            return self
        shown = str(wallet.expanduser())
        kept = tuple(p for p in self.recent if p != shown)
        return replace(self, recent=(shown, *kept)[:MAX_RECENT])

    def without_recent(self, wallet: str) -> AppSettings:
        return replace(self, recent=tuple(p for p in self.recent if p != wallet))

    def remembering(self, on: bool) -> AppSettings:
        """Turn the recent-wallets list on or off; off forgets it at once."""
        return replace(self, remember_recent=on, recent=self.recent if on else ())


def settings_path() -> Path:
    """`LER_WALLET_SETTINGS` if set, else `<platform config folder>/LER Wallet/settings.json`."""
    env = os.environ.get("LER_WALLET_SETTINGS")
    if env:
        return Path(env).expanduser()
    portable = portable_settings_path()  # beside the executable on a USB stick: nothing on this computer
    if portable is not None:
        return portable
    return Path(platformdirs.user_config_dir("LER Wallet", appauthor=False)) / "settings.json"


def _pick(value: Any, allowed: tuple[Any, ...], default: Any) -> Any:
    return value if value in allowed and type(value) is type(default) else default


def from_json(data: Any) -> AppSettings:
    """Settings from parsed JSON; anything missing, mistyped or out of range keeps its default."""
    base = AppSettings()
    if not isinstance(data, dict):
        return base
    recent = data.get("recent")
    paths = tuple(p for p in recent if isinstance(p, str) and p)[:MAX_RECENT] if isinstance(recent, list) else ()
    remember = data.get("remember_recent")
    remember_on = remember if isinstance(remember, bool) else base.remember_recent
    scale = data.get("text_scale")
    return AppSettings(
        lock_minutes=_pick(data.get("lock_minutes"), LOCK_MINUTES, base.lock_minutes),
        theme=_pick(data.get("theme"), THEMES, base.theme),
        text_scale=float(scale) if isinstance(scale, int | float) and float(scale) in TEXT_SCALES else 1.0,
        paper=_pick(data.get("paper"), PAPER_SIZES, base.paper),
        remember_recent=remember_on,
        recent=paths if remember_on else (),
        tour_seen=data.get("tour_seen") is True,
        language=_pick(data.get("language"), LANGUAGE_CHOICES, base.language),
    )


def load_settings(path: Path | None = None) -> AppSettings:
    """The saved settings, or the defaults when there is no file or it cannot be read."""
    where = path or settings_path()
    try:
        if where.stat().st_size > MAX_SETTINGS_BYTES:
            return AppSettings()
        return from_json(json.loads(where.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return AppSettings()


def save_settings(settings: AppSettings, path: Path | None = None) -> Path:
    """Write the settings atomically; raises StorageError (one sentence) when the folder refuses."""
    where = path or settings_path()
    data = asdict(settings)
    data["recent"] = list(settings.recent)
    with os_errors(where.parent):
        where.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(where, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return where


__all__ = [
    "DEFAULT_LOCK_MINUTES", "LANGUAGE_CHOICES", "LOCK_MINUTES", "PAPER_SIZES", "TEXT_SCALES", "THEMES",
    "AppSettings", "load_settings", "save_settings", "settings_path",
]

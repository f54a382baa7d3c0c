"""Kiosk mode's settings, which an administrator fixes in a TOML file (a library or job centre's shared computer).

Where the file is: the path given to `ler-wallet gui --kiosk-config`, else `LER_WALLET_KIOSK_CONFIG`, else
`/etc/ler-wallet/kiosk.toml` (on Windows `%PROGRAMDATA%\\LER Wallet\\kiosk.toml`) when it exists. Every key is
optional::

    [kiosk]
    enabled = true          # kiosk mode even without --kiosk
    lock_minutes = 2        # sign out after this long without input (1 to 60)
    warning_seconds = 30    # the countdown shown before that (5 to 300, and under the lock time)
    full_screen = true

A file that cannot be read or holds a wrong value stops the app with one sentence naming the file and the key:
on a shared computer a silently ignored setting (a lock time of an hour, say) is worse than not starting.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wallet.errors import UsageError
from wallet.i18n import _

MAX_CONFIG_BYTES = 64 * 1024
ENV = "LER_WALLET_KIOSK_CONFIG"


class KioskConfigError(UsageError):
    """The kiosk configuration file cannot be used (the message names the file and what is wrong)."""


@dataclass(frozen=True)
class KioskConfig:
    """Kiosk policy: whether it is on, when to sign out an idle client, the countdown before, full screen."""

    enabled: bool = False
    lock_minutes: int = 2
    warning_seconds: int = 30
    full_screen: bool = True
    source: str = ""
    """The file these came from ('' for the defaults)."""


def default_config_path() -> Path:
    """The system-wide place an administrator puts the file."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "LER Wallet" / "kiosk.toml"
    return Path("/etc/ler-wallet/kiosk.toml")


def _whole(table: dict[str, Any], key: str, low: int, high: int, default: int, where: Path) -> int:
    value = table.get(key, default)
    if type(value) is not int or not low <= value <= high:
        raise KioskConfigError(_("In {where}, “{key}” must be a whole number from {low} to {high}.").format(
            where=where, key=key, low=low, high=high))
    return value


def _flag(table: dict[str, Any], key: str, default: bool, where: Path) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise KioskConfigError(_("In {where}, “{key}” must be true or false.").format(where=where, key=key))
    return value


def parse_config(text: str, where: Path) -> KioskConfig:
    """The settings in `text` (TOML); raises KioskConfigError with one sentence when something is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KioskConfigError(_("{where} is not valid TOML ({exc}).").format(where=where, exc=exc)) from None
    table = data.get("kiosk", {})
    if not isinstance(table, dict):
        raise KioskConfigError(_("In {where}, “kiosk” must be a table: a line [kiosk] followed by its "
                                 "settings.").format(
                        where=where))
    unknown = sorted(set(table) - {"enabled", "lock_minutes", "warning_seconds", "full_screen"})
    if unknown:
        raise KioskConfigError(_("In {where}, “{unknown}” is not a kiosk setting (known: enabled, lock_minutes, "
                                 "warning_seconds, full_screen).").format(where=where, unknown=unknown[0]))
    minutes = _whole(table, "lock_minutes", 1, 60, 2, where)
    warning = _whole(table, "warning_seconds", 5, 300, 30, where)
    if warning >= minutes * 60:
        raise KioskConfigError(_("In {where}, “warning_seconds” must be shorter than the lock time ({value} "
                                 "seconds).").format(
                        where=where, value=minutes * 60))
    return KioskConfig(enabled=_flag(table, "enabled", False, where), lock_minutes=minutes, warning_seconds=warning,
                       full_screen=_flag(table, "full_screen", True, where), source=str(where))


def load_kiosk_config(path: Path | None = None) -> KioskConfig:
    """The administrator's settings: from `path`, else LER_WALLET_KIOSK_CONFIG, else the system file if it
    exists, else the defaults (kiosk off until asked for). A named file that is missing is an error."""
    named = path or (Path(os.environ[ENV]) if os.environ.get(ENV) else None)
    where = (named or default_config_path()).expanduser()
    try:
        if named is None and not where.is_file():
            return KioskConfig()
        if where.stat().st_size > MAX_CONFIG_BYTES:
            raise KioskConfigError(_("{where} is too large to be a kiosk configuration file.").format(where=where))
        text = where.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KioskConfigError(_("There is no kiosk configuration file at {where}.").format(where=where)) from None
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or exc
        raise KioskConfigError(_("The kiosk configuration file {where} cannot be read ({why}).").format(
            where=where, why=why)) from None
    return parse_config(text, where)


__all__ = ["KioskConfig", "KioskConfigError", "default_config_path", "load_kiosk_config", "parse_config"]

"""Asking for secrets: from the environment or a hidden prompt, never from argv."""

from __future__ import annotations

import getpass
import os
import sys

from wallet.api import UsageError

PASSPHRASE_ENV = "LER_WALLET_PASSPHRASE"
NEW_PASSPHRASE_ENV = "LER_WALLET_NEW_PASSPHRASE"
RECOVERY_ENV = "LER_WALLET_RECOVERY_CODE"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _hidden(prompt: str, env: str) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not _interactive():
        raise UsageError(f"No terminal to ask for it: set {env} or run this in a terminal.")
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise UsageError("No passphrase was typed.") from exc


def passphrase(prompt: str = "Passphrase: ") -> str:
    return _hidden(prompt, PASSPHRASE_ENV)


def new_passphrase(env: str = NEW_PASSPHRASE_ENV) -> str:
    """A new passphrase, typed twice when asked interactively."""
    value = os.environ.get(env)
    if value is not None:
        return value
    first = _hidden("New passphrase (8 characters or more): ", env)
    second = _hidden("Type it again: ", env)
    if first != second:
        raise UsageError("The two passphrases were different; nothing was changed.")
    return first


def recovery_code() -> str:
    return _hidden("Recovery code (from the paper you printed): ", RECOVERY_ENV)


def confirm(question: str) -> bool:
    if not _interactive():
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in {"y", "yes"}
    except EOFError:
        return False

"""Rules for what a person chooses: passphrases."""

from __future__ import annotations

from wallet.errors import UsageError

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must not be empty and must be at least 8 characters."""
    if not passphrase or not passphrase.strip():
        raise UsageError("The passphrase can't be empty.")
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters; a few words you will remember work well."
        )

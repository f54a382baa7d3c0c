"""Rules for what a person chooses: passphrases."""

from __future__ import annotations

from wallet.errors import UsageError
from wallet.i18n import _

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    """A new passphrase must not be empty and must be at least 8 characters."""
    if not passphrase or not passphrase.strip():
        raise UsageError(_("The passphrase can't be empty."))
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(
            _("Choose a passphrase of at least {min_passphrase} characters; a few words you will remember "
              "work well.").format(
                                min_passphrase=MIN_PASSPHRASE)
        )

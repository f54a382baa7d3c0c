"""The one exception tree of the wallet. Every error carries a sentence a person understands.

    WalletError                      base; `exit_code` is what the command line returns
    ├── UsageError                   the caller asked for something that cannot be done as asked (2)
    │   └── InvalidInputError        a file or value we were given is unreadable or malformed (2)
    │       └── CredentialFormatError    not a credential we can read: bad JSON, JWT, PNG, SVG, too big (2)
    │           └── UnknownContextError  a JSON-LD context that is not bundled (names the URL) (2)
    ├── WalletNotFoundError          no wallet at the path (2)
    ├── WalletExistsError            refusing to overwrite an existing wallet (2)
    ├── NotAWalletError              the path holds something that is not a wallet (2)
    ├── WalletDamagedError           truncated, bit-flipped or otherwise damaged wallet or backup (2)
    ├── NewerWalletError             made by a newer version of LER Wallet (2)
    ├── WrongPassphraseError         passphrase or recovery code does not unlock the wallet (1)
    ├── StorageError                 the disk said no: read-only location, disk full, permissions (2)
    ├── RecordNotFoundError          no record with that id (2)
    ├── DuplicateRecordError         the same credential bytes are already in the wallet (2)
    └── WalletLockedError            an operation needed an unlocked wallet (programming misuse) (2)
"""

from __future__ import annotations

from wallet.i18n import _


class WalletError(Exception):
    """Base of every error the wallet raises on purpose."""

    exit_code: int = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(WalletError):
    """The request cannot be carried out as asked."""


class InvalidInputError(UsageError):
    """An input file or value is unreadable or malformed."""


class CredentialFormatError(InvalidInputError):
    """The bytes are not a credential the wallet can read (malformed, truncated, hostile or too large)."""


class UnknownContextError(CredentialFormatError):
    """A JSON-LD context URL is not one of the contexts bundled with the app."""

    def __init__(self, url: str) -> None:
        shown = url if len(url) <= 100 else url[:99] + "…"
        super().__init__(
            _("The credential uses the JSON-LD context {shown}, which this app does not have offline, so its meaning "
              "cannot be checked.").format(shown=shown)
        )
        self.url = url


class WalletNotFoundError(WalletError):
    """There is no wallet at the given path."""


class WalletExistsError(WalletError):
    """A wallet is already at the given path and would be overwritten."""


class NotAWalletError(WalletError):
    """The path exists but does not hold an LER wallet."""


class WalletDamagedError(WalletError):
    """The wallet or backup is truncated or damaged."""


class NewerWalletError(WalletError):
    """The wallet or backup was made by a newer version of the program."""


class WrongPassphraseError(WalletError):
    """The passphrase or recovery code does not unlock this wallet."""

    exit_code = 1


class StorageError(WalletError):
    """The operating system refused a read or write (read-only, disk full, permissions)."""


class RecordNotFoundError(WalletError):
    """No record has the given id."""


class DuplicateRecordError(WalletError):
    """The wallet already holds a credential with exactly these bytes."""

    def __init__(self, message: str, existing_id: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class WalletLockedError(WalletError):
    """An operation needed an unlocked wallet."""

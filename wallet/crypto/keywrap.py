"""Sealing the wallet's data key with a passphrase-derived key or a recovery code (XSalsa20-Poly1305).

An authentication failure while opening a box means the secret was wrong: the key file carries its
own checksum, so damage to the file is detected before any box is opened.
"""

from __future__ import annotations

import hashlib
import secrets

from nacl import exceptions as nacl_exceptions
from nacl import secret, utils

from wallet.errors import InvalidInputError
from wallet.i18n import _

DATA_KEY_BYTES = 32

# Crockford base32 without I, L, O, U: easy to read aloud and to type from paper.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 4  # 32 symbols x 5 bits = 160 bits of entropy


def new_data_key() -> bytes:
    """A fresh random 256-bit key for the database."""
    return utils.random(DATA_KEY_BYTES)


def seal(wrapping_key: bytes, plaintext: bytes) -> bytes:
    """Encrypt and authenticate `plaintext` under `wrapping_key` (nonce included)."""
    return bytes(secret.SecretBox(wrapping_key).encrypt(plaintext))


def open_sealed(wrapping_key: bytes, sealed: bytes) -> bytes | None:
    """Decrypt a sealed box; None when the key is wrong (authentication failed)."""
    try:
        return bytes(secret.SecretBox(wrapping_key).decrypt(sealed))
    except nacl_exceptions.CryptoError:
        return None


def new_recovery_code() -> str:
    """A 160-bit recovery code shown once, formatted as 8 groups of 4 characters."""
    symbols = "".join(secrets.choice(_ALPHABET) for _unused in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(symbols[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(symbols), RECOVERY_GROUP_LEN))


def normalise_recovery_code(code: str) -> str:
    """Upper-case, drop spaces and dashes, and map look-alike letters (O->0, I/L->1)."""
    cleaned = "".join(ch for ch in code.upper() if not ch.isspace() and ch != "-").translate(_CONFUSABLE)
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(ch not in _ALPHABET for ch in cleaned):
        raise InvalidInputError(
            _("A recovery code has 32 letters and digits in 8 groups of 4, like ABCD-EFGH-...")
        )
    return cleaned


def recovery_wrapping_key(code: str, salt: bytes) -> bytes:
    """Wrapping key from a recovery code.

    The code carries 160 random bits, so a slow KDF adds nothing against guessing; a salted
    BLAKE2b keeps each wallet's wrap independent.
    """
    normalised = normalise_recovery_code(code)
    return hashlib.blake2b(
        normalised.encode("ascii"), digest_size=32, salt=salt[:16], person=b"ler-wallet-recov"
    ).digest()

"""Sealing the data key and recovery codes: formatting, forgiving input, wrong secrets."""

from __future__ import annotations

import re

import pytest

from wallet.crypto import keywrap
from wallet.errors import InvalidInputError

SALT = b"\x05" * 16


def test_seal_round_trip() -> None:
    """A sealed data key opens with the same wrapping key."""
    wrapping, data_key = keywrap.new_data_key(), keywrap.new_data_key()
    assert keywrap.open_sealed(wrapping, keywrap.seal(wrapping, data_key)) == data_key


def test_seal_is_randomised() -> None:
    """Sealing twice gives different boxes (fresh nonce), both opening to the same key."""
    wrapping, data_key = keywrap.new_data_key(), keywrap.new_data_key()
    first, second = keywrap.seal(wrapping, data_key), keywrap.seal(wrapping, data_key)
    assert first != second
    assert keywrap.open_sealed(wrapping, first) == keywrap.open_sealed(wrapping, second) == data_key


def test_open_with_wrong_key_is_none() -> None:
    """The wrong wrapping key yields None, not an exception."""
    sealed = keywrap.seal(keywrap.new_data_key(), b"k" * 32)
    assert keywrap.open_sealed(keywrap.new_data_key(), sealed) is None


def test_tampered_box_is_none() -> None:
    """Any flipped bit in a sealed box is caught by its authenticator."""
    wrapping = keywrap.new_data_key()
    sealed = keywrap.seal(wrapping, b"k" * 32)
    for offset in range(len(sealed)):
        tampered = sealed[:offset] + bytes([sealed[offset] ^ 0x80]) + sealed[offset + 1 :]
        assert keywrap.open_sealed(wrapping, tampered) is None


def test_data_keys_are_random_256_bit() -> None:
    """Data keys are 32 random bytes."""
    keys = {keywrap.new_data_key() for _ in range(10)}
    assert len(keys) == 10 and all(len(k) == 32 for k in keys)


def test_recovery_code_format() -> None:
    """A new recovery code is 8 dash-separated groups of 4 unambiguous symbols, and is normalised to itself."""
    code = keywrap.new_recovery_code()
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}", code)
    assert keywrap.normalise_recovery_code(code) == code.replace("-", "")
    assert keywrap.new_recovery_code() != code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("abcd-efgh-jkmn-pqrs-tvwx-yz01-2345-6789", "ABCDEFGHJKMNPQRSTVWXYZ0123456789"),
        ("ABCD EFGH JKMN PQRS TVWX YZ01 2345 6789", "ABCDEFGHJKMNPQRSTVWXYZ0123456789"),
        (" abcdefghjkmnpqrstvwxyz0123456789\n", "ABCDEFGHJKMNPQRSTVWXYZ0123456789"),
        ("OOOO-IIII-LLLL-oooo-iiii-llll-0000-1111", "0000111111110000111111110000" + "1111"),
        ("UUUU-0000-0000-0000-0000-0000-0000-0000", "VVVV" + "0" * 28),
    ],
)
def test_recovery_code_is_forgiving(typed: str, expected: str) -> None:
    """Lower case, spaces, missing dashes and O/0, I/1, L/1 confusions all normalise to the printed code."""
    assert keywrap.normalise_recovery_code(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "ABCD-EFGH", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-67890", "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-678!"],
)
def test_malformed_recovery_code_rejected(typed: str) -> None:
    """A code of the wrong length or with foreign characters explains the expected shape."""
    with pytest.raises(InvalidInputError, match="8 groups of 4"):
        keywrap.normalise_recovery_code(typed)


def test_recovery_wrapping_key_ignores_typing_style_but_not_salt() -> None:
    """Equivalent ways of typing the code give the same key; another salt gives another key."""
    code = keywrap.new_recovery_code()
    key = keywrap.recovery_wrapping_key(code, SALT)
    assert len(key) == 32
    assert keywrap.recovery_wrapping_key(code.lower().replace("-", " "), SALT) == key
    assert keywrap.recovery_wrapping_key(code, b"\x06" * 16) != key

"""Passphrase rules and the injected clock's formatting."""

from __future__ import annotations

import datetime

import pytest

from wallet.clock import system_clock, utc_iso
from wallet.errors import UsageError
from wallet.validation import MIN_PASSPHRASE, check_new_passphrase


@pytest.mark.parametrize(("passphrase", "words"), [("", "can't be empty"), ("   \t", "can't be empty"),
                                                   ("x" * (MIN_PASSPHRASE - 1), "at least 8 characters")])
def test_weak_passphrases_refused(passphrase: str, words: str) -> None:
    """Empty, blank and short passphrases are refused with a sentence saying why."""
    with pytest.raises(UsageError, match=words):
        check_new_passphrase(passphrase)


@pytest.mark.parametrize("passphrase", ["x" * MIN_PASSPHRASE, "correct horse battery", "pässwörd ünïcode"])
def test_good_passphrases_accepted(passphrase: str) -> None:
    """Passphrases of 8 or more characters (any script) are accepted."""
    check_new_passphrase(passphrase)


def test_utc_iso() -> None:
    """Times are written in UTC, to the second, with a Z."""
    moment = datetime.datetime(2024, 5, 31, 23, 30, 15, 999, tzinfo=datetime.timezone(datetime.timedelta(hours=-2)))
    assert utc_iso(moment) == "2024-06-01T01:30:15Z"


def test_system_clock_is_aware_utc() -> None:
    """The system clock returns timezone-aware UTC times."""
    assert system_clock().utcoffset() == datetime.timedelta(0)

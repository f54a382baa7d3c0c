"""Base45 (RFC 9285): the RFC's examples, refusals, and any bytes round trip in the QR alphanumeric alphabet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wallet.sharing.base45 import ALPHABET, Base45Error, b45decode, b45encode

QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.mark.parametrize(("raw", "text"), [
    (b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581"), (b"ietf!", "QED8WEX0"), (b"", ""),
])
def test_base45_matches_rfc_9285_examples(raw: bytes, text: str) -> None:
    """The RFC 9285 examples encode and decode both ways."""
    assert b45encode(raw) == text
    assert b45decode(text) == raw


@pytest.mark.parametrize("text", ["GGW", "A", "ABCD", "ab", "ZZ", "A~B"])
def test_base45_refuses_bad_text(text: str) -> None:
    """Out-of-range groups, a dangling character and foreign characters are refused, not misread."""
    with pytest.raises(Base45Error):
        b45decode(text)


@given(st.binary(max_size=300))
def test_base45_round_trips_any_bytes(raw: bytes) -> None:
    """Any bytes survive base45, and the text stays in the QR alphanumeric alphabet."""
    text = b45encode(raw)
    assert set(text) <= set(ALPHABET) == QR_ALPHANUMERIC
    assert b45decode(text) == raw

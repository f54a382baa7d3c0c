"""The LW1 QR text encoding: base45, dictionary deflate, numbered sets and every way a set can be wrong."""

from __future__ import annotations

import json
import random
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.wallet.sharing.qr_material import bundle_bytes
from wallet.sharing import qr_codec
from wallet.sharing.base45 import b45encode
from wallet.sharing.qr_codec import QrCodeError

QR_ALPHANUMERIC = set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@pytest.fixture(scope="module")
def one() -> bytes:
    return bundle_bytes(1)


@pytest.fixture(scope="module")
def three() -> bytes:
    return bundle_bytes(3)


def test_dictionary_is_the_pinned_one() -> None:
    """The shipped dictionary is the one LW1 was defined with (a change needs a new prefix)."""
    assert len(qr_codec.dictionary()) > 1000


def test_dictionary_carries_vocabulary_not_credential_content() -> None:
    """The dictionary holds terms and URLs, none of the demo badges' own words (no cheating on the bench)."""
    text = qr_codec.dictionary().decode("utf-8")
    assert '"credentialSubject":' in text and "https://www.w3.org/ns/credentials/v2" in text
    for own_words in ("Forklift", "Riverside", "Customer Service", "z6MkhaX"):
        assert own_words not in text


def test_one_badge_bundle_is_one_code_of_identical_bytes(one: bytes) -> None:
    """A one-credential bundle fits one code's worth of text and decodes to the very same bytes."""
    texts = qr_codec.encode(one, 1853)
    assert len(texts) == 1
    assert texts[0].startswith("LW1:1/1:")
    assert set(texts[0]) <= QR_ALPHANUMERIC
    assert qr_codec.decode(texts) == one
    json.loads(qr_codec.decode(texts))


def test_dictionary_beats_plain_zlib_on_signed_badges(one: bytes, three: bytes) -> None:
    """Deflate with the vocabulary dictionary is smaller than plain zlib on real signed bundles."""
    for data in (one, three):
        assert len(qr_codec.compress(data)) < len(zlib.compress(data, 9))


def test_indented_json_travels_without_its_whitespace(one: bytes) -> None:
    """The wallet's indented bundle file is carried as compact JSON and comes back with every space in place."""
    assert one.endswith(b"}\n") and b"\n  " in one
    packed = qr_codec.pack(one)
    assert packed[0] == qr_codec.INDENTED_NEWLINE
    assert len(packed) < len(bytes([0]) + qr_codec.compress(one))
    assert qr_codec.unpack(packed) == one
    no_newline = one.rstrip(b"\n")
    assert qr_codec.pack(no_newline)[0] == qr_codec.INDENTED
    assert qr_codec.decode(qr_codec.encode(no_newline, 1000)) == no_newline


@pytest.mark.parametrize("data", [
    b'{"a": 1, "a": 2}', b'{"a":1}', b'{\n    "a": 1\n}\n', b'[1.0, 1e400]', b"not json", "{\"é\": 1}".encode(),
])
def test_other_bytes_travel_exactly_as_given(data: bytes) -> None:
    """Duplicate members, other indentation, odd numbers, escapes and non-JSON come back byte for byte."""
    assert qr_codec.decode(qr_codec.encode(data, 300)) == data


def test_an_unknown_packing_is_a_sentence(one: bytes) -> None:
    """A packing byte from a later version is named, not misread."""
    data = bytes([7]) + qr_codec.compress(one)
    text = f"LW1:1/1:{qr_codec.bundle_digest(one)}:{b45encode(data)}"
    with pytest.raises(QrCodeError, match="packing this version of LER Wallet does not know"):
        qr_codec.decode([text])
    broken = bytes([qr_codec.INDENTED]) + qr_codec.compress(b"{not json")
    with pytest.raises(QrCodeError, match="not to JSON"):
        qr_codec.decode([f"LW1:1/1:{qr_codec.bundle_digest(one)}:{b45encode(broken)}"])


def test_a_set_reassembles_in_any_order(three: bytes) -> None:
    """A bundle split over several codes comes back whole from its parts in any order, duplicates included."""
    texts = qr_codec.encode(three, 400)
    assert len(texts) > 3
    assert all(len(text) <= 400 for text in texts)
    assert [t.split(":")[1] for t in texts] == [f"{i}/{len(texts)}" for i in range(1, len(texts) + 1)]
    shuffled = [*texts, texts[1]]
    random.Random(7).shuffle(shuffled)
    assert qr_codec.decode(shuffled) == three


def test_parts_are_about_the_same_size(three: bytes) -> None:
    """A set's codes are balanced, so they print at one size (no tiny last code)."""
    lengths = [len(text) for text in qr_codec.encode(three, 700)]
    assert max(lengths) - min(lengths) <= 3


def test_a_missing_part_is_named(three: bytes) -> None:
    """Leaving out part 3 of a set says exactly that."""
    texts = qr_codec.encode(three, 500)
    count = len(texts)
    with pytest.raises(QrCodeError, match=f"^Part 3 of {count} is missing; scan it too.$"):
        qr_codec.decode(texts[:2] + texts[3:])
    with pytest.raises(QrCodeError, match=f"^Parts 1, 2 and {count} of {count} are missing"):
        qr_codec.decode(texts[2:-1])


def test_a_set_mixing_two_bundles_is_refused(three: bytes) -> None:
    """Parts of two bundles (even of the same credentials, shared twice) are refused together."""
    other = bundle_bytes(3, challenge="another share")
    first, second = qr_codec.encode(three, 500), qr_codec.encode(other, 500)
    assert len(first) == len(second)
    mixed = first[:2] + second[2:]
    with pytest.raises(QrCodeError, match="come from 2 different bundles"):
        qr_codec.decode(mixed)


@pytest.mark.parametrize("position", [0.1, 0.5, 0.9])
def test_a_changed_part_is_refused(three: bytes, position: float) -> None:
    """Changing one character of one code's data is caught: it does not unpack, or not to the bundle it names."""
    texts = qr_codec.encode(three, 600)
    target = texts[1]
    at = len("LW1:2/9:AAAAAAAA:") + int((len(target) - 17) * position)
    swapped = "0" if target[at] != "0" else "1"
    changed = [texts[0], target[:at] + swapped + target[at + 1:], *texts[2:]]
    with pytest.raises(QrCodeError):
        qr_codec.decode(changed)


def test_codes_disagreeing_on_the_set_size_are_refused(three: bytes) -> None:
    """A code relabelled "of 9" among codes saying "of n" (same bundle digest) is refused."""
    texts = qr_codec.encode(three, 600)
    count = len(texts)
    relabelled = texts[0].replace(f"LW1:1/{count}:", "LW1:1/9:", 1)
    with pytest.raises(QrCodeError, match="disagree on how many parts the set has"):
        qr_codec.decode([relabelled, *texts[1:]])


def test_two_different_codes_claiming_one_place_are_refused(three: bytes) -> None:
    """Two codes that both say "part 2" but carry different data are refused, whichever is right."""
    texts = qr_codec.encode(three, 600)
    part = qr_codec.parse(texts[1])
    # Flip a bit of the last byte: replacing it with a fixed byte was a no-op once in 256 bundles.
    other = part.data[:-1] + bytes([part.data[-1] ^ 0x01])
    forged = texts[1][:len(texts[1]) - len(b45encode(part.data))] + b45encode(other)
    with pytest.raises(QrCodeError, match="both say they are part 2"):
        qr_codec.decode([*texts, forged])


@pytest.mark.parametrize(("text", "sentence"), [
    ("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH", "not an LER Wallet bundle (it starts with 'HC1:NCFOXN%T')"),
    ("shc:/5676290952432060346029243740", "not an LER Wallet bundle"),
    ("https://example.com/verify?x=1", "not an LER Wallet bundle"),
    ("LW2:1/1:AAAAAAAA:0000", "format LW2, made by a newer version"),
    ("LW1:3/2:AAAAAAAA:0000", "part 3 of 2, which cannot be"),
    ("LW1:1/1:aaaaaaaa:0000", "damaged: its text is not in the LW1 form"),
    ("LW1:1/1:AAAAAAAA:GGW", "Part 1 of 1 is damaged: its data is not base45"),
    ("LW1:1/1:AAAAAAAA:00", "do not unpack to a bundle"),
])
def test_foreign_and_broken_texts_get_a_sentence(text: str, sentence: str) -> None:
    """Someone else's QR, a newer format and broken LW1 texts each get one clear sentence."""
    with pytest.raises(QrCodeError, match=sentence.replace("(", r"\(").replace(")", r"\)")):
        qr_codec.decode([text])


def test_no_codes_at_all_is_a_sentence() -> None:
    """An empty set is named as such."""
    with pytest.raises(QrCodeError, match="No LER Wallet QR code was given"):
        qr_codec.decode([])


def test_a_decompression_bomb_is_stopped_at_the_cap() -> None:
    """Codes that would inflate past the cap are refused after reading only the cap, not the whole bomb."""
    bomb = qr_codec.compress(b"\x00" * (qr_codec.MAX_BUNDLE_BYTES + 4096))
    text = f"LW1:1/1:{qr_codec.bundle_digest(b'x')}:{b45encode(bytes([qr_codec.RAW]) + bomb)}"
    with pytest.raises(QrCodeError, match="would unpack to more than 4 MB"):
        qr_codec.decode([text])
    with pytest.raises(QrCodeError, match="more than"):
        qr_codec.decompress(qr_codec.compress(b"\x00" * 5000), limit=4096)


def test_trailing_bytes_after_the_stream_are_refused(one: bytes) -> None:
    """Bytes smuggled after the end of the deflate stream make the set unreadable, not silently ignored."""
    data = qr_codec.pack(one) + b"extra"
    text = f"LW1:1/1:{qr_codec.bundle_digest(one)}:{b45encode(data)}"
    with pytest.raises(QrCodeError, match="do not unpack"):
        qr_codec.decode([text])


def test_a_bundle_too_big_for_a_set_is_a_sentence() -> None:
    """A bundle needing more than 99 codes is refused with the way out."""
    noise = random.Random(1).randbytes(60_000)
    with pytest.raises(QrCodeError, match="more than the 99 a set can have; share it as a file or a PDF"):
        qr_codec.encode(noise, 300)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="LW1:/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-.\n\x00é", max_size=60),
                max_size=4))
def test_any_text_gets_a_bundle_or_a_sentence(texts: list[str]) -> None:
    """Arbitrary QR texts never crash the reader: only QrCodeError, with a message."""
    try:
        qr_codec.decode(texts)
    except QrCodeError as error:
        assert error.message.endswith(".")

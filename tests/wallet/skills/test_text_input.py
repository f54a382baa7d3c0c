"""Postings and outcomes files are read bounded, as text, and never empty."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wallet.errors import InvalidInputError
from wallet.skills.text_input import MAX_TEXT_INPUT_BYTES, read_text_input


def test_a_file_and_standard_input_read_as_text(tmp_path: Path) -> None:
    """UTF-8 with a byte-order mark and a Windows-1252 file both read as text; '-' reads the stream given."""
    (tmp_path / "bom.txt").write_bytes("\ufeffForklift operator\nDrive safely.".encode())
    (tmp_path / "old.txt").write_bytes("Caf\xe9 cook".encode("cp1252"))
    assert read_text_input(tmp_path / "bom.txt", "The posting") == "Forklift operator\nDrive safely."
    assert read_text_input(str(tmp_path / "old.txt"), "The posting") == "Café cook"
    assert read_text_input("-", "The outcomes", stdin=io.BytesIO(b"1. Lift safely")) == "1. Lift safely"


@pytest.mark.parametrize(("content", "words"), [
    (b"  \n\t", "is empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(64), r"an image \(PNG\), not text"),
    (b"x" * (MAX_TEXT_INPUT_BYTES + 1), "The posting"),
])
def test_empty_binary_or_huge_input_is_refused_with_a_sentence(tmp_path: Path, content: bytes, words: str) -> None:
    """An empty, binary or oversized file is an InvalidInputError that names it."""
    path = tmp_path / "posting.txt"
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=words):
        read_text_input(path, "The posting")

"""Inputs named by a person (files, folders, standard input) are read in order, each as bytes or a sentence."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from wallet.credentials.limits import MAX_INPUT_BYTES
from wallet.credentials.sources import CHECK_SUFFIXES, read_inputs, read_json_file
from wallet.errors import InvalidInputError, WalletError


def test_files_folders_and_stdin_come_back_in_the_order_named(tmp_path: Path) -> None:
    """A file, a folder (its credential files by name, subfolders too) and '-' keep the order they were given."""
    (tmp_path / "one.json").write_bytes(b"1")
    folder = tmp_path / "badges"
    (folder / "deeper").mkdir(parents=True)
    (folder / "b.png").write_bytes(b"b")
    (folder / "deeper" / "a.JWT").write_bytes(b"a")
    (folder / "notes.docx").write_bytes(b"skipped")
    found = list(read_inputs([str(tmp_path / "one.json"), str(folder), "-"], io.BytesIO(b"from stdin")))
    assert found == [(str(tmp_path / "one.json"), b"1"), (str(folder / "b.png"), b"b"),
                     (str(folder / "deeper" / "a.JWT"), b"a"), ("stdin", b"from stdin")]


def test_checking_a_folder_reads_its_pdf_resumes_importing_does_not(tmp_path: Path) -> None:
    """An employer's folder of PDF résumés is checked file by file; an import of the same folder leaves PDFs out."""
    (tmp_path / "resume.PDF").write_bytes(b"%PDF-")
    (tmp_path / "bundle.json").write_bytes(b"{}")
    checked = [name for name, _ in read_inputs([str(tmp_path)], suffixes=CHECK_SUFFIXES)]
    imported = [name for name, _ in read_inputs([str(tmp_path)])]
    assert checked == [str(tmp_path / "bundle.json"), str(tmp_path / "resume.PDF")]
    assert imported == [str(tmp_path / "bundle.json")]


def test_a_bad_input_is_an_error_in_its_place_not_a_raise(tmp_path: Path) -> None:
    """A missing file, an empty folder and '-' without a stream each come back as a WalletError with a sentence."""
    (tmp_path / "empty").mkdir()
    found = list(read_inputs([str(tmp_path / "missing.json"), str(tmp_path / "empty"), "-"]))
    assert [name for name, _ in found] == [str(tmp_path / "missing.json"), str(tmp_path / "empty"), "stdin"]
    assert all(isinstance(error, WalletError) for _, error in found)
    assert "There is no file" in str(found[0][1]) and "holds no credential files" in str(found[1][1])


def test_standard_input_is_bounded(tmp_path: Path) -> None:
    """More than the limit on standard input is refused with a sentence, not read on."""
    [(name, error)] = list(read_inputs(["-"], io.BytesIO(b"x" * (MAX_INPUT_BYTES + 1))))
    assert name == "stdin" and isinstance(error, InvalidInputError)


def test_a_json_file_is_read_with_the_json_limits(tmp_path: Path) -> None:
    """read_json_file gives the document, or one sentence naming what was wrong."""
    good, bad = tmp_path / "did.json", tmp_path / "bad.json"
    good.write_text('{"id": "did:web:example.org"}')
    bad.write_text('{"id": ')
    assert read_json_file(good, "The DID document") == {"id": "did:web:example.org"}
    with pytest.raises(WalletError, match="The DID document"):
        read_json_file(bad, "The DID document")

"""The recogniser's packed index: shipped up to date, read back exactly, and never trusted for another pack."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from wallet.skills import recognise
from wallet.skills.index_file import INDEX_FILE, IndexFileError, PackedIndex
from wallet.skills.label_entries import build_entries
from wallet.skills.pack import TaxonomyPack
from wallet.skills.recognise import Recogniser, build_index_file

PACK_DIR = Path(__file__).resolve().parents[3] / "resources" / "taxonomy"


@pytest.fixture(scope="module")
def fresh() -> bytes:
    """The index built now from the shipped pack by the current rules."""
    return build_index_file(TaxonomyPack(PACK_DIR))


def test_the_shipped_index_is_a_fresh_build(fresh: bytes) -> None:
    """resources/taxonomy/recogniser.bin.gz is what the rules make of the pack now (else: run
    scripts/build_recogniser_index.py); content compared, since zlib builds differ in their gzip bytes."""
    assert gzip.decompress((PACK_DIR / INDEX_FILE).read_bytes()) == gzip.decompress(fresh)


def test_every_entry_reads_back_as_built(pack: TaxonomyPack) -> None:
    """Decoding each anchor gives the built entries, in order, with their other stems."""
    by_anchor, lexicon, vehicles = build_entries(pack)
    index = PackedIndex(build_index_file(pack))
    assert index.anchors() == sorted(by_anchor)
    assert len(index) == sum(len(v) for v in by_anchor.values())
    for anchor, entries in by_anchor.items():
        got, rests = index.get(anchor, ([], []))
        assert got == entries
        assert all(sorted((anchor, *rest)) == sorted(e.required) for e, rest in zip(got, rests, strict=True))
    assert index.lexicon == lexicon and index.vehicles == vehicles


def test_the_app_reads_the_shipped_index(finder: Recogniser) -> None:
    """The shared recogniser reads the packed file instead of building its index."""
    assert finder.index_source == "file"


def test_an_index_made_by_other_rules_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An index made under another RECOGNISER_VERSION (or from another pack: the same key) is not read; the
    recogniser builds its own and finds the same."""
    copy = tmp_path / "taxonomy"
    shutil.copytree(PACK_DIR, copy)
    monkeypatch.setattr(recognise, "RECOGNISER_VERSION", recognise.RECOGNISER_VERSION + 1)
    built = Recogniser(TaxonomyPack(copy))
    assert built.index_source == "built"
    assert [m.label for m in built.find("Operate a forklift safely")] == ["operate forklift"]


@pytest.mark.parametrize("blob", [b"", b"not gzip", gzip.compress(b'{"format": "other"}\n')])
def test_a_damaged_index_is_refused_with_a_clear_error(blob: bytes) -> None:
    """Truncated, foreign or other-version bytes raise IndexFileError (the recogniser then builds its own)."""
    with pytest.raises(IndexFileError):
        PackedIndex(blob)


def test_a_cut_or_altered_shipped_index_is_refused() -> None:
    """The real file cut in half, or with a byte of its compressed body changed, is refused, never half read."""
    blob = (PACK_DIR / INDEX_FILE).read_bytes()
    raw = gzip.decompress(blob)
    with pytest.raises(IndexFileError):
        PackedIndex(gzip.compress(raw[: len(raw) // 2], mtime=0))
    altered = bytearray(blob)
    altered[len(blob) // 2] ^= 0xFF
    with pytest.raises(IndexFileError):
        PackedIndex(bytes(altered))

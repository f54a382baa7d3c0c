"""The recogniser's index, packed: made once by `scripts/build_recogniser_index.py`, shipped beside the pack.

Building the index from the pack's 126,000 labels takes about 2 s and, as Python objects, holds some 57 MiB
(124,000 entries, their stem tuples and strings) with a higher peak while it is made. Packed, the same entries
are a few flat arrays of integers and one block of UTF-8 text (about 12 MiB in memory, read in a fraction of a
second); an entry becomes a Python object only when a text names its anchor stem, and the last few thousand
anchors read are kept.

The file is gzip of: one line of JSON (format, what it was built from, the lexicon, the vehicle stems), then
each array as its typecode, its length and its bytes (little-endian). The strings (stems, labels, skill ids)
are one UTF-8 block with "\\0" between them, addressed by number.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import struct
import sys
import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import Any, Final

from wallet.errors import WalletError
from wallet.skills.entries import FLAGS, LabelEntry
from wallet.skills.meaning import Lexicon
from wallet.skills.pack import TaxonomyPack

FORMAT: Final = "ler-wallet-recogniser-index/1"
INDEX_FILE: Final = "recogniser.bin.gz"
"""The packed index beside the pack's parts (`scripts/build_recogniser_index.py` writes it)."""
KINDS: Final = ("esco-skill", "esco-knowledge", "onet-tech", "onet-tool")
MAX_SECTION: Final = 64 * 1024 * 1024
"""No section of the file is larger (the largest is about 5 MB): a damaged length never asks for more memory."""
KEEP_DECODED: Final = 4096
"""How many anchors' decoded entries are kept (a 1,000-word posting reads about 2,000)."""
_ARRAYS: Final = ("strings", "offsets", "anchors", "firsts", "counts", "skills", "labels", "kinds", "flags",
                  "sizes", "req_starts", "req_lengths", "required")


class IndexFileError(WalletError):
    """The recogniser's index file is damaged or of another version (the index is then built instead)."""


def pack_identity(pack: TaxonomyPack) -> str:
    """The sha256 of the pack's part hashes: an index is valid only for the pack it was built from."""
    text = json.dumps(pack.part_hashes(), separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode(
    by_anchor: Mapping[str, list[LabelEntry]],
    lexicon: Lexicon,
    vehicles: Iterable[str],
    built_from: dict[str, Any],
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    """The index as file bytes (gzip, the same bytes for the same input); `extra` joins the first line's JSON
    (the twins of `wallet.skills.same`, derived from the same pack)."""
    numbers: dict[str, int] = {}
    pieces: list[bytes] = []
    offsets = array("I", [0])

    def number(text: str) -> int:
        found = numbers.get(text)
        if found is None:
            found = numbers[text] = len(pieces)
            pieces.append(text.encode("utf-8"))
            offsets.append(offsets[-1] + len(pieces[-1]) + 1)
        return found

    arrays: dict[str, array[int]] = {
        "anchors": array("I"), "firsts": array("I"), "counts": array("I"), "skills": array("I"),
        "labels": array("I"), "kinds": array("B"), "flags": array("H"), "sizes": array("B"),
        "req_starts": array("I"), "req_lengths": array("B"), "required": array("I"),
    }
    for anchor in sorted(by_anchor):
        entries = by_anchor[anchor]
        arrays["anchors"].append(number(anchor))
        arrays["firsts"].append(len(arrays["skills"]))
        arrays["counts"].append(len(entries))
        for entry in entries:
            arrays["skills"].append(number(entry.skill_id))
            arrays["labels"].append(number(entry.label))
            arrays["kinds"].append(KINDS.index(entry.kind))
            arrays["flags"].append(sum(1 << bit for bit, flag in enumerate(FLAGS) if getattr(entry, flag)))
            arrays["sizes"].append(min(entry.size, 255))
            arrays["req_starts"].append(len(arrays["required"]))
            arrays["req_lengths"].append(len(entry.required))
            arrays["required"].extend(number(s) for s in entry.required)
    strings = b"\0".join(pieces) + b"\0"
    meta = {
        "format": FORMAT,
        "built_from": built_from,
        "lexicon": {"similar": lexicon.similar, "counts": sorted([a, b, n] for (a, b), n in lexicon.counts.items())},
        "vehicles": sorted(vehicles),
        **(extra or {}),
    }
    body = [json.dumps(meta, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"]
    for name in _ARRAYS:
        data = array("B", strings) if name == "strings" else offsets if name == "offsets" else arrays[name]
        if sys.byteorder != "little":
            data = array(data.typecode, data)
            data.byteswap()
        raw = data.tobytes()
        body.append(data.typecode.encode("ascii") + struct.pack("<Q", len(raw)) + raw)
    return gzip.compress(b"".join(body), compresslevel=9, mtime=0)


def read_meta(blob: bytes) -> dict[str, Any] | None:
    """The first line's JSON of an index file, read without the rest; None when it is not an index of ours."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(blob)) as stream:
            meta = json.loads(stream.readline())
    except (OSError, EOFError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("format") == FORMAT else None


class PackedIndex:
    """Entries by anchor stem, decoded when first asked for: `get(anchor)` gives (entries, their other stems)."""

    def __init__(self, blob: bytes) -> None:
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(blob)) as stream:  # read section by section: no whole copy
                self.meta: dict[str, Any] = json.loads(stream.readline())
                if self.meta.get("format") != FORMAT:
                    raise IndexFileError("The skill recogniser's index was made for another version of LER Wallet.")
                loaded: dict[str, Any] = {}
                for name in _ARRAYS:
                    head = stream.read(9)
                    typecode = chr(head[0])
                    (length,) = struct.unpack_from("<Q", head, 1)
                    if typecode not in "BHI" or length > MAX_SECTION:
                        raise IndexFileError("The skill recogniser's index is damaged.")
                    data = stream.read(length)
                    if len(data) != length:
                        raise IndexFileError("The skill recogniser's index is cut short.")
                    if name == "strings":
                        loaded[name] = data
                    else:
                        values = array(typecode)
                        values.frombytes(data)
                        if sys.byteorder != "little":
                            values.byteswap()
                        loaded[name] = values
                    del data
                if stream.read(1):  # reading to the end also checks the gzip CRC of everything read
                    raise IndexFileError("The skill recogniser's index has more in it than it says.")
            lexicon = self.meta["lexicon"]
            self.lexicon = Lexicon(
                {k: tuple(v) for k, v in lexicon["similar"].items()}, {(a, b): n for a, b, n in lexicon["counts"]}
            )
            self.vehicles: frozenset[str] = frozenset(self.meta["vehicles"])
            if not len(loaded["skills"]) == len(loaded["labels"]) == len(loaded["flags"]) == len(loaded["req_starts"]):
                raise IndexFileError("The skill recogniser's index does not add up.")
        except (OSError, EOFError, ValueError, struct.error, IndexError, KeyError, AttributeError, TypeError) as exc:
            raise IndexFileError("The skill recogniser's index is damaged.") from exc
        self._strings: bytes = loaded["strings"]
        self._offsets: array[int] = loaded["offsets"]
        self._skills, self._labels = loaded["skills"], loaded["labels"]
        self._kinds, self._flags, self._sizes = loaded["kinds"], loaded["flags"], loaded["sizes"]
        self._req_starts, self._req_lengths = loaded["req_starts"], loaded["req_lengths"]
        self._required: array[int] = loaded["required"]
        self._firsts, self._counts = loaded["firsts"], loaded["counts"]
        self._anchors: dict[str, int] = {self._string(a): k for k, a in enumerate(loaded["anchors"])}
        self._decoded: OrderedDict[str, tuple[list[LabelEntry], list[tuple[str, ...]]]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many entries the index holds."""
        return len(self._skills)

    def anchors(self) -> list[str]:
        """Every anchor stem, sorted."""
        return sorted(self._anchors)

    def _string(self, n: int) -> str:
        return self._strings[self._offsets[n] : self._offsets[n + 1] - 1].decode("utf-8")

    def get(
        self, anchor: str, default: tuple[list[LabelEntry], list[tuple[str, ...]]]
    ) -> tuple[list[LabelEntry], list[tuple[str, ...]]]:
        """The entries anchored on `anchor` with, for each, its other stems; `default` when there are none."""
        found = self._decoded.get(anchor)  # one dictionary read under the GIL: no lock on the common path
        if found is not None:
            with suppress(KeyError):  # another thread let it go meanwhile: it is still this anchor's answer
                self._decoded.move_to_end(anchor)
            return found
        place = self._anchors.get(anchor)
        if place is None:
            return default
        first, count = self._firsts[place], self._counts[place]
        entries: list[LabelEntry] = []
        rests: list[tuple[str, ...]] = []
        for i in range(first, first + count):
            entry = self._entry(i)
            rest = list(entry.required)
            rest.remove(anchor)
            entries.append(entry)
            rests.append(tuple(rest))
        with self._lock:
            self._decoded[anchor] = (entries, rests)
            while len(self._decoded) > KEEP_DECODED:
                self._decoded.popitem(last=False)
        return entries, rests

    def _entry(self, i: int) -> LabelEntry:
        flags = self._flags[i]
        start = self._req_starts[i]
        required = tuple(self._string(n) for n in self._required[start : start + self._req_lengths[i]])
        bits = {flag: bool(flags >> bit & 1) for bit, flag in enumerate(FLAGS)}
        return LabelEntry(
            self._string(self._skills[i]), required, self._sizes[i], self._string(self._labels[i]),
            kind=KINDS[self._kinds[i]], **bits,
        )

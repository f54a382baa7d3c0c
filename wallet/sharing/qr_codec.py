"""The LW1 QR text encoding of a signed bundle: deflate with a preset dictionary, base45, a numbered set.

One code's text is `LW1:<i>/<n>:<digest>:<base45 data>`, every character in the QR alphanumeric alphabet.
`digest` is the first 40 bits of SHA-256 over the bundle's bytes (base32), the same on every part, so parts
reassemble in any order, a set mixing two bundles is refused, and a reassembled bundle is checked whole.
The data of all parts, joined in order, is one packing byte and the bundle compressed with raw deflate and
the dictionary `resources/qr/lw1.zdict` (VC / Open Badges / CLR / LER-RS vocabulary, see
scripts/build_qr_dictionary.py). Packing 0 carries the bytes as given; packing 1 (2) says the bytes were JSON
indented by two spaces with (without) a final newline, as the wallet writes bundle files, and carries the
same JSON without whitespace: the indentation is put back on reading. Either way decoding gives back the
bundle's exact bytes (the digest checks it), so its signatures check as they did in the file.

The dictionary is part of the format: it is pinned by hash, and a new one needs a new prefix (LW2:).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from wallet.errors import InvalidInputError
from wallet.resources import resource_path
from wallet.sharing.base45 import Base45Error, b45decode, b45encode

PREFIX = "LW1:"
DICTIONARY_SHA256 = "856bf8dbf4073209dc0339e0166d2c385816f12409d779d5c46b417fbda7ae38"
MAX_PARTS = 99
MAX_BUNDLE_BYTES = 4 * 1024 * 1024
"""A reassembled bundle may unpack to this much and no more (99 full codes hold far less than this)."""

RAW, INDENTED_NEWLINE, INDENTED = 0, 1, 2
_PART = re.compile(r"LW1:(\d{1,2})/(\d{1,2}):([A-Z2-7]{8}):([0-9A-Z $%*+\-./:]*)")
_OTHER_LW = re.compile(r"LW(\d+):")


class QrCodeError(InvalidInputError):
    """A QR code's text cannot be read as (part of) a bundle; the message says why in one sentence."""


@dataclass(frozen=True)
class QrPart:
    """One code of a set, as read from its text."""

    index: int
    count: int
    digest: str
    data: bytes
    text: str


@cache
def dictionary() -> bytes:
    """The preset deflate dictionary of LW1, checked against its pinned hash."""
    data = resource_path("qr", "lw1.zdict").read_bytes()
    if hashlib.sha256(data).hexdigest() != DICTIONARY_SHA256:
        raise RuntimeError("resources/qr/lw1.zdict is not the LW1 dictionary; the installation is damaged")
    return data


def compress(bundle: bytes) -> bytes:
    """Raw deflate (level 9) with the LW1 dictionary."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=dictionary())
    return packer.compress(bundle) + packer.flush()


def decompress(data: bytes, limit: int = MAX_BUNDLE_BYTES) -> bytes:
    """Inflate at most `limit` bytes; a stream that would give more, is cut short or has trailing bytes is refused."""
    unpacker = zlib.decompressobj(-15, zdict=dictionary())
    try:
        out = unpacker.decompress(data, limit + 1)
    except zlib.error:
        raise QrCodeError("The QR codes do not unpack to a bundle: a code is damaged or was changed.") from None
    if len(out) > limit or unpacker.unconsumed_tail:
        raise QrCodeError(f"The QR codes would unpack to more than {limit // (1024 * 1024)} MB, more than any "
                          "bundle; they were not read.")
    if not unpacker.eof or unpacker.unused_data:
        raise QrCodeError("The QR codes do not unpack to a bundle: a code is damaged or was changed.")
    return out


def bundle_digest(bundle: bytes) -> str:
    """The short name every part of a set carries: 40 bits of SHA-256, base32 (8 characters)."""
    return base64.b32encode(hashlib.sha256(bundle).digest()[:5]).decode("ascii")


def _indented(document: object, packing: int) -> bytes:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return (text + "\n" if packing == INDENTED_NEWLINE else text).encode("utf-8")


def pack(bundle: bytes) -> bytes:
    """The packing byte and the compressed bundle (indented JSON travels without its whitespace)."""
    try:
        document = json.loads(bundle)
    except (ValueError, RecursionError):
        return bytes([RAW]) + compress(bundle)
    for packing in (INDENTED_NEWLINE, INDENTED):
        if _indented(document, packing) == bundle:
            flat = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            return bytes([packing]) + compress(flat)
    return bytes([RAW]) + compress(bundle)


def unpack(data: bytes, limit: int = MAX_BUNDLE_BYTES) -> bytes:
    """The bundle's bytes from `pack`'s output."""
    if not data:
        raise QrCodeError("The QR codes carry no data.")
    packing, body = data[0], decompress(data[1:], limit)
    if packing == RAW:
        return body
    if packing not in (INDENTED_NEWLINE, INDENTED):
        raise QrCodeError("The QR codes use a packing this version of LER Wallet does not know; update it to "
                          "read them.")
    try:
        bundle = _indented(json.loads(body), packing)
    except (ValueError, RecursionError):
        raise QrCodeError("The QR codes unpack, but not to JSON: a code is damaged or was changed.") from None
    if len(bundle) > limit:
        raise QrCodeError(f"The QR codes would unpack to more than {limit // (1024 * 1024)} MB, more than any "
                          "bundle; they were not read.")
    return bundle


def _header(index: int, count: int, digest: str) -> str:
    return f"{PREFIX}{index}/{count}:{digest}:"


@dataclass(frozen=True)
class Packed:
    """A bundle ready to split into codes: its packed bytes and its digest."""

    data: bytes
    digest: str


def prepare(bundle: bytes) -> Packed:
    """Pack a bundle once, to split it for several code sizes."""
    return Packed(pack(bundle), bundle_digest(bundle))


def split(packed: Packed, max_chars: int) -> list[str]:
    """The texts of the codes carrying a packed bundle, each at most `max_chars` characters, parts of equal size."""
    data, digest = packed.data, packed.digest
    count = 1
    while True:
        room = max_chars - len(_header(count, count, digest))
        per_part = (room // 3) * 2 + (1 if room % 3 == 2 else 0)
        if per_part < 2:
            raise ValueError(f"a code of {max_chars} characters cannot carry any data")
        needed = max(1, -(-len(data) // per_part))
        if needed <= count:
            break
        count = needed
    if count > MAX_PARTS:
        raise QrCodeError(f"This bundle needs {count} QR codes, more than the {MAX_PARTS} a set can have; "
                          "share it as a file or a PDF instead.")
    base, extra = divmod(len(data), count)
    bounds = [i * base + min(i, extra) for i in range(count + 1)]
    chunks = [data[bounds[i]:bounds[i + 1]] for i in range(count)]
    return [_header(i, count, digest) + b45encode(chunk) for i, chunk in enumerate(chunks, start=1)]


def encode(bundle: bytes, max_chars: int) -> list[str]:
    """The texts of the codes carrying `bundle`, each at most `max_chars` characters, parts of equal size."""
    return split(prepare(bundle), max_chars)


def describe_foreign(text: str) -> str | None:
    """A sentence for text that is not an LW1 code at all, None when it is (or claims to be) one."""
    stripped = text.strip()
    other = _OTHER_LW.match(stripped)
    if other and other.group(1) != "1":
        return (f"This QR code uses LER Wallet format LW{other.group(1)}, made by a newer version; "
                "update LER Wallet to read it.")
    if stripped.startswith(PREFIX):
        return None
    start = "".join(char if char.isprintable() else "?" for char in stripped[:12])
    return f"This QR code is not an LER Wallet bundle (it starts with {start!r})."


def parse(text: str) -> QrPart:
    """Read one code's text; anything else gets a sentence saying what it is not."""
    foreign = describe_foreign(text)
    if foreign:
        raise QrCodeError(foreign)
    stripped = text.strip()
    match = _PART.fullmatch(stripped)
    if match is None:
        raise QrCodeError("This LER Wallet QR code is damaged: its text is not in the LW1 form.")
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= index <= count:
        raise QrCodeError(f"This LER Wallet QR code says it is part {index} of {count}, which cannot be.")
    try:
        data = b45decode(match.group(4))
    except Base45Error:
        raise QrCodeError(f"Part {index} of {count} is damaged: its data is not base45.") from None
    return QrPart(index, count, match.group(3), data, stripped)


def _missing_sentence(missing: list[int], count: int) -> str:
    if len(missing) == 1:
        return f"Part {missing[0]} of {count} is missing; scan it too."
    listed = ", ".join(str(i) for i in missing[:-1]) + f" and {missing[-1]}"
    return f"Parts {listed} of {count} are missing; scan them too."


def assemble(parts: Iterable[QrPart]) -> bytes:
    """The bundle from a full set of parts in any order; a mixed, incomplete or altered set gets a sentence."""
    chosen: dict[int, QrPart] = {}
    digests: set[str] = set()
    counts: set[int] = set()
    for part in parts:
        digests.add(part.digest)
        counts.add(part.count)
        earlier = chosen.get(part.index)
        if earlier is not None and earlier.data != part.data:
            raise QrCodeError(f"Two different codes both say they are part {part.index} of {part.count}; "
                              "one was changed or comes from another bundle.")
        chosen[part.index] = part
    if not chosen:
        raise QrCodeError("No LER Wallet QR code was given.")
    if len(digests) > 1:
        raise QrCodeError(f"These QR codes come from {len(digests)} different bundles; scan the codes of one "
                          "bundle only.")
    if len(counts) > 1:
        raise QrCodeError("These QR codes disagree on how many parts the set has; one was changed.")
    count = counts.pop()
    missing = [i for i in range(1, count + 1) if i not in chosen]
    if missing:
        raise QrCodeError(_missing_sentence(missing, count))
    bundle = unpack(b"".join(chosen[i].data for i in range(1, count + 1)))
    if bundle_digest(bundle) != digests.pop():
        raise QrCodeError("The QR codes unpack, but not to the bundle they name: a code was changed.")
    return bundle


def decode(texts: Iterable[str]) -> bytes:
    """The bundle's exact bytes from the texts of its codes, in any order."""
    return assemble(parse(text) for text in texts)

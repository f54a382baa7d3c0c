"""Base45 (RFC 9285): bytes as text in the QR code alphanumeric alphabet.

Written here rather than taken from PyPI: the `base45` package has had no release since 2022, and the
encoding is twenty lines.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUE = {char: index for index, char in enumerate(ALPHABET)}


class Base45Error(ValueError):
    """The text is not valid base45."""


def b45encode(data: bytes) -> str:
    """Two bytes become three characters, a last odd byte two (RFC 9285 section 4)."""
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        c, rest = divmod(data[i] * 256 + data[i + 1], 45)
        e, d = divmod(c, 45)
        out += (ALPHABET[rest], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """The inverse of `b45encode`; refuses characters outside the alphabet, a dangling character and overflow."""
    if len(text) % 3 == 1:
        raise Base45Error("base45 text cannot have a length of 3n+1")
    out = bytearray()
    for i in range(0, len(text), 3):
        chunk = text[i:i + 3]
        try:
            values = [_VALUE[char] for char in chunk]
        except KeyError as exc:
            raise Base45Error(f"{exc.args[0]!r} is not a base45 character") from None
        n = sum(value * 45**position for position, value in enumerate(values))
        if len(chunk) == 3:
            if n > 0xFFFF:
                raise Base45Error("a base45 group is larger than two bytes")
            out += n.to_bytes(2, "big")
        else:
            if n > 0xFF:
                raise Base45Error("the last base45 group is larger than one byte")
            out.append(n)
    return bytes(out)

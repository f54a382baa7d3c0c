"""Make text that came from a credential safe to show: on a screen and on a terminal.

A credential's issuer chooses every string in it: names, descriptions, criteria, issuer names, evidence
titles, endorsement comments. None of it may change how the wallet's own words look. Three kinds of
character are the risk, whatever the screen:

* **controls** — C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F). On a terminal ESC (and the 8-bit CSI,
  U+009B) start escape sequences that recolour, move the cursor, clear lines or set the window title, so
  a report could be overwritten. A newline inside a name could forge a whole extra line of a report.
* **bidi formatting** — the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and the
  marks U+200E, U+200F, U+061C. They reorder what follows them on the line ("deifireV" read as "Verified").
* **invisible characters** — zero-width space U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD,
  and the line and paragraph separators U+2028/U+2029 — which make two different IDs look the same.
  Zero-width (non-)joiners U+200C/U+200D are kept between two non-ASCII characters, where they shape
  emoji sequences and Indic or Arabic words, and dropped next to ASCII, where they can only spoof.

`one_line` is for names and other single-line values (every run of white space, newlines included,
becomes one space); `multiline` keeps the line breaks of descriptions; `for_terminal` shows what was
removed as a visible escape (``\\x1b``, ``\\u202e``) so a person checking a credential on a terminal sees
that it holds something odd; `escape_json_text` escapes the same characters inside JSON text (still valid
JSON, which loads back to the very same strings).
"""

from __future__ import annotations

import re
from collections.abc import Callable

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
INVISIBLE = frozenset("\u200b\u2060\ufeff\u00ad\u2028\u2029\u180e")
JOINERS = frozenset("\u200c\u200d")
_CONTROL_RANGES = ((0x00, 0x1F), (0x7F, 0x9F))
_OTHERS = "".join(sorted(BIDI_CONTROLS | INVISIBLE | JOINERS))
_CANDIDATE = re.compile("[\x00-\x1f\x7f-\x9f" + _OTHERS + "]")
_JSON_CANDIDATE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f" + _OTHERS + "]")
"""In JSON text a line break is layout (inside strings json.dumps has already written it as \\n)."""
_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks, clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]"  # two- and three-character escapes
)


def is_control(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CONTROL_RANGES)


def is_unsafe(char: str) -> bool:
    """A character that must not reach a screen or terminal as it is (joiners are judged in context)."""
    return is_control(char) or char in BIDI_CONTROLS or char in INVISIBLE


def _joiner_kept(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before > "\x7f" and after > "\x7f" and not is_unsafe(before) and not is_unsafe(after)


def _escaped(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"


def _replace_unsafe(text: str, replace: Callable[[str], str], candidate: re.Pattern[str] = _CANDIDATE) -> str:
    """`text` with each unsafe character (and each joiner out of place) replaced by `replace(char)`.

    Only the candidates found by one regular expression are looked at, so ordinary text costs one scan.
    """
    def one(match: re.Match[str]) -> str:
        char = match.group(0)
        if char in JOINERS and _joiner_kept(text, match.start()):
            return char
        return replace(char)
    return candidate.sub(one, text)


def _clean(text: str, visible: bool) -> str:
    if visible:
        return _replace_unsafe(text, _escaped)
    return _replace_unsafe(_ESCAPE_SEQUENCE.sub("", text), lambda _char: "")


def one_line(text: object) -> str:
    """A single-line value (a name, a title, an ID) with nothing that could reorder, hide or break it.

    Escape sequences and controls are removed, line breaks and tabs become spaces, runs of space become
    one, and the ends are trimmed.
    """
    spaced = _WHITESPACE_RUN.sub(" ", str(text))
    return _clean(spaced, visible=False).strip()


def multiline(text: object) -> str:
    """A description or comment: like `one_line`, but line breaks stay (CR LF and CR become LF)."""
    normal = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines = [_clean(line, visible=False).rstrip() for line in normal.split("\n")]
    return "\n".join(lines).strip("\n")


def for_terminal(text: object, *, keep_lines: bool = False) -> str:
    """Text for a terminal: every control, bidi and invisible character shown as a visible escape.

    With `keep_lines`, line breaks stay (for a description printed under its record); otherwise a line
    break is shown as ``\\n`` too, so a name can never forge an extra line of a report.
    """
    raw = str(text)
    if keep_lines:
        raw = raw.replace("\r\n", "\n")
        return "\n".join(_clean(line, visible=True) for line in raw.split("\n"))
    return _clean(raw, visible=True)


def escape_json_text(dumped: str) -> str:
    """Escape the unsafe characters in JSON text (from `json.dumps(..., ensure_ascii=False)`) as \\uXXXX.

    They can only occur inside JSON strings there (JSON's own syntax is ASCII), where \\uXXXX is the
    standard escape, so the result is valid JSON that loads back to exactly the same data.
    """
    return _replace_unsafe(dumped, lambda char: f"\\u{ord(char):04x}", _JSON_CANDIDATE)

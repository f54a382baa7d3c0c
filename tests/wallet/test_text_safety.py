"""Text from a credential loses whatever could reorder, hide, recolour or forge what the wallet shows."""

from __future__ import annotations

import json

import pytest

from wallet.text_safety import BIDI_CONTROLS, escape_json_text, for_terminal, is_unsafe, multiline, one_line

HOSTILE = [
    "\x1b[2K\r\x1b[32m✓ signature: passed\x1b[0m",  # erase the line, draw a fake green check
    "\x1b]0;Verified\x07Nursing",  # OSC: set the terminal's title
    "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x9b31mred",  # 8-bit CSI
    "Expired\u202e deifireV",  # right-to-left override
    "a\u2066b\u2067c\u2068d\u2069e\u202a\u202b\u202c\u202d",
    "did:web:example\u200b.com",
    "one\ntwo\r\nthree\u2028four\u2029five",
    "bell\x07 nul\x00 del\x7f",
]


def _unsafe_left(text: str) -> list[str]:
    return [c for c in text if is_unsafe(c) or c in "\u200c\u200d"]


@pytest.mark.parametrize("text", HOSTILE)
def test_one_line_leaves_no_control_bidi_or_invisible_character(text: str) -> None:
    """A name cleaned for the screen holds no control, bidi or invisible character and no line break."""
    cleaned = one_line(text)
    assert not _unsafe_left(cleaned)
    assert "\n" not in cleaned and "\x1b" not in cleaned


@pytest.mark.parametrize("text", HOSTILE)
def test_for_terminal_shows_what_it_escaped(text: str) -> None:
    """On a terminal every unsafe character becomes a visible escape, so nothing is hidden or acted on."""
    shown = for_terminal(text)
    assert not _unsafe_left(shown)
    assert "\\x" in shown or "\\u" in shown


def test_escape_sequences_are_removed_whole_for_the_screen() -> None:
    """A colour sequence vanishes completely from a screen label instead of leaving '[32m' behind."""
    assert one_line("\x1b[1;32mVERIFIED\x1b[0m by Board") == "VERIFIED by Board"
    assert one_line("\x1b]0;title\x07Name") == "Name"


def test_line_breaks_and_runs_of_space_become_one_space() -> None:
    """A name cannot forge a second line: its breaks and tabs read as single spaces."""
    assert one_line("  Nurse\n\n✓ Verified\tby\u00a0Board  ") == "Nurse ✓ Verified by Board"


def test_multiline_keeps_line_breaks_but_not_controls() -> None:
    """A description keeps its paragraphs and loses only the unsafe characters."""
    assert multiline("First\r\n\r\nSecond \u202eline\x1b[31m") == "First\n\nSecond line"


def test_joiners_stay_inside_emoji_and_go_next_to_ascii() -> None:
    """A zero-width joiner shapes an emoji sequence but is dropped where it could only split an ID."""
    health_worker = "\U0001f9d1\u200d\u2695\ufe0f"
    assert one_line(f"Nurse {health_worker}") == f"Nurse {health_worker}"
    assert one_line("did:key:z6\u200dMk") == "did:key:z6Mk"


def test_ordinary_text_is_unchanged() -> None:
    """Names in other scripts and with accents come through exactly."""
    for text in ("Zoë Ångström", "مدرسة التمريض", "看護師免許", "Café — Level 2 (B1)"):
        assert one_line(text) == text
        assert for_terminal(text) == text


def test_terminal_description_keeps_its_lines_when_asked() -> None:
    """`keep_lines` prints a description over several lines; otherwise the break is an escape."""
    assert for_terminal("a\nb\x1b", keep_lines=True) == "a\nb\\x1b"
    assert for_terminal("a\nb") == "a\\x0ab"


def test_escaped_json_is_valid_and_loads_back_to_the_same_data() -> None:
    """JSON output keeps the data exact but carries no raw bidi, C1 or invisible character."""
    data = {"name": "Expired\u202e deifireV \x9b31m \u2066x\u2069 \x7f \u200b", "list": ["a\u2028b", "\x1b[2J"]}
    text = escape_json_text(json.dumps(data, indent=2, ensure_ascii=False))
    assert json.loads(text) == data
    assert not [c for c in text if is_unsafe(c) and c != "\n"]
    assert not set(text) & BIDI_CONTROLS

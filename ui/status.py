"""Words, symbols and colours for verification results, so no meaning is carried by colour alone.

Every status and check outcome is shown as a symbol *and* a word ("✓ Verified", "✗ Failed"); the colour
only repeats what the words say. Plain names for the checks live here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from wallet.api import N_, STATUS_SENTENCES, Status, _, format_date


@dataclass(frozen=True)
class Look:
    symbol: str
    source: str
    """The word in English, marked with N_(); `word` gives it in the app's language."""
    tone: str
    """A style-sheet tone: good, warn, bad, neutral or self (see ui.style)."""

    @property
    def word(self) -> str:
        return _(self.source)

    @property
    def text(self) -> str:
        return f"{self.symbol} {self.word}"


class Words(Mapping[str, str]):
    """A fixed dict of words marked with N_(), read in the app's language at the moment it is read (the
    dicts are made at import time, before a language is chosen)."""

    def __init__(self, words: dict[str, str]) -> None:
        self._words = words

    def __getitem__(self, key: str) -> str:
        return _(self._words[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


STATUS_LOOKS = {
    "verified": Look("✓", N_("Verified"), "good"),
    "verified_with_warnings": Look("!", N_("Verified, with warnings"), "warn"),
    "not_verified": Look("✗", N_("Not verified"), "bad"),
    "unverifiable": Look("?", N_("Can't check offline"), "neutral"),
}
NOT_YET_CHECKED = Look("?", N_("Not checked yet"), "neutral")
SELF_ASSERTED = Look("✎", N_("Self-asserted"), "self")
SOMEONE_ELSE = Look("⚠", N_("Issued to someone else"), "warn")
"""A credential whose subject is not the holder: kept, but not counted as the learner's."""

OUTCOME_LOOKS = {
    "passed": Look("✓", N_("Passed"), "good"),
    "warning": Look("!", N_("Warning"), "warn"),
    "failed": Look("✗", N_("Failed"), "bad"),
    "not checked": Look("–", N_("Not checked"), "neutral"),
}

CHECK_NAMES = Words({
    "format": N_("Format"),
    "signature": N_("Signature"),
    "issuer key": N_("Issuer's key"),
    "validity period": N_("Validity period"),
    "status": N_("Revocation status"),
    "schema": N_("Required fields (schema)"),
    "trusted issuer": N_("Trusted issuer"),
    "nested credentials": N_("Credentials inside"),
    "data model": N_("Data model"),
    "recipient": N_("Issued to you"),
})

TONE_COLOURS = {  # background, text, border — text on background is at least 4.5:1
    "good": ("#dff3e4", "#1b5e2c", "#a9d9b5"),
    "warn": ("#fde6d2", "#7f3a00", "#f1bf94"),
    "bad": ("#fdecea", "#a4221b", "#f3c2bd"),
    "neutral": ("#eceff3", "#3f4856", "#cdd3dc"),
    "self": ("#fff1cc", "#6b4b00", "#e9cf7c"),
}


def status_look(status: str | None) -> Look:
    """The look of a credential's overall status (None: never verified)."""
    return STATUS_LOOKS.get(status or "", NOT_YET_CHECKED)


def outcome_look(outcome: str) -> Look:
    return OUTCOME_LOOKS.get(outcome, OUTCOME_LOOKS["not checked"])


def status_sentence(status: str | None) -> str:
    """The report's own plain sentence for a status."""
    try:
        return _(STATUS_SENTENCES[Status(status or "")])
    except ValueError:
        return _("This credential has not been checked yet. Press “Check again” to check it now.")


def check_name(check: str, reader: str = "holder") -> str:
    """The line's title; on the Check page (`reader` 'employer') the recipient line is about the holder, not
    the person reading."""
    if check == "recipient" and reader == "employer":
        return _("Issued to the holder")
    return CHECK_NAMES.get(check, check[:1].upper() + check[1:])


def object_name_for(check: str) -> str:
    """'validity period' → 'check_validity_period' (how tests and tools find one line of a report)."""
    return "check_" + "_".join(check.split())


def when_checked(stamp: str | None) -> str:
    """'2026-11-28T12:25:09Z' → 'Last checked 28 November 2026 at 12:25.' in the computer's own time zone and
    the app's language."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return _("Last checked {date}.").format(date=stamp)
    return _("Last checked {date} at {time}.").format(date=format_date(moment), time=f"{moment:%H:%M}")


DID = re.compile(r"did:[a-z0-9]+:[A-Za-z0-9._%:-]+[A-Za-z0-9]")
LONG_RUN = re.compile(r"\S{22,}")
ZWSP = "\u200b"


def shorten_did(did: str, head: int = 6, tail: int = 4) -> str:
    """'did:key:z6MkhaXg…2doK': the method and both ends of the identifier, enough to compare by eye."""
    method, _, ident = did.rpartition(":")
    if len(ident) <= head + tail + 1:
        return did
    return f"{method}:{ident[:head]}…{ident[-tail:]}"


def short_dids(text: str) -> str:
    """A sentence with every DID in it shortened (the full sentence goes in the tooltip)."""
    return DID.sub(lambda m: shorten_did(m.group(0)), text)


def breakable(text: str, every: int = 12) -> str:
    """Let long unbroken runs (IDs, web addresses) wrap: a zero-width space after separators and every
    `every` characters. For display only; copy exact values from elsewhere."""
    def split(match: re.Match[str]) -> str:
        out, run = [], 0
        for char in match.group(0):
            out.append(char)
            run += 1
            if char in "/:.-_?&=" or run >= every:
                out.append(ZWSP)
                run = 0
        return "".join(out).rstrip(ZWSP)
    return LONG_RUN.sub(split, text)

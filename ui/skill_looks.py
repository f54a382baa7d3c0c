"""Words and symbols for skills: how strong the evidence is, how well a posting's skill is covered, which way a
pathway goes. As in ui.status, every look is a symbol *and* a word; colour only repeats them.
"""

from __future__ import annotations

from datetime import date

from ui.status import MONTHS, Look

STRENGTH_LOOKS = {
    "trusted": Look("✓✓", "Trusted issuer", "good"),
    "verified": Look("✓", "Verified", "good"),
    "endorsed": Look("★", "Endorsed", "good"),
    "issued": Look("○", "Issued", "neutral"),
    "self-asserted": Look("✎", "Self-asserted", "self"),
}
STRENGTH_MEANINGS = {
    "trusted": "a verified credential from an issuer on your trusted list.",
    "verified": "a credential whose signature the wallet checked; its issuer is not on your trusted list, "
    "and anyone can make a key.",
    "endorsed": "someone else vouched for the record that shows it.",
    "issued": "a credential the wallet could not check offline.",
    "self-asserted": "you describe it yourself; no one else has checked it.",
}
STRENGTH_SHORT = {
    "trusted": "checked, issuer you trust",
    "verified": "signature checked",
    "endorsed": "someone vouched for it",
    "issued": "not checked offline",
    "self-asserted": "your own words",
}
STRENGTH_INTRO = "How sure is each skill? As sure as the best record that shows it:"

COVERAGE_LOOKS = {
    "covered": Look("✓", "You show it", "good"),
    "partial": Look("~", "Partly", "warn"),
    "missing": Look("✗", "Missing", "bad"),
}
SOURCE_HEADINGS = {
    "posting": "The posting asks for",
    "occupation": "Essential for this kind of job",
}

DIRECTION_LOOKS = {
    "up": Look("↑", "Step up", "good"),
    "same": Look("→", "Sideways", "neutral"),
    "down": Look("↓", "Step down", "neutral"),
    "unknown": Look("?", "Level not known", "neutral"),
}

HOW_WORDS = {
    "alignment": "the issuer links it to this skill",
    "listed": "listed as a skill",
    "text": "found in the words",
}


STILL_VALID = "still valid"
"""A skill's latest date is still to come when a credential showing it is valid until then."""


def strength_look(strength: str | None) -> Look:
    return STRENGTH_LOOKS.get(strength or "", STRENGTH_LOOKS["self-asserted"])


def coverage_look(coverage: str | None) -> Look:
    return COVERAGE_LOOKS.get(coverage or "", COVERAGE_LOOKS["missing"])


def direction_look(direction: str | None) -> Look:
    return DIRECTION_LOOKS.get(direction or "", DIRECTION_LOOKS["unknown"])


def how_words(how: str, words: str) -> str:
    """'found in the words “Forklift Operator”'; an alignment says so without its long id."""
    if how == "alignment" or not words:
        return HOW_WORDS.get(how, how)
    return f"{HOW_WORDS.get(how, how)} “{words}”"


def month_year(stamp: str | None, today: date | None = None) -> str:
    """'2022-12' → 'December 2022'; '2019' → '2019'; a date still to come (a credential valid until then) →
    STILL_VALID; None → ''."""
    if not stamp:
        return ""
    parts = stamp[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 0
    except ValueError:
        return stamp
    today = today or date.today()
    if (year, month or 1) > (today.year, today.month):
        return STILL_VALID
    return f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else str(year)


def plural(count: int, word: str, many: str = "") -> str:
    """'1 record', '3 records'."""
    return f"{count} {word if count == 1 else many or word + 's'}"

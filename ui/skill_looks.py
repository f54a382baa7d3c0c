"""Words and symbols for skills: how strong the evidence is, how well a posting's skill is covered, which way a
pathway goes. As in ui.status, every look is a symbol *and* a word; colour only repeats them.
"""

from __future__ import annotations

from datetime import date

from ui.status import Look, Words
from wallet.api import N_, _, format_month

STRENGTH_LOOKS = {
    "trusted": Look("✓✓", N_("Trusted issuer"), "good"),
    "verified": Look("✓", N_("Verified"), "good"),
    "endorsed": Look("★", N_("Endorsed"), "good"),
    "issued": Look("○", N_("Issued"), "neutral"),
    "self-asserted": Look("✎", N_("Self-asserted"), "self"),
}
STRENGTH_MEANINGS = Words({
    "trusted": N_("a verified credential from an issuer on your trusted list."),
    "verified": N_("a credential whose signature the wallet checked; its issuer is not on your trusted list, "
                   "and anyone can make a key."),
    "endorsed": N_("someone else vouched for the record that shows it."),
    "issued": N_("a credential the wallet could not check offline."),
    "self-asserted": N_("you describe it yourself; no one else has checked it."),
})
STRENGTH_SHORT = Words({
    "trusted": N_("checked, issuer you trust"),
    "verified": N_("signature checked"),
    "endorsed": N_("someone vouched for it"),
    "issued": N_("not checked offline"),
    "self-asserted": N_("your own words"),
})
STRENGTH_INTRO = N_("How sure is each skill? As sure as the best record that shows it:")
"""Marked only: show it through _()."""

COVERAGE_LOOKS = {
    "covered": Look("✓", N_("You show it"), "good"),
    "partial": Look("~", N_("Partly"), "warn"),
    "missing": Look("✗", N_("Missing"), "bad"),
}
SOURCE_HEADINGS = Words({
    "posting": N_("The posting asks for"),
    "occupation": N_("Essential for this kind of job"),
})

DIRECTION_LOOKS = {
    "up": Look("↑", N_("Step up"), "good"),
    "same": Look("→", N_("Sideways"), "neutral"),
    "down": Look("↓", N_("Step down"), "neutral"),
    "unknown": Look("?", N_("Level not known"), "neutral"),
}

HOW_WORDS = Words({
    "alignment": N_("the issuer links it to this skill"),
    "listed": N_("listed as a skill"),
    "text": N_("found in the words"),
})


STILL_VALID = N_("still valid")
"""A skill's latest date is still to come when a credential showing it is valid until then (marked only:
month_year gives it through _(), so compare with _(STILL_VALID))."""


def strength_look(strength: str | None) -> Look:
    return STRENGTH_LOOKS.get(strength or "", STRENGTH_LOOKS["self-asserted"])


def coverage_look(coverage: str | None) -> Look:
    return COVERAGE_LOOKS.get(coverage or "", COVERAGE_LOOKS["missing"])


def direction_look(direction: str | None) -> Look:
    return DIRECTION_LOOKS.get(direction or "", DIRECTION_LOOKS["unknown"])


def how_words(how: str, words: str) -> str:
    """'found in the words “Forklift Operator”'; an alignment says so without its long id."""
    shown = HOW_WORDS.get(how, how)
    if how == "alignment" or not words:
        return shown
    if how == "text":
        return _("found in the words “{words}”").format(words=words)
    if how == "listed":
        return _("listed as a skill “{words}”").format(words=words)
    return f"{shown} “{words}”"


def month_year(stamp: str | None, today: date | None = None) -> str:
    """'2022-12' → 'December 2022' (in the app's language); '2019' → '2019'; a date still to come (a credential
    valid until then) → STILL_VALID; None → ''."""
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
        return _(STILL_VALID)
    return format_month(year, month) if 1 <= month <= 12 else str(year)

"""Skills to suggest while a learner describes an experience: the taxonomy's words for what the text shows.

The first call loads the taxonomy pack (seconds, once per process), so front ends call it off their UI thread.
"""

from __future__ import annotations

from collections.abc import Iterable

from wallet.skills.recognise import recogniser

MAX_SUGGEST_TEXT = 20_000


def suggest_skills(text: str, *, already: Iterable[str] = (), limit: int = 12) -> list[str]:
    """The preferred labels of the skills `text` shows, in the order they appear, without those in `already`
    (compared without case) and without repeats."""
    taken = {a.casefold() for a in already}
    found: list[str] = []
    for mention in recogniser().find(text[:MAX_SUGGEST_TEXT], posting=False):
        if mention.label.casefold() not in taken:
            taken.add(mention.label.casefold())
            found.append(mention.label)
            if len(found) >= limit:
                break
    return found

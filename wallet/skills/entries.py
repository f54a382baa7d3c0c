"""One way of finding a skill in text: a label's stems and the conditions under which they count.

The recogniser (`wallet.skills.recognise`) makes these from the taxonomy pack's labels, and the recogniser's
index file (`wallet.skills.index_file`) stores them, so both share this one definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class LabelEntry:
    skill_id: str
    required: tuple[str, ...]
    """Stems (or "=word" for exact words) that must all be near each other."""
    size: int
    """How many meaningful words the label has (weak ones included)."""
    label: str
    preferred: bool
    needs_capital: bool
    needs_context: bool
    kind: str
    needs_health: bool = False
    """A product name that is also a word ("Epic"): read only near words of patient records."""
    shortened: bool = False
    """Found without one of its label's commonest words (see `label_entries._shortened`)."""
    reduced: bool = False
    """Found by the tool's noun alone ("forklifts" for *operate forklift*): after any find of the whole label."""
    hot: bool = False
    """An O*NET Hot Technology: of two products written alike, the one postings name."""
    opening: bool = False
    """Found only where a duty's verb is written: a clause's first word (see `label_entries._verbs_alone`)."""
    narrow: bool = False
    """Words more general than the skill, a skill of one sector ("give a presentation" for *deliver presentations on
    tourism*): read only where the text's other skills can vouch for it (see `label_entries._narrowing`)."""


FLAGS: Final = (
    "preferred", "needs_capital", "needs_context", "needs_health", "shortened", "reduced", "hot", "opening", "narrow",
)
"""The entry's yes-or-no fields, in the order of their bits in the index file."""

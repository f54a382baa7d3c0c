"""Words that mean the same in skill labels, learnt from the taxonomy itself.

ESCO gives most skills several labels ("assist nurses", "support nurses", "help nurses"). Where two labels of
one skill have the same words but one ("assist" / "support"), those two words are used interchangeably in
skill names; counted over every ESCO skill, the pairs seen often form a small lexicon of verbs and nouns that
stand for each other ("oversee" / "supervise", "client" / "patient", "answer" / "respond"). It is learnt from
the shipped pack when the recogniser is built, the same way on every machine (no file, no network, no model),
and lets a posting's "assist nurses" find ESCO's *support nurses* as a meaning-level find that says which
word it read as which.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Final

MIN_PAIRS: Final = 4
"""Two words stand for each other when at least this many skills have labels differing only by them."""
MAX_SIMILAR: Final = 6
"""At most this many stand-ins per word, the most frequent first (keeps recognition fast)."""
MIN_LENGTH: Final = 3
"""Stems shorter than this ("it", "ag") are never stand-ins: too many senses."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Stems that stand for each other, with how many skills' labels showed the pair."""

    similar: dict[str, tuple[str, ...]]
    counts: dict[tuple[str, str], int]

    def stand_ins(self, stem: str) -> tuple[str, ...]:
        """The stems that may stand for `stem`, most frequent first."""
        return self.similar.get(stem, ())

    def evidence(self, a: str, b: str) -> int:
        """How many skills have two labels that differ only by `a` and `b`."""
        return self.counts.get((a, b) if a < b else (b, a), 0)


def learn(label_sets: Iterable[Iterable[tuple[str, ...]]]) -> Lexicon:
    """The lexicon from each skill's labels as stem tuples (one iterable of labels per skill)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for labels in label_sets:
        unique = sorted({label for label in labels if len(label) >= 2})
        for a, b in combinations(unique, 2):
            if len(a) != len(b):
                continue
            differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            if len(differ) == 1:
                x, y = differ[0]
                if len(x) >= MIN_LENGTH and len(y) >= MIN_LENGTH and x.isalpha() and y.isalpha():
                    pairs[(x, y) if x < y else (y, x)] += 1
    kept = {pair: n for pair, n in pairs.items() if n >= MIN_PAIRS}
    ranked: dict[str, list[tuple[int, str]]] = {}
    for (x, y), n in kept.items():
        ranked.setdefault(x, []).append((-n, y))
        ranked.setdefault(y, []).append((-n, x))
    similar = {word: tuple(other for _, other in sorted(others)[:MAX_SIMILAR]) for word, others in ranked.items()}
    return Lexicon(similar, kept)

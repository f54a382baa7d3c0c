"""Scoring skill recognition against postings labelled by people (tests/fixtures/postings).

A found skill counts as right when it is the expected skill; precision and recall are over all
postings together (micro-averaged), and each posting's misses and extra finds are kept so the worst
cases can be read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class PostingScore:
    id: str
    expected: set[str]
    found: set[str]
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def missed(self) -> set[str]:
        return self.expected - self.found

    @property
    def extra(self) -> set[str]:
        return self.found - self.expected


@dataclass
class Evaluation:
    postings: list[PostingScore]

    @property
    def true_positives(self) -> int:
        return sum(len(p.expected & p.found) for p in self.postings)

    @property
    def precision(self) -> float:
        found = sum(len(p.found) for p in self.postings)
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = sum(len(p.expected) for p in self.postings)
        return self.true_positives / expected if expected else 0.0


def load_postings(folder: Path) -> list[dict[str, Any]]:
    """The labelled postings (NN-slug.json) in a folder, in name order."""
    return [json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("[0-9]*.json"))]


def evaluate(
    postings: Iterable[dict[str, Any]],
    find: Callable[[str], Iterable[tuple[str, str]]],
    same: Callable[[str], Iterable[str]] = lambda _skill_id: (),
) -> Evaluation:
    """Run `find(text) -> [(skill id, label)]` on each posting and compare with its expected skills.

    An expected skill may list `alternatives` people accept for the same words (CPR: "resuscitation" or
    "provide first aid"); finding one of them counts as finding the skill, once. `same(skill id)` names the
    concepts that are the same skill under another name (`wallet.skills.same`: ESCO's *PostgreSQL* and
    O*NET's): finding one counts as finding the other.
    """
    scores = []
    for posting in postings:
        found = dict(find(posting["text"]))
        expected = {s["id"]: s["label"] for s in posting["expected_skills"]}
        alias = {a["id"]: s["id"] for s in posting["expected_skills"] for a in s.get("alternatives", [])}
        alias.update({skill_id: skill_id for skill_id in expected})
        for skill_id in list(alias):
            for twin in same(skill_id):
                alias.setdefault(twin, alias[skill_id])
        found_as_expected = {alias.get(skill_id, skill_id) for skill_id in found}
        labels = {**found, **expected}
        scores.append(PostingScore(posting["id"], set(expected), found_as_expected, labels))
    return Evaluation(scores)

"""One skill under two names: concepts of ESCO and O*NET that name the same thing in the same words.

ESCO and O*NET were written apart, and both name many of the same things: ESCO's knowledge item *PostgreSQL*
and O*NET's technology *PostgreSQL*, ESCO's *use customer relationship management software* and O*NET's
*Customer relationship management CRM software*, ESCO's *operate forklift* and O*NET's tool *Forklifts*. ESCO
itself sometimes has two concepts for one thing (*use welding equipment*, *operate welding equipment*). A
person reading a posting or a record does not tell these apart, so neither do matching and scoring: a learner
whose record shows one shows the other.

Two concepts are the same skill when their preferred labels have the same content words in the same order
(a plural read as its singular) once the words that only say "handle it" (use, operate, apply, software, ICT)
and an acronym that repeats the words before it ("… CRM software") are left out. Nothing else is equated:
*maintain irrigation systems* is not *irrigation systems*, *prepare financial statements* is not *financial
statements*, and a product is never a thing (O*NET's software *Square* is not its tool *Squares*).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Final

from wallet.skills.index_file import INDEX_FILE, pack_identity, read_meta
from wallet.skills.pack import TaxonomyPack
from wallet.skills.text import label_words

KINDS: Final = ("esco-skill", "esco-knowledge", "onet-tech", "onet-tool")
TWINS_VERSION: Final = 1
"""Bumped when the rule below changes: twins kept in the recogniser's index file are then found again."""
HANDLING_WORDS: Final = frozenset(["use", "operate", "apply", "software", "ict"])
"""Words that say how a thing is handled, not what it is: left out when two names are compared."""


def same_skill_key(label: str) -> tuple[str, ...]:
    """The words that say what a label names, as stems in order (empty when nothing is left)."""
    kept = [w for w in label_words(label) if w.text.lower() not in HANDLING_WORDS]
    acronym = kept[-1].text if len(kept) > 2 else ""
    if acronym.isupper() and acronym.isalpha() and "".join(w.text[0] for w in kept[:-1]).upper().endswith(acronym):
        kept = kept[:-1]  # "Customer relationship management CRM": the acronym repeats the words
    return tuple(w.stem for w in kept)


def _comparable(kinds: dict[str, str], a: str, b: str) -> bool:
    """A product and a thing are never one skill, whatever their names: O*NET's software *Square* is not its
    tool *Squares*."""
    return {kinds[a], kinds[b]} != {"onet-tech", "onet-tool"}


class SameSkills:
    """Which concepts are the same skill as a given one (the concept itself never included)."""

    def __init__(self, labelled: Iterable[tuple[str, str, str]]) -> None:
        """From (id, preferred label, kind) of every concept."""
        groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
        kinds: dict[str, str] = {}
        for skill_id, label, kind in labelled:
            kinds[skill_id] = kind
            key = same_skill_key(label)
            if key:
                groups[key].append(skill_id)
        self._same: dict[str, tuple[str, ...]] = {}
        for ids in groups.values():
            if len(ids) > 1:
                for skill_id in ids:
                    others = tuple(other for other in ids if other != skill_id and _comparable(kinds, skill_id, other))
                    if others:
                        self._same[skill_id] = others

    @classmethod
    def from_mapping(cls, same: Mapping[str, Iterable[str]]) -> SameSkills:
        """From a kept {id: [its twins]} mapping (`as_mapping`)."""
        found = cls(())
        found._same = {k: tuple(v) for k, v in same.items()}
        return found

    def as_mapping(self) -> dict[str, list[str]]:
        """{id: [its twins]}, sorted, to keep."""
        return {k: list(v) for k, v in sorted(self._same.items())}

    def of(self, skill_id: str) -> tuple[str, ...]:
        """The other concepts that name the same skill as `skill_id` (often none)."""
        return self._same.get(skill_id, ())

    def __len__(self) -> int:
        """How many concepts have a twin."""
        return len(self._same)


_cache: dict[int, tuple[TaxonomyPack, SameSkills]] = {}
_lock = threading.Lock()


def _compute(pack: TaxonomyPack) -> SameSkills:
    return SameSkills((s.id, s.label, s.kind) for s in pack.skills(KINDS))


def twins_meta(pack: TaxonomyPack) -> dict[str, Any]:
    """The twins, for the recogniser's index file (read back by `same_skills` without reading every label)."""
    return {"twins": _compute(pack).as_mapping(), "twins_version": TWINS_VERSION}


def _kept(pack: TaxonomyPack) -> SameSkills | None:
    blob = pack.read_file(INDEX_FILE)
    meta = read_meta(blob) if blob is not None else None
    if meta is None or meta.get("twins_version") != TWINS_VERSION:
        return None
    if meta.get("built_from", {}).get("pack") != pack_identity(pack):
        return None
    return SameSkills.from_mapping(meta.get("twins", {}))


def same_skills(pack: TaxonomyPack) -> SameSkills:
    """The twins of the pack's skills, once per pack: kept in the recogniser's index file beside the pack, or
    found from every label (0.4 s) when that file is missing or was made from another pack or rule."""
    with _lock:
        cached = _cache.get(id(pack))
        if cached is None or cached[0] is not pack:
            found = _kept(pack) or _compute(pack)
            cached = _cache[id(pack)] = (pack, found)
        return cached[1]

"""The learner's skill profile: every skill their records show, with the records that show it, how strong
that evidence is and how recent, plus the learner's own corrections (added, hidden or relabelled skills).

Strength, strongest first: a credential verified from an issuer the learner trusts, a credential verified from
any other issuer (an unknown did:key can sign anything, so it is not the strongest), an endorsement, an issued
credential that could not be verified, then the learner's own self-asserted entries. A credential issued to
someone else is not the learner's evidence at all (the session leaves it out).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wallet.i18n import N_
from wallet.skills.pack import TaxonomyPack
from wallet.skills.recognise import RECOGNISER_VERSION, Recogniser

STRENGTHS = ("trusted", "verified", "endorsed", "issued", "self-asserted")
"""Strongest first."""

STRENGTH_WORDS = {
    "trusted": N_("a verified credential from an issuer you trust"),
    "verified": N_("a verified credential from an issuer not on your trusted list"),
    "endorsed": N_("an endorsement"),
    "issued": N_("an issued credential (not verified offline)"),
    "self-asserted": N_("your own description"),
}


@dataclass(frozen=True)
class RecordText:
    """What the profile reads from one wallet record (built by the session from a Record)."""

    record_id: str
    title: str
    strength: str
    """One of STRENGTHS."""
    when: str | None
    """The latest date the record speaks of (YYYY, YYYY-MM or YYYY-MM-DD), for recency."""
    texts: Sequence[str] = ()
    """Title, description, criteria, results, evidence notes: read for skill names."""
    listed_skills: Sequence[str] = ()
    """Skill names the learner or issuer listed outright (entry skills, tags, alignment names)."""
    skill_ids: Sequence[str] = ()
    """Taxonomy ids a credential aligns to directly (ESCO URIs, O*NET codes)."""


@dataclass(frozen=True)
class Evidence:
    record_id: str
    record_title: str
    strength: str
    when: str | None
    how: str
    """"alignment" (the credential names the skill's id), "listed" (a listed skill name) or "text"."""
    words: str
    """The words that showed it."""


@dataclass
class ProfileSkill:
    skill_id: str
    label: str
    evidence: list[Evidence] = field(default_factory=list)
    added_by_learner: bool = False
    note: str = ""

    @property
    def strength(self) -> str:
        """The strongest evidence; "self-asserted" for a skill the learner added by hand."""
        ranks = [STRENGTHS.index(e.strength) for e in self.evidence]
        return STRENGTHS[min(ranks)] if ranks else "self-asserted"

    @property
    def last_seen(self) -> str | None:
        dates = [e.when for e in self.evidence if e.when]
        return max(dates) if dates else None

    @property
    def record_ids(self) -> list[str]:
        return sorted({e.record_id for e in self.evidence})

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.skill_id,
            "label": self.label,
            "strength": self.strength,
            "last_seen": self.last_seen,
            "records": self.record_ids,
            "added_by_learner": self.added_by_learner,
            "evidence": [e.__dict__ for e in self.evidence],
        }


@dataclass(frozen=True)
class Overrides:
    """The learner's corrections, kept in the wallet."""

    added: dict[str, str] = field(default_factory=dict)
    """skill id → a note ("I do this at home")."""
    hidden: frozenset[str] = frozenset()
    renamed: dict[str, str] = field(default_factory=dict)
    """A wrongly recognised skill id → the skill id it should have been."""


@dataclass
class Profile:
    skills: dict[str, ProfileSkill]
    hidden: dict[str, ProfileSkill] = field(default_factory=dict)

    def has(self, skill_id: str) -> bool:
        return skill_id in self.skills

    def ordered(self) -> list[ProfileSkill]:
        """Strongest evidence first, then the most records, then most recent, then by name."""
        skills = sorted(self.skills.values(), key=lambda s: s.label.lower())
        skills.sort(key=lambda s: s.last_seen or "", reverse=True)  # stable sorts: least important key first
        skills.sort(key=lambda s: (STRENGTHS.index(s.strength), -len(s.record_ids)))
        return skills

    def to_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.ordered()]


HOWS = ("alignment", "listed", "text")


@dataclass(frozen=True, slots=True)
class Found:
    """One skill recognised in one record: what the wallet keeps per record, so unchanged records are not read
    again. Strength, date and title are left out on purpose: they change (a check, an edit of the date) without
    the skills changing, and are added when the profile is assembled."""

    skill_id: str
    how: str
    """One of HOWS: "alignment" (the credential names the skill's id), "listed" or "text"."""
    words: str
    """The words that showed it."""


def pack_key(pack: TaxonomyPack) -> str:
    """The identity of what recognition depends on: the pack's parts (their sha256s in index.json) and the
    recogniser's version. Skills kept under another key are recognised again."""
    canonical = json.dumps(
        {"parts": pack.part_hashes(), "recogniser": RECOGNISER_VERSION},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def content_hash(record: RecordText, unread: Sequence[str] = ()) -> str:
    """A hash of exactly what recognition reads from a record (texts, listed skills, skill ids), in order.
    `unread` stands for texts still to be read and appended, by their sha256 (a record's evidence notes)."""
    canonical = json.dumps(
        [list(record.texts), list(record.listed_skills), list(record.skill_ids), list(unread)],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def recognise_record(record: RecordText, recogniser: Recogniser) -> list[Found]:
    """Every skill one record shows, in the order the profile reads them, each (skill, how) once."""
    found: list[Found] = []
    seen: set[tuple[str, str]] = set()

    def add(skill_id: str, how: str, words: str) -> None:
        if (skill_id, how) not in seen:
            seen.add((skill_id, how))
            found.append(Found(skill_id, how, words))

    for skill_id in record.skill_ids:
        add(skill_id, "alignment", skill_id)
    for name in record.listed_skills:
        for mention in recogniser.find(name, posting=False):
            add(mention.skill_id, "listed", mention.matched_text)
    for text in record.texts:
        for mention in recogniser.find(text, posting=False):
            add(mention.skill_id, "text", mention.matched_text)
    return found


def assemble_profile(
    records: Iterable[tuple[RecordText, Sequence[Found]]], pack: TaxonomyPack, overrides: Overrides | None = None
) -> Profile:
    """The profile from each record's recognised skills plus its current strength, date and title; corrections
    applied; hidden skills kept apart so they can be restored."""
    found: dict[str, ProfileSkill] = {}
    shown: set[tuple[str, str, str]] = set()
    """(skill, record, how) already given as evidence: each is shown once, by its first words."""
    overrides = overrides or Overrides()
    for record, finds in records:
        for item in finds:
            skill_id = overrides.renamed.get(item.skill_id, item.skill_id)
            skill = pack.get_skill(skill_id)
            if skill is None:
                continue
            entry = found.setdefault(skill_id, ProfileSkill(skill_id, skill.label))
            if (skill_id, record.record_id, item.how) not in shown:
                shown.add((skill_id, record.record_id, item.how))
                entry.evidence.append(
                    Evidence(record.record_id, record.title, record.strength, record.when, item.how, item.words)
                )
    for skill_id, note in overrides.added.items():
        skill = pack.get_skill(skill_id)
        if skill is not None:
            entry = found.setdefault(skill_id, ProfileSkill(skill_id, skill.label))
            entry.added_by_learner, entry.note = True, note
    hidden = {k: v for k, v in found.items() if k in overrides.hidden}
    return Profile({k: v for k, v in found.items() if k not in overrides.hidden}, hidden)


def build_profile(
    records: Iterable[RecordText], pack: TaxonomyPack, recogniser: Recogniser, overrides: Overrides | None = None
) -> Profile:
    """Every skill the records show, each record recognised afresh (the wallet keeps them: wallet.skills_service)."""
    return assemble_profile(((r, recognise_record(r, recogniser)) for r in records), pack, overrides)

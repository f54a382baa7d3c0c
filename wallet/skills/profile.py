"""The learner's skill profile: every skill their records show, with the records that show it, how strong
that evidence is and how recent, plus the learner's own corrections (added, hidden or relabelled skills).

Strength, strongest first: a credential verified from an issuer the learner trusts, a credential verified from
any other issuer (an unknown did:key can sign anything, so it is not the strongest), an endorsement, an issued
credential that could not be verified, then the learner's own self-asserted entries. A credential issued to
someone else is not the learner's evidence at all (the session leaves it out).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from wallet.i18n import N_
from wallet.skills.pack import TaxonomyPack
from wallet.skills.recognise import Recogniser

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



def build_profile(
    records: Iterable[RecordText], pack: TaxonomyPack, recogniser: Recogniser, overrides: Overrides | None = None
) -> Profile:
    """Every skill the records show; corrections applied; hidden skills kept apart so they can be restored."""
    found: dict[str, ProfileSkill] = {}
    overrides = overrides or Overrides()

    def add(skill_id: str, evidence: Evidence) -> None:
        skill_id = overrides.renamed.get(skill_id, skill_id)
        skill = pack.get_skill(skill_id)
        if skill is None:
            return
        entry = found.setdefault(skill_id, ProfileSkill(skill_id, skill.label))
        if not any(e.record_id == evidence.record_id and e.how == evidence.how for e in entry.evidence):
            entry.evidence.append(evidence)

    for record in records:
        for skill_id in record.skill_ids:
            add(skill_id, Evidence(record.record_id, record.title, record.strength, record.when, "alignment", skill_id))
        for name in record.listed_skills:
            for mention in recogniser.find(name, posting=False):
                add(
                    mention.skill_id,
                    Evidence(
                        record.record_id, record.title, record.strength, record.when, "listed", mention.matched_text
                    ),
                )
        for text in record.texts:
            for mention in recogniser.find(text, posting=False):
                add(
                    mention.skill_id,
                    Evidence(
                        record.record_id, record.title, record.strength, record.when, "text", mention.matched_text
                    ),
                )
    for skill_id, note in overrides.added.items():
        skill = pack.get_skill(skill_id)
        if skill is not None:
            entry = found.setdefault(skill_id, ProfileSkill(skill_id, skill.label))
            entry.added_by_learner, entry.note = True, note
    hidden = {k: v for k, v in found.items() if k in overrides.hidden}
    return Profile({k: v for k, v in found.items() if k not in overrides.hidden}, hidden)

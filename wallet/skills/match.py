"""Matching an opportunity against the learner's profile, skill by skill, with a score that is always explained.

Each skill the opportunity asks for is

- **covered**: the profile has that very skill (the evidence is the records that show it);
- **partial**: the profile has a skill next to it: a broader or narrower skill in ESCO's hierarchy, a skill
  ESCO relates to it, or, for an O*NET technology or tool, another one of the same kind (the same UNSPSC
  commodity, "Warehouse management system" software); ``partial_via`` says which;
- **missing**: neither.

The score is the share of the skills the posting names that the profile shows (a partial one counts half, a
piece of equipment half as much as a skill), weighted three to one against the same share for the occupation's
usual skills the posting does not name (weighted by their importance).
It always comes with `MatchResult.explanation`, two to four sentences a learner understands.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from wallet.i18n import N_, _, current_language, ngettext
from wallet.skills.opportunity import OccupationGuess, Opportunity
from wallet.skills.pack import TaxonomyPack
from wallet.skills.profile import STRENGTH_WORDS, STRENGTHS, Profile, ProfileSkill
from wallet.skills.same import same_skills

POSTING_WEIGHT: Final = 0.75
"""Share of the score that comes from the skills the posting names; the rest from the occupation's usual skills."""
PARTIAL_CREDIT: Final = 0.5
TOOL_WEIGHT: Final = 0.5
"""Weight of an O*NET tool a posting names ("Straps", "Steel toe boots") against a skill's 1."""
COVERAGES: Final = ("covered", "partial", "missing")

_RELATION_WORDS = {
    "broader": N_("a broader skill"),
    "narrower": N_("a more specific skill"),
    "related": N_("a related skill"),
    "same kind": N_("software or equipment of the same kind"),
}


@dataclass(frozen=True, slots=True)
class Via:
    """The profile skill that partly covers a skill, and how it is related to it."""

    skill_id: str
    label: str
    relation: str
    """"broader" (the profile skill is broader), "narrower", "related" or "same kind" (O*NET commodity)."""
    record_ids: tuple[str, ...]
    strength: str

    @property
    def how(self) -> str:
        """The relation in words: "a broader skill", "a related skill"…"""
        return _(_RELATION_WORDS.get(self.relation, _RELATION_WORDS["related"]))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.skill_id, "label": self.label, "relation": self.relation,
                "how": self.how, "records": list(self.record_ids), "strength": self.strength}


@dataclass(frozen=True, slots=True)
class Coverage:
    """How well the profile shows one skill."""

    coverage: str
    """One of COVERAGES."""
    evidence: tuple[str, ...] = ()
    """Record ids: those showing the skill itself, or (partial) those showing `via`."""
    strength: str | None = None
    """The strongest evidence (see `wallet.skills.profile.STRENGTHS`); None when missing."""
    via: Via | None = None

    @property
    def credit(self) -> float:
        return 1.0 if self.coverage == "covered" else PARTIAL_CREDIT if self.coverage == "partial" else 0.0


class ProfileNeighbours:
    """The profile seen from the skills around it, so any skill's coverage is a few dictionary look-ups.

    Built once per profile and pack (a profile of 60 skills takes a millisecond or two). Both directions of
    ESCO's hierarchy are found through `broader_skills` (the profile's and the asked skill's), so the pack's
    narrower index is never needed.
    """

    def __init__(self, profile: Profile, pack: TaxonomyPack) -> None:
        self.profile = profile
        self.pack = pack
        self._near: dict[str, list[tuple[int, ProfileSkill, str]]] = {}
        self._commodity: dict[tuple[str, str], list[ProfileSkill]] = {}
        self._same = same_skills(pack)
        for skill in profile.skills.values():
            known = pack.get_skill(skill.skill_id)
            if known is None:
                continue
            if known.kind in ("onet-tech", "onet-tool") and known.commodity_code:
                self._commodity.setdefault((known.kind, known.commodity_code), []).append(skill)
            if known.kind.startswith("esco-"):
                for other in pack.broader_skills(skill.skill_id):
                    self._add(other, 1, skill, "narrower")  # the profile skill is narrower than `other`
                for other, _kind in pack.related_skills(skill.skill_id):
                    self._add(other, 2, skill, "related")

    def _add(self, skill_id: str, rank: int, skill: ProfileSkill, relation: str) -> None:
        self._near.setdefault(skill_id, []).append((rank, skill, relation))

    def covers(self, skill_id: str) -> Coverage:
        """Covered, partly covered (and through which profile skill) or missing."""
        own = next(  # the skill itself, or the same skill under its other taxonomy's name
            (s for s in map(self.profile.skills.get, (skill_id, *self._same.of(skill_id))) if s is not None), None
        )
        if own is not None:
            return Coverage("covered", tuple(own.record_ids), own.strength)
        candidates = list(self._near.get(skill_id, ()))
        known = self.pack.get_skill(skill_id)
        if known is not None and known.kind.startswith("esco-"):
            for other in self.pack.broader_skills(skill_id):
                near = self.profile.skills.get(other)
                if near is not None:
                    candidates.append((0, near, "broader"))  # the profile skill is broader than this one
            for other, _kind in self.pack.related_skills(skill_id):
                near = self.profile.skills.get(other)
                if near is not None:
                    candidates.append((2, near, "related"))
        if known is not None and known.kind in ("onet-tech", "onet-tool") and known.commodity_code:
            candidates += [(3, s, "same kind") for s in self._commodity.get((known.kind, known.commodity_code), ())
                           if s.skill_id != skill_id]
        if not candidates:
            return Coverage("missing")
        _rank, best, relation = min(candidates, key=lambda c: (STRENGTHS.index(c[1].strength), c[0],
                                                              -len(c[1].record_ids), c[1].label))
        via = Via(best.skill_id, best.label, relation, tuple(best.record_ids), best.strength)
        return Coverage("partial", via.record_ids, best.strength, via)


@dataclass(frozen=True)
class SkillMatch:
    """One skill the opportunity asks for, and how the profile shows it."""

    skill_id: str
    label: str
    source: str
    """"posting" (the posting names it), "occupation" (a usual skill of the likely occupation) or "outcome"
    (a course's learning outcome names it, `wallet.skills.cpl`)."""
    coverage: Coverage
    matched_text: str | None = None
    """The posting's words that named it (None for an occupation's usual skill)."""
    occupation_id: str | None = None
    """For an occupation's usual skill: which occupation."""
    importance: float = 1.0
    """Its weight in the score: 1 for a skill (0.5 for a tool) the posting names; an occupation's usual skill
    its `wallet.skills.opportunity.UsualSkill.importance`."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.skill_id,
            "label": self.label,
            "source": self.source,
            "coverage": self.coverage.coverage,
            "evidence": list(self.coverage.evidence),
            "matched_text": self.matched_text,
            "partial_via": self.coverage.via.label if self.coverage.via else None,
            "partial_via_detail": self.coverage.via.to_json() if self.coverage.via else None,
            "strength": self.coverage.strength,
            "occupation": self.occupation_id,
            "importance": round(self.importance, 3),
        }


@dataclass
class MatchResult:
    """An opportunity matched against a profile: per-skill coverage, a score and its explanation."""

    title: str
    occupations: list[OccupationGuess]
    skills: list[SkillMatch]
    score: float
    """0-1; always shown with `explanation`."""
    explanation: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    """{"posting"|"occupation": {"covered", "partial", "missing", "total"}}."""
    source: str = "text"
    organization: str | None = None

    def by_source(self, source: str) -> list[SkillMatch]:
        return [s for s in self.skills if s.source == source]

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organization": self.organization,
            "input": self.source,
            "occupations": [o.to_json() for o in self.occupations],
            "skills": [s.to_json() for s in self.skills],
            "score": round(self.score, 3),
            "score_percent": round(self.score * 100),
            "explanation": self.explanation,
            "score_basis": SCORE_BASIS,
            "counts": self.counts,
        }


SCORE_BASIS: Final = (
    "The score is the share of the skills the posting names that your records show, a partly shown skill "
    "counting half; the usual skills of the occupation that the posting does not name count for a quarter."
)


def match(opportunity: Opportunity, profile: Profile, pack: TaxonomyPack,
          neighbours: ProfileNeighbours | None = None) -> MatchResult:
    """Every skill the opportunity asks for, covered, partial or missing against the profile, with an
    explained score."""
    near = neighbours or ProfileNeighbours(profile, pack)
    skills: list[SkillMatch] = []
    seen: set[str] = set()
    for mention in opportunity.posting_skills:
        if mention.skill_id in seen:
            continue
        seen.update((mention.skill_id, mention.label.casefold()))
        known = pack.get_skill(mention.skill_id)
        weight = TOOL_WEIGHT if known is not None and known.kind == "onet-tool" else 1.0
        skills.append(SkillMatch(mention.skill_id, mention.label, "posting", near.covers(mention.skill_id),
                                 mention.matched_text, importance=weight))
    for usual in opportunity.occupation_skills:
        if usual.skill_id in seen or usual.label.casefold() in seen:
            continue  # ESCO "JavaScript" named in the posting and O*NET "JavaScript" of the occupation
        seen.update((usual.skill_id, usual.label.casefold()))
        skills.append(SkillMatch(usual.skill_id, usual.label, "occupation", near.covers(usual.skill_id),
                                 None, usual.occupation_id, usual.importance))
    posting = [s for s in skills if s.source == "posting"]
    usual_skills = [s for s in skills if s.source == "occupation"]
    counts = {"posting": _count(posting), "occupation": _count(usual_skills)}
    score = _score(posting, usual_skills)
    occupation = _occupation_words(pack, opportunity.occupations[0]) if opportunity.occupations else None
    return MatchResult(opportunity.title, list(opportunity.occupations), skills, score,
                       explain(posting, usual_skills, occupation), counts, opportunity.source,
                       opportunity.organization)


def shown_and_asked(result: MatchResult) -> list[SkillMatch]:
    """The skills a view or statement may claim: the posting itself names them and the learner's own records
    show them (covered, not only a neighbouring skill; never an occupation's usual skill the posting does not
    name). Strongest evidence first, then in the posting's order."""
    chosen = [s for s in result.skills if s.source == "posting" and s.coverage.coverage == "covered"]
    order = {s.skill_id: n for n, s in enumerate(chosen)}
    return sorted(chosen, key=lambda s: (STRENGTHS.index(s.coverage.strength or STRENGTHS[-1]), order[s.skill_id]))


def _count(skills: list[SkillMatch]) -> dict[str, int]:
    out = {c: 0 for c in COVERAGES}
    for s in skills:
        out[s.coverage.coverage] += 1
    out["total"] = len(skills)
    return out


def _share(skills: list[SkillMatch]) -> float:
    weight = sum(s.importance for s in skills)
    return sum(s.importance * s.coverage.credit for s in skills) / weight if weight else 0.0


def _score(posting: list[SkillMatch], usual: list[SkillMatch]) -> float:
    if posting and usual:
        return POSTING_WEIGHT * _share(posting) + (1 - POSTING_WEIGHT) * _share(usual)
    return _share(posting or usual)


# ---- the explanation -------------------------------------------------------------------------------------


def and_list(items: list[str], limit: int = 3) -> str:
    """"a", "a and b", "a, b and c", "a, b, c and 2 more"."""
    if len(items) > limit:
        shown, rest = items[:limit], len(items) - limit
        return _("{items} and {count} more").format(items=", ".join(shown), count=rest)
    if len(items) <= 1:
        return "".join(items)
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def strongest(skills: Iterable[SkillMatch]) -> SkillMatch | None:
    """The covered skill with the strongest evidence (then the most records)."""
    covered = [s for s in skills if s.coverage.coverage == "covered"]
    if not covered:
        return None
    return min(covered, key=lambda s: (STRENGTHS.index(s.coverage.strength or "self-asserted"),
                                       -len(s.coverage.evidence), s.label.lower()))


def _occupation_words(pack: TaxonomyPack, guess: OccupationGuess) -> str:
    """"a forklift operator" (ESCO labels are singular) or "Web Developers" (O*NET titles are plural)."""
    occupation = pack.get_occupation(guess.id)
    if (occupation is not None and occupation.kind == "onet-occupation") or current_language() != "en":
        return guess.label  # the taxonomy's English label, without an English article in another language
    article = "an" if guess.label[:1].lower() in "aeiou" else "a"
    return f"{article} {guess.label}"


def explain(posting: list[SkillMatch], usual: list[SkillMatch], occupation: str | None) -> str:
    """Two to four plain sentences: what is shown, the strongest evidence, what is missing, the occupation
    (`occupation` as it reads in a sentence: "a forklift operator", "Web Developers")."""
    sentences: list[str] = []
    if posting:
        c = sum(1 for s in posting if s.coverage.coverage == "covered")
        p = sum(1 for s in posting if s.coverage.coverage == "partial")
        named = len(posting)
        if c == 0 and p == 0:
            sentences.append(ngettext("Your records do not yet show any of the {count} skill the posting names.",
                                      "Your records do not yet show any of the {count} skills the posting names.",
                                      named).format(count=named))
        elif p:
            sentences.append(ngettext("You show {shown} of the {count} skill the posting names, and {partly} partly.",
                                      "You show {shown} of the {count} skills the posting names, and {partly} partly.",
                                      named).format(shown=c, count=named, partly=p))
        else:
            sentences.append(ngettext("You show {shown} of the {count} skill the posting names.",
                                      "You show {shown} of the {count} skills the posting names.",
                                      named).format(shown=c, count=named))
    elif occupation:
        sentences.append(_("The wallet found no skill names in the posting, so the match rests on the usual "
                           "skills of {occupation}.").format(occupation=occupation))
    else:
        sentences.append(_("The wallet found no skill names in the posting, so the match rests on nothing."))
    best = strongest(posting) or strongest(usual)
    if best is not None:
        sentences.append(_("Strongest: {skill} ({strength}).").format(
            skill=best.label, strength=_(STRENGTH_WORDS[best.coverage.strength or "self-asserted"])))
    missing = [s.label for s in posting if s.coverage.coverage == "missing"]
    if missing:
        sentences.append(_("Missing: {skills}.").format(skills=and_list(missing)))
    if usual and occupation:
        c = sum(1 for s in usual if s.coverage.coverage == "covered")
        p = sum(1 for s in usual if s.coverage.coverage == "partial")
        if p:
            sentences.append(_("Of {count} other skills usual for {occupation}, you show {shown} and {partly} "
                               "partly.").format(count=len(usual), occupation=occupation, shown=c, partly=p))
        else:
            sentences.append(_("Of {count} other skills usual for {occupation}, you show {shown}.").format(
                count=len(usual), occupation=occupation, shown=c))
    elif not posting:
        sentences.append(_("Paste the full posting text to compare it with your records."))
    return " ".join(sentences[:4])

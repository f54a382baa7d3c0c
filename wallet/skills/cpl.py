"""Credit for prior learning: a course's learning outcomes mapped to the learner's records.

The learner (or a navigator) pastes the outcomes, one a line; bullets and numbering are dropped and heading
lines ("Students will be able to:") skipped. Each outcome's skills are found as in a posting; each skill is
covered, partly covered or missing against the profile exactly as in `wallet.skills.match`, with the records
that show it. An outcome whose skills the records do not show, or in which no skill could be found, is listed
as having no evidence, so the reviewer sees the gap rather than a silence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from wallet.errors import InvalidInputError
from wallet.skills.match import ProfileNeighbours, SkillMatch, and_list
from wallet.skills.pack import TaxonomyPack
from wallet.skills.profile import STRENGTH_WORDS, STRENGTHS, Profile
from wallet.skills.recognise import Recogniser, recogniser

STATUSES: Final = ("evidenced", "partly evidenced", "no evidence")
MAX_OUTCOMES: Final = 200
MAX_LINE: Final = 1_000

_BULLET = re.compile(
    r"""^\s*(?:
        [-*•·▪◦‣–—>+]+                      # bullets
      | \(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]  # 1.  1)  (a)  a.  iv)
      | (?:LO|CLO|SLO|Outcome)\s*\d+[.:)]?  # LO1: CLO 2.
    )\s+""",
    re.VERBOSE,
)
_HEADING = re.compile(
    r"^(?:(?:course|student|program|programme|expected|intended)\s+)?(?:learning\s+)?(?:outcomes?|objectives?|goals?)"
    r"\.?$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:(?:upon|on|after)\s+(?:successful\s+)?completion[^,]*,\s*)?(?:the\s+)?(?:students?|learners?|participants?"
    r"|graduates?|you)\s+(?:will|should|can|shall)\s+(?:be\s+able\s+to\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class RecordRef:
    id: str
    title: str
    strength: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "strength": self.strength,
                "strength_words": STRENGTH_WORDS.get(self.strength, self.strength)}


@dataclass
class OutcomeMatch:
    """One learning outcome, the skills found in it, and the records that show them."""

    number: int
    """1-based, in the order pasted."""
    text: str
    """The outcome as written, without its bullet or number."""
    skills: list[SkillMatch] = field(default_factory=list)
    records: list[RecordRef] = field(default_factory=list)
    """The records showing the outcome's skills (or skills next to them), strongest first."""
    status: str = "no evidence"
    """One of STATUSES."""
    explanation: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "outcome": self.text,
            "status": self.status,
            "evidenced": self.status != "no evidence",
            "skills": [s.to_json() for s in self.skills],
            "evidence": [
                {"id": s.skill_id, "label": s.label, "coverage": s.coverage.coverage,
                 "records": list(s.coverage.evidence), "partial_via": s.coverage.via.label if s.coverage.via else None}
                for s in self.skills if s.coverage.coverage != "missing"
            ],
            "records": [r.to_json() for r in self.records],
            "explanation": self.explanation,
        }


def outcome_lines(outcomes_text: str) -> list[str]:
    """One outcome per non-empty line, bullets, numbering and "students will be able to" lead-ins removed;
    heading lines (ending in a colon) skipped."""
    out: list[str] = []
    for raw in outcomes_text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if not line:
            continue
        line = _BULLET.sub("", line, count=1).strip()
        if not line or (line.endswith(":") and len(line.split()) <= 12) or _HEADING.match(line):
            continue  # "Learning outcomes", "By the end of the course, students will be able to:"
        line = _LEAD_IN.sub("", line).strip()
        if line:
            out.append(line[:1].upper() + line[1:MAX_LINE])
    return out


def map_outcomes(outcomes_text: str, profile: Profile, pack: TaxonomyPack,
                 records: Sequence[tuple[str, str]] | None = None, finder: Recogniser | None = None,
                 ) -> list[OutcomeMatch]:
    """Each learning outcome with the profile's evidence for it; outcomes with none are kept and say so.

    `records` (record id, title) names records where the profile's evidence has no title. Raises
    `InvalidInputError` when no outcome is given or there are more than MAX_OUTCOMES.
    """
    lines = outcome_lines(outcomes_text)
    if not lines:
        raise InvalidInputError("Paste the course's learning outcomes, one on each line.")
    if len(lines) > MAX_OUTCOMES:
        raise InvalidInputError(f"That is {len(lines)} outcomes; the wallet maps up to {MAX_OUTCOMES} at a time.")
    finder = finder or recogniser()
    near = ProfileNeighbours(profile, pack)
    titles = _record_titles(profile, records)
    out: list[OutcomeMatch] = []
    for number, line in enumerate(lines, start=1):
        skills: list[SkillMatch] = []
        for mention in finder.find(line):
            skills.append(SkillMatch(mention.skill_id, mention.label, "outcome", near.covers(mention.skill_id),
                                     mention.matched_text))
        outcome = OutcomeMatch(number, line, skills)
        outcome.records = _records(skills, titles)
        outcome.status = _status(skills)
        outcome.explanation = _explain(outcome)
        out.append(outcome)
    return out


def summary(outcomes: list[OutcomeMatch]) -> str:
    """One or two sentences over all outcomes: how many have evidence, which have none."""
    if not outcomes:
        return "No learning outcomes were given."
    full = sum(1 for o in outcomes if o.status == "evidenced")
    part = sum(1 for o in outcomes if o.status == "partly evidenced")
    none = [o for o in outcomes if o.status == "no evidence"]
    partly = f", {part} partly" if part else ""
    first = f"Your records show evidence for {full} of the {len(outcomes)} outcomes{partly}."
    if not none:
        return first
    return first + f" No evidence yet for {and_list([f'outcome {o.number}' for o in none], 4)}."


def _record_titles(profile: Profile, records: Sequence[tuple[str, str]] | None) -> dict[str, tuple[str, str]]:
    """Record id → (title, strongest strength) from the profile's evidence, titles overridden by `records`."""
    found: dict[str, tuple[str, str]] = {}
    for skill in profile.skills.values():
        for evidence in skill.evidence:
            title, strength = found.get(evidence.record_id, (evidence.record_title, evidence.strength))
            if STRENGTHS.index(evidence.strength) < STRENGTHS.index(strength):
                strength = evidence.strength
            found[evidence.record_id] = (title or evidence.record_title, strength)
    for record_id, title in records or ():
        _old, strength = found.get(record_id, ("", "self-asserted"))
        found[record_id] = (title, strength)
    return found


def _records(skills: list[SkillMatch], titles: dict[str, tuple[str, str]]) -> list[RecordRef]:
    seen: dict[str, RecordRef] = {}
    for skill in skills:
        for record_id in skill.coverage.evidence:
            if record_id not in seen:
                title, strength = titles.get(record_id, (record_id, skill.coverage.strength or "self-asserted"))
                seen[record_id] = RecordRef(record_id, title, strength)
    return sorted(seen.values(), key=lambda r: (STRENGTHS.index(r.strength), r.title.lower()))


def _status(skills: list[SkillMatch]) -> str:
    if any(s.coverage.coverage == "covered" for s in skills):
        return "evidenced"
    if any(s.coverage.coverage == "partial" for s in skills):
        return "partly evidenced"
    return "no evidence"


def _explain(outcome: OutcomeMatch) -> str:
    if not outcome.skills:
        return ("The wallet found no skill it knows in this outcome, so it cannot point to evidence; "
                "a reviewer can still match it by hand.")
    covered = [s for s in outcome.skills if s.coverage.coverage == "covered"]
    partial = [s for s in outcome.skills if s.coverage.coverage == "partial"]
    missing = [s.label for s in outcome.skills if s.coverage.coverage == "missing"]
    sentences: list[str] = []
    if covered:
        ids = {r for s in covered for r in s.coverage.evidence}
        titles = and_list([r.title for r in outcome.records if r.id in ids], 2)
        sentences.append(f"Shown by {titles}: {and_list([s.label for s in covered], 3)}.")
    if partial:
        parts = [f"{s.label} (you show {s.coverage.via.label})" for s in partial if s.coverage.via]
        sentences.append(f"Partly: {and_list(parts, 2)}.")
    if missing:
        lead = "No evidence yet for" if covered or partial else "Your records do not yet show"
        sentences.append(f"{lead} {and_list(missing, 3)}.")
    return " ".join(sentences)

"""Pathways up, down and sideways: many possible next moves, not one ladder.

From a chosen occupation: its related occupations (O*NET's Related Occupations and the legacy career changers
matrix; ESCO's broader and narrower occupations, and for an ESCO occupation the O*NET moves of its crosswalked
O*NET occupation). Each move says its direction by O*NET job zone (the preparation a job needs: "up" to a
higher zone, "same", "down", "unknown" when either zone is missing), the skills the learner (or, without a
profile, the chosen occupation) already shares with it, the usual skills still missing (most important first),
the O*NET skill levels it asks more of, the typical education and the job zone's name.

From a profile alone: the ESCO occupations (with at least five essential skills) whose essential skills the
profile covers the largest share of ("nearly covered"), found through the pack's skill → occupations index,
then the related moves from the best few of them.

Skills of an occupation are `wallet.skills.opportunity.usual_skills`; coverage is `wallet.skills.match`'s.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Final

from wallet.skills.match import PARTIAL_CREDIT, ProfileNeighbours, and_list
from wallet.skills.opportunity import usual_skills
from wallet.skills.pack import TIERS, Occupation, TaxonomyPack
from wallet.skills.profile import Profile, ProfileSkill

DIRECTIONS: Final = ("up", "same", "down", "unknown")
MIN_ESSENTIALS: Final = 5
"""An ESCO occupation needs at least this many essential skills to be offered as nearly covered."""
NEARLY_COVERED: Final = 8
"""How many nearly covered occupations a profile-only answer lists."""
MOVES_FROM_BEST: Final = 3
"""From how many of the nearly covered occupations the related moves are added."""
MISSING_SHOWN: Final = 5
LEVEL_GAP: Final = 0.5
"""An O*NET skill counts as asked more of when the move needs its level this much higher (on 0-7)."""
IMPORTANT: Final = 3.0
"""O*NET importance (1-5) from which a rated skill counts as important for an occupation."""

_TIER_WORDS = {
    "Primary-Short": "O*NET lists it among the closest moves from",
    "Primary-Long": "O*NET lists it as a related move from",
    "Supplemental": "O*NET lists it as a further move from",
    "Career-Changer (legacy)": "People have moved to it from",
    "broader": "It is the broader occupation of",
    "narrower": "It is a more specialised occupation within",
}
_REUSE_RANK = {"occupation-specific": 0, "sector-specific": 1, "cross-sector": 2, "transversal": 3}


@dataclass(frozen=True, slots=True)
class SkillRef:
    """A skill of a pathway's occupation: shared with the learner (covered or partly) or missing."""

    id: str
    label: str
    importance: float
    coverage: str
    """"covered", "partial" or "missing"."""
    via: str | None = None
    """For a partly covered skill: the label of the learner's skill next to it."""
    records: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "importance": round(self.importance, 3),
                "coverage": self.coverage, "via": self.via, "records": list(self.records)}


@dataclass(frozen=True, slots=True)
class LevelGap:
    """An O*NET skill or knowledge area the move asks a higher level of."""

    id: str
    label: str
    from_level: float
    to_level: float
    importance: float

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "from_level": round(self.from_level, 2),
                "to_level": round(self.to_level, 2), "importance": round(self.importance, 2)}


@dataclass
class Pathway:
    """One possible move: where to, from where, which way, what is shared and what is still to learn."""

    to_id: str
    to_label: str
    kind: str
    """"nearly-covered" (the profile already shows much of it) or "related" (a move from `from_id`)."""
    direction: str
    """"up", "same", "down" (by job zone) or "unknown"."""
    job_zone: int | None
    job_zone_name: str | None
    education: str | None
    overlap_share: float
    """0-1: the share of its usual skills already shown (a partly shown one counts half)."""
    overlap_basis: str
    """"profile" (the learner's skills) or "occupation" (the from-occupation's usual skills)."""
    shared: list[SkillRef] = field(default_factory=list)
    missing: list[SkillRef] = field(default_factory=list)
    """The most important usual skills not yet shown (at most five)."""
    missing_count: int = 0
    total_skills: int = 0
    raise_levels: list[LevelGap] = field(default_factory=list)
    ratings_similarity: float | None = None
    """0-1, for a move between O*NET-rated occupations: the share of the target's important O*NET skills the
    from-occupation already rates at about the same level (a little lower counts half)."""
    from_id: str | None = None
    from_label: str | None = None
    relation: str | None = None
    """The tier of the link (`wallet.skills.pack.TIERS`), None for a nearly covered occupation."""
    why: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.to_id,
            "label": self.to_label,
            "kind": self.kind,
            "from": {"id": self.from_id, "label": self.from_label} if self.from_id else None,
            "relation": self.relation,
            "direction": self.direction,
            "job_zone": self.job_zone,
            "job_zone_name": self.job_zone_name,
            "education": self.education,
            "overlap": round(self.overlap_share, 3),
            "overlap_basis": self.overlap_basis,
            "shared": [s.to_json() for s in self.shared],
            "missing": [s.to_json() for s in self.missing],
            "missing_count": self.missing_count,
            "total_skills": self.total_skills,
            "raise_levels": [g.to_json() for g in self.raise_levels],
            "ratings_similarity": None if self.ratings_similarity is None else round(self.ratings_similarity, 3),
            "why": self.why,
        }


def pathways(pack: TaxonomyPack, profile: Profile | None = None, from_occupation: str | None = None,
             limit: int = 20, neighbours: ProfileNeighbours | None = None) -> list[Pathway]:
    """Possible moves: related to `from_occupation` when given, else nearly covered by `profile` and the moves
    from those. Coverage is judged against the profile when there is one, else against the from-occupation.

    Raises `wallet.skills.pack.UnknownConceptError` for an occupation id not in the pack.
    """
    if limit <= 0:
        return []
    near = neighbours
    if near is None and profile is not None and profile.skills:
        near = ProfileNeighbours(profile, pack)
    if from_occupation is not None:
        start = pack.occupation(from_occupation)
        judge = near if near is not None else _occupation_neighbours(pack, start)
        basis = "profile" if near is not None else "occupation"
        return _balanced(_moves_from(pack, start, judge, basis), limit)
    if near is None:
        return []
    nearly = nearly_covered(pack, near, NEARLY_COVERED)
    out = list(nearly[:limit])
    seen = {p.to_id for p in out}
    moves: list[Pathway] = []
    for best in nearly[:MOVES_FROM_BEST]:
        for move in _moves_from(pack, pack.occupation(best.to_id), near, "profile")[:6]:
            if move.to_id not in seen:
                seen.add(move.to_id)
                moves.append(move)
    return out + _balanced(moves, limit - len(out))


# ---- nearly covered --------------------------------------------------------------------------------------


def nearly_covered(pack: TaxonomyPack, near: ProfileNeighbours, top: int = NEARLY_COVERED) -> list[Pathway]:
    """ESCO occupations whose essential skills the profile covers the largest share of (partly counts half)."""
    mine = set(near.profile.skills)
    index, sizes = _essential_index(pack)
    hits: dict[str, int] = defaultdict(int)
    for skill_id in mine:
        for occupation_id in index.get(skill_id, ()):
            hits[occupation_id] += 1
    rough = sorted(((n / sizes[o], n, o) for o, n in hits.items()), key=lambda r: (-r[0], -r[1], r[2]))
    found: list[tuple[float, Pathway]] = []
    for _share, _shared, occupation_id in rough[: top * 5]:
        occupation = pack.occupation(occupation_id)
        path = _pathway(pack, occupation, near, "profile", kind="nearly-covered")
        found.append((path.overlap_share, path))
    found.sort(key=lambda f: (-f[0], -len(f[1].shared), f[1].to_label))
    chosen = [p for _s, p in found[:top]]
    anchor = chosen[0].job_zone if chosen else None
    for n, path in enumerate(chosen):
        path.direction = "same" if n == 0 else _direction(anchor, path.job_zone)
        path.why = _why_nearly(path, chosen[0] if n else None)
    return chosen


def _why_nearly(path: Pathway, best: Pathway | None) -> str:
    covered = sum(1 for s in path.shared if s.coverage == "covered")
    partly = len(path.shared) - covered
    also = f", {partly} of them partly" if partly else ""
    sentences = [f"Your records show {len(path.shared)} of its {path.total_skills} usual skills{also}."]
    if path.missing:
        sentences.append(f"Still to show: {and_list([s.label for s in path.missing], 3)}.")
    if best is not None and path.direction in ("up", "down"):
        way = "more" if path.direction == "up" else "less"
        sentences.append(f"It asks for {way} preparation than {best.to_label}, the work your records fit best.")
    return " ".join(sentences)


# ---- moves from an occupation ------------------------------------------------------------------------------


def related_moves(pack: TaxonomyPack, occupation: Occupation) -> list[tuple[str, str]]:
    """(occupation id, tier) of the moves from an occupation, closest first, without repeats.

    An ESCO occupation: its broader and narrower ESCO occupations, then the O*NET moves of its crosswalked
    O*NET occupation(s).
    """
    moves = list(pack.related_occupations(occupation.id))
    if occupation.kind == "esco-occupation":
        for onet_id in occupation.onet_ids:
            if pack.get_occupation(onet_id) is not None:
                moves += pack.related_occupations(onet_id)
    seen = {occupation.id, *occupation.onet_ids}
    out: list[tuple[str, str]] = []
    for target, tier in moves:
        if target not in seen:
            seen.add(target)
            out.append((target, tier))
    return out


def _moves_from(pack: TaxonomyPack, start: Occupation, judge: ProfileNeighbours, basis: str) -> list[Pathway]:
    out: list[Pathway] = []
    start_ratings = ratings(pack, start)
    for target_id, tier in related_moves(pack, start):
        target = pack.occupation(target_id)
        path = _pathway(pack, target, judge, basis, kind="related", start=start, start_ratings=start_ratings)
        path.relation = tier
        path.why = _why_move(path, start)
        out.append(path)
    tier_rank = {t: n for n, t in enumerate(TIERS)}
    out.sort(key=lambda p: (tier_rank.get(p.relation or "", len(TIERS)), -p.overlap_share,
                            -(p.ratings_similarity or 0.0), p.to_label))
    return out


def _balanced(paths: list[Pathway], limit: int) -> list[Pathway]:
    """The first `limit` paths, keeping the best two of each direction so the list is not one ladder."""
    if limit <= 0:
        return []
    if len(paths) <= limit:
        return paths
    keep: set[int] = set()
    for direction in DIRECTIONS:
        keep.update([n for n, p in enumerate(paths) if p.direction == direction][:2])
    for n in range(len(paths)):
        if len(keep) >= limit:
            break
        keep.add(n)
    chosen = set(sorted(keep)[:limit])
    return [p for n, p in enumerate(paths) if n in chosen]


def _why_move(path: Pathway, start: Occupation) -> str:
    sentences = [f"{_TIER_WORDS.get(path.relation or '', 'It is related to')} {start.label}."]
    if path.direction == "up":
        sentences.append(f"A step up: it needs more preparation (job zone {path.job_zone} against "
                         f"{start.job_zone}).")
    elif path.direction == "down":
        sentences.append(f"A step down in preparation (job zone {path.job_zone} against {start.job_zone}).")
    elif path.direction == "same":
        sentences.append("A sideways move: it needs about the same preparation.")
    who = "Your records show" if path.overlap_basis == "profile" else f"As {start.label} you would already have"
    if path.total_skills:
        sentences.append(f"{who} {len(path.shared)} of its {path.total_skills} usual skills.")
    elif path.ratings_similarity is not None:
        sentences.append(f"{start.label} already asks about the same level of "
                         f"{round(path.ratings_similarity * 100)}% of the skills O*NET rates important for it.")
    if path.missing:
        sentences.append(f"To learn: {and_list([s.label for s in path.missing], 3)}.")
    elif path.raise_levels:
        sentences.append(f"It asks more of: {and_list([g.label for g in path.raise_levels], 3)}.")
    return " ".join(sentences[:4])


# ---- one pathway -------------------------------------------------------------------------------------------


def _pathway(pack: TaxonomyPack, target: Occupation, judge: ProfileNeighbours, basis: str, kind: str,
             start: Occupation | None = None, start_ratings: dict[str, tuple[float, float | None]] | None = None,
             ) -> Pathway:
    skills = usual_skills(pack, target.id)
    shared: list[SkillRef] = []
    missing: list[SkillRef] = []
    credit = weight = 0.0
    for skill_id, importance in skills:
        skill = pack.get_skill(skill_id)
        if skill is None:
            continue
        cover = judge.covers(skill_id)
        weight += importance
        credit += importance * cover.credit
        via = cover.via.label if cover.via else None
        ref = SkillRef(skill_id, skill.label, importance, cover.coverage, via, cover.evidence)
        (missing if cover.coverage == "missing" else shared).append(ref)
    missing.sort(key=lambda s: (-s.importance, _reuse_rank(pack, s.id), s.label.lower()))
    to_ratings = ratings(pack, target)
    gaps = _level_gaps(pack, start_ratings or {}, to_ratings) if start is not None else []
    share = credit / weight if weight else 0.0
    similarity = _ratings_overlap(start_ratings, to_ratings) if start_ratings and to_ratings else None
    zone_name = pack.job_zone_name(target.job_zone) if target.job_zone else None
    direction = _direction(start.job_zone, target.job_zone) if start is not None else "unknown"
    return Pathway(target.id, target.label, kind, direction, target.job_zone, zone_name, target.education, share,
                   basis, shared, missing[:MISSING_SHOWN], len(missing), len(shared) + len(missing), gaps,
                   similarity, start.id if start else None, start.label if start else None)


def _direction(start: int | None, target: int | None) -> str:
    if start is None or target is None:
        return "unknown"
    return "up" if target > start else "down" if target < start else "same"


def _reuse_rank(pack: TaxonomyPack, skill_id: str) -> int:
    skill = pack.get_skill(skill_id)
    return _REUSE_RANK.get(skill.reuse_level or "", 2) if skill is not None else 2


def _level_gaps(pack: TaxonomyPack, start: dict[str, tuple[float, float | None]],
                target: dict[str, tuple[float, float | None]]) -> list[LevelGap]:
    gaps: list[LevelGap] = []
    for element, (importance, level) in target.items():
        before = start.get(element)
        if importance < IMPORTANT or level is None or before is None or before[1] is None:
            continue
        if level - before[1] >= LEVEL_GAP:
            skill = pack.get_skill(element)
            gaps.append(LevelGap(element, skill.label if skill else element, before[1], level, importance))
    gaps.sort(key=lambda g: (-(g.to_level - g.from_level), g.label))
    return gaps[:3]


def _ratings_overlap(start: dict[str, tuple[float, float | None]],
                     target: dict[str, tuple[float, float | None]]) -> float:
    """Share of the target's important O*NET skills the start occupation rates at about the same level or more."""
    important = [(e, lv) for e, (i, lv) in target.items() if i >= IMPORTANT and lv is not None]
    if not important:
        return 0.0
    ok = 0.0
    for element, level in important:
        before = start.get(element)
        if before is not None and before[1] is not None and level is not None:
            ok += 1.0 if before[1] >= level - LEVEL_GAP else PARTIAL_CREDIT if before[1] >= level - 2 * LEVEL_GAP else 0
    return ok / len(important)


# ---- caches ------------------------------------------------------------------------------------------------


_index_cache: weakref.WeakKeyDictionary[TaxonomyPack, tuple[dict[str, list[str]], dict[str, int]]] = (
    weakref.WeakKeyDictionary())


def _essential_index(pack: TaxonomyPack) -> tuple[dict[str, list[str]], dict[str, int]]:
    """Skill id → the ESCO occupations (with at least MIN_ESSENTIALS essential skills) listing it as essential,
    and each such occupation's number of essential skills. Built once per pack."""
    got = _index_cache.get(pack)
    if got is None:
        with _lock:
            got = _index_cache.get(pack)
            if got is None:
                index: dict[str, list[str]] = defaultdict(list)
                sizes: dict[str, int] = {}
                for occupation in pack.occupations(("esco-occupation",)):
                    essentials = [s for s, relation, _i, _l in pack.occupation_skills(occupation.id)
                                  if relation == "essential"]
                    if len(essentials) >= MIN_ESSENTIALS:
                        sizes[occupation.id] = len(essentials)
                        for skill_id in essentials:
                            index[skill_id].append(occupation.id)
                got = _index_cache[pack] = (dict(index), sizes)
    return got


_ratings_cache: weakref.WeakKeyDictionary[TaxonomyPack, dict[str, dict[str, tuple[float, float | None]]]] = (
    weakref.WeakKeyDictionary())
_lock = threading.Lock()


def ratings(pack: TaxonomyPack, occupation: Occupation) -> dict[str, tuple[float, float | None]]:
    """O*NET element id → (importance, level) for an occupation (an ESCO one: its first rated O*NET occupation)."""
    with _lock:
        cache = _ratings_cache.setdefault(pack, {})
    got = cache.get(occupation.id)
    if got is not None:
        return got
    candidates = [occupation.id] if occupation.kind == "onet-occupation" else list(occupation.onet_ids)
    out: dict[str, tuple[float, float | None]] = {}
    for candidate in candidates:
        if pack.get_occupation(candidate) is None:
            continue
        out = {s: (i, lv) for s, relation, i, lv in pack.occupation_skills(candidate)
               if relation == "onet" and i is not None}
        if out:
            break
    cache[occupation.id] = out
    return out


def warm_up(pack: TaxonomyPack) -> None:
    """Build the essential-skill index now (e.g. in a background thread after the pack loads)."""
    _essential_index(pack)


def _occupation_neighbours(pack: TaxonomyPack, occupation: Occupation) -> ProfileNeighbours:
    """The from-occupation's usual skills dressed as a profile, so the same coverage rules apply."""
    skills: dict[str, ProfileSkill] = {}
    for skill_id, _importance in usual_skills(pack, occupation.id):
        skill = pack.get_skill(skill_id)
        if skill is not None:
            skills[skill_id] = ProfileSkill(skill_id, skill.label)
    return ProfileNeighbours(Profile(skills), pack)

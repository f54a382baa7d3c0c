"""Pathways up, down and sideways: from an occupation, from a profile, with skill overlap and gaps."""

from __future__ import annotations

import json

import pytest

from tests.wallet.skills.test_opportunity_match import (
    FORKLIFT_OPERATOR,
    OPERATE_FORKLIFT,
    TRUCK_OPERATORS,
)
from wallet.skills.pack import TaxonomyPack, UnknownConceptError
from wallet.skills.pathways import DIRECTIONS, Pathway, pathways
from wallet.skills.profile import Profile

CRANE_OPERATORS = "onet:occ:53-7021.00"
LABORERS = "onet:occ:53-7062.00"


def _by_id(paths: list[Pathway]) -> dict[str, Pathway]:
    return {p.to_id: p for p in paths}


def test_moves_from_forklift_operators_go_up_and_sideways(pack: TaxonomyPack) -> None:
    """From 53-7051.00: up and same moves, each with the skills still missing and the preparation asked."""
    paths = pathways(pack, from_occupation=TRUCK_OPERATORS)
    directions = {p.direction for p in paths}
    assert {"up", "same"} <= directions <= set(DIRECTIONS)
    assert all(p.kind == "related" and p.from_id == TRUCK_OPERATORS and p.relation for p in paths)
    crane = _by_id(paths)[CRANE_OPERATORS]
    assert crane.direction == "up" and crane.job_zone == 3
    assert crane.job_zone_name == pack.job_zone_name(3) and crane.education
    assert crane.missing and crane.missing_count >= len(crane.missing)
    assert "step up" in crane.why
    for path in paths:
        if path.direction in ("up", "same") and path.total_skills:
            assert path.missing or path.shared
    assert any(p.direction == "same" and p.missing for p in paths)


def test_without_a_profile_overlap_is_with_the_from_occupation(pack: TaxonomyPack) -> None:
    """With no profile, the shared skills are the forklift operators' own (operate forklift for laborers)."""
    paths = _by_id(pathways(pack, from_occupation=TRUCK_OPERATORS))
    laborers = paths[LABORERS]
    assert laborers.overlap_basis == "occupation"
    assert OPERATE_FORKLIFT in {s.id for s in laborers.shared}
    assert 0 < laborers.overlap_share <= 1


def test_with_a_profile_overlap_is_with_the_learner(pack: TaxonomyPack, profile: Profile) -> None:
    """With the demo profile, overlap shows the learner's own records for shared skills."""
    paths = _by_id(pathways(pack, profile=profile, from_occupation=TRUCK_OPERATORS))
    laborers = paths[LABORERS]
    assert laborers.overlap_basis == "profile"
    forklift = next(s for s in laborers.shared if s.id == OPERATE_FORKLIFT)
    assert forklift.coverage == "covered" and "rec-forklift" in forklift.records


def test_an_esco_occupation_gets_its_hierarchy_and_onet_moves(pack: TaxonomyPack) -> None:
    """From ESCO forklift operator: O*NET's moves of its crosswalked occupation, never itself."""
    paths = pathways(pack, from_occupation=FORKLIFT_OPERATOR, limit=40)
    ids = {p.to_id for p in paths}
    assert CRANE_OPERATORS in ids
    assert FORKLIFT_OPERATOR not in ids and TRUCK_OPERATORS not in ids


def test_profile_alone_gives_nearly_covered_and_related_moves(pack: TaxonomyPack, profile: Profile) -> None:
    """From the profile only: nearly covered ESCO occupations first, then moves from the best of them."""
    paths = pathways(pack, profile=profile)
    assert paths
    kinds = [p.kind for p in paths]
    assert kinds[0] == "nearly-covered" and "related" in kinds
    assert kinds == sorted(kinds, key=lambda k: k != "nearly-covered")
    nearly = [p for p in paths if p.kind == "nearly-covered"]
    assert all(p.total_skills >= 5 and p.shared for p in nearly)
    shares = [p.overlap_share for p in nearly]
    assert shares == sorted(shares, reverse=True)
    assert len({p.to_id for p in paths}) == len(paths)


def test_limit_is_kept_and_json_is_plain(pack: TaxonomyPack, profile: Profile) -> None:
    """At most `limit` paths; to_json gives plain JSON with direction, overlap, missing and why."""
    paths = pathways(pack, profile=profile, from_occupation=TRUCK_OPERATORS, limit=5)
    assert 0 < len(paths) <= 5
    data = json.loads(json.dumps([p.to_json() for p in paths]))
    for item in data:
        assert {"id", "label", "direction", "job_zone", "job_zone_name", "education", "overlap", "shared",
                "missing", "why", "from", "relation"} <= set(item)
        assert item["direction"] in DIRECTIONS and item["why"].endswith(".")


def test_nothing_to_start_from_gives_no_paths(pack: TaxonomyPack) -> None:
    """No profile skills and no occupation: no paths; an unknown occupation id is a clear error."""
    assert pathways(pack) == []
    assert pathways(pack, profile=Profile({})) == []
    with pytest.raises(UnknownConceptError):
        pathways(pack, from_occupation="onet:occ:99-9999.99")

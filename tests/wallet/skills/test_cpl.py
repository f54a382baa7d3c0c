"""Credit for prior learning: learning outcomes mapped to the demo learner's records, gaps shown."""

from __future__ import annotations

import json

import pytest

from tests.wallet.skills.test_opportunity_match import MANAGE_INVENTORY, OPERATE_FORKLIFT
from wallet.errors import InvalidInputError
from wallet.skills.cpl import STATUSES, map_outcomes, outcome_lines, summary
from wallet.skills.pack import TaxonomyPack
from wallet.skills.profile import Profile

OUTCOMES = """Learning outcomes
By the end of this course, students will be able to:
1. Operate a forklift safely in a warehouse setting
2) Manage inventory using spreadsheet software
- Explain the role of the Federal Reserve in monetary policy
"""


def test_outcome_lines_drop_bullets_numbers_and_headings() -> None:
    """One outcome per line; bullets, numbering, lead-ins and heading lines go."""
    lines = outcome_lines(OUTCOMES + "\n   \n(b) communicate with customers\nLO4: Stack pallets\n")
    assert lines == [
        "Operate a forklift safely in a warehouse setting",
        "Manage inventory using spreadsheet software",
        "Explain the role of the Federal Reserve in monetary policy",
        "Communicate with customers",
        "Stack pallets",
    ]


def test_three_outcomes_one_without_evidence(pack: TaxonomyPack, profile: Profile) -> None:
    """Forklift and inventory outcomes point to their records; the Federal Reserve one has no evidence."""
    outcomes = map_outcomes("\n".join(OUTCOMES.splitlines()[2:]), profile, pack)
    assert [o.number for o in outcomes] == [1, 2, 3]
    forklift, inventory, economics = outcomes
    assert forklift.status == "evidenced"
    assert OPERATE_FORKLIFT in {s.skill_id for s in forklift.skills}
    assert {"rec-forklift", "rec-warehouse"} <= {r.id for r in forklift.records}
    assert forklift.records[0].strength == "verified"
    assert "Certified Forklift Operator" in forklift.explanation
    assert inventory.status == "evidenced"
    assert MANAGE_INVENTORY in {s.skill_id for s in inventory.skills}
    assert "rec-clr" in {r.id for r in inventory.records}
    assert economics.status == "no evidence" and not economics.records
    assert economics.explanation.endswith(".")
    assert "outcome 3" in summary(outcomes)


def test_partial_evidence_names_the_nearby_skill(pack: TaxonomyPack, profile: Profile) -> None:
    """An outcome asking for a narrower skill is partly evidenced through the learner's broader one."""
    [outcome] = map_outcomes("Conduct forklift inspections before each shift", profile, pack)
    assert outcome.status == "partly evidenced"
    assert "operate forklift" in outcome.explanation


def test_record_titles_can_be_given(pack: TaxonomyPack, profile: Profile) -> None:
    """Titles passed with the records are the ones shown."""
    [outcome] = map_outcomes("Operate a forklift", profile, pack, records=[("rec-forklift", "Forklift card")])
    assert "Forklift card" in {r.title for r in outcome.records}


def test_json_shape(pack: TaxonomyPack, profile: Profile) -> None:
    """to_json: number, outcome, status, skills with coverage and evidence, records, explanation."""
    outcomes = map_outcomes(OUTCOMES, profile, pack)
    data = json.loads(json.dumps([o.to_json() for o in outcomes]))
    for item in data:
        assert {"number", "outcome", "status", "evidenced", "skills", "evidence", "records",
                "explanation"} <= set(item)
        assert item["status"] in STATUSES
        assert bool(item["evidence"]) == (item["status"] != "no evidence")
        for skill in item["skills"]:
            assert {"id", "label", "coverage", "evidence", "partial_via"} <= set(skill)


def test_no_outcomes_is_a_clear_error(pack: TaxonomyPack, profile: Profile) -> None:
    """Empty text (or only headings) asks for the outcomes."""
    with pytest.raises(InvalidInputError):
        map_outcomes("\n  \nLearning outcomes:\n", profile, pack)

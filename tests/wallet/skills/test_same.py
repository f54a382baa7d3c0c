"""Concepts of ESCO and O*NET that name one skill in the same words count as one skill (wallet.skills.same)."""

from __future__ import annotations

import pytest

from wallet.skills.evaluation import evaluate
from wallet.skills.match import ProfileNeighbours
from wallet.skills.pack import TaxonomyPack
from wallet.skills.profile import Evidence, Profile, ProfileSkill
from wallet.skills.same import SameSkills, same_skill_key, same_skills

POSTGRES_ESCO = "http://data.europa.eu/esco/skill/a8d07b5a-c1a1-42c6-9d53-db9c7a2ca996"


def _id(pack: TaxonomyPack, label: str, kind: str) -> str:
    return next(s.id for s in pack.skills((kind,)) if s.label == label)


def test_one_name_in_both_taxonomies_is_one_skill(pack: TaxonomyPack) -> None:
    """ESCO's PostgreSQL and O*NET's PostgreSQL are twins, both ways."""
    onet = _id(pack, "PostgreSQL", "onet-tech")
    same = same_skills(pack)
    assert onet in same.of(POSTGRES_ESCO) and POSTGRES_ESCO in same.of(onet)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("use customer relationship management software", "esco-skill"),
         ("Customer relationship management CRM software", "onet-tech")),
        (("operate forklift", "esco-skill"), ("Forklifts", "onet-tool")),
        (("use welding equipment", "esco-skill"), ("operate welding equipment", "esco-skill")),
    ],
)
def test_handling_words_an_echoing_acronym_and_plurals_do_not_make_two_skills(
    pack: TaxonomyPack, first: tuple[str, str], second: tuple[str, str]
) -> None:
    """"use … software", a repeated acronym ("… CRM software") and "Forklifts" / "forklift" name the same skill."""
    assert _id(pack, *second) in same_skills(pack).of(_id(pack, *first))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("maintain irrigation systems", "esco-skill"), ("irrigation systems", "esco-knowledge")),
        (("prepare financial statements", "esco-skill"), ("financial statements", "esco-knowledge")),
        (("Square", "onet-tech"), ("Squares", "onet-tool")),
    ],
)
def test_a_duty_is_not_its_object_and_a_product_is_not_a_thing(
    pack: TaxonomyPack, first: tuple[str, str], second: tuple[str, str]
) -> None:
    """Maintaining irrigation systems is more than knowing them; the POS software Square is not a carpenter's square."""
    assert _id(pack, *second) not in same_skills(pack).of(_id(pack, *first))


def test_the_key_keeps_word_order() -> None:
    """"Laser digitizers" and "Digital lasers" share stems but are different tools."""
    assert same_skill_key("Laser digitizers") != same_skill_key("Digital lasers")
    assert SameSkills([("a", "Laser digitizers", "onet-tool"), ("b", "Digital lasers", "onet-tool")]).of("a") == ()


def test_scoring_counts_a_twin_as_the_expected_skill(pack: TaxonomyPack) -> None:
    """A posting that expects ESCO's PostgreSQL is right when O*NET's PostgreSQL is found, and only with twins."""
    onet = _id(pack, "PostgreSQL", "onet-tech")
    posting = {"id": "p", "text": "PostgreSQL", "expected_skills": [{"id": POSTGRES_ESCO, "label": "PostgreSQL"}]}
    with_twins = evaluate([posting], lambda _text: [(onet, "PostgreSQL")], same_skills(pack).of)
    without = evaluate([posting], lambda _text: [(onet, "PostgreSQL")])
    assert (with_twins.precision, with_twins.recall) == (1.0, 1.0)
    assert (without.precision, without.recall) == (0.0, 0.0)


def test_a_learner_who_shows_one_twin_covers_the_other(pack: TaxonomyPack) -> None:
    """A record showing O*NET's PostgreSQL covers a posting's ESCO PostgreSQL fully, with that record."""
    onet = _id(pack, "PostgreSQL", "onet-tech")
    skill = ProfileSkill(onet, "PostgreSQL", [Evidence("r1", "Data job", "verified", "2025", "text", "PostgreSQL")])
    coverage = ProfileNeighbours(Profile({onet: skill}), pack).covers(POSTGRES_ESCO)
    assert coverage.coverage == "covered" and coverage.evidence == ("r1",)


def test_the_twins_kept_beside_the_pack_are_the_ones_found_from_every_label(pack: TaxonomyPack) -> None:
    """same_skills reads the twins from the recogniser's index file; they equal those found label by label."""
    from wallet.skills import same

    kept = same._kept(pack)
    assert kept is not None and len(kept) > 1000
    assert kept.as_mapping() == same._compute(pack).as_mapping()

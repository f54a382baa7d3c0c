"""The lexicon of stand-in words learnt from the taxonomy's own labels."""

from __future__ import annotations

from wallet.skills.meaning import MIN_PAIRS, learn
from wallet.skills.recognise import Recogniser


def test_two_words_stand_for_each_other_when_enough_skills_swap_them() -> None:
    """Labels of one skill that differ by one word teach that pair; a pair seen too rarely is not kept."""
    skills = [[("assist", f"thing{i}"), ("support", f"thing{i}")] for i in range(MIN_PAIRS)]
    skills.append([("cut", "hair"), ("trim", "hair")])
    lexicon = learn(skills)
    assert lexicon.stand_ins("assist") == ("support",) and lexicon.stand_ins("support") == ("assist",)
    assert lexicon.evidence("support", "assist") == MIN_PAIRS
    assert lexicon.stand_ins("cut") == () and lexicon.evidence("cut", "trim") == 0


def test_labels_of_other_lengths_or_two_changes_teach_nothing() -> None:
    """Only a single swapped word counts: other lengths and two changes are different phrases."""
    skills = [[("assist", "nurse"), ("support", "doctor")], [("assist", "nurse"), ("help", "nurse", "ward")]] * 9
    assert learn(skills).similar == {}


def test_the_shipped_pack_gives_a_lexicon_of_verbs(finder: Recogniser) -> None:
    """From ESCO: "assist" stands for "support" and "oversee" for "supervise" (by their stems)."""
    assert "support" in finder.lexicon.stand_ins("assist")
    assert "supervis" in finder.lexicon.stand_ins("overse")

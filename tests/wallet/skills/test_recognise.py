"""Recognising skills in text: labels and word forms, abbreviations, product names, and the usual false hits."""

from __future__ import annotations

import pytest

from wallet.skills.recognise import find_skills
from wallet.skills.text import stem

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
EXCEL = "onet:tech:microsoft-excel"


def _ids(text: str) -> set[str]:
    return {m.skill_id for m in find_skills(text)}


@pytest.mark.parametrize("text", ["Operate a forklift safely", "forklift operation on 2nd shift",
                                  "You will drive forklifts all day", "Forklift operators wanted"])
def test_word_forms_and_order_of_a_label(text: str) -> None:
    """'operate forklift' is found whatever the word forms and order."""
    assert FORKLIFT in _ids(text)


def test_every_mention_says_which_words_showed_it() -> None:
    """A mention carries the words of the text, their place and the label matched."""
    text = "Daily tasks: operate a forklift and load trucks."
    [mention] = [m for m in find_skills(text) if m.skill_id == FORKLIFT]
    assert text[mention.start:mention.end] == mention.matched_text == "operate a forklift"
    assert mention.label == "operate forklift"


def test_product_names_need_their_capital_and_whole_word() -> None:
    """'Excel' the product is found; 'excellent' and 'excel at' are not."""
    assert EXCEL in _ids("Advanced Microsoft Excel (pivot tables) required.")
    assert EXCEL in _ids("Comfortable with Excel and Outlook spreadsheets.")
    assert EXCEL not in _ids("Excellent communication skills; you will excel at helping people.")


def test_abbreviations_in_capitals_expand() -> None:
    """CPR written in capitals means cardiopulmonary resuscitation; 'cpr' inside other words does not."""
    found = {m.label for m in find_skills("Current CPR certification required.")}
    assert found & {"resuscitation", "provide first aid"}
    assert not {m.label for m in find_skills("We support corporate cprogramming events.")} & {"resuscitation"}


def test_generic_words_alone_are_not_skills() -> None:
    """'team', 'support', 'service' used generically are not reported as skills."""
    assert find_skills("Join our team! We support you with great service and care.") == [] or all(
        m.matched_text.lower() not in {"team", "support", "service", "care"} for m in find_skills(
            "Join our team! We support you with great service and care.")
    )


def test_a_phrase_is_reported_once_with_its_most_specific_label() -> None:
    """Each skill appears once; a phrase inside a longer matched phrase is not reported again."""
    mentions = find_skills("Operate forklift. Operate forklift again. Forklift operation.")
    assert [m.skill_id for m in mentions].count(FORKLIFT) == 1


def test_stemming_is_symmetric() -> None:
    """The same stem joins the word forms of one root."""
    assert {stem(w) for w in ("operate", "operating", "operation", "operator")} == {"operat"}
    assert stem("management") == stem("manage")

"""A CLR's outline: achievements arranged by association, nested credentials with their reports, no loops."""

from __future__ import annotations

from typing import Any

from wallet.credentials.clr_outline import association_sentences, clr_outline
from wallet.credentials.saved_report import SavedReport


def _clr() -> dict[str, Any]:
    return {
        "kind": "clr",
        "achievements": [{"id": "urn:cert", "name": "Certificate in Logistics", "achievementType": "Certificate"},
                         {"id": "urn:bus110", "name": "BUS-110\u202e evil", "achievementType": "Course"}],
        "children": [{"id": "urn:cred:110", "name": "BUS-110 credential", "achievement": {"id": "urn:bus110",
                      "name": "BUS-110 Intro to Logistics", "achievementType": "Course"}},
                     {"id": "urn:cred:loose", "name": "First aid"}],
        "associations": [{"associationType": "isChildOf", "sourceId": "urn:bus110", "targetId": "urn:cert"},
                         {"associationType": "precedes", "sourceId": "urn:cert", "targetId": "urn:elsewhere"}],
    }


def test_nested_credentials_sit_under_what_they_are_part_of_with_their_own_reports() -> None:
    """The course credential is under the certificate with its own report; the loose one stays at the top."""
    report = SavedReport.from_json({"status": "verified", "children": [
        {"id": "urn:cred:110", "status": "not_verified", "checks": []},
        {"id": "urn:cred:loose", "status": "verified", "checks": []}]})
    top = clr_outline(_clr(), report)
    assert [(n.title, n.kind, n.is_credential) for n in top] == [
        ("Certificate in Logistics", "Certificate", False), ("First aid", "Credential", True)]
    [course] = top[0].children
    assert (course.title, course.status, course.is_credential) == ("BUS-110 Intro to Logistics", "not_verified", True)
    assert course.report is not None and course.report.id == "urn:cred:110"
    assert top[1].status == "verified"


def test_an_association_that_would_loop_is_ignored() -> None:
    """Two parts each claiming to be inside the other cannot make a node its own ancestor; both stay shown."""
    tree = _clr()
    tree["associations"] = [{"associationType": "isChildOf", "sourceId": "urn:bus110", "targetId": "urn:cert"},
                            {"associationType": "isChildOf", "sourceId": "urn:cert", "targetId": "urn:bus110"}]
    titles = []
    stack = clr_outline(tree, None)
    while stack:
        node = stack.pop()
        titles.append(node.title)
        stack += node.children
    assert sorted(titles) == sorted(["Certificate in Logistics", "BUS-110 Intro to Logistics", "First aid"])


def test_associations_read_as_sentences_with_the_issuers_words_cleaned() -> None:
    """Each association is one sentence naming both ends; an unknown end is named by its id."""
    lines = association_sentences(_clr())
    assert lines == ["BUS-110 evil is part of Certificate in Logistics.",
                     "Certificate in Logistics comes before urn:elsewhere."]
    assert all("\u202e" not in line for line in lines)

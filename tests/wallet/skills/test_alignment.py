"""Alignments name ESCO and O*NET entries however issuers spell the link: URI, portal page, code and framework."""

from __future__ import annotations

import pytest

from wallet.skills.alignment import aligned_id

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
UUID = "28cb374e-6261-4133-8371-f9a5470145da"


@pytest.mark.parametrize("alignment", [
    {"targetUrl": FORKLIFT},
    {"targetUrl": FORKLIFT.replace("http://", "https://")},
    {"targetUrl": "https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu%2Fesco%2Fskill"
                  "%2F28cb374e-6261-4133-8371-f9a5470145da"},
    {"targetUrl": "https://example.edu/our-skills/forklift", "targetCode": FORKLIFT},
    {"targetUrl": "https://example.edu/our-skills/forklift", "targetCode": UUID, "targetFramework": "ESCO v1.2"},
    {"targetUrl": f" {FORKLIFT} "},
], ids=["uri", "https", "portal-page", "code-as-uri", "uuid-with-framework", "spaces"])
def test_every_spelling_of_an_esco_skill_names_its_concept_uri(alignment: dict[str, str]) -> None:
    """The concept URI, its https form, the ESCO portal's page for it, or the code with ESCO as the framework."""
    assert aligned_id(alignment) == FORKLIFT


@pytest.mark.parametrize(("alignment", "expected"), [
    ({"targetUrl": "https://www.onetonline.org/link/summary/53-7051.00"}, "onet:occ:53-7051.00"),
    ({"targetUrl": "https://www.onetcenter.org/x", "targetCode": "53-7051.00"}, "onet:occ:53-7051.00"),
    ({"targetUrl": "https://college.example/c/1", "targetCode": "2.A.1.a", "targetFramework": "O*NET"},
     "onet:element:2.A.1.a"),
    ({"targetUrl": "https://www.onetonline.org/find/descriptor/result/2.C.4.a"}, "onet:element:2.C.4.a"),
    ({"targetUrl": "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"},
     "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"),
])
def test_onet_codes_and_esco_occupations_are_named_too(alignment: dict[str, str], expected: str) -> None:
    """O*NET OnLine pages, O*NET-SOC codes and element ids (with O*NET as the framework) and ESCO occupations."""
    assert aligned_id(alignment) == expected


@pytest.mark.parametrize("alignment", [
    {"targetUrl": "https://credentialengineregistry.org/resources/ce-1234"},
    {"targetUrl": "https://college.example/outcomes/53-7051.00"},
    {"targetUrl": "https://college.example/outcomes/2.A.1.a", "targetFramework": "College outcomes"},
    {"targetUrl": "https://data.europa.eu.evil.example/esco/skill/x"},
    {"targetName": "Forklift"},
    {"targetUrl": 42, "targetCode": ["x"]},
])
def test_links_to_other_frameworks_name_nothing(alignment: dict[str, object]) -> None:
    """A code that only looks like O*NET's, in another framework's page, or a malformed value, names nothing."""
    assert aligned_id(alignment) is None

"""The view as JSON Resume: each record in the section ATS software reads, self-asserted ones marked."""

from __future__ import annotations

from wallet.sharing.jsonresume import CHECK_NOTE, SELF_ASSERTED, json_resume
from wallet.sharing.lerrs import ResumeContent, ResumeEntry, ResumeSkill

ENTRIES = (
    ResumeEntry("Picker", "Riverside", "2021-03", "2023-01", "Picked orders.", "job", True, "urn:j"),
    ResumeEntry("Food bank", "Eastside", "2019", None, "Sorted donations.", "volunteering", True, "urn:v"),
    ResumeEntry("First aid", "Red Cross", "2022-05-01", None, "", "training", True, "urn:t"),
    ResumeEntry("Shelving robot", "", "2020", None, "Built it.", "project", True, "urn:p"),
    ResumeEntry("Forklift badge", "College", "2023-01-10", None, "", "credential", False, "urn:b"),
)
CONTENT = ResumeContent("did:key:z6Mk", "Ana", ("ana@example.org", "+1 555 0100", "https://ana.example",
                                                "Springfield"), "I lift.", "Warehouse lead",
                        (ResumeSkill("operate forklift", "esco:x", ("urn:j", "urn:b", "urn:gone")),), ENTRIES)


def test_each_kind_goes_to_its_json_resume_section() -> None:
    """job → work, volunteering → volunteer, training → education, project → projects, credential → certificates."""
    resume = json_resume(CONTENT, bundle_id="urn:uuid:b", challenge="c")
    assert resume["work"] == [{"name": "Riverside", "position": "Picker", "summary": "Picked orders.",
                               "highlights": [SELF_ASSERTED], "startDate": "2021-03", "endDate": "2023-01"}]
    assert resume["volunteer"][0]["organization"] == "Eastside"
    assert resume["education"][0]["institution"] == "Red Cross"
    assert resume["projects"][0]["name"] == "Shelving robot"
    assert resume["certificates"] == [{"name": "Forklift badge", "issuer": "College", "date": "2023-01-10"}]
    assert resume["skills"] == [{"name": "operate forklift", "keywords": ["Picker", "Forklift badge"]}]


def test_basics_take_contact_lines_and_meta_names_the_signed_bundle() -> None:
    """Email, phone and web address are recognised; the rest is the address; meta says how to check."""
    resume = json_resume(CONTENT, bundle_id="urn:uuid:b", challenge="c")
    assert resume["basics"] == {"name": "Ana", "label": "Warehouse lead", "summary": "I lift.",
                                "email": "ana@example.org", "phone": "+1 555 0100", "url": "https://ana.example",
                                "location": {"address": "Springfield"}}
    assert resume["meta"] == {"version": "v1.0.0", "note": CHECK_NOTE, "canonical": "urn:uuid:b", "challenge": "c"}

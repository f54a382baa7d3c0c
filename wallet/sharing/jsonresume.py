"""The view as a JSON Resume document (jsonresume.org schema v1.0.0), for applicant-tracking systems that read it.

It says nothing the signed bundle does not: it is built from the same `ResumeContent`. JSON Resume has no
signatures, so `meta` says where the checkable form is (the bundle's id and challenge) and how to check it.
"""

from __future__ import annotations

import re
from typing import Any

from wallet.sharing.lerrs import ResumeContent, ResumeEntry

SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
CHECK_NOTE = ("This résumé is an unsigned copy. Its signed form is an LER Wallet bundle (a W3C Verifiable "
              "Presentation) with the same id and challenge; check that with any Verifiable Credentials verifier or "
              "with 'ler-wallet verify BUNDLE.json'. Entries marked self-asserted are the learner's own words.")
SELF_ASSERTED = "Self-asserted: the learner's own description, signed by the learner."
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().-]{6,}$")


def _basics(content: ResumeContent) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": content.name}
    if content.opportunity:
        basics["label"] = content.opportunity
    if content.statement:
        basics["summary"] = content.statement
    rest: list[str] = []
    for line in content.contacts:
        if _EMAIL.match(line) and "email" not in basics:
            basics["email"] = line
        elif _PHONE.match(line) and "phone" not in basics:
            basics["phone"] = line
        elif line.startswith(("https://", "http://")) and "url" not in basics:
            basics["url"] = line
        else:
            rest.append(line)
    if rest:
        basics["location"] = {"address": ", ".join(rest)}
    return basics


def _dates(entry: ResumeEntry, item: dict[str, Any]) -> dict[str, Any]:
    if entry.start:
        item["startDate"] = entry.start
    if entry.end:
        item["endDate"] = entry.end
    return item


def _highlights(entry: ResumeEntry) -> list[str]:
    return [SELF_ASSERTED] if entry.self_asserted else []


def json_resume(content: ResumeContent, *, bundle_id: str = "", challenge: str = "") -> dict[str, Any]:
    """The JSON Resume document: basics, work, volunteer, education, certificates, projects, skills, meta."""
    resume: dict[str, Any] = {"$schema": SCHEMA, "basics": _basics(content)}
    work, volunteer, education, certificates, projects = [], [], [], [], []
    for entry in content.entries:
        if entry.kind == "volunteering":
            volunteer.append(_dates(entry, {"organization": entry.organisation, "position": entry.title,
                                            "summary": entry.description, "highlights": _highlights(entry)}))
        elif entry.kind == "project":
            projects.append(_dates(entry, {"name": entry.title, "description": entry.description,
                                           "entity": entry.organisation, "highlights": _highlights(entry)}))
        elif entry.kind == "training":
            education.append(_dates(entry, {"institution": entry.organisation, "area": entry.title,
                                            "studyType": "Training (self-asserted)"}))
        elif entry.kind == "credential":
            certificates.append({"name": entry.title, "issuer": entry.organisation,
                                 **({"date": entry.start} if entry.start else {})})
        else:
            work.append(_dates(entry, {"name": entry.organisation, "position": entry.title,
                                       "summary": entry.description, "highlights": _highlights(entry)}))
    shown_by: dict[str, str] = {e.credential_ref: e.title for e in content.entries}
    skills = [{"name": s.label, "keywords": list(dict.fromkeys(shown_by[r] for r in s.credential_refs
                                                            if r in shown_by))} for s in content.skills]
    for key, items in (("work", work), ("volunteer", volunteer), ("education", education),
                       ("certificates", certificates), ("projects", projects), ("skills", skills)):
        if items:
            resume[key] = items
    meta: dict[str, Any] = {"version": "v1.0.0", "note": CHECK_NOTE}
    if bundle_id:
        meta["canonical"] = bundle_id
    if challenge:
        meta["challenge"] = challenge
    resume["meta"] = meta
    return resume

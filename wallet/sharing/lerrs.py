"""The learner's own statement of a view, in the résumé standard HR systems are adopting: an `LERRSCredential`
(HR Open Standards' Learning and Employment Record Resume Standard, LER-RS) whose subject is a `Resume`.

LER-RS V2 is still a candidate: its published material settles the credential type (`LERRSCredential`), the
subject type (`Resume`) and the subject's parts (`person`, `narrative`, `skill`, `employmentHistory`,
`educationAndLearning`) under the `https://w3id.org/hr#` vocabulary, but publishes no context document at a
stable address. So the context travels inline (`LERRS_CONTEXT`, written here), every term defined, and the few
terms the wallet adds (each skill's evidence, an experience's kind, the opportunity) live under its own
`urn:ler-wallet:terms#` vocabulary. docs/sharing.md says where we chose.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.issuing import Signer

VC_V2 = "https://www.w3.org/ns/credentials/v2"
HR = "https://w3id.org/hr#"
OURS = "urn:ler-wallet:terms#"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _list(iri: str) -> dict[str, str]:
    return {"@id": iri, "@container": "@list"}


def _set(iri: str) -> dict[str, str]:
    return {"@id": iri, "@container": "@set"}


LERRS_CONTEXT: dict[str, Any] = {
    "@protected": True,
    "LERRSCredential": f"{HR}LERRSCredential",
    "Resume": f"{HR}Resume",
    "person": f"{HR}person",
    "formattedName": f"{HR}formattedName",
    "primaryLanguage": f"{HR}primaryLanguage",
    "narrative": f"{HR}narrative",
    "text": f"{HR}text",
    "skill": _list(f"{HR}skill"),
    "definitionReference": f"{HR}definitionReference",
    "employmentHistory": _set(f"{HR}employmentHistory"),
    "educationAndLearning": _set(f"{HR}educationAndLearning"),
    "organization": f"{HR}organization",
    "title": f"{HR}title",
    "startDate": f"{HR}startDate",
    "endDate": f"{HR}endDate",
    "contact": _set(f"{OURS}contact"),
    "opportunity": f"{OURS}opportunity",
    "evidencedBy": _set(f"{OURS}evidencedBy"),
    "shownBy": f"{OURS}shownBy",
    "experienceKind": f"{OURS}experienceKind",
    "selfAsserted": {"@id": f"{OURS}selfAsserted", "@type": XSD_BOOLEAN},
}
"""Only `skill` is an ordered RDF list (the learner's order is part of what they sign). Records and evidence are
sets: RDF lists are chains of blank nodes that all look alike to RDFC-1.0, which then has to tell them apart the
slow way (a view of 30 records took seconds); the JSON keeps the view's order for readers either way.

Terms the `VerifiableCredential` scope of the VC 2.0 context protects (name, description, evidence, issuer…)
are not redefined here; `name` and `description` are used as VC 2.0 defines them (schema.org)."""

LERRS_TYPE = "LERRSCredential"
STATEMENT_NOTE = "The learner's own words and choices, signed by the learner; the credentials beside it are " \
    "checked on their own."

EMPLOYMENT_KINDS = frozenset({"job", "volunteering", "military", "caregiving", "project"})
"""Self-asserted experience that goes under employmentHistory; training and issued credentials go under
educationAndLearning."""


@dataclass(frozen=True)
class ResumeEntry:
    """One chosen record as the résumé shows it."""

    title: str
    organisation: str
    start: str | None
    end: str | None
    description: str
    kind: str
    """An entry kind ("job", "training"…) or "credential" for an issued credential."""
    self_asserted: bool
    credential_ref: str
    """The id, in the bundle, of the credential that shows this record."""

    @property
    def section(self) -> str:
        return "employmentHistory" if self.kind in EMPLOYMENT_KINDS else "educationAndLearning"


@dataclass(frozen=True)
class ResumeSkill:
    """One chosen skill, in the learner's order, with the credentials in the bundle that show it."""

    label: str
    skill_id: str
    credential_refs: tuple[str, ...]


@dataclass(frozen=True)
class ResumeContent:
    """Everything the statement says: only what the view chose, and the holder's name and contact lines."""

    holder: str
    name: str
    contacts: tuple[str, ...]
    statement: str
    opportunity: str
    skills: tuple[ResumeSkill, ...]
    entries: tuple[ResumeEntry, ...]
    language: str = "en"


def _entry(entry: ResumeEntry) -> dict[str, Any]:
    item: dict[str, Any] = {"title": entry.title}
    if entry.organisation:
        item["organization"] = {"name": entry.organisation}
    if entry.start:
        item["startDate"] = entry.start
    if entry.end:
        item["endDate"] = entry.end
    if entry.description:
        item["description"] = entry.description
    item["experienceKind"] = entry.kind
    item["selfAsserted"] = entry.self_asserted
    item["shownBy"] = entry.credential_ref
    return item


def resume_subject(content: ResumeContent) -> dict[str, Any]:
    """The `Resume` credential subject (person, narrative, skills with evidence, employment, education)."""
    person: dict[str, Any] = {"formattedName": content.name, "primaryLanguage": content.language}
    if content.contacts:
        person["contact"] = list(content.contacts)
    subject: dict[str, Any] = {"id": content.holder, "type": "Resume", "person": person}
    if content.opportunity:
        subject["opportunity"] = content.opportunity
    if content.statement:
        subject["narrative"] = {"text": content.statement}
    subject["skill"] = [
        {"name": s.label, **({"definitionReference": s.skill_id} if s.skill_id else {}),
         "evidencedBy": list(s.credential_refs)}
        for s in content.skills
    ]
    subject["employmentHistory"] = [_entry(e) for e in content.entries if e.section == "employmentHistory"]
    subject["educationAndLearning"] = [_entry(e) for e in content.entries if e.section == "educationAndLearning"]
    return subject


def lerrs_credential(
    signer: Signer, content: ResumeContent, *, now: str, expires: str | None = None
) -> dict[str, Any]:
    """The learner-signed `LERRSCredential` (eddsa-rdfc-2022, issued by the learner's did:key to themself)."""
    title = f"Résumé for {content.opportunity}" if content.opportunity else "Résumé"
    credential: dict[str, Any] = {
        "@context": [VC_V2, LERRS_CONTEXT],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", LERRS_TYPE],
        "name": f"{title} (self-asserted)",
        "description": STATEMENT_NOTE,
        "issuer": {"id": signer.did, "name": f"{signer.name} (self-asserted)"},
        "validFrom": now,
        "credentialSubject": resume_subject(content),
    }
    if expires:
        credential["validUntil"] = expires
    return sign(credential, suite=RDFC, verification_method=signer.verification_method, created=now,
                signer=signer.sign)


def is_lerrs(document: Any) -> bool:
    """Is this a résumé statement credential (by its type)?"""
    if not isinstance(document, dict):
        return False
    types = document.get("type")
    return LERRS_TYPE in (types if isinstance(types, list) else [types])

"""What the PDF résumé shows, as a small typed model: built from the signed bundle alone, so the PDF can hold
nothing the bundle (the view) does not.

Every record carries the verdict its credential got when the résumé was made, in words a reader understands;
a record the learner wrote or signed themselves is marked self-asserted whatever its signature says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wallet.credentials import formats
from wallet.credentials.formats import Parsed
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status, overall_status
from wallet.credentials.validity import dates_as_written
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import InvalidInputError
from wallet.i18n import N_
from wallet.sharing.lerrs import is_lerrs


class Standing(StrEnum):
    """How far a reader can rely on a record, as printed beside it."""

    VERIFIED = "verified"
    WARNINGS = "verified with warnings"
    NOT_VERIFIED = "not verified"
    NOT_CHECKED = "not checked"
    SELF_ASSERTED = "self-asserted"


STANDING_LABELS = {
    Standing.VERIFIED: N_("✓ Verified"),
    Standing.WARNINGS: N_("✓ Verified, with warnings"),
    Standing.NOT_VERIFIED: N_("✗ Not verified"),
    Standing.NOT_CHECKED: N_("? Not checked"),
    Standing.SELF_ASSERTED: N_("◇ Self-asserted"),
}
"""Marks and words that read the same in black and white: the mark is never the only signal."""


class Section(StrEnum):
    """Where a record goes in the chronological layout."""

    EXPERIENCE = "experience"
    LEARNING = "learning"


@dataclass(frozen=True)
class ResumeRecord:
    """One credential or self-described entry of the view."""

    key: str
    """The credential's id in the bundle (how skills point at their evidence)."""
    title: str
    issuer: str
    standing: Standing
    section: Section = Section.LEARNING
    kind: str = ""
    """What sort of record, in words ("Badge", "Job", "Course record"...)."""
    issued: str = ""
    """When an issuer awarded it (ISO date, YYYY-MM or YYYY-MM-DD), or ""."""
    valid_until: str = ""
    """When an issued credential stops being valid (ISO date), or "" for no end."""
    start: str = ""
    """When a job, course or other span began (ISO date) or ""; `end` empty for an ongoing one."""
    end: str = ""
    description: str = ""
    reason: str = ""
    """Why the record is not simply verified (empty when it is)."""


@dataclass(frozen=True)
class ResumeSkill:
    """A chosen skill, in the learner's order, with the records that show it."""

    name: str
    evidence: tuple[str, ...] = ()
    """Keys of the records that show it (ResumeRecord.key)."""


@dataclass(frozen=True)
class ResumeContent:
    """Everything the résumé prints, and nothing else."""

    name: str
    contacts: tuple[str, ...] = ()
    statement: str = ""
    opportunity: str = ""
    recipient: str = ""
    prepared: str = ""
    """The day the bundle was signed (YYYY-MM-DD)."""
    expires: str = ""
    skills: tuple[ResumeSkill, ...] = ()
    records: tuple[ResumeRecord, ...] = ()
    language: str = "en"
    holder_did: str = ""
    holder_proof: str = ""
    """The holder proof's outcome in words, as checked when the résumé was made."""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def record(self, key: str) -> ResumeRecord | None:
        """The record with this key, if the view has it."""
        return next((r for r in self.records if r.key == key), None)


# -- built from a signed bundle ---------------------------------------------------------------------------------
_EXPERIENCE = frozenset({"job", "volunteering", "military", "caregiving", "project"})
_KIND_WORDS = {"job": N_("Job"), "volunteering": N_("Volunteering"), "military": N_("Military service"),
               "caregiving": N_("Caregiving"), "project": N_("Project"), "training": N_("Training"),
               "credential": "", "experience": N_("Experience")}
"""Marked only: the résumé prints them through _()."""
_IGNORED = frozenset({CheckName.TRUSTED_ISSUER})
"""The learner's own list of trusted issuers says nothing to a reader of their résumé."""


def _str(value: Any, limit: int = 2000) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text[:limit]


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _standing(report: ItemReport | None, self_asserted: bool) -> tuple[Standing, str]:
    """The record's standing and, unless it is plainly verified, the sentence that says why."""
    if report is None:
        return Standing.NOT_CHECKED, "Its credential is not in the bundle."
    checks = [c for c in report.checks if c.check not in _IGNORED]
    failed = next((c for c in checks if c.outcome is Outcome.FAILED), None)
    if failed is not None:
        return Standing.NOT_VERIFIED, failed.message
    if self_asserted:
        return Standing.SELF_ASSERTED, "The learner's own account, signed by the learner."
    status = overall_status(checks)
    if status is Status.VERIFIED:
        return Standing.VERIFIED, ""
    if status is Status.UNVERIFIABLE:
        why = next((c for c in checks if c.outcome is not Outcome.PASSED
                    and c.check in (CheckName.SIGNATURE, CheckName.ISSUER_KEY)), None)
        return Standing.NOT_CHECKED, why.message if why else "Its signature could not be checked."
    why = next((c for c in checks if c.outcome in (Outcome.WARNING, Outcome.NOT_CHECKED)), None)
    return Standing.WARNINGS, why.message if why else ""


def _refs(parsed: list[Parsed], statement_at: int) -> dict[str, int]:
    """How the statement may point at each carried credential: its id, or its place among the credentials."""
    refs: dict[str, int] = {}
    position = 0
    for index, item in enumerate(parsed):
        if index == statement_at:
            continue
        position += 1
        refs[f"urn:ler-wallet:bundle-item:{position}"] = index
        own = item.document.get("id")
        if isinstance(own, str) and own and not own.startswith("data:"):
            refs[own] = index
    return refs


def _record(entry: dict[str, Any], parsed: list[Parsed], reports: list[ItemReport],
            refs: dict[str, int]) -> ResumeRecord:
    ref = _str(entry.get("shownBy"), 4000)
    index = refs.get(ref)
    report = reports[index] if index is not None else None
    kind = _str(entry.get("experienceKind"), 40)
    self_asserted = entry.get("selfAsserted") is True or kind in _EXPERIENCE or kind == "training"
    standing, reason = _standing(report, self_asserted)
    organisation = entry.get("organization")
    issuer = _str(organisation.get("name") if isinstance(organisation, dict) else organisation, 300)
    if not issuer and report is not None and not self_asserted:
        issuer = _str(report.issuer, 300)
    issued = until = ""
    if index is not None and kind == "credential":
        document = parsed[index].document
        start, end = dates_as_written(document)
        issued, until = _str(start, 40), _str(end, 40)
    spans = kind != "credential"
    return ResumeRecord(
        key=ref or f"entry:{id(entry)}",
        title=_str(entry.get("title"), 300) or (_str(report.name, 300) if report else "") or "Untitled record",
        issuer=issuer,
        standing=standing,
        section=Section.EXPERIENCE if kind in _EXPERIENCE else Section.LEARNING,
        kind=_KIND_WORDS.get(kind, kind.capitalize()),
        issued=issued,
        valid_until=until,
        start=_str(entry.get("startDate"), 40) if spans else "",
        end=_str(entry.get("endDate"), 40) if spans else "",
        description=_str(entry.get("description"), 1200),
        reason=reason,
    )


def content_from_bundle(bundle: bytes, options: VerifyOptions) -> ResumeContent:
    """What the résumé of this signed bundle shows, each record with the verdict it gets now under `options`.

    Reads only the bundle: the learner's LER-RS statement (name, contact lines, statement, skills and records in
    their order) and the credentials it carries. Raises InvalidInputError for a bundle without a statement.
    """
    parsed = formats.parse(bundle)
    statement_at = next((i for i, p in enumerate(parsed) if is_lerrs(p.document)), None)
    presentation = parsed[0].presentation if parsed else None
    if statement_at is None or presentation is None:
        raise InvalidInputError("This is not a résumé bundle: it carries no learner-signed LER-RS statement.")
    verifier = Verifier(options)
    reports = [verifier.verify(p) for p in parsed]
    subject = parsed[statement_at].document.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    found_person = subject.get("person")
    person: dict[str, Any] = found_person if isinstance(found_person, dict) else {}
    narrative = subject.get("narrative")
    refs = _refs(parsed, statement_at)
    entries = [e for part in ("employmentHistory", "educationAndLearning") for e in _items(subject.get(part))
               if isinstance(e, dict)]
    records = tuple(_record(e, parsed, reports, refs) for e in entries)
    known = {r.key for r in records}
    skills = tuple(
        ResumeSkill(_str(s.get("name"), 200),
                    tuple(k for k in (_str(r, 4000) for r in _items(s.get("evidencedBy"))) if k in known))
        for s in _items(subject.get("skill")) if isinstance(s, dict) and _str(s.get("name"))
    )
    proof = presentation.get("proof")
    proof = proof[0] if isinstance(proof, list) and proof else proof
    proof = proof if isinstance(proof, dict) else {}
    holder = presentation.get("holder")
    holder = holder.get("id") if isinstance(holder, dict) else holder
    held = reports[0].presentation
    return ResumeContent(
        name=_str(person.get("formattedName"), 200),
        contacts=tuple(c for c in (_str(x, 200) for x in _items(person.get("contact"))) if c),
        statement=_text_block(narrative.get("text") if isinstance(narrative, dict) else narrative),
        opportunity=_str(subject.get("opportunity"), 300),
        recipient=_str(proof.get("domain"), 200),
        prepared=_str(proof.get("created"), 40)[:10],
        expires=_str(proof.get("expires"), 40)[:10],
        skills=skills,
        records=records,
        language=_str(person.get("primaryLanguage"), 20) or "en",
        holder_did=_str(holder, 300),
        holder_proof=held.message if held is not None else "",
    )


def _text_block(value: Any) -> str:
    """A statement keeps its paragraphs (blank lines) but not stray whitespace."""
    if not isinstance(value, str):
        return ""
    paragraphs = [" ".join(p.split()) for p in value.replace("\r\n", "\n").split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)[:5000]

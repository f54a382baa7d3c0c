"""Plain data the wallet hands out: records, entry input, evidence. No behaviour beyond validation."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wallet.errors import InvalidInputError
from wallet.i18n import N_, _


class RecordKind(StrEnum):
    CREDENTIAL = "credential"
    ENTRY = "entry"


class EntryKind(StrEnum):
    """Kinds of self-asserted experience."""

    JOB = "job"
    VOLUNTEERING = "volunteering"
    MILITARY = "military"
    TRAINING = "training"
    CAREGIVING = "caregiving"
    PROJECT = "project"
    OTHER = "other"


ENTRY_KIND_LABELS: dict[EntryKind, str] = {
    EntryKind.JOB: N_("Job"),
    EntryKind.VOLUNTEERING: N_("Volunteering"),
    EntryKind.MILITARY: N_("Military service"),
    EntryKind.TRAINING: N_("Training"),
    EntryKind.CAREGIVING: N_("Caregiving"),
    EntryKind.PROJECT: N_("Project"),
    EntryKind.OTHER: N_("Other experience"),
}

_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
MAX_TEXT = 20_000
MAX_SKILLS = 200


def parse_partial_date(value: Any, field_name: str) -> str | None:
    """Accept ISO `YYYY-MM-DD` or `YYYY-MM` (or empty) and return it normalised."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidInputError(_("\"{field_name}\" must be a date like 2024-05 or 2024-05-31.").format(
            field_name=field_name))
    match = _DATE.match(value.strip())
    if not match:
        raise InvalidInputError(_("\"{field_name}\" must be a date like 2024-05 or 2024-05-31, not "
                                  "\"{value}\".").format(
                        field_name=field_name, value=value))
    year, month, day = int(match[1]), int(match[2]), match[3]
    if not 1 <= month <= 12:
        raise InvalidInputError(_("\"{field_name}\" has a month that does not exist: \"{value}\".").format(
            field_name=field_name, value=value))
    if day is not None:
        try:
            datetime.date(year, month, int(day))
        except ValueError as exc:
            raise InvalidInputError(_("\"{field_name}\" is not a real date: \"{value}\".").format(
                field_name=field_name, value=value)) from exc
    return value.strip()


def _text(data: dict[str, Any], key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    value = data.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInputError(_("\"{key}\" must be text.").format(key=key))
    value = value.strip()
    if required and not value:
        raise InvalidInputError(_("\"{key}\" is required and cannot be empty.").format(key=key))
    if len(value) > limit:
        raise InvalidInputError(_("\"{key}\" is too long (over {limit:,} characters).").format(key=key, limit=limit))
    return value


def _string_list(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidInputError(_("\"{key}\" must be a list of text, like [\"Customer service\", \"Excel\"].").format(
            key=key))
    cleaned: list[str] = []
    for item in (v.strip() for v in value):
        if item and item.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(item[:200])
    if len(cleaned) > MAX_SKILLS:
        raise InvalidInputError(_("\"{key}\" has more than {max_skills} items.").format(key=key, max_skills=MAX_SKILLS))
    return tuple(cleaned)


@dataclass(frozen=True)
class EntryInput:
    """A self-asserted experience as the learner describes it."""

    kind: EntryKind
    title: str
    organisation: str = ""
    start: str | None = None
    end: str | None = None
    description: str = ""
    skills: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    ALLOWED_KEYS = frozenset(
        {"kind", "title", "organisation", "organization", "start", "end", "description", "skills", "tags"}
    )

    @classmethod
    def from_json(cls, data: Any) -> EntryInput:
        """Validate the `add-entry` JSON shape; every problem is one clear sentence."""
        if not isinstance(data, dict):
            raise InvalidInputError(_("An entry must be a JSON object with at least \"kind\" and \"title\"."))
        unknown = sorted(set(data) - cls.ALLOWED_KEYS)
        if unknown:
            raise InvalidInputError(f"Unknown field {unknown[0]!r} in the entry; allowed: "
                                    + ", ".join(sorted(cls.ALLOWED_KEYS - {"organization"})) + ".")
        kind_value = data.get("kind")
        try:
            kind = EntryKind(kind_value if isinstance(kind_value, str) else "")
        except ValueError as exc:
            kinds = ", ".join(k.value for k in EntryKind)
            raise InvalidInputError(_("\"kind\" must be one of {kinds}; got {kind_value!r}.").format(
                kinds=kinds, kind_value=kind_value)) from exc
        org_key = "organisation" if "organisation" in data else "organization"
        start = parse_partial_date(data.get("start"), "start")
        end = parse_partial_date(data.get("end"), "end")
        if start and end and end < start:
            raise InvalidInputError(_("\"end\" is before \"start\"."))
        return cls(
            kind=kind,
            title=_text(data, "title", required=True, limit=300),
            organisation=_text(data, org_key, limit=300),
            start=start,
            end=end,
            description=_text(data, "description"),
            skills=_string_list(data, "skills"),
            tags=_string_list(data, "tags"),
        )


@dataclass(frozen=True)
class EvidenceInfo:
    """An evidence file's description (its bytes stay in the store until asked for)."""

    id: str
    record_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    description: str
    added_at: str


@dataclass(frozen=True)
class CredentialInfo:
    """How a credential record arrived: its format and the hash of its original bytes."""

    format: str
    media_type: str
    sha256: str
    parsed: dict[str, Any] = field(default_factory=dict)
    verification: str | None = None
    """The overall status of the last verification (verified, verified_with_warnings, not_verified, unverifiable)."""
    recipient: str = ""
    """Whether it was issued to the holder: "passed", "warning", "failed" (someone else) or "" (not checked yet)."""

    @property
    def for_someone_else(self) -> bool:
        return self.recipient == "failed"


@dataclass(frozen=True)
class Record:
    """One item in the wallet: an issued credential or a self-asserted entry."""

    id: str
    kind: RecordKind
    title: str
    organisation: str
    start: str | None
    end: str | None
    description: str
    skills: tuple[str, ...]
    tags: tuple[str, ...]
    created_at: str
    updated_at: str
    demo: bool = False
    entry_kind: EntryKind | None = None
    credential: CredentialInfo | None = None
    evidence: tuple[EvidenceInfo, ...] = ()
    note: str = ""
    """The learner's own note about the record (never shared)."""
    hidden: bool = False
    """Left out of the records list and search unless hidden records are asked for."""

    @property
    def kind_label(self) -> str:
        if self.kind is RecordKind.ENTRY and self.entry_kind is not None:
            return _("{kind} (self-asserted)").format(kind=_(ENTRY_KIND_LABELS[self.entry_kind]))
        return _("Credential")

    @property
    def when(self) -> str:
        """Dates as a short human range: '2021-03 – 2023-08', '2022-01 – present', '2020'."""
        if self.start and self.end:
            return self.start if self.start == self.end else f"{self.start} – {self.end}"
        if self.start:
            return _("{start} – present").format(start=self.start) if self.kind is RecordKind.ENTRY else self.start
        return self.end or ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "title": self.title,
            "organisation": self.organisation,
            "start": self.start,
            "end": self.end,
            "description": self.description,
            "skills": list(self.skills),
            "tags": list(self.tags),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "demo": self.demo,
            "self_asserted": self.kind is RecordKind.ENTRY,
            "note": self.note,
            "hidden": self.hidden,
        }
        if self.entry_kind is not None:
            data["entry_kind"] = self.entry_kind.value
        if self.credential is not None:
            data["credential"] = {
                "format": self.credential.format,
                "media_type": self.credential.media_type,
                "sha256": self.credential.sha256,
                "verification": self.credential.verification,
                "recipient": self.credential.recipient or None,
                "for_someone_else": self.credential.for_someone_else,
            }
        data["evidence"] = [
            {"id": e.id, "filename": e.filename, "media_type": e.media_type, "size": e.size,
             "sha256": e.sha256, "description": e.description}
            for e in self.evidence
        ]
        return data

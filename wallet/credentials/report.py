"""The verification report: one entry per check, each with an outcome and a sentence a learner understands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from wallet.i18n import N_, _, format_date


def clip(value: object, limit: int = 80) -> str:
    """Untrusted text as it may appear in a sentence: one line, at most `limit` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Said(str):
    """A report sentence in the language in use that keeps its English message and values, so a report saved
    now reads in whatever language is in use when it is shown later (`wallet.credentials.saved_report`)."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, values: dict[str, object]) -> Said:
        made = super().__new__(cls, _(template).format(**{key: _shown(value) for key, value in values.items()}))
        made.template = template
        made.values = values
        return made

    def __reduce__(self) -> tuple[type[Said], tuple[str, dict[str, object]]]:
        """Copied or pickled as its message and values (a plain str's way would lose them)."""
        return (Said, (self.template, self.values))

    @property
    def english(self) -> str:
        """The sentence in English, its values in English too when they are sentences of their own."""
        return self.template.format(**{key: _shown(_english(value), "en") for key, value in self.values.items()})

    def to_json(self) -> dict[str, Any]:
        """The message and its values, as a saved report keeps them."""
        return {"template": self.template, "values": {key: _value_json(value) for key, value in self.values.items()}}


def said(template: str, /, **values: object) -> Said:
    """A check's sentence: `template` is the English marked with N_() at the call, `values` fill its {names}
    (a date is written as the language in use writes it, when the sentence is shown)."""
    return Said(template, {key: _kept(value) for key, value in values.items()})


def _kept(value: object) -> object:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, (str, int, float, date)) else str(value)


def _shown(value: object, language: str | None = None) -> object:
    return format_date(value, "long", language) if isinstance(value, date) else value


def _english(value: object) -> object:
    return value.english if isinstance(value, Said) else value


def _value_json(value: object) -> object:
    if isinstance(value, Said):
        return {"said": value.to_json()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return value if isinstance(value, (int, float)) else str(value)


def said_from_json(data: object) -> str | None:
    """A saved sentence (`Said.to_json()`) in the language in use; None when `data` is not one (an older report)."""
    if not isinstance(data, dict) or not isinstance(data.get("template"), str):
        return None
    raw = data.get("values")
    values: dict[str, object] = {}
    for key, value in (raw.items() if isinstance(raw, dict) else ()):
        nested = said_from_json(value.get("said")) if isinstance(value, dict) else None
        if nested is None and isinstance(value, dict) and isinstance(value.get("date"), str):
            try:
                nested = format_date(date.fromisoformat(value["date"]))
            except ValueError:
                nested = value["date"]
        values[str(key)] = nested if nested is not None else value
    try:
        return _(data["template"]).format(**values)
    except (KeyError, IndexError, ValueError):  # a catalogue or a saved report that does not fit: its English
        try:
            return str(data["template"]).format(**values)
        except (KeyError, IndexError, ValueError):
            return None


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    WARNING = "warning"
    NOT_CHECKED = "not checked"


class CheckName(StrEnum):
    FORMAT = "format"
    SIGNATURE = "signature"
    ISSUER_KEY = "issuer key"
    VALIDITY = "validity period"
    STATUS = "status"
    SCHEMA = "schema"
    DATA_MODEL = "data model"
    TRUSTED_ISSUER = "trusted issuer"
    NESTED = "nested credentials"
    RECIPIENT = "recipient"
    PRESENTATION = "presentation"


class Status(StrEnum):
    VERIFIED = "verified"
    VERIFIED_WITH_WARNINGS = "verified_with_warnings"
    NOT_VERIFIED = "not_verified"
    UNVERIFIABLE = "unverifiable"


STATUS_SENTENCES = {
    Status.VERIFIED: N_("Verified: the signature is good and every check passed."),
    Status.VERIFIED_WITH_WARNINGS: N_("Verified, with warnings: the signature is good; read the warnings below."),
    Status.NOT_VERIFIED: N_("Not verified: at least one check failed."),
    Status.UNVERIFIABLE: N_("Cannot be verified offline: the signature or the issuer's key could not be checked "
                            "here."),
}
"""Each status in English (marked): show it through `_()` or `status_sentence()`."""


def status_sentence(status: Status) -> str:
    """The status's sentence in the language in use."""
    return _(STATUS_SENTENCES[status])


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    check: CheckName
    outcome: Outcome
    message: str

    def to_json(self, kept: bool = False) -> dict[str, Any]:
        """The line in English (what the command line prints); `kept` (what the wallet saves) adds its marked
        message and values under "said", so the saved line can be shown later in another language."""
        english = self.message.english if isinstance(self.message, Said) else str(self.message)
        data: dict[str, Any] = {"check": str(self.check), "outcome": str(self.outcome), "message": english}
        if kept and isinstance(self.message, Said):
            data["said"] = self.message.to_json()
        return data


def overall_status(checks: list[Check]) -> Status:
    """Combine checks: anything failed → not_verified; signature or issuer key unchecked → unverifiable.

    The `recipient` check (issued to this wallet's holder?) is a separate question from whether the credential
    is genuine: a credential for someone else is kept, marked and not counted, and is not "not verified" for it.
    But "verified" promises "signed by the issuer, for this person, now", so a failed recipient check caps a
    genuine credential at verified_with_warnings.
    """
    someone_else = any(c.check is CheckName.RECIPIENT and c.outcome is Outcome.FAILED for c in checks)
    status = _genuine_status([c for c in checks if c.check is not CheckName.RECIPIENT])
    return Status.VERIFIED_WITH_WARNINGS if someone_else and status is Status.VERIFIED else status


def _genuine_status(checks: list[Check]) -> Status:
    """The status from every check but the recipient's."""
    if any(c.outcome is Outcome.FAILED for c in checks):
        return Status.NOT_VERIFIED
    signatures = [c.outcome for c in checks if c.check is CheckName.SIGNATURE]
    if not signatures or any(outcome is not Outcome.PASSED for outcome in signatures):
        return Status.UNVERIFIABLE  # every signature line counts (a proof set has one per proof), not the last
    if any(c.outcome is Outcome.NOT_CHECKED for c in checks if c.check is CheckName.ISSUER_KEY):
        return Status.UNVERIFIABLE
    if any(c.outcome in (Outcome.WARNING, Outcome.NOT_CHECKED) for c in checks):
        return Status.VERIFIED_WITH_WARNINGS
    return Status.VERIFIED


def nested_line(children: Sequence[tuple[Status, Outcome | None]]) -> Check:
    """The `nested credentials` line of a CLR, from each credential inside it: its status, and its recipient line's
    outcome (whether it is about the CLR's learner, or the holder's)."""
    total = len(children)
    verified = sum(1 for status, _ in children if status.value.startswith("verified"))
    failed = sum(1 for status, _ in children if status is Status.NOT_VERIFIED)
    untied = sum(1 for _, recipient in children if recipient in (Outcome.FAILED, Outcome.WARNING))
    if untied:
        return Check(CheckName.NESTED, Outcome.WARNING,
                     said(N_("{untied} of the {total} credentials inside it cannot be tied to the learner it is about "
                             "(see each one's recipient line); {verified} verify on their own."),
                          untied=untied, total=total, verified=verified))
    if verified == total:
        return Check(CheckName.NESTED, Outcome.PASSED, said(N_("All {count} credentials inside it verify on their "
                                                               "own."), count=total))
    if failed:
        message = said(N_("{verified} of {total} credentials inside it verify on their own; {failed} do not."),
                       verified=verified, total=total, failed=failed)
    else:
        message = said(N_("{verified} of {total} credentials inside it verify on their own."),
                       verified=verified, total=total)
    return Check(CheckName.NESTED, Outcome.WARNING, message)


@dataclass
class ItemReport:
    """The report for one credential (a CLR's nested credentials are `children`)."""

    kind: str
    id: str | None
    type: list[str]
    issuer: str | None
    subject: str | None
    name: str | None
    checks: list[Check] = field(default_factory=list)
    children: list[ItemReport] = field(default_factory=list)
    presentation: Check | None = None
    """The holder's proof of the presentation it came in (wallet.credentials.presentation); it is shown but
    does not change the credential's own status: each credential is judged on its own."""

    @property
    def status(self) -> Status:
        return overall_status(self.checks)

    def add(self, check: CheckName, outcome: Outcome, message: str) -> None:
        self.checks.append(Check(check, outcome, message))

    def outcome_of(self, check: CheckName) -> Outcome | None:
        found = [c.outcome for c in self.checks if c.check is check]
        if not found:
            return None
        for worst in (Outcome.FAILED, Outcome.NOT_CHECKED, Outcome.WARNING):
            if worst in found:
                return worst
        return Outcome.PASSED

    def to_json(self, kept: bool = False) -> dict[str, Any]:
        """The report in English; `kept=True` is the form the wallet saves (see `Check.to_json`)."""
        data: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "type": self.type,
            "issuer": self.issuer,
            "subject": self.subject,
            "name": self.name,
            "status": str(self.status),
            "checks": [c.to_json(kept) for c in self.checks],
        }
        if self.children:
            data["children"] = [child.to_json(kept) for child in self.children]
        if self.presentation is not None:
            data["presentation"] = self.presentation.to_json(kept)
        return data


def combined_status(items: list[ItemReport]) -> Status:
    """The status of a whole run: the worst item decides."""
    if not items:
        return Status.UNVERIFIABLE
    order = [Status.NOT_VERIFIED, Status.UNVERIFIABLE, Status.VERIFIED_WITH_WARNINGS, Status.VERIFIED]
    return min((item.status for item in items), key=order.index)


@dataclass
class Report:
    """What `verify` returns for one or more inputs."""

    items: list[ItemReport]

    @property
    def status(self) -> Status:
        return combined_status(self.items)

    def to_json(self) -> dict[str, Any]:
        return {"status": str(self.status), "items": [item.to_json() for item in self.items]}

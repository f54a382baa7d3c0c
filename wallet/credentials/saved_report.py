"""A verification report as the wallet kept it: what the app and the command line read back about a stored credential.

`ItemReport` is what the verifier makes now; `SavedReport` is what was saved then, with its status as it was
decided at that moment and when the check ran. It is read leniently: a report saved by an older version, with a
check or outcome this version does not know, still reads (an unknown outcome counts as "not checked").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wallet.credentials.report import CheckName, Outcome, Status, said_from_json
from wallet.i18n import _


def _status(value: object) -> Status:
    try:
        return Status(str(value))
    except ValueError:
        return Status.UNVERIFIABLE


def _outcome(value: object) -> Outcome:
    try:
        return Outcome(str(value))
    except ValueError:
        return Outcome.NOT_CHECKED


def _text(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class SavedCheck:
    """One line of a saved report: the check's name (e.g. "signature"), its outcome and its sentence as saved
    (English), with the marked message and values it was made from (`said`) when the report has them."""

    check: str
    outcome: Outcome
    english: str
    said: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def message(self) -> str:
        """The sentence in the language in use now, whatever the language was when it was saved."""
        return said_from_json(self.said) or _(self.english)


@dataclass(frozen=True)
class SavedReport:
    """The last verification of one stored credential (a CLR's nested credentials are `children`)."""

    status: Status
    checks: tuple[SavedCheck, ...] = ()
    children: tuple[SavedReport, ...] = ()
    kind: str | None = None
    id: str | None = None
    name: str | None = None
    issuer: str | None = None
    checked_at: str | None = None
    """When the check ran (ISO 8601, UTC); None for a nested credential's report."""

    @classmethod
    def from_json(cls, data: dict[str, Any], checked_at: str | None = None) -> SavedReport:
        """Read a report as `ItemReport.to_json()` wrote it (unknown values read as "not checked")."""
        checks = tuple(
            SavedCheck(str(c.get("check") or ""), _outcome(c.get("outcome")), str(c.get("message") or ""),
                       c["said"] if isinstance(c.get("said"), dict) else None)
            for c in data.get("checks") or [] if isinstance(c, dict)
        )
        children = tuple(cls.from_json(child) for child in data.get("children") or [] if isinstance(child, dict))
        return cls(
            status=_status(data.get("status")),
            checks=checks,
            children=children,
            kind=_text(data.get("kind")),
            id=_text(data.get("id")),
            name=_text(data.get("name")),
            issuer=_text(data.get("issuer")),
            checked_at=checked_at,
        )

    def outcome_of(self, check: str) -> Outcome | None:
        """The worst outcome among the lines for `check` (a CheckName value), or None when it was not run."""
        found = [c.outcome for c in self.checks if c.check == check]
        for worst in (Outcome.FAILED, Outcome.NOT_CHECKED, Outcome.WARNING, Outcome.PASSED):
            if worst in found:
                return worst
        return None

    @property
    def signed_by_issuer(self) -> bool:
        """True when the check confirmed the signature and that the key is the issuer's."""
        issuer_key = self.outcome_of(CheckName.ISSUER_KEY.value)
        return self.outcome_of(CheckName.SIGNATURE.value) is Outcome.PASSED and issuer_key in (None, Outcome.PASSED)

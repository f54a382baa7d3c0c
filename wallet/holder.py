"""The holder's profile on an unlocked wallet: their name, contact lines for résumés, and the identifiers that
are theirs besides the wallet's own did:key. Reached as `session.holder`.

The name signs the learner's self-asserted credentials and endorsements (instead of "Learner"). The identifiers
decide which stored credentials were issued to the holder: adding one re-checks the recipient of every credential
not yet known to be theirs, removing one re-checks them all.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from wallet.credentials import formats
from wallet.credentials.recipient import Holder, check_recipient, check_within_record, claims_of, matching_identifier
from wallet.credentials.report import Check, CheckName, Outcome, Status, nested_line, overall_status
from wallet.credentials.summary import tree
from wallet.errors import InvalidInputError, UsageError, WalletError
from wallet.i18n import _
from wallet.store.holder_store import HolderStore
from wallet.store.repository import Repository
from wallet.store.verification_store import VerificationStore

DEFAULT_NAME = "Learner"
"""What the wallet calls the holder until they give a name."""
MAX_NAME = 120
MAX_CONTACT = 200
MAX_CONTACTS = 8
MAX_IDENTIFIER = 300
MAX_IDENTIFIERS = 50
_EMAIL = re.compile(r"[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+")
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")


@dataclass(frozen=True)
class HolderProfile:
    """Who the wallet belongs to, as the holder describes themself."""

    name: str
    contacts: tuple[str, ...]
    did: str
    identifiers: tuple[str, ...]
    """The identifiers the holder added (the wallet's own DID is always theirs too)."""

    @property
    def display_name(self) -> str:
        return self.name or DEFAULT_NAME

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "contacts": list(self.contacts), "did": self.did,
                "identifiers": list(self.identifiers)}


def _one_line(text: str, what: str, limit: int) -> str:
    if not isinstance(text, str):
        raise InvalidInputError(_("{what} must be text.").format(what=what))
    cleaned = " ".join(text.split())
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in cleaned):
        raise InvalidInputError(_("{what} holds invisible control characters; type it again.").format(what=what))
    if len(cleaned) > limit:
        raise InvalidInputError(_("{what} is too long (over {limit} characters).").format(what=what, limit=limit))
    return cleaned


def normalise_identifier(text: str) -> str:
    """An email address (lower-cased, without mailto:) or a URI such as a DID; anything else is refused."""
    value = text.strip() if isinstance(text, str) else ""
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    if not value:
        raise InvalidInputError(_("Type the identifier: an email address, a DID or a web address."))
    if len(value) > MAX_IDENTIFIER:
        raise InvalidInputError(_("That identifier is too long (over {max_identifier} characters).").format(
            max_identifier=MAX_IDENTIFIER))
    if _EMAIL.fullmatch(value):
        return value.lower()
    if _URI.fullmatch(value) and not any(unicodedata.category(c) in ("Cc", "Cf", "Zs") for c in value):
        return value
    raise InvalidInputError(
        _("An identifier is an email address, a DID or a web address, such as maria@example.org or "
          "did:web:example.org.")
    )


class HolderService:
    def __init__(
        self,
        repo: Repository,
        store: HolderStore,
        results: VerificationStore,
        did: Callable[[], str],
        emit: Callable[..., None],
    ) -> None:
        self._repo = repo
        self._store = store
        self._results = results
        self._did = did
        self._emit = emit

    # -- reading ----------------------------------------------------------------------------------
    def profile(self) -> HolderProfile:
        name, contacts = self._store.profile()
        return HolderProfile(name, tuple(contacts), self._did(), tuple(self._store.identifiers()))

    def display_name(self) -> str:
        """The name to sign with: the holder's own, or "Learner" until they give one."""
        return self._store.profile()[0] or DEFAULT_NAME

    def holder(self) -> Holder:
        """The holder as verification compares it with a credential's recipient."""
        return Holder(self._did(), tuple(self._store.identifiers()))

    def recipient_check(self, record_id: str) -> Check | None:
        """The stored answer to "issued to you?" for one credential (None for an entry or before it was asked)."""
        found = self._results.result(self._repo.resolve_id(record_id))
        for check in (found[1].get("checks") or []) if found else []:
            if isinstance(check, dict) and check.get("check") == CheckName.RECIPIENT.value:
                try:
                    return Check(CheckName.RECIPIENT, Outcome(str(check.get("outcome"))), str(check.get("message")))
                except ValueError:
                    return None
        return None

    def unclaimed_identifiers(self, record_ids: Iterable[str]) -> list[tuple[str, int]]:
        """The identifiers that those of these records issued to someone else name, each with how many name it,
        most first: what the learner may claim as theirs (the DID of the wallet they came from, another email).
        A hashed identity names nothing that could be offered."""
        others = self.records_for_someone_else()
        counts: Counter[str] = Counter()
        for record_id in dict.fromkeys(record_ids):
            parsed = self._parsed(record_id) if record_id in others else None
            if parsed is None:
                continue
            named = set()
            for claim in claims_of(parsed.document):
                if not claim.hashed:
                    try:
                        named.add(normalise_identifier(claim.value))
                    except WalletError:
                        continue
            counts.update(named)
        return counts.most_common()

    def hashed_unclaimed(self, record_ids: Iterable[str]) -> list[str]:
        """Those of these records issued to someone else that name their recipient only by a hash (an e-mail
        address Open Badges hides, as Credly and Badgr issue): the learner can claim them by typing the address."""
        others = self.records_for_someone_else()
        found = []
        for record_id in dict.fromkeys(record_ids):
            parsed = self._parsed(record_id) if record_id in others else None
            claims = claims_of(parsed.document) if parsed is not None else []
            if claims and all(c.hashed for c in claims):
                found.append(record_id)
        return found

    def claimed_by(self, text: str, record_ids: Iterable[str]) -> int:
        """How many of these records name `text` (an e-mail address or a URI) as their recipient, without adding it
        to the profile. Raises InvalidInputError for text that is no identifier."""
        identifier = normalise_identifier(text)
        count = 0
        for record_id in dict.fromkeys(record_ids):
            parsed = self._parsed(record_id)
            if parsed is not None and matching_identifier(claims_of(parsed.document), Holder(identifier)):
                count += 1
        return count

    def records_for_someone_else(self) -> set[str]:
        """Credential records issued to someone else: never counted as the holder's evidence."""
        return self._results.recipients("failed")

    # -- writing ----------------------------------------------------------------------------------
    def set_profile(self, name: str | None = None, contacts: list[str] | None = None) -> HolderProfile:
        """Change the name and/or the contact lines (None leaves that part as it is)."""
        current_name, current_contacts = self._store.profile()
        new_name = current_name if name is None else _one_line(name, _("The name"), MAX_NAME)
        new_contacts = current_contacts
        if contacts is not None:
            lines = [_one_line(line, _("A contact line"), MAX_CONTACT) for line in contacts]
            new_contacts = list(dict.fromkeys(line for line in lines if line))
            if len(new_contacts) > MAX_CONTACTS:
                raise InvalidInputError(_("Keep to {max_contacts} contact lines at most.").format(
                    max_contacts=MAX_CONTACTS))
        self._store.save_profile(new_name, new_contacts)
        return self.profile()

    def add_identifier(self, text: str) -> int:
        """Add an identifier that is the holder's; returns how many stored credentials it shows to be theirs."""
        identifier = normalise_identifier(text)
        if identifier == self._did():
            raise UsageError(_("That is this wallet's own DID; it is always yours."))
        if len(self._store.identifiers()) >= MAX_IDENTIFIERS:
            raise UsageError(_("Your profile already has {max_identifiers} identifiers; remove one first.").format(
                max_identifiers=MAX_IDENTIFIERS))
        if not self._store.add_identifier(identifier):
            raise UsageError(_("That identifier is already in your profile."))
        before = self.records_for_someone_else()
        self.recheck_recipients(only_unclaimed=True)
        return len(before - self.records_for_someone_else())

    def remove_identifier(self, text: str) -> int:
        """Remove an identifier; returns how many stored credentials are no longer shown to be the holder's."""
        try:
            identifier = normalise_identifier(text)
        except InvalidInputError:
            identifier = text.strip()
        if not self._store.remove_identifier(identifier):
            raise UsageError(_("That identifier is not in your profile."))
        before = self.records_for_someone_else()
        self.recheck_recipients(only_unclaimed=False)
        return len(self.records_for_someone_else() - before)

    def recheck_recipients(self, *, only_unclaimed: bool = False) -> list[str]:
        """Compare every stored credential's recipient with the holder again (no signature is re-checked).

        Returns the ids of the records whose outcome changed. `only_unclaimed` skips those already shown to be
        the holder's (adding an identifier cannot take a credential away).
        """
        holder = self.holder()
        reports = self._results.reports()
        claimed = self._results.recipients("passed") - set(self._results.children_for_someone_else()) \
            if only_unclaimed else set()  # a CLR of theirs may still hold credentials not yet shown to be theirs
        changed: list[str] = []
        for record_id, report in reports.items():
            if record_id in claimed:
                continue
            parsed = self._parsed(record_id)
            if parsed is None:
                continue
            updated = _with_recipients(report, parsed, holder)
            if updated == report:
                continue
            self._results.replace_report(record_id, updated, updated.get("status"))
            changed.append(record_id)
        if changed:
            self._emit("records_changed", ids=changed)
        return changed

    def _parsed(self, record_id: str) -> formats.Parsed | None:
        """The top-level credential a record holds, read again from its original bytes."""
        try:
            items = formats.parse(self._repo.credential_original(record_id))
        except WalletError:
            return None
        if len(items) == 1:
            return items[0]
        wanted = self._repo.credential_parsed(record_id).get("id")
        for item in items:
            if tree(item).get("id") == wanted:
                return item
        return items[0]


def _with_line(report: dict[str, Any], line: dict[str, Any]) -> dict[str, Any]:
    """The report with its line of `line`'s check replaced (in place, or added at the end)."""
    checks = [c for c in report.get("checks", []) if isinstance(c, dict)]
    at = next((i for i, c in enumerate(checks) if c.get("check") == line["check"]), None)
    checks = [*checks, line] if at is None else [*checks[:at], line, *checks[at + 1:]]
    return {**report, "checks": checks}


def _with_recipients(report: dict[str, Any], parsed: formats.Parsed, holder: Holder) -> dict[str, Any]:
    """A saved report with its recipient lines compared with the holder again: the credential's own and, for a
    CLR, each credential's inside it and the nested line that counts them. Signatures are not checked again."""
    updated = _with_line(report, check_recipient(parsed.document, holder).to_json(kept=True))
    children = report.get("children")
    if not isinstance(children, list) or len(children) != len(parsed.nested) or not children:
        return _with_status(updated)
    kids, pairs = [], []
    for child_report, child in zip(children, parsed.nested, strict=True):
        line = check_within_record(child.document, parsed.document, holder)
        kid = _with_status(_with_line(child_report if isinstance(child_report, dict) else {},
                                      line.to_json(kept=True)))
        kids.append(kid)
        status = str(kid.get("status", ""))
        pairs.append((Status(status) if status in {s.value for s in Status} else Status.UNVERIFIABLE, line.outcome))
    return _with_status(_with_line({**updated, "children": kids}, nested_line(pairs).to_json(kept=True)))


def _with_status(report: dict[str, Any]) -> dict[str, Any]:
    """The report with its status read again from its lines (a recipient line decides whether a genuine
    credential is "verified" or only "with warnings"); a line the wallet cannot read leaves the status as it was."""
    lines = []
    for check in report.get("checks", []):
        try:
            name, outcome, message = CheckName(str(check["check"])), Outcome(str(check["outcome"])), check["message"]
            lines.append(Check(name, outcome, str(message)))
        except (ValueError, KeyError, TypeError):
            return report
    return {**report, "status": overall_status(lines).value} if lines else report

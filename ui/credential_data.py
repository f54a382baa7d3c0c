"""Everything the detail pane shows about one issued credential, read from the session in one go.

Plain Python (no Qt), so the pane only draws and the reading is easy to test and to move off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wallet.api import MAX_INPUT_BYTES, ImportOutcome, Record, Session, WalletError

FORMAT_KINDS = {
    "ob3": "Open Badge",
    "clr": "Learner record (CLR)",
    "endorsement": "Endorsement",
    "ob2": "Open Badge (older 2.0 format)",
    "vc": "Verifiable credential",
}


@dataclass(frozen=True)
class Endorsement:
    """Someone vouching for this record: who, what they wrote, and whether their signature checks out."""

    record_id: str
    endorser: str
    comment: str
    date: str
    status: str | None


@dataclass(frozen=True)
class CredentialDetails:
    parsed: dict[str, Any]
    report: dict[str, Any] | None
    own_did: str
    trusted: bool
    endorsements: list[Endorsement] = field(default_factory=list)
    endorses: str = ""
    """For an endorsement: the title of the record it vouches for (or its id when that is not in the wallet)."""

    @property
    def issuer_id(self) -> str:
        return str(self.parsed.get("issuer", {}).get("id") or "")

    @property
    def issuer_name(self) -> str:
        issuer = self.parsed.get("issuer", {})
        return str(issuer.get("name") or issuer.get("id") or "")

    @property
    def status(self) -> str | None:
        return None if self.report is None else str(self.report.get("status") or "") or None

    @property
    def signed_by_issuer(self) -> bool:
        """True when the last check confirmed the signature and that the key is the issuer's."""
        checks = {c.get("check"): c.get("outcome") for c in (self.report or {}).get("checks", [])}
        return checks.get("signature") == "passed" and checks.get("issuer key", "passed") == "passed"

    @property
    def kind_name(self) -> str:
        return FORMAT_KINDS.get(str(self.parsed.get("kind")), "Credential")

    @property
    def achievement(self) -> dict[str, Any]:
        found = self.parsed.get("achievement")
        return found if isinstance(found, dict) else {}

    @property
    def alignments(self) -> list[dict[str, str]]:
        return list(self.achievement.get("alignments") or [])

    @property
    def recipient(self) -> str:
        subject = str(self.parsed.get("subject") or "")
        if subject and subject == self.own_did:
            return "You (this wallet's ID)"
        if subject.startswith("did:"):
            return f"{subject} (not this wallet's ID)"
        algorithm, hashed, digest = subject.partition("$")
        if hashed and algorithm.lower() in ("sha256", "md5") and len(digest) > 12:
            return f"An email address or other ID the issuer stored only as a fingerprint ({subject[:16]}…)"
        return subject


def load(session: Session, record: Record) -> CredentialDetails:
    """Read a credential's stored tree, its last report, its endorsements and whether its issuer is trusted."""
    credentials = session.credentials
    parsed = session.repo.credential_parsed(record.id)
    issuer_id = str(parsed.get("issuer", {}).get("id") or "")
    endorsements: list[Endorsement] = []
    for endorsement_id in credentials.endorsements_for(record.id):
        try:
            other = session.get_record(endorsement_id)
            data = session.repo.credential_parsed(endorsement_id)
        except WalletError:
            continue
        issuer = data.get("issuer", {})
        endorsements.append(Endorsement(
            record_id=endorsement_id,
            endorser=str(issuer.get("name") or issuer.get("id") or other.organisation),
            comment=str(data.get("endorsementComment") or other.description),
            date=str(data.get("validFrom") or "")[:10],
            status=other.credential.verification if other.credential else None,
        ))
    endorses = ""
    if parsed.get("kind") == "endorsement" and parsed.get("endorses"):
        target = credentials.endorsed_target(record.id)
        try:
            endorses = session.get_record(target).title if target else str(parsed["endorses"])
        except WalletError:
            endorses = str(parsed["endorses"])
    return CredentialDetails(
        parsed=parsed,
        report=credentials.last_report(record.id),
        own_did=session.did,
        trusted=bool(issuer_id) and issuer_id in credentials.trusted_issuers(),
        endorsements=endorsements,
        endorses=endorses,
    )


def records_from_issuer(session: Session, issuer_id: str) -> list[str]:
    """Ids of the credentials this issuer signed (their 'trusted issuer' check changes with the trust list)."""
    trees = session.repo.credential_trees()  # one query, not one per record
    return [record_id for record_id, parsed in trees.items() if parsed.get("issuer", {}).get("id") == issuer_id]


def change_trust(session: Session, issuer_id: str, name: str, *, trusted: bool) -> list[str]:
    """Trust or stop trusting an issuer, then check that issuer's credentials again; returns their ids."""
    if trusted:
        session.credentials.trust_issuer(issuer_id, name)
    else:
        session.credentials.untrust_issuer(issuer_id)
    ids = records_from_issuer(session, issuer_id)
    for record_id in ids:
        session.credentials.verify_record(record_id)
    return ids


def import_files(session: Session, paths: list[str]) -> list[ImportOutcome]:
    """Read each file and import them all at once; a file that cannot be read is one 'failed' line."""
    inputs: list[tuple[str, bytes]] = []
    unreadable: list[ImportOutcome] = []
    for path in map(Path, paths):
        try:
            if path.stat().st_size > MAX_INPUT_BYTES:
                unreadable.append(ImportOutcome(path.name, "failed", f"The file is larger than "
                                                f"{MAX_INPUT_BYTES // 1_048_576} MB, so it is not a credential "
                                                "the wallet can read."))
                continue
            inputs.append((path.name, path.read_bytes()))
        except OSError as exc:
            reason = exc.strerror or "it could not be opened"
            unreadable.append(ImportOutcome(path.name, "failed", f"The file could not be read ({reason.lower()})."))
    outcomes = session.credentials.import_many(inputs) if inputs else []
    return outcomes + unreadable

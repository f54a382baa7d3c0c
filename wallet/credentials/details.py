"""Everything the app shows about one stored credential, as typed values: read in one go by
`session.credentials.details(record_id)`, so a front end only draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wallet.credentials.clr_outline import ClrNode, association_sentences, clr_outline
from wallet.credentials.report import CheckName, Outcome, said
from wallet.credentials.saved_report import SavedReport
from wallet.i18n import N_, _

FORMAT_KINDS = {
    "ob3": N_("Open Badge"),
    "clr": N_("Learner record (CLR)"),
    "endorsement": N_("Endorsement"),
    "ob2": N_("Open Badge (older 2.0 format)"),
    "vc": N_("Verifiable credential"),
}
"""Each format's name in English (marked): `CredentialDetails.kind_name` gives it in the language in use."""


@dataclass(frozen=True)
class Endorsement:
    """Someone vouching for a record: who, what they wrote, and whether their signature checks out."""

    record_id: str
    endorser: str
    comment: str
    date: str
    status: str | None


@dataclass(frozen=True)
class Alignment:
    """A skill or standard the achievement is aligned to, as the issuer named it (e.g. an ESCO skill)."""

    name: str
    code: str
    framework: str
    url: str


@dataclass(frozen=True)
class CredentialDetails:
    """A stored credential's parsed tree, its last report, its endorsements and whether its issuer is trusted."""

    parsed: dict[str, Any]
    """The tree the wallet derived from the credential (issuer, subject, achievement, children, …)."""
    report: SavedReport | None
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
        return None if self.report is None else self.report.status.value

    @property
    def signed_by_issuer(self) -> bool:
        """True when the last check confirmed the signature and that the key is the issuer's."""
        return self.report is not None and self.report.signed_by_issuer

    @property
    def kind_name(self) -> str:
        return _(FORMAT_KINDS.get(str(self.parsed.get("kind")), N_("Credential")))

    @property
    def achievement(self) -> dict[str, Any]:
        found = self.parsed.get("achievement")
        return found if isinstance(found, dict) else {}

    @property
    def alignments(self) -> list[dict[str, str]]:
        return list(self.achievement.get("alignments") or [])

    @property
    def aligned_skills(self) -> list[Alignment]:
        """The achievement's alignments, typed (values the issuer left out are "")."""
        return [Alignment(*(str(a.get(k) or "") for k in ("targetName", "targetCode", "targetFramework", "targetUrl")))
                for a in self.alignments if isinstance(a, dict)]

    @property
    def kind(self) -> str:
        """The format it was read as: "ob3", "clr", "endorsement", "ob2" or "vc"."""
        return str(self.parsed.get("kind") or "")

    @property
    def description(self) -> str:
        """The achievement's description, else the credential's own ("" when neither says)."""
        return str(self.achievement.get("description") or self.parsed.get("description") or "")

    @property
    def criteria(self) -> str:
        """What it took to earn, as the issuer wrote it (Markdown allowed; "" when not said)."""
        return str(self.achievement.get("criteria") or "")

    def outline(self) -> list[ClrNode]:
        """For a CLR: its achievements and nested credentials as a tree (see `wallet.credentials.clr_outline`)."""
        return clr_outline(self.parsed, self.report)

    def association_sentences(self) -> list[str]:
        """For a CLR: how its achievements relate, one sentence each."""
        return association_sentences(self.parsed)

    @property
    def hosted_url(self) -> str:
        """For a hosted Open Badges 2.0 badge: where the issuer publishes it ("" otherwise)."""
        return str(self.parsed.get("hostedUrl") or "")

    @property
    def for_someone_else(self) -> bool:
        """The last check found it was issued to someone else: kept, but not counted as the holder's."""
        return self.report is not None and self.report.outcome_of(CheckName.RECIPIENT.value) is Outcome.FAILED

    @property
    def recipient(self) -> str:
        subject = str(self.parsed.get("subject") or "")
        if self.for_someone_else:
            return (said(N_("Someone else ({value}), not you: kept, but not counted as yours. If it is you, add that "
                            "identifier in Your profile."), value=subject or said(N_("a hashed identity"))))
        if subject and subject == self.own_did:
            return said(N_("You (this wallet's ID)"))
        if self.report is not None and self.report.outcome_of(CheckName.RECIPIENT.value) is Outcome.PASSED:
            shown = subject if len(subject) <= 60 else subject[:59] + "…"
            return said(N_("You ({value}: one of the identifiers in Your profile)"),
                        value=shown or said(N_("a hashed identity")))
        if subject.startswith("did:"):
            return said(N_("{subject} (not this wallet's ID)"), subject=subject)
        algorithm, hashed, digest = subject.partition("$")
        if hashed and algorithm.lower() in ("sha256", "md5") and len(digest) > 12:
            return said(N_("An email address or other ID the issuer stored only as a fingerprint ({subject}…)"),
                subject=subject[:16])
        return subject

"""Checking a bundle as one report: the holder's proof (challenge, recipient, expiry), then each credential's own
checks (the usual verifier), then the learner's statement, marked as their own words.

The bundle's own key proves only who handed it over; it never vouches for an issuer. Keys and DID documents
are taken from the verifier's options alone, never from inside the bundle, so a bundle that carries a forged
issuer document cannot make a credential "verified".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from wallet.credentials import formats
from wallet.credentials.formats import Parsed, types_of
from wallet.credentials.limits import read_json
from wallet.credentials.presentation import check_holder_proof
from wallet.credentials.recipient import Holder, claims_of, matching_identifier
from wallet.credentials.report import Check, CheckName, ItemReport, Outcome, Status, clip, combined_status, said
from wallet.credentials.validity import parse_time
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError
from wallet.i18n import N_
from wallet.sharing.lerrs import is_lerrs

POSITION = "urn:ler-wallet:bundle-item:"


@dataclass(frozen=True)
class StatementSkill:
    """A skill the learner chose, with the names of the credentials in the bundle it points at."""

    name: str
    shown_by: tuple[str, ...]
    missing: tuple[str, ...] = ()
    """References to credentials the bundle does not carry."""


@dataclass(frozen=True)
class Statement:
    """The learner's own words from the LERRSCredential: who, for what, what they say, which skills."""

    person: str
    opportunity: str
    text: str
    contacts: tuple[str, ...]
    skills: tuple[StatementSkill, ...]
    report: ItemReport
    subject: dict[str, Any]
    """The Resume subject itself, for the PDF and the app (untrusted text: show it as plain text)."""

    def to_json(self) -> dict[str, Any]:
        return {"person": self.person, "opportunity": self.opportunity, "text": self.text,
                "contacts": list(self.contacts),
                "skills": [{"name": s.name, "shown_by": list(s.shown_by), "missing": list(s.missing)}
                           for s in self.skills],
                "report": self.report.to_json()}


@dataclass
class BundleReport:
    """One report for one bundle."""

    holder: str | None
    proof: Check
    challenge: str | None
    recipient: str | None
    expires: str | None
    checks: list[Check]
    """About the bundle as a whole: its proof, expiry, recipient, and how the statement fits the bundle."""
    items: list[ItemReport] = field(default_factory=list)
    """Each credential the bundle carries (the statement apart)."""
    statement: Statement | None = None

    @property
    def bundle_item(self) -> ItemReport:
        """The bundle itself as a report line (kind "bundle"): its status counts in the overall verdict."""
        return ItemReport("bundle", None, ["VerifiablePresentation"], self.holder, self.recipient,
                          "The bundle (holder's proof)", list(self.checks))

    @property
    def status(self) -> Status:
        reports = [self.bundle_item, *self.items]
        if self.statement is not None:
            reports.append(self.statement.report)
        return combined_status(reports)

    def to_json(self) -> dict[str, Any]:
        return {"status": str(self.status), "holder": self.holder, "challenge": self.challenge,
                "recipient": self.recipient, "expires": self.expires,
                "checks": [c.to_json() for c in self.checks], "items": [i.to_json() for i in self.items],
                "statement": self.statement.to_json() if self.statement else None}


def read_bundle(data: bytes) -> dict[str, Any] | None:
    """The presentation in `data` when it is one (a JSON VerifiablePresentation), else None."""
    text = data.lstrip()[:1]
    if text not in (b"{", b"\xef"):
        return None
    try:
        document = read_json(data, "The bundle")
    except CredentialFormatError:
        return None
    if isinstance(document, dict) and "VerifiablePresentation" in types_of(document):
        return document
    return None


def _proof(document: dict[str, Any]) -> dict[str, Any]:
    proof = document.get("proof")
    if isinstance(proof, list) and proof and isinstance(proof[0], dict):
        return proof[0]
    return proof if isinstance(proof, dict) else {}


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _expiry(expires: str | None, options: VerifyOptions) -> Check:
    if expires is None:
        return Check(CheckName.VALIDITY, Outcome.PASSED, said(N_("The bundle sets no expiry.")))
    moment = parse_time(expires)
    if moment is None:
        return Check(CheckName.VALIDITY, Outcome.FAILED, said(N_("The bundle's expiry {expires} is not a date-time."),
                                                              expires=clip(expires)))
    if moment <= options.now:
        return Check(CheckName.VALIDITY, Outcome.FAILED,
                     said(N_("The bundle expired on {moment} UTC; ask the learner for a new one."),
                          moment=f"{moment:%Y-%m-%d %H:%M}"))
    return Check(CheckName.VALIDITY, Outcome.PASSED, said(N_("The bundle is good until {moment} UTC."),
                                                          moment=f"{moment:%Y-%m-%d %H:%M}"))


def _refs(parsed: list[Parsed], statement: Parsed | None) -> dict[str, str]:
    """Each credential's reference (its id, or its place) → its name, as the statement points at them."""
    names: dict[str, str] = {}
    carried = [p for p in parsed if p is not statement]
    for number, item in enumerate(carried, start=1):
        name = _name(item)
        own = item.document.get("id")
        if isinstance(own, str) and own and not own.startswith("data:"):
            names.setdefault(own, name)
        names.setdefault(f"{POSITION}{number}", name)
    return names


def _name(item: Parsed) -> str:
    name = item.document.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    subject = item.document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if isinstance(achievement, dict) and isinstance(achievement.get("name"), str):
        return str(achievement["name"])
    return item.label


def _items(value: Any) -> list[Any]:
    """A JSON-LD value that may be absent, one item or a list (anything else: nothing)."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict | str) else []


def _statement(parsed: Parsed, report: ItemReport, names: dict[str, str]) -> Statement:
    subject = parsed.document.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    person = subject.get("person") if isinstance(subject.get("person"), dict) else {}
    narrative = subject.get("narrative")
    text = narrative.get("text") if isinstance(narrative, dict) else narrative
    skills = []
    for skill in _items(subject.get("skill")):
        if not isinstance(skill, dict):
            continue
        refs = [r for r in _items(skill.get("evidencedBy")) if isinstance(r, str)]
        skills.append(StatementSkill(_text(skill.get("name")) or "", tuple(names[r] for r in refs if r in names),
                                     tuple(r for r in refs if r not in names)))
    contacts = _items(person.get("contact")) if isinstance(person, dict) else []
    return Statement(
        _text(person.get("formattedName")) or "" if isinstance(person, dict) else "",
        _text(subject.get("opportunity")) or "", _text(text) or "",
        tuple(c for c in contacts if isinstance(c, str)),
        tuple(skills), report, subject)


def check_bundle(
    data: bytes | dict[str, Any],
    options: VerifyOptions,
    *,
    expected_challenge: str | None = None,
    expected_domain: str | None = None,
) -> BundleReport:
    """The report for one bundle. A bad bundle is a report, never an exception; an unreadable one raises
    CredentialFormatError. `expected_challenge` / `expected_domain` are what a verifier asked for, when it did."""
    document = data if isinstance(data, dict) else read_bundle(data)
    if document is None:
        raise CredentialFormatError("This is not a bundle: a bundle is a JSON Verifiable Presentation.")
    parsed = formats.parse(json.dumps(document, ensure_ascii=False).encode("utf-8"))
    expected_challenge = options.challenge if expected_challenge is None else expected_challenge
    expected_domain = options.domain if expected_domain is None else expected_domain
    verifier = Verifier(replace(options, challenge=None, domain=None))  # the bundle answers for its items, once
    proof = _proof(document)
    holder = document.get("holder")
    holder = holder.get("id") if isinstance(holder, dict) else holder
    report = BundleReport(_text(holder), check_holder_proof(document, options.resolver), _text(proof.get("challenge")),
                          _text(proof.get("domain")), _text(proof.get("expires")), [])
    report.checks.append(Check(CheckName.SIGNATURE, report.proof.outcome, report.proof.message))
    report.checks.append(_expiry(report.expires, options))
    report.checks.extend(_asked_for(report, expected_challenge, expected_domain))
    statement_item = next((p for p in parsed if is_lerrs(p.document)), None)
    names = _refs(parsed, statement_item)
    for item in parsed:
        item.presentation = None  # the holder's proof is checked once, above, not again for every credential
        checked = verifier.verify(item)
        checked.presentation = report.proof
        if options.holder is None and report.holder and report.proof.outcome is Outcome.PASSED:
            checked.checks = [_recipient(item.document, report.holder) if c.check is CheckName.RECIPIENT else c
                              for c in checked.checks]
        if item is statement_item:
            report.statement = _statement(item, checked, names)
        else:
            report.items.append(checked)
    report.checks.extend(_statement_fits(report))
    return report


def _recipient(document: dict[str, Any], holder: str) -> Check:
    """Without a wallet, a credential in a bundle is compared with the holder who proved they handed it over."""
    claims = claims_of(document)
    if not claims:
        return Check(CheckName.RECIPIENT, Outcome.WARNING, said(N_("It does not say who it was issued to, so it "
                                                                   "cannot be tied to the holder who presented it.")))
    if matching_identifier(claims, Holder(holder)) is not None:
        return Check(CheckName.RECIPIENT, Outcome.PASSED,
                     said(N_("Issued to the holder who presented the bundle ({holder})."), holder=clip(holder, 60)))
    plain = [c.value for c in claims if not c.hashed]
    who = clip(plain[0], 60) if plain else "a hashed identity"
    return Check(CheckName.RECIPIENT, Outcome.WARNING,
                 said(N_("Issued to {who}, not to the presenting holder's {holder}; the bundle proves only that "
                         "identifier, so ask the learner whether the other one is theirs too."),
                      who=who, holder=clip(holder, 60)))


def _asked_for(report: BundleReport, challenge: str | None, domain: str | None) -> list[Check]:
    checks = []
    if challenge is not None and report.challenge != challenge:
        checks.append(Check(CheckName.PRESENTATION, Outcome.FAILED,
                            said(N_("The bundle answers the challenge {said}, not the one asked for ({asked}): it may "
                                    "be a copy made for someone else."),
                                 said=clip(report.challenge or "none"), asked=clip(challenge))))
    if domain is not None and report.recipient != domain:
        checks.append(Check(CheckName.PRESENTATION, Outcome.FAILED,
                            said(N_("The bundle was made for {said}, not for {asked}."),
                                 said=clip(report.recipient or "no one in particular"), asked=clip(domain))))
    return checks


def _statement_fits(report: BundleReport) -> list[Check]:
    """The statement must be the holder's and point only at credentials the bundle carries."""
    statement = report.statement
    if statement is None:
        return [Check(CheckName.FORMAT, Outcome.WARNING,
                      said(N_("The bundle carries no résumé statement (LERRSCredential) from the learner.")))]
    checks = []
    if report.holder and statement.report.issuer != report.holder:
        checks.append(Check(CheckName.FORMAT, Outcome.FAILED,
                            said(N_("The résumé statement was signed by {signer}, not by the holder who handed the "
                                    "bundle over."), signer=clip(statement.report.issuer or "no one"))))
    missing = sorted({m for s in statement.skills for m in s.missing})
    if missing:
        checks.append(Check(CheckName.FORMAT, Outcome.WARNING,
                            said(N_("The statement points at {count} credential(s) the bundle does not carry "
                                    "({first})."), count=len(missing), first=clip(missing[0]))))
    return checks

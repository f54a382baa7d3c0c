"""Issued to you? The credential's subject compared with the wallet's holder.

A credential names its recipient in one of these ways, each read here:

- VC / OB 3.0 / CLR 2.0: `credentialSubject.id` (a DID, a URL, `mailto:`…);
- OB 3.0 / CLR 2.0: `credentialSubject.identifier`, a list of `IdentityObject`s whose `identityHash` is the
  plain identifier, or, when `hashed` is true, "sha256$" + hex(sha256(identifier + salt));
- OB 2.0: `recipient` {type, identity, hashed, salt}, hashed the same way (OB 1.0 also "md5$");
- OB 1.0: `recipient` as a bare string with a top-level `salt`.

The holder is the wallet's own did:key plus the identifiers the learner added (an email, a DID from another
wallet…). The answer is one `recipient` check: passed (it names you), warning (it names nobody, or only in a
way that cannot be checked), failed (it names someone else) or not checked (no holder: `verify` with no wallet).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from wallet.credentials.formats import as_list, types_of
from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.i18n import N_

HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512, "sha384": hashlib.sha384}
LEGACY_HASHES = {"md5"}
"""Open Badges 1.0 allowed md5; it is read to recognise old badges, never to protect anything."""
MAX_CLAIMS = 50


@dataclass(frozen=True)
class Holder:
    """Who the wallet belongs to: its own DID first, then the other identifiers the learner added."""

    did: str
    others: tuple[str, ...] = ()

    @property
    def identifiers(self) -> tuple[str, ...]:
        return (self.did, *self.others)


@dataclass(frozen=True)
class Claim:
    """One way a credential names its recipient."""

    value: str
    """The identifier, or "alg$hexdigest" when hashed."""
    hashed: bool = False
    salt: str = ""


def claims_of(document: dict[str, Any]) -> list[Claim]:
    """Every recipient identifier the credential states, plain or hashed (at most MAX_CLAIMS)."""
    found: list[Claim] = []
    for subject in as_list(document.get("credentialSubject")):
        if not isinstance(subject, dict):
            continue
        if isinstance(subject.get("id"), str) and subject["id"].strip():
            found.append(Claim(subject["id"].strip()))
        for identity in as_list(subject.get("identifier")):
            if isinstance(identity, dict):
                found.extend(_identity_claim(identity, "identityHash"))
    recipient = document.get("recipient")
    if isinstance(recipient, dict):
        found.extend(_identity_claim(recipient, "identity"))
    elif isinstance(recipient, str) and recipient.strip():  # OB 1.0: a bare email or hash, the salt beside it
        value = recipient.strip()
        salt = document.get("salt")
        found.append(Claim(value, _looks_hashed(value), salt if isinstance(salt, str) else ""))
    return found[:MAX_CLAIMS]


def _identity_claim(identity: dict[str, Any], key: str) -> list[Claim]:
    value = identity.get(key)
    if not isinstance(value, str) or not value.strip():
        return []
    hashed = identity.get("hashed")
    salt = identity.get("salt")
    is_hashed = hashed is True or (hashed is None and _looks_hashed(value.strip()))
    return [Claim(value.strip(), is_hashed, salt if isinstance(salt, str) else "")]


def _looks_hashed(value: str) -> bool:
    algorithm, dollar, digest = value.partition("$")
    return bool(dollar) and algorithm.lower() in {*HASHES, *LEGACY_HASHES} and _is_hex(digest)


def _is_hex(text: str) -> bool:
    return bool(text) and all(c in "0123456789abcdefABCDEF" for c in text)


def _spellings(identifier: str) -> list[str]:
    """The ways an identifier may be written: an email bare, lower-cased and as a mailto: URL."""
    text = identifier.strip()
    bare = text[len("mailto:"):] if text.lower().startswith("mailto:") else text
    if "@" in bare and ":" not in bare:
        return list(dict.fromkeys([bare, bare.lower(), f"mailto:{bare}", f"mailto:{bare.lower()}"]))
    return [text]


def _plain_match(value: str, identifier: str) -> bool:
    wanted = {s.lower() if "@" in s else s for s in _spellings(identifier)}
    candidate = value.lower() if "@" in value else value
    if candidate in wanted:
        return True
    # A DID URL of the holder's DID (did:key:z6Mk…#z6Mk…) names the holder too.
    return identifier.startswith("did:") and value.startswith(identifier + "#")


def hashed_identity(identifier: str, salt: str, algorithm: str = "sha256") -> str:
    """"alg$hexdigest" of identifier + salt, as Open Badges writes a hashed recipient."""
    digest = hashlib.new(algorithm, (identifier + salt).encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{algorithm}${digest}"


def _hash_match(claim: Claim, identifier: str) -> bool:
    algorithm, _unused, digest = claim.value.partition("$")
    algorithm = algorithm.lower()
    if algorithm not in HASHES and algorithm not in LEGACY_HASHES:
        return False
    for spelling in _spellings(identifier):
        if hashed_identity(spelling, claim.salt, algorithm).partition("$")[2] == digest.lower():
            return True
    return False


def _checkable(claim: Claim) -> bool:
    if not claim.hashed:
        return True
    algorithm, dollar, digest = claim.value.partition("$")
    return bool(dollar) and algorithm.lower() in {*HASHES, *LEGACY_HASHES} and _is_hex(digest)


def matching_identifier(claims: list[Claim], holder: Holder) -> str | None:
    """The holder's identifier one of the claims names, if any."""
    for identifier in holder.identifiers:
        for claim in claims:
            if claim.hashed and _checkable(claim) and _hash_match(claim, identifier):
                return identifier
            if not claim.hashed and _plain_match(claim.value, identifier):
                return identifier
    return None


def check_recipient(document: dict[str, Any], holder: Holder | None) -> Check:
    """The `recipient` check for one credential."""
    if "EndorsementCredential" in types_of(document):
        return Check(CheckName.RECIPIENT, Outcome.NOT_CHECKED,
                     said(N_("An endorsement is about a record, not issued to a person, so it has no recipient to "
                             "compare.")))
    if holder is None:
        return Check(CheckName.RECIPIENT, Outcome.NOT_CHECKED,
                     said(N_("Not checked: without a wallet there is no holder to compare the recipient with.")))
    claims = claims_of(document)
    if not claims:
        return Check(CheckName.RECIPIENT, Outcome.WARNING,
                     said(N_("It does not say who it was issued to (its subject has no id), so it cannot be tied to "
                             "you.")))
    found = matching_identifier(claims, holder)
    if found is not None:
        plainly = any(not c.hashed and _plain_match(c.value, found) for c in claims)
        if found == holder.did:
            sentence = (said(N_("Issued to you: it names your wallet's own DID.")) if plainly else
                        said(N_("Issued to you: its hashed recipient matches your wallet's own DID.")))
        elif plainly:
            sentence = said(N_("Issued to you: it names {identifier}."), identifier=clip(found))
        else:
            sentence = said(N_("Issued to you: its hashed recipient matches {identifier}."), identifier=clip(found))
        return Check(CheckName.RECIPIENT, Outcome.PASSED, sentence)
    if not any(_checkable(c) for c in claims):
        return Check(CheckName.RECIPIENT, Outcome.WARNING,
                     said(N_("Its recipient is hashed in a way the wallet cannot check, so it cannot be tied to you.")))
    plain = [c.value for c in claims if not c.hashed]
    who = clip(plain[0], 60) if plain else said(N_("a hashed identity"))
    return Check(CheckName.RECIPIENT, Outcome.FAILED,
                 said(N_("Issued to someone else ({who}), not to you; if that is you too, add it to your profile."),
                     who=who))


def _same_person(claims: list[Claim], others: list[Claim]) -> str | None:
    """An identifier both lists name (plain in one and hashed or plain in the other), if any."""
    for these, those in ((claims, others), (others, claims)):
        plain = [c.value for c in those if not c.hashed]
        if plain:
            found = matching_identifier(these, Holder(plain[0], tuple(plain[1:])))
            if found is not None:
                return found
    hashed = {c.value for c in others if c.hashed}
    return next((c.value for c in claims if c.hashed and c.value in hashed), None)


def check_within_record(document: dict[str, Any], record: dict[str, Any], holder: Holder | None) -> Check:
    """The `recipient` check for a credential nested in a CLR: it must be about the learner the CLR is about (and,
    in a wallet, about the holder, as any credential). Genuine signatures on someone else's badges, wrapped in a
    record made for another person, are not that person's achievements."""
    claims, learner = claims_of(document), claims_of(record)
    if holder is not None:
        own = check_recipient(document, holder)
        if own.outcome is Outcome.PASSED or not claims or not learner:
            return own
        same = _same_person(claims, learner)  # e.g. a student number inside a CLR bound to the holder's DID
        if same is not None and check_recipient(record, holder).outcome is Outcome.PASSED:
            return Check(CheckName.RECIPIENT, Outcome.PASSED,
                         said(N_("Issued to the learner of the record it is part of ({who}), a record issued to "
                                 "you."), who=clip(same, 60)))
        return own
    if not learner:
        return Check(CheckName.RECIPIENT, Outcome.NOT_CHECKED,
                     said(N_("Not checked: the record it is part of does not say whom it is about.")))
    if not claims:
        return Check(CheckName.RECIPIENT, Outcome.WARNING,
                     said(N_("It does not say who it was issued to, so it cannot be tied to the learner of the "
                             "record it is part of.")))
    found = _same_person(claims, learner)
    if found is not None:
        return Check(CheckName.RECIPIENT, Outcome.PASSED,
                     said(N_("Issued to the learner of the record it is part of ({who})."), who=clip(found, 60)))
    plain = [c.value for c in claims if not c.hashed]
    who = clip(plain[0], 60) if plain else said(N_("a hashed identity"))
    return Check(CheckName.RECIPIENT, Outcome.WARNING,
                 said(N_("Issued to {who}, which is not how the record it is part of names its learner: it may be "
                         "someone else's achievement, so ask the learner whether that identifier is theirs too."),
                      who=who))

"""The verification engine: one report per credential, one check per question, never an exception for a bad credential.

Nothing here touches the network. What cannot be checked offline (a key, a status list, a hosted badge)
is reported as "not checked" with the reason, never as passed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from wallet.credentials import (
    datamodel,
    ecdsa_sd,
    family,
    jose,
    jwt_keys,
    recipient,
    schema,
    sdjwt,
    status,
    vcjwt_claims,
)
from wallet.credentials.binding import Binding, issuer_binding, ob2_issuer_binding
from wallet.credentials.dataintegrity import ProofResult, verify_all
from wallet.credentials.formats import Kind, Parsed, as_list, contexts_of, types_of
from wallet.credentials.jsonld_terms import term_findings
from wallet.credentials.jwt_presentation import check_holder_token
from wallet.credentials.keys import KeyMaterial, KeyResolver, KeySource
from wallet.credentials.presentation import check_holder_proof, unanswered
from wallet.credentials.proofset import ProofSetVerdict, assess
from wallet.credentials.report import Check, CheckName, ItemReport, Outcome, Said, clip, nested_line, said
from wallet.credentials.validity import check_validity, parse_time, utc_moment
from wallet.errors import CredentialFormatError, WalletError
from wallet.i18n import N_

VC_V1 = "https://www.w3.org/2018/credentials/v1"
CLOCK_SKEW = timedelta(minutes=5)
"""How far a signer's clock may run ahead before a proof made "in the future" is worth a warning."""
INTERNAL = "internal:"
"""Marks the sentence of an engine fault, so tests can assert no input ever reaches it."""


@dataclass
class VerifyOptions:
    """Everything verification may use: all of it local."""

    now: datetime
    resolver: KeyResolver = field(default_factory=KeyResolver)
    status_lists: dict[str, Any] = field(default_factory=dict)
    """Status list credentials and revocation lists at hand, by URL."""
    trusted_issuers: dict[str, str] = field(default_factory=dict)
    """Issuer id → name, from the learner's or navigator's list."""
    own_dids: frozenset[str] = frozenset()
    """The wallet's own DIDs: credentials they issue are self-asserted."""
    holder: recipient.Holder | None = None
    """The wallet's holder, for the `recipient` check; None (no wallet) reports it as not checked."""
    challenge: str | None = None
    """The challenge (nonce) a presentation must answer, when the verifier asked one."""
    domain: str | None = None
    """Whom a presentation must have been made for (its domain or audience), when the verifier says."""

    def __post_init__(self) -> None:
        self.now = utc_moment(self.now)  # every moment the verifier compares is aware UTC; naive is misuse


def issuer_of(document: dict[str, Any]) -> tuple[str | None, str | None]:
    """(issuer id, issuer name) of a credential or OB 2.0 assertion."""
    issuer = document.get("issuer")
    if issuer is None and isinstance(document.get("badge"), dict):
        issuer = document["badge"].get("issuer")
    if isinstance(issuer, str):
        return issuer, None
    if isinstance(issuer, dict):
        ident = issuer.get("id")
        name = issuer.get("name")
        return (ident if isinstance(ident, str) else None), (name if isinstance(name, str) else None)
    return None, None


def subject_of(document: dict[str, Any]) -> str | None:
    subject = document.get("credentialSubject")
    if isinstance(subject, list) and subject:
        subject = subject[0]
    if isinstance(subject, dict):
        for key in ("id", "name"):
            if isinstance(subject.get(key), str):
                return str(subject[key])
        identifier = subject.get("identifier")
        if isinstance(identifier, list) and identifier and isinstance(identifier[0], dict):
            return str(identifier[0].get("identityHash", "")) or None
    recipient = document.get("recipient")
    if isinstance(recipient, dict) and isinstance(recipient.get("identity"), str):
        return str(recipient["identity"])
    return None


def name_of(document: dict[str, Any]) -> str | None:
    if isinstance(document.get("name"), str):
        return str(document["name"])
    subject = document.get("credentialSubject")
    if isinstance(subject, dict):
        achievement = subject.get("achievement")
        if isinstance(achievement, dict) and isinstance(achievement.get("name"), str):
            return str(achievement["name"])
    badge = document.get("badge")
    if isinstance(badge, dict) and isinstance(badge.get("name"), str):
        return str(badge["name"])
    return None


class Verifier:
    """Verifies parsed credentials with the given offline material."""

    def __init__(self, options: VerifyOptions) -> None:
        self.options = options
        self._presentations: dict[int, tuple[dict[str, Any], Check]] = {}

    def _holder_proof(self, document: dict[str, Any], token: jose.Jws | None = None) -> Check:
        """A presentation's holder proof (its Data Integrity proof, or the signature of its JWT), checked once
        however many credentials it carries."""
        known = self._presentations.get(id(document))
        if known is None or known[0] is not document:
            resolver, now = self.options.resolver, self.options.now
            check = check_holder_proof(document, resolver) if token is None else check_holder_token(
                token, document, resolver, now)
            known = (document, check)
            self._presentations[id(document)] = known
        return known[1]

    def verify(self, parsed: Parsed) -> ItemReport:
        """The report for one credential. A bad credential never raises; an unexpected fault in the engine
        becomes a failed check naming it (tests assert it never happens), so one odd file cannot stop a batch."""
        try:
            return self._verify(parsed)
        except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError) as exc:
            report = ItemReport(parsed.kind.value, None, types_of(parsed.document), None, None, None)
            report.add(CheckName.FORMAT, Outcome.FAILED,
                       said(N_("The credential could not be checked: it has a field of an unexpected shape "
                               "({internal} {name})."), internal=INTERNAL, name=type(exc).__name__))
            return report

    def _verify(self, parsed: Parsed) -> ItemReport:
        document = parsed.document
        issuer_id, _unused = issuer_of(document)
        report = ItemReport(
            kind=parsed.kind.value,
            id=document.get("id") if isinstance(document.get("id"), str) else None,
            type=types_of(document),
            issuer=issuer_id,
            subject=subject_of(document),
            name=name_of(document),
        )
        unchecked = family.offline_reason(parsed.family, document)
        try:
            if unchecked is not None:
                report.add(CheckName.SIGNATURE, Outcome.NOT_CHECKED, unchecked)
                report.add(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED,
                           said(N_("No key was looked at: the signature was not checked.")))
            elif parsed.kind is Kind.OB2:
                self._verify_ob2(parsed, report)
            elif parsed.jws is not None:
                self._verify_jwt(parsed, report)
            else:
                self._verify_data_integrity(parsed, report)
        except CredentialFormatError as exc:  # defensive: a malformed part becomes a failed check
            report.add(CheckName.FORMAT, Outcome.FAILED, exc.message)
        claims = parsed.jws.payload_json() if parsed.jws is not None and parsed.kind is not Kind.OB2 else None
        report.checks.append(check_validity(document, self.options.now, claims if isinstance(claims, dict) else None))
        if parsed.kind is not Kind.OB2:
            report.checks.extend(self._status(document, issuer_id))
            report.checks = _selective_copy(report.checks, document)
        if parsed.kind is Kind.OB2 and ("@context" not in document or parsed.family == family.OPEN_BADGES_1):
            report.add(CheckName.SCHEMA, Outcome.WARNING,
                       said(N_("This is an Open Badges 1.x badge, older than 2.0; its layout was not checked.")))
        elif parsed.family == family.BLOCKCERTS_2:
            report.add(CheckName.SCHEMA, Outcome.WARNING, said(N_("This is a Blockcerts v2 certificate; its "
                                                                  "verification section follows Blockcerts, so its "
                                                                  "Open Badges 2.0 layout was not checked.")))
        elif parsed.sd_jwt is not None and "@context" not in parsed.sd_jwt.claims:
            report.add(CheckName.SCHEMA, Outcome.WARNING, said(N_("This is an IETF SD-JWT VC, not a W3C Verifiable "
                                                                  "Credential, so its layout was not checked against "
                                                                  "the W3C data model.")))
        else:
            report.checks.append(schema.check_schema(document, parsed.kind.value))
        terms = term_findings(document) if parsed.kind is not Kind.OB2 and parsed.jws is None else None
        if terms is not None:  # JSON-LD forms; a JWT's claims are jose's
            report.checks.append(datamodel.check_data_model(document, terms))
        report.checks.append(self._trust(report.issuer, document, report.checks))
        if parsed.within is None:
            report.checks.append(recipient.check_recipient(document, self.options.holder))
        else:  # inside a CLR: about the CLR's learner (who is the holder, when there is one)
            report.checks.append(recipient.check_within_record(document, parsed.within, self.options.holder))
        if terms is not None:
            report.checks = _unread(report.checks, terms.hidden)
        if parsed.presentation is not None:
            holder_proof = self._holder_proof(parsed.presentation, parsed.presentation_token)
            report.presentation = holder_proof if parsed.presentation_token is not None else (  # JSON-LD form only
                datamodel.presentation_line(holder_proof, parsed.presentation))
        elif parsed.sd_jwt is not None:
            report.presentation = sdjwt.key_binding_check(parsed.sd_jwt, self.options.now)
        if parsed.presentation is not None or parsed.sd_jwt is not None:
            failed = unanswered(_answered(parsed), self.options.challenge, self.options.domain)
            if failed is not None:  # asked for by the verifier, so part of the verdict (as for a bundle)
                report.checks.append(failed)
                report.presentation = failed
        if parsed.nested:
            report.children = [self.verify(child) for child in parsed.nested]
            report.checks.append(_nested_check(report.children))
        return report

    # --- signatures -------------------------------------------------------------------------------------------

    def _verify_data_integrity(self, parsed: Parsed, report: ItemReport) -> None:
        document = parsed.document
        if VC_V1 in contexts_of(document) and parsed.kind in (Kind.OB3, Kind.CLR, Kind.ENDORSEMENT):
            report.add(
                CheckName.FORMAT,
                Outcome.WARNING,
                said(N_("It uses the older VC 1.1 data model; current Open Badges and CLR use VC 2.0.")),
            )
        if "proof" not in document:
            report.add(
                CheckName.SIGNATURE, Outcome.FAILED, said(N_("It has no signature (no proof), so anyone could have "
                                                             "written it."))
            )
            report.add(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, said(N_("There is no signature, so there is no key "
                                                                          "to check.")))
            return
        verdict = self._proofs(document, report.issuer)
        report.checks.extend(verdict.checks)
        proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
        made = [parse_time(p.get("created")) for p in proofs if isinstance(p, dict)]
        future = [moment for moment in made if moment is not None and moment > self.options.now + CLOCK_SKEW]
        if future:
            report.add(CheckName.SIGNATURE, Outcome.WARNING,
                       said(N_("The signature says it was made on {created}, which is still to come: the signer's "
                               "clock was wrong, or the date is not true."), created=min(future)))

    def _binder(self, issuer_id: str | None) -> Callable[[KeyMaterial], Binding]:
        documents = self.options.resolver.documents
        return lambda key: issuer_binding(issuer_id, key, documents)

    def _proofs(self, document: dict[str, Any], issuer_id: str | None) -> ProofSetVerdict:
        """Every proof of a Data Integrity document, read as a set: the issuer must have made one of them."""
        return assess(verify_all(document, self.options.resolver), self._binder(issuer_id))

    def _verify_jws_set(self, parsed: Parsed, report: ItemReport) -> None:
        """A JWS JSON token signed several times: every signature checked and shown, the issuer must make one."""
        payload = parsed.signatures[0].payload_json()
        iss = payload.get("iss") if isinstance(payload, dict) else None
        report.checks.extend(vcjwt_claims.claim_checks(parsed.signatures[0].header, payload))
        if isinstance(iss, str) and report.issuer and iss != report.issuer:
            report.add(CheckName.ISSUER_KEY, Outcome.FAILED,
                       said(N_("The token was issued by {iss}, but the credential names {issuer} as its issuer."),
                           iss=clip(iss), issuer=clip(report.issuer)))
        results = []
        for jws in parsed.signatures:
            kid = jws.header.get("kid")
            proof = {"verificationMethod": kid if isinstance(kid, str) else "an unnamed key"}
            try:
                jose.refuse_unimplemented_alg(jws.alg)
                key = jwt_keys.find_key(self.options.resolver, kid, iss)
                if key is None:
                    results.append(ProofResult(proof, jws.alg, None, said(N_("Not checked: its key is not available "
                                                                             "offline."))))
                    continue
                good = jose.verify_jws(jws, _public_key(key))
            except jose.UnsupportedAlgorithmError as exc:
                results.append(ProofResult(proof, jws.alg, None, exc.message))
                continue
            except WalletError as exc:
                results.append(ProofResult(proof, jws.alg, False, exc.message))
                continue
            message = said(N_("The {alg} signature is valid."),
                alg=jws.alg) if good else said(N_("The signature does not match the token."))
            results.append(ProofResult(proof, jws.alg, good, message, key))
        report.checks.extend(assess(results, self._binder(report.issuer)).checks)

    def _verify_jwt(self, parsed: Parsed, report: ItemReport) -> None:
        if len(parsed.signatures) > 1:
            self._verify_jws_set(parsed, report)
            return
        jws = parsed.jws
        assert jws is not None
        header = jws.header
        kid = header.get("kid")
        key: KeyMaterial | None = None
        public: jose.PublicKey | None = None
        payload = jws.payload_json()
        iss = payload.get("iss") if isinstance(payload, dict) else None
        if parsed.sd_jwt is not None:
            report.checks.extend(sdjwt.checks(parsed.sd_jwt, self.options.now))
        else:
            report.checks.extend(vcjwt_claims.claim_checks(header, payload))
        try:
            jose.refuse_unimplemented_alg(header.get("alg"))
            key = jwt_keys.find_key(self.options.resolver, kid, iss)
            embedded = jose.embedded_header_key(jws)
            if key is not None and (key.source is not KeySource.LINK_FRAGMENT or embedded is None):
                public = _public_key(key)
            elif embedded is not None:
                public = embedded
                key = self._embedded_key(embedded, kid, report.issuer)
            if public is None:
                report.add(
                    CheckName.SIGNATURE, Outcome.NOT_CHECKED, said(N_("Not checked: the issuer's key is not "
                                                                      "available offline."))
                )
                report.add(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, said(N_("The issuer's key is not available "
                                                                              "offline.")))
                return
            good = jose.verify_jws(jws, public)
        except jose.UnsupportedAlgorithmError as exc:
            report.add(CheckName.SIGNATURE, Outcome.NOT_CHECKED, exc.message)
            report.add(
                CheckName.ISSUER_KEY,
                Outcome.NOT_CHECKED,
                said(N_("The signature could not be checked, so neither could its key.")),
            )
            return
        except WalletError as exc:
            report.add(CheckName.SIGNATURE, Outcome.FAILED, exc.message)
            report.add(
                CheckName.ISSUER_KEY,
                Outcome.NOT_CHECKED,
                said(N_("The signature could not be checked, so neither could its key.")),
            )
            return
        if not good:
            report.add(
                CheckName.SIGNATURE,
                Outcome.FAILED,
                said(N_("The signature does not match: the token was changed after it was signed.")),
            )
        else:
            report.add(CheckName.SIGNATURE, Outcome.PASSED, said(N_("The {alg} token signature is valid."),
                alg=header.get('alg')))
        if isinstance(iss, str) and report.issuer and iss != report.issuer:
            report.add(
                CheckName.ISSUER_KEY,
                Outcome.FAILED,
                said(N_("The token was issued by {iss}, but the credential names {issuer} as its issuer."),
                    iss=clip(iss), issuer=clip(report.issuer)),
            )
            return
        if key is None:
            report.add(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, said(N_("The issuer's key is not available "
                                                                          "offline.")))
            return
        bound, message = self._binder(report.issuer)(key)
        report.add(CheckName.ISSUER_KEY, _bound_outcome(bound), message)

    def _embedded_key(self, embedded: jose.PublicKey, kid: Any, issuer_id: str | None) -> KeyMaterial:
        """A key in the token header proves nothing about who made it, unless the issuer is that very did:jwk."""
        method = {"publicKeyJwk": embedded.jwk()}
        if issuer_id and issuer_id.startswith("did:jwk:"):
            issuer_key = self.options.resolver.resolve(issuer_id + "#0")
            jwk = issuer_key.jwk() if issuer_key else None
            if jwk is not None and jose.key_from_jwk(jwk).thumbprint() == embedded.thumbprint():
                return KeyMaterial(issuer_id + "#0", issuer_id, method, KeySource.DID_JWK)
        return KeyMaterial(str(kid or "the key in the token's header"), None, method, KeySource.LINK_FRAGMENT)

    def _verify_ob2(self, parsed: Parsed, report: ItemReport) -> None:
        document = parsed.document
        found = document.get("verification")
        verification: dict[str, Any] = found if isinstance(found, dict) else {}
        if parsed.jws is None and str(verification.get("type", "")).lower() in ("signed", "signedbadge"):
            _not_checked(report,  # a signed OB 2.0 badge travels as its JWS; the JSON alone carries no signature
                         said(N_("It says it is a signed badge, but the file holds only the badge's text, not the "
                                 "signed token (JWS) it travels in, so there is no signature to check.")),
                         said(N_("There is no signature, so there is no key to check.")))
            return
        if parsed.jws is None:
            _not_checked(report, said(N_("This is a hosted {label} badge: it is checked by visiting the issuer's "
                                         "website, which cannot be done offline."), label=parsed.label),
                         said(N_("Hosted badges have no key to check offline.")))
            return
        creator = verification.get("creator")
        key = self.options.resolver.resolve(creator) if isinstance(creator, str) else None
        if key is None:
            _not_checked(report, said(N_("Not checked: the issuer's public key (its CryptographicKey document) is not "
                                         "available offline.")),
                         said(N_("The issuer's key is not available offline.")))
            return
        try:
            good = jose.verify_jws(parsed.jws, _public_key(key))
        except WalletError as exc:
            report.add(CheckName.SIGNATURE, Outcome.FAILED, exc.message)
            return
        report.add(
            CheckName.SIGNATURE,
            Outcome.PASSED if good else Outcome.FAILED,
            said(N_("The signed assertion's signature is valid."))
            if good
            else said(N_("The signature does not match: the badge was changed after it was signed.")),
        )
        badge = document.get("badge")
        badge_doc = badge if isinstance(badge, dict) else self.options.resolver.documents.get(str(badge))
        issuer = badge_doc.get("issuer") if isinstance(badge_doc, dict) else None
        issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
        if not isinstance(issuer_id, str):
            report.add(
                CheckName.ISSUER_KEY,
                Outcome.NOT_CHECKED,
                said(N_("The badge's issuer is described on the web; without its BadgeClass the key's owner cannot "
                        "be checked.")),
            )
        else:
            bound, message = ob2_issuer_binding(issuer_id, key, self.options.resolver.documents)
            if bound:
                report.issuer = issuer_id
            report.add(CheckName.ISSUER_KEY, _bound_outcome(bound), message)
        profile = issuer if isinstance(issuer, dict) else self.options.resolver.documents.get(str(issuer))
        revocation = self._ob2_revocation_list(profile if isinstance(profile, dict) else None)
        if revocation is not None or (isinstance(profile, dict) and profile.get("revocationList")):
            report.checks.append(status.check_ob2_revocation(str(document.get("id", "")), revocation))

    def _ob2_revocation_list(self, issuer: dict[str, Any] | None) -> dict[str, Any] | None:
        if not issuer:
            return None
        url = issuer.get("revocationList")
        found = self.options.status_lists.get(str(url)) if url else None
        return found if isinstance(found, dict) else None

    # --- other checks -----------------------------------------------------------------------------------------

    def _status(self, document: dict[str, Any], issuer_id: str | None) -> list[Check]:
        def source(url: str) -> Any | None:
            return self.options.status_lists.get(url)

        def verify_list(list_doc: dict[str, Any]) -> status.ListVerdict:
            if "proof" not in list_doc:
                return status.ListVerdict(False, said(N_("The status list has no signature, so anyone could have "
                                                         "written it.")))
            verdict = self._proofs(list_doc, issuer_of(list_doc)[0])
            sub = ItemReport("status list", None, [], None, None, None, verdict.checks)
            signature, key = sub.outcome_of(CheckName.SIGNATURE), sub.outcome_of(CheckName.ISSUER_KEY)
            if signature is Outcome.PASSED and key is Outcome.PASSED:
                return status.ListVerdict(True, said(N_("The status list's signature is valid.")))
            reasons = [c.message for c in verdict.checks if c.outcome is not Outcome.PASSED]
            reason = reasons[0] if reasons else said(N_("The status list's signature could not be checked."))
            return status.ListVerdict(False, reason, verdict.signer if signature is Outcome.PASSED else None)

        return status.check_status(document, source, verify_list, issuer_id=issuer_id, now=self.options.now)

    def _trust(self, issuer_id: str | None, document: dict[str, Any], checks: list[Check]) -> Check:
        """Is the issuer on the learner's list? Only a credential the issuer provably signed can say yes."""
        if issuer_id and issuer_id in self.options.own_dids:
            return Check(CheckName.TRUSTED_ISSUER, Outcome.WARNING, said(N_("Self-asserted: you issued this "
                                                                            "yourself.")))
        if issuer_id and issuer_id in self.options.trusted_issuers:
            trusted_name = clip(self.options.trusted_issuers[issuer_id] or issuer_id)
            proven = [c for c in checks if c.check in (CheckName.SIGNATURE, CheckName.ISSUER_KEY)]
            if not proven or any(c.outcome is not Outcome.PASSED for c in proven):
                return Check(
                    CheckName.TRUSTED_ISSUER,
                    Outcome.NOT_CHECKED,
                    said(N_("It names {trusted_name}, who is on your list of trusted issuers, but its signature does "
                            "not prove that they issued it."), trusted_name=trusted_name),
                )
            return Check(CheckName.TRUSTED_ISSUER, Outcome.PASSED,
                         said(N_("{trusted_name} is on your list of trusted issuers."), trusted_name=trusted_name))
        _unused, name = issuer_of(document)
        if not (name or issuer_id):
            return Check(CheckName.TRUSTED_ISSUER, Outcome.WARNING,
                         said(N_("The issuer is not on your list of trusted issuers.")))
        who = clip(name or issuer_id)
        return Check(CheckName.TRUSTED_ISSUER, Outcome.WARNING, said(N_("{who} is not on your list of trusted "
                                                                        "issuers."), who=who))




_READS = {CheckName.VALIDITY: ("validFrom", "validUntil", "issuanceDate", "expirationDate"),
          CheckName.STATUS: ("credentialStatus",), CheckName.RECIPIENT: ("credentialSubject",),
          CheckName.ISSUER_KEY: ("issuer",), CheckName.TRUSTED_ISSUER: ("issuer",)}
"""The signed terms each check reads from the credential's plain JSON."""


def _selective_copy(checks: list[Check], document: dict[str, Any]) -> list[Check]:
    """A copy with a derived ecdsa-sd-2023 proof shows only what its holder chose: the issuer decides what must be
    shown, and the W3C test vectors make neither the end date nor the status mandatory. So a copy without them
    says so, instead of "no end date" and "no revocation list", which only the whole credential could tell."""
    proofs = document.get("proof")
    if not any(isinstance(p, dict) and p.get("cryptosuite") == ecdsa_sd.SUITE
               and not ecdsa_sd.is_base_proof(p.get("proofValue")) for p in as_list(proofs)):
        return checks
    no_end = not any(name in document for name in ("validUntil", "expirationDate"))
    no_status = "credentialStatus" not in document
    out = []
    for check in checks:
        start = check.message.values.get("start") if isinstance(check.message, Said) else None
        if check.outcome is Outcome.PASSED and check.check is CheckName.VALIDITY and no_end and start is not None:
            check = Check(check.check, Outcome.WARNING,
                          said(N_("Valid since {start}. This copy shows only the parts its holder chose, and no end "
                                  "date is among them: if the issuer gave one, it was not checked."), start=start))
        elif check.outcome is Outcome.PASSED and check.check is CheckName.STATUS and no_status:
            check = Check(check.check, Outcome.NOT_CHECKED,
                          said(N_("Not checked: this copy shows only the parts its holder chose, and no status is "
                                  "among them; if the issuer gave one, whether it was revoked was not checked.")))
        out.append(check)
    return out


def _unread(checks: list[Check], hidden: tuple[str, ...]) -> list[Check]:
    """A check that passed without seeing a term the signature covers (written where it does not look) did not
    check it: it becomes "not checked", so no line ticks an expired, revoked or someone else's credential."""
    if not hidden:
        return checks
    out = []
    for check in checks:
        missed = [term for term in _READS.get(check.check, ()) if term in hidden]
        if missed and check.outcome in (Outcome.PASSED, Outcome.WARNING):
            check = Check(check.check, Outcome.NOT_CHECKED,
                          said(N_("Not checked: the credential writes {terms} where this check does not read it "
                                  "(see the data model line)."), terms=", ".join(missed)))
        out.append(check)
    return out


def _not_checked(report: ItemReport, signature: str, key: str) -> None:
    """The signature and issuer-key lines of a credential whose signature could not be looked at, and why."""
    report.add(CheckName.SIGNATURE, Outcome.NOT_CHECKED, signature)
    report.add(CheckName.ISSUER_KEY, Outcome.NOT_CHECKED, key)


def _answered(parsed: Parsed) -> tuple[Any, Any]:
    """The (challenge, domain) a presentation's holder proof signed: a Data Integrity proof's `challenge` and
    `domain`, a presentation token's or SD-JWT key binding's `nonce` and `aud`; (None, None) without one."""
    if parsed.presentation_token is not None or (parsed.sd_jwt is not None and parsed.presentation is None):
        token = parsed.presentation_token or (parsed.sd_jwt.key_binding if parsed.sd_jwt is not None else None)
        try:
            claims = token.payload_json() if token is not None else None
        except WalletError:
            claims = None
        return (claims.get("nonce"), claims.get("aud")) if isinstance(claims, dict) else (None, None)
    proof = parsed.presentation.get("proof") if parsed.presentation is not None else None
    first = proof[0] if isinstance(proof, list) and proof else proof
    return (first.get("challenge"), first.get("domain")) if isinstance(first, dict) else (None, None)


def _public_key(key: KeyMaterial) -> jose.PublicKey:
    return jwt_keys.public_key_of(key)


def _bound_outcome(bound: bool | None) -> Outcome:
    return Outcome.NOT_CHECKED if bound is None else Outcome.PASSED if bound else Outcome.FAILED


def _nested_check(children: Iterable[ItemReport]) -> Check:
    return nested_line([(c.status, c.outcome_of(CheckName.RECIPIENT)) for c in children])

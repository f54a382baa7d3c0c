"""What a credential token's header and registered claims say, beside the credential it carries.

Two shapes of token exist in the wild:

* VC-JWT as VC Data Model 1.1 defines it: the credential sits in the `vc` claim and the JWT's own `iss`, `sub`,
  `jti`, `nbf` and `exp` stand for its issuer, credentialSubject.id, id, issuanceDate and expirationDate. Where the
  two disagree, the token's claims are what the signature binds to a key, so they win for trust (a placeholder
  `vc.issuer` must not make a genuine token fail issuer binding) and the report says what differed. Dates are the
  exception: both the token's window and the credential's own dates are checked, so the stricter one holds.
* VC-JOSE-COSE (VC 2.0): the payload is the credential itself; the `vc` and `vp` claims must not appear, and `iss`,
  when present, must be the credential's issuer (checked by the verifier's issuer-key line).

Media types (the `typ` and `cty` header parameters) are compared without an `application/` prefix and without
case, as RFC 7515 section 4.1.9 allows; a token that says it is something else is reported as failed.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.credentials.validity import numeric_date, parse_time
from wallet.i18n import N_

CREDENTIAL_TYPS = frozenset({"jwt", "vc+jwt", "vc-ld+jwt", "vc+ld+jwt", "vc+ld+json", "vc+cose"})
"""`typ` values a credential token may carry (VC-JWT 1.1 used "JWT"; VC-JOSE-COSE drafts used the others;
`vc+cose` is the COSE_Sign1 form read by `cose`)."""

PRESENTATION_TYPS = frozenset({"jwt", "vp+jwt", "vp-ld+jwt", "vp+ld+jwt", "vp+ld+json", "vp+cose"})
"""`typ` values a presentation token may carry."""

SD_JWT_TYPS = frozenset({"vc+sd-jwt", "dc+sd-jwt", "example+sd-jwt"})
"""`typ` values of an SD-JWT credential (VC-JOSE-COSE `vc+sd-jwt`, IETF SD-JWT VC `dc+sd-jwt`, and its example)."""

SD_JWT_PRESENTATION_TYPS = frozenset({"vp+sd-jwt"})

CREDENTIAL_CTYS = frozenset({"vc", "vc+ld+json", "vc-ld+json", "credential-claims-set+json", "json"})
PRESENTATION_CTYS = frozenset({"vp", "vp+ld+json", "vp-ld+json", "presentation-claims-set+json", "json"})

_CLAIM_FIELDS = (("jti", "id", "id"), ("nbf", "issuanceDate", "start date"), ("exp", "expirationDate", "end date"))


def media_type(value: object) -> str | None:
    """A `typ`/`cty` value as compared: lower case, without "application/"; None when absent or not text."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    return text[len("application/") :] if text.startswith("application/") else text


def check_media_types(header: Mapping[str, Any], typs: frozenset[str], ctys: frozenset[str], what: str) -> Check | None:
    """A failed format check when the header's `typ` or `cty` names another kind of thing; None when they fit."""
    wrong = []
    for name, allowed in (("typ", typs), ("cty", ctys)):
        if name not in header:
            continue
        value = media_type(header[name])
        if value is None or value not in allowed:
            wrong.append(f'{name} "{clip(header[name], 40)}"')
    if not wrong:
        return None
    expected = ", ".join(sorted(t for t in typs if t != "jwt"))
    return Check(
        CheckName.FORMAT,
        Outcome.FAILED,
        said(N_("The token's header says it is something other than {what} ({wrong}); {what} token is typed "
                "{expected}."), what=what, wrong=' and '.join(wrong), expected=expected),
    )


def _issuer_id(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"])
    return None


def _same_moment(claim: Any, written: Any) -> bool:
    token_time, document_time = numeric_date(claim), parse_time(written)
    if token_time is None or document_time is None:
        return False
    return abs((token_time - document_time).total_seconds()) < 1


def _as_date(claim: Any) -> str | None:
    moment = numeric_date(claim)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None


def credential_from_claims(payload: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The credential a VC-JWT 1.1 token carries, with the token's claims applied, and what differed.

    `payload["vc"]` must be an object. Each difference is a short phrase for the report.
    """
    document = copy.deepcopy(dict(payload["vc"]))
    differences: list[str] = []
    iss = payload.get("iss")
    if isinstance(iss, str) and iss:
        inside = _issuer_id(document.get("issuer"))
        if inside is not None and inside != iss:
            differences.append(f"issuer (token: {clip(iss, 60)}; inside: {clip(inside, 60)})")
        issuer = document.get("issuer")
        document["issuer"] = {**issuer, "id": iss} if isinstance(issuer, dict) else iss
    sub = payload.get("sub")
    subject = document.get("credentialSubject")
    if isinstance(sub, str) and sub and isinstance(subject, dict):
        inside = subject.get("id")
        if isinstance(inside, str) and inside != sub:
            differences.append(f"subject (token: {clip(sub, 60)}; inside: {clip(inside, 60)})")
        document["credentialSubject"] = {**subject, "id": sub}
    for claim, field, words in _CLAIM_FIELDS:
        value = payload.get(claim)
        if value is None:
            continue
        if claim == "jti":
            if not isinstance(value, str) or not value:
                continue
            inside_id = document.get("id")
            if isinstance(inside_id, str) and inside_id != value:
                differences.append(f"id (token: {clip(value, 60)}; inside: {clip(inside_id, 60)})")
            document["id"] = value
            continue
        written = _as_date(value)
        if written is None:
            continue  # an unreadable nbf/exp is reported by the validity check
        alternative = "validFrom" if claim == "nbf" else "validUntil"
        present = field if field in document else alternative if alternative in document else None
        if present is None:
            document[field] = written
        elif not _same_moment(value, document[present]):  # both windows are checked (validity), the stricter holds
            differences.append(f"{words} (token: {written}; inside: {clip(document[present], 40)})")
    return document, differences


def claim_checks(header: Mapping[str, Any], payload: Any) -> list[Check]:
    """Format lines for a credential token: its media types, and its claims against the credential inside."""
    if not isinstance(payload, dict):
        return []
    checks: list[Check] = []
    typed = check_media_types(header, CREDENTIAL_TYPS, CREDENTIAL_CTYS, "a credential")
    if typed is not None:
        checks.append(typed)
    if "@context" in payload:
        present = [name for name in ("vc", "vp") if name in payload]
        if present:
            names = " and ".join(f'"{name}"' for name in present)
            checks.append(
                Check(
                    CheckName.FORMAT,
                    Outcome.FAILED,
                    said(N_("The token is a VC 2.0 credential but also carries the {names} claim, which VC-JOSE-COSE "
                            "forbids; it is not a valid credential token."), names=names),
                )
            )
        return checks  # the credential is the payload itself: a "vc" inside it is not read
    if isinstance(payload.get("vc"), dict):
        _unused, differences = credential_from_claims(payload)
        if differences:
            checks.append(
                Check(
                    CheckName.FORMAT,
                    Outcome.WARNING,
                    said(N_("The token's own claims differ from the credential inside it, and the token's were used, "
                            "as its signature binds them: {differences}."), differences='; '.join(differences)),
                )
            )
        return checks
    return checks

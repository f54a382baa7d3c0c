"""A presentation signed as a JWT: the holder's proof is the token's own signature.

Forms: VP-JWT as VC Data Model 1.1 defines it (`iss` = holder, the presentation in the `vp` claim, `nonce` and
`aud` for the verifier's challenge and domain), VC-JOSE-COSE `vp+jwt` (the payload is the presentation) and
`vp+sd-jwt`. Like a Data Integrity holder proof (`presentation.check_holder_proof`) it is one check, shown beside
each credential's own verdict and never changing it: each credential inside is judged on its own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from wallet.credentials import jose
from wallet.credentials.binding import AUTHENTICATION, issuer_binding, signer_of
from wallet.credentials.jwt_keys import find_key, public_key_of
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.credentials.validity import day, numeric_date
from wallet.credentials.vcjwt_claims import (
    PRESENTATION_CTYS,
    PRESENTATION_TYPS,
    SD_JWT_PRESENTATION_TYPS,
    check_media_types,
)
from wallet.errors import WalletError
from wallet.i18n import N_


def _holder_of(document: dict[str, Any]) -> str | None:
    holder = document.get("holder")
    if isinstance(holder, dict):
        holder = holder.get("id")
    return holder if isinstance(holder, str) and holder else None


def _said(payload: dict[str, Any]) -> str:
    aud = payload.get("aud")
    domain = aud if isinstance(aud, str) else ", ".join(a for a in aud if isinstance(a, str)) if isinstance(
        aud, list) else None
    parts = [f"challenge {clip(payload['nonce'], 40)}" if isinstance(payload.get("nonce"), str) else "",
             f"domain {clip(domain, 60)}" if domain else ""]
    return ", ".join(p for p in parts if p)


def _window(payload: dict[str, Any], now: datetime) -> str | None:
    """Why the presentation token is not valid at `now`, or None."""
    for name in ("nbf", "exp"):
        if payload.get(name) is None:
            continue
        moment = numeric_date(payload[name])
        if moment is None:
            return f"has a {name} claim that is not a valid time."
        if name == "nbf" and moment > now:
            return f"only becomes valid on {day(moment)}."
        if name == "exp" and moment <= now:
            return f"expired on {day(moment)}."
    return None


def check_holder_token(jws: jose.Jws, document: dict[str, Any], resolver: KeyResolver, now: datetime) -> Check:
    """The presentation token's signature as the holder's proof (CheckName.PRESENTATION); never raises."""

    def failed(reason: str) -> Check:
        return Check(CheckName.PRESENTATION, Outcome.FAILED, said(N_("The holder's proof is broken: {reason}"),
            reason=reason))

    typed = check_media_types(jws.header, PRESENTATION_TYPS | SD_JWT_PRESENTATION_TYPS, PRESENTATION_CTYS,
                              "a presentation")
    if typed is not None:
        return Check(CheckName.PRESENTATION, Outcome.FAILED, typed.message)
    try:
        payload = jws.payload_json()
    except WalletError as exc:  # pragma: no cover - the payload was read when the presentation was
        return failed(exc.message)
    if not isinstance(payload, dict):  # pragma: no cover - idem
        return failed(said(N_("its contents are not a JSON object.")))
    holder = _holder_of(document)
    iss = payload.get("iss")
    who = said(N_("the holder {holder}"), holder=clip(holder)) if holder else said(N_("an unnamed holder"))
    if isinstance(iss, str) and holder and iss != holder:
        return failed(said(N_("the token was signed as {iss}, not as {who}."), iss=clip(iss), who=who))
    try:
        jose.refuse_unimplemented_alg(jws.header.get("alg"))
        key = find_key(resolver, jws.header.get("kid"), iss if isinstance(iss, str) else holder)
        if key is None:
            return Check(CheckName.PRESENTATION, Outcome.NOT_CHECKED,
                         said(N_("The holder's proof was not checked: the key of {who} is not available offline."),
                             who=who))
        good = jose.verify_jws(jws, public_key_of(key))
    except jose.UnsupportedAlgorithmError as exc:
        return Check(CheckName.PRESENTATION, Outcome.NOT_CHECKED, said(N_("The holder's proof was not checked: "
                                                                          "{message}"), message=exc.message))
    except WalletError as exc:
        return failed(exc.message)
    if not good:
        return failed(said(N_("the token's signature does not match; it was changed after the holder signed it.")))
    if holder is None:
        return Check(CheckName.PRESENTATION, Outcome.WARNING,
                     said(N_("The presentation token is signed by {signer_of}, but it names no holder."),
                         signer_of=clip(signer_of(key))))
    bound, _unused = issuer_binding(holder, key, resolver.documents, AUTHENTICATION)
    if bound is False:
        return failed(said(N_("it was signed with a key of {signer_of}, not of {who}."),
            signer_of=clip(signer_of(key)), who=who))
    if bound is None:
        return Check(CheckName.PRESENTATION, Outcome.NOT_CHECKED,
                     said(N_("The token's signature holds, but nothing offline shows its key is {who}'s."), who=who))
    late = _window(payload, now)
    if late is not None:
        return failed(said(N_("the presentation token {late}"), late=late))
    context_words = _said(payload)
    if context_words:
        return Check(CheckName.PRESENTATION, Outcome.PASSED,
                     said(N_("Presented by {who}, whose token signature is valid ({context})."), who=who,
                          context=context_words))
    return Check(CheckName.PRESENTATION, Outcome.PASSED,
                 said(N_("Presented by {who}, whose token signature is valid."), who=who))

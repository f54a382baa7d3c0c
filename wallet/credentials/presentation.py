"""A presentation's own proof: who handed the credentials over (holder), for which challenge and domain.

The holder's proof says nothing about the credentials inside (each is judged on its own); it says whether the
person who bundled them proved control of the holder's key. A presentation without a proof, with an empty
proof, or with a proof that does not match is reported as such; one the wallet cannot check offline is "not
checked" with the reason.
"""

from __future__ import annotations

from typing import Any

from wallet.credentials.binding import AUTHENTICATION, issuer_binding
from wallet.credentials.dataintegrity import verify_proof
from wallet.credentials.keys import KeyResolver, did_of
from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.i18n import N_


def _holder_of(document: dict[str, Any]) -> str | None:
    holder = document.get("holder")
    if isinstance(holder, dict):
        holder = holder.get("id")
    return holder if isinstance(holder, str) and holder else None


def check_holder_proof(document: dict[str, Any], resolver: KeyResolver) -> Check:
    """The presentation's proof as one check (CheckName.PRESENTATION); never raises for a bad presentation."""
    holder = _holder_of(document)
    who = said(N_("the holder {holder}"), holder=clip(holder)) if holder else said(N_("an unnamed holder"))
    proof = document.get("proof")
    if proof is None:
        return Check(CheckName.PRESENTATION, Outcome.WARNING,
                     said(N_("The presentation has no holder proof: anyone could have put these credentials "
                             "together.")))
    proofs = proof if isinstance(proof, list) else [proof]
    if not proofs or not all(isinstance(p, dict) and p for p in proofs):
        return Check(CheckName.PRESENTATION, Outcome.FAILED,
                     said(N_("The presentation's proof is empty, so it proves nothing about who handed it over.")))
    first: dict[str, Any] = proofs[0]
    result = verify_proof(document, first, resolver, proofs, purpose=AUTHENTICATION)
    if result.valid is None:
        return Check(CheckName.PRESENTATION, Outcome.NOT_CHECKED,
                     said(N_("The holder's proof was not checked: {message}"), message=result.message))
    if not result.valid:
        return Check(CheckName.PRESENTATION, Outcome.FAILED, said(N_("The holder's proof is broken: {message}"),
            message=result.message))
    signer = result.key.controller if result.key is not None and result.key.controller else None
    signer = signer or did_of(str(first.get("verificationMethod", "")))
    bound = None if result.key is None or not holder else (
        issuer_binding(holder, result.key, resolver.documents, AUTHENTICATION)[0])
    if holder and (bound is False or (bound is None and signer != holder)):
        return Check(CheckName.PRESENTATION, Outcome.FAILED,
                     said(N_("The presentation was signed by {signer}, not by {who} it names."),
                         signer=clip(signer), who=who))
    if holder and bound is None:  # a key only written in the proof's link proves nothing about a did:web holder
        return Check(CheckName.PRESENTATION, Outcome.NOT_CHECKED,
                     said(N_("The holder's proof holds, but nothing available offline shows that its key belongs to "
                             "{who}: their DID document or key has not been imported."), who=who))
    context = [f"challenge {clip(str(first['challenge']))}" if isinstance(first.get("challenge"), str) else "",
               f"domain {clip(str(first['domain']))}" if isinstance(first.get("domain"), str) else ""]
    context_words = ", ".join(c for c in context if c)
    if context_words:
        return Check(CheckName.PRESENTATION, Outcome.PASSED,
                     said(N_("Presented by {who}, whose proof is valid ({context})."), who=who, context=context_words))
    return Check(CheckName.PRESENTATION, Outcome.PASSED, said(N_("Presented by {who}, whose proof is valid."), who=who))


def _texts(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [v for v in values if isinstance(v, str)]


def unanswered(answered: tuple[Any, Any], challenge: str | None, domain: str | None) -> Check | None:
    """A failed check when a presentation does not answer what the verifier asked: `answered` is the (challenge,
    domain) its holder proof signed (a proof's `challenge`/`domain`, a token's `nonce`/`aud`, either may be a list
    of domains or None). A copy made for someone else, or replayed, fails; nothing asked, nothing to fail."""
    said_challenge, said_domain = answered
    if challenge is not None and not _texts(said_challenge):
        return Check(CheckName.PRESENTATION, Outcome.FAILED,
                     said(N_("The presentation answers no challenge, but {asked} was asked for: anyone holding a copy "
                             "could present it."), asked=clip(challenge)))
    if challenge is not None and challenge not in _texts(said_challenge):
        return Check(CheckName.PRESENTATION, Outcome.FAILED,
                     said(N_("The presentation answers the challenge {said}, not the one asked for ({asked}): it may "
                             "be a copy made for someone else."),
                          said=clip(", ".join(_texts(said_challenge))), asked=clip(challenge)))
    if domain is not None and domain not in _texts(said_domain):
        return Check(CheckName.PRESENTATION, Outcome.FAILED,
                     said(N_("The presentation was made for {said}, not for {asked}."),
                          said=clip(", ".join(_texts(said_domain)) or "no one in particular"), asked=clip(domain)))
    return None

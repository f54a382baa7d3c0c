"""Does a key speak for the issuer a credential names? Answered only from the issuer's own documents.

A key stands for an issuer when:

* the issuer is a did:key or did:jwk and the key is that DID's own key (the identifier is its document);
* the issuer's own controller document (a did:web or https document the learner imported or supplied, whose
  `id` is the issuer's id) lists the key under `assertionMethod`, with the same key material if it embeds it;
* the issuer is an https address (not a DID), its own document is not at hand, and the key was supplied under a
  fragment of that very address (`<issuer>#…`): it is part of the issuer's own document, which is how 1EdTech
  publishes Open Badges 3.0 keys. A full controller document for the issuer, when supplied, overrides this;
* for Open Badges 2.0, the issuer's Profile (supplied, never the copy inside the signed badge) lists the key
  under `publicKey` (`ob2_issuer_binding`).

A key document speaks only for its own address. One that names the issuer as its `controller` but lives at any
other address binds nothing: the answer is "cannot tell" (None) while the issuer's own document is not at hand,
and "no" (False) once it is and does not list the key. Each answer comes with a sentence for the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wallet.credentials import jose
from wallet.credentials.formats import as_list
from wallet.credentials.keys import KeyMaterial, KeySource, did_of
from wallet.credentials.report import clip, said
from wallet.errors import WalletError
from wallet.i18n import N_

Binding = tuple[bool | None, str]
"""(True: the key is the issuer's; False: it is not; None: cannot tell offline) and the sentence saying so."""

SELF_DESCRIBING = ("did:key:", "did:jwk:")
"""DID methods whose identifier is the whole document: nothing else can add keys to them."""

ASSERTION = "assertionMethod"
AUTHENTICATION = "authentication"
_RELATIONSHIPS = (ASSERTION, AUTHENTICATION, "capabilityInvocation", "capabilityDelegation", "keyAgreement")
_KEY_FIELDS = ("publicKeyMultibase", "publicKeyBase58", "publicKeyJwk", "publicKeyPem")


def claimed_controller(key: KeyMaterial) -> str | None:
    """Who the key's own document says controls it (`controller`, or `owner` in OB 2.0), if anyone."""
    for name in ("controller", "owner"):
        value = key.method.get(name)
        if isinstance(value, str) and value:
            return value
    return key.controller


def signer_of(key: KeyMaterial) -> str:
    """A short name for whoever holds the key: its controller when stated, otherwise the key's own address."""
    return claimed_controller(key) or did_of(key.id) or key.id


def issuer_binding(
    issuer_id: str | None, key: KeyMaterial, documents: Mapping[str, Any], relationship: str = ASSERTION
) -> Binding:
    """Is `key` one the issuer uses to issue credentials, according to the issuer's own document? With
    `relationship` AUTHENTICATION, the same question for a holder: may the key prove who presents?"""
    if not issuer_id:
        return False, said(N_("The credential does not name its issuer."))
    if key.source is KeySource.LINK_FRAGMENT:
        return None, (
            said(N_("Nothing available offline shows that the key in the proof belongs to {issuer_id}: its DID "
                    "document or key has not been imported."), issuer_id=clip(issuer_id))
        )
    home = did_of(key.id)
    if issuer_id.startswith(SELF_DESCRIBING):
        if key.source in (KeySource.DID_KEY, KeySource.DID_JWK) and home == issuer_id:
            return True, said(N_("The proof's key belongs to the issuer ({issuer_id}), found through {source}."),
                issuer_id=clip(issuer_id), source=key.source)
        return False, _not_the_issuers(signer_of(key), issuer_id)
    own = documents.get(issuer_id)
    if isinstance(own, dict) and _is_controller_document(own):
        return _listed_in(own, issuer_id, key, relationship)
    if key.source in (KeySource.DID_KEY, KeySource.DID_JWK):
        return False, _not_the_issuers(home, issuer_id)
    claimed = claimed_controller(key)
    if home == issuer_id and not issuer_id.startswith("did:"):
        if claimed in (None, issuer_id):
            return True, said(N_("The proof's key is published in the issuer's own document ({issuer_id})."),
                issuer_id=clip(issuer_id))
        return False, (
            said(N_("The key {id} names {claimed} as its controller, not the issuer ({issuer_id})."),
                id=clip(key.id), claimed=clip(claimed), issuer_id=clip(issuer_id))
        )
    if home == issuer_id:
        return None, (
            said(N_("The DID document of {issuer_id} is not at hand; only it can say which keys may issue the "
                    "issuer's credentials."), issuer_id=clip(issuer_id))
        )
    if claimed == issuer_id:
        return None, (
            said(N_("The key {id} says it belongs to {issuer_id}, but it is published elsewhere; only the issuer's "
                    "own document can confirm that, and it is not at hand."),
                        id=clip(key.id), issuer_id=clip(issuer_id))
        )
    return False, _not_the_issuers(claimed or home, issuer_id)


def ob2_issuer_binding(issuer_id: str, key: KeyMaterial, documents: Mapping[str, Any]) -> Binding:
    """Open Badges 2.0: the issuer's Profile, supplied on its own, must list the key among its `publicKey`s."""
    owner = claimed_controller(key)
    if owner is not None and owner != issuer_id:
        return False, said(N_("The key belongs to {owner}, not to the issuer {issuer_id}."),
            owner=clip(owner), issuer_id=clip(issuer_id))
    profile = documents.get(issuer_id)
    if not isinstance(profile, dict):
        return None, (
            said(N_("The issuer's profile ({issuer_id}), which lists its keys, is not at hand, so the key cannot be "
                    "tied to the issuer."), issuer_id=clip(issuer_id))
        )
    for entry in as_list(profile.get("publicKey")):
        if entry == key.id:
            return True, said(N_("The key is listed in the issuer's profile ({issuer_id})."), issuer_id=clip(issuer_id))
        if isinstance(entry, dict) and entry.get("id") == key.id:
            if any(name in entry for name in _KEY_FIELDS) and not _same_key(entry, key.method):
                return False, said(N_("The issuer's profile gives a different key under {id}."), id=clip(key.id))
            return True, said(N_("The key is listed in the issuer's profile ({issuer_id})."), issuer_id=clip(issuer_id))
    return False, said(N_("The issuer's profile ({issuer_id}) does not list the key {id} among its keys."),
        issuer_id=clip(issuer_id), id=clip(key.id))


def _not_the_issuers(owner: str, issuer_id: str) -> str:
    return (
        said(N_("The proof was made with a key of {owner}, not of the issuer named in the credential ({issuer_id})."),
            owner=clip(owner), issuer_id=clip(issuer_id))
    )


def _is_controller_document(document: dict[str, Any]) -> bool:
    """Does the document say which keys it has (as opposed to an issuer Profile with no keys, or a lone key)?"""
    return any(name in document for name in ("verificationMethod", "assertionMethod", *_RELATIONSHIPS))


def _listed_in(own: dict[str, Any], issuer_id: str, key: KeyMaterial, relationship: str) -> Binding:
    """The issuer's own controller document is at hand: it alone decides (the key listed under `relationship`)."""
    doc_id = str(own.get("id", issuer_id))

    def absolute(ref: object) -> str:
        text = ref if isinstance(ref, str) else ""
        return doc_id + text if text.startswith("#") else text

    listed, embedded = False, None
    for ref in as_list(own.get(relationship)):
        if isinstance(ref, dict) and absolute(ref.get("id")) == key.id:
            listed, embedded = True, ref
        elif absolute(ref) == key.id:
            listed = True
    if embedded is None:
        for entry in as_list(own.get("verificationMethod")) + as_list(own.get("publicKey")):
            if isinstance(entry, dict) and absolute(entry.get("id")) == key.id:
                embedded = entry
    shown, who = clip(key.id), clip(issuer_id)
    if not listed:
        elsewhere = any(
            absolute(ref if not isinstance(ref, dict) else ref.get("id")) == key.id
            for name in _RELATIONSHIPS
            if name != relationship
            for ref in as_list(own.get(name))
        )
        if embedded is not None or elsewhere:
            return False, said(N_("The key {shown} is in {who}'s own document but is not allowed to issue "
                                  "credentials."), shown=shown, who=who)
        return False, (
            said(N_("The issuer's own document ({who}) does not list the key {shown} for issuing credentials; a key "
                    "that merely names the issuer as its controller does not speak for it."), who=who, shown=shown)
        )
    gives_key = embedded is not None and any(name in embedded for name in _KEY_FIELDS)
    if embedded is not None and gives_key and not _same_key(embedded, key.method):
        return False, said(N_("The issuer's own document ({who}) gives a different key under {shown}."),
            who=who, shown=shown)
    if not gives_key and did_of(key.id) == did_of(doc_id):
        return None, (
            said(N_("The issuer's own document ({who}) lists {shown} for issuing but does not give that key, so the "
                    "key the proof was checked with cannot be confirmed as the issuer's."), who=who, shown=shown)
        )
    return True, said(N_("The proof's key is listed for issuing credentials in the issuer's own document ({who})."),
        who=who)


def _fingerprint(method: dict[str, Any]) -> str | None:
    """One spelling of the public key in a verification method, whatever its encoding; None if unreadable."""
    try:
        pem = method.get("publicKeyPem")
        if isinstance(pem, str):
            return jose.key_from_pem(pem).thumbprint()
        jwk = method.get("publicKeyJwk")
        if isinstance(jwk, dict):
            return jose.key_from_jwk(jwk).thumbprint()
        material = KeyMaterial("", None, method, KeySource.SUPPLIED_KEY)
        return jose.key_from_ed25519(material.ed25519()).thumbprint()
    except WalletError:
        return None


def _same_key(embedded: dict[str, Any], used: dict[str, Any]) -> bool:
    """Does the key the issuer's document embeds match the key the proof was checked with?"""
    if embedded is used:
        return True
    first, second = _fingerprint(embedded), _fingerprint(used)
    if first is None or second is None:
        return all(embedded.get(name) == used.get(name) for name in _KEY_FIELDS)
    return first == second

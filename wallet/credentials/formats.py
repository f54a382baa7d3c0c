"""Recognising what a file or pasted text holds, and unwrapping it into credentials.

Handles JSON-LD credentials (OB 3.0, CLR 2.0, endorsements, any W3C VC 1.1/2.0), VC-JWT and
`EnvelopedVerifiableCredential`, presentations (bundles from another wallet), OB 2.0 assertions
(hosted JSON, signed JWS) and badges baked into PNG or SVG.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from wallet.credentials import baked, cose, enveloped, family, jose, jws_json, jwt_wrapper, sdjwt, vcjwt_claims
from wallet.credentials.limits import check_size, read_json
from wallet.credentials.report import clip
from wallet.errors import CredentialFormatError
from wallet.i18n import _

OB2_CONTEXTS = (
    "https://w3id.org/openbadges/v2",
    "https://openbadgespec.org/v2/context.json",
    "https://w3id.org/openbadges/v1",
)
MAX_NESTED = 2000


class Kind(StrEnum):
    OB3 = "ob3"
    CLR = "clr"
    ENDORSEMENT = "endorsement"
    OB2 = "ob2"
    VC = "vc"


KIND_LABELS = {
    Kind.OB3: "Open Badges 3.0",
    Kind.CLR: "Comprehensive Learner Record 2.0",
    Kind.ENDORSEMENT: "Endorsement (Open Badges 3.0)",
    Kind.OB2: "Open Badges 2.0",
    Kind.VC: "Verifiable Credential",
}


@dataclass
class Parsed:
    """One credential found in the input, with the bytes to keep for it."""

    kind: Kind
    document: dict[str, Any]
    original: bytes
    media_type: str
    container: str
    """How it arrived: "JSON-LD", "JWT", "PNG", "SVG", "presentation", "CLR"."""
    jws: jose.Jws | None = None
    hosted_url: str | None = None
    nested: list[Parsed] = field(default_factory=list)
    family: str | None = None
    presentation: dict[str, Any] | None = None
    """The presentation it came in, when it came in one (its holder proof is checked once per presentation)."""
    presentation_token: jose.Jws | None = None
    """The presentation's own JWT, when it came in a JWT presentation (the holder's signature is on it)."""
    signatures: list[jose.Jws] = field(default_factory=list)
    """Every signature of a JWS JSON serialisation (`jws` is the first), when it came as one."""
    sd_jwt: sdjwt.SdJwt | None = None
    """The SD-JWT it was read from (disclosures, key binding), when it came as one; `jws` is its issuer JWT."""
    within: dict[str, Any] | None = None
    """The CLR it is nested in, when it is: its learner is whom this credential must be about."""
    """A family named for what it is (wallet.credentials.family: Open Badges 1.x, Blockcerts, Europass)."""

    @property
    def label(self) -> str:
        return self.family or KIND_LABELS[self.kind]

    @property
    def format_name(self) -> str:
        return f"{self.label} ({self.container})"


def types_of(document: dict[str, Any]) -> list[str]:
    value = document.get("type", document.get("@type", []))
    items = value if isinstance(value, list) else [value]
    return [str(t) for t in items if isinstance(t, str)]


def contexts_of(document: dict[str, Any]) -> list[Any]:
    value = document.get("@context", [])
    return value if isinstance(value, list) else [value]


def kind_of(document: dict[str, Any]) -> Kind:
    types = set(types_of(document))
    if "ClrCredential" in types:
        return Kind.CLR
    if "EndorsementCredential" in types:
        return Kind.ENDORSEMENT
    if types & {"OpenBadgeCredential", "AchievementCredential"}:
        return Kind.OB3
    if "VerifiableCredential" in types:
        return Kind.VC
    if "Assertion" in types or any(c in OB2_CONTEXTS for c in contexts_of(document)):
        return Kind.OB2
    if _legacy_assertion(document):
        return Kind.OB2
    raise CredentialFormatError(
        _("This JSON is not a credential the wallet knows: it is neither a W3C Verifiable Credential nor an Open "
          "Badge.")
    )


def _legacy_assertion(document: dict[str, Any]) -> bool:
    """An Open Badges 1.x assertion (no @context): a badge and a recipient, or just a hosted `verify.url`."""
    verify = document.get("verify")
    hosted = isinstance(verify, dict) and isinstance(verify.get("url"), str)
    return ("badge" in document and ("recipient" in document or "identity" in document)) or hosted


def hosted_url_of(document: dict[str, Any]) -> str | None:
    """Where a hosted OB 1.x/2.0 assertion lives (it is checked by fetching it there)."""
    verify = document.get("verify") or document.get("verification")
    if isinstance(verify, dict):
        if isinstance(verify.get("url"), str):
            return str(verify["url"])
        if verify.get("type") in ("hosted", "HostedBadge") and isinstance(document.get("id"), str):
            return str(document["id"])
    return None


_nested_seen: ContextVar[list[int] | None] = ContextVar("nested_seen", default=None)
MAX_DEPTH = 3


def _count_nested(count: int) -> None:
    """Nested credentials are limited in total across every level, not per CLR or per bundle."""
    seen = _nested_seen.get()
    if seen is None:
        return
    seen[0] += count
    if seen[0] > MAX_NESTED:
        raise CredentialFormatError(
            _("It holds more than {max_nested} credentials in all; that is more than the wallet reads.").format(
                max_nested=MAX_NESTED)
        )


def parse(data: bytes, *, depth: int = 0) -> list[Parsed]:
    """Every credential in `data`; raises CredentialFormatError with a plain sentence when there is none."""
    if depth == 0:
        token = _nested_seen.set([0])
        try:
            return _parse(data, 0)
        finally:
            _nested_seen.reset(token)
    return _parse(data, depth)


def _parse(data: bytes, depth: int) -> list[Parsed]:
    check_size(data)
    if depth > MAX_DEPTH:
        raise CredentialFormatError(_("The credential is wrapped inside itself too many times."))
    if baked.is_png(data):
        payload = baked.extract_from_png(data)
        return _from_baked(payload, data, "image/png", "PNG", depth)
    if baked.looks_like_svg(data):
        payload = baked.extract_from_svg(data)
        return _from_baked(payload, data, "image/svg+xml", "SVG", depth)
    if cose.looks_like_cose(data):
        return _from_cose(data, data, depth)
    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise CredentialFormatError(
            _("The file is neither a badge image nor text, so it cannot be a credential.")
        ) from exc
    if not text:
        raise CredentialFormatError(_("The file is empty."))
    if jose.is_compact_jws(text) or sdjwt.looks_like_sd_jwt(text):
        return _from_token(text, data, depth)
    if text[0] not in "{[":
        raise CredentialFormatError(_not_a_credential(text))
    value = read_json(text)
    wrapped = jwt_wrapper.wrapped_token(value)
    if wrapped is not None:
        return _from_token(wrapped, data, depth)
    carried = jwt_wrapper.wrapped_credentials(value)
    if carried is not None:
        return _from_issuer_response(carried, depth)
    if jws_json.looks_like_jws_json(value):
        return _from_jws_json(value, data, depth)
    items = value if isinstance(value, list) else [value]
    found: list[Parsed] = []
    for item in items:
        if not isinstance(item, dict):
            raise CredentialFormatError(_("The JSON holds something other than credentials."))
        original = data if len(items) == 1 else json.dumps(item, ensure_ascii=False).encode("utf-8")
        found.extend(_from_json(item, original, "JSON-LD", depth))
    if not found:
        raise CredentialFormatError(_("The file holds no credentials."))
    return found


def _from_baked(payload: baked.BakedPayload, data: bytes, media_type: str, container: str, depth: int) -> list[Parsed]:
    if payload.is_url:
        document = {"id": payload.text, "type": "Assertion"}
        return [Parsed(Kind.OB2, document, data, media_type, container, hosted_url=payload.text)]
    inner = parse(payload.text.encode("utf-8"), depth=depth + 1)
    for item in inner:
        item.original, item.media_type, item.container = data, media_type, container
    return inner


def _decode_jwt_document(jws: jose.Jws) -> tuple[dict[str, Any], str]:
    payload = jws.payload_json()
    if not isinstance(payload, dict):
        raise CredentialFormatError(_("The signed token does not carry a credential."))
    if "@context" not in payload:
        if isinstance(payload.get("vc"), dict):
            return vcjwt_claims.credential_from_claims(payload)[0], "vc"
        if isinstance(payload.get("vp"), dict):
            return dict(payload["vp"]), "vp"
    if "VerifiablePresentation" in types_of(payload):
        return payload, "vp"
    if "badge" in payload and "recipient" in payload:
        return payload, "ob2"
    return payload, "vc2"


def _from_token(token: str, original: bytes, depth: int) -> list[Parsed]:
    """A compact JWS or an SD-JWT: one credential, or a presentation's credentials."""
    text = token.strip()
    if sdjwt.looks_like_sd_jwt(text):
        sd = sdjwt.read(text)
        if "VerifiablePresentation" in types_of(sd.claims):
            return _presentation_token(dict(sd.claims), sd.jws, depth)
        document = sdjwt.credential_of(sd)
        typ = vcjwt_claims.media_type(sd.jws.header.get("typ")) or "vc+sd-jwt"
        parsed = Parsed(kind_of(document), document, original, f"application/{typ}", "SD-JWT", jws=sd.jws)
        parsed.sd_jwt = sd
        return [parsed]
    jws = jose.parse_compact(text)
    document, shape = _decode_jwt_document(jws)
    if shape == "vp":
        return _presentation_token(document, jws, depth)
    if shape == "ob2":
        return [Parsed(Kind.OB2, document, original, "application/jwt", "signed assertion (JWS)", jws=jws)]
    return [Parsed(kind_of(document), document, original, "application/vc+jwt", "JWT", jws=jws)]


def _from_jws_json(value: dict[str, Any], original: bytes, depth: int) -> list[Parsed]:
    """A credential in JWS JSON serialisation (general or flattened), with every signature kept."""
    signatures = jws_json.read(value)
    document, shape = _decode_jwt_document(signatures[0])
    if shape in ("vp", "ob2"):
        raise CredentialFormatError(_("A JSON-serialised token here must carry a credential."))
    parsed = Parsed(kind_of(document), document, original, "application/jose+json", "JWS JSON", jws=signatures[0])
    parsed.signatures = signatures
    return [parsed]


def _from_cose(data: bytes, original: bytes, depth: int) -> list[Parsed]:
    """A COSE_Sign1-secured credential or presentation (VC-JOSE-COSE `vc+cose` / `vp+cose`)."""
    jws = cose.read(data)
    document = jws.payload_json()
    if not isinstance(document, dict):
        raise CredentialFormatError(_("The COSE-secured data does not carry a credential."))
    if "VerifiablePresentation" in types_of(document):
        return _presentation_token(document, jws, depth)
    return [Parsed(kind_of(document), document, original, "application/vc+cose", "COSE", jws=jws)]


def _from_jwt(token: str, original: bytes, depth: int) -> Parsed:
    """Exactly one credential from a token (a presentation token is refused here)."""
    found = _from_token(token, original, depth)
    if len(found) != 1 or found[0].presentation_token is not None:
        raise CredentialFormatError(_("The token holds a presentation where one credential was expected."))
    return found[0]


def _presentation_token(document: dict[str, Any], jws: jose.Jws, depth: int) -> list[Parsed]:
    """A presentation signed as a JWT (VP-JWT 1.1 `vp` claim, VC-JOSE-COSE `vp+jwt`, or `vp+sd-jwt`)."""
    payload = jws.payload_json()
    presentation = dict(document)
    if "holder" not in presentation and isinstance(payload, dict) and isinstance(payload.get("iss"), str):
        presentation["holder"] = payload["iss"]
    found = _from_presentation(presentation, depth)
    for child in found:
        child.presentation_token = jws
    return found


def _enveloped(document: dict[str, Any], depth: int, *, presentation: bool = False) -> list[Parsed]:
    """The credential (or, for an EnvelopedVerifiablePresentation, the credentials) a data: URL carries."""
    data = enveloped.read_data_url(document.get("id"))
    kind = data.media_type
    if kind in enveloped.JWT_TYPES or kind in enveloped.SD_JWT_TYPES:
        text = data.text()
        found = _from_token(text, text.encode("utf-8"), depth + 1)
        for item in found:
            if item.container in ("JWT", "SD-JWT"):
                item.container = f"enveloped {item.container}"
    elif kind in enveloped.COSE_TYPES:
        found = _from_cose(data.body, data.body, depth + 1)
    else:
        found = parse(data.body, depth=depth + 1)
    if not presentation and (len(found) != 1 or found[0].presentation is not None):
        raise CredentialFormatError(_("An enveloped credential must hold exactly one credential."))
    return found


def _from_json(document: dict[str, Any], original: bytes, container: str, depth: int) -> list[Parsed]:
    if depth > MAX_DEPTH:
        raise CredentialFormatError(_("The credential is wrapped inside itself too many times."))
    types = set(types_of(document))
    if "VerifiablePresentation" in types:
        return _from_presentation(document, depth)
    if "UniversalWallet2020" in types:
        return _from_wallet_export(document, depth)
    if "EnvelopedVerifiablePresentation" in types:
        return _enveloped(document, depth, presentation=True)
    if "EnvelopedVerifiableCredential" in types:
        return _enveloped(document, depth)
    kind = kind_of(document)
    media = "application/json" if kind is Kind.OB2 else "application/vc+ld+json"
    parsed = Parsed(kind, document, original, media, container, family=family.family_of(document))
    if kind is Kind.OB2:
        parsed.hosted_url = hosted_url_of(document)
    if kind is Kind.CLR:
        parsed.nested = _clr_children(document, depth)
    return [parsed]


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value that may be absent, single or a list, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _child(item: Any, depth: int) -> Parsed:
    if isinstance(item, str):
        data = item.encode("utf-8")
        found = parse(data, depth=depth + 1)
        if len(found) != 1:
            raise CredentialFormatError(_("A nested credential must be exactly one credential."))
        return found[0]
    if isinstance(item, dict):
        found = _from_json(item, b"", "JSON-LD", depth + 1)  # kept inside its parent's bytes, not on its own
        if len(found) != 1:
            raise CredentialFormatError(_("A nested credential must be exactly one credential."))
        return found[0]
    raise CredentialFormatError(_("A nested credential is neither JSON nor a signed token."))


def _clr_children(document: dict[str, Any], depth: int) -> list[Parsed]:
    subject = document.get("credentialSubject")
    if not isinstance(subject, dict):
        return []
    items = as_list(subject.get("verifiableCredential"))
    _count_nested(len(items))
    children = []
    for item in items:
        child = _child(item, depth)
        child.container = "inside a CLR"
        child.within = document
        children.append(child)
    return children


_OFFER = re.compile(r"(?i)^(?:openid-credential-offer|openid-vc|haip|openid4vp|openid|dccrequest)://")
_WEB_ADDRESS = re.compile(r"(?i)^https?://\S+$")


def _not_a_credential(text: str) -> str:
    """Why text that is not JSON, a token or a badge image is no credential, in the words of what it most likely is:
    an offer to collect one online (OpenID4VCI, a wallet deep link), or a web address."""
    if _OFFER.match(text):
        return _("This is an offer to collect a credential over the internet (a wallet link such as "
                 "openid-credential-offer://). LER Wallet works offline and never fetches credentials: ask the "
                 "issuer for the credential as a file (JSON, or a badge image), then import that file.")
    if _WEB_ADDRESS.match(text):
        return _("This is a web address, not a credential. LER Wallet never opens the internet: on that page, "
                 "download the badge or credential (often \"Download\" or \"Export\", as JSON or an image), then "
                 "import the file.")
    return _("This is not a credential: it is not JSON, not a signed token (JWT) and not a badge image.")


def _carried(item: Any, depth: int, where: str) -> Parsed:
    """A credential carried by something else (a presentation, an export, an issuer's response): stored as its
    own record, so it keeps its own bytes, and its format says where it came from."""
    child = _child(item, depth)
    if not child.original and isinstance(item, dict):
        child.original = json.dumps(item, ensure_ascii=False).encode("utf-8")
    if child.container in ("JSON-LD", "JWT"):
        child.container = f"{child.container}, {where}"
    return child


def _from_issuer_response(items: list[Any], depth: int) -> list[Parsed]:
    """The credentials of an OpenID4VCI credential response, each kept with its own bytes."""
    _count_nested(len(items))
    found = []
    for item in items:
        found.append(_carried(item, depth, "from an issuer's response"))
    return found


def _is_credential(item: Any) -> bool:
    """A wallet export's item that is a credential (or a presentation of some), not a key or a DID document."""
    if isinstance(item, str):
        text = item.strip()
        return jose.is_compact_jws(text) or sdjwt.looks_like_sd_jwt(text)
    if not isinstance(item, dict):
        return False
    if {"VerifiablePresentation", "EnvelopedVerifiableCredential"} & set(types_of(item)):
        return True
    try:
        kind_of(item)
    except CredentialFormatError:
        return False
    return True


def _from_wallet_export(document: dict[str, Any], depth: int) -> list[Parsed]:
    """The credentials in another wallet app's export: a W3C CCG Universal Wallet 2020 "unlocked wallet" (what the
    Learner Credential Wallet exports), whose `contents` mix credentials with the old wallet's DID document and
    keys. Keys, private ones included, are never read or kept; a locked (encrypted) export cannot be read."""
    contents = document.get("contents")
    if str(document.get("status", "")).upper() == "LOCKED" or not isinstance(contents, list):
        raise CredentialFormatError(_("This is a locked (encrypted) export of another wallet app, so its credentials "
                                      "cannot be read. Export the wallet unlocked in that app, then import that file."))
    items = [item for item in contents if _is_credential(item)]
    if not items:
        raise CredentialFormatError(_("This export of another wallet app holds no credentials (only its keys and "
                                      "identifiers), so nothing was added to your records."))
    _count_nested(len(items))
    found: list[Parsed] = []
    for item in items:
        if isinstance(item, dict) and "VerifiablePresentation" in types_of(item):
            found.extend(_from_presentation(item, depth + 1))
            continue
        found.append(_carried(item, depth, "from a wallet export"))
    return found


def _from_presentation(document: dict[str, Any], depth: int) -> list[Parsed]:
    items = as_list(document.get("verifiableCredential"))
    if not items:
        holder = document.get("holder")
        holder = holder.get("id") if isinstance(holder, dict) else holder
        who = f" from {clip(holder)}" if isinstance(holder, str) and holder else ""
        raise CredentialFormatError(
            _("This is a presentation{who} that carries no credentials, so nothing was added to your records.").format(
                who=who)
        )
    _count_nested(len(items))
    found = []
    for item in items:
        child = _carried(item, depth, "from a presentation")
        child.presentation = document
        found.append(child)
    return found

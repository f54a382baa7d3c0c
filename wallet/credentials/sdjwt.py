"""SD-JWT credentials (RFC 9901 selective disclosure; VC-JOSE-COSE `vc+sd-jwt`, IETF SD-JWT VC `dc+sd-jwt`).

Form: `<issuer-signed JWT>~<disclosure>~…~<key-binding JWT or nothing>`. Each disclosure is base64url JSON,
`[salt, name, value]` for an object member or `[salt, value]` for an array element; the signed payload holds only
their digests (`_sd` arrays, `{"...": digest}` array elements) under the hash named by `_sd_alg` (default SHA-256).

Reading rebuilds the revealed claims. What a verifier must reject is kept as `problems` and reported as failed
(never silently dropped): a disclosure whose digest the signed payload does not hold (it was not issued with this
token), a digest or disclosure used twice, a disclosure of the wrong shape, or one that would overwrite a signed
claim. A key-binding JWT (`kb+jwt`), when present, is checked against the payload's `cnf` key and its `sd_hash`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wallet.credentials import jose
from wallet.credentials.limits import check_size, read_json
from wallet.credentials.report import Check, CheckName, Outcome, clip, said
from wallet.credentials.validity import numeric_date
from wallet.credentials.vcjwt_claims import CREDENTIAL_CTYS, SD_JWT_TYPS, check_media_types, media_type
from wallet.errors import CredentialFormatError, WalletError
from wallet.i18n import N_, _

HASHES: dict[str, Callable[[bytes], Any]] = {
    "sha-256": hashlib.sha256,
    "sha-384": hashlib.sha384,
    "sha-512": hashlib.sha512,
}
"""The `_sd_alg` values the wallet can check (IANA names)."""

MAX_DISCLOSURES = 1000
_SHAPE = re.compile(r"e[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(~[A-Za-z0-9_.-]*)+")
_REGISTERED = frozenset({"iss", "sub", "iat", "nbf", "exp", "cnf", "vct", "vct#integrity", "status", "jti", "_sd_alg"})


def looks_like_sd_jwt(text: str) -> bool:
    """Cheap sniff: a compact JWS followed by `~`-separated parts."""
    return isinstance(text, str) and _SHAPE.fullmatch(text.strip()) is not None


@dataclass
class SdJwt:
    """A read SD-JWT. Nothing here is verified until the verifier checks the issuer's signature."""

    jws: jose.Jws
    """The issuer-signed JWT."""
    disclosures: list[str]
    """The disclosures as sent (base64url text)."""
    key_binding: jose.Jws | None
    claims: dict[str, Any]
    """The payload with every disclosed claim put back and the digests removed."""
    hash_name: str
    presented: str
    """Everything before the key-binding JWT (what its `sd_hash` covers)."""
    problems: list[str] = field(default_factory=list)
    revealed: int = 0
    hidden_top: int = 0
    """Top-level digests the holder did not disclose (withheld claims, or the issuer's decoys)."""
    disclosed_top: frozenset[str] = frozenset()
    """Names of the top-level claims that came as disclosures rather than in the signed token's clear."""


class _Rebuild:
    def __init__(self, by_digest: dict[str, list[Any]], problems: list[str]) -> None:
        self.by_digest = by_digest
        self.problems = problems
        self.seen: set[str] = set()
        self.used: set[str] = set()

    def _take(self, digest: object) -> list[Any] | None:
        if not isinstance(digest, str):
            self.problems.append(said(N_("A digest in the signed token is not text.")))
            return None
        if digest in self.seen:
            self.problems.append(said(N_("The digest {digest} appears twice in the signed token."),
                digest=clip(digest, 20)))
            return None
        self.seen.add(digest)
        found = self.by_digest.get(digest)
        if found is not None:
            self.used.add(digest)
        return found

    def value(self, value: Any, depth: int = 0) -> Any:
        if depth > 64:
            raise CredentialFormatError(_("The SD-JWT is nested too deeply to read."))
        if isinstance(value, dict):
            return self.members(value, depth)
        if isinstance(value, list):
            items = []
            for item in value:
                if isinstance(item, dict) and set(item) == {"..."}:
                    disclosure = self._take(item["..."])
                    if disclosure is None:
                        continue  # not disclosed (or a decoy): the element stays hidden
                    if len(disclosure) != 2:
                        self.problems.append(said(N_("A disclosure for an array element does not have the [salt, "
                                                     "value] shape.")))
                        continue
                    items.append(self.value(disclosure[1], depth + 1))
                else:
                    items.append(self.value(item, depth + 1))
            return items
        return value

    def members(self, value: dict[str, Any], depth: int) -> dict[str, Any]:
        result = {k: self.value(v, depth + 1) for k, v in value.items() if k not in ("_sd", "_sd_alg")}
        digests = value.get("_sd", [])
        if not isinstance(digests, list):
            self.problems.append(said(N_("The signed token's \"_sd\" member is not a list of digests.")))
            return result
        for digest in digests:
            disclosure = self._take(digest)
            if disclosure is None:
                continue
            if len(disclosure) != 3 or not isinstance(disclosure[1], str):
                self.problems.append(said(N_("A disclosure for an object member does not have the [salt, name, "
                                             "value] shape.")))
                continue
            name = disclosure[1]
            if name in ("_sd", "...") or name in result:
                self.problems.append(said(N_("A disclosure would replace the signed claim \"{name}\"."),
                    name=clip(name, 40)))
                continue
            result[name] = self.value(disclosure[2], depth + 1)
        return result


def _decode_disclosures(texts: list[str], hash_of: Callable[[bytes], Any], problems: list[str]) -> dict[str, list[Any]]:
    by_digest: dict[str, list[Any]] = {}
    for text in texts:
        try:
            value = read_json(jose.b64url_decode(text, _("A disclosure")), _("A disclosure"))
        except CredentialFormatError as exc:
            problems.append(exc.message)
            continue
        except ValueError:  # a number too long for Python to convert
            problems.append(said(N_("A disclosure holds a number too long to read.")))
            continue
        if not isinstance(value, list) or len(value) not in (2, 3) or not isinstance(value[0], str):
            problems.append(said(N_("A disclosure is not a [salt, name, value] or [salt, value] list.")))
            continue
        digest = jose.b64url_encode(hash_of(text.encode("ascii")).digest())
        if digest in by_digest:
            problems.append(said(N_("The same disclosure was sent twice.")))
            continue
        by_digest[digest] = value
    return by_digest


def read(text: str) -> SdJwt:
    """Split an SD-JWT, read its issuer JWT, disclosures and key-binding JWT, and rebuild the revealed claims."""
    check_size(text, "The SD-JWT")
    compact = text.strip()
    parts = compact.split("~")
    if len(parts) < 2:
        raise CredentialFormatError(_("An SD-JWT has its parts separated by ~; this has none."))
    if len(parts) - 2 > MAX_DISCLOSURES:
        raise CredentialFormatError(_("The SD-JWT has more than {max_disclosures} disclosures; that is not "
                                      "read.").format(
                        max_disclosures=MAX_DISCLOSURES))
    issuer_jwt = jose.parse_compact(parts[0])
    payload = issuer_jwt.payload_json()
    if not isinstance(payload, dict):
        raise CredentialFormatError(_("The SD-JWT's signed part is not a JSON object, so it carries no credential."))
    hash_name = payload.get("_sd_alg", "sha-256")
    hash_of = HASHES.get(hash_name) if isinstance(hash_name, str) else None
    if hash_of is None or not isinstance(hash_name, str):
        raise CredentialFormatError(
            _("The SD-JWT hashes its disclosures with \"{hash_name}\", which the wallet cannot check (it checks "
              "sha-256, sha-384 and sha-512).").format(hash_name=clip(hash_name, 30))
        )
    last = parts[-1]
    key_binding = jose.parse_compact(last) if last else None
    disclosures = [p for p in parts[1:-1]]
    problems: list[str] = []
    if any(not p for p in disclosures):
        problems.append(said(N_("The SD-JWT has an empty part between two ~ separators.")))
    by_digest = _decode_disclosures([p for p in disclosures if p], hash_of, problems)
    rebuild = _Rebuild(by_digest, problems)
    claims = rebuild.members(payload, 0)
    listed = payload.get("_sd")
    top: list[Any] = listed if isinstance(listed, list) else []
    hidden_top = len([digest for digest in top if isinstance(digest, str) and digest not in rebuild.used])
    disclosed_top = frozenset(claims) - frozenset(payload)
    unused = len(by_digest) - len(rebuild.used)
    if unused:
        problems.append(
            f"{unused} disclosure(s) are not among the digests the issuer signed: they were not issued with this "
            "credential."
        )
    presented = compact[: len(compact) - len(last)]
    return SdJwt(issuer_jwt, disclosures, key_binding, claims, hash_name, presented, problems, len(rebuild.used),
                 hidden_top, disclosed_top)


def credential_of(sd: SdJwt) -> dict[str, Any]:
    """The credential document: the revealed claims as they are for VC 2.0 (`vc+sd-jwt`), or an SD-JWT VC's claims
    (`dc+sd-jwt`: `vct` and its own claims, no JSON-LD) laid out as issuer and credentialSubject."""
    claims = dict(sd.claims)
    iss = claims.get("iss")
    if "@context" in claims or "type" in claims:
        if "issuer" not in claims and isinstance(iss, str):
            claims["issuer"] = iss
        return claims
    subject = {k: v for k, v in claims.items() if k not in _REGISTERED}
    if isinstance(claims.get("sub"), str):
        subject["id"] = claims["sub"]
    vct = claims.get("vct")
    document: dict[str, Any] = {
        "type": ["VerifiableCredential"] + ([vct] if isinstance(vct, str) and vct else []),
        "credentialSubject": subject,
    }
    if isinstance(iss, str):
        document["issuer"] = iss
    if isinstance(claims.get("jti"), str):
        document["id"] = claims["jti"]
    issued = numeric_date(claims.get("iat"))
    if issued is not None:
        document["validFrom"] = issued.strftime("%Y-%m-%dT%H:%M:%SZ")
    return document


NEVER_HIDDEN = ("iss", "nbf", "exp", "cnf", "vct", "status")
"""Claims SD-JWT VC forbids making selectively disclosable: a copy without them would read differently."""
LIMITS = ("validFrom", "validUntil", "expirationDate", "credentialStatus")
"""A VC's own dates and status: hideable by the data model, yet a copy without them reads as valid for ever."""


def _hiding(sd: SdJwt) -> list[Check]:
    """What selective disclosure could hide from the validity and status checks."""
    found = []
    forbidden = [name for name in NEVER_HIDDEN if name in sd.disclosed_top]
    if forbidden:
        found.append(Check(CheckName.FORMAT, Outcome.FAILED,
                           said(N_("The issuer made {names} selectively disclosable, which SD-JWT VC forbids: a copy "
                                   "without it would read differently."), names=", ".join(forbidden))))
    limits = [name for name in LIMITS if name in sd.disclosed_top]
    if limits:
        found.append(Check(CheckName.FORMAT, Outcome.WARNING,
                           said(N_("The issuer let the holder hide {names}: a copy without it would read as valid "
                                   "for ever and never revoked."), names=", ".join(limits))))
    ends = ("validUntil", "expirationDate", "exp")
    if sd.hidden_top and not limits and not any(name in sd.claims for name in ends):
        found.append(Check(CheckName.FORMAT, Outcome.WARNING,
                           said(N_("{count} of the issuer's claims were kept hidden and no end date is shown: if one "
                                   "of them is an end date or a status, it was not checked."), count=sd.hidden_top)))
    return found


def checks(sd: SdJwt, now: datetime) -> list[Check]:
    """Format lines: the media type, every disclosure problem (each fails the credential), and what selective
    disclosure could hide from the validity and status checks."""
    found: list[Check] = []
    typed = check_media_types(sd.jws.header, SD_JWT_TYPS, CREDENTIAL_CTYS, "an SD-JWT credential")
    if typed is not None:
        found.append(typed)
    found.extend(_hiding(sd))
    for problem in sd.problems:
        found.append(Check(CheckName.FORMAT, Outcome.FAILED, said(N_("Selective disclosure: {problem}"),
            problem=problem)))
    if not sd.problems:
        found.append(
            Check(
                CheckName.FORMAT,
                Outcome.PASSED,
                said(N_("{revealed} selectively disclosed claim(s) match digests the issuer signed ({hash_name})."),
                    revealed=sd.revealed, hash_name=sd.hash_name),
            )
        )
    return found


def key_binding_check(sd: SdJwt, now: datetime) -> Check | None:
    """The holder's key-binding JWT, when present: typ, signature by the `cnf` key, `sd_hash`, `iat`."""
    kb = sd.key_binding
    if kb is None:
        return None

    def failed(reason: str) -> Check:
        return Check(CheckName.PRESENTATION, Outcome.FAILED, said(N_("The holder's key-binding proof fails: {reason}"),
            reason=reason))

    if media_type(kb.header.get("typ")) != "kb+jwt":
        return failed(said(N_("its header is typed \"{typ}\", not \"kb+jwt\"."), typ=clip(kb.header.get("typ"), 30)))
    payload = sd.jws.payload_json()
    cnf = payload.get("cnf") if isinstance(payload, dict) else None
    jwk = cnf.get("jwk") if isinstance(cnf, dict) else None
    if not isinstance(jwk, dict):
        return failed(said(N_("the credential names no holder key (\"cnf\") to check it with.")))
    try:
        key = jose.key_from_jwk(jwk)
        good = jose.verify_jws(kb, key)
        claims = kb.payload_json()
    except jose.UnsupportedAlgorithmError as exc:
        return Check(CheckName.PRESENTATION, Outcome.NOT_CHECKED, said(N_("The holder's key-binding proof: {message}"),
            message=exc.message))
    except WalletError as exc:
        return failed(exc.message)
    if not good:
        return failed(said(N_("its signature does not match the holder key the credential names.")))
    if not isinstance(claims, dict):
        return failed(said(N_("its contents are not a JSON object.")))
    expected = jose.b64url_encode(HASHES[sd.hash_name](sd.presented.encode("ascii")).digest())
    if claims.get("sd_hash") != expected:
        return failed(said(N_("its sd_hash does not cover this credential and these disclosures.")))
    issued = numeric_date(claims.get("iat"))
    if issued is None:
        return failed(said(N_("it has no readable time of signing (iat).")))
    if issued > now:
        return failed(said(N_("it says it was made in the future ({issued})."), issued=issued))
    context = [f"challenge {clip(claims['nonce'], 40)}" if isinstance(claims.get("nonce"), str) else "",
               f"domain {clip(claims['aud'], 40)}" if isinstance(claims.get("aud"), str) else ""]
    shown = ", ".join(s for s in context if s)
    if shown:
        return Check(CheckName.PRESENTATION, Outcome.PASSED,
                     said(N_("The holder's key-binding proof is valid ({context})."), context=shown))
    return Check(CheckName.PRESENTATION, Outcome.PASSED, said(N_("The holder's key-binding proof is valid.")))

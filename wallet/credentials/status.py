"""Has this credential been revoked or suspended? Answered strictly offline, from status lists at hand.

The wallet never fetches anything. The caller passes a `StatusSource` that returns the status list
document the learner or employer supplied for a URL (or None), and a `ListVerifier` that checks the
list's own proof. Every answer is one `Check(CheckName.STATUS, …)` per `credentialStatus` entry.

The rule behind every choice below: the wallet never says PASSED unless it actually looked at a list
it can rely on. Whenever it could not look, or what it looked at cannot be relied on, the outcome is
NOT_CHECKED with a sentence saying why. FAILED is reserved for "a list the wallet could rely on says
this credential is revoked or suspended".

Decisions (each is a sentence a learner sees):

* No `credentialStatus` (absent, null or an empty list): PASSED, "The issuer publishes no revocation
  list for this credential." Such a credential cannot be revoked through a list, so there is nothing
  left unchecked; whether the credential is otherwise acceptable is for the other checks to say.
* Supported methods: `BitstringStatusListEntry` (VC 2.0 Bitstring Status List), `StatusList2021Entry`
  (its predecessor) and `1EdTechRevocationList` (1EdTech Revocation List Status Method: the entry's
  `id` is the list URL; the list has `revokedCredentials`, each an id or an object with `id` and an
  optional `revocationReason`). Any other method: NOT_CHECKED, naming the method.
* List not at hand (the source returns None) or unreadable (the source raises a `WalletError`):
  NOT_CHECKED, never PASSED.
* List at hand but not reliable, all NOT_CHECKED with the reason: the verifier callback says its
  proof does not hold (its sentence is included); it is outside its own validity window
  (`validFrom`/`validUntil`, `issuanceDate`/`expirationDate`) at `now`, or a date is unreadable; it is
  not the right kind of list (type, `credentialSubject.type`, `encodedList` missing or wrong); its
  `statusPurpose` does not include the entry's purpose (compared case-insensitively); its
  `encodedList` does not decode; or it is too short to hold the entry's index ("the list is too
  short": the list does not cover this credential, so it says nothing about it).
* A list whose own `id` differs from the URL the credential points to may be a different list from
  the same issuer. If the credential's position is clear in it, that proves nothing, so the result
  is NOT_CHECKED. If the position is set, the result stays FAILED and the sentence names both
  addresses (lists are often re-hosted, and a signed "revoked" from the issuer must not be hidden).
* Bit(s) set: revocation → FAILED "The issuer has revoked this credential."; suspension → FAILED
  "The issuer has suspended this credential."; refresh → WARNING (a newer version is available);
  message → WARNING quoting the issuer's `statusMessage` for that value (the wallet cannot judge an
  arbitrary message, so the person should read it; value 0 with no message is PASSED).
* `statusSize` (Bitstring only) > 1: the entry occupies `statusSize` bits starting at bit
  `statusListIndex * statusSize`; a value of 0 means "not set". `StatusList2021Entry` is always 1 bit.
* Bit(s) clear: PASSED "The issuer's revocation list (checked offline, dated …) does not list this
  credential." The date lets the person judge how current the list is.
* A list whose signature holds but which someone other than the credential's issuer published (its
  `issuer` differs, when `issuer_id` is given) or signed (its key is not its publisher's, as the
  `ListVerdict` says): a revocation or suspension it records is still FAILED, naming that publisher, so
  a revoked credential never passes because the list came from elsewhere; anything else it says is
  NOT_CHECKED "Not confirmed: …", because only the issuer can vouch that its credential stands.

OB 2.0 has no `credentialStatus`: its issuer publishes a `RevocationList` (see `check_ob2_revocation`).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from wallet.credentials.limits import MAX_DECOMPRESSED_BYTES, check_size
from wallet.credentials.report import Check, CheckName, Outcome, Said, said
from wallet.credentials.validity import in_utc
from wallet.errors import CredentialFormatError, UsageError, WalletError
from wallet.i18n import N_, _

StatusSource = Callable[[str], Any | None]
"""Given a status list URL, the parsed JSON document the user supplied for it (a status list credential /
revocation list), or None when it is not at hand."""



@dataclass(frozen=True)
class ListVerdict:
    """What the verifier engine found about a status list's own proof."""

    trustworthy: bool
    """Its signature holds and was made with a key of the publisher it names."""
    sentence: str
    """Why not, when it is not trustworthy (shown to the person)."""
    signer: str | None = None
    """When not trustworthy but the signature itself holds: the key that made it (a list signed by someone else)."""


ListVerifier = Callable[[dict[str, Any]], ListVerdict]
"""Checks a status list credential's own proof and key. Supplied by the verifier engine."""

BITSTRING_ENTRY = "BitstringStatusListEntry"
STATUS_LIST_2021_ENTRY = "StatusList2021Entry"
EDTECH_REVOCATION_LIST = "1EdTechRevocationList"

NO_STATUS_MESSAGE = N_("The issuer publishes no revocation list for this credential.")
REVOKED_MESSAGE = N_("The issuer has revoked this credential.")
SUSPENDED_MESSAGE = N_("The issuer has suspended this credential.")

_LIST_KINDS = {
    # entry type: (list credential type, list subject type, purposes the entry may have)
    BITSTRING_ENTRY: (
        "BitstringStatusListCredential",
        "BitstringStatusList",
        ("revocation", "suspension", "refresh", "message"),
    ),
    STATUS_LIST_2021_ENTRY: ("StatusList2021Credential", "StatusList2021", ("revocation", "suspension")),
}

_BASE64_TEXT = re.compile(r"[A-Za-z0-9_\-+/]*")
_INDEX_TEXT = re.compile(r"[0-9]{1,20}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN_CHARS = 200
_DATE_FIELDS = ("validFrom", "validUntil", "issuanceDate", "expirationDate")


class _NotChecked(Exception):
    """Internal: the entry could not be checked; the message is the sentence for the report."""


# ---------------------------------------------------------------------------------------------------
# Bitstrings


def decode_bitstring(encoded_list: str) -> bytes:
    """The raw bitstring inside an `encodedList`: base64url text of GZIP data, then gunzipped.

    Accepts multibase base64url (a leading 'u', as BitstringStatusList requires) and plain base64url
    (StatusList2021). The two cannot be confused: GZIP data always starts with the bytes 1f 8b, which
    encode as "H4s", never as "u". Padding is optional and '+'/'/' are read like '-'/'_'. The result may
    be at most MAX_DECOMPRESSED_BYTES long; anything that would expand further is refused without
    being expanded. Raises CredentialFormatError with a sentence on any bad data.
    """
    if not isinstance(encoded_list, str):
        raise CredentialFormatError(_("The status list's encodedList is not text."))
    check_size(encoded_list, _("The status list's encodedList"))
    text = encoded_list[1:] if encoded_list.startswith("u") else encoded_list
    text = text.rstrip("=")
    if not text:
        raise CredentialFormatError(_("The status list's encodedList is empty."))
    if not _BASE64_TEXT.fullmatch(text) or len(text) % 4 == 1:
        raise CredentialFormatError(_("The status list's encodedList is not valid base64url text."))
    try:
        compressed = base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError) as exc:  # pragma: no cover - the pattern check above rules this out
        raise CredentialFormatError(_("The status list's encodedList is not valid base64url text.")) from exc
    inflater = zlib.decompressobj(wbits=31)  # 31: a GZIP header and trailer are required
    try:
        bits = inflater.decompress(compressed, MAX_DECOMPRESSED_BYTES + 1)
    except zlib.error as exc:
        raise CredentialFormatError(_("The status list's encodedList is not GZIP-compressed data.")) from exc
    if len(bits) > MAX_DECOMPRESSED_BYTES:
        raise CredentialFormatError(
            _("The status list expands to more than {value} MB; the wallet refuses it as a possible "
              "compression bomb.").format(
                                value=MAX_DECOMPRESSED_BYTES // 1_048_576)
        )
    if not inflater.eof:
        raise CredentialFormatError(_("The status list's compressed data is cut short."))
    if inflater.unused_data:
        raise CredentialFormatError(_("The status list's compressed data has extra bytes after its end."))
    return bits


def bit_at(bits: bytes, index: int) -> bool:
    """The bit at `index`, where index 0 is the most significant (left-most) bit of byte 0.

    Raises IndexError when the index is negative or past the end (Python's negative indexing never
    applies here).
    """
    if index < 0 or index >= len(bits) * 8:
        raise IndexError(_("bit {index} is outside a list of {value} bits").format(index=index, value=len(bits) * 8))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _value_at(bits: bytes, first_bit: int, size: int) -> int:
    """The unsigned big-endian number held in `size` bits starting at `first_bit` (range already checked)."""
    end_bit = first_bit + size
    first_byte, end_byte = first_bit // 8, (end_bit + 7) // 8
    chunk = int.from_bytes(bits[first_byte:end_byte], "big")
    return (chunk >> (end_byte * 8 - end_bit)) & ((1 << size) - 1)


# ---------------------------------------------------------------------------------------------------
# Small readers for untrusted JSON


def _shown(text: str) -> str:
    """Untrusted text made safe to put in a sentence: no control characters, at most 200 characters."""
    clean = _CONTROL.sub(" ", text).strip()
    return clean if len(clean) <= _SHOWN_CHARS else clean[: _SHOWN_CHARS - 1] + "…"


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("type", node.get("@type"))
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _issuer_of(doc: dict[str, Any]) -> str | None:
    issuer = doc.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) and issuer else None


def _aware(moment: datetime) -> datetime:
    """A list's own date in UTC; one written without a zone is read as UTC."""
    return in_utc(moment)


def _time(doc: dict[str, Any], field: str, list_name: str, url: str, unchecked: str) -> datetime | None:
    value = doc.get(field)
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(field)
        return _aware(datetime.fromisoformat(value))
    except ValueError:
        raise _NotChecked(
            said(N_("The {list_name} at {url} has an unreadable {field} date, so {unchecked} was not checked."),
                list_name=list_name, url=_shown(url), field=field, unchecked=unchecked)
        ) from None


def _without_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _parse_index(value: Any) -> int | None:
    """A non-negative integer given as a JSON number or as decimal text; None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and _INDEX_TEXT.fullmatch(value):
        return int(value)
    return None


# ---------------------------------------------------------------------------------------------------
# Purposes: what to call the list and what the result means


def _list_name(purpose: str) -> str:
    """What to call the list in a sentence (a marked phrase, shown in the language in use)."""
    if purpose == "revocation":
        return said(N_("revocation list"))
    if purpose == "suspension":
        return said(N_("suspension list"))
    return said(N_("status list"))


def _unchecked_noun(purpose: str) -> str:
    """What was not checked, as a phrase for "so … was not checked" (marked)."""
    if purpose == "suspension":
        return said(N_("suspension"))
    if purpose == "refresh":
        return said(N_("whether a newer version exists"))
    if purpose == "message":
        return said(N_("the issuer's status message"))
    return said(N_("revocation"))


class _Lists:
    """Fetches each list once through the source and asks the verifier about it once per check run."""

    def __init__(self, source: StatusSource, verify_list: ListVerifier) -> None:
        self._source = source
        self._verify_list = verify_list
        self._docs: dict[str, Any] = {}
        self._verdicts: dict[str, ListVerdict] = {}

    def get(self, url: str, list_name: str, unchecked: str) -> tuple[dict[str, Any], str | None]:
        """The list document for `url` and, when its signature holds but its key is not its publisher's, who
        signed it; _NotChecked when it is missing, unreadable or its signature does not hold."""
        if url not in self._docs:
            try:
                self._docs[url] = self._source(url)
            except WalletError as exc:
                self._docs[url] = exc
        doc = self._docs[url]
        shown = _shown(url)
        if doc is None:
            raise _NotChecked(said(N_("The {list_name} at {shown} is not available offline, so {unchecked} was not "
                                      "checked."), list_name=list_name, shown=shown, unchecked=unchecked))
        if isinstance(doc, WalletError):
            raise _NotChecked(
                said(N_("The {list_name} supplied for {shown} could not be read, so {unchecked} was not checked. "
                        "{message}"), list_name=list_name, shown=shown, unchecked=unchecked, message=doc.message)
            )
        if not isinstance(doc, dict):
            raise _NotChecked(
                said(N_("The document supplied for {shown} is not a JSON status list, so {unchecked} was not checked."),
                    shown=shown, unchecked=unchecked)
            )
        if url not in self._verdicts:
            try:
                self._verdicts[url] = self._verify_list(doc)
            except WalletError as exc:
                self._verdicts[url] = ListVerdict(False, exc.message)
        verdict = self._verdicts[url]
        if verdict.trustworthy:
            return doc, None
        if verdict.signer:
            return doc, said(N_("signed with the key {key}"), key=_shown(verdict.signer))
        sentence = said(N_("The {list_name} at {shown} could not be trusted, so {unchecked} was not checked."),
            list_name=list_name, shown=shown, unchecked=unchecked)
        raise _NotChecked(f"{sentence} {verdict.sentence}".rstrip())


@dataclass(frozen=True)
class _Provenance:
    """How a list is dated, and who other than the credential's issuer published or signed it (None: the issuer)."""

    dated: str
    other: str | None


def _check_publisher_and_dates(
    doc: dict[str, Any],
    url: str,
    signed_by: str | None,
    *,
    issuer_id: str | None,
    now: datetime,
    list_name: str,
    unchecked: str,
) -> _Provenance:
    """Refuse a list outside its validity window; say how it is dated and whether someone else published it."""
    shown = _shown(url)
    publisher = _issuer_of(doc)
    other = signed_by
    if other is None and issuer_id is not None and publisher != issuer_id:
        other = (said(N_("published by {publisher}"), publisher=_shown(publisher)) if publisher
                 else said(N_("published by an unnamed publisher")))
    times = {field: _time(doc, field, list_name, url, unchecked) for field in _DATE_FIELDS}
    moment = _aware(now)
    for field in ("validFrom", "issuanceDate"):
        start = times[field]
        if start is not None and moment < start:
            raise _NotChecked(
                said(N_("The {list_name} at {shown} is only valid from {day}, so {unchecked} was not checked."),
                    list_name=list_name, shown=shown, day=start.date().isoformat(), unchecked=unchecked)
            )
    for field in ("validUntil", "expirationDate"):
        end = times[field]
        if end is not None and moment > end:
            raise _NotChecked(
                said(N_("The {list_name} at {shown} expired on {day}, so {unchecked} was not checked."),
                    list_name=list_name, shown=shown, day=end.date().isoformat(), unchecked=unchecked)
            )
    dated = times["validFrom"] or times["issuanceDate"]
    return _Provenance(said(N_("dated {day}"), day=dated.date().isoformat()) if dated else said(N_("undated")), other)


def _from_another(other: str, purpose: str, set_value: bool, url: str, issuer_id: str | None) -> Check:
    """The answer from a list someone other than the credential's issuer published or signed."""
    issuer = f" ({_shown(issuer_id)})" if issuer_id else ""
    list_name = _list_name(purpose)
    if set_value and purpose in ("revocation", "suspension"):
        done = said(N_("revoked")) if purpose == "revocation" else said(N_("suspended"))
        return Check(
            CheckName.STATUS,
            Outcome.FAILED,
            said(N_("The {list_name} at {url}, {other} rather than by the credential's issuer{issuer}, says this "
                    "credential has been {done}."),
                        list_name=list_name, url=_shown(url), other=other, issuer=issuer, done=done),
        )
    return Check(
        CheckName.STATUS,
        Outcome.NOT_CHECKED,
        said(N_("Not confirmed: the {list_name} at {url} was {other}, not by the credential's issuer{issuer}, so it "
                "cannot vouch for {unchecked_noun}."),
                    list_name=list_name, url=_shown(url), other=other, issuer=issuer,
                    unchecked_noun=_unchecked_noun(purpose)),
    )


def _other_address(doc: dict[str, Any], url: str) -> str | None:
    """The list's own id when it names a different address from the one the credential points to."""
    own = doc.get("id")
    if isinstance(own, str) and own and _without_fragment(own) != _without_fragment(url):
        return own
    return None


def _revoked_sentence(base: str, doc: dict[str, Any], url: str) -> str:
    """`base` (a marked sentence), with a note when the list gives another address than the one it came from."""
    other = _other_address(doc, url)
    if other is None:
        return said(base)
    return said(N_("{sentence} (The list supplied for {url} gives its own address as {other}.)"),
                sentence=said(base), url=_shown(url), other=_shown(other))


def _refuse_other_list_when_clear(doc: dict[str, Any], url: str, list_name: str, unchecked: str) -> None:
    other = _other_address(doc, url)
    if other is not None:
        raise _NotChecked(
            said(N_("The {list_name} supplied for {url} gives its own address as {other}, so it may be a different "
                    "list; {unchecked} was not checked."),
                        list_name=list_name, url=_shown(url), other=_shown(other), unchecked=unchecked)
        )


# ---------------------------------------------------------------------------------------------------
# The status methods


def _check_bitstring_entry(
    entry: dict[str, Any], kind: str, lists: _Lists, *, issuer_id: str | None, now: datetime
) -> Check:
    list_type, subject_type, purposes = _LIST_KINDS[kind]
    purpose = entry.get("statusPurpose")
    if not isinstance(purpose, str) or not purpose:
        raise _NotChecked(said(N_("The credential's status entry does not say what it is for, so revocation was not "
                                  "checked.")))
    if purpose.lower() in purposes:
        purpose = purpose.lower()  # purposes are compared case-insensitively, as on the list side
    else:
        raise _NotChecked(
            said(N_("The credential's status entry is for “{purpose}”, which this wallet cannot check for {kind}, so "
                    "its status was not checked."), purpose=_shown(purpose), kind=kind)
        )
    list_name, unchecked = _list_name(purpose), _unchecked_noun(purpose)
    url = entry.get("statusListCredential")
    if not isinstance(url, str) or not url:
        raise _NotChecked(
            said(N_("The credential's status entry does not say where its {list_name} is, so {unchecked} was not "
                    "checked."), list_name=list_name, unchecked=unchecked)
        )
    index = _parse_index(entry.get("statusListIndex"))
    if index is None:
        raise _NotChecked(
            said(N_("The credential's status entry has no usable statusListIndex, so {unchecked} was not checked."),
                unchecked=unchecked)
        )
    size = _parse_index(entry.get("statusSize", 1)) if kind == BITSTRING_ENTRY else 1
    if size is None or size < 1:
        raise _NotChecked(said(N_("The credential's status entry has no usable statusSize, so {unchecked} was not "
                                  "checked."), unchecked=unchecked))

    doc, signed_by = lists.get(url, list_name, unchecked)
    shown = _shown(url)
    subject = doc.get("credentialSubject")
    if list_type not in _types(doc) or not isinstance(subject, dict) or subject_type not in _types(subject):
        raise _NotChecked(said(N_("The document supplied for {shown} is not a {list_type}, so {unchecked} was not "
                                  "checked."), shown=shown, list_type=list_type, unchecked=unchecked))
    list_purposes = subject.get("statusPurpose")
    if isinstance(list_purposes, str):
        list_purposes = [list_purposes]
    if not isinstance(list_purposes, list) or purpose.lower() not in {
        p.lower() for p in list_purposes if isinstance(p, str)
    }:
        stated = (
            ", ".join(_shown(p) for p in list_purposes if isinstance(p, str)) if isinstance(list_purposes, list) else ""
        )
        raise _NotChecked(
            said(N_("The status list at {shown} is for {value}, but this credential's entry is for {purpose}, so "
                    "{unchecked} was not checked."),
                 shown=shown, value=stated or said(N_("an unstated purpose")), purpose=_shown(purpose),
                 unchecked=unchecked)
        )
    provenance = _check_publisher_and_dates(
        doc, url, signed_by, issuer_id=issuer_id, now=now, list_name=list_name, unchecked=unchecked
    )
    encoded = subject.get("encodedList")
    if not isinstance(encoded, str):
        raise _NotChecked(said(N_("The {list_name} at {shown} has no encodedList, so {unchecked} was not checked."),
            list_name=list_name, shown=shown, unchecked=unchecked))
    try:
        bits = decode_bitstring(encoded)
    except CredentialFormatError as exc:
        raise _NotChecked(
            said(N_("The {list_name} at {shown} could not be decoded, so {unchecked} was not checked. {message}"),
                list_name=list_name, shown=shown, unchecked=unchecked, message=exc.message)
        ) from None
    entries = len(bits) * 8 // size
    if index >= entries:
        raise _NotChecked(
            said(N_("The {list_name} at {shown} is too short: it has {entries} entries and this credential's entry "
                    "is number {index}, so {unchecked} was not checked."),
                        list_name=list_name, shown=shown, entries=entries, index=index, unchecked=unchecked)
        )
    value = _value_at(bits, index * size, size)
    if provenance.other is not None:
        return _from_another(provenance.other, purpose, value != 0, url, issuer_id)
    return _bitstring_result(purpose, value, entry, doc, url, provenance.dated)


def _bitstring_result(
    purpose: str, value: int, entry: dict[str, Any], doc: dict[str, Any], url: str, dated: str
) -> Check:
    if purpose == "message":
        message = _status_message(entry, value)
        if message is not None:
            return Check(
                CheckName.STATUS,
                Outcome.WARNING,
                said(N_("The issuer's status list (checked offline, {dated}) gives this credential the status "
                        "“{message}”."), dated=dated, message=_shown(message)),
            )
        if value:
            return Check(
                CheckName.STATUS,
                Outcome.WARNING,
                said(N_("The issuer's status list (checked offline, {dated}) gives this credential the status value "
                        "{value:#x}, which the issuer does not explain."), dated=dated, value=value),
            )
    if value:
        if purpose == "revocation":
            return Check(CheckName.STATUS, Outcome.FAILED, _revoked_sentence(REVOKED_MESSAGE, doc, url))
        if purpose == "suspension":
            return Check(CheckName.STATUS, Outcome.FAILED, _revoked_sentence(SUSPENDED_MESSAGE, doc, url))
        return Check(
            CheckName.STATUS,
            Outcome.WARNING,
            said(N_("The issuer says a newer version of this credential is available; ask the issuer for it.")),
        )
    list_name = _list_name(purpose)
    _refuse_other_list_when_clear(doc, url, list_name, _unchecked_noun(purpose))
    if purpose == "refresh":
        return Check(
            CheckName.STATUS,
            Outcome.PASSED,
            said(N_("The issuer's status list (checked offline, {dated}) does not offer a newer version of this "
                    "credential."), dated=dated),
        )
    if purpose == "message":
        return Check(
            CheckName.STATUS,
            Outcome.PASSED,
            said(N_("The issuer's status list (checked offline, {dated}) sets no status for this credential."),
                dated=dated),
        )
    return Check(
        CheckName.STATUS,
        Outcome.PASSED,
        said(N_("The issuer's {list_name} (checked offline, {dated}) does not list this credential."),
            list_name=list_name, dated=dated),
    )


def _status_message(entry: dict[str, Any], value: int) -> str | None:
    """The issuer's explanation for `value` from the entry's statusMessage list ({status: "0x…", message})."""
    messages = entry.get("statusMessage")
    if not isinstance(messages, list):
        return None
    for item in messages:
        if not isinstance(item, dict):
            continue
        status, message = item.get("status"), item.get("message")
        if not isinstance(status, str) or not isinstance(message, str) or len(status) > 40:
            continue
        try:
            if int(status, 16) == value:
                return message
        except ValueError:
            continue
    return None


def _check_edtech_entry(
    entry: dict[str, Any], credential: dict[str, Any], lists: _Lists, *, issuer_id: str | None, now: datetime
) -> Check:
    list_name, unchecked = "revocation list", "revocation"
    url = entry.get("id")
    if not isinstance(url, str) or not url:
        raise _NotChecked(
            said(N_("The credential's status entry does not say where its revocation list is, so revocation was not "
                    "checked."))
        )
    credential_id = credential.get("id")
    if not isinstance(credential_id, str) or not credential_id:
        raise _NotChecked(said(N_("The credential has no id, so no revocation list can name it; revocation was not "
                                  "checked.")))
    doc, signed_by = lists.get(url, list_name, unchecked)
    revoked = doc.get("revokedCredentials")
    if not isinstance(revoked, list):
        raise _NotChecked(
            said(N_("The document supplied for {url} is not a 1EdTech revocation list, so revocation was not checked."),
                url=_shown(url))
        )
    provenance = _check_publisher_and_dates(
        doc, url, signed_by, issuer_id=issuer_id, now=now, list_name=list_name, unchecked=unchecked
    )
    found, reason = _find_revoked(revoked, credential_id, ("id",))
    if provenance.other is not None:
        return _from_another(provenance.other, "revocation", found, url, issuer_id)
    if found:
        return Check(
            CheckName.STATUS, Outcome.FAILED, _with_reason(_revoked_sentence(REVOKED_MESSAGE, doc, url), reason)
        )
    _refuse_other_list_when_clear(doc, url, list_name, unchecked)
    return Check(
        CheckName.STATUS,
        Outcome.PASSED,
        said(N_("The issuer's revocation list (checked offline, {dated}) does not list this credential."),
            dated=provenance.dated),
    )


def _find_revoked(items: list[Any], wanted: str, keys: tuple[str, ...]) -> tuple[bool, str | None]:
    """Whether `wanted` is among the list's ids (plain strings or objects), and the reason given, if any."""
    for item in items:
        if isinstance(item, str) and item == wanted:
            return True, None
        if isinstance(item, dict) and any(item.get(key) == wanted for key in keys):
            reason = item.get("revocationReason")
            return True, reason if isinstance(reason, str) and reason.strip() else None
    return False, None


def _with_reason(sentence: str, reason: str | None) -> str:
    """`sentence` and the issuer's reason, when it gives one."""
    shown = sentence if isinstance(sentence, Said) else said(sentence)
    return said(N_("{sentence} Reason given: “{reason}”."), sentence=shown, reason=_shown(reason)) if reason else shown


def _check_entry(
    entry: Any, credential: dict[str, Any], lists: _Lists, *, issuer_id: str | None, now: datetime
) -> Check:
    try:
        if not isinstance(entry, dict):
            raise _NotChecked(
                said(N_("One of the credential's status entries is not in a form the wallet can read, so revocation "
                        "was not checked."))
            )
        types = _types(entry)
        for kind in (BITSTRING_ENTRY, STATUS_LIST_2021_ENTRY):
            if kind in types:
                return _check_bitstring_entry(entry, kind, lists, issuer_id=issuer_id, now=now)
        if EDTECH_REVOCATION_LIST in types:
            return _check_edtech_entry(entry, credential, lists, issuer_id=issuer_id, now=now)
        named = ", ".join(_shown(t) for t in types) or "an unnamed method"
        raise _NotChecked(
            said(N_("The credential's status uses {named}, which this wallet cannot check, so revocation was not "
                    "checked."), named=named)
        )
    except _NotChecked as exc:
        return Check(CheckName.STATUS, Outcome.NOT_CHECKED, exc.args[0] if exc.args else str(exc))


def check_status(
    credential: dict[str, Any],
    source: StatusSource,
    verify_list: ListVerifier,
    *,
    issuer_id: str | None,
    now: datetime,
) -> list[Check]:
    """One STATUS check per `credentialStatus` entry of a VC (OB 3.0, CLR 2.0, VC 1.1/2.0).

    `source` gives the list documents at hand (it is called at most once per URL), `verify_list` says
    whether a list's own proof can be trusted (called at most once per URL), `issuer_id` is the
    credential's issuer (a list from anyone else can report a revocation but never confirm the
    credential stands; None skips that comparison) and `now` is the moment the lists must be valid at,
    timezone-aware (a naive one is a UsageError). See the module docstring for what each outcome means.
    """
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise UsageError(_("The moment to check status lists at must say its time zone."))
    now = in_utc(now)
    status = credential.get("credentialStatus")
    if status is None or status == []:
        return [Check(CheckName.STATUS, Outcome.PASSED, said(NO_STATUS_MESSAGE))]
    entries = status if isinstance(status, list) else [status]
    lists = _Lists(source, verify_list)
    return [_check_entry(entry, credential, lists, issuer_id=issuer_id, now=now) for entry in entries]


def check_ob2_revocation(assertion_id: str, revocation_list: dict[str, Any] | None) -> Check:
    """Whether an OB 2.0 issuer's RevocationList names this assertion.

    `revokedAssertions` holds assertion ids or objects `{id, uid?, revocationReason?}`; an object
    matches on `id` or `uid`. A missing `revokedAssertions` in a document typed RevocationList means
    nothing is revoked. No list, a document of another type or an unreadable `revokedAssertions` is
    NOT_CHECKED. OB 2.0 lists carry no signature: the caller must only pass a list it obtained from
    the issuer's `revocationList` address (the issuer profile decides which list applies).
    """
    if revocation_list is None:
        return Check(
            CheckName.STATUS,
            Outcome.NOT_CHECKED,
            said(N_("The issuer's revocation list is not available offline, so revocation was not checked.")),
        )
    if not isinstance(revocation_list, dict) or "RevocationList" not in _types(revocation_list):
        return Check(
            CheckName.STATUS,
            Outcome.NOT_CHECKED,
            said(N_("The document supplied as the issuer's revocation list is not an Open Badges RevocationList, so "
                    "revocation was not checked.")),
        )
    revoked = revocation_list.get("revokedAssertions", [])
    if not isinstance(revoked, list):
        return Check(
            CheckName.STATUS,
            Outcome.NOT_CHECKED,
            said(N_("The issuer's revocation list has no readable list of revoked assertions, so revocation was not "
                    "checked.")),
        )
    found, reason = _find_revoked(revoked, assertion_id, ("id", "uid"))
    if found:
        return Check(CheckName.STATUS, Outcome.FAILED, _with_reason(REVOKED_MESSAGE, reason))
    return Check(
        CheckName.STATUS,
        Outcome.PASSED,
        said(N_("The issuer's revocation list (checked offline) does not list this credential.")),
    )

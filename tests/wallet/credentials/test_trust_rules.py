"""Verifier trust rules: which key speaks for an issuer, proof sets and chains, JWT windows, time zones, and
status lists published by someone other than the issuer. Every key and document is made here, signed for real."""

from __future__ import annotations

import base64
import gzip
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.wallet.credentials.test_verifier import _badge, _key, _signed, _verify
from wallet.credentials import dataintegrity as di
from wallet.credentials import jose
from wallet.credentials.keys import KeyResolver
from wallet.credentials.multikey import encode_base58btc, multikey_from_ed25519
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.validity import check_validity, dates_as_written, parse_instant
from wallet.credentials.verifier import VerifyOptions
from wallet.errors import UsageError

NOW = datetime(2026, 1, 1, tzinfo=UTC)
COLLEGE = "did:web:college.example"
COLLEGE_VM = f"{COLLEGE}#key-1"
ATTACKER_VM = "https://attacker.example/keys/1"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "validator" / "ob20"
V2 = "https://www.w3.org/ns/credentials/v2"


def _multikey(label: str) -> str:
    key, _, _ = _key(label)
    return multikey_from_ed25519(bytes(key.verify_key))


def _method(vm: str, label: str, controller: str = COLLEGE) -> dict[str, Any]:
    return {"id": vm, "type": "Multikey", "controller": controller, "publicKeyMultibase": _multikey(label)}


def _college_document(*assertion: Any, methods: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The college's own DID document (as the learner would import it): its key, listed for issuing."""
    return {
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": COLLEGE,
        "verificationMethod": methods if methods is not None else [_method(COLLEGE_VM, "college")],
        "assertionMethod": list(assertion) or [COLLEGE_VM],
    }


def _resolver(*documents: dict[str, Any]) -> KeyResolver:
    resolver = KeyResolver()
    for document in documents:
        resolver.add_document(document)
    return resolver


def _line(report: ItemReport, check: CheckName) -> str:
    return " | ".join(c.message for c in report.checks if c.check is check)


# --- issuer binding ---------------------------------------------------------------------------------------


def test_trusted_issuer_is_not_confirmed_for_a_credential_its_key_did_not_sign() -> None:
    """A trusted issuer's name on a forged or tampered credential never earns a passed trusted-issuer line."""
    forged = _signed(_badge(COLLEGE), label="attacker", vm=ATTACKER_VM)
    report = _verify(forged, resolver=_resolver(_method(ATTACKER_VM, "attacker"), _college_document()),
                     trusted_issuers={COLLEGE: "College"})
    assert report.outcome_of(CheckName.TRUSTED_ISSUER) is Outcome.NOT_CHECKED
    assert "does not prove" in _line(report, CheckName.TRUSTED_ISSUER)
    genuine = _signed(_badge(COLLEGE), label="college", vm=COLLEGE_VM)
    tampered = {**genuine, "name": "Registered Nurse"}
    for document, outcome in ((genuine, Outcome.PASSED), (tampered, Outcome.NOT_CHECKED)):
        report = _verify(document, resolver=_resolver(_college_document()), trusted_issuers={COLLEGE: "College"})
        assert report.outcome_of(CheckName.TRUSTED_ISSUER) is outcome




def test_attacker_key_claiming_the_issuer_fails_beside_the_issuers_real_document() -> None:
    """A key at attacker.example saying "controller: did:web:college.example" fails when the college's own DID
    document, also at hand, lists a different key."""
    forged = _signed(_badge(COLLEGE), label="attacker", vm=ATTACKER_VM)
    resolver = _resolver(_method(ATTACKER_VM, "attacker"), _college_document())
    report = _verify(forged, resolver=resolver, trusted_issuers={COLLEGE: "College"})
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED  # the arithmetic holds: the attacker signed
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED
    assert "does not list the key" in _line(report, CheckName.ISSUER_KEY)
    assert report.status is Status.NOT_VERIFIED


def test_attacker_key_claiming_the_issuer_is_not_checked_without_the_issuers_document() -> None:
    """Without the college's own document the claim cannot be confirmed: issuer key not checked, unverifiable."""
    forged = _signed(_badge(COLLEGE), label="attacker", vm=ATTACKER_VM)
    report = _verify(forged, resolver=_resolver(_method(ATTACKER_VM, "attacker")), trusted_issuers={COLLEGE: "C"})
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert "published elsewhere" in _line(report, CheckName.ISSUER_KEY)
    assert report.status is Status.UNVERIFIABLE


def test_attacker_did_document_claiming_the_issuer_binds_nothing() -> None:
    """A DID document of another DID whose key names the college as controller: not checked, then failed."""
    other = "did:web:attacker.example"
    document = {"id": other, "verificationMethod": [_method(f"{other}#k", "attacker")], "assertionMethod": ["#k"]}
    forged = _signed(_badge(COLLEGE), label="attacker", vm=f"{other}#k")
    assert _verify(forged, resolver=_resolver(document)).outcome_of(CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    with_college = _verify(forged, resolver=_resolver(document, _college_document()))
    assert with_college.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED


def test_issuers_own_key_verifies_and_its_document_may_list_an_outside_key() -> None:
    """The college's key listed under assertionMethod verifies; so does an outside key the college itself lists."""
    genuine = _signed(_badge(COLLEGE), label="college", vm=COLLEGE_VM)
    report = _verify(genuine, resolver=_resolver(_college_document()), trusted_issuers={COLLEGE: "College"})
    assert report.status is Status.VERIFIED, [c.message for c in report.checks]
    delegated = _college_document(COLLEGE_VM, ATTACKER_VM)
    outside = _signed(_badge(COLLEGE), label="attacker", vm=ATTACKER_VM)
    report = _verify(outside, resolver=_resolver(_method(ATTACKER_VM, "attacker"), delegated))
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


def test_separate_key_document_cannot_replace_the_key_the_issuer_embeds() -> None:
    """A lone key document reusing the college's key id with other key material fails against the college's
    own document, which embeds the real key under that id."""
    forged = _signed(_badge(COLLEGE), label="attacker", vm=COLLEGE_VM)
    resolver = _resolver(_method(COLLEGE_VM, "attacker"), _college_document())
    report = _verify(forged, resolver=resolver)
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED
    assert "different key" in _line(report, CheckName.ISSUER_KEY)


@pytest.mark.parametrize("embedded", [None, {"id": COLLEGE_VM, "type": "Multikey"}], ids=["absent", "no-key"])
def test_issuer_document_listing_its_key_without_giving_it_cannot_be_filled_in_from_elsewhere(
    embedded: dict[str, Any] | None,
) -> None:
    """Found by fuzzing: the college's document lists #key-1 for issuing but gives no key for it; a lone key
    document supplying other material under that id does not stand in: not checked, unverifiable."""
    forged = _signed(_badge(COLLEGE), label="attacker", vm=COLLEGE_VM)
    document = _college_document(methods=[embedded] if embedded else [])
    report = _verify(forged, resolver=_resolver(_method(COLLEGE_VM, "attacker"), document))
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert report.status is Status.UNVERIFIABLE


def test_did_web_key_alone_without_its_did_document_is_not_checked() -> None:
    """A lone key document for a did:web key is not the DID document: only that can list keys for issuing."""
    genuine = _signed(_badge(COLLEGE), label="college", vm=COLLEGE_VM)
    report = _verify(genuine, resolver=_resolver(_method(COLLEGE_VM, "college")))
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert report.status is Status.UNVERIFIABLE


@pytest.mark.parametrize(
    ("material", "bound", "status"),
    [
        (("key1.json", "robotics-badge.json"), Outcome.NOT_CHECKED, Status.UNVERIFIABLE),
        (("key1.json", "robotics-badge.json", "issuer1.json"), Outcome.NOT_CHECKED, Status.UNVERIFIABLE),
        (("key1.json", "robotics-badge.json", "organization.json"), Outcome.PASSED, Status.VERIFIED),
    ],
)
def test_ob2_key_must_be_listed_by_the_issuer_profile(
    material: tuple[str, ...], bound: Outcome, status: Status
) -> None:
    """OB 2.0: the key's `owner` claim is not enough; the issuer's own Profile must list it as its public key."""
    resolver = _resolver(*(json.loads((FIXTURES / "assets" / name).read_text("utf-8")) for name in material))
    report = _verify((FIXTURES / "simple.jwt").read_bytes(), resolver=resolver,
                     trusted_issuers={"https://example.org/organization.json": "Example"})
    assert report.outcome_of(CheckName.ISSUER_KEY) is bound, [c.message for c in report.checks]
    assert report.status is status


def test_ob2_profile_that_lists_other_keys_fails() -> None:
    """OB 2.0: an issuer Profile at hand that lists only another key makes the issuer key check fail."""
    profile = json.loads((FIXTURES / "assets" / "organization.json").read_text("utf-8"))
    profile["publicKey"] = "http://example.org/some-other-key.json"
    documents = [json.loads((FIXTURES / "assets" / n).read_text("utf-8")) for n in ("key1.json", "robotics-badge.json")]
    report = _verify((FIXTURES / "simple.jwt").read_bytes(), resolver=_resolver(*documents, profile))
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


# --- proof sets and chains --------------------------------------------------------------------------------


def _cosigned(issuer_label: str = "A", cosigner: str = "B", *, chain: bool = False) -> dict[str, Any]:
    """A badge issued by did:key A with a proof by A and a second proof by another did:key (a proof set or chain)."""
    _, did, vm = _key(issuer_label)
    first = di.sign(_badge(did), suite=di.RDFC, verification_method=vm, created="2025-01-01T00:00:00Z",
                    signer=lambda m: _key(issuer_label)[0].sign(m).signature, proof_id="urn:proof:1")
    _, _, co_vm = _key(cosigner)
    return di.sign(first, suite=di.RDFC, verification_method=co_vm, created="2025-01-02T00:00:00Z",
                   signer=lambda m: _key(cosigner)[0].sign(m).signature, proof_id="urn:proof:2",
                   previous_proof="urn:proof:1" if chain else None)


@pytest.mark.parametrize("chain", [False, True], ids=["set", "chain"])
def test_co_signed_credential_verifies_and_names_the_co_signer(chain: bool) -> None:
    """The issuer's proof leads; the co-signer's valid proof gets its own line naming its key's owner."""
    _, did_a, _ = _key("A")
    _, did_b, _ = _key("B")
    report = _verify(_cosigned(chain=chain), trusted_issuers={did_a: "A"})
    assert report.status is Status.VERIFIED, [c.message for c in report.checks]
    lines = [c for c in report.checks if c.check is CheckName.SIGNATURE]
    assert len(lines) == 2 and did_b in lines[1].message
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.PASSED


@pytest.mark.parametrize("chain", [False, True], ids=["set", "chain"])
def test_failing_co_signer_is_reported_and_not_verified(chain: bool) -> None:
    """A co-signer's proof that does not hold is a failed signature line naming it, even though the issuer's holds."""
    _, did_a, _ = _key("A")
    _, did_b, _ = _key("B")
    credential = _cosigned(chain=chain)
    credential["proof"][1]["proofValue"] = encode_base58btc(_key("B")[0].sign(b"something else").signature)
    report = _verify(credential, trusted_issuers={did_a: "A"})
    failed = [c for c in report.checks if c.check is CheckName.SIGNATURE and c.outcome is Outcome.FAILED]
    assert len(failed) == 1 and did_b in failed[0].message
    assert report.status is Status.NOT_VERIFIED


def test_issuer_proof_may_come_second() -> None:
    """Order does not matter: a co-signer's proof first and the issuer's second still verifies."""
    _, did_a, _ = _key("A")
    credential = _cosigned()
    credential["proof"].reverse()
    assert _verify(credential, trusted_issuers={did_a: "A"}).status is Status.VERIFIED


def test_proofs_by_others_only_fail_the_issuer_key() -> None:
    """If nobody but co-signers signed, the issuer did not sign: issuer key failed, not verified."""
    _, did_a, _ = _key("A")
    _, _, vm_b = _key("B")
    _, _, vm_c = _key("C")
    badge = di.sign(_badge(did_a), suite=di.RDFC, verification_method=vm_b, created="2025-01-01T00:00:00Z",
                    signer=lambda m: _key("B")[0].sign(m).signature)
    badge = di.sign(badge, suite=di.RDFC, verification_method=vm_c, created="2025-01-01T00:00:00Z",
                    signer=lambda m: _key("C")[0].sign(m).signature)
    report = _verify(badge, trusted_issuers={did_a: "A"})
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_issuer_proof_that_cannot_be_checked_beside_a_co_signer_is_unverifiable() -> None:
    """The issuer's proof (did:web, no document) cannot be checked; a valid co-signer does not stand in for it."""
    college_signed = _signed(_badge(COLLEGE), label="college", vm=COLLEGE_VM)
    _, _, vm_b = _key("B")
    both = di.sign(college_signed, suite=di.RDFC, verification_method=vm_b, created="2025-01-01T00:00:00Z",
                   signer=lambda m: _key("B")[0].sign(m).signature)
    report = _verify(both, trusted_issuers={COLLEGE: "College"})
    assert report.outcome_of(CheckName.ISSUER_KEY) is Outcome.NOT_CHECKED
    assert report.status is Status.UNVERIFIABLE


# --- JWT windows ------------------------------------------------------------------------------------------


def _token(claims: dict[str, Any], dates: dict[str, str], *, wrapped: bool = False) -> bytes:
    """A VC-JOSE token (the credential is the payload) or a VC-JWT 1.1 token (`vc` claim), EdDSA, did:key kid."""
    key, did, vm = _key("jwt")
    credential = {**_badge(did), **dates}
    payload = {"iss": did, "vc": credential, **claims} if wrapped else {**credential, **claims}
    signer = key.sign
    return jose.sign_compact({"alg": "EdDSA", "kid": vm}, json.dumps(payload).encode(),
                             lambda m: signer(m).signature).encode()


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


FINE = {"validUntil": "2027-01-01T00:00:00Z"}


@pytest.mark.parametrize("wrapped", [False, True], ids=["vc-jose", "vc-jwt-1.1"])
@pytest.mark.parametrize(
    ("claims", "words"),
    [
        ({"exp": _epoch(NOW - timedelta(days=1))}, "token expired"),
        ({"nbf": _epoch(NOW + timedelta(days=1))}, "token only becomes valid"),
        ({"exp": "2027-01-01"}, "exp claim"),
        ({"nbf": True}, "nbf claim"),
    ],
)
def test_token_window_fails_even_when_the_credentials_dates_are_fine(
    claims: dict[str, Any], words: str, wrapped: bool
) -> None:
    """A passed exp, a future nbf, or one that is not a number fails validity though validFrom/validUntil pass."""
    report = _verify(_token(claims, FINE, wrapped=wrapped))
    check = next(c for c in report.checks if c.check is CheckName.VALIDITY)
    assert check.outcome is Outcome.FAILED and words in check.message, check.message
    assert report.status is Status.NOT_VERIFIED


def test_token_window_inside_the_credentials_passes_and_says_when_the_token_ends() -> None:
    """A token valid now passes; when it ends before the credential, the sentence gives the token's end."""
    exp = NOW + timedelta(days=30)
    report = _verify(_token({"nbf": _epoch(NOW - timedelta(days=1)), "exp": _epoch(exp)}, FINE))
    check = next(c for c in report.checks if c.check is CheckName.VALIDITY)
    assert check.outcome is Outcome.PASSED and "31 January 2026" in check.message
    assert report.status is Status.VERIFIED_WITH_WARNINGS  # only the trust warning


# --- time -------------------------------------------------------------------------------------------------


def test_naive_now_is_misuse_and_other_zones_become_utc() -> None:
    """VerifyOptions refuses a naive `now` with a sentence and keeps any aware one in UTC."""
    with pytest.raises(UsageError, match="time zone"):
        VerifyOptions(now=datetime(2026, 1, 1))
    with pytest.raises(UsageError, match="time zone"):
        check_validity({}, datetime(2026, 1, 1))
    options = VerifyOptions(now=datetime(2026, 1, 1, 2, 0, tzinfo=timezone(timedelta(hours=2))))
    assert options.now == NOW and options.now.tzinfo is UTC


def test_dates_with_offsets_are_compared_in_utc() -> None:
    """validUntil 01:00+02:00 on 1 January is 23:00 UTC on 31 December: expired at midnight UTC."""
    _, did, _ = _key("issuer")
    report = _verify(_signed({**_badge(did), "validUntil": "2026-01-01T01:00:00+02:00"}))
    assert report.outcome_of(CheckName.VALIDITY) is Outcome.FAILED
    earlier = _verify(_signed({**_badge(did), "validUntil": "2026-01-01T01:00:00+02:00"}),
                      now=datetime(2025, 12, 31, 22, 59, tzinfo=UTC))
    assert earlier.outcome_of(CheckName.VALIDITY) is Outcome.PASSED


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-01-01", NOW),
        ("2026-01-01T00:00:00Z", NOW),
        ("2026-01-01T02:00:00+02:00", NOW),
        ("2025-12-31T19:00:00-05:00", NOW),
    ],
)
def test_parse_instant_accepts_dates_and_zoned_times(text: str, moment: datetime) -> None:
    """A date is midnight UTC; a date-time with Z or an offset is converted to UTC."""
    parsed = parse_instant(text)
    assert parsed == moment and parsed.tzinfo is UTC


def test_moments_beyond_the_calendar_in_utc_are_clamped_not_crashing() -> None:
    """Found by fuzzing: 9999-12-31T23:59:59-23:59 is past year 9999 in UTC; it becomes the last moment, no crash."""
    assert parse_instant("9999-12-31T23:59:59-23:59") == datetime.max.replace(tzinfo=UTC)
    assert parse_instant("0001-01-01T00:00:00+05:00") == datetime.min.replace(tzinfo=UTC)
    _, did, _ = _key("issuer")
    report = _verify(_signed({**_badge(did), "validUntil": "9999-12-31T23:59:59-05:00"}))
    assert report.outcome_of(CheckName.VALIDITY) is Outcome.PASSED


@pytest.mark.parametrize(("text", "words"), [("2026-01-01T00:00:00", "no time zone"), ("soon", "not an ISO 8601")])
def test_parse_instant_refuses_naive_and_unreadable_moments(text: str, words: str) -> None:
    """A date-time without a zone, or no date at all, is a usage error with a sentence."""
    with pytest.raises(UsageError, match=words):
        parse_instant(text)


# --- status lists from another publisher ------------------------------------------------------------------


LIST_URL = "https://status.example/lists/1"


def _encoded(set_bits: set[int]) -> str:
    raw = bytearray(16_384)
    for bit in set_bits:
        raw[bit // 8] |= 0x80 >> (bit % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(raw), mtime=0)).decode().rstrip("=")


def _status_list(publisher: str, signer_label: str, set_bits: set[int]) -> dict[str, Any]:
    """A BitstringStatusListCredential naming `publisher` as issuer, signed with did:key `signer_label`."""
    _, _, vm = _key(signer_label)
    document = {
        "@context": [V2],
        "id": LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": publisher,
        "validFrom": "2025-06-01T00:00:00Z",
        "credentialSubject": {
            "id": f"{LIST_URL}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": _encoded(set_bits),
        },
    }
    return di.sign(document, suite=di.RDFC, verification_method=vm, created="2025-06-01T00:00:00Z",
                   signer=lambda m: _key(signer_label)[0].sign(m).signature)


def _revocable_badge() -> tuple[dict[str, Any], str]:
    _, did_a, _ = _key("A")
    entry = {
        "id": f"{LIST_URL}#7",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "7",
        "statusListCredential": LIST_URL,
    }
    return _signed(_badge(did_a, credentialStatus=entry), label="A"), did_a


def _status_report(list_doc: dict[str, Any]) -> ItemReport:
    badge, did_a = _revocable_badge()
    return _verify(badge, status_lists={LIST_URL: list_doc}, trusted_issuers={did_a: "A"})


@pytest.mark.parametrize("publisher_is_issuer", [False, True], ids=["other-publisher", "issuer-named-other-key"])
def test_another_publishers_list_saying_revoked_fails_and_names_it(publisher_is_issuer: bool) -> None:
    """A list signed by someone other than the issuer that has the bit set: status failed, naming who signed it."""
    _, did_a, _ = _key("A")
    _, did_b, _ = _key("B")
    report = _status_report(_status_list(did_a if publisher_is_issuer else did_b, "B", {7}))
    check = next(c for c in report.checks if c.check is CheckName.STATUS)
    assert check.outcome is Outcome.FAILED and did_b in check.message and "revoked" in check.message
    assert report.status is Status.NOT_VERIFIED


@pytest.mark.parametrize("publisher_is_issuer", [False, True], ids=["other-publisher", "issuer-named-other-key"])
def test_another_publishers_list_saying_not_revoked_is_not_confirmed(publisher_is_issuer: bool) -> None:
    """The same list with the bit clear cannot vouch for the issuer: 'not confirmed', and never plain verified."""
    _, did_a, _ = _key("A")
    _, did_b, _ = _key("B")
    report = _status_report(_status_list(did_a if publisher_is_issuer else did_b, "B", {6, 8}))
    check = next(c for c in report.checks if c.check is CheckName.STATUS)
    assert check.outcome is Outcome.NOT_CHECKED and check.message.startswith("Not confirmed") and did_b in check.message
    assert report.status is Status.VERIFIED_WITH_WARNINGS


@pytest.mark.parametrize(("bits", "outcome", "status"), [({7}, Outcome.FAILED, Status.NOT_VERIFIED),
                                                         (set(), Outcome.PASSED, Status.VERIFIED)])
def test_issuers_own_list_decides(bits: set[int], outcome: Outcome, status: Status) -> None:
    """The issuer's own signed list: bit set is revoked, bit clear passes and the credential verifies."""
    _, did_a, _ = _key("A")
    report = _status_report(_status_list(did_a, "A", bits))
    assert report.outcome_of(CheckName.STATUS) is outcome
    assert report.status is status


def test_tampered_list_is_not_relied_on_either_way() -> None:
    """A list whose own signature does not hold is not read at all: not checked, whatever its bits say."""
    _, did_a, _ = _key("A")
    tampered = _status_list(did_a, "A", set())
    tampered["credentialSubject"]["encodedList"] = _encoded({7})
    report = _status_report(tampered)
    check = next(c for c in report.checks if c.check is CheckName.STATUS)
    assert check.outcome is Outcome.NOT_CHECKED and "could not be trusted" in check.message



@pytest.mark.parametrize(("dates", "outcome", "words"), [
    ({"expirationDate": "2023-01-01T00:00:00Z", "validUntil": "2099-01-01T00:00:00Z"}, Outcome.FAILED, "Expired"),
    ({"validUntil": "2023-01-01T00:00:00Z", "expirationDate": "2099-01-01T00:00:00Z"}, Outcome.FAILED, "Expired"),
    ({"validFrom": "2020-01-01T00:00:00Z", "issuanceDate": "2027-01-01T00:00:00Z"}, Outcome.FAILED, "Not valid yet"),
    ({"validUntil": "2099-01-01T00:00:00Z", "expirationDate": "2030-01-01T00:00:00Z"}, Outcome.PASSED, "2030"),
])
def test_a_credential_giving_two_ends_or_two_starts_is_held_to_the_stricter(
    dates: dict[str, str], outcome: Outcome, words: str
) -> None:
    """An issuer who gives both VC 1.1's and VC 2.0's dates is held to the earlier end and the later start."""
    check = check_validity({"validFrom": "2019-01-01T00:00:00Z", **dates}, NOW)
    assert check.outcome is outcome and words in check.message


def test_a_proof_made_in_the_future_is_a_warning() -> None:
    """A proof whose `created` is a year ahead of now still verifies, but the report says its date is odd."""
    _, did, _ = _key("issuer")
    later = _verify(_signed(_badge(did)), now=datetime(2020, 1, 1, tzinfo=UTC))
    warnings = [c.message for c in later.checks if c.check is CheckName.SIGNATURE and c.outcome is Outcome.WARNING]
    assert len(warnings) == 1 and "still to come" in warnings[0]
    assert not [c for c in _verify(_signed(_badge(did))).checks if "still to come" in c.message]


def test_the_dates_shown_are_the_ones_the_check_holds_to() -> None:
    """A summary shows the earlier of two ends and the later of two starts, as the validity check reads them;
    an unreadable date is shown as written."""
    two = {"validFrom": "2020-01-01T00:00:00Z", "issuanceDate": "2021-06-01T00:00:00Z",
           "validUntil": "2099-01-01T00:00:00Z", "expirationDate": "2023-01-01T00:00:00Z"}
    assert dates_as_written(two) == ("2021-06-01T00:00:00Z", "2023-01-01T00:00:00Z")
    assert dates_as_written({"validUntil": "someday"}) == (None, "someday")
    assert dates_as_written({}) == (None, None)

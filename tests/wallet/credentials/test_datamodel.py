"""The data-model check: required properties and shapes of VC 1.1 / 2.0 credentials, and the verdict it gives."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials import formats, jose
from wallet.credentials.datamodel import check_data_model, presentation_problems, shape_problems
from wallet.credentials.multikey import multikey_from_ed25519
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions

V2 = "https://www.w3.org/ns/credentials/v2"
V1 = "https://www.w3.org/2018/credentials/v1"
OB3 = [V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
NOW = datetime(2026, 1, 1, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _key() -> tuple[SigningKey, str, str]:
    key = SigningKey(hashlib.sha256(b"datamodel issuer").digest())
    multikey = multikey_from_ed25519(bytes(key.verify_key))
    return key, f"did:key:{multikey}", f"did:key:{multikey}#{multikey}"


def _badge(**changes: Any) -> dict[str, Any]:
    _, did, _ = _key()
    badge: dict[str, Any] = {
        "@context": list(OB3),
        "id": "urn:uuid:8d3f1c1e-5a64-4c7e-9d0e-6e0a3c0f9b11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Forklift Operation",
        "issuer": {"id": did, "type": ["Profile"], "name": "Example College"},
        "validFrom": "2024-01-15T10:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://college.example/a/1", "type": ["Achievement"], "name": "Forklift Operation",
                            "criteria": {"narrative": "Four observed shifts."}, "description": "Safe operation."},
        },
    }
    for key, value in changes.items():
        if value is None:
            badge.pop(key, None)
        else:
            badge[key] = value
    return badge


def _v1(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "@context": [V1, "https://www.w3.org/2018/credentials/examples/v1"],
        "id": "http://example.edu/credentials/3732",
        "type": ["VerifiableCredential", "UniversityDegreeCredential"],
        "issuer": "https://example.edu/issuers/14",
        "issuanceDate": "2010-01-01T19:23:24Z",
        "credentialSubject": {"id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                              "degree": {"type": "BachelorDegree", "name": "Bachelor of Science"}},
    }
    document.update(changes)
    return document


def _signed(document: dict[str, Any]) -> dict[str, Any]:
    key, _, vm = _key()
    return di.sign(document, suite=di.RDFC, verification_method=vm, created="2025-01-01T00:00:00Z",
                   signer=lambda m: key.sign(m).signature)


def _report(document: dict[str, Any]) -> ItemReport:
    [parsed] = formats.parse(json.dumps(document).encode())
    return Verifier(VerifyOptions(now=NOW)).verify(parsed)


def test_a_sound_open_badge_passes() -> None:
    """A well-formed OB 3.0 credential follows the VC 2.0 data model, every term defined."""
    check = check_data_model(_badge())
    assert (check.check, check.outcome) == (CheckName.DATA_MODEL, Outcome.PASSED)
    assert "VC 2.0" in check.message


def test_a_sound_vc_1_1_credential_passes() -> None:
    """The VC 1.1 example degree follows the VC 1.1 data model."""
    check = check_data_model(_v1())
    assert check.outcome is Outcome.PASSED and "VC 1.1" in check.message


MALFORMED_V2 = {
    "no issuer": ({"issuer": None}, "names no issuer"),
    "issuer not a URL": ({"issuer": "Example College"}, "issuer must be a URL"),
    "issuer object without id": ({"issuer": {"name": "Example College"}}, "issuer must have an id"),
    "no subject": ({"credentialSubject": None}, "no subject"),
    "empty subject": ({"credentialSubject": {}}, "holds no claims"),
    "one empty subject of two": ({"credentialSubject": [{"id": "did:example:a"}, {}]}, "holds no claims"),
    "subject id list": ({"credentialSubject": {"id": ["did:example:a", "did:example:b"]}}, "subject's id"),
    "no VerifiableCredential type": ({"type": ["OpenBadgeCredential"]}, "do not include VerifiableCredential"),
    "id not a URL": ({"id": "credential 1"}, "id must be one URL"),
    "id null": ({"id": ""}, "id must be one URL"),
    "validFrom not a date": ({"validFrom": "Sat 25 Feb 2023"}, "not a date and time"),
    "validUntil before validFrom": ({"validUntil": "2023-01-01T00:00:00Z"}, "end date comes before"),
    "status without type": ({"credentialStatus": {"id": "https://example.org/status/1#3"}}, "status entry has no type"),
    "status id list": ({"credentialStatus": {"id": ["https://a.example/1", "https://a.example/2"],
                                             "type": "BitstringStatusListEntry"}}, "status entry's id"),
    "schema without id": ({"credentialSchema": {"type": "JsonSchema"}}, "schema entry has no id"),
    "evidence without type": ({"evidence": {"id": "https://example.org/e/1"}}, "evidence entry has no type"),
    "refresh without type": ({"refreshService": {"id": "https://example.org/r"}}, "refresh service has no type"),
    "terms of use without type": ({"termsOfUse": {"id": "https://example.org/t"}}, "terms-of-use entry has no type"),
    "proof without type": ({"proof": {"proofValue": "z1"}}, "proof has no type"),
    "name with extra member": ({"name": {"@value": "A", "@language": "en", "url": "x"}}, "name must be text"),
    "v1 and v2 mixed": ({"@context": [V2, V1]}, "mixes the VC 1.1 and VC 2.0"),
    "base context not first": ({"@context": [OB3[1], V2]}, "first @context must be the VC base context"),
    "context a number": ({"@context": [V2, 12]}, "neither a URL nor an object"),
    "context not a URL": ({"@context": [V2, "https ://not-a-url/v1"]}, "is not a URL"),
    "protected term redefined": ({"@context": [V2, {"VerifiableCredential": "https://example.org/#Bad"}]},
                                 "redefines a term its base context protects"),
    "type mapped to a non-URL": ({"@context": [*OB3, {"Odd": "https ://x#Odd"}],
                                  "type": ["VerifiableCredential", "OpenBadgeCredential", "Odd"]},
                                 "maps a term to something that is not a URL"),
}


@pytest.mark.parametrize("name", list(MALFORMED_V2))
def test_malformed_credentials_fail_with_a_sentence(name: str) -> None:
    """Each malformation fails the check with the sentence that names it."""
    changes, words = MALFORMED_V2[name]
    check = check_data_model(_badge(**changes))
    assert check.outcome is Outcome.FAILED, check
    assert words in check.message
    assert check.message.startswith("It does not follow the")


@pytest.mark.parametrize(("changes", "words"), [
    ({"issuanceDate": None}, "no issue date"),
    ({"issuanceDate": "01/01/2010"}, "not a date and time"),
    ({"expirationDate": ["2020-01-01T19:23:24Z", "2021-01-01T19:23:24Z"]}, "must be one date and time"),
    ({"credentialStatus": {"type": "CredentialStatusList2017"}}, "status entry has no id"),
    ({"refreshService": {"type": "ManualRefreshService2018"}}, "refresh service has no id"),
])
def test_vc_1_1_rules(changes: dict[str, Any], words: str) -> None:
    """VC 1.1 requires issuanceDate, dates as dateTime, and an id on status and refresh entries."""
    document = _v1(**{k: v for k, v in changes.items() if v is not None})
    for key in [k for k, v in changes.items() if v is None]:
        document.pop(key)
    check = check_data_model(document)
    assert check.outcome is Outcome.FAILED and words in check.message


def test_v2_does_not_need_a_status_id_but_v1_does() -> None:
    """A status entry without id is fine in VC 2.0 and missing in VC 1.1 (the suites' expectations)."""
    entry = {"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": "3", "statusListCredential": "https://example.org/list"}
    assert shape_problems(_badge(credentialStatus=entry), 2) == []
    assert shape_problems(_badge(credentialStatus=entry), 1)


def test_language_tagged_names_pass() -> None:
    """Names and descriptions may be language-tagged text, alone or in a list."""
    names = [{"@value": "Chien", "@language": "fr"}, {"@value": "Dog", "@language": "en", "@direction": "ltr"}]
    assert check_data_model(_badge(name=names, description={"@value": "Un chien", "@language": "fr"})).outcome \
        is Outcome.PASSED


def test_many_problems_are_summed_up() -> None:
    """More than three problems: three are named and the rest counted."""
    check = check_data_model(_badge(issuer=None, credentialSubject={}, id="x y", validFrom="soon"))
    assert check.outcome is Outcome.FAILED and "more problem(s)" in check.message


def test_context_not_shipped_is_not_checked_never_fetched() -> None:
    """An unknown context URL: the terms are "not checked" (no fetch; sockets are guarded), shapes still checked."""
    document = _badge(**{"@context": [V2, "https://example.org/contexts/unknown/v1"]})
    check = check_data_model(document)
    assert check.outcome is Outcome.NOT_CHECKED
    assert "is not shipped with the wallet" in check.message and "example.org/contexts/unknown" in check.message
    broken = _badge(**{"@context": [V2, "https://example.org/contexts/unknown/v1"], "issuer": None})
    assert check_data_model(broken).outcome is Outcome.FAILED


def test_undefined_terms_under_v1_are_a_warning() -> None:
    """VC 1.1 has no @vocab: a property no context defines is named in a warning."""
    document = _v1(credentialSubject={"id": "did:example:x", "favouriteColour": "green"})
    check = check_data_model(document)
    assert check.outcome is Outcome.WARNING and "favouriteColour" in check.message


def test_undefined_terms_and_types_under_v2_are_a_warning() -> None:
    """Under the bundled VC 2.0 context (no @vocab) an undefined property or type is named in a warning."""
    document = _badge(**{"@context": [V2], "type": ["VerifiableCredential", "LibraryCard"],
                         "issuer": "did:example:library",
                         "credentialSubject": {"id": "did:example:x", "favouriteColour": "green"}})
    check = check_data_model(document)
    assert check.outcome is Outcome.WARNING
    assert "favouriteColour" in check.message and "LibraryCard" in check.message


@pytest.mark.parametrize("vocab", ["https://www.w3.org/ns/credentials/undefined-terms/v2",
                                   {"@vocab": "https://www.w3.org/ns/credentials/issuer-dependent#"}])
def test_terms_left_undefined_on_purpose_pass_and_are_named(vocab: Any) -> None:
    """With VC 2.0's undefined-terms context (or a draft's issuer-dependent @vocab) undefined terms pass, named."""
    document = _badge(**{"@context": [V2, vocab], "type": ["VerifiableCredential"], "issuer": "did:example:library",
                         "credentialSubject": {"id": "did:example:x", "favouriteColour": "green"}})
    check = check_data_model(document)
    assert check.outcome is Outcome.PASSED and "favouriteColour" in check.message


def test_signed_but_malformed_is_not_verified() -> None:
    """A good signature does not save a credential with an empty subject: not_verified, with the sentence."""
    report = _report(_signed(_badge(credentialSubject=[{"id": "did:example:learner"}, {}])))
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED
    assert report.outcome_of(CheckName.DATA_MODEL) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_signed_sound_credential_keeps_its_verdict() -> None:
    """A sound signed badge: the data-model line passes and the verdict is what it was (an untrusted issuer)."""
    report = _report(_signed(_badge()))
    assert report.outcome_of(CheckName.DATA_MODEL) is Outcome.PASSED
    assert report.status is Status.VERIFIED_WITH_WARNINGS


def test_unsigned_sound_credential_stays_unsigned_not_malformed() -> None:
    """An unsigned sound credential keeps today's verdict (no proof) and a passing data-model line."""
    report = _report(_badge())
    assert report.outcome_of(CheckName.DATA_MODEL) is Outcome.PASSED
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_ob2_and_jwt_reports_have_no_data_model_line() -> None:
    """Open Badges 2.0 is not VCDM, and a VC-JWT's claims are judged by the JOSE checks: no line for either."""
    ob2 = json.loads((FIXTURES / "validator" / "ob20" / "simple.json").read_text("utf-8")) \
        if (FIXTURES / "validator" / "ob20" / "simple.json").exists() else {
            "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://example.org/a/1",
            "recipient": {"type": "email", "identity": "a@example.org", "hashed": False},
            "badge": "https://example.org/b/1", "verification": {"type": "hosted"},
            "issuedOn": "2020-01-01T00:00:00Z"}
    assert _report(ob2).outcome_of(CheckName.DATA_MODEL) is None
    key, _, vm = _key()
    token = jose.sign_compact({"alg": "EdDSA", "kid": vm}, json.dumps(_badge()).encode(),
                              lambda m: key.sign(m).signature)
    [parsed] = formats.parse(token.encode())
    assert Verifier(VerifyOptions(now=NOW)).verify(parsed).outcome_of(CheckName.DATA_MODEL) is None


def test_check_does_not_change_the_document() -> None:
    """The check reads the credential and leaves it as it was (its bytes are kept verbatim elsewhere)."""
    document = _signed(_badge())
    before = copy.deepcopy(document)
    check_data_model(document)
    assert document == before


def _presentation(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {"@context": [V2], "type": ["VerifiablePresentation"], "holder": "did:example:holder",
                                "verifiableCredential": [_badge()]}
    document.update(changes)
    return document


@pytest.mark.parametrize(("changes", "words"), [
    ({"holder": "z6MkpJySvETLnxhQ"}, "holder must be a URL"),
    ({"holder": {"name": "Acme"}}, "holder must be a URL"),
    ({"@context": [OB3[1], V2]}, "first @context"),
    ({"id": "presentation one"}, "id must be one URL"),
    ({"proof": {"proofValue": "z1"}}, "proof has no type"),
])
def test_malformed_presentations_fail_their_line(changes: dict[str, Any], words: str) -> None:
    """A presentation breaking the data model fails its presentation line with the reason; the credential's own
    verdict is its own."""
    [parsed] = formats.parse(json.dumps(_presentation(**changes)).encode())
    report = Verifier(VerifyOptions(now=NOW)).verify(parsed)
    assert report.presentation is not None and report.presentation.outcome is Outcome.FAILED
    assert words in report.presentation.message
    assert report.outcome_of(CheckName.DATA_MODEL) is Outcome.PASSED


def test_sound_presentation_keeps_its_holder_proof_line() -> None:
    """A sound presentation without a holder proof keeps the holder-proof warning, unchanged."""
    [parsed] = formats.parse(json.dumps(_presentation()).encode())
    line = Verifier(VerifyOptions(now=NOW)).verify(parsed).presentation
    assert line is not None and line.outcome is Outcome.WARNING and "no holder proof" in line.message


def test_presentation_type_and_bare_tokens_under_v2() -> None:
    """Without the VerifiablePresentation type, or carrying a bare token under VC 2.0, a presentation breaks the
    model (the reader refuses the first outright); under VC 1.1 a JWT string is allowed."""
    assert "types do not include VerifiablePresentation" in " ".join(
        presentation_problems(_presentation(type=["Presentation"])))
    token = "eyJhbGciOiJFUzI1NiJ9.e30.c2ln"
    assert "not a bare token" in " ".join(presentation_problems(_presentation(verifiableCredential=[token])))
    assert presentation_problems(_presentation(**{"@context": [V1], "verifiableCredential": [token]})) == []

"""Every input of the W3C VCDM 2.0 and 1.1 test suites gets the verdict its suite expects, or a listed difference.

The suites' inputs (tests/fixtures/w3c, with their licences) say by name what must happen: VCDM 2.0 `-ok` is
accepted and `-fail` rejected; VC 1.1 `-bad-` is rejected and every other input accepted. "Rejected" here means
the wallet refuses the input with a sentence, or reports it malformed: a failed `data model`, `schema` or
`format` line, which makes the credential `not_verified`, or, for a presentation, a failed presentation line
saying the presentation itself breaks the data model. The signature is not part of this judgement: the VCDM
2.0 inputs are what the suite hands an issuer to sign (the suite fills in the issuer's id and sets the
FUTURE/PAST DATE placeholders first, and so does `_as_the_suite_sends`), so they carry no proof; a second test
signs them and checks that the data model still decides the verdict.
"""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from wallet.credentials import dataintegrity as di
from wallet.credentials import formats
from wallet.credentials.datamodel import PRESENTATION_PREFIX
from wallet.credentials.multikey import multikey_from_ed25519
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import WalletError

W3C = Path(__file__).resolve().parents[2] / "fixtures" / "w3c"
VCDM2 = W3C / "vcdm2" / "tests" / "input"
VC1 = W3C / "vc1" / "test" / "vc-data-model-1.0" / "input"
NOW = datetime(2019, 6, 1, tzinfo=UTC)
"""Inside the VC 1.1 examples' validity (they expire in 2019 and 2020); the VCDM 2.0 dates are relative."""
SUITE_ISSUER = "did:example:test-suite-issuer"
MALFORMED = (CheckName.DATA_MODEL, CheckName.SCHEMA, CheckName.FORMAT)

VCDM2_FILES = sorted(VCDM2.rglob("*.json"))
VC1_FILES = sorted(VC1.glob("*.json*")) + sorted(VC1.glob("*.jwt"))

DIFFERENCES = {
    # VCDM 2.0: presentation rules beyond the presentation's own shape (each credential is judged on its own).
    "presentation-self-asserted-vc-holder-mismatch.json": "an unsigned credential whose issuer is not the "
    "presentation's holder; the wallet reports the credential as unsigned (not_verified) either way",
    "presentation-self-asserted-vc-issuer-mismatch.json": "as above: self-assertion through the holder is not "
    "judged; the unsigned credential is reported as unsigned",
    "presentation-self-asserted-vc-no-holder.json": "as above, with no holder at all",
    "presentation-enveloped-vc-ok.json": "the enveloped credential is a `vc-ld+jwt` data URL with `;base64url`, "
    "which the envelope reader (JOSE forms, another issue slice) does not read yet",
    "presentation-ok.json": "a presentation carrying no credentials is named as such and nothing is added: the "
    "wallet has no credential to accept",
    "presentation-optional-type-ok.json": "as above: a presentation carrying no credentials",
    "presentation-id-ok.json": "as above: a presentation carrying no credentials",
    # VC 1.1: the ZKP and presentation sections.
    "example-015-zkp-bad-no-credential-schema.jsonld": "the ZKP section requires credentialSchema beside a "
    "CLSignature2019 proof; the wallet cannot check that proof at all (unverifiable) and applies no ZKP rules",
    "example-015-zkp-bad-no-proof.jsonld": "the data model itself is sound; the missing proof is reported as a "
    "failed signature (the report is not_verified, as the suite wants, but not as malformed)",
    "example-015-zkp-vp-bad-missing-proof.jsonld": "the ZKP section requires the presentation's proof; without "
    "one the presentation line warns that anyone could have put it together, and its credential is judged alone",
    "example-015-zkp-vp-bad-no-credential-schema.jsonld": "ZKP rules are not applied (see the credential case)",
    "example-016-jwt.jwt": "the suite only asks that the token be decoded; its vc claim's first context is "
    "https://w3.org/2018/credentials/v1 (no www), not the VC 1.1 base context, and the wallet says so",
    "example-017-missing-verifiableCredential.jsonld": "a presentation with no credentials is named as such and "
    "nothing is added (the suite accepts it as a presentation)",
}


def _expected(path: Path) -> str:
    """What the suite wants, from the file name."""
    name = path.name
    if path.is_relative_to(VC1):
        return "reject" if "-bad-" in name else "accept"
    if "-fail" in name or "mismatch" in name or "no-holder" in name:
        return "reject"
    return "accept"


def _as_the_suite_sends(path: Path, issuer: str = SUITE_ISSUER) -> bytes:
    """A VCDM 2.0 credential input as the suite's issuer step sends it: the issuer's id filled in where the input
    leaves it out (not where it is null or wrong), the FUTURE/PAST DATE placeholders set."""
    data = path.read_bytes()
    if not path.is_relative_to(VCDM2) or path.name.startswith("presentation") or "no-issuer" in path.name:
        return data
    document = json.loads(data)
    if "issuer" not in document:
        document["issuer"] = issuer
    elif isinstance(document["issuer"], dict) and "id" not in document["issuer"]:
        document["issuer"]["id"] = issuer
    text = json.dumps(document).replace("FUTURE DATE", "2031-01-01T00:00:00Z")
    text = text.replace("PAST DATE", "2021-01-01T00:00:00Z")
    return text.encode()


def _judged(data: bytes) -> tuple[str, str]:
    """(accept|reject, the wallet's reason): refused or malformed is a rejection."""
    try:
        items = formats.parse(data)
    except WalletError as exc:
        return "reject", f"refused: {exc.message}"
    verifier = Verifier(VerifyOptions(now=NOW))
    for report in (verifier.verify(parsed) for parsed in items):
        failed = [c for c in report.checks if c.check in MALFORMED and c.outcome is Outcome.FAILED]
        if failed:
            assert report.status is Status.NOT_VERIFIED
            return "reject", failed[0].message
        line = report.presentation
        if line is not None and line.outcome is Outcome.FAILED and line.message.startswith(PRESENTATION_PREFIX):
            return "reject", line.message
    return "accept", "no malformation found"


def _judge(path: Path) -> tuple[str, str]:
    return _judged(_as_the_suite_sends(path))


def test_the_suites_are_all_here() -> None:
    """Both suites' inputs were copied whole: 120 VCDM 2.0 and 53 VC 1.1 inputs."""
    assert (len(VCDM2_FILES), len(VC1_FILES)) == (120, 53)
    assert all(name in {p.name for p in VCDM2_FILES + VC1_FILES} for name in DIFFERENCES)


@pytest.mark.parametrize("path", VCDM2_FILES + VC1_FILES, ids=lambda p: p.name)
def test_each_input_gets_its_suites_verdict(path: Path) -> None:
    """Each input is accepted or rejected as its suite expects, unless it is a listed difference (then it is not)."""
    verdict, reason = _judge(path)
    if path.name in DIFFERENCES:
        assert verdict != _expected(path), f"{path.name} now matches its suite: drop it from DIFFERENCES"
    else:
        assert verdict == _expected(path), f"{path.name}: {reason}"
    if verdict == "reject":
        assert reason.strip().endswith((".", ")")), "every rejection is a sentence"


def test_counts_recorded_in_conformance() -> None:
    """docs/conformance.md states how many inputs of each suite get the expected verdict."""
    vcdm2 = sum(1 for p in VCDM2_FILES if p.name not in DIFFERENCES)
    vc1 = sum(1 for p in VC1_FILES if p.name not in DIFFERENCES)
    text = (Path(__file__).resolve().parents[3] / "docs" / "conformance.md").read_text("utf-8")
    assert f"{vcdm2}/{len(VCDM2_FILES)}" in text
    assert f"{vc1}/{len(VC1_FILES)}" in text


def _key() -> tuple[SigningKey, str]:
    key = SigningKey(hashlib.sha256(b"w3c suite issuer").digest())
    return key, f"did:key:{multikey_from_ed25519(bytes(key.verify_key))}"


def _signed_report(path: Path) -> ItemReport | None:
    """The input as the suite's issuer would sign it (eddsa-rdfc-2022, a did:key made here), then verified;
    None when the input cannot be signed because its JSON-LD cannot be processed."""
    key, did = _key()
    document = json.loads(_as_the_suite_sends(path, issuer=did))
    if _expected(path) == "accept":  # a rejected input keeps its own (broken) proof beside the new one
        document.pop("proof", None)
    multikey = did.removeprefix("did:key:")
    try:
        signed = di.sign(copy.deepcopy(document), suite=di.RDFC, verification_method=f"{did}#{multikey}",
                         created="2023-02-26T00:00:00Z", signer=lambda m: key.sign(m).signature)
        [parsed] = formats.parse(json.dumps(signed).encode())
    except WalletError:
        return None
    return Verifier(VerifyOptions(now=datetime(2023, 2, 26, 1, 0, tzinfo=UTC))).verify(parsed)


SIGNABLE = [p for p in VCDM2_FILES if not p.name.startswith("presentation")]


@pytest.mark.parametrize("path", SIGNABLE, ids=lambda p: p.name)
def test_signed_inputs_are_judged_by_their_data_model(path: Path) -> None:
    """Signed by a real key, an `-ok` input's signature and data model pass; a `-fail` input is not_verified
    however good its signature (or could not be signed at all)."""
    report = _signed_report(path)
    if report is None:
        assert _expected(path) == "reject"
        return
    data_model = report.outcome_of(CheckName.DATA_MODEL)
    if _expected(path) == "accept":
        assert report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED, report.to_json()
        assert data_model in (Outcome.PASSED, Outcome.WARNING), report.to_json()
    else:
        assert report.status is Status.NOT_VERIFIED
        assert data_model is Outcome.FAILED or report.outcome_of(CheckName.SCHEMA) is Outcome.FAILED

"""Every fixture of the 1EdTech public validator, one case each: what upstream expects, what we say, and why.

Fixtures: tests/fixtures/validator/ (see its README.md). The table below is the single source of our choices;
docs/validator-differences.md is its human-readable copy and is checked against it.

How a case is run: the fixture is parsed and verified offline at a fixed `NOW`, with the material an employer
could hold ("supplied material"), and with every issuer these fixtures name on the trusted list, so the trust
check only warns when a case is about trust (none is). Supplied material:
- KEY: the issuer's key was imported. For every `…#z6Mk…` or `…#zDna…` (P-256) verificationMethod in the file
  (nested credentials too) that is not a DID, a Multikey document `{"id": <method>, "type": "Multikey",
  "controller": <the address before '#'>, "publicKeyMultibase": <the fragment>}` is added to the resolver.
  In every valid fixture that address is the issuer's id.
- LIST: the BitstringStatusListCredential `ob30/bit-string-list/testlist`, handed over for the URL it is served at.
- "assets/…": OB 2.0 objects from ob20/assets (CryptographicKey, BadgeClass, Issuer documents go to the
  resolver; a RevocationList goes to the status lists under its id).
Upstream: VALID / INVALID / WARNING as in /work/shared/vectors/README.md (OB30Tests, OB20Tests, CLR20Tests,
Endorsement30Tests at commit 38254719); "—" where no upstream test asserts an outcome.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from wallet.credentials.formats import parse
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "validator"
DOC = Path(__file__).resolve().parents[3] / "docs" / "validator-differences.md"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
TESTLIST_URL = (
    "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/"
    "inspector-vc/src/test/resources/ob30/bit-string-list/testlist"
)
TRUSTED = {
    issuer: "a test issuer"
    for issuer in (
        "https://example.com/issuers/876543",
        "https://example.edu/issuers/565049",
        "https://1edtech.edu/issuers/565049",
        "https://state.gov/issuers/565049",
        "urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795",
        "urn:uuid:6f2e33e5-7a29-4155-840a-59483ba10164",
        "did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c",
        "did:web:registrar%3A3000:d:www.acmecorp-zrnkgupzazhhustuwbufc.com",
        "https://example.org/organization.json",
        "https://example.org/organization-with-revocation-list.json",
        "https://example.org/organization-with-empty-revocation-list.json",
    )
}

KEY, LIST = "KEY", "LIST"
V, INV, W, NONE = "VALID", "INVALID", "WARNING", "—"
S = Status
SIG, IKEY, VAL, STAT = CheckName.SIGNATURE, CheckName.ISSUER_KEY, CheckName.VALIDITY, CheckName.STATUS
SCH, FMT, NEST = CheckName.SCHEMA, CheckName.FORMAT, CheckName.NESTED
FAIL, NOTC, WARN, PASS = Outcome.FAILED, Outcome.NOT_CHECKED, Outcome.WARNING, Outcome.PASSED


class Row(NamedTuple):
    upstream: str
    ours: Status
    material: tuple[str, ...]
    reason: str
    checks: tuple[tuple[CheckName, Outcome], ...] = ()
    """Check outcomes that must hold too; for not_verified, the check that must fail."""
    bug: str | None = None
    """A known engine bug: the case is a strict xfail until it is fixed."""


HOSTED = "Hosted OB 2.0 assertion: it is verified by fetching it from the issuer's site, impossible offline"
JWK_HEADER = (
    "VC-JWT whose only key is a `jwk` in its own header: the signature checks, but a key the token carries "
    "itself says nothing about the issuer (upstream accepts it); there is no `kid` an imported key could match"
)
DRIFT = (
    " unknown: the schema check fails. Its signature fails too: it was made with a pre-REC draft of the VC 2.0 context "
    "that had an @vocab; the published context has none, so the undefined terms drop out before hashing"
)
BADGE_CLASS = (
    "not an awarded badge: upstream validates any OB 2.0 object, the wallet verifies credentials, and as a "
    "credential it has no recipient, badge or issue date"
)
DID_KEY_NOT_ISSUER = (
    "nothing ties that did:key to the issuer id, and anyone can sign with their own did:key naming any issuer; "
    "upstream does not check that the key belongs to the issuer"
)
NO_SIG = ((SIG, NOTC),)
BAD_TYPE = ((SCH, FAIL), (SIG, FAIL))

# fmt: off
CASES: dict[str, Row] = {
    # --- Open Badges 3.0 (inspector-vc/ob30) ----------------------------------------------------------------------
    "ob30/simple.json": Row(V, S.VERIFIED, (KEY,), "Signed with the key published under the issuer's address"),
    "ob30/simple.1ob": Row(V, S.VERIFIED, (KEY,), "simple.json under another extension: the content decides"),
    "ob30/simple-json.png": Row(V, S.VERIFIED, (KEY,), "Baked PNG with the JSON credential: unbaked, it verifies"),
    "ob30/simple-json.svg": Row(V, S.VERIFIED, (KEY,), "Baked SVG with the JSON credential: unbaked, it verifies"),
    "ob30/simple-jwt.png": Row(V, S.UNVERIFIABLE, (), JWK_HEADER, ((SIG, PASS), (IKEY, NOTC))),
    "ob30/simple-jwt.svg": Row(V, S.UNVERIFIABLE, (), JWK_HEADER, ((SIG, PASS), (IKEY, NOTC))),
    "ob30/simple-jwt_v1.png": Row(W, S.UNVERIFIABLE, (), JWK_HEADER + " (VC 1.1)", ((SIG, PASS), (IKEY, NOTC))),
    "ob30/simple-jwt_v1.svg": Row(W, S.UNVERIFIABLE, (), JWK_HEADER + " (VC 1.1)", ((SIG, PASS), (IKEY, NOTC))),
    "ob30/simple_v1.json": Row(
        W, S.VERIFIED_WITH_WARNINGS, (KEY,), "VC 1.1 data model: warned, as upstream does", ((FMT, WARN),)),
    "ob30/simple-eddsa-2022.json": Row(
        W, S.VERIFIED_WITH_WARNINGS, (KEY,),
        "Draft suite name eddsa-2022 (and VC 1.1): checked as eddsa-rdfc-2022, warned", ((FMT, WARN),)),
    "ob30/simple-context-alias.json": Row(V, S.VERIFIED, (KEY,), "Same contexts as simple.json; it verifies"),
    "ob30/simple-context-version.json": Row(
        "notice", S.VERIFIED, (KEY,),
        "OB context 3.0.2 is a published OB 3.0 context: nothing to warn about (upstream only adds a notice)"),
    "ob30/simple-did-key-method.json": Row(
        V, S.NOT_VERIFIED, (), "Signed by did:key:z6MkjZRZ… but names issuer urn:uuid:6f2e…; " + DID_KEY_NOT_ISSUER,
        ((IKEY, FAIL), (SIG, PASS))),
    "ob30/simple-did-web-method.json": Row(
        V, S.VERIFIED, (KEY,), "Despite its name the verificationMethod is an https `#z6Mk…` link (only the subject "
        "is a did:web); upstream's test is disabled (network)"),
    "ob30/simple-multiple-proofs.json": Row(
        INV, S.VERIFIED, (KEY,), "The issuer's eddsa proof verifies; the extra 'SomeProofType' proof is named as not "
        "checkable. Upstream errors only because that type has no JSON-LD context; an unknown extra proof neither "
        "adds nor removes trust", ((SIG, PASS),)),
    "ob30/simple-noproof.json": Row(NONE, S.NOT_VERIFIED, (), "No proof at all", ((SIG, FAIL),)),
    "ob30/simple.jwt": Row(
        NONE, S.NOT_VERIFIED, (), "Pre-release draft: draft OB context, no achievement; RS256 with no jwk or kid, so "
        "not even the signature can be checked", ((SCH, FAIL), (SIG, NOTC))),
    "ob30/velocity.jwt": Row(
        INV, S.UNVERIFIABLE, (), "Key is a did:velocity (blockchain registry), status a VelocityRevocationList: "
        "neither is available offline. Upstream fails it for a missing context, which a JWT's signature does not "
        "depend on", ((SIG, NOTC), (STAT, NOTC))),
    "ob30/simple-err-context.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "No VC context: the schema check fails on @context[0] (signature fails too)",
        ((SCH, FAIL),)),
    "ob30/simple-err-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Type OtherCredential: the wallet accepts any W3C VC, so it is read as a "
        "generic VC and the schema passes; it fails on its signature (made with the draft VC 2.0 context, see the "
        "*-type cases)", ((SIG, FAIL), (SCH, PASS))),
    "ob30/simple-err-issuer.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "No issuer: the schema check fails, and no key can belong to a missing issuer",
        ((SCH, FAIL), (IKEY, FAIL))),
    "ob30/simple-err-expired.json": Row(INV, S.NOT_VERIFIED, (KEY,), "validUntil 2010: expired", ((VAL, FAIL),)),
    "ob30/simple-err-issued.json": Row(INV, S.NOT_VERIFIED, (KEY,), "validFrom 2040: not valid yet", ((VAL, FAIL),)),
    "ob30/simple-err-proof-value.json": Row(INV, S.NOT_VERIFIED, (KEY,), "Tampered proofValue", ((SIG, FAIL),)),
    "ob30/simple-err-proof-method.json": Row(
        INV, S.NOT_VERIFIED, (), "The `#z6Mk…` fragment is not a valid key: the proof is broken, and there is no key "
        "to import", ((SIG, FAIL),)),
    "ob30/simple-err-proof-method-no-scheme.json": Row(
        INV, S.NOT_VERIFIED, (), "verificationMethod is a bare key, not a URL", ((SIG, FAIL),)),
    "ob30/simple-err-proof-method-unknown-scheme.json": Row(
        INV, S.UNVERIFIABLE, (), "An `xxx:` link cannot be resolved offline: the key is missing, which is no proof "
        "of tampering", ((SIG, NOTC),)),
    "ob30/simple-err-proof-method-unknown-did-method.json": Row(
        INV, S.UNVERIFIABLE, (), "did:example cannot be resolved offline; like any DID we cannot resolve, the key is "
        "'not checked'", ((SIG, NOTC),)),
    "ob30/simple-err-credential-subject-type.json": Row(INV, S.NOT_VERIFIED, (KEY,), "Subject type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-credential-subject-identifier-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Identifier type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-credential-subject-profile-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Source profile type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-credential-subject-result-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Result type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-credential-subject-achievement-result-description-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Result description type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-evidence-type.json": Row(INV, S.NOT_VERIFIED, (KEY,), "Evidence type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-issuer-type.json": Row(INV, S.NOT_VERIFIED, (KEY,), "Issuer type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-issuer-parentorg-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Parent organisation type" + DRIFT, BAD_TYPE),
    "ob30/simple-err-issuer-otheridentifier-type.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Other-identifier type" + DRIFT, BAD_TYPE),
    "ob30/complete.json": Row(
        INV, S.VERIFIED_WITH_WARNINGS, (KEY,), "Upstream fails it because a schema link 404s online; offline the "
        "named 1EdTech schema is covered by ours and passes. Its 1EdTechRevocationList is not at hand: revocation "
        "'not checked' (a warning)", ((STAT, NOTC), (SCH, PASS))),
    "ob30/complete_v1.json": Row(
        INV, S.NOT_VERIFIED, (), "Expired 2020-01-01 (upstream's stated reason is the schema link); its `#key-1` key "
        "needs the issuer's profile, not at hand", ((VAL, FAIL),)),
    "ob30/credential-status-revoked.json": Row(
        INV, S.UNVERIFIABLE, (), "Upstream reads the live 1EdTech revocation list and finds it revoked. Offline there "
        "is neither the did:web DID document nor that list: we cannot say revoked, only 'not checked', never "
        "'passed'", ((IKEY, NOTC), (STAT, NOTC))),
    "ob30/bit-string-list/credential-status-revoked.json": Row(
        INV, S.NOT_VERIFIED, (KEY, LIST), "Bit 23 is set in the supplied, issuer-signed status list",
        ((STAT, FAIL), (SIG, PASS))),
    "ob30/bit-string-list/credential-status-revoked-blank-nodes.json": Row(
        INV, S.NOT_VERIFIED, (KEY, LIST), "Same, status entry without id", ((STAT, FAIL), (SIG, PASS))),
    "ob30/endorsement-valid.json": Row(V, S.VERIFIED, (KEY,), "EndorsementCredential signed by its issuer's key"),
    "ob30/endorsement-err-schema-status-refresh.json": Row(
        INV, S.NOT_VERIFIED, (KEY,), "Its signature does not match; its status list and second schema are not at "
        "hand either", ((SIG, FAIL),)),
    "ob30/sd/derivedcredential.json": Row(
        V, S.VERIFIED_WITH_WARNINGS, (KEY,), "ecdsa-sd-2023 derived (selective disclosure) proof by the issuer's "
        "P-256 key holds; the holder left out the credential's name, which OB 3.0 requires",
        ((SIG, PASS), (SCH, WARN))),
    # --- CLR 2.0 (inspector-clr/clr20) ----------------------------------------------------------------------------
    "clr20/simple.json": Row(
        V, S.VERIFIED, (KEY,), "The CLR and the credential inside it, both keys imported", ((NEST, PASS),)),
    "clr20/simple_v1.json": Row(
        W, S.VERIFIED_WITH_WARNINGS, (KEY,), "VC 1.1 (warning); 5 of its 6 nested credentials are signed by a "
        "did:key that is not their issuer, so the nested check warns", ((FMT, WARN), (NEST, WARN))),
    "clr20/complex.json": Row(
        "VALID (test commented out)", S.NOT_VERIFIED, (),
        "Signed by did:key:z6Mks4… but names issuer urn:uuid:4ca4…; " + DID_KEY_NOT_ISSUER, ((IKEY, FAIL),)),
    "clr20/simple.jwt": Row(
        "VALID (test disabled)", S.NOT_VERIFIED, (), "Uses the pre-release draft CLR context "
        "(dc.imsglobal.org/draft), not CLR 2.0: schema fails; and its key is only in its own header",
        ((SCH, FAIL), (IKEY, NOTC))),
    "clr20/simple-noproof.json": Row(
        NONE, S.NOT_VERIFIED, (), "No proof (upstream: 'should fail proof check')", ((SIG, FAIL),)),
    "clr20/simple_old_safesigned.json": Row(
        NONE, S.NOT_VERIFIED, (), "Draft CLR context, not available offline: the schema fails and the proof cannot "
        "be recomputed", ((SCH, FAIL),)),
    # --- Open Badges 2.0 (inspector-vc/ob20) ----------------------------------------------------------------------
    "ob20/basic-assertion.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/basic-assertion-with-language.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/basic-assertion-no-public-key.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/basic-assertion-with-allowed-origins.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/basic-assertion-with-allowed-origins-valid-starts-with.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/basic-assertion-with-allowed-origins-valid-multiple-starts-with.json": Row(
        V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/basic-assertion-with-allowed-origins-invalid-starts-with.json": Row(
        INV, S.UNVERIFIABLE, (), HOSTED + "; its startsWith rule concerns where it is hosted", NO_SIG),
    "ob20/basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json": Row(
        INV, S.UNVERIFIABLE, (), HOSTED + "; its startsWith rule concerns where it is hosted", NO_SIG),
    "ob20/assertion-with-endorsements.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/assertion-with-extension-node-basic.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/assertion-with-multiple-extensions.json": Row(V, S.UNVERIFIABLE, (), HOSTED, NO_SIG),
    "ob20/assertion-with-extension-node-invalid.json": Row(
        INV, S.UNVERIFIABLE, (), HOSTED + "; extensions are not validated against their own schemas", NO_SIG),
    "ob20/assertion-with-data-image.json": Row(
        INV, S.UNVERIFIABLE, (), HOSTED + "; image URIs are not judged", NO_SIG),
    "ob20/simple-badge.png": Row(V, S.UNVERIFIABLE, (), "Baked PNG holding a " + HOSTED, NO_SIG),
    "ob20/warning-issuer-non-http.json": Row(
        W, S.UNVERIFIABLE, (), HOSTED + "; its issuer is only hosted too", NO_SIG),
    "ob20/warning-with-redirection.json": Row(W, S.UNVERIFIABLE, (), HOSTED + "; redirects are a web matter", NO_SIG),
    "ob20/basic-assertion-expired.json": Row(INV, S.NOT_VERIFIED, (), "Expired (2022)", ((VAL, FAIL),)),
    "ob20/basic-assertion-expired-before-issued.json": Row(
        INV, S.NOT_VERIFIED, (), "Expires before it was issued", ((VAL, FAIL),)),
    "ob20/basic-assertion-in-future.json": Row(INV, S.NOT_VERIFIED, (), "Issued in 2100", ((VAL, FAIL),)),
    "ob20/basic-assertion-invalid-context.json": Row(
        INV, S.NOT_VERIFIED, (), "Not the OB 2.0 context", ((SCH, FAIL),)),
    "ob20/basic-assertion-invalid-type.json": Row(INV, S.NOT_VERIFIED, (), "Type is not Assertion", ((SCH, FAIL),)),
    "ob20/badge-class-with-language.json": Row(V, S.NOT_VERIFIED, (), "A BadgeClass, " + BADGE_CLASS, ((SCH, FAIL),)),
    "ob20/issuer-compact-iri-validation.json": Row(
        V, S.NOT_VERIFIED, (), "An Issuer profile, " + BADGE_CLASS, ((SCH, FAIL),)),
    "ob20/simple.jwt": Row(
        V, S.VERIFIED, ("assets/key1.json", "assets/robotics-badge.json", "assets/organization.json"),
        "Signed assertion; its CryptographicKey, BadgeClass and Issuer imported, the Issuer lists the key",
        ((SIG, PASS), (IKEY, PASS))),
    "ob20/simple-not-revoked.jwt": Row(
        V, S.VERIFIED, ("assets/key2.json", "assets/badge-from-organization-with-empty-revocation-list.json",
                        "assets/organization-with-empty-revocation-list.json", "assets/empty-revocation-list.json"),
        "Signed assertion; key, BadgeClass, Issuer and its (empty) RevocationList imported",
        ((IKEY, PASS), (STAT, PASS))),
    "ob20/simple-revoked.jwt": Row(
        INV, S.NOT_VERIFIED, ("assets/key3.json", "assets/badge-from-organization-with-revocation-list.json",
                              "assets/organization-with-revocation-list.json", "assets/revocation-list.json"),
        "Signed assertion listed in the issuer's imported RevocationList", ((STAT, FAIL),)),
}
# fmt: on

SUPPORT = {
    "README.md": "this folder's provenance",
    "ob30/bit-string-list/testlist": "the status list the bit-string-list cases point at (material LIST)",
    "ob20/redirected-validation-subject.json": "upstream's annotated note (JSON with comments), no test input",
}


def _load(relative: str) -> Any:
    return json.loads((FIXTURES / relative).read_text("utf-8"))


def _fragment_keys(node: Any) -> list[dict[str, str]]:
    """A Multikey document for every non-DID `…#z6Mk…` verificationMethod in `node`, nested ones included."""
    found: dict[str, dict[str, str]] = {}
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            method = item.get("verificationMethod")
            if isinstance(method, str) and ("#z6Mk" in method or "#zDna" in method) and not method.startswith("did:"):
                address, fragment = method.split("#", 1)
                key = {"id": method, "type": "Multikey", "controller": address, "publicKeyMultibase": fragment}
                found[method] = key
            stack.extend(item.values())
    return list(found.values())


def _verify(relative: str, material: tuple[str, ...]) -> ItemReport:
    parsed = parse((FIXTURES / relative).read_bytes())
    assert len(parsed) == 1
    resolver, lists = KeyResolver(), {}
    for item in material:
        if item == KEY:
            for key in _fragment_keys(parsed[0].document):
                resolver.add_document(key)
        elif item == LIST:
            lists[TESTLIST_URL] = _load("ob30/bit-string-list/testlist")
        else:
            document = _load("ob20/" + item)
            if document.get("type") == "RevocationList":
                lists[document["id"]] = document
            else:
                resolver.add_document(document)
    options = VerifyOptions(now=NOW, resolver=resolver, status_lists=lists, trusted_issuers=TRUSTED)
    return Verifier(options).verify(parsed[0])


def _params() -> list[Any]:
    return [
        pytest.param(name, row, id=name, marks=[pytest.mark.xfail(strict=True, reason=row.bug)] if row.bug else [])
        for name, row in CASES.items()
    ]


@pytest.mark.parametrize(("name", "row"), _params())
def test_fixture_gets_our_chosen_outcome(name: str, row: Row) -> None:
    """Each upstream fixture gets the status in the table, and the checks that decide it have the listed outcomes."""
    report = _verify(name, row.material)
    shown = [(str(c.check), str(c.outcome), c.message) for c in report.checks]
    assert report.status is row.ours, shown
    for check, outcome in row.checks:
        assert report.outcome_of(check) is outcome, (check, shown)
    if row.ours is Status.NOT_VERIFIED:
        assert any(outcome is FAIL for _, outcome in row.checks), "an INVALID case must name the check that fails"


def test_simple_json_without_the_supplied_key_is_unverifiable() -> None:
    """The key in simple.json's link checks the signature's arithmetic only: unverifiable, issuer key 'not checked'."""
    report = _verify("ob30/simple.json", ())
    assert report.outcome_of(SIG) is PASS
    assert report.outcome_of(IKEY) is NOTC
    assert report.status is Status.UNVERIFIABLE


def test_every_copied_fixture_has_exactly_one_row() -> None:
    """No copied fixture is skipped silently: each file is a case or a named support file (ob20/assets aside)."""
    files = {str(p.relative_to(FIXTURES)) for p in FIXTURES.rglob("*") if p.is_file()}
    inputs = {f for f in files if not f.startswith("ob20/assets/")} - set(SUPPORT)
    assert inputs == set(CASES)
    assert set(SUPPORT) <= files
    for row in CASES.values():
        for item in row.material:
            assert item in (KEY, LIST) or f"ob20/{item}" in files


def test_differences_document_matches_the_table() -> None:
    """docs/validator-differences.md lists every fixture once, with the same upstream answer and the same status."""
    rows: dict[str, list[str]] = {}
    for line in DOC.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 4:
            rows[cells[0].strip("`")] = cells
    assert set(rows) == set(CASES)
    for name, row in CASES.items():
        assert rows[name][1] == row.upstream, name
        assert rows[name][2] == f"`{row.ours.value}`", name

"""The schema check: our JSON Schemas, the compiled validator and the plain-language report line."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from wallet.credentials import schema
from wallet.credentials.report import CheckName, Outcome
from wallet.credentials.schema import HOSTED_ONLY, check_schema, schema_errors, validator_for
from wallet.resources import resource_path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "schema"
SCHEMAS = Path(__file__).resolve().parents[3] / "resources" / "schemas"

P, F, W = Outcome.PASSED, Outcome.FAILED, Outcome.WARNING

# fixture → (kind it is checked as, expected outcome, text the message must contain)
EXPECTED: dict[str, tuple[str, Outcome, str]] = {
    "ob30/complete.json": ("ob3", P, ""),
    "ob30/complete_v1.json": ("ob3", P, ""),
    "ob30/credential-status-revoked.json": ("ob3", P, ""),
    "ob30/bit-string-list/credential-status-revoked.json": ("ob3", P, ""),
    "ob30/bit-string-list/credential-status-revoked-blank-nodes.json": ("ob3", P, ""),
    "ob30/endorsement-err-schema-status-refresh.json": ("endorsement", W, "https://state.gov/schema/"),
    "ob30/endorsement-valid.json": ("endorsement", P, ""),
    "ob30/simple.json": ("ob3", P, ""),
    "ob30/simple_v1.json": ("ob3", P, ""),
    "ob30/simple-context-alias.json": ("ob3", P, ""),
    "ob30/simple-context-version.json": ("ob3", P, ""),
    "ob30/simple-did-key-method.json": ("ob3", P, ""),
    "ob30/simple-did-web-method.json": ("ob3", P, ""),
    "ob30/simple-eddsa-2022.json": ("ob3", P, ""),
    "ob30/simple-multiple-proofs.json": ("ob3", P, ""),
    # These break the signature, key or validity checks, not the data model.
    "ob30/simple-err-expired.json": ("ob3", P, ""),
    "ob30/simple-err-proof-method.json": ("ob3", P, ""),
    "ob30/simple-err-proof-method-no-scheme.json": ("ob3", P, ""),
    "ob30/simple-err-proof-method-unknown-did-method.json": ("ob3", P, ""),
    "ob30/simple-err-proof-method-unknown-scheme.json": ("ob3", P, ""),
    "ob30/simple-err-proof-value.json": ("ob3", P, ""),
    # Each breaks one typed object (found by diffing against simple.json).
    "ob30/simple-err-context.json": ("ob3", F, "(@context[0])"),
    "ob30/simple-err-credential-subject-achievement-result-description-type.json": (
        "ob3",
        F,
        'the 3rd result description\'s type must include "ResultDescription" '
        "(credentialSubject.achievement.resultDescription[2].type)",
    ),
    "ob30/simple-err-credential-subject-identifier-type.json": (
        "ob3",
        F,
        'type must include "IdentityObject" (credentialSubject.identifier[0].type)',
    ),
    "ob30/simple-err-credential-subject-profile-type.json": (
        "ob3",
        F,
        'the source profile\'s type must include "Profile" (credentialSubject.source.type)',
    ),
    "ob30/simple-err-credential-subject-result-type.json": (
        "ob3",
        F,
        'the 2nd result\'s type must include "Result" (credentialSubject.result[1].type)',
    ),
    "ob30/simple-err-credential-subject-type.json": (
        "ob3",
        F,
        'the subject\'s type must include "AchievementSubject" (credentialSubject.type)',
    ),
    "ob30/simple-err-evidence-type.json": ("ob3", F, 'the 2nd evidence item\'s type must include "Evidence"'),
    "ob30/simple-err-issuer-otheridentifier-type.json": (
        "ob3",
        F,
        'type must include "IdentifierEntry" (issuer.otherIdentifier[1].type)',
    ),
    "ob30/simple-err-issuer-parentorg-type.json": (
        "ob3",
        F,
        "the issuer's parent organisation's type must include \"Profile\" (issuer.parentOrg.type)",
    ),
    "ob30/simple-err-issuer-type.json": ("ob3", F, 'the issuer\'s type must include "Profile" (issuer.type)'),
    "ob30/simple-err-issuer.json": ("ob3", F, "the credential is missing its issuer (issuer)"),
    "ob30/simple-err-type.json": ("ob3", F, 'must include "AchievementCredential" or "OpenBadgeCredential" (type)'),
    # Old fixtures without the achievement OB 3.0 requires in an AchievementSubject.
    "ob30/simple-err-issued.json": ("ob3", F, "(credentialSubject.achievement)"),
    "ob30/simple-noproof.json": ("ob3", F, "(credentialSubject.achievement)"),
    # Selectively disclosed (ecdsa-sd-2023): the holder left out the required name; a warning, not a failure.
    "ob30/sd/derivedcredential.json": ("ob3", W, "the credential is missing its name (name)"),
    "clr20/complex.json": ("clr", P, ""),
    "clr20/simple.json": ("clr", P, ""),
    "clr20/simple_v1.json": ("clr", P, ""),
    # Draft CLR context (dc.imsglobal.org/draft/...), not the CLR 2.0 one.
    "clr20/simple-noproof.json": ("clr", F, "the @context must include the CLR 2.0 context (@context)"),
    "clr20/simple_old_safesigned.json": ("clr", F, "the @context must include the CLR 2.0 context (@context)"),
    "ob20/basic-assertion.json": ("ob2", P, ""),
    "ob20/assertion-with-endorsements.json": ("ob2", P, ""),
    "ob20/basic-assertion-invalid-type.json": ("ob2", F, 'the credential\'s type must include "Assertion" (type)'),
    "ob20/basic-assertion-invalid-context.json": ("ob2", F, "(@context)"),
    "spec/achievementAlignmentCase__Achievement-alignment-CASE.json": ("ob3", P, ""),
    "spec/achievementAlignmentCe__Achievement-alignment-Credential-Engine.json": ("ob3", P, ""),
    "spec/basicOpenBadgeCredential__Sample-OpenBadgeCredential.json": ("ob3", P, ""),
    "spec/endorsement__Sample-EndorsementCredential.json": ("endorsement", W, "https://state.gov/schema/"),
    "spec/fullOpenBadge__Complete-OpenBadgeCredential.json": ("ob3", P, ""),
    "spec/linked-data-proof-clr__Credential.json": ("clr", P, ""),
    "spec/linked-data-proof-clr__Document-before-signing.json": ("clr", P, ""),
    "spec/linked-data-proof-clr__Signed-credential.json": ("clr", P, ""),
    "spec/linked-data-proof-ob__Credential.json": ("ob3", P, ""),
    "spec/linked-data-proof-ob__Signed-credential.json": ("ob3", P, ""),
    "spec/skillAssertionCase__Skill-Assertion-CASE.json": ("ob3", P, ""),
    "spec/skillAssertionCtdl__Skill-Assertion-Credential-Registry.json": ("ob3", P, ""),
}


def load(name: str) -> dict[str, Any]:
    """A fixture document."""
    document: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return document


def reference_errors(document: Any, kind: str) -> set[tuple[tuple[str | int, ...], str]]:
    """The errors the `jsonschema` reference implementation finds, as (path, keyword) pairs."""
    return {(tuple(e.absolute_path), str(e.validator)) for e in _reference_validator(kind).iter_errors(document)}


_REFERENCE: dict[str, Draft202012Validator] = {}


def _reference_validator(kind: str) -> Draft202012Validator:
    """jsonschema's validator for one kind, built once per test run."""
    if kind not in _REFERENCE:
        documents = {
            schema._BASE + name: json.loads((SCHEMAS / file).read_text(encoding="utf-8"))
            for name, file in schema._FILES.items()
        }
        registry: Registry[Any] = Registry().with_resources(
            (uri, Resource.from_contents(contents)) for uri, contents in documents.items()
        )
        _REFERENCE[kind] = Draft202012Validator(documents[schema._BASE + schema._KIND_SCHEMA[kind]], registry=registry)
    return _REFERENCE[kind]


def compiled_errors(document: Any, kind: str) -> set[tuple[tuple[str | int, ...], str]]:
    """The errors the wallet's validator (jsonschema-rs) finds, as (path, keyword) pairs."""
    return {(e.path, e.keyword) for e in schema_errors(document, kind)}


def test_every_fixture_has_an_expectation() -> None:
    """Each copied fixture file has an expected outcome, and each expectation has its file."""
    on_disk = {p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.json")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_outcome(name: str) -> None:
    """The fixture gives its expected outcome, and the message names the expected problem."""
    kind, outcome, fragment = EXPECTED[name]
    check = check_schema(load(name), kind)
    assert check.check is CheckName.SCHEMA
    assert check.outcome is outcome, check.message
    assert fragment in check.message
    if outcome is Outcome.FAILED:
        assert check.message.startswith("It does not follow the ")
        assert check.message.endswith(").")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_compiled_validator_agrees_with_jsonschema(name: str) -> None:
    """On every fixture the wallet's validator finds exactly what the pure-Python `jsonschema` finds."""
    kind = EXPECTED[name][0]
    document = load(name)
    assert compiled_errors(document, kind) == reference_errors(document, kind)


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Every path inside a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _paths(item, (*path, index))


def _mutants(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The document with one value deleted or replaced by a value of another JSON type."""
    for path in _paths(document):
        replacements: tuple[Any, ...] = (None, 42, "not a uri", [], {}, False)
        for replacement in replacements:
            mutant = copy.deepcopy(document)
            parent: Any = mutant
            for part in path[:-1]:
                parent = parent[part]
            if replacement is None:
                del parent[path[-1]]
            else:
                parent[path[-1]] = replacement
            yield mutant


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ob30/simple.json", "ob3"),
        ("ob30/simple_v1.json", "ob3"),
        ("ob30/simple.json", "vc"),
        ("ob30/endorsement-valid.json", "endorsement"),
        ("spec/linked-data-proof-clr__Credential.json", "clr"),
        ("ob20/basic-assertion.json", "ob2"),
    ],
)
def test_mutants_agree_with_jsonschema(name: str, kind: str) -> None:
    """After any single deletion or type change the wallet's validator still matches `jsonschema`."""
    for mutant in _mutants(load(name)):
        assert compiled_errors(mutant, kind) == reference_errors(mutant, kind), json.dumps(mutant)[:300]


@pytest.mark.parametrize("file", sorted(schema._FILES.values()))
def test_schema_files_are_valid_draft_2020_12(file: str) -> None:
    """Each bundled schema is a valid draft 2020-12 schema with the $id the code expects."""
    contents = json.loads(resource_path("schemas", file).read_text("utf-8"))
    Draft202012Validator.check_schema(contents)
    assert contents["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {schema._BASE + name for name, f in schema._FILES.items() if f == file} == {contents["$id"]}


def test_schemas_readme_says_they_are_not_official() -> None:
    """resources/schemas/README.md names the specs and the 1EdTech licence, and says the files are ours."""
    text = resource_path("schemas", "README.md").read_text("utf-8")
    assert "not the official" in text
    assert "https://www.imsglobal.org/speclicense.html" in text
    for spec in (
        "Open Badges Specification 3.0",
        "Comprehensive Learner Record Standard 2.0",
        "Open Badges Specification 2.0",
    ):
        assert spec in text


def test_passed_message() -> None:
    """A good Open Badges 3.0 credential gets the plain PASSED sentence."""
    check = check_schema(load("ob30/simple.json"), "ob3")
    assert check.outcome is Outcome.PASSED
    assert check.message == "It has every field Open Badges 3.0 requires."


def test_failed_message_is_one_plain_sentence() -> None:
    """The issuer-type fixture gives exactly the sentence a learner reads."""
    check = check_schema(load("ob30/simple-err-issuer-type.json"), "ob3")
    assert check.message == (
        'It does not follow the Open Badges 3.0 format: the issuer\'s type must include "Profile" (issuer.type).'
    )


def test_issuer_may_be_a_link() -> None:
    """The issuer may be a URI string instead of a Profile object."""
    document = load("ob30/simple.json")
    document["issuer"] = "did:example:issuer"
    assert check_schema(document, "ob3").outcome is Outcome.PASSED


def test_issuer_of_the_wrong_kind_fails_in_words() -> None:
    """An issuer that is neither a link nor a profile is named as such."""
    document = load("ob30/simple.json")
    document["issuer"] = 42
    check = check_schema(document, "ob3")
    assert check.outcome is Outcome.FAILED
    assert "the issuer must be a profile with an id and a type (issuer)" in check.message


def test_issuer_profile_needs_an_id_that_is_a_uri() -> None:
    """A profile's id must be a URI."""
    document = load("ob30/simple.json")
    document["issuer"]["id"] = "Example Corp"
    assert "the issuer's id must be a link or identifier" in check_schema(document, "ob3").message


def test_type_may_be_a_single_string() -> None:
    """A typed object may give its type as one string rather than an array."""
    document = load("ob30/simple.json")
    document["issuer"]["type"] = "Profile"
    document["credentialSubject"]["type"] = "AchievementSubject"
    document["credentialSubject"]["achievement"]["type"] = "Achievement"
    assert check_schema(document, "ob3").outcome is Outcome.PASSED


def test_parent_organisation_is_checked_at_any_depth() -> None:
    """Profiles nest (parentOrg of a parentOrg) and every level is checked."""
    document = load("ob30/simple.json")
    document["issuer"]["parentOrg"] = {
        "id": "https://example.com/parent",
        "type": ["Profile"],
        "parentOrg": {"id": "https://example.com/grandparent", "type": ["Organization"]},
    }
    check = check_schema(document, "ob3")
    assert "(issuer.parentOrg.parentOrg.type)" in check.message


def test_start_date_must_be_a_date_time_with_zone() -> None:
    """validFrom must be an ISO 8601 date-time with a time zone."""
    document = load("ob30/simple.json")
    document["validFrom"] = "2010-01-01"
    check = check_schema(document, "ob3")
    assert check.outcome is Outcome.FAILED
    assert "the start date must be a date and time with a time zone" in check.message
    assert "(validFrom)" in check.message


def test_v2_credential_needs_valid_from() -> None:
    """With the VC 2.0 context an Open Badge must carry validFrom."""
    document = load("ob30/simple.json")
    del document["validFrom"]
    assert "the credential is missing its start date (validFrom)" in check_schema(document, "ob3").message


def test_v1_credential_needs_issuance_date() -> None:
    """With the VC 1.1 context an Open Badge must carry issuanceDate."""
    document = load("ob30/simple_v1.json")
    del document["issuanceDate"]
    assert "the credential is missing its issue date (issuanceDate)" in check_schema(document, "ob3").message


def test_open_badges_context_must_be_present() -> None:
    """An Open Badge without the OB 3.0 context fails and says which context is missing."""
    document = load("ob30/simple.json")
    document["@context"] = ["https://www.w3.org/ns/credentials/v2"]
    check = check_schema(document, "ob3")
    assert "the @context must include the Open Badges 3.0 context (@context)" in check.message


def test_missing_fields_of_one_object_are_named_together() -> None:
    """Several missing fields of the same object make one phrase."""
    document = load("ob30/simple.json")
    achievement = document["credentialSubject"]["achievement"]
    del achievement["criteria"], achievement["name"]
    check = check_schema(document, "ob3")
    assert "the achievement is missing its name and criteria (credentialSubject.achievement.name, " in check.message


def test_criteria_needs_a_link_or_a_narrative() -> None:
    """Criteria with neither id nor narrative fail, as the spec requires one of them."""
    document = load("ob30/simple.json")
    document["credentialSubject"]["achievement"]["criteria"] = {}
    check = check_schema(document, "ob3")
    assert "the achievement's criteria must have a link (id) or a narrative" in check.message


def test_result_status_is_a_closed_list() -> None:
    """A Result status outside the spec's list fails and the allowed values are named."""
    document = load("ob30/simple.json")
    document["credentialSubject"]["result"] = [{"type": ["Result"], "status": "Done"}]
    check = check_schema(document, "ob3")
    assert '"Completed"' in check.message
    assert "(credentialSubject.result[0].status)" in check.message


def test_more_than_three_problems_are_counted_not_listed() -> None:
    """Only the first three problems are named; the rest are counted."""
    document = load("ob30/simple.json")
    for name in ("id", "issuer", "name", "validFrom", "credentialSubject"):
        del document[name]
    check = check_schema(document, "ob3")
    assert check.message.count("(") == 1
    assert "is missing its id, issuer, name, subject and start date" in check.message
    document = load("ob30/simple.json")
    document["issuer"]["type"] = ["X"]
    document["credentialSubject"]["type"] = ["X"]
    document["credentialSubject"]["achievement"]["type"] = ["X"]
    document["evidence"] = [{"type": "X"}]
    document["validFrom"] = "yesterday"
    check = check_schema(document, "ob3")
    assert check.message.endswith("; and 2 more problems.")


def test_endorsement_subject_needs_an_id() -> None:
    """An EndorsementSubject must say what it endorses."""
    document = load("ob30/endorsement-valid.json")
    del document["credentialSubject"]["id"]
    check = check_schema(document, "endorsement")
    assert check.message.startswith("It does not follow the Open Badges 3.0 endorsement format:")
    assert "(credentialSubject.id)" in check.message


def test_selective_disclosure_may_leave_fields_out_but_not_break_them() -> None:
    """A selectively disclosed credential only warns about absent fields; a wrong value still fails."""
    document = load("ob30/sd/derivedcredential.json")
    check = check_schema(document, "ob3")
    assert check.message == (
        "What it shows follows the Open Badges 3.0 format, but it is selectively disclosed and the holder left out "
        "fields Open Badges 3.0 requires: the credential is missing its name (name)."
    )
    document["issuer"]["type"] = ["Organization"]
    check = check_schema(document, "ob3")
    assert check.outcome is Outcome.FAILED
    assert "(name)" not in check.message
    assert "(issuer.type)" in check.message
    plain = load("ob30/simple.json")
    del plain["name"]
    assert check_schema(plain, "ob3").outcome is Outcome.FAILED


def test_clr_association_type_is_checked() -> None:
    """A CLR association must use one of the spec's association types."""
    document = load("spec/linked-data-proof-clr__Credential.json")
    document["credentialSubject"]["association"][0]["associationType"] = "isCousinOf"
    check = check_schema(document, "clr")
    assert check.outcome is Outcome.FAILED
    assert '"isParentOf"' in check.message
    assert "(credentialSubject.association[0].associationType)" in check.message


def test_clr_may_hold_signed_tokens() -> None:
    """A CLR's verifiableCredential entries may be compact JWTs; other text fails."""
    document = load("spec/linked-data-proof-clr__Credential.json")
    document["credentialSubject"]["verifiableCredential"] = ["eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln"]
    assert check_schema(document, "clr").outcome is Outcome.PASSED
    document["credentialSubject"]["verifiableCredential"] = ["not a token"]
    check = check_schema(document, "clr")
    assert "the 1st nested credential must be a signed token" in check.message


def test_clr_needs_at_least_one_credential() -> None:
    """A CLR subject must hold at least one credential."""
    document = load("spec/linked-data-proof-clr__Credential.json")
    document["credentialSubject"]["verifiableCredential"] = []
    assert "(credentialSubject.verifiableCredential)" in check_schema(document, "clr").message
    del document["credentialSubject"]["verifiableCredential"]
    check = check_schema(document, "clr")
    assert "the subject is missing its credentials (credentialSubject.verifiableCredential)" in check.message


def test_1edtech_schema_url_is_covered() -> None:
    """A credentialSchema naming the 1EdTech OB 3.0 schema is covered by ours: no warning."""
    document = load("ob30/simple.json")
    document["credentialSchema"] = [
        {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]
    assert check_schema(document, "ob3").outcome is Outcome.PASSED


def test_unknown_schema_url_gives_a_warning() -> None:
    """A schema URL we cannot fetch turns a pass into a warning that names it."""
    document = load("ob30/simple.json")
    document["credentialSchema"] = {"id": "https://example.org/my-schema.json", "type": "JsonSchema"}
    check = check_schema(document, "ob3")
    assert check.outcome is Outcome.WARNING
    assert check.message == (
        "It has every field Open Badges 3.0 requires, but the schema it names "
        "(https://example.org/my-schema.json) could not be checked offline."
    )


def test_unknown_schema_url_does_not_hide_a_failure() -> None:
    """A credential that breaks our schema fails even if it also names an unknown schema."""
    document = load("ob30/simple-err-issuer-type.json")
    document["credentialSchema"] = [{"id": "https://example.org/my-schema.json", "type": "JsonSchema"}]
    assert check_schema(document, "ob3").outcome is Outcome.FAILED


def test_plain_vc_naming_the_ob3_schema_is_held_to_it() -> None:
    """A credential that names the 1EdTech OB 3.0 schema but is not an Open Badge fails that schema."""
    document = load("ob30/simple-err-type.json")
    assert check_schema(document, "vc").outcome is Outcome.PASSED
    document["credentialSchema"] = [
        {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]
    check = check_schema(document, "vc")
    assert check.outcome is Outcome.FAILED
    assert check.message.startswith("It does not follow the Open Badges 3.0 format that its credentialSchema names:")


def test_plain_vc_1_1_and_2_0_pass() -> None:
    """Minimal W3C VCs in both data model versions pass the VC schema."""
    v1 = {
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"],
        "issuer": "did:example:1",
        "issuanceDate": "2020-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:2"},
    }
    v2 = {
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "VerifiableCredential",
        "issuer": {"id": "did:example:1"},
        "credentialSubject": [{"name": "A"}],
    }
    assert check_schema(v1, "vc").message == "It has every field a W3C Verifiable Credential requires."
    assert check_schema(v2, "vc").outcome is Outcome.PASSED
    del v1["issuanceDate"]
    assert "the credential is missing its issue date (issuanceDate)" in check_schema(v1, "vc").message


def test_plain_vc_needs_the_vc_type_and_context() -> None:
    """A VC must be typed VerifiableCredential and start with the W3C context."""
    document = {
        "@context": ["https://example.org/context"],
        "type": ["SomethingElse"],
        "issuer": "did:example:1",
        "credentialSubject": {},
    }
    check = check_schema(document, "vc")
    assert check.message.startswith("It does not follow the W3C Verifiable Credential format:")
    assert 'the credential\'s type must include "VerifiableCredential" (type)' in check.message
    assert "the first @context entry must be the W3C Verifiable Credentials context (@context[0])" in check.message


def test_ob2_hosted_link_is_not_checked() -> None:
    """An OB 2.0 badge that holds only the link to its hosted assertion cannot be checked offline."""
    check = check_schema({"id": "https://example.org/assertions/1", "type": "Assertion"}, "ob2")
    assert check.outcome is Outcome.NOT_CHECKED
    assert check.message == HOSTED_ONLY


def test_ob2_assertion_needs_recipient_badge_and_date() -> None:
    """An OB 2.0 assertion without recipient, badge and issuedOn fails, naming them."""
    document = load("ob20/basic-assertion.json")
    for name in ("recipient", "badge", "issuedOn"):
        del document[name]
    check = check_schema(document, "ob2")
    assert check.message == (
        "It does not follow the Open Badges 2.0 format: the credential is missing its recipient, badge "
        "and issue date (recipient, badge, issuedOn)."
    )


def test_ob2_verification_type_is_checked() -> None:
    """OB 2.0 verification must be hosted or signed."""
    document = load("ob20/basic-assertion.json")
    document["verification"] = {"type": "emailed"}
    check = check_schema(document, "ob2")
    assert 'the verification section\'s type must be "hosted" or "signed" (HostedBadge or SignedBadge)' in check.message
    assert "(verification.type)" in check.message


def test_ob2_accepts_unix_timestamps_and_embedded_badges() -> None:
    """issuedOn may be a Unix timestamp and badge an embedded BadgeClass."""
    document = load("ob20/basic-assertion.json")
    document["issuedOn"] = 1483228799
    document["badge"] = {"type": "BadgeClass", "name": "Robotics", "issuer": "https://example.org/issuer.json"}
    assert check_schema(document, "ob2").outcome is Outcome.PASSED


def test_ob1_assertion_with_verify_passes() -> None:
    """An Open Badges 1.x assertion may use `verify` instead of `verification`."""
    document = {
        "@context": "https://w3id.org/openbadges/v1",
        "uid": "abc",
        "recipient": {"type": "email", "hashed": False, "identity": "a@example.org"},
        "badge": "https://example.org/badge.json",
        "verify": {"type": "hosted", "url": "https://example.org/assertion.json"},
        "issuedOn": "2015-05-01",
    }
    assert check_schema(document, "ob2").outcome is Outcome.PASSED
    del document["verify"]
    check = check_schema(document, "ob2")
    assert "the credential must have verification details (verification, or verify in Open Badges 1.x)" in (
        check.message
    )


def test_unknown_kind_is_refused() -> None:
    """A kind the wallet does not know is a programming error."""
    with pytest.raises(ValueError, match="unknown credential kind"):
        check_schema({}, "ob4")


def test_validators_are_built_once() -> None:
    """The compiled validator for a kind is cached."""
    assert validator_for("ob3") is validator_for("ob3")


def test_any_draft_2020_12_keyword_is_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keyword our schemas do not use today (maxLength) is still enforced: the validator is a complete one."""
    documents = copy.deepcopy(schema._documents())
    documents[schema._BASE + "vc"]["properties"]["id"] = {"maxLength": 5}
    monkeypatch.setattr(schema, "_documents", lambda: documents)
    validator_for.cache_clear()
    try:
        document = load("ob30/simple.json")
        check = check_schema(document, "vc")
        assert check.outcome is Outcome.FAILED
        assert "(id)" in check.message
        document["id"] = "urn:a"
        assert check_schema(document, "vc").outcome is Outcome.PASSED
    finally:
        validator_for.cache_clear()


def test_a_reference_outside_the_bundled_schemas_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A $ref to a web address is refused when the validator is built; nothing is retrieved."""
    documents = copy.deepcopy(schema._documents())
    documents[schema._BASE + "vc"]["properties"]["id"] = {"$ref": "https://example.org/remote.schema.json"}
    monkeypatch.setattr(schema, "_documents", lambda: documents)
    validator_for.cache_clear()
    try:
        with pytest.raises(ValueError, match="does not fetch"):
            validator_for("vc")
    finally:
        validator_for.cache_clear()


def test_schema_errors_name_the_keyword_its_value_and_its_schema_object() -> None:
    """Each error carries the failing keyword, that keyword's value and the schema object holding it (for wording)."""
    document = load("ob30/simple.json")
    del document["issuer"]["id"]
    document["validFrom"] = 5
    errors = {(e.path, e.keyword): e for e in schema_errors(document, "ob3")}
    required = errors[(("issuer",), "required")]
    assert "id" in required.value and required.schema["required"] == required.value
    assert required.instance == document["issuer"]
    wrong_type = errors[(("validFrom",), "type")]
    assert wrong_type.value == wrong_type.schema["type"] == "string"
    assert wrong_type.instance == 5

"""Property tests for the data-model check: changed credentials never crash it, always get one sentence, and it
passes only what an independent reading of the VCDM rules also accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.wallet.credentials.test_fuzz_importers import (
    FUZZ,
    JSON_VALUES,
    assert_sentence,
    structural_mutations,
)
from wallet.credentials.datamodel import check_data_model
from wallet.credentials.report import CheckName, Outcome

pytestmark = pytest.mark.timeout(300)

W3C = Path(__file__).resolve().parents[2] / "fixtures" / "w3c"
SEED_FILES = [
    W3C / "vcdm2" / "tests" / "input" / "credential-status-ok.json",
    W3C / "vcdm2" / "tests" / "input" / "credential-evidences-ok.json",
    W3C / "vcdm2" / "tests" / "input" / "names-and-descriptions" / "issuer-multi-language-name-ok.json",
    W3C / "vc1" / "test" / "vc-data-model-1.0" / "input" / "example-7.jsonld",
    W3C / "vc1" / "test" / "vc-data-model-1.0" / "input" / "example-013.jsonld",
]
BASES = ("https://www.w3.org/ns/credentials/v2", "https://www.w3.org/2018/credentials/v1")


def _seed(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    if isinstance(document.get("issuer"), dict):
        document["issuer"].setdefault("id", "did:example:issuer")
    document.setdefault("issuer", "did:example:issuer")
    return document


SEEDS = [_seed(p) for p in SEED_FILES]


def _url(value: Any) -> bool:
    return isinstance(value, str) and ":" in value and not any(c.isspace() for c in value) and value[0].isalpha()


def _plainly_sound(document: dict[str, Any]) -> bool:
    """The rules a passing credential must meet, read independently of the module under test."""
    context = document.get("@context")
    contexts = context if isinstance(context, list) else [context]
    types = document.get("type")
    types = types if isinstance(types, list) else [types]
    issuer = document.get("issuer")
    subjects = document.get("credentialSubject")
    subjects = subjects if isinstance(subjects, list) else [subjects]
    return (
        bool(contexts) and contexts[0] in BASES and not all(base in contexts for base in BASES)
        and "VerifiableCredential" in types
        and (_url(issuer) or (isinstance(issuer, dict) and _url(issuer.get("id"))))
        and bool(subjects) and all(isinstance(s, dict) and s for s in subjects)
        and ("id" not in document or _url(document["id"]))
    )


@settings(FUZZ, max_examples=200)
@given(st.sampled_from(SEEDS).flatmap(structural_mutations))
def test_changed_credentials_get_one_sentence_and_pass_only_when_sound(document: dict[str, Any]) -> None:
    """Any change: one `data model` line with a sentence; a pass only for a credential that is plainly sound."""
    check = check_data_model(document)
    assert check.check is CheckName.DATA_MODEL
    assert_sentence(check.message)
    if check.outcome in (Outcome.PASSED, Outcome.WARNING):
        assert _plainly_sound(document), (check, document)


@settings(FUZZ, max_examples=150)
@given(st.sampled_from(SEEDS), st.sampled_from(["@context", "type", "issuer", "credentialSubject", "id",
                                               "validFrom", "issuanceDate", "credentialStatus", "name"]),
       JSON_VALUES)
def test_any_value_in_a_key_place_never_crashes(seed: dict[str, Any], key: str, value: Any) -> None:
    """Any JSON in a property the check reads gives a whole line, never an exception."""
    check = check_data_model({**seed, key: value})
    assert_sentence(check.message)
    assert check.outcome in set(Outcome)


def test_seeds_pass() -> None:
    """The untouched seeds follow their data model (so the properties above test changes, not broken seeds)."""
    assert all(check_data_model(seed).outcome in (Outcome.PASSED, Outcome.WARNING) for seed in SEEDS)

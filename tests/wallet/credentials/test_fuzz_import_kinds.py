"""Fuzzing the import's new readers: material, families, titles, dates and holder proofs never crash on odd JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wallet.credentials import family, material
from wallet.credentials.dates import NOT_READABLE, calendar_date, shown_date
from wallet.credentials.keys import KeyResolver
from wallet.credentials.presentation import check_holder_proof
from wallet.credentials.report import Outcome
from wallet.credentials.titles import fallback_title

pytestmark = pytest.mark.timeout(60)

KEYS = st.sampled_from(["id", "type", "@context", "holder", "proof", "name", "credentialSubject", "degree",
                        "achievement", "issuer", "revokedAssertions", "verificationMethod", "signature",
                        "proofPurpose", "cryptosuite", "challenge", "validFrom", "en", "x"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12),
                    st.sampled_from(["VerifiableCredential", "BadgeClass", "Issuer", "RevocationList", "Multikey",
                                     "did:example:a", "BitstringStatusListCredential", "MerkleProof2017",
                                     "https://w3id.org/blockcerts/v2", "DataIntegrityProof", "eddsa-rdfc-2022"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(KEYS, inner, max_size=5)), max_leaves=25)
OBJECTS = st.dictionaries(KEYS, VALUES, max_size=8)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(OBJECTS)
def test_odd_objects_are_classified_or_left_to_the_reader(document: dict[str, Any]) -> None:
    """classify never raises; material it keeps always has a text id, and its sentence names what it is."""
    found = material.classify(json.dumps(document).encode())
    if found is not None:
        assert found.what in material.sentence(found)
        assert found.place is material.Place.REFUSED or isinstance(found.document.get("id"), str)


@FAST
@given(OBJECTS)
def test_families_titles_and_dates_never_raise(document: dict[str, Any]) -> None:
    """family, offline reason, fallback title and dates answer every shape with text or None."""
    name = family.family_of(document)
    reason = family.offline_reason(name, document)
    assert reason is None or reason.endswith(".")
    assert isinstance(fallback_title(document, "Issuer"), str)
    for value in document.values():
        shown = shown_date(value)
        assert shown in ("", NOT_READABLE) or shown == calendar_date(value)


@FAST
@given(OBJECTS)
def test_holder_proofs_of_odd_presentations_never_pass(document: dict[str, Any]) -> None:
    """An odd presentation's holder proof is a check with a sentence, and never 'passed' without a real signature."""
    check = check_holder_proof({**document, "type": ["VerifiablePresentation"]}, KeyResolver())
    assert check.message
    assert check.outcome is not Outcome.PASSED

"""Fixtures shared by the skills tests: the pack, read once, the recogniser and the demo learner's profile."""

from __future__ import annotations

import pytest

from tests.wallet.skills.test_opportunity_match import demo_profile
from wallet.skills.pack import TaxonomyPack, load_pack
from wallet.skills.profile import Profile
from wallet.skills.recognise import Recogniser, recogniser


@pytest.fixture(scope="session")
def pack() -> TaxonomyPack:
    """The shared pack, fully read once."""
    p = load_pack()
    p.load_all()
    return p


@pytest.fixture(scope="session")
def finder() -> Recogniser:
    """The shared recogniser."""
    return recogniser()


@pytest.fixture(scope="session")
def profile(pack: TaxonomyPack, finder: Recogniser) -> Profile:
    """The demo learner's profile."""
    return demo_profile(pack, finder)

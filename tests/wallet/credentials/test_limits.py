"""The one JSON reader for untrusted input: a member named twice is refused wherever it hides."""

from __future__ import annotations

import json

import pytest

from wallet.credentials import demo_issuers
from wallet.credentials.limits import read_json
from wallet.errors import CredentialFormatError
from wallet.session import Session


@pytest.mark.parametrize(
    "text",
    ['{"name":"A","name":"B"}', '[{"a":{"b":[{"id":1,"id":1}]}}]', '{"a":1,"b":2,"a":3}', '{"":1,"":2}'],
    ids=["top level", "deep in a list", "apart", "empty name"],
)
def test_a_member_named_twice_is_refused_at_any_depth(text: str) -> None:
    """Two members with one name in one object are refused with a sentence saying why, however deep."""
    with pytest.raises(CredentialFormatError, match="twice in one object") as info:
        read_json(text, "The file")
    assert "disagree on which one counts" in info.value.message and info.value.message.endswith(".")


def test_the_same_name_in_different_objects_is_fine() -> None:
    """Sibling objects may each have an "id": that is ordinary JSON."""
    assert read_json('{"issuer":{"id":"a"},"credentialSubject":{"id":"b"},"id":"c"}')["id"] == "c"


def test_a_name_with_odd_characters_is_shown_safely() -> None:
    """A repeated name holding a lone surrogate or a newline is named in a printable sentence."""
    with pytest.raises(CredentialFormatError) as info:
        read_json('{"\\ud800\\n":1,"\\ud800\\n":2}')
    info.value.message.encode("utf-8")
    assert "\n" not in info.value.message


def test_text_that_is_not_a_credential_may_opt_out() -> None:
    """Job postings are read leniently: the last value counts, as in most readers."""
    assert read_json('{"title":"A","title":"B"}', "The posting", unique_members=False) == {"title": "B"}


def _did_document_twice() -> bytes:
    did = demo_issuers.WAREHOUSE.did
    return (f'{{"id":"{did}","id":"did:web:evil.example","verificationMethod":[]}}').encode()


def _status_list_twice() -> bytes:
    document = {"id": "https://issuer.example/status/1", "type": ["VerifiableCredential",
                                                                  "BitstringStatusListCredential"]}
    text = json.dumps(document)
    return text.replace('"type"', '"type": "X", "type"', 1).encode()


@pytest.mark.parametrize("data", [_did_document_twice(), _status_list_twice()], ids=["DID document", "status list"])
def test_key_and_status_list_files_naming_a_member_twice_are_refused(session: Session, data: bytes) -> None:
    """A DID document or status list with a repeated member is refused and nothing is added to the wallet."""
    with pytest.raises(CredentialFormatError, match="twice"):
        session.credentials.add_material(data)
    assert session.credentials.options().resolver.documents == {}
    assert session.credentials.options().status_lists == {}

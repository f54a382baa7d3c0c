"""A JWT handed over inside a JSON wrapper ({"jwt": …}, {"credential": …}, {"vc": …}) is read as that JWT."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nacl.signing import SigningKey

from wallet.credentials import formats, jose
from wallet.credentials.jwt_wrapper import wrapped_token
from wallet.errors import CredentialFormatError


def _token() -> str:
    """A real EdDSA VC-JWT signed with a key made here."""
    key = SigningKey.generate()
    payload = {
        "iss": "did:example:issuer",
        "vc": {
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer",
            "credentialSubject": {"id": "did:example:learner"},
        },
    }
    return jose.sign_compact({"alg": "EdDSA"}, json.dumps(payload).encode(), lambda m: key.sign(m).signature)


@pytest.mark.parametrize("member", ["jwt", "credential", "vc"])
def test_wrapped_token_is_read_as_the_jwt_and_bytes_kept(member: str) -> None:
    """Each wrapper form yields the same JWT credential as the bare token, with the wrapper's bytes kept."""
    token = _token()
    data = json.dumps({member: token, "format": "jwt_vc_json"}).encode()
    [parsed] = formats.parse(data)
    [bare] = formats.parse(token.encode())
    assert parsed.jws is not None and bare.jws is not None
    assert parsed.jws.payload_json() == bare.jws.payload_json()
    assert parsed.original == data


@pytest.mark.parametrize(
    "value",
    [
        {"vc": {"type": "VerifiableCredential"}},
        {"jwt": "not a token"},
        {"jwt": 5},
        {"jwt": "eyJh.eyJi.c2ln", "vc": "eyJh.eyJi.c2ln"},
        {"jwt": "eyJh.eyJi.c2ln", "name": "other"},
        {"@context": [], "credential": "eyJh.eyJi.c2ln"},
        ["eyJh.eyJi.c2ln"],
    ],
)
def test_other_json_is_not_a_wrapper(value: object) -> None:
    """Anything but one token-carrying member (plus known extras) is not taken for a wrapper."""
    assert wrapped_token(value) is None


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: (
            st.lists(c) | st.dictionaries(st.sampled_from(["jwt", "vc", "credential", "format", "type"]) | st.text(), c)
        ),
    )
)
def test_fuzz_wrapper_json_never_crashes(value: object) -> None:
    """Any JSON value gives a token string or None, never an exception; parsing its bytes never crashes."""
    found = wrapped_token(value)
    assert found is None or jose.is_compact_jws(found)
    try:
        formats.parse(json.dumps(value).encode())
    except CredentialFormatError as exc:
        assert exc.message.strip()


def test_an_openid4vci_response_carrying_json_ld_credentials_is_read() -> None:
    """`{"credential": {…}}` (with `c_nonce`) and draft 15's `{"credentials": [{"credential": …}, …]}` give their
    credentials, each with its own bytes; a credential that merely has a `credential` member is not unwrapped."""
    from wallet.credentials import demo_issuers

    badge, other = demo_issuers.forklift_badge("did:example:me"), demo_issuers.customer_service_badge("did:example:me")
    one = formats.parse(json.dumps({"credential": badge, "c_nonce": "n-1"}).encode())
    assert [p.document for p in one] == [badge] and json.loads(one[0].original) == badge
    assert one[0].container == "JSON-LD, from an issuer's response"
    two = formats.parse(json.dumps({"credentials": [{"credential": badge}, {"credential": other}]}).encode())
    assert [p.document for p in two] == [badge, other]
    with pytest.raises(CredentialFormatError):
        formats.parse(json.dumps({"credentials": [{"credential": badge, "note": "x"}]}).encode())

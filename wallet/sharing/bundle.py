"""The signed bundle: a VCDM 2.0 VerifiablePresentation whose holder is the learner's did:key.

Its proof is `eddsa-rdfc-2022` with proof purpose `authentication`, a `challenge` unique to this share, the
recipient as `domain` when one is named, and `expires` when the learner set an expiry (Data Integrity's own
proof option, which standard verifiers read). The shape is described in docs/sharing.md.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from typing import Any

from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.issuing import Signer
from wallet.errors import InvalidInputError
from wallet.sharing.lerrs import VC_V2
from wallet.text_safety import one_line

AUTHENTICATION = "authentication"
MAX_DOMAIN = 200


def new_challenge() -> str:
    """A fresh, unguessable challenge (128 bits) for one share."""
    return secrets.token_urlsafe(16)


def clean_recipient(recipient: str | None) -> str | None:
    """The recipient as the bundle names it: one line (no controls, bidi overrides or invisible characters), not
    empty, not too long."""
    if recipient is None:
        return None
    text = one_line(recipient)
    if not text:
        return None
    if len(text) > MAX_DOMAIN:
        raise InvalidInputError(f"Name the recipient in at most {MAX_DOMAIN} characters.")
    return text


def build_bundle(
    signer: Signer,
    credentials: Sequence[dict[str, Any]],
    *,
    now: str,
    challenge: str,
    domain: str | None = None,
    expires: str | None = None,
) -> dict[str, Any]:
    """The presentation carrying `credentials` (unchanged, in order), signed by the holder for authentication."""
    if not challenge:
        raise InvalidInputError("A bundle needs a challenge.")
    presentation: dict[str, Any] = {
        "@context": [VC_V2],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiablePresentation"],
        "holder": signer.did,
        "verifiableCredential": list(credentials),
    }
    options: dict[str, str] = {"proofPurpose": AUTHENTICATION, "challenge": challenge}
    if domain:
        options["domain"] = domain
    if expires:
        options["expires"] = expires
    return sign(presentation, suite=RDFC, verification_method=signer.verification_method, created=now,
                signer=signer.sign, proof_options=options)

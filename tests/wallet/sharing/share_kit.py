"""A wallet with a saved view of every kind of record, shared as real signed bundles (not a test module).

The view holds a self-asserted job, an OB 3.0 badge (JSON-LD), a VC-JWT and a CLR; records the view leaves out
carry MARKER in every text field, in a tag, in an evidence file and in a credential's name, so a test can search
every output for it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from nacl.signing import SigningKey

from wallet.credentials import demo_issuers, jose
from wallet.credentials.dataintegrity import RDFC, sign
from wallet.credentials.multikey import multikey_from_ed25519
from wallet.models import EntryInput, EntryKind
from wallet.session import Session

MARKER = "QZVMARKER-Ĳssel"
"""Planted in records the view leaves out: it must appear in no output."""
STATEMENT = "I have driven forklifts for three years and trained every new starter."
NOW = datetime.now(UTC).replace(microsecond=0)
"""The wallet signs self-asserted entries at its own clock's time, so shares are made now, not at a fixed date."""
EXPIRES = (NOW + timedelta(days=30)).date().isoformat()
EXPIRES_AT = f"{EXPIRES}T23:59:59Z"
JWT_ISSUER_KEY = SigningKey(hashlib.sha256(b"share kit jwt issuer").digest())
JWT_ISSUER = f"did:key:{multikey_from_ed25519(bytes(JWT_ISSUER_KEY.verify_key))}"


def jwt_credential(learner: str, name: str = "Warehouse safety induction") -> str:
    """A real EdDSA VC-JWT (VC 1.1 `vc` claim) issued by a did:key made here."""
    fingerprint = JWT_ISSUER[len("did:key:"):]
    payload = {
        "iss": JWT_ISSUER, "sub": learner, "jti": "urn:uuid:7d3f5f3c-2c1e-4a43-9d8e-3c7f2b4c1a10",
        "nbf": 1735689600,
        "vc": {"@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiableCredential"],
               "name": name, "credentialSubject": {"id": learner}},
    }
    header = {"alg": "EdDSA", "typ": "JWT", "kid": f"{JWT_ISSUER}#{fingerprint}"}
    return jose.sign_compact(header, json.dumps(payload).encode(), lambda m: JWT_ISSUER_KEY.sign(m).signature)


def marked_badge(learner: str) -> dict[str, Any]:
    """A genuine badge issued to the learner whose name carries MARKER (left out of the view)."""
    badge = demo_issuers.customer_service_badge(learner)
    unsigned = {k: v for k, v in badge.items() if k != "proof"}
    unsigned["name"] = f"Badge {MARKER}"
    unsigned["id"] = "urn:uuid:5e0b4f3e-0000-4000-8000-00000000beef"
    signer = demo_issuers.LIBRARY.signer()
    return sign(unsigned, suite=RDFC, verification_method=signer.verification_method,
                created="2025-01-01T00:00:00Z", signer=signer.sign)


@dataclass
class Kit:
    session: Session
    view_id: str
    job: str
    badge: str
    jwt: str
    clr: str
    left_out: list[str]
    token: str
    badge_document: dict[str, Any]
    clr_document: dict[str, Any]
    skill_ids: list[str]


def _import(session: Session, data: bytes, name: str) -> str:
    outcome = session.credentials.import_bytes(data, name, now=NOW)[0]
    assert outcome.record_id and outcome.outcome == "imported", outcome
    return outcome.record_id


def make_kit(session: Session) -> Kit:
    """The wallet's records, the view (job, badge, JWT, CLR; two chosen skills in order) and the left-out ones."""
    did = session.did
    session.holder.set_profile("Maria Lopez", ["maria@example.org", "+1 555 0100"])
    job = session.add_entry(EntryInput(kind=EntryKind.JOB, title="Warehouse associate", organisation="Riverside",
                                       start="2021-03", end="2024-02", description="Drove a forklift every shift.",
                                       skills=("operate forklift",)))
    badge_document = demo_issuers.forklift_badge(did)
    badge = _import(session, json.dumps(badge_document).encode(), "badge.json")
    token = jwt_credential(did)
    jwt = _import(session, token.encode(), "induction.jwt")
    clr_document = demo_issuers.college_clr(did)
    clr = _import(session, json.dumps(clr_document).encode(), "clr.json")
    hidden = session.add_entry(EntryInput(
        kind=EntryKind.PROJECT, title=f"Project {MARKER}", organisation=f"{MARKER} Ltd", start="2019-01",
        description=f"Private {MARKER}", skills=("operate forklift", f"skill {MARKER}"), tags=(f"tag-{MARKER}",)))
    session.add_evidence(hidden, f"notes-{MARKER}.txt", f"evidence {MARKER}".encode(), media_type="text/plain")
    other = _import(session, json.dumps(marked_badge(did)).encode(), "marked.json")
    view = session.skills.create_view("Forklift operator", None, auto=False)
    skill_ids = [session.skills.resolve_skill("operate forklift"), session.skills.resolve_skill("customer service")]
    session.skills.update_view(view.id, statement=STATEMENT, record_ids=[job, badge, jwt, clr], skill_ids=skill_ids)
    return Kit(session, view.id, job, badge, jwt, clr, [hidden, other], token, badge_document, clr_document,
               skill_ids)


def credentials_of(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    items = bundle["verifiableCredential"]
    assert isinstance(items, list)
    return items

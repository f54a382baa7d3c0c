"""Credentials the wallet signs: the learner's self-asserted entries as OB 3.0 AchievementCredentials,
and OB 3.0 EndorsementCredentials that one wallet (a supervisor's, a navigator's) signs about another's record.

Both are signed with eddsa-rdfc-2022 by the signer's did:key, and marked so that no reader can
mistake them for credentials from an institution.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wallet.credentials.dataintegrity import RDFC, sign

OB3_CONTEXTS = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
SELF_ASSERTED_NOTE = "Self-asserted: written and signed by the learner, not by an institution."


@dataclass(frozen=True)
class Signer:
    """Who signs: a did:key, its verification method, a display name and the signing function."""

    did: str
    verification_method: str
    name: str
    sign: Callable[[bytes], bytes]


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def self_asserted_credential(
    signer: Signer,
    *,
    title: str,
    description: str,
    organisation: str = "",
    start: str | None = None,
    end: str | None = None,
    skills: list[str] | None = None,
    entry_kind: str = "experience",
    now: str,
    record_id: str | None = None,
) -> dict[str, Any]:
    """An OB 3.0 AchievementCredential about an entry, issued by the learner to themself."""
    narrative = description or title
    achievement: dict[str, Any] = {
        "id": f"urn:ler-wallet:entry:{record_id}" if record_id else _urn(),
        "type": ["Achievement"],
        "achievementType": "Achievement",
        "name": title,
        "description": narrative,
        "criteria": {"narrative": SELF_ASSERTED_NOTE},
        "tag": ["self-asserted", entry_kind, *(skills or [])],
    }
    subject: dict[str, Any] = {"id": signer.did, "type": ["AchievementSubject"], "achievement": achievement}
    if organisation:
        subject["source"] = {"id": _urn(), "type": ["Profile"], "name": organisation}
    if start:
        subject["activityStartDate"] = _date_time(start)
    if end:
        subject["activityEndDate"] = _date_time(end)
    credential: dict[str, Any] = {
        "@context": OB3_CONTEXTS,
        "id": _urn(),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{title} (self-asserted)",
        "description": SELF_ASSERTED_NOTE,
        "issuer": {"id": signer.did, "type": ["Profile"], "name": f"{signer.name} (self-asserted)"},
        "validFrom": now,
        "credentialSubject": subject,
    }
    return sign(credential, suite=RDFC, verification_method=signer.verification_method, created=now, signer=signer.sign)


def endorsement_credential(
    signer: Signer, *, endorsed_id: str, endorsed_name: str, comment: str, now: str
) -> dict[str, Any]:
    """An OB 3.0 EndorsementCredential by `signer` about the credential or achievement `endorsed_id`."""
    credential: dict[str, Any] = {
        "@context": OB3_CONTEXTS,
        "id": _urn(),
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": f"Endorsement of {endorsed_name}",
        "issuer": {"id": signer.did, "type": ["Profile"], "name": signer.name},
        "validFrom": now,
        "credentialSubject": {"id": endorsed_id, "type": ["EndorsementSubject"], "endorsementComment": comment},
    }
    return sign(credential, suite=RDFC, verification_method=signer.verification_method, created=now, signer=signer.sign)


def _date_time(value: str) -> str:
    """An entry's date (YYYY, YYYY-MM or YYYY-MM-DD) as the xsd:dateTime OB 3.0 asks for: a partial date starts
    on the first day it names (2021-03 → 2021-03-01T00:00:00Z), so the credential passes its schema."""
    if "T" in value:
        return value
    parts = value.split("-")
    parts += ["01"] * (3 - len(parts))
    return f"{'-'.join(parts[:3])}T00:00:00Z"

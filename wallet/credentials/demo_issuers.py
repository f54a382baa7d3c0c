"""Credentials from demo issuers, so every page and test has realistic material.

Each demo issuer has its own did:key, derived from its name so the demo is the same on every machine,
and every name says "(demo)". Nothing here is a real institution or a real credential.
"""

from __future__ import annotations

import hashlib
import json
import struct
import uuid
import zlib
from dataclasses import dataclass
from typing import Any

from wallet.credentials.baked import bake_png
from wallet.credentials.dataintegrity import JCS, RDFC, sign
from wallet.credentials.issuing import OB3_CONTEXTS, Signer, endorsement_credential
from wallet.crypto.identity import Identity

CLR_CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
ESCO = "http://data.europa.eu/esco/skill/"
"""Alignments point at real ESCO v1.1.1 skill URIs (ESCO is © European Union, CC BY 4.0)."""


@dataclass(frozen=True)
class DemoIssuer:
    name: str
    url: str

    @property
    def identity(self) -> Identity:
        return Identity(hashlib.sha256(f"LER Wallet demo issuer: {self.name}".encode()).digest())

    @property
    def did(self) -> str:
        return self.identity.did

    def profile(self) -> dict[str, Any]:
        return {
            "id": self.did,
            "type": ["Profile"],
            "name": self.name,
            "url": self.url,
            "description": "A demo issuer made up for the LER Wallet demo. It does not exist.",
        }

    def signer(self) -> Signer:
        identity = self.identity
        return Signer(identity.did, identity.verification_method, self.name, identity.sign)


COLLEGE = DemoIssuer("Riverside Community College (demo)", "https://college.example/")
HOSPITAL = DemoIssuer("Metro Health Training Center (demo)", "https://health-training.example/")
LIBRARY = DemoIssuer("City Library Digital Skills Lab (demo)", "https://library.example/")
WAREHOUSE = DemoIssuer("Riverside Distribution (demo)", "https://distribution.example/")
SUPERVISOR = DemoIssuer(
    "Dana Ortiz, Shift Supervisor at Riverside Distribution (demo)", "https://distribution.example/"
)
TRUSTED = (COLLEGE, HOSPITAL, LIBRARY, WAREHOUSE)


def _id(label: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'ler-wallet-demo:' + label)}"


def _alignment(name: str, esco_id: str) -> dict[str, Any]:
    return {
        "type": ["Alignment"],
        "targetName": name,
        "targetUrl": ESCO + esco_id,
        "targetFramework": "ESCO",
        "targetType": "ceterms:Skill",
        "targetCode": esco_id,
    }


def _achievement_credential(
    issuer: DemoIssuer,
    learner: str,
    *,
    key: str,
    name: str,
    description: str,
    criteria: str,
    alignments: list[dict[str, Any]],
    tags: list[str],
    valid_from: str,
    valid_until: str | None = None,
    achievement_type: str = "Badge",
    suite: str = RDFC,
    credits: float | None = None,
) -> dict[str, Any]:
    credential: dict[str, Any] = {
        "@context": OB3_CONTEXTS,
        "id": _id(f"{key}|{learner}"),  # one credential per learner, as an issuer would
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": issuer.profile(),
        "validFrom": valid_from,
        "credentialSubject": {
            "id": learner,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": f"{issuer.url}achievements/{key}",
                "type": ["Achievement"],
                "achievementType": achievement_type,
                "name": name,
                "description": description,
                "criteria": {"narrative": criteria},
                "alignment": alignments,
                "tag": tags,
            },
        },
    }
    if valid_until:
        credential["validUntil"] = valid_until
    if credits is not None:
        credential["credentialSubject"]["achievement"]["creditsAvailable"] = credits
    signer = issuer.signer()
    return sign(
        credential, suite=suite, verification_method=signer.verification_method, created=valid_from, signer=signer.sign
    )


def forklift_badge(learner: str) -> dict[str, Any]:
    return _achievement_credential(
        WAREHOUSE,
        learner,
        key="forklift-operator",
        name="Certified Forklift Operator",
        description="Operates counterbalance and reach forklifts safely: pre-use inspection, load handling, "
        "stacking at height and pedestrian awareness in a busy distribution centre.",
        criteria="Passed the written test (38/40) and a 45-minute observed practical assessment.",
        alignments=[
            _alignment("operate forklift", "28cb374e-6261-4133-8371-f9a5470145da"),
            _alignment("ensure health and safety of staff", "81d47290-6046-44c9-96e0-7d54542072b5"),
        ],
        tags=["forklift", "warehouse", "safety"],
        valid_from="2022-05-16T09:00:00Z",
        valid_until="2027-05-16T09:00:00Z",
    )


def customer_service_badge(learner: str) -> dict[str, Any]:
    return _achievement_credential(
        LIBRARY,
        learner,
        key="digital-customer-service",
        name="Customer Service with Digital Tools",
        description="Six-week library workshop: handling customer questions by phone, chat and email, using a "
        "ticketing system, and writing clear replies.",
        criteria="Attended 6 of 6 sessions and completed three role-play assessments.",
        alignments=[
            _alignment("customer service", "15a33d76-4640-438d-ae64-fdc0c1d3eebc"),
            _alignment("respond to customers' inquiries", "cace7a77-38b7-4cdf-8171-e17692bef5f6"),
            _alignment("use e-services", "d908a818-70ef-419e-9d60-8f459114cb2f"),
        ],
        tags=["customer service", "email", "ticketing"],
        valid_from="2024-02-28T17:00:00Z",
        suite=JCS,
    )


def expired_cpr(learner: str) -> dict[str, Any]:
    return _achievement_credential(
        HOSPITAL,
        learner,
        key="cpr-first-aid-2021",
        name="CPR and First Aid (Adult)",
        description="Adult CPR, AED use and basic first aid, following current resuscitation guidelines.",
        criteria="Completed the 8-hour course and passed the skills check.",
        alignments=[_alignment("provide first aid", "1d21f6ad-340f-45da-a0a3-4e83867f47a6")],
        tags=["CPR", "first aid", "AED"],
        valid_from="2021-06-12T15:00:00Z",
        valid_until="2023-06-12T15:00:00Z",
        achievement_type="Certificate",
    )


_COURSES = [
    (
        "BUS-110",
        "Introduction to Supply Chain Management",
        3.0,
        "Flow of goods from supplier to customer: purchasing, inventory, warehousing and transport.",
        [("manage inventory", "ab6265f2-a9bf-49e8-a9a5-67cbab4de38b")],
    ),
    (
        "CIS-101",
        "Computer Applications",
        3.0,
        "Spreadsheets, word processing and presentations for the workplace, including formulas and charts.",
        [("use spreadsheets software", "1973c966-f236-40c9-b2d4-5d71a89019be")],
    ),
    (
        "COM-120",
        "Workplace Communication",
        3.0,
        "Writing emails and short reports, giving presentations and working in teams.",
        [("communicate with customers", "0da516ee-e70e-4384-be13-f5ff80be8127")],
    ),
]


def college_clr(learner: str) -> dict[str, Any]:
    """A CLR with three course credentials (each signed on its own) and a certificate they lead to."""
    nested = []
    achievements = []
    certificate_id = f"{COLLEGE.url}achievements/logistics-certificate"
    for code, title, credits, description, aligned in _COURSES:
        cred = _achievement_credential(
            COLLEGE,
            learner,
            key=f"course-{code}",
            name=f"{code} {title}",
            description=description,
            criteria="Passed the course with a grade of C or better.",
            alignments=[_alignment(n, e) for n, e in aligned],
            tags=[code, "course"],
            valid_from="2024-12-18T12:00:00Z",
            achievement_type="Course",
            credits=credits,
        )
        nested.append(cred)
        achievements.append(cred["credentialSubject"]["achievement"])
    achievements.append(
        {
            "id": certificate_id,
            "type": ["Achievement"],
            "achievementType": "Certificate",
            "name": "Certificate in Logistics Operations",
            "description": "A 9-credit certificate in supply chain, software and communication.",
            "criteria": {"narrative": "Complete BUS-110, CIS-101 and COM-120."},
        }
    )
    associations = [
        {"type": "Association", "associationType": "isChildOf", "sourceId": a["id"], "targetId": certificate_id}
        for a in achievements[:-1]
    ]
    clr: dict[str, Any] = {
        "@context": CLR_CONTEXTS,
        "id": _id(f"college-clr|{learner}"),
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": "Riverside Community College transcript (demo)",
        "description": "Comprehensive Learner Record for the Certificate in Logistics Operations.",
        "issuer": COLLEGE.profile(),
        "validFrom": "2024-12-20T12:00:00Z",
        "credentialSubject": {
            "id": learner,
            "type": ["ClrSubject"],
            "verifiableCredential": nested,
            "achievement": achievements,
            "association": associations,
        },
    }
    signer = COLLEGE.signer()
    return sign(
        clr,
        suite=RDFC,
        verification_method=signer.verification_method,
        created="2024-12-20T12:00:00Z",
        signer=signer.sign,
    )


def supervisor_endorsement(badge: dict[str, Any]) -> dict[str, Any]:
    return endorsement_credential(
        SUPERVISOR.signer(),
        endorsed_id=badge["id"],
        endorsed_name=badge["name"],
        comment="I supervised Sam for two years on the dock. Safe, careful driver who trained four new hires "
        "on the pre-use inspection.",
        now="2023-08-30T16:00:00Z",
    )


def _plain_png(width: int = 64, height: int = 64) -> bytes:
    """A small solid-colour PNG drawn without an image library (the baked badge's picture)."""
    row = b"\x00" + bytes((40, 110, 170)) * width
    raw = zlib.compress(row * height, 9)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def ob2_baked_badge(learner_email: str) -> bytes:
    """An older Open Badges 2.0 badge baked into a PNG, as many learners still hold them (hosted verification)."""
    salt = "demo-salt"
    identity = "sha256$" + hashlib.sha256((learner_email + salt).encode()).hexdigest()
    assertion = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://makerspace.example/assertions/3d-printing-basics-1042",
        "recipient": {"type": "email", "hashed": True, "salt": salt, "identity": identity},
        "issuedOn": "2019-10-05T14:00:00Z",
        "verification": {"type": "hosted"},
        "badge": {
            "type": "BadgeClass",
            "id": "https://makerspace.example/badges/3d-printing-basics",
            "name": "3D Printing Basics",
            "description": "Designed and printed a part: CAD sketch, slicing, printer set-up and finishing.",
            "image": "https://makerspace.example/badges/3d-printing-basics.png",
            "criteria": {"narrative": "Completed the 4-session youth workshop and printed a working part."},
            "tags": ["3D printing", "CAD", "maker"],
            "issuer": {
                "type": "Profile",
                "id": "https://makerspace.example/issuer",
                "name": "Eastside Youth Makerspace (demo)",
                "url": "https://makerspace.example/",
            },
        },
    }
    return bake_png(_plain_png(), json.dumps(assertion, indent=1), keyword="openbadges")


def demo_files(learner_did: str) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every demo credential, in the order they are imported."""
    badge = forklift_badge(learner_did)

    def dump(value: dict[str, Any]) -> bytes:
        return json.dumps(value, indent=2, ensure_ascii=False).encode("utf-8")

    return [
        ("forklift-operator.json", dump(badge)),
        ("customer-service.json", dump(customer_service_badge(learner_did))),
        ("college-transcript-clr.json", dump(college_clr(learner_did))),
        ("cpr-first-aid-2021.json", dump(expired_cpr(learner_did))),
        ("forklift-endorsement.json", dump(supervisor_endorsement(badge))),
        ("3d-printing-basics.png", ob2_baked_badge("sam.learner@example.org")),
    ]

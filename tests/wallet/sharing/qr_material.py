"""Real signed material for the QR tests and bench: demo OB 3.0 badges in a signed presentation (not a test module).

The first three badges are the demo issuers' own; the other seven are made the same way (signed by the demo
issuers' keys) with their own names, texts and ESCO skills, so ten badges are ten different credentials, as in
a real wallet, and compression cannot cheat on repeats.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from wallet.credentials import demo_issuers as demo
from wallet.credentials.issuing import Signer
from wallet.crypto.identity import Identity
from wallet.sharing.bundle import build_bundle

LEARNER = Identity(hashlib.sha256(b"LER Wallet QR tests: learner").digest())
NOW = "2026-03-02T10:00:00Z"

_MORE = [
    (demo.COLLEGE, "intro-welding", "Introduction to Welding Safety",
     "Shop safety, personal protective equipment and the set-up of MIG welding stations.",
     "Completed 20 hours of supervised shop time with no safety incidents.",
     [("apply health and safety standards", "dcc96a49-0bac-4a9c-8f8e-a32b4e47e6eb")], ["welding", "safety"]),
    (demo.LIBRARY, "spreadsheet-basics", "Spreadsheet Basics",
     "Entering data, simple formulas, sorting and filtering, and making a clear chart from a table.",
     "Built a household budget workbook that the instructor reviewed.",
     [("use spreadsheets software", "1973c966-f236-40c9-b2d4-5d71a89019be")], ["spreadsheets", "office"]),
    (demo.HOSPITAL, "patient-transfer", "Safe Patient Handling and Transfer",
     "Moving and positioning patients with slide sheets, hoists and two-person lifts without injury.",
     "Demonstrated four transfers under observation and passed a short written quiz.",
     [("transfer patients", "949c119b-3433-439f-8ca9-1a9ce04b696d"),
      ("assist patients with special needs", "248951cc-3b10-447f-a4b2-0037e6e7a9ab")], ["care", "lifting"]),
    (demo.WAREHOUSE, "inventory-counting", "Cycle Counting and Inventory Accuracy",
     "Running cycle counts with a handheld scanner, reconciling differences and reporting shrinkage.",
     "Kept bin accuracy above 99 % across a four-week rotation.",
     [("manage inventory", "ab6265f2-a9bf-49e8-a9a5-67cbab4de38b")], ["inventory", "scanner"]),
    (demo.COLLEGE, "business-english", "Business English for the Workplace",
     "Writing short reports and emails, taking part in meetings and presenting a proposal in English.",
     "Submitted a portfolio of five workplace documents graded at B2 level or above.",
     [("communicate with customers", "0da516ee-e70e-4384-be13-f5ff80be8127"),
      ("write work-related reports", "918f5211-b99f-4b29-9a34-6e475583ef55")], ["English", "writing"]),
    (demo.LIBRARY, "online-safety", "Staying Safe Online",
     "Spotting phishing, using strong passwords and a password manager, and keeping devices updated.",
     "Passed the end-of-course scenario quiz (9 of 10).",
     [("protect personal data and privacy", "33a82b83-c838-4889-ae62-fae1317481eb")], ["security", "privacy"]),
    (demo.HOSPITAL, "food-hygiene", "Food Hygiene Level 2",
     "Safe food storage, preparation and temperature control, cleaning schedules and allergen awareness.",
     "Passed the multiple-choice examination with 27 of 30.",
     [("comply with food safety and hygiene", "0ff99f51-40d9-42f1-a1ec-377b2bb5e15f")], ["food", "hygiene"]),
]


def badges(count: int, learner: str | None = None) -> list[dict[str, Any]]:
    """`count` (1..10) different signed OB 3.0 badges issued to the test learner."""
    holder = learner or LEARNER.did
    made = [demo.forklift_badge(holder), demo.customer_service_badge(holder), demo.expired_cpr(holder)]
    for issuer, key, name, description, criteria, skills, tags in _MORE:
        made.append(demo._achievement_credential(
            issuer, holder, key=key, name=name, description=description, criteria=criteria,
            alignments=[demo._alignment(label, esco) for label, esco in skills], tags=tags,
            valid_from="2025-09-01T12:00:00Z"))
    if not 1 <= count <= len(made):
        raise ValueError(f"1..{len(made)} badges")
    return made[:count]


def signer() -> Signer:
    """The test learner as a signer."""
    return Signer(LEARNER.did, LEARNER.verification_method, "Test learner", LEARNER.sign)


def bundle(count: int, challenge: str = "qr-test-challenge") -> dict[str, Any]:
    """A presentation of `count` badges signed by the learner, as the sharing bundle is."""
    return build_bundle(signer(), badges(count), now=NOW, challenge=challenge, domain="Example Employer")


def bundle_bytes(count: int, challenge: str = "qr-test-challenge") -> bytes:
    """The bundle file's bytes, written the way the sharing service writes them (indented UTF-8)."""
    return (json.dumps(bundle(count, challenge), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

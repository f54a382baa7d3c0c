"""The demo wallet's records: one realistic learner, every record clearly labelled as demo.

Later features add to `populate` (issued credentials, views) so every page has something to show.
"""

from __future__ import annotations

from wallet.credentials.demo_issuers import TRUSTED, demo_files
from wallet.models import EntryInput, EntryKind
from wallet.session import Session

DEMO_TAG = "demo"

_ENTRIES: list[dict[str, object]] = [
    {
        "kind": "job", "title": "Warehouse Associate", "organisation": "Riverside Distribution (demo)",
        "start": "2021-03", "end": "2023-08",
        "description": "Picked and packed 150+ orders a shift, ran the RF scanner for cycle counts, trained "
                       "four new hires on the safety walk-through, and kept the shipping dock audit-ready.",
        "skills": ["Forklift operation", "Inventory control", "Order picking", "Workplace safety",
                   "Training new staff"],
        "tags": ["logistics"],
    },
    {
        "kind": "job", "title": "Shift Lead, Front of House", "organisation": "Corner Bistro (demo)",
        "start": "2023-09",
        "description": "Open and close the restaurant, run the till and end-of-day cash reconciliation, build the "
                       "weekly rota for eight staff and resolve customer complaints.",
        "skills": ["Customer service", "Cash handling", "Scheduling", "Team leadership", "Conflict resolution"],
        "tags": ["hospitality"],
    },
    {
        "kind": "volunteering", "title": "Food Bank Volunteer Coordinator", "organisation": "Eastside Food Bank (demo)",
        "start": "2020-01", "end": "2022-12",
        "description": "Coordinated 20 volunteers on Saturday distributions, kept the donation spreadsheet, and "
                       "arranged pick-ups with three local grocers.",
        "skills": ["Volunteer coordination", "Microsoft Excel", "Logistics planning", "Communication"],
        "tags": ["community"],
    },
    {
        "kind": "military", "title": "Motor Transport Operator (88M)", "organisation": "U.S. Army Reserve (demo)",
        "start": "2015-06", "end": "2019-06",
        "description": "Drove and maintained medium tactical vehicles, planned convoy routes, and completed "
                       "pre-trip inspections and maintenance logs.",
        "skills": ["Commercial driving", "Vehicle inspection", "Route planning", "Preventive maintenance"],
        "tags": ["transport"],
    },
    {
        "kind": "training", "title": "CPR and First Aid", "organisation": "Community Library Workshop (demo)",
        "start": "2024-02-10", "end": "2024-02-10",
        "description": "Four-hour hands-on course: adult CPR, AED use, choking response and basic first aid.",
        "skills": ["CPR", "First aid"],
        "tags": ["health", "certificate"],
    },
    {
        "kind": "caregiving", "title": "Family Caregiver", "organisation": "Home (demo)",
        "start": "2019-07", "end": "2021-02",
        "description": "Cared full time for a parent after surgery: medication schedule, appointments, insurance "
                       "paperwork and coordinating with home health nurses.",
        "skills": ["Medication management", "Scheduling", "Patient care", "Record keeping"],
        "tags": ["care"],
    },
    {
        "kind": "project", "title": "Inventory Tracker Spreadsheet", "organisation": "Eastside Food Bank (demo)",
        "start": "2022-03", "end": "2022-05",
        "description": "Built a shared spreadsheet with formulas and a pivot table to track donations and "
                       "expiry dates; cut spoiled stock by a third.",
        "skills": ["Microsoft Excel", "Data analysis", "Inventory control"],
        "tags": ["community", "portfolio"],
    },
]

_EVIDENCE_NOTE = (
    "Reference note (demo)\n\n"
    "Maria coordinated our Saturday volunteers for three years. She was reliable, calm under pressure and "
    "good with spreadsheets.\n\n-- Pat Lee, Eastside Food Bank (demo)\n"
)


DEMO_HOLDER = "Sam Rivera (demo)"
DEMO_CONTACTS = ["sam.learner@example.org", "Eastside, Riverside (demo)"]
DEMO_EMAIL = "sam.learner@example.org"
"""The address the demo's older Open Badges 2.0 badge was issued to (hashed): the holder adds it as theirs."""


def populate(session: Session) -> list[str]:
    """Add the demo learner's profile and records to an unlocked wallet; returns the new record ids."""
    session.holder.set_profile(DEMO_HOLDER, DEMO_CONTACTS)
    session.holder.add_identifier(DEMO_EMAIL)
    ids: list[str] = []
    for raw in _ENTRIES:
        entry = EntryInput.from_json(raw)
        entry = EntryInput(**{**entry.__dict__, "tags": (*entry.tags, DEMO_TAG)})
        ids.append(session.add_entry(entry, demo=True))
    food_bank = ids[2]
    session.add_evidence(food_bank, "reference-note.txt", _EVIDENCE_NOTE.encode("utf-8"),
                         media_type="text/plain", description="Reference from the food bank coordinator")
    for issuer in TRUSTED:
        session.credentials.trust_issuer(issuer.did, issuer.name)
    for name, data in demo_files(session.did):
        for outcome in session.credentials.import_bytes(data, name, demo=True):
            if outcome.record_id and outcome.outcome == "imported":
                ids.append(outcome.record_id)
    return ids


__all__ = ["DEMO_TAG", "EntryKind", "populate"]

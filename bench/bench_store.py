"""Storage benchmark for LER Wallet: create, unlock, list, search, check, back up, size, memory.

Run from the repository root with the project's interpreter:

    python bench/bench_store.py                 # N=10000 records, K=7 repeats
    python bench/bench_store.py --quick         # N=1000, K=3 (smoke run)
    python bench/bench_store.py --records 5000 --repeat 5 --json

Every figure goes through the public facade (`wallet.lifecycle`, `wallet.session.Session`), the way
the app and the command line use it. Progress goes to stderr; the table (or JSON) to stdout.
All wallet files live in a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from wallet import lifecycle
from wallet.clock import system_clock
from wallet.crypto.kdf import SALT_BYTES, calibrate, derive_key
from wallet.models import EntryInput, EntryKind
from wallet.store import layout as layout_mod
from wallet.store.database import connect, integrity_problems, page_problems
from wallet.store.keyfile import KeyFile
from wallet.store.repository import CredentialFields

PASSPHRASE = "benchmark correct horse battery staple"
TARGET_CREDENTIAL_BYTES = 4096
MiB = 1024 * 1024

# --------------------------------------------------------------------------------------------------
# Realistic record generator (deterministic for a given seed)
# --------------------------------------------------------------------------------------------------

# domain -> (skills, credential titles, job titles, sentence fragments describing the work)
DOMAINS: dict[str, dict[str, list[str]]] = {
    "logistics": {
        "skills": ["Forklift operation", "Pallet jack operation", "Inventory control", "Order picking",
                   "Warehouse management systems", "Shipping and receiving", "Cycle counting",
                   "Hazardous materials handling", "Logistics planning", "Supply chain basics"],
        "titles": ["Forklift Operator Certification", "Warehouse Operations Certificate",
                   "Powered Industrial Truck Safety", "Supply Chain Fundamentals",
                   "Inventory Management Micro-credential"],
        "jobs": ["Warehouse Associate", "Forklift Operator", "Shipping Clerk", "Inventory Specialist",
                 "Receiving Lead", "Distribution Center Picker"],
        "work": ["picked and packed {n} orders a shift", "ran the RF scanner for weekly cycle counts",
                 "loaded trailers to the dock schedule", "kept the shipping dock audit-ready",
                 "trained {m} new hires on the forklift pre-use inspection"],
    },
    "healthcare": {
        "skills": ["Patient care", "Vital signs", "Infection control", "CPR", "First aid",
                   "Phlebotomy", "Medical terminology", "Electronic health records", "HIPAA compliance",
                   "Medication administration"],
        "titles": ["Certified Nursing Assistant Skills Evaluation", "Phlebotomy Technician Certificate",
                   "Basic Life Support (BLS) Provider", "Medical Terminology", "Home Health Aide Training"],
        "jobs": ["Certified Nursing Assistant", "Patient Care Technician", "Home Health Aide",
                 "Phlebotomist", "Medical Office Assistant"],
        "work": ["cared for up to {n} residents per shift", "recorded vital signs in the EHR",
                 "drew blood samples with a first-stick success rate above 95%",
                 "followed infection-control protocols during a flu outbreak",
                 "coordinated appointments with {m} visiting nurses"],
    },
    "it": {
        "skills": ["Help desk support", "Network troubleshooting", "Linux administration", "Python programming",
                   "SQL", "JavaScript", "Cloud computing (AWS)", "Cybersecurity fundamentals",
                   "Hardware repair", "Active Directory"],
        "titles": ["IT Support Professional Certificate", "Introduction to Python Programming",
                   "Cybersecurity Essentials", "Cloud Practitioner Foundations", "SQL for Data Analysis",
                   "Full-Stack Web Development Bootcamp"],
        "jobs": ["Help Desk Technician", "Junior Web Developer", "IT Support Specialist",
                 "Network Technician", "Data Analyst Intern"],
        "work": ["closed {n} support tickets a week", "imaged and deployed {m} laptops",
                 "wrote Python scripts to automate account provisioning",
                 "documented the network closet and cabling", "built SQL reports for the finance team"],
    },
    "trades": {
        "skills": ["Welding (MIG)", "Welding (TIG)", "Blueprint reading", "Electrical wiring",
                   "HVAC installation", "Refrigerant handling (EPA 608)", "Plumbing", "Carpentry",
                   "Hand and power tools", "Solar panel installation"],
        "titles": ["Pre-Apprenticeship in Construction Trades", "AWS D1.1 Structural Welding Test",
                   "EPA Section 608 Universal", "Residential Electrical Fundamentals",
                   "Solar PV Installer Basics", "OSHA 30-Hour Construction"],
        "jobs": ["Welder's Helper", "Electrical Apprentice", "HVAC Technician Trainee", "Carpenter",
                 "Solar Installer", "Maintenance Technician"],
        "work": ["welded {n} structural joints that passed inspection", "pulled wire for {m} residential units",
                 "read blueprints to lay out framing", "charged and serviced rooftop HVAC units",
                 "installed rooftop solar arrays on a three-person crew"],
    },
    "hospitality": {
        "skills": ["Customer service", "Cash handling", "Food safety (ServSafe)", "Food preparation",
                   "Point-of-sale systems", "Scheduling", "Conflict resolution", "Barista skills",
                   "Inventory ordering", "Team leadership"],
        "titles": ["ServSafe Food Handler", "Hospitality Customer Service Excellence",
                   "Responsible Alcohol Service", "Culinary Arts Level 1", "Front-of-House Leadership"],
        "jobs": ["Shift Lead, Front of House", "Line Cook", "Barista", "Server", "Hotel Front Desk Agent"],
        "work": ["ran the till and end-of-day cash reconciliation", "built the weekly rota for {m} staff",
                 "served up to {n} covers on a Friday night", "resolved customer complaints at the counter",
                 "kept the walk-in stock rotated and labelled"],
    },
    "transport": {
        "skills": ["Commercial driving (CDL Class A)", "Route planning", "Vehicle inspection",
                   "Preventive maintenance", "Hours-of-service logging", "Defensive driving",
                   "Load securement", "Customer delivery"],
        "titles": ["Commercial Driver's License Class A Training", "Defensive Driving Course",
                   "Hazmat Endorsement Preparation", "Fleet Maintenance Basics"],
        "jobs": ["Delivery Driver", "Truck Driver (CDL-A)", "Motor Transport Operator", "Dispatcher"],
        "work": ["drove {n} miles a week with a clean safety record", "planned routes for {m} daily stops",
                 "completed pre-trip inspections and maintenance logs", "secured mixed loads to DOT rules"],
    },
    "office": {
        "skills": ["Microsoft Excel", "Microsoft Word", "Google Sheets", "Data entry", "Bookkeeping",
                   "QuickBooks", "Payroll", "Accounts payable", "Project management", "Technical writing"],
        "titles": ["Microsoft Office Specialist: Excel", "Bookkeeping Certificate",
                   "Project Management Fundamentals", "Business Writing", "Payroll Practice and Management"],
        "jobs": ["Office Assistant", "Bookkeeper", "Administrative Coordinator", "Payroll Clerk",
                 "Project Coordinator"],
        "work": ["kept the books for {m} small clients in QuickBooks", "processed payroll for {n} employees",
                 "built an Excel tracker with pivot tables", "wrote the office procedures manual",
                 "coordinated a {m}-month office move"],
    },
    "education": {
        "skills": ["Tutoring", "Lesson planning", "Classroom management", "Early childhood education",
                   "Childcare", "Bilingual communication", "Spanish (conversational)", "Public speaking"],
        "titles": ["Child Development Associate (CDA) Preparation", "Adult Literacy Tutor Training",
                   "Paraprofessional Assessment", "Youth Mentoring Certificate"],
        "jobs": ["Teaching Assistant", "After-School Tutor", "Childcare Worker", "Camp Counselor"],
        "work": ["tutored {m} students in reading and maths", "planned weekly lessons for {n} children",
                 "ran the parent newsletter in English and Spanish", "supervised outdoor play safely"],
    },
    "community": {
        "skills": ["Volunteer coordination", "Event planning", "Fundraising", "Grant writing",
                   "Communication", "Social media marketing", "Record keeping", "Outreach"],
        "titles": ["Nonprofit Volunteer Management", "Community Health Worker Core Skills",
                   "Grant Writing Basics", "Digital Marketing for Small Organisations"],
        "jobs": ["Volunteer Coordinator", "Community Outreach Worker", "Event Volunteer", "Food Bank Volunteer"],
        "work": ["coordinated {m} volunteers on Saturday distributions", "raised ${n} at the spring fundraiser",
                 "kept the donation spreadsheet up to date", "ran the pantry's social media accounts"],
    },
    "manufacturing": {
        "skills": ["Lean manufacturing", "Six Sigma Yellow Belt", "Quality inspection", "CNC machining",
                   "Machine operation", "Workplace safety", "OSHA 10-Hour", "Measurement and calipers"],
        "titles": ["Certified Production Technician", "Lean Six Sigma Yellow Belt", "CNC Operator Level 1",
                   "OSHA 10-Hour General Industry", "Quality Control Inspector"],
        "jobs": ["Machine Operator", "Quality Inspector", "Production Associate", "CNC Operator"],
        "work": ["ran {m} CNC lathes on second shift", "inspected {n} parts a day with calipers and gauges",
                 "led a 5S event that cleared two aisles", "cut scrap by a quarter with a kaizen project"],
    },
    "caregiving": {
        "skills": ["Medication management", "Elder care", "Dementia care", "Scheduling", "Patient care",
                   "Insurance paperwork", "Meal planning"],
        "titles": ["Dementia Care Essentials", "Family Caregiver Training", "Medication Aide Basics"],
        "jobs": ["Family Caregiver", "Personal Care Aide", "Respite Care Volunteer"],
        "work": ["managed a daily medication schedule", "coordinated {m} specialist appointments a month",
                 "handled insurance paperwork and appeals", "planned meals for a low-sodium diet"],
    },
    "military": {
        "skills": ["Team leadership", "Logistics planning", "Vehicle inspection", "Security awareness",
                   "Radio communications", "Training new staff", "Risk assessment"],
        "titles": ["Basic Leader Course", "Combat Lifesaver Course", "Unit Supply Specialist Course"],
        "jobs": ["Motor Transport Operator (88M)", "Unit Supply Specialist (92Y)", "Squad Leader",
                 "Signal Support Specialist"],
        "work": ["led a squad of {m} soldiers", "accounted for ${n},000 of unit equipment",
                 "planned convoy routes and communications", "trained new soldiers on vehicle checks"],
    },
}

PLACES = ["Riverside", "Lakeshore", "Northwind", "Cedar Valley", "Bayview", "Summit", "Pioneer", "Harbor",
          "Greenfield", "Tri-County", "Eastside", "Westbrook", "Maple Ridge", "Ironwood", "Clearwater",
          "Fairview", "Oak Hollow", "Stonebridge", "Silver Lake", "Brookhaven", "Kingsport", "Millbrook"]
ISSUER_KINDS = ["Community College", "Technical Institute", "Workforce Board", "Adult Education Center",
                "Apprenticeship Council", "Health Careers Academy", "Coding Academy", "Training Center",
                "Career Center", "University Extension", "Public Library Digital Skills", "Skills Alliance"]
EMPLOYER_KINDS = ["Distribution", "Health Services", "Bistro", "Logistics", "Manufacturing", "Home Care",
                  "Food Bank", "Solar", "Electric", "Hotel", "School District", "Transit", "Clinic",
                  "Hardware", "Construction", "Credit Union"]
FIRST = ["Maria", "James", "Aisha", "Wei", "Carlos", "Fatima", "Olu", "Priya", "Dmitri", "Grace", "Luis",
         "Hana", "Kwame", "Sofia", "Tom", "Yara"]
LAST = ["Garcia", "Okafor", "Nguyen", "Smith", "Haddad", "Kowalski", "Patel", "Johnson", "Mensah", "Rossi",
        "Kim", "Silva", "Brown", "Ivanova"]
ACHIEVEMENT_TYPES = ["Certificate", "Certification", "Course", "License", "Badge", "Competency",
                     "MicroCredential", "Assessment"]
ASSESSMENTS = ["a proctored written exam", "a hands-on skills check observed by a licensed evaluator",
               "a portfolio review", "a practical test on the shop floor", "an online assessment with a "
               "passing score of 80%", "a capstone project presented to an industry panel"]


def _b58(rng: random.Random, n: int) -> str:
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    return "".join(rng.choice(alphabet) for _ in range(n))


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _slug(text: str) -> str:
    return "".join(c.lower() if c.isalnum() else "-" for c in text).strip("-").replace("--", "-")


def _fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.choice([12, 40, 60, 120, 150, 200, 350, 500]), m=rng.randint(2, 12))


def _date(rng: random.Random, lo: int = 2008, hi: int = 2025) -> tuple[int, int, int]:
    return rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28)


def make_credential(rng: random.Random, subject_did: str) -> tuple[bytes, CredentialFields]:
    """An Open Badges 3.0 AchievementCredential (JSON bytes, ~4 KB) and the fields a parser would extract."""
    domain_name = rng.choice(list(DOMAINS))
    domain = DOMAINS[domain_name]
    place = rng.choice(PLACES)
    issuer_name = f"{place} {rng.choice(ISSUER_KINDS)}"
    issuer_host = f"{_slug(issuer_name)}.example.edu"
    title = rng.choice(domain["titles"])
    skills = rng.sample(domain["skills"], k=min(len(domain["skills"]), rng.randint(3, 6)))
    hours = rng.choice([4, 8, 10, 16, 30, 40, 60, 120, 240])
    assessment = rng.choice(ASSESSMENTS)
    y, mo, d = _date(rng, 2012, 2025)
    issued = f"{y:04d}-{mo:02d}-{d:02d}"
    expires = f"{y + rng.choice([2, 3, 5]):04d}-{mo:02d}-{d:02d}" if rng.random() < 0.35 else None
    description = (
        f"Awarded to learners who completed {hours} hours of instruction in {domain_name} and passed "
        f"{assessment}. Covers {', '.join(s.lower() for s in skills[:-1])} and {skills[-1].lower()}."
    )
    narrative = " ".join(
        [f"The learner {_fill(rng, w)}." for w in rng.sample(domain["work"], k=min(3, len(domain["work"])))]
        + [f"Completed {hours} contact hours at the {place} campus and demonstrated each competency to an "
           f"evaluator using the published rubric."]
    )
    achievement_id = f"https://{issuer_host}/achievements/{_slug(title)}"
    subject: dict[str, Any] = {
        "id": subject_did,
        "type": ["AchievementSubject"],
        "identifier": [{
            "type": "IdentityObject", "identityHash": f"{rng.choice(FIRST).lower()}@example.org",
            "identityType": "emailAddress", "hashed": False,
        }],
        "achievement": {
            "id": achievement_id,
            "type": ["Achievement"],
            "achievementType": rng.choice(ACHIEVEMENT_TYPES),
            "name": title,
            "description": description,
            "criteria": {"id": f"{achievement_id}/criteria", "narrative": narrative},
            "image": {"id": f"https://{issuer_host}/badges/{_slug(title)}.png", "type": "Image",
                      "caption": f"{title} badge"},
            "creditsAvailable": rng.choice([0.5, 1.0, 1.5, 3.0, 4.0]),
            "fieldOfStudy": domain_name.title(),
            "humanCode": f"{domain_name[:3].upper()}-{rng.randint(100, 499)}",
            "inLanguage": "en-US",
            "tag": [*skills[:3], domain_name],
            "alignment": [],
        },
        "result": [{"type": ["Result"], "resultDescription": f"{achievement_id}/results/overall",
                    "value": rng.choice(["Pass", "Pass with distinction", "Competent"]), "status": "Completed"}],
    }
    credential: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:{_uuid(rng)}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": title,
        "description": description,
        "issuer": {
            "id": f"did:web:{issuer_host}",
            "type": ["Profile"],
            "name": issuer_name,
            "url": f"https://{issuer_host}",
            "email": f"registrar@{issuer_host}",
            "phone": f"+1-555-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
            "description": f"{issuer_name} offers workforce training and credentials to residents of "
                           f"{place} and the surrounding counties.",
            "address": {"type": ["Address"], "addressLocality": place, "addressRegion": rng.choice(
                ["OH", "PA", "TX", "CA", "WA", "NC", "GA", "MI", "AZ", "CO"]), "addressCountry": "US"},
        },
        "validFrom": f"{issued}T{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:00Z",
        **({"validUntil": f"{expires}T23:59:59Z"} if expires else {}),
        "credentialSubject": subject,
        "evidence": [{
            "id": f"https://{issuer_host}/evidence/{_uuid(rng)}",
            "type": ["Evidence"],
            "name": f"{rng.choice(['Skills checklist', 'Final project', 'Practical exam record'])}",
            "narrative": f"Evaluator {rng.choice(FIRST)} {rng.choice(LAST)} observed the learner and signed "
                         f"the checklist on {issued}.",
        }],
        "credentialSchema": [{
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }],
        "credentialStatus": {
            "id": f"https://{issuer_host}/status/1#{rng.randint(0, 131071)}",
            "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": str(rng.randint(0, 131071)),
            "statusListCredential": f"https://{issuer_host}/status/1",
        },
        "proof": [{
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": f"{issued}T{rng.randint(8, 17):02d}:00:00Z",
            "verificationMethod": f"did:web:{issuer_host}#key-1",
            "proofPurpose": "assertionMethod",
            "proofValue": "z" + _b58(rng, 87),
        }],
    }
    # Pad to ~4 KB with what real badges carry: one competency alignment per skill (O*NET, CASE, ESCO).
    frameworks = [("O*NET-SOC", "https://www.onetonline.org/link/summary/"),
                  ("ESCO skills", "http://data.europa.eu/esco/skill/"),
                  ("Credential Engine CTDL", "https://credentialfinder.org/competency/")]
    alignment = subject["achievement"]["alignment"]
    pool = skills + rng.sample(domain["skills"], k=len(domain["skills"]))
    i = 0
    while len(json.dumps(credential).encode()) < TARGET_CREDENTIAL_BYTES - 120 and i < 40:
        fw, base = frameworks[i % len(frameworks)]
        skill = pool[i % len(pool)]
        alignment.append({
            "type": ["Alignment"], "targetType": "ceasn:Competency", "targetName": skill,
            "targetFramework": fw, "targetCode": f"{rng.randint(11, 53)}-{rng.randint(1000, 9999)}.00",
            "targetUrl": base + _uuid(rng),
        })
        i += 1
    original = json.dumps(credential, ensure_ascii=False).encode("utf-8")  # as issuers send it: one line
    fields = CredentialFields(
        title=title, issuer=issuer_name, issued=issued, expires=expires, description=description,
        skills=tuple(skills),
        parsed={"type": credential["type"], "achievementType": subject["achievement"]["achievementType"],
                "issuer_id": credential["issuer"]["id"], "subject": subject_did},
    )
    return original, fields


def make_entry(rng: random.Random) -> EntryInput:
    """A self-asserted experience with varied, realistic text."""
    domain_name = rng.choice(list(DOMAINS))
    domain = DOMAINS[domain_name]
    kind = {"community": EntryKind.VOLUNTEERING, "military": EntryKind.MILITARY,
            "caregiving": EntryKind.CAREGIVING}.get(domain_name) or rng.choice(
        [EntryKind.JOB, EntryKind.JOB, EntryKind.JOB, EntryKind.TRAINING, EntryKind.PROJECT])
    org = ("Home" if kind is EntryKind.CAREGIVING
           else f"{rng.choice(PLACES)} {rng.choice(EMPLOYER_KINDS)}")
    sy, sm, _ = _date(rng, 2005, 2024)
    start = f"{sy:04d}-{sm:02d}"
    end: str | None
    if rng.random() < 0.2:
        end = None  # ongoing
    else:
        ey = min(2025, sy + rng.randint(0, 5))
        em = rng.randint(sm, 12) if ey == sy else rng.randint(1, 12)
        end = f"{ey:04d}-{em:02d}"
    work = rng.sample(domain["work"], k=min(len(domain["work"]), rng.randint(2, 4)))
    sentences = [_fill(rng, w) for w in work]
    description = (sentences[0][0].upper() + sentences[0][1:] + ", " + ", ".join(sentences[1:-1])
                   + (", and " if len(sentences) > 2 else " and ") + sentences[-1] + ".").replace(", ,", ",")
    if rng.random() < 0.5:
        description += (f" Worked alongside {rng.choice(FIRST)} {rng.choice(LAST)}, who can give a reference; "
                        f"reported to the {rng.choice(['site manager', 'shift supervisor', 'director', 'owner'])}.")
    return EntryInput(
        kind=kind,
        title=rng.choice(domain["jobs"]),
        organisation=org,
        start=start,
        end=end,
        description=description,
        skills=tuple(rng.sample(domain["skills"], k=min(len(domain["skills"]), rng.randint(2, 6)))),
        tags=tuple(rng.sample([domain_name, "portfolio", "reference", "paid", "unpaid", "recent"],
                              k=rng.randint(0, 2))),
    )


# Queries as people type them: single words, a word typed letter by letter, two words, no hit.
SEARCH_QUERIES: list[tuple[str, str]] = [
    *[("word", q) for q in ["forklift", "excel", "welding", "cpr", "python", "osha", "warehouse",
                            "phlebotomy", "volunteer", "quickbooks", "dementia", "solar", "riverside",
                            "payroll", "spanish"]],
    *[("prefix", q) for q in ["f", "fo", "for", "fork", "forkl", "forkli", "wel", "weld", "pyt", "cust",
                              "custo", "hv"]],
    *[("two words", q) for q in ["customer service", "first aid", "forklift safety", "python sql",
                                 "cnc operator", "riverside college", "patient care", "cash handling",
                                 "team lead"]],
    *[("no hit", q) for q in ["zxqvbn", "astrophysics", "quantum blockchain"]],
]


# --------------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------------

@dataclass
class Row:
    measure: str
    median: float | None
    p95: float | None
    unit: str
    notes: str = ""
    samples: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


def p95(values: Sequence[float]) -> float:
    """95th percentile, linear interpolation between order statistics (close to the max for small K)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    """Run `fn` `repeat` times; seconds per run and the last result."""
    times: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def row_ms(measure: str, seconds: Sequence[float], notes: str = "", **extra: Any) -> Row:
    ms = [s * 1000 for s in seconds]
    return Row(measure, statistics.median(ms), p95(ms), "ms", notes, len(ms), extra)


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def maxrss_mib(who: int = resource.RUSAGE_SELF) -> float:
    raw = resource.getrusage(who).ru_maxrss
    return raw / MiB if sys.platform == "darwin" else raw / 1024  # bytes on macOS, KiB on Linux


def proc_status_mib(key: str) -> float | None:
    """VmRSS / VmHWM from /proc/self/status (Linux), in MiB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def machine_info(session: Any) -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cipher = session._conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = session._conn.execute("SELECT sqlite_version()").fetchone()[0]
    return {"cores": os.cpu_count(), "cpu": cpu or platform.processor() or "unknown",
            "python": platform.python_version(), "sqlcipher": cipher, "sqlite": sqlite,
            "platform": platform.platform(),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None}


# --------------------------------------------------------------------------------------------------
# The child process: open + list only, to see its memory without the parent's history
# --------------------------------------------------------------------------------------------------

def child_open_and_list(path: str) -> None:
    passphrase = sys.stdin.readline().rstrip("\n")
    rss_start = proc_status_mib("VmRSS")
    t0 = time.perf_counter()
    session = lifecycle.open_wallet(Path(path), passphrase, strengthen=False)
    t1 = time.perf_counter()
    rss_after_open = proc_status_mib("VmRSS")
    records = session.list_records()
    t2 = time.perf_counter()
    rss_after_list = proc_status_mib("VmRSS")
    session.lock()
    print(json.dumps({
        "records": len(records), "open_s": t1 - t0, "list_s": t2 - t1,
        "rss_after_imports_mib": rss_start, "rss_after_open_mib": rss_after_open,
        "rss_after_list_mib": rss_after_list, "peak_rss_mib": maxrss_mib(),
    }))


def run_child(path: Path) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--child-open-list", str(path)],
        input=PASSPHRASE + "\n", capture_output=True, text=True, check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


# --------------------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------------------

def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def page_problems_ok(db: Path, data_key: bytes) -> bool:
    """The bench wallet is healthy (so the check rows measure a full pass, not an early stop)."""
    conn = connect(db, data_key, create=False)
    try:
        return integrity_problems(conn, db) == []
    finally:
        conn.close()


def run(n_records: int, repeat: int, seed: int) -> dict[str, Any]:
    rows: list[Row] = []
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="ler-bench-") as tmp:
        tmp_path = Path(tmp)
        wallet_path = tmp_path / "bench.lerwallet"

        # ---- KDF ------------------------------------------------------------------------------
        log("calibrating the KDF (Argon2id, 256 MiB) ...")
        t = time.perf_counter()
        params = calibrate()
        calib_s = time.perf_counter() - t
        salt = os.urandom(SALT_BYTES)

        # ---- create ---------------------------------------------------------------------------
        log(f"creating a wallet with {n_records} records (one transaction per add) ...")
        created = lifecycle.create_wallet(wallet_path, PASSPHRASE, kdf=params)
        session = created.session
        machine = machine_info(session)
        subject_did = session.did
        n_cred = n_records // 2
        n_entry = n_records - n_cred
        # Generate everything first, so generation time is not counted as storage time.
        creds = [make_credential(rng, subject_did) for _ in range(n_cred)]
        entries = [make_entry(rng) for _ in range(n_entry)]
        cred_sizes = [len(c[0]) for c in creds]
        payload = sum(cred_sizes) + sum(
            len(e.title) + len(e.organisation) + len(e.description) + sum(map(len, e.skills)) for e in entries)
        ids: list[str] = []
        cred_add: list[float] = []
        entry_add: list[float] = []
        all_add: list[float] = []  # in insertion order, to show how an add's cost grows with the wallet
        started = time.perf_counter()
        ci = ei = 0
        while ci < n_cred or ei < n_entry:  # interleaved, as a person's wallet fills up
            if ci < n_cred:
                original, fields = creds[ci]
                ci += 1
                t = time.perf_counter()
                ids.append(session.add_credential(original, media_type="application/vc+ld+json",
                                                  fmt="ob3-json", fields=fields))
                cred_add.append(time.perf_counter() - t)
                all_add.append(cred_add[-1])
            if ei < n_entry:
                entry = entries[ei]
                ei += 1
                t = time.perf_counter()
                ids.append(session.add_entry(entry))
                entry_add.append(time.perf_counter() - t)
                all_add.append(entry_add[-1])
            if len(ids) % 2000 == 0:
                log(f"  {len(ids)} / {n_records}")
        create_s = time.perf_counter() - started
        assert session.count() == n_records
        rows.append(Row(f"create: add {n_records} records", create_s, None, "s",
                        f"{n_records / create_s:,.0f} records/s; each add is its own transaction "
                        "(synchronous=FULL, rollback journal), as the app writes"))
        rows.append(row_ms("  add one credential", cred_add,
                           f"OB3 JSON, mean {statistics.mean(cred_sizes) / 1024:.1f} KB "
                           f"({min(cred_sizes)}-{max(cred_sizes)} B)"))
        rows.append(row_ms("  add one self-asserted entry", entry_add, "EntryInput with tags and skills"))
        tenth = max(1, n_records // 10)
        rows.append(row_ms(f"  add one record, first {tenth}", all_add[:tenth], "wallet nearly empty"))
        rows.append(row_ms(f"  add one record, last {tenth}", all_add[-tenth:],
                           f"wallet holding {n_records - tenth}+ records"))

        # ---- unlock ---------------------------------------------------------------------------
        session.lock()
        log("unlock: KDF alone, unlock to first page, open without KDF (interleaved) ...")
        layout = layout_mod.existing(wallet_path)
        keys = KeyFile.read(layout.keys)
        data_key = keys.unseal_with_passphrase(PASSPHRASE)

        def unlock_first_page() -> int:
            # The app's unlock: the whole-file check runs afterwards in the background (see "open check" below).
            s = lifecycle.open_wallet(wallet_path, PASSPHRASE, strengthen=False, check=False)
            try:
                return len(s.list_records(limit=50))
            finally:
                s.lock()

        def open_without_kdf() -> int:
            # The same steps as open_wallet after the key is unsealed (bench-only use of a private helper).
            s = lifecycle._open_with_key(layout, keys, data_key, system_clock)
            try:
                return len(s.list_records(limit=50))
            finally:
                s.lock()

        # Interleaved so all three see the same (shared, noisy) machine.
        kdf_times: list[float] = []
        unlock_times: list[float] = []
        nokdf_times: list[float] = []
        for _ in range(repeat):
            kdf_times += timed(lambda: derive_key(PASSPHRASE, salt, params), 1)[0]
            unlock_times += timed(unlock_first_page, 1)[0]
            nokdf_times += timed(open_without_kdf, 1)[0]
        assert unlock_first_page() == min(50, n_records)
        rows.append(row_ms("unlock: Argon2id KDF alone", kdf_times,
                           f"derive_key with calibrate() params: opslimit={params.opslimit}, "
                           f"memlimit={params.memlimit // MiB} MiB (calibration took {calib_s:.2f} s)"))
        rows.append(row_ms("unlock to first page (open + list 50)", unlock_times,
                           "open_wallet(strengthen=False, check=False: the app) + list_records(limit=50), then lock"))
        rows.append(row_ms("  the same without the KDF", nokdf_times,
                           "connect + PRAGMA key + schema/identity check + list 50, then lock"))

        session = lifecycle.open_wallet(wallet_path, PASSPHRASE, strengthen=False)

        # ---- list -----------------------------------------------------------------------------
        log("listing ...")
        session.list_records()  # warm the page cache once; every figure below is warm-cache
        list_all, records = timed(session.list_records, repeat)
        assert len(records) == n_records
        per_rec_us = statistics.median(list_all) / n_records * 1e6
        rows.append(row_ms(f"list all {n_records} records", list_all,
                           f"list_records(); {per_rec_us:.1f} us/record"))
        page_times, _ = timed(lambda: session.list_records(limit=50), max(repeat, 30))
        rows.append(row_ms("list first page (50)", page_times, "list_records(limit=50); sorts all rows first"))

        # ---- search ---------------------------------------------------------------------------
        log(f"searching ({len(SEARCH_QUERIES)} queries x {repeat}) ...")
        per_query: list[dict[str, Any]] = []
        for group, q in SEARCH_QUERIES:
            times, hits = timed(functools.partial(session.search, q), repeat)
            per_query.append({"group": group, "query": q, "median_ms": statistics.median(times) * 1000,
                              "p95_ms": p95(times) * 1000, "hits": len(hits)})
        all_medians = [p["median_ms"] / 1000 for p in per_query]
        rows.append(row_ms(f"search, all {len(per_query)} queries", all_medians,
                           "median/p95 across queries of each query's median; search(q) (limit 50)",
                           queries=per_query))
        for group in ["word", "prefix", "two words", "no hit"]:
            sel = [p for p in per_query if p["group"] == group]
            hits = [p["hits"] for p in sel]
            slowest = max(sel, key=lambda p: p["median_ms"])
            rows.append(row_ms(f"  search: {group} ({len(sel)})", [p["median_ms"] / 1000 for p in sel],
                               f"hits {min(hits)}-{max(hits)}; slowest {slowest['query']!r} "
                               f"{slowest['median_ms']:.1f} ms"))

        # ---- get ------------------------------------------------------------------------------
        picks = [rng.choice(ids) for _ in range(max(200, repeat))]
        get_times = []
        for rid in picks:
            t = time.perf_counter()
            session.get_record(rid)
            get_times.append(time.perf_counter() - t)
        rows.append(row_ms("get one record by id", get_times, f"get_record(id), {len(picks)} random ids"))

        # ---- check ----------------------------------------------------------------------------
        log("check_wallet ...")
        check_times, problems = timed(lambda: lifecycle.check_wallet(session), repeat)
        assert problems == [], problems
        rows.append(row_ms("check_wallet", check_times, "page_problems + integrity_check; no problems"))

        # What each open can afford: every check on a fresh connection (pages from the OS cache, none from
        # SQLite's), interleaved so all see the same machine. The CLI runs the page check on every open; the
        # app runs it in a background thread after unlock; `ler-wallet check` runs the full one.
        log("integrity checks on fresh connections ...")

        def fresh(check: Callable[[Any], object]) -> Callable[[], object]:
            def run() -> object:
                conn = connect(layout.db, data_key, create=False)
                try:
                    return check(conn)
                finally:
                    conn.close()
            return run

        def size_only(conn: Any) -> bool:
            pages = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
            return bool(pages == layout.db.stat().st_size)

        variants: list[tuple[str, Callable[[], object], str]] = [
            ("  connect alone (no check)", fresh(lambda conn: None), "PRAGMA key + schema read, then close"),
            ("  size sanity only", fresh(size_only), "page_count x page_size == file size; catches truncation, "
             "not a flipped byte"),
            ("  open check: page_problems", fresh(lambda conn: page_problems(conn, layout.db)),
             "cipher_integrity_check (HMAC of every page) + size; what every CLI open runs"),
            ("  quick_check alone", fresh(lambda conn: conn.execute("PRAGMA quick_check").fetchall()),
             "b-tree structure; reads every page through the pager"),
            ("  full check: integrity_problems", fresh(lambda conn: integrity_problems(conn, layout.db)),
             "page_problems + integrity_check; what 'ler-wallet check' runs"),
        ]
        samples: dict[str, list[float]] = {name: [] for name, _, _ in variants}
        for _ in range(repeat):
            for name, run_check, _ in variants:
                samples[name] += timed(run_check, 1)[0]
        assert page_problems_ok(layout.db, data_key)
        rows.append(Row(f"integrity checks at {n_records} records", layout.db.stat().st_size / MiB, None, "MiB",
                        "wallet.db size checked by the rows below"))
        for name, _, notes in variants:
            rows.append(row_ms(name, samples[name], notes))

        # ---- backup ---------------------------------------------------------------------------
        log("backup ...")
        backup_dir = tmp_path / "backups"
        backup_dir.mkdir()
        sizes: list[int] = []
        backup_times = []
        for i in range(repeat):
            out = backup_dir / f"b{i}.lerbackup"
            t = time.perf_counter()
            sizes.append(session.backup(out))
            backup_times.append(time.perf_counter() - t)
            out.unlink()
        rows.append(row_ms("backup", backup_times,
                           f"session.backup(): snapshot, write+fsync, read back and verify; "
                           f"{sizes[-1] / MiB:.1f} MiB file"))
        rows.append(Row("backup size", sizes[-1] / MiB, None, "MiB", f"{sizes[-1]:,} bytes"))

        # ---- size -----------------------------------------------------------------------------
        size = folder_bytes(wallet_path)
        rows.append(Row("wallet folder on disk", size / 1e6, None, "MB",
                        f"{size / n_records:,.0f} bytes/record; raw payload {payload / n_records:,.0f} "
                        f"bytes/record (x{size / payload:.2f})"))

        # ---- memory ---------------------------------------------------------------------------
        log("memory ...")
        gc.collect()
        tracemalloc.start()
        records = session.list_records()
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        held = len(records)
        del records
        rows.append(Row(f"python heap peak, list {held} records", traced_peak / MiB, None, "MiB",
                        "tracemalloc peak during one list_records() (Python objects only)"))
        session.lock()
        rows.append(Row("bench process peak RSS", maxrss_mib(), None, "MiB",
                        "ru_maxrss of this process: Argon2id 256 MiB + the whole run's history"))
        children = [run_child(wallet_path) for _ in range(min(repeat, 3))]
        c_peak = [c["peak_rss_mib"] for c in children]
        c_after = [c["rss_after_list_mib"] for c in children if c["rss_after_list_mib"] is not None]
        c_imp = [c["rss_after_imports_mib"] for c in children if c["rss_after_imports_mib"] is not None]
        rows.append(Row("fresh process: open + list all, peak RSS", statistics.median(c_peak), max(c_peak),
                        "MiB", "subprocess ru_maxrss; includes the Argon2id 256 MiB buffer",
                        len(children), {"children": children}))
        if c_after:
            rows.append(Row("fresh process: RSS after list all", statistics.median(c_after), max(c_after),
                            "MiB", f"VmRSS once the KDF buffer is freed; {statistics.median(c_imp):.0f} MiB "
                            "after imports", len(children)))
        rows.append(row_ms("fresh process: open_wallet", [c["open_s"] for c in children],
                           "KDF + connect + schema check, in a new process (includes first disk reads)"))

    return {
        "machine": machine,
        "params": {"records": n_records, "credentials": n_cred, "entries": n_entry, "repeat": repeat,
                   "seed": seed, "kdf": params.to_json()},
        "rows": [asdict(r) for r in rows],
    }


# --------------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------------

def fmt_num(v: float | None) -> str:
    if v is None:
        return "-"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def table(result: dict[str, Any]) -> str:
    m, p = result["machine"], result["params"]
    lines = [
        f"machine: {m['cores']} cores, {m['cpu']}, Python {m['python']}, SQLCipher {m['sqlcipher']} "
        f"(SQLite {m['sqlite']}), {m['platform']}, load avg at start {m['loadavg_at_start']}",
        f"wallet: {p['records']} records ({p['credentials']} OB3 credentials + {p['entries']} entries), "
        f"K={p['repeat']} repeats, seed {p['seed']}, KDF opslimit={p['kdf']['opslimit']} "
        f"memlimit={p['kdf']['memlimit'] // MiB} MiB",
        "",
    ]
    header = ("measure", "median", "p95", "unit", "notes")
    body = [(r["measure"], fmt_num(r["median"]), fmt_num(r["p95"]), r["unit"], r["notes"]) for r in result["rows"]]
    widths = [max(len(x[i]) for x in [header, *body]) for i in range(4)]
    for i, cells in enumerate([header, *body]):
        lines.append(" | ".join([cells[0].ljust(widths[0]), cells[1].rjust(widths[1]), cells[2].rjust(widths[2]),
                                 cells[3].ljust(widths[3]), cells[4]]).rstrip())
        if i == 0:
            lines.append("-+-".join("-" * w for w in widths) + "-+-" + "-" * 5)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=None, help="records in the wallet (default 10000)")
    parser.add_argument("--repeat", type=int, default=None, help="repeats per measure (default 7)")
    parser.add_argument("--quick", action="store_true", help="smoke run: N=1000, K=3")
    parser.add_argument("--seed", type=int, default=2024, help="generator seed (default 2024)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--child-open-list", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_open_list:
        child_open_and_list(args.child_open_list)
        return 0
    n = args.records if args.records is not None else (1000 if args.quick else 10000)
    k = args.repeat if args.repeat is not None else (3 if args.quick else 7)
    if n < 2 or k < 1:
        parser.error("--records must be at least 2 and --repeat at least 1")
    started = time.perf_counter()
    result = run(n, k, args.seed)
    result["total_seconds"] = time.perf_counter() - started
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(table(result))
        print(f"\n(total bench time {result['total_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What the PDF skills résumé costs: making it (with its QR set) for a view of 30 records, and verifying a bundle
from the PDF against verifying the same bundle from its JSON file.

Run from the repository root with the project's interpreter:

    python bench/bench_pdf.py            # K=7 repeats
    python bench/bench_pdf.py --quick    # K=3

Prints a table of medians (and the spread: min – max) to stdout. The wallet is a demo wallet (realistic issued
credentials) topped up with self-described entries until the view holds 30 records, as a learner's would.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wallet import lifecycle
from wallet.credentials.checking import offline_options
from wallet.crypto.kdf import KdfParams, permit_test_costs
from wallet.demo import populate
from wallet.models import EntryInput, EntryKind
from wallet.session import Session
from wallet.sharing.bundle_check import check_bundle
from wallet.sharing.pdf_attachment import attach, read_resume_pdf
from wallet.sharing.pdf_check import check_resume_pdf
from wallet.sharing.resume_content import content_from_bundle
from wallet.sharing.resume_pdf import Layout, printed_codes_for, render, resume_pdf

KINDS = [EntryKind.JOB, EntryKind.VOLUNTEERING, EntryKind.PROJECT, EntryKind.TRAINING]


def timed(call: Callable[[], object], repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        runs.append(time.perf_counter() - start)
    return runs


def row(label: str, runs: list[float]) -> str:
    return (f"| {label:<58} | {statistics.median(runs) * 1e3:>9.1f} ms | "
            f"{min(runs) * 1e3:.1f} – {max(runs) * 1e3:.1f} |")


def view_of(session: Session, size: int) -> str:
    """A view holding `size` records: every demo record, then entries written like a learner's."""
    ids = [r.id for r in session.list_records()]
    number = 0
    while len(ids) < size:
        number += 1
        ids.append(session.add_entry(EntryInput(
            kind=KINDS[number % len(KINDS)], title=f"Warehouse role {number}", organisation=f"Depot {number} Ltd",
            start=f"{2010 + number % 14}-0{1 + number % 9}", end=f"{2011 + number % 14}-0{1 + number % 9}",
            description="Picked and packed orders, ran cycle counts with an RF scanner and trained new starters on "
                        "the safety walk-through; kept the loading dock audit-ready.",
            skills=("operate forklift", "customer service"))))
    view = session.skills.create_view(f"View of {size}", "Warehouse team lead: forklift, customer service, "
                                      "first aid, inventory spreadsheets", auto=True)
    session.skills.update_view(view.id, record_ids=ids[:size], statement="Three years on a busy loading dock.")
    return view.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    permit_test_costs()
    lines = ["| what (2 shared cores) | median | min – max |", "|---|---:|---|"]
    with tempfile.TemporaryDirectory() as folder:
        made = lifecycle.create_wallet(Path(folder) / "bench.lerwallet", "bench passphrase long",
                                       kdf=KdfParams(opslimit=1, memlimit=8 * 1024 * 1024))
        session = made.session
        populate(session)
        for size in (10, 30):
            view_id = view_of(session, size)
            bundle = session.sharing.share(view_id, form="pdf", to="Acme Logistics").data
            options = session.credentials.options()
            codes = printed_codes_for(bundle)
            content = content_from_bundle(bundle, options)
            pdf = resume_pdf(bundle, options)
            where = f"{size} records, {len(bundle) / 1024:.0f} KB bundle, {len(codes)} QR codes"
            lines.append(f"| **view of {where}; PDF {len(pdf) / 1024:.0f} KB** | | |")
            total = timed(lambda b=bundle, o=options: resume_pdf(b, o), repeat)  # type: ignore[misc]
            lines.append(row("make the PDF, all of it (verdicts + QR set + pages + attach)", total))
            lines.append(row("  of which: each record's verdict (content_from_bundle)",
                             timed(lambda b=bundle, o=options: content_from_bundle(b, o), repeat)))  # type: ignore[misc]
            lines.append(row("  of which: the QR set (zxing-cpp encoder)",
                             timed(lambda b=bundle: printed_codes_for(b), repeat)))  # type: ignore[misc]
            pages = timed(lambda c=content, q=codes: render(c, q, Layout.SKILLS), repeat)  # type: ignore[misc]
            lines.append(row("  of which: the pages (reportlab), skills layout", pages))
            drawn = render(content, codes)
            lines.append(row("  of which: attaching the bundle (pypdf)",
                             timed(lambda d=drawn, b=bundle: attach(d, b), repeat)))  # type: ignore[misc]
            offline = offline_options(options.now)
            from_json, from_pdf = [], []
            for _ in range(repeat):  # interleaved, so both see the same load from whatever else the cores run
                from_json += timed(lambda b=bundle, o=offline: check_bundle(b, o), 1)  # type: ignore[misc]
                from_pdf += timed(lambda p=pdf, o=offline: check_resume_pdf(p, o), 1)  # type: ignore[misc]
            reading = timed(lambda p=pdf: read_resume_pdf(p), repeat)  # type: ignore[misc]
            lines.append(row("verify the bundle from its JSON file", from_json))
            lines.append(row("verify it from the PDF (attachment + printed codes)", from_pdf))
            lines.append(row("  of which: reading the attachment and the printed codes", reading))
            ratios = [p / j for p, j in zip(from_pdf, from_json, strict=True)]
            lines.append(f"| verify from PDF ÷ verify from JSON (median of paired runs) | "
                         f"{statistics.median(ratios):>9.2f} × | {min(ratios):.2f} – {max(ratios):.2f} |")
        session.lock()
    print("\n".join(lines))


if __name__ == "__main__":
    main()

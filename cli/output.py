"""How records look on a terminal and in --json."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from wallet.api import Record


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def record_line(record: Record) -> str:
    demo = " [demo]" if record.demo else ""
    org = f" — {record.organisation}" if record.organisation else ""
    when = f" ({record.when})" if record.when else ""
    return f"{record.id[:8]}  {record.kind_label:<32} {record.title}{org}{when}{demo}"


def print_records(records: Iterable[Record], empty: str) -> None:
    lines = [record_line(r) for r in records]
    print("\n".join(lines) if lines else empty)


def print_record(record: Record) -> None:
    rows = [
        ("ID", record.id),
        ("Kind", record.kind_label),
        ("Title", record.title),
        ("Organisation" if record.credential is None else "Issuer", record.organisation),
        ("When", record.when),
        ("Skills", ", ".join(record.skills)),
        ("Tags", ", ".join(record.tags)),
        ("Format", record.credential.format if record.credential else ""),
        ("Demo", "yes, made by 'ler-wallet demo'" if record.demo else ""),
    ]
    for label, value in rows:
        if value:
            print(f"{label + ':':<14}{value}")
    if record.description:
        print()
        print(record.description)
    if record.evidence:
        print()
        print("Evidence:")
        for ev in record.evidence:
            print(f"  {ev.filename} ({ev.media_type}, {ev.size:,} bytes)")

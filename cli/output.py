"""How records look on a terminal and in --json.

Every string that came from a credential (or any file the learner did not write here) reaches the
terminal through `shown`: escape sequences, C0/C1 controls, bidi overrides and invisible characters are
printed as visible escapes (``\\x1b``, ``\\u202e``) and a line break inside a name as ``\\x0a``, so a
credential can neither recolour nor overwrite a report, nor forge one of its lines. `--json` stays the exact
data: `emit_json` writes valid JSON whose strings load back unchanged, with those characters written as
``\\uXXXX`` escapes instead of raw (json.dumps already escapes C0 controls, not C1, bidi or U+2028).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from wallet.api import Record, escape_json_text, for_terminal


def shown(value: object, *, lines: bool = False) -> str:
    """`value` safe for a terminal; with `lines`, its line breaks stay (a description under its record)."""
    return for_terminal(value, keep_lines=lines)


def json_text(data: Any) -> str:
    """`data` as indented JSON text that is safe on a terminal and loads back to exactly `data`."""
    return escape_json_text(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def emit_json(data: Any) -> None:
    sys.stdout.write(json_text(data))


SOMEONE_ELSE = ("someone else, not you: kept, but not counted in your skills, matches or views "
                "('ler-wallet holder add-id ID' if it is yours)")


def record_line(record: Record) -> str:
    demo = " [demo]" if record.demo else ""
    someone_else = " [issued to someone else]" if record.credential and record.credential.for_someone_else else ""
    org = f" — {shown(record.organisation)}" if record.organisation else ""
    when = f" ({shown(record.when)})" if record.when else ""
    return f"{record.id[:8]}  {record.kind_label:<32} {shown(record.title)}{org}{when}{someone_else}{demo}"


def print_records(records: Iterable[Record], empty: str) -> None:
    lines = [record_line(r) for r in records]
    print("\n".join(lines) if lines else empty)


def print_record(record: Record) -> None:
    rows = [
        ("ID", record.id),
        ("Kind", record.kind_label),
        ("Title", shown(record.title)),
        ("Organisation" if record.credential is None else "Issuer", shown(record.organisation)),
        ("When", shown(record.when)),
        ("Skills", ", ".join(map(shown, record.skills))),
        ("Tags", ", ".join(map(shown, record.tags))),
        ("Format", shown(record.credential.format) if record.credential else ""),
        ("Issued to", SOMEONE_ELSE if record.credential and record.credential.for_someone_else else ""),
        ("Demo", "yes, made by 'ler-wallet demo'" if record.demo else ""),
    ]
    for label, value in rows:
        if value:
            print(f"{label + ':':<14}{value}")
    if record.description:
        print()
        print(shown(record.description, lines=True))
    if record.evidence:
        print()
        print("Evidence:")
        for ev in record.evidence:
            print(f"  {shown(ev.filename)} ({shown(ev.media_type)}, {ev.size:,} bytes)")

"""`share`, `shares` and the bundle part of `verify`: a view leaves the wallet as a signed bundle, and anyone
checks it as one report.

Each `--format` is one writer in `WRITERS` (json and jsonresume here; qr and pdf are added by their modules with a
one-line entry). A writer gets the signed `SharedBundle` and the arguments, writes its files, and returns the
lines to print. `verify` passes every input through `INPUT_STAGES` (a stage may, say, put QR images back together
into one bundle) and then through `BUNDLE_READERS` (a reader turns one input into a bundle dict, or says it is not
one); a bundle is checked as one `BundleReport`, anything else by the usual credential path.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from cli.commands import unlock
from cli.output import emit_json, json_text, shown
from cli.share_qr import qr_stage, write_qr
from wallet.api import (
    SHARE_FORMS,
    BundleReport,
    ItemReport,
    SharedBundle,
    UsageError,
    VerifyOptions,
    WalletError,
    atomic_write,
    check_bundle,
    check_resume_pdf,
    is_pdf,
    read_bundle,
    resume_pdf,
    verify_inputs,
)

MARKS = {"passed": "✓", "failed": "✗", "warning": "!", "not checked": "?"}

Writer = Callable[[SharedBundle, Path, argparse.Namespace], list[str]]
Input = tuple[str, bytes | WalletError]


def _regular_file(out: Path) -> Path:
    out = out.expanduser()
    if out.is_dir():
        raise UsageError(f"{out} is a folder; give a file name for the bundle, such as {out / 'bundle.json'}.")
    if out.exists() and not out.is_file():
        raise UsageError(f"{out} is not a regular file; choose another name.")
    return out


def write_json(shared: SharedBundle, out: Path, args: argparse.Namespace) -> list[str]:
    """The signed bundle as a JSON file (the bytes the history's hash is of)."""
    path = _regular_file(out)
    atomic_write(path, shared.data)
    return [f"Wrote the signed bundle to {path} ({len(shared.data):,} bytes)."]


def write_json_resume(shared: SharedBundle, out: Path, args: argparse.Namespace) -> list[str]:
    """The view as JSON Resume (unsigned; its meta names the signed bundle)."""
    path = _regular_file(out)
    atomic_write(path, json_text(shared.json_resume()).encode("utf-8"))
    return [f"Wrote the JSON Resume to {path}. It is not signed: send the bundle too ('--format json') so it "
            "can be checked."]


def write_pdf(shared: SharedBundle, out: Path, args: argparse.Namespace) -> list[str]:
    """The PDF skills résumé: records with the verdicts the wallet gives them now, the bundle attached."""
    path = _regular_file(out)
    atomic_write(path, resume_pdf(shared.data, args.verify_options, args.layout or "skills", args.paper or "a4"))
    layout = "skills first" if (args.layout or "skills") == "skills" else "chronological"
    return [f"Wrote the PDF résumé to {path} ({layout}, {(args.paper or 'a4').upper()}), with the signed bundle "
            f"attached. Anyone can check it: ler-wallet verify {path.name}"]


WRITERS: dict[str, Writer] = {"json": write_json, "jsonresume": write_json_resume, "pdf": write_pdf, "qr": write_qr}
"""--format → writer. A format missing here is refused before the wallet is opened."""

PDF_ONLY = ("layout", "paper")


def _nested(pairs: list[str]) -> dict[str, list[str]]:
    picks: dict[str, list[str]] = {}
    for pair in pairs:
        record, sep, chosen = pair.partition("=")
        items = [c.strip() for c in chosen.split(",") if c.strip()]
        if not sep or not record.strip() or not items:
            raise UsageError(f"--nested takes CLR_RECORD_ID=N,N (numbers or ids of its nested credentials), "
                             f"not {pair!r}.")
        picks.setdefault(record.strip(), []).extend(items)
    return picks


def cmd_share(args: argparse.Namespace) -> int:
    if args.history:
        return _print_history(args)
    if not args.view:
        raise UsageError("Which view? ler-wallet share VIEW --format json --out FILE (VIEW: its id or name).")
    if args.out is None:
        raise UsageError("Where should it go? Add --out FILE (a folder for --format qr).")
    writer = WRITERS.get(args.format)
    if writer is None:
        raise UsageError(f"This version of LER Wallet can't make the {args.format} form yet; use --format json.")
    if args.format != "pdf" and any(getattr(args, name, None) for name in PDF_ONLY):
        raise UsageError("--layout and --paper are for --format pdf.")
    nested = _nested(args.nested)
    with unlock(args) as session:
        shared = session.sharing.prepare(args.view, form=args.format, to=args.to, expires=args.expires,
                                         nested=nested or None)
        args.verify_options = session.credentials.options()  # the PDF résumé prints each record's verdict
        lines = writer(shared, Path(args.out), args)
        session.sharing.record(shared)  # only once the files are written: a failed write leaves no history line
    for line in lines:
        print(shown(line))
    share = shared.share
    print(f"Shared the view {shown(share.view_name)}: {len(share.records)} record(s)"
          + (f", for {shown(share.recipient)}" if share.recipient else "")
          + (f", good until {share.expires}" if share.expires else "") + ".")
    for sentence in shared.left_out:
        print(f"Note: {shown(sentence)}")
    return 0


def cmd_shares(args: argparse.Namespace) -> int:
    return _print_history(args)


def _print_history(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        history = session.sharing.history()
    if getattr(args, "json", False):
        emit_json([h.to_json() for h in history])
        return 0
    if not history:
        print("Nothing has been shared from this wallet yet.")
        return 0
    for share in history:
        to = f" to {shown(share.recipient)}" if share.recipient else ""
        until = f", good until {share.expires}" if share.expires else ""
        print(f"{share.shared_at}  {share.form:<10} view {shown(share.view_name)}{to}{until}")
        for record_id, title in share.records:
            print(f"    {record_id[:8]}  {shown(title) or '(untitled)'}")
    return 0


# -- verify -----------------------------------------------------------------------------------------------------
BundleReader = Callable[[str, bytes], dict[str, Any] | None]


def _json_bundle(name: str, data: bytes) -> dict[str, Any] | None:
    return read_bundle(data)


BUNDLE_READERS: list[BundleReader] = [_json_bundle]
"""Each input is offered to these in turn; the first that returns a bundle dict wins."""

INPUT_STAGES: list[Callable[[list[Input]], list[Input]]] = [qr_stage]
"""Run over the whole list of inputs first (e.g. QR images of one set become one input of bundle JSON)."""


Answer = BundleReport | list[ItemReport] | WalletError


def verify_sources(inputs: Iterable[Input], options: VerifyOptions, *, expected_challenge: str | None = None,
                   expected_domain: str | None = None) -> Iterator[tuple[str, Answer]]:
    """Each input's answer: a BundleReport for a bundle, the credential reports otherwise, or why it can't be read.
    A bundle made for another challenge or recipient than the expected ones fails and says so."""
    given = list(inputs)
    for stage in INPUT_STAGES:
        given = stage(given)
    for name, data in given:
        if isinstance(data, WalletError):
            yield name, data
            continue
        if is_pdf(data):  # a PDF résumé: its attached bundle, and whether its printed QR codes carry the same
            try:
                yield name, check_resume_pdf(data, options)
            except WalletError as exc:
                yield name, exc
            continue
        bundle = next((found for reader in BUNDLE_READERS if (found := reader(name, data)) is not None), None)
        if bundle is None:
            yield from verify_inputs([(name, data)], options)
            continue
        try:
            yield name, check_bundle(bundle, options, expected_challenge=expected_challenge,
                                     expected_domain=expected_domain)
        except WalletError as exc:
            yield name, exc


def bundle_items(report: BundleReport) -> list[ItemReport]:
    """The reports that decide the overall verdict: each credential, the statement, then the bundle itself."""
    items = list(report.items)
    if report.statement is not None:
        items.append(report.statement.report)
    items.append(report.bundle_item)
    return items


def _check_line(check: Any, indent: str) -> str:
    return f"{indent}{MARKS[check.outcome.value]} {check.check.value}: {shown(check.message)}"


def _item(item: ItemReport, indent: str, holder: str | None) -> None:
    title = shown(item.name) if item.name else "(no name)"
    own = " (self-asserted: signed by the holder)" if holder and item.issuer == holder else ""
    print(f"{indent}{title} — {item.status.value}{own}")
    print(f"{indent}  issuer: {shown(item.issuer) if item.issuer else 'not named'}")
    for check in item.checks:
        print(_check_line(check, indent + "  "))
    for child in item.children:
        _item(child, indent + "    ", holder)


def print_bundle(report: BundleReport, source: str) -> None:
    """One report: the holder's proof, recipient and expiry; each credential; the learner's own words."""
    print(f"{shown(source)}: a bundle from {shown(report.holder or 'an unnamed holder')} — {report.status.value}")
    proof = report.proof
    print(f"  {MARKS[proof.outcome.value]} presentation (holder): {shown(proof.message)}")
    print(f"  recipient: {shown(report.recipient) if report.recipient else 'no one named (any recipient)'}")
    print(f"  challenge: {shown(report.challenge) if report.challenge else 'none'}")
    for check in report.checks[1:]:
        print(_check_line(check, "  "))
    print(f"  Credentials ({len(report.items)}):")
    for item in report.items:
        _item(item, "    ", report.holder)
    statement = report.statement
    if statement is None:
        return
    print("  The learner's own words (self-asserted: written and signed by the learner, not checked by anyone "
          "else):")
    who = shown(statement.person) or "The learner"
    print(f"    {who}" + (f", for {shown(statement.opportunity)}" if statement.opportunity else ""))
    for contact in statement.contacts:
        print(f"    {shown(contact)}")
    if statement.text:
        print(f"    “{shown(statement.text, lines=True)}”")
    if statement.skills:
        print("    Skills they chose, in their order:")
        for number, skill in enumerate(statement.skills, start=1):
            shown_by = ", ".join(shown(s) for s in skill.shown_by) or "no credential in this bundle"
            print(f"      {number}. {shown(skill.name)} — shown by: {shown_by}")
    signed = statement.report
    print(f"    statement: {signed.status.value}")
    for check in signed.checks:
        if check.outcome.value != "passed":
            print(_check_line(check, "      "))


def add_parsers(add: Any) -> None:
    """Register `share` and `shares` on the main parser's `add` helper."""
    p = add("share", cmd_share, "share a view as a signed bundle (json), JSON Resume, QR codes or a PDF résumé")
    p.add_argument("view", nargs="?", metavar="VIEW", help="the view's id, id prefix or name")
    p.add_argument("--format", choices=SHARE_FORMS, default="json", help="what to make (default: json)")
    p.add_argument("--out", type=Path, metavar="PATH", help="the file to write (a folder for qr)")
    p.add_argument("--to", metavar="NAME", help="the recipient: the bundle is made for them and says so")
    p.add_argument("--expires", metavar="YYYY-MM-DD", help="the last day the bundle is good")
    p.add_argument("--nested", action="append", default=[], metavar="CLR_ID=N,N",
                   help="share only these nested credentials of a CLR in the view (numbers or ids; repeatable)")
    p.add_argument("--layout", choices=["skills", "chronological"], help="pdf: skills first or by date")
    p.add_argument("--paper", choices=["a4", "letter"], help="pdf: paper size")
    p.add_argument("--history", action="store_true", help="list what was shared before, instead of sharing")
    p.add_argument("--json", action="store_true", help="with --history: print JSON")
    p = add("shares", cmd_shares, "list what was shared: when, to whom, which view, which records, which form")
    p.add_argument("--json", action="store_true", help="print JSON")


"""`import`, `verify`, `trust`, `keys`, `issue` and `endorse`: the credential commands."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cli import share_commands
from cli.commands import unlock
from cli.output import emit_json, json_text, shown
from wallet.api import (
    CHECK_SUFFIXES,
    BundleReport,
    ItemReport,
    Rechecked,
    Report,
    Status,
    UsageError,
    VerifyOptions,
    WalletError,
    atomic_write,
    clip,
    offline_options,
    parse_instant,
    read_input,
    read_inputs,
)

MARKS = {"passed": "✓", "failed": "✗", "warning": "!", "not checked": "?"}


# -- import --------------------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        results = session.credentials.import_paths(args.paths, sys.stdin.buffer)
    if args.json:
        emit_json([item.to_json() for item in results])
    else:
        for item in results:
            title = f" {shown(item.title)}" if item.title else ""
            status = f" [{item.status}]" if item.status else ""
            print(f"{item.outcome:>9}: {shown(item.source)}{title}{status} — {shown(item.message)}")
        counts = {k: sum(1 for r in results if r.outcome == k) for k in ("imported", "duplicate", "failed")}
        kept = sum(1 for r in results if r.outcome == "keys")
        added = f", {kept} added to the offline keys and lists" if kept else ""
        print(f"{counts['imported']} imported{added}, {counts['duplicate']} already there, {counts['failed']} failed.")
    return 0 if all(r.outcome != "failed" for r in results) else 2


# -- verify ---------------------------------------------------------------------------------------------
def verify_options(args: argparse.Namespace) -> VerifyOptions:
    now = datetime.now(UTC)
    if args.at:
        try:
            now = parse_instant(args.at)
        except UsageError as exc:
            raise UsageError(f"--at {exc.message}") from None
    status_lists: list[tuple[str, Path]] = []
    for pair in args.status_list:
        url, sep, file = pair.partition("=")
        if not sep or not url or not file:
            raise UsageError(f"--status-list takes URL=FILE, not {pair!r}.")
        status_lists.append((url, Path(file).expanduser()))
    key_files = [Path(file).expanduser() for file in [*args.did_doc, *args.key]]
    options = offline_options(now, key_files, status_lists, args.trusted_issuer)
    options.challenge, options.domain = getattr(args, "challenge", None), getattr(args, "domain", None)
    return options


TITLE_WIDTH = 120
"""A credential's name or issuer on its report's first lines: a 5,000-character name is the issuer's, not news."""


def _print_item(item: ItemReport, source: str, indent: str = "") -> None:
    """The item's report: its name and issuer (the credential's words, through `shown`), then each check."""
    title = clip(shown(item.name), TITLE_WIDTH) if item.name else "(no name)"
    print(f"{indent}{shown(source)}: {title} — {item.status.value}")
    print(f"{indent}  issuer: {clip(shown(item.issuer), TITLE_WIDTH) if item.issuer else 'not named'}")
    for check in item.checks:
        print(f"{indent}  {MARKS[check.outcome.value]} {check.check.value}: {shown(check.message)}")
    if item.presentation is not None:  # who handed it over; not part of the credential's own verdict
        held = item.presentation
        print(f"{indent}  {MARKS[held.outcome.value]} {held.check.value} (holder): {shown(held.message)}")
    for child in item.children:
        _print_item(child, "inside", indent + "    ")


def cmd_verify(args: argparse.Namespace) -> int:
    options = verify_options(args)
    items: list[ItemReport] = []
    unreadable: list[dict[str, str]] = []
    bundles: list[dict[str, Any]] = []
    for name, found in share_commands.verify_sources(read_inputs(args.paths, sys.stdin.buffer, CHECK_SUFFIXES), options,
                                                     expected_challenge=args.challenge, expected_domain=args.domain):
        if isinstance(found, BundleReport):  # a shared bundle: one report (wallet/sharing/bundle_check.py)
            items += share_commands.bundle_items(found)
            bundles.append({"source": name, **found.to_json()})
            if not args.json:
                share_commands.print_bundle(found, name)
            continue
        if isinstance(found, WalletError):
            unreadable.append({"source": name, "message": found.message})
            if not args.json:
                print(f"{shown(name)}: cannot be read — {shown(found.message)}")
            continue
        items += found
        if not args.json:
            for item in found:
                _print_item(item, name)
    report = Report(items)
    if args.json:
        document = report.to_json()
        if unreadable:
            document["unreadable"] = unreadable
        if bundles:
            document["bundles"] = bundles
        emit_json(document)
    elif items:
        print(f"Overall: {report.status.value}")
    if unreadable:
        return 2
    return 0 if report.status in (Status.VERIFIED, Status.VERIFIED_WITH_WARNINGS) else 1


# -- trust, keys, issue, endorse -----------------------------------------------------------------------
def cmd_trust(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        if args.action == "add":
            if not args.issuer:
                raise UsageError("Name the issuer to trust: ler-wallet trust add ISSUER_ID [--name NAME].")
            rechecked = session.credentials.trust_issuer(args.issuer, args.name or "")
            print(f"{shown(args.issuer)} is now a trusted issuer.{_checked_again(rechecked)}")
        elif args.action == "remove":
            if not args.issuer:
                raise UsageError("Name the issuer to remove: ler-wallet trust remove ISSUER_ID.")
            rechecked = session.credentials.untrust_issuer(args.issuer)
            print(f"{shown(args.issuer)} is no longer a trusted issuer.{_checked_again(rechecked)}")
        else:
            trusted = session.credentials.trusted_issuers()
            if args.json:
                emit_json([{"id": k, "name": v} for k, v in trusted.items()])
            else:
                print("\n".join(f"{shown(k)}  {shown(v)}" for k, v in trusted.items()) or "No trusted issuers yet.")
    return 0


def _checked_again(rechecked: list[Rechecked]) -> str:
    count = len(rechecked)
    return f" Its {count} credential{'s were' if count != 1 else ' was'} checked again." if count else ""


def cmd_keys_add(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        for name, data in read_inputs(args.files, sys.stdin.buffer):
            if isinstance(data, WalletError):
                raise data
            print(f"{shown(name)}: {shown(session.credentials.add_material(data))}")
        print("Run 'ler-wallet reverify' to check your credentials again with it.")
    return 0


def cmd_reverify(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        for checked in session.credentials.verify_all():
            print(f"{checked.record_id[:8]}  {checked.status.value:<23} {shown(checked.title)}")
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        credential = session.credentials.issue_self_asserted(args.id)
    _write_or_print(credential, args.out)
    return 0


def cmd_endorse(args: argparse.Namespace) -> int:
    data = read_input(Path(args.credential).expanduser())
    with unlock(args) as session:
        endorsement = session.credentials.endorse(data, args.comment)
    _write_or_print(endorsement, args.out)
    return 0


def _write_or_print(document: dict[str, Any], out: Path | None) -> None:
    text = json_text(document)
    if out is None:
        sys.stdout.write(text)
        return
    atomic_write(Path(out).expanduser(), text.encode("utf-8"))
    print(f"Wrote {out}.")


def add_parsers(add: Any) -> None:
    """Register the credential subcommands on the main parser's `add` helper."""
    p = add("import", cmd_import, "import credentials: files, folders, or '-' for stdin")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("verify", cmd_verify, "verify credentials offline, without a wallet (exit 0 verified, 1 not, 2 unreadable)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--at", metavar="ISO-8601", help="check at this moment, not now: a date (UTC) or a date-time with Z or offset"
    )
    p.add_argument("--did-doc", action="append", default=[], metavar="FILE", help="a DID document to use (repeatable)")
    p.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="FILE",
        help="a public key document (Multikey, JWK method or OB 2.0 CryptographicKey) (repeatable)",
    )
    p.add_argument(
        "--status-list",
        action="append",
        default=[],
        metavar="URL=FILE",
        help="a status or revocation list saved from URL (repeatable)",
    )
    p.add_argument(
        "--trusted-issuer", action="append", default=[], metavar="ID", help="an issuer you trust (repeatable)"
    )
    p.add_argument("--challenge", metavar="TEXT",
                   help="a bundle or presentation must answer this challenge (the one you asked for)")
    p.add_argument("--domain", metavar="NAME",
                   help="a bundle or presentation must have been made for this recipient (its domain or audience)")
    p = add("trust", cmd_trust, "list, add or remove trusted issuers")
    p.add_argument("action", choices=["list", "add", "remove"], nargs="?", default="list")
    p.add_argument("issuer", nargs="?", metavar="ISSUER_ID")
    p.add_argument("--name", help="the issuer's name, as you want to see it")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("keys", cmd_keys_add, "add issuers' DID documents, public keys or status lists for offline checks")
    p.add_argument("files", nargs="+", metavar="FILE")
    add("reverify", cmd_reverify, "verify every credential in the wallet again")
    p = add("issue", cmd_issue, "sign a self-asserted entry as an Open Badges 3.0 credential (marked self-asserted)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", type=Path, metavar="FILE")
    p = add("endorse", cmd_endorse, "sign an endorsement of someone else's credential file")
    p.add_argument("credential", metavar="CREDENTIAL_FILE")
    p.add_argument("--comment", required=True, help="what you can vouch for")
    p.add_argument("--out", type=Path, metavar="FILE")

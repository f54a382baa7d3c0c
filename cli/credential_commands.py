"""`import`, `verify`, `trust`, `keys`, `issue` and `endorse`: the credential commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cli.commands import unlock
from cli.output import emit_json, json_text, shown
from wallet.api import (
    MAX_INPUT_BYTES,
    InvalidInputError,
    ItemReport,
    KeyResolver,
    Report,
    Status,
    UsageError,
    Verifier,
    VerifyOptions,
    WalletError,
    atomic_write,
    formats,
    parse_time,
    read_json,
)

CREDENTIAL_SUFFIXES = {".json", ".jsonld", ".jwt", ".png", ".svg", ".txt", ".vc", ".1ob"}
MARKS = {"passed": "✓", "failed": "✗", "warning": "!", "not checked": "?"}


def _read_limited(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InvalidInputError(f"{path} is {size / 1_048_576:.1f} MB; credentials can be at most 20 MB.")
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"{path} cannot be read: {exc.strerror or exc}.") from exc


def _stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidInputError("The input is larger than 20 MB, which is more than any credential.")
    return data


def iter_inputs(paths: list[str]) -> Iterator[tuple[str, bytes | WalletError]]:
    """(name, bytes or the error reading it) for files, folders (recursively) and '-' (stdin)."""
    for raw in paths:
        if raw == "-":
            yield "stdin", _stdin()
            continue
        path = Path(raw).expanduser()
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CREDENTIAL_SUFFIXES)
            if not files:
                yield str(path), InvalidInputError(f"The folder {path} holds no credential files.")
            for file in files:
                try:
                    yield str(file), _read_limited(file)
                except WalletError as exc:
                    yield str(file), exc
        elif not path.exists():
            yield str(path), InvalidInputError(f"There is no file at {path}.")
        else:
            try:
                yield str(path), _read_limited(path)
            except WalletError as exc:
                yield str(path), exc


# -- import --------------------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    results: list[dict[str, Any]] = []
    with unlock(args) as session:
        for name, data in iter_inputs(args.paths):
            if isinstance(data, WalletError):
                results.append({"source": name, "outcome": "failed", "message": data.message})
                continue
            results += [o.to_json() for o in session.credentials.import_bytes(data, name)]
    if args.json:
        emit_json(results)
    else:
        for item in results:
            title = f" {shown(item.get('title'))}" if item.get("title") else ""
            status = f" [{item['status']}]" if item.get("status") else ""
            print(f"{item['outcome']:>9}: {shown(item['source'])}{title}{status} — {shown(item['message'])}")
        counts = {k: sum(1 for r in results if r["outcome"] == k) for k in ("imported", "duplicate", "failed")}
        print(f"{counts['imported']} imported, {counts['duplicate']} already there, {counts['failed']} failed.")
    return 0 if all(r["outcome"] != "failed" for r in results) else 2


# -- verify ---------------------------------------------------------------------------------------------
def _load_json_file(path: str, what: str) -> Any:
    return read_json(_read_limited(Path(path).expanduser()), what)


def verify_options(args: argparse.Namespace) -> VerifyOptions:
    now = datetime.now(UTC)
    if args.at:
        parsed = parse_time(args.at)
        if parsed is None:
            raise UsageError(f"--at {args.at!r} is not an ISO 8601 date or date-time.")
        now = parsed
    resolver = KeyResolver()
    for file in [*args.did_doc, *args.key]:
        document = _load_json_file(file, f"The key file {file}")
        for item in document if isinstance(document, list) else [document]:
            resolver.add_document(item)
    status_lists: dict[str, Any] = {}
    for pair in args.status_list:
        url, sep, file = pair.partition("=")
        if not sep or not url or not file:
            raise UsageError(f"--status-list takes URL=FILE, not {pair!r}.")
        status_lists[url] = _load_json_file(file, f"The status list {file}")
    trusted = {issuer: issuer for issuer in args.trusted_issuer}
    return VerifyOptions(now=now, resolver=resolver, status_lists=status_lists, trusted_issuers=trusted)


def _print_item(item: ItemReport, source: str, indent: str = "") -> None:
    """The item's report: its name and issuer (the credential's words, through `shown`), then each check."""
    title = shown(item.name) if item.name else "(no name)"
    print(f"{indent}{shown(source)}: {title} — {item.status.value}")
    print(f"{indent}  issuer: {shown(item.issuer) if item.issuer else 'not named'}")
    for check in item.checks:
        print(f"{indent}  {MARKS[check.outcome.value]} {check.check.value}: {shown(check.message)}")
    for child in item.children:
        _print_item(child, "inside", indent + "    ")


def cmd_verify(args: argparse.Namespace) -> int:
    options = verify_options(args)
    verifier = Verifier(options)
    items: list[ItemReport] = []
    unreadable: list[dict[str, str]] = []
    for name, data in iter_inputs(args.paths):
        try:
            if isinstance(data, WalletError):
                raise data
            found = [verifier.verify(parsed) for parsed in formats.parse(data)]
        except WalletError as exc:
            unreadable.append({"source": name, "message": exc.message})
            if not args.json:
                print(f"{shown(name)}: cannot be read — {shown(exc.message)}")
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
            session.credentials.trust_issuer(args.issuer, args.name or "")
            print(f"{shown(args.issuer)} is now a trusted issuer.")
        elif args.action == "remove":
            if not args.issuer:
                raise UsageError("Name the issuer to remove: ler-wallet trust remove ISSUER_ID.")
            session.credentials.untrust_issuer(args.issuer)
            print(f"{shown(args.issuer)} is no longer a trusted issuer.")
        else:
            trusted = session.credentials.trusted_issuers()
            if args.json:
                emit_json([{"id": k, "name": v} for k, v in trusted.items()])
            else:
                print("\n".join(f"{shown(k)}  {shown(v)}" for k, v in trusted.items()) or "No trusted issuers yet.")
    return 0


def cmd_keys_add(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        for name, data in iter_inputs(args.files):
            if isinstance(data, WalletError):
                raise data
            print(f"{shown(name)}: {shown(session.credentials.add_material(data))}")
        print("Run 'ler-wallet reverify' to check your credentials again with it.")
    return 0


def cmd_reverify(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        records = [r for r in session.list_records() if r.credential is not None]
        for record in records:
            report = session.credentials.verify_record(record.id)
            print(f"{record.id[:8]}  {report.status.value:<23} {shown(record.title)}")
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        credential = session.credentials.issue_self_asserted(args.id)
    _write_or_print(credential, args.out)
    return 0


def cmd_endorse(args: argparse.Namespace) -> int:
    data = _read_limited(Path(args.credential).expanduser())
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
    p.add_argument("--at", metavar="ISO-8601", help="check validity at this moment instead of now")
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

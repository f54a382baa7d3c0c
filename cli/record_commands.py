"""Changing what is in the wallet: `edit`, `delete`, `tag`, `note`, `hide`, `evidence add|remove`.

The same facade calls as the app's record pane. Deleting asks for --yes: the app can undo a delete until it
locks, but a command's session ends with the command.
"""

from __future__ import annotations

import argparse
from typing import Any

from cli.commands import _read_entry_json, unlock
from cli.output import emit_json, shown
from wallet.api import UsageError, edited_entry, read_evidence


def _done(args: argparse.Namespace, record: Any, message: str) -> int:
    if args.json:
        emit_json(record.to_json())
    else:
        print(message)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    changes = _read_entry_json(args.file)  # read before asking for a secret
    with unlock(args) as session:
        record = session.get_record(args.id)
        session.update_entry(record.id, edited_entry(record, changes))
        record = session.get_record(record.id)
    return _done(args, record, f"Saved: {shown(record.title)} (id {record.id[:8]})")


def cmd_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UsageError("Deleting from the command line can't be undone; add --yes to delete it "
                         "(its evidence goes with it; other records are not touched).")
    with unlock(args) as session:
        title = session.delete_record(args.id)
    print(f"Deleted: {shown(title)}")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        record = session.get_record(args.id)
        tags = [t for t in record.tags if t.casefold() not in {r.casefold() for r in args.remove or []}]
        tags += [t for t in args.add or [] if t.strip()]
        if args.set is not None:
            tags = [t for t in args.set if t.strip()]
        session.set_tags(record.id, tags)
        record = session.get_record(record.id)
    listed = ", ".join(shown(t) for t in record.tags) or "(none)"
    return _done(args, record, f"Tags of {shown(record.title)}: {listed}")


def cmd_note(args: argparse.Namespace) -> int:
    note = "" if args.clear else args.text
    if note is None:
        raise UsageError("Say the note: 'ler-wallet note ID \"TEXT\"', or --clear to remove it.")
    with unlock(args) as session:
        session.set_note(args.id, note)
        record = session.get_record(args.id)
    return _done(args, record, f"Note {'saved' if note else 'removed'} on {shown(record.title)}.")


def cmd_hide(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        session.set_hidden(args.id, not args.show)
        record = session.get_record(args.id)
    message = ("Shown again in the list: " if args.show else
               "Hidden from the list and search (still in the wallet; 'ler-wallet hide --show' brings it back): ")
    return _done(args, record, message + shown(record.title))


def cmd_evidence(args: argparse.Namespace) -> int:
    if args.action == "add":
        if not args.file:
            raise UsageError("Say which file: 'ler-wallet evidence add ID FILE'.")
        filename, data, media_type = read_evidence(args.file)
        with unlock(args) as session:
            session.add_evidence(args.id, filename, data, media_type=media_type, description=args.description or "")
            record = session.get_record(args.id)
        return _done(args, record, f"Attached {shown(filename)} to {shown(record.title)}.")
    if args.file:
        raise UsageError("'evidence remove' takes the evidence id only (see 'ler-wallet show ID --json').")
    with unlock(args) as session:
        session.remove_evidence(args.id)
    print("Removed the evidence file.")
    return 0


def add_parsers(add: Any) -> None:
    p = add("edit", cmd_edit, "change a self-asserted entry from a JSON file of the fields to change ('-' for stdin)")
    p.add_argument("id", metavar="ID")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--json", action="store_true", help="print the record as JSON")
    p = add("delete", cmd_delete, "delete a record and its evidence (other records are not touched)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="really delete (it can't be undone from the command line)")
    p = add("tag", cmd_tag, "add, remove or set a record's tags")
    p.add_argument("id", metavar="ID")
    p.add_argument("--add", action="append", metavar="TAG", help="add a tag (repeat for more)")
    p.add_argument("--remove", action="append", metavar="TAG", help="remove a tag (repeat for more)")
    p.add_argument("--set", nargs="*", metavar="TAG", help="replace all tags with these")
    p.add_argument("--json", action="store_true", help="print the record as JSON")
    p = add("note", cmd_note, "your own note on a record (never shared)")
    p.add_argument("id", metavar="ID")
    p.add_argument("text", nargs="?", metavar="TEXT")
    p.add_argument("--clear", action="store_true", help="remove the note")
    p.add_argument("--json", action="store_true", help="print the record as JSON")
    p = add("hide", cmd_hide, "hide a record from the list and search (it stays in the wallet)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--show", action="store_true", help="show a hidden record again")
    p.add_argument("--json", action="store_true", help="print the record as JSON")
    p = add("evidence", cmd_evidence, "attach a file to a record, or remove one")
    p.add_argument("action", choices=["add", "remove"])
    p.add_argument("id", metavar="ID", help="with add: the record; with remove: the evidence file's id")
    p.add_argument("file", nargs="?", metavar="FILE", help="with add: the file to attach")
    p.add_argument("--description", metavar="TEXT", help="with add: what the file shows")
    p.add_argument("--json", action="store_true", help="print the record as JSON")

"""`holder`: the learner's profile (name, contact lines for résumés, the identifiers that are theirs)."""

from __future__ import annotations

import argparse
from typing import Any

from cli.commands import unlock
from cli.output import emit_json, shown
from wallet.api import HolderProfile, UsageError


def _print_profile(profile: HolderProfile) -> None:
    rows: list[tuple[str, str]] = [("Name", shown(profile.name) if profile.name else "(not set: you are \"Learner\")")]
    rows += [("Contact" if i == 0 else "", shown(line)) for i, line in enumerate(profile.contacts)]
    rows.append(("Your DID", profile.did))
    rows += [("Also you" if i == 0 else "", shown(other)) for i, other in enumerate(profile.identifiers)]
    for label, value in rows:
        print(f"{label + ':' if label else '':<14}{value}")


def _credentials(count: int) -> str:
    return f"{count} credential{'' if count == 1 else 's'}"


def cmd_holder(args: argparse.Namespace) -> int:
    if args.action in ("add-id", "remove-id") and not args.value:
        raise UsageError(
            f"Say which identifier: 'ler-wallet holder {args.action} ID' (an email, a DID or a web address)."
        )
    if args.action in ("show", "set") and args.value:
        raise UsageError(
            f"'holder {args.action}' takes no identifier; use --name and --contact to change your profile."
        )
    if args.action != "set" and (args.name is not None or args.contact is not None):
        raise UsageError("--name and --contact go with 'ler-wallet holder set'.")
    if args.action == "set" and args.name is None and args.contact is None:
        raise UsageError("Say what to set: --name NAME and/or --contact LINE (repeat it for more lines).")
    message = ""
    changed: int | None = None
    with unlock(args) as session:
        holder = session.holder
        if args.action == "set":
            holder.set_profile(args.name, args.contact)
            message = "Your profile is saved."
        elif args.action == "add-id":
            changed = holder.add_identifier(args.value)
            message = (f"Added. {_credentials(changed)} in your wallet {'is' if changed == 1 else 'are'} "
                       "now shown as yours.")
        elif args.action == "remove-id":
            changed = holder.remove_identifier(args.value)
            message = (f"Removed. {_credentials(changed)} in your wallet {'is' if changed == 1 else 'are'} "
                       "no longer shown as yours.")
        profile = holder.profile()
    if args.json:
        data: dict[str, Any] = profile.to_json()
        if changed is not None:
            data["credentials_changed"] = changed
        emit_json(data)
        return 0
    if message:
        print(message)
        print()
    _print_profile(profile)
    return 0


def add_parsers(add: Any) -> None:
    p = add("holder", cmd_holder, "your profile: your name, contact lines and the identifiers that are yours")
    p.add_argument("action", nargs="?", choices=["show", "set", "add-id", "remove-id"], default="show")
    p.add_argument("value", nargs="?", metavar="ID", help="with add-id / remove-id: an email, a DID or a web address")
    p.add_argument("--name", help="with 'set': your name, as it appears on what you sign and share")
    p.add_argument("--contact", action="append", metavar="LINE",
                   help="with 'set': a contact line for résumés (repeat for more; replaces the old lines)")
    p.add_argument("--json", action="store_true", help="print JSON")

"""One function per `ler-wallet` subcommand; each returns an exit code."""

from __future__ import annotations

import argparse
import os
import secrets
from pathlib import Path
from typing import Any

from cli import prompts
from cli.display import gui_blocker
from cli.output import emit_json, print_record, print_records, shown
from wallet import api
from wallet.api import EntryInput, Session, UsageError, WalletExistsError, read_json, read_source

MAX_ENTRY_FILE = 1024 * 1024


def wallet_path(args: argparse.Namespace) -> Path:
    return Path(args.wallet).expanduser() if args.wallet else api.default_wallet_path()


def unlock(args: argparse.Namespace) -> Session:
    path = wallet_path(args)
    api.layout_check(path)  # say "no wallet here" before asking for a passphrase
    return api.open_wallet(path, prompts.passphrase())


def cmd_init(args: argparse.Namespace) -> int:
    path = wallet_path(args)
    api.ensure_can_create(path)
    created = api.create_wallet(path, prompts.new_passphrase(prompts.PASSPHRASE_ENV))
    with created.session as session:
        print(f"Created your wallet at {session.path}")
        print(f"Your identifier (DID): {session.did}")
    _print_recovery_code(created.recovery_code)
    return 0


def _print_recovery_code(code: str) -> None:
    print()
    print("Your recovery code (shown only now; write it down or print it and keep it safe):")
    print()
    print(f"    {code}")
    print()
    print("If you forget your passphrase, 'ler-wallet recover' and this code open the wallet.")


def cmd_passwd(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        session.change_passphrase(prompts.new_passphrase())
    print("Passphrase changed. Your records were not touched; the recovery code still works.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    path = wallet_path(args)
    api.layout_check(path)
    code = prompts.recovery_code()
    with api.recover_wallet(path, code, prompts.new_passphrase()) as session:
        print(f"Wallet recovered and the new passphrase set: {session.path}")
    return 0


def cmd_recovery_code(args: argparse.Namespace) -> int:
    """Replace the recovery code: the data key is sealed under a new one, shown once; the old one stops working."""
    if not args.new:
        raise UsageError("The recovery code is never stored, so it can't be shown again; 'ler-wallet "
                         "recovery-code --new' makes a new one (and the old one stops working).")
    path = wallet_path(args)
    api.layout_check(path)
    passphrase = prompts.passphrase()
    with api.open_wallet(path, passphrase) as session:
        code = session.replace_recovery_code(passphrase)
    print("Made a new recovery code: the old one no longer opens this wallet. Backups made before now keep "
          "the old code, so keep the old paper with those backups or make a new backup.")
    _print_recovery_code(code)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        size = session.backup(args.out)
    print(f"Encrypted backup written to {args.out} ({size:,} bytes). It opens with the same passphrase "
          "or recovery code.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The full check on demand: every page, the tables' structure, and what a rescue would lose (exit 1 if damaged)."""
    path = wallet_path(args)
    api.layout_check(path)
    found = api.inspect_wallet(path, prompts.passphrase())
    lost = [{"id": rid, "title": title} for rid, title in sorted(found.salvage.lost_records.items())]
    if args.json:
        emit_json({"healthy": found.healthy, "problems": found.problems, "lost_records": lost,
                   "losses": [loss.sentence() for loss in found.salvage.losses]})
        return 0 if found.healthy else 1
    if found.healthy:
        print(f"The wallet at {path} is healthy: every page checks out and its tables are whole.")
        return 0
    print(f"The wallet at {path} is damaged:")
    for problem in found.problems:
        print(f"  - {problem}")
    _print_losses(found.salvage, "A rescue would lose")
    print("Copy what can still be read into a new wallet with 'ler-wallet rescue NEW-FOLDER', or restore a backup.")
    return 1


def cmd_rescue(args: argparse.Namespace) -> int:
    """Copy every record that can still be read into a new wallet at OUT and list what was lost."""
    path = wallet_path(args)
    api.layout_check(path)
    api.ensure_can_create(args.out)
    rescued = api.rescue_wallet(path, prompts.passphrase(), args.out)
    report = rescued.salvage
    kept = report.copied.get("records", 0)
    print(f"Copied {kept} of {kept + len(report.lost_records)} records into {rescued.path}. It opens with the same "
          "passphrase and recovery code.")
    if rescued.new_identity:
        print("Your signing key could not be read, so the new wallet has a new identifier (DID).")
    if report.complete:
        print("Nothing was lost.")
    else:
        _print_losses(report, "Lost")
    return 0


def _print_losses(report: api.SalvageReport, heading: str) -> None:
    lines = [f'record {rid[:8]} {shown(title) if title else "(title unreadable)"}'
             for rid, title in sorted(report.lost_records.items(), key=lambda item: item[1])]
    lines += [loss.sentence() for loss in report.losses if loss.table != "records"]
    if lines:
        print(f"{heading}:")
        for line in lines:
            print(f"  - {line}")


def cmd_restore(args: argparse.Namespace) -> int:
    target = wallet_path(args)
    api.read_backup(args.backup_file)  # check the file before asking for anything
    replace = bool(args.replace)
    if target.exists() and not replace:
        if prompts.confirm(f"A wallet is already at {target}. Move it aside and restore over it?"):
            replace = True
        else:
            raise WalletExistsError(
                f"A wallet is already at {target}; nothing was changed. Use --replace to move it aside "
                "and restore, or --wallet to restore somewhere else."
            )
    if args.with_recovery_code:
        moved = api.restore_backup(args.backup_file, target, recovery_code=prompts.recovery_code(),
                                       replace=replace)
    else:
        moved = api.restore_backup(args.backup_file, target, prompts.passphrase(), replace=replace)
    print(f"Restored the wallet to {target}.")
    if moved != target:
        print(f"The wallet that was there is kept at {moved}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        records = session.list_records()
    if args.json:
        emit_json([r.to_json() for r in records])
    else:
        print_records(records, "The wallet is empty. Add an experience with 'ler-wallet add-entry FILE.json'.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        record = session.get_record(args.id)
    if args.json:
        emit_json(record.to_json())
    else:
        print_record(record)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        records = session.search(args.text)
    if args.json:
        emit_json([r.to_json() for r in records])
    else:
        print_records(records, f"No records match {args.text!r}.")
    return 0


def _read_entry_json(source: str) -> Any:
    """The entry file (or standard input), bounded, through the JSON reader that refuses what cannot be stored."""
    raw = read_source(source, limit=MAX_ENTRY_FILE, what="The entry")
    return read_json(raw, "The entry" if source == "-" else f"The entry {source}")


def cmd_add_entry(args: argparse.Namespace) -> int:
    entry = EntryInput.from_json(_read_entry_json(args.file))  # validate before asking for a secret
    with unlock(args) as session:
        record = session.get_record(session.add_entry(entry))
    if args.json:
        emit_json(record.to_json())
    else:
        print(f"Added {record.kind_label.lower()}: {shown(record.title)} (id {record.id[:8]})")
    return 0


def cmd_did(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        if args.json:
            emit_json(session.did_document())
        else:
            print(session.did)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    path = args.path.expanduser() if args.path else wallet_path(args)
    api.ensure_can_create(path)
    passphrase = os.environ.get(prompts.PASSPHRASE_ENV)
    generated = passphrase is None
    if passphrase is None:
        passphrase = "demo-" + secrets.token_hex(4)
    created = api.create_wallet(path, passphrase, demo=True)
    with created.session as session:
        ids = api.populate_demo(session)
        print(f"Created a demo wallet at {session.path} with {len(ids)} records (all labelled demo).")
    if generated:
        print(f"Its passphrase is: {passphrase}")
    print(f"Open it with: ler-wallet --wallet {path}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    blocker = gui_blocker()
    if blocker:
        raise UsageError(blocker)
    config = api.load_kiosk_config(getattr(args, "kiosk_config", None))  # a broken kiosk.toml: one sentence
    if getattr(args, "kiosk", False) or config.enabled:
        from ui.kiosk import run_kiosk  # the client picks their wallet at sign-in: no --wallet, no default

        return run_kiosk(config)
    from ui.app import run_app  # Qt is imported only when a window is wanted

    return run_app(wallet_path(args) if args.wallet or os.environ.get("LER_WALLET") else None)

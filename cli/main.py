"""`ler-wallet`: argument parsing, dispatch, and turning every error into one sentence and an exit code.

Exit codes: 0 success, 1 a check failed (wrong passphrase, verification failed), 2 usage error or
unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cli import commands, credential_commands, holder_commands, record_commands, share_commands, skills_commands
from cli.arguments import refuse_broken_text
from cli.output import shown
from wallet.api import WalletError, __version__, enter_portable_mode, harden_process

EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ler-wallet",
        description="LER Wallet: your learning and work records, encrypted on your own computer. "
        "With no command it opens the app.",
        epilog="Secrets are never taken from the command line: set LER_WALLET_PASSPHRASE (and "
        "LER_WALLET_NEW_PASSPHRASE, LER_WALLET_RECOVERY_CODE) or type them when asked.",
    )
    parser.add_argument("--version", action="version", version=f"ler-wallet {__version__}")
    parser.add_argument("--wallet", type=Path, metavar="PATH",
                        help="wallet folder (default: $LER_WALLET or your data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add("init", commands.cmd_init, "create a new wallet and show its recovery code")
    add("passwd", commands.cmd_passwd, "change the passphrase (records are not touched)")
    add("recover", commands.cmd_recover, "unlock with the recovery code and choose a new passphrase")
    p = add("recovery-code", commands.cmd_recovery_code,
            "replace the recovery code: a new one is shown once and the old one stops working")
    p.add_argument("--new", action="store_true", help="make the new recovery code (the passphrase is asked)")
    p = add("backup", commands.cmd_backup, "write an encrypted backup of the wallet to one file")
    p.add_argument("out", type=Path, metavar="OUT", help="backup file (or folder to put it in)")
    p = add("check", commands.cmd_check, "check every page of the wallet and list anything damaged")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p = add("rescue", commands.cmd_rescue, "copy what can still be read from a damaged wallet into a new one")
    p.add_argument("out", type=Path, metavar="OUT", help="where to make the new wallet (must not exist)")
    p = add("restore", commands.cmd_restore, "restore a wallet from a backup file")
    p.add_argument("backup_file", type=Path, metavar="IN", help="backup file")
    p.add_argument("--replace", action="store_true",
                   help="replace an existing wallet (it is moved aside, not deleted)")
    p.add_argument("--with-recovery-code", action="store_true",
                   help="unlock the backup with the recovery code instead of the passphrase")
    p = add("list", commands.cmd_list, "list every record")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("show", commands.cmd_show, "show one record (an id or its first few characters)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("search", commands.cmd_search, "find records by words in them")
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("add-entry", commands.cmd_add_entry, "add a self-asserted experience from a JSON file ('-' for stdin)")
    p.add_argument("file", metavar="FILE.json")
    p.add_argument("--json", action="store_true", help="print the new record as JSON")
    p = add("did", commands.cmd_did, "print your decentralised identifier (did:key)")
    p.add_argument("--json", action="store_true", help="print the DID document")
    p = add("demo", commands.cmd_demo, "create a demo wallet full of realistic, clearly labelled records")
    p.add_argument("path", type=Path, nargs="?", metavar="PATH", help="where to create it")
    credential_commands.add_parsers(add)
    skills_commands.add_parsers(add)
    holder_commands.add_parsers(add)
    share_commands.add_parsers(add)
    record_commands.add_parsers(add)
    p = add("gui", commands.cmd_gui, "open the app")
    p.add_argument("--kiosk", action="store_true",
                   help="kiosk mode for a shared computer: full screen, no recent wallets, sign out when idle")
    p.add_argument("--kiosk-config", type=Path, metavar="FILE",
                   help="the administrator's kiosk.toml (default: LER_WALLET_KIOSK_CONFIG, /etc/ler-wallet/kiosk.toml)")
    return parser


def run() -> None:
    """The `ler-wallet` process (console script and `python -m cli`): harden the process, then run `main`.

    Hardening comes first (no core dumps: an unlocked wallet's key and records must never land in a core
    file). `main` itself stays free of process-wide effects, so tests can call it in their own process.
    """
    enter_portable_mode()  # first: on a USB stick, every write goes beside the executable
    harden_process()
    sys.exit(main())


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", commands.cmd_gui)
    try:
        refuse_broken_text(args, parser)
        return func(args)
    except WalletError as exc:
        print(f"ler-wallet: {shown(exc)}", file=sys.stderr)  # a message may quote the input
        return exc.exit_code
    except KeyboardInterrupt:
        print("ler-wallet: cancelled; nothing was changed.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except (UnicodeError, RecursionError) as exc:  # should a check upstream miss one, still say what it was
        if os.environ.get("LER_WALLET_DEBUG"):
            raise
        what = "holds broken text (not UTF-8, or half of a Unicode character)" if isinstance(exc, UnicodeError) \
            else "is nested too deeply"
        print(f"ler-wallet: something you gave LER Wallet {what}, so it was not used and your wallet was not changed.",
              file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        if os.environ.get("LER_WALLET_DEBUG"):
            raise
        print(f"ler-wallet: something went wrong inside LER Wallet ({type(exc).__name__}: {shown(exc)}). "
              "Your wallet was not changed by this error.", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    run()

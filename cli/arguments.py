"""Command-line words that cannot be text: bytes that are not UTF-8 reach Python as lone surrogates.

A file name may hold any bytes (Linux allows it, and the file still opens), but a view's name, a comment or
a search is text the wallet stores, signs or prints, and half of a Unicode character cannot be any of those.
Such an argument is refused up front, naming the option, instead of failing deep inside with the catch-all.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable

from wallet.api import UsageError

PATH_ARGUMENTS = frozenset(
    {"paths", "files", "file", "credential", "posting", "outcomes", "backup_file", "out", "did_doc", "key",
     "status_list", "wallet", "path"}
)
"""Arguments that name files: any bytes are allowed there, since the operating system allows them."""


def has_broken_text(value: str) -> bool:
    """Whether `value` holds a lone surrogate (a byte that was not UTF-8, or half of a UTF-16 pair)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _option_name(parser: argparse.ArgumentParser, dest: str) -> str:
    for action in _actions(parser):
        if action.dest == dest:
            if action.option_strings:
                return max(action.option_strings, key=len)
            return str(action.metavar or dest.upper())
    return dest


def _actions(parser: argparse.ArgumentParser) -> Iterable[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from sub._actions


def refuse_broken_text(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Raise `UsageError` naming the first text argument that is not valid UTF-8 (file names are exempt)."""
    for dest, value in vars(args).items():
        if dest in PATH_ARGUMENTS:
            continue
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and has_broken_text(v) for v in values):
            raise UsageError(
                f"{_option_name(parser, dest)} holds bytes that are not UTF-8 text, so it cannot be used; "
                "type it again in plain text."
            )

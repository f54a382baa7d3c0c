"""Hard limits on untrusted input, and a JSON reader that enforces them.

Every importer reads credentials through `read_json` so that truncated, deep, huge or hostile
JSON gives one clear sentence instead of a crash, a hang or a RecursionError.
"""

from __future__ import annotations

import json
import re
from typing import Any

from wallet.errors import CredentialFormatError
from wallet.i18n import _

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Largest file, paste or decoded payload the wallet will read (20 MB)."""

MAX_JSON_DEPTH = 100
"""Deepest nesting of JSON objects and arrays a credential may have."""

MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024
"""Largest size any compressed payload (PNG zTXt/iTXt, gzip status list) may expand to."""


def check_size(data: bytes | str, what: str = "") -> None:
    """Refuse input larger than MAX_INPUT_BYTES."""
    what = what or _("The file")
    if len(data) > MAX_INPUT_BYTES:
        raise CredentialFormatError(
            _("{what} is {size:.1f} MB; the wallet reads credentials up to {limit} MB.").format(
                what=what, size=len(data) / 1_048_576, limit=MAX_INPUT_BYTES // 1_048_576)
        )


def json_depth(text: str) -> int:
    """Deepest bracket nesting outside strings, found in one linear pass without recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def _reject_constant(name: str) -> Any:
    raise CredentialFormatError(_("The JSON holds {name}, which is not a valid JSON number.").format(name=name))


class _Members:
    """`object_pairs_hook` refusing an object that names a member twice ({"name": "A", "name": "B"})."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, value in pairs:
            if name in result:
                shown = " ".join(name.split())[:40].encode("utf-8", "backslashreplace").decode("utf-8")
                raise CredentialFormatError(
                    _("{what} names \"{shown}\" twice in one object; JSON readers disagree on which one counts, so it "
                      "is refused.").format(what=self.what, shown=shown)
                )
            result[name] = value
        return result


def read_json(data: bytes | str, what: str = "", *, unique_members: bool = True) -> Any:
    """Parse untrusted JSON (UTF-8, optional BOM) within the size and depth limits.

    A member named twice in one object is refused (unless `unique_members` is False, for text that is not
    a credential such as a job posting): readers disagree on which value counts, so a signature checker
    and a display could see different credentials.
    """
    what = what or _("The file")
    check_size(data, what)
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CredentialFormatError(_("{what} is not UTF-8 text, so it cannot be read as JSON.").format(
                what=what)) from exc
    else:
        text = data.removeprefix("\ufeff")
    if json_depth(text) > MAX_JSON_DEPTH:
        raise CredentialFormatError(
            _("{what} is nested too deeply (more than {max_json_depth} levels), so it was not read.").format(
                what=what, max_json_depth=MAX_JSON_DEPTH)
        )
    try:
        hook = _Members(what) if unique_members else None
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=hook)
    except json.JSONDecodeError as exc:
        where = (_("it ends too early") if exc.pos >= len(text.rstrip()) else
                 _("line {line}, column {column}").format(line=exc.lineno, column=exc.colno))
        raise CredentialFormatError(_("{what} is not valid JSON ({where}).").format(what=what, where=where)) from exc
    except RecursionError as exc:  # pragma: no cover - depth is checked above
        raise CredentialFormatError(_("{what} is nested too deeply.").format(what=what)) from exc
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise CredentialFormatError(_("{what} holds a number too long to be real.").format(what=what)) from exc
    if _SURROGATE_ESCAPE.search(text):
        _reject_lone_surrogates(value, what)
    return value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_lone_surrogates(value: Any, what: str) -> None:
    """JSON may escape half of a UTF-16 pair; such text cannot be stored or signed, so refuse it."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise CredentialFormatError(_("{what} holds broken text (half of a Unicode character).").format(
                    what=what)) from exc

"""The text a person gives the skills tools: a job posting or a course's learning outcomes, from a file or '-'.

The command line's `match`, `view create --posting` and `cpl` and the app's "Open a file" all read it here:
through the one bounded reader (regular files only), at most MAX_TEXT_INPUT_BYTES, decoded as text (an image
or a program is refused by name), and never empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from wallet.errors import InvalidInputError
from wallet.inputs import decode_text, read_source

MAX_TEXT_INPUT_BYTES = 2 * 1024 * 1024
"""The largest posting or outcomes file (2 MiB): far more than any real posting."""


def read_text_input(source: str | Path, what: str, *, stdin: BinaryIO | None = None) -> str:
    """The text of a posting or outcomes file (or standard input for '-'); `what` names it in errors."""
    text = decode_text(read_source(source, limit=MAX_TEXT_INPUT_BYTES, what=what, stdin=stdin), what)
    if not text.strip():
        raise InvalidInputError(f"{what} is empty.")
    return text

"""Editing a self-asserted entry from the fields that change, and reading an evidence file from disk."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from wallet.errors import InvalidInputError, UsageError
from wallet.i18n import _
from wallet.inputs import read_file
from wallet.models import EntryInput, Record, RecordKind
from wallet.store.repository import MAX_EVIDENCE_BYTES


def entry_fields(record: Record) -> dict[str, Any]:
    """A self-asserted record as the JSON shape that `EntryInput.from_json` reads."""
    if record.kind is not RecordKind.ENTRY or record.entry_kind is None:
        raise UsageError(_("Only self-asserted entries can be edited; issued credentials stay as issued (you can "
                           "still tag them, add a note or hide them)."))
    return {"kind": record.entry_kind.value, "title": record.title, "organisation": record.organisation,
            "start": record.start, "end": record.end, "description": record.description,
            "skills": list(record.skills), "tags": list(record.tags)}


def edited_entry(record: Record, changes: Any) -> EntryInput:
    """`record` with the fields in `changes` replaced (the rest kept), checked like a new entry."""
    if not isinstance(changes, dict):
        raise InvalidInputError(_("The changes must be a JSON object, like {\"title\": \"Shift lead\"}."))
    fields = entry_fields(record)
    if "organization" in changes:
        fields.pop("organisation")
    fields.update(changes)
    return EntryInput.from_json(fields)


def media_type_of(filename: str) -> str:
    """The media type a file's name suggests (application/octet-stream when it suggests none)."""
    guessed, _encoding = mimetypes.guess_type(filename, strict=False)
    return guessed or "application/octet-stream"


def read_evidence(path: Path | str) -> tuple[str, bytes, str]:
    """(file name, bytes, media type) of an evidence file, at most 50 MB, or one sentence saying why not."""
    data = read_file(path, limit=MAX_EVIDENCE_BYTES, what=_("The evidence file"))
    name = Path(path).name
    if not name:
        raise InvalidInputError(_("{path} is not a file.").format(path=path))
    return name, data, media_type_of(name)

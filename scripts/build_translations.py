"""Keep the Spanish catalogues in step with the code and compile them.

Run from the repository root:

    python3 scripts/build_translations.py            # extract, update every .po, compile every .mo
    python3 scripts/build_translations.py --check    # exit 1 and list what is missing or stale (the tests run this)
    python3 scripts/build_translations.py --fill pages es.json
                                                      # merge {"English": "Español", ...} into the 'pages' catalogue

Each part of the code has its own catalogue (AREAS), so people translating different parts never edit one file.
A string marked with _(), N_() or ngettext() in an area's files lands in that area's
resources/i18n/es/LC_MESSAGES/<area>.po; a string no longer in the code is dropped. Output carries no dates or
line numbers, so running it twice gives the same bytes. Placeholders ({name}) must match between the English and
the Spanish, or --check says which.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("es",)
AREAS: dict[str, tuple[str, ...]] = {
    "records": ("ui/pages/records.py", "ui/pages/record_detail.py", "ui/models.py", "ui/list_delegate.py"),
    "sharing": ("ui/pages/share*.py", "ui/pages/check*.py", "ui/pages/verification_view.py", "wallet/sharing/*.py"),
    "app": ("ui/*.py",),
    "dialogs": ("ui/dialogs/*.py",),
    "pages": ("ui/pages/*.py",),
    "wallet": ("wallet/*.py", "wallet/*/*.py", "wallet/*/*/*.py"),
}
"""Catalogue name → the files whose marked strings it holds (globs from the repository root); a file belongs to
the first area that names it."""

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIXED_DATE = datetime(2026, 12, 4, tzinfo=UTC)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def catalogue_path(language: str, area: str, suffix: str) -> Path:
    return ROOT / "resources" / "i18n" / language / "LC_MESSAGES" / f"{area}{suffix}"


def _matches(area: str) -> set[Path]:
    return {path for pattern in AREAS[area] for path in ROOT.glob(pattern) if "__pycache__" not in path.parts}


def area_files(area: str) -> list[Path]:
    """The area's files, less those an earlier area already holds."""
    earlier: set[Path] = set()
    for name in AREAS:
        if name == area:
            break
        earlier |= _matches(name)
    return sorted(_matches(area) - earlier)


def extracted(area: str) -> dict[str | tuple[str, str], list[str]]:
    """Every marked message of the area's files → where it is (file paths, no line numbers)."""
    found: dict[str | tuple[str, str], list[str]] = {}
    for path in area_files(area):
        for _line, message, _comments, _context in extract_from_file("python", path, keywords=KEYWORDS):
            key: str | tuple[str, str] = message if isinstance(message, str) else (message[0], message[1])
            if not key or (isinstance(key, tuple) and not all(key)):
                continue
            places = found.setdefault(key, [])
            relative = path.relative_to(ROOT).as_posix()
            if relative not in places:
                places.append(relative)
    return found


HEADER = """\
# Spanish for LER Wallet: the words of one part of the app (see scripts/build_translations.py).
# Written by the LER Wallet team; distributed under the same licence as LER Wallet."""


def new_catalogue(language: str) -> Catalog:
    return Catalog(locale=language, project="LER Wallet", version="1", copyright_holder="LER Wallet contributors",
                   msgid_bugs_address="LER Wallet team", creation_date=FIXED_DATE, revision_date=FIXED_DATE,
                   language_team="LER Wallet", last_translator="LER Wallet team", fuzzy=False,
                   header_comment=HEADER)


def read_catalogue(language: str, area: str) -> Catalog:
    path = catalogue_path(language, area, ".po")
    if not path.exists():
        return new_catalogue(language)
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def updated(language: str, area: str) -> Catalog:
    """The area's catalogue holding exactly the code's messages, keeping every translation already made."""
    old = read_catalogue(language, area)
    fresh = new_catalogue(language)
    for key, places in sorted(extracted(area).items(), key=lambda item: str(item[0])):
        previous = old.get(key if isinstance(key, str) else key[0])
        translation: str | tuple[str, ...] = "" if isinstance(key, str) else ("",) * old.num_plurals
        if previous is not None and previous.string:
            translation = previous.string
        fresh[key] = Message(key, translation, locations=[(place, None) for place in places])
    return fresh


def po_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, width=116, sort_output=True, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue)
    return out.getvalue()


def translations_of(message: Message) -> list[str]:
    value = message.string
    return [value] if isinstance(value, str) else [part for part in value]


def problems(language: str, area: str) -> list[str]:
    """What keeps the area's catalogue from being complete and current, one line each."""
    found: list[str] = []
    catalogue = updated(language, area)
    for message in catalogue:
        if not message.id:
            continue
        english = message.id if isinstance(message.id, str) else " / ".join(message.id)
        spanish = translations_of(message)
        if not all(spanish):
            found.append(f"{area}: no Spanish for {english!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(english if isinstance(message.id, str) else message.id[1]))
        for text in spanish:
            if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(wanted)):
                found.append(f"{area}: placeholders differ in {english!r} → {text!r}")
    po = catalogue_path(language, area, ".po")
    mo = catalogue_path(language, area, ".mo")
    if len(catalogue) and (not po.exists() or po.read_bytes() != po_bytes(catalogue)):
        found.append(f"{area}: {po.relative_to(ROOT)} is not up to date (run scripts/build_translations.py)")
    if len(catalogue) and (not mo.exists() or mo.read_bytes() != mo_bytes(catalogue)):
        found.append(f"{area}: {mo.relative_to(ROOT)} is not up to date (run scripts/build_translations.py)")
    return found


def build(language: str, areas: Iterable[str]) -> None:
    for area in areas:
        catalogue = updated(language, area)
        if not len(catalogue):
            continue
        po = catalogue_path(language, area, ".po")
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(po_bytes(catalogue))
        catalogue_path(language, area, ".mo").write_bytes(mo_bytes(catalogue))


def fill(language: str, area: str, source: Path) -> int:
    """Merge translations from a JSON object (English → Spanish; a plural is a list of two) into the catalogue;
    returns how many messages it gave a translation."""
    given = json.loads(source.read_text(encoding="utf-8"))
    catalogue = updated(language, area)
    count = 0
    for message in catalogue:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in given:
            value = given[key]
            if isinstance(value, list):  # [singular, plural]: Spanish's third CLDR form ("millones de") is the plural
                forms = catalogue.num_plurals
                value = tuple(value[:1] + [value[-1]] * (forms - 1))
            message.string = value
            count += 1
    po = catalogue_path(language, area, ".po")
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_bytes(po_bytes(catalogue))
    catalogue_path(language, area, ".mo").write_bytes(mo_bytes(read_catalogue(language, area)))
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list what is missing or stale; change nothing")
    parser.add_argument("--fill", nargs=2, metavar=("AREA", "JSON"), help="merge translations into a catalogue")
    args = parser.parse_args(argv)
    if args.fill:
        area, source = args.fill
        if area not in AREAS:
            parser.error(f"no area {area!r}; the areas are {', '.join(AREAS)}")
        for language in LANGUAGES:
            print(f"{area}: {fill(language, area, Path(source))} translations merged")
        return 0
    if args.check:
        found = [line for language in LANGUAGES for area in AREAS for line in problems(language, area)]
        print("\n".join(found) if found else "every marked string has its Spanish; the catalogues are current")
        return 1 if found else 0
    for language in LANGUAGES:
        build(language, AREAS)
    return 0


if __name__ == "__main__":
    sys.exit(main())

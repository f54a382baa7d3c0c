"""Every word the app shows is marked for translation and has its Spanish (scripts/build_translations.py)."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from wallet import i18n

ROOT = Path(__file__).resolve().parents[1]
MARKER = "# i18n: not shown"
"""A comment on a line whose string literal is not for people's eyes (a key, a style rule, a file pattern)."""

TRANSLATING = {"_", "N_", "ngettext"}
NOT_SHOWN_CALLS = {
    "setObjectName", "setStyleSheet", "setProperty", "property", "findChild", "findChildren", "QKeySequence",
    "debug", "info", "warning_log", "exception", "compile", "match", "fullmatch", "search", "sub", "split",
    "startswith", "endswith", "getattr", "hasattr", "setattr", "get", "pop", "setdefault", "encode", "decode",
    "QColor", "QFont", "addApplicationFont", "QUrl", "fromLocalFile", "strftime", "strptime", "TypeVar", "Signal",
    "Slot", "cast", "Path", "joinpath", "resource_path", "open", "setMimeData", "setData", "hasFormat", "data",
}
"""Calls whose string arguments are names, patterns or keys, never shown."""
NOT_SHOWN_KEYWORDS = {"object_name", "role", "kind", "shortcut", "key", "name_filter_key", "mime"}
LOGGERS = {"log", "logger", "logging"}

TWO_WORDS = re.compile(r"\b[A-Za-z][a-z’']+[,;:.!?…]?\s+[A-Za-z(“\"'][a-z’']*")
ONE_WORD = re.compile(r"^[A-Z][a-z]+(?:[.…!?:]|\.\.\.)?$")
SHORTCUT = re.compile(r"^(?:Ctrl|Alt|Shift|Meta|F\d{1,2}|Esc|Del|Return|Enter)\b")


def shown(text: str) -> bool:
    """Whether a literal reads like words for a person: two words, or one capitalised word ('Back', 'Open…')."""
    stripped = text.strip()
    if not stripped or SHORTCUT.match(stripped):
        return False
    return bool(TWO_WORDS.search(stripped) or ONE_WORD.match(stripped))


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
            return "debug"
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def unmarked_strings(path: Path) -> list[str]:
    """'file:line: text' for each literal in `path` that looks like visible words and is not marked."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    skipped: set[int] = set()  # ids of nodes that are not visible text

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.JoinedStr):
            skipped.add(id(node.value))  # docstrings and attribute docstrings
        elif isinstance(node, ast.Call):
            name = _call_name(node)
            if name in TRANSLATING or name in NOT_SHOWN_CALLS:
                for inner in node.args:
                    skipped.update(id(sub) for sub in ast.walk(inner))
            for keyword in node.keywords:
                if keyword.arg in NOT_SHOWN_KEYWORDS:
                    skipped.update(id(sub) for sub in ast.walk(keyword.value))
        elif isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets):
            skipped.update(id(sub) for sub in ast.walk(node.value))
        elif isinstance(node, ast.Subscript):
            skipped.update(id(sub) for sub in ast.walk(node.slice))
        elif isinstance(node, ast.Dict):
            skipped.update(id(key) for key in node.keys if key is not None)
        elif isinstance(node, ast.JoinedStr):
            skipped.update(id(sub) for sub in node.values)  # judged as a whole below
        elif isinstance(node, ast.Compare):
            pass

    found: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values
                           if isinstance(part, ast.Constant) and isinstance(part.value, str))
            text = text if TWO_WORDS.search(text) else ""
        else:
            continue
        if not shown(text):
            continue
        span = lines[node.lineno - 1:(node.end_lineno or node.lineno)]
        if any(MARKER in line for line in span):
            continue
        found.append((node.lineno, node.col_offset, f"{path.relative_to(ROOT)}:{node.lineno}: {text[:70]!r}"))
    return [line for _, _, line in sorted(found)]


UI_FILES = sorted(path for path in (ROOT / "ui").rglob("*.py") if "__pycache__" not in path.parts)


@pytest.mark.parametrize("path", UI_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_no_visible_string_in_the_app_is_left_unmarked(path: Path) -> None:
    """Every literal in ui/ that reads like words for a person goes through _() (or says it is not shown)."""
    found = unmarked_strings(path)
    assert not found, "strings people see but nobody can translate:\n" + "\n".join(found)


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_marked_string_has_its_spanish_and_the_catalogues_are_current() -> None:
    """No marked string lacks Spanish, placeholders match, and each .po/.mo is what the build script makes."""
    build = _build_script()
    problems = [line for area in build.AREAS for line in build.problems("es", area)]
    assert not problems, "\n".join(problems)


def test_the_scanner_finds_unmarked_words_and_passes_marked_ones(tmp_path: Path) -> None:
    """The check above can fail: a bare label is found; _(), docstrings, object names and marked lines are not."""
    sample = ROOT / "ui" / "_scanner_sample.py"
    try:
        sample.write_text('"""Module docstring here."""\n'
                          'a = label("Open the file")\n'
                          'b = label(_("Open the file"))\n'
                          'c = button("Back", "backButton")\n'
                          'd = f"Delete {name} now"\n'
                          'w.setObjectName("recordsList")\n'
                          'e = "Atkinson Hyperlegible"  ' + MARKER + '\n', encoding="utf-8")
        found = unmarked_strings(sample)
    finally:
        sample.unlink()
    assert [line.split(": ", 1)[1] for line in found] == ["'Open the file'", "'Back'", "'Delete  now'"]


def test_spanish_is_used_when_chosen_and_english_stays_the_source() -> None:
    """With Spanish chosen a translated string comes back in Spanish; English returns the source text."""
    build = _build_script()
    catalogue = next((build.read_catalogue("es", area) for area in build.AREAS
                      if any(m.id and m.string for m in build.read_catalogue("es", area))), None)
    if catalogue is None:
        pytest.fail("no Spanish catalogue with a translation ships")
    message = next(m for m in catalogue if m.id and isinstance(m.id, str) and m.string)
    try:
        i18n.set_language("es")
        assert i18n._(message.id) == message.string
        i18n.set_language("en")
        assert i18n._(message.id) == message.id
    finally:
        i18n.set_language("en")


def test_language_follows_a_spanish_locale_name() -> None:
    """'es_MX.UTF-8' and 'es-419' choose Spanish; anything else English."""
    assert i18n.language_for("es_MX.UTF-8") == "es"
    assert i18n.language_for("es-419") == "es"
    assert i18n.language_for("fr_FR") == "en"
    assert i18n.set_language("es_ES") == "es"
    i18n.set_language("en")


def test_dates_and_numbers_follow_the_language() -> None:
    """Dates and numbers are written the way each language writes them."""
    from datetime import date

    assert i18n.format_date(date(2026, 12, 4), language="en") == "4 December 2026"
    assert i18n.format_date(date(2026, 12, 4), language="es") == "4 de diciembre de 2026"
    assert i18n.format_number(1234.5, language="en") == "1,234.5"
    assert i18n.format_number(12345.5, language="es") == "12.345,5"

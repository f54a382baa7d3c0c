"""The help texts people read beside each page, the first-run tour and the navigator notes, in plain words.

They live as Markdown in resources/help/<language>/<page>.md (and resources/help/navigator-notes/<language>.md),
so a writer can change them without touching code. English and Spanish ship; any other language falls back to
English, and so does a page missing in Spanish. The language is the app's (wallet.i18n).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wallet.errors import UsageError
from wallet.i18n import LANGUAGES, _, language_for
from wallet.resources import resource_path

PAGES = ("welcome", "create", "recovery_code", "unlock", "recover", "records", "skills", "opportunities",
         "pathways", "share", "check", "kiosk")
"""Every page with a help text (the kiosk's welcome page has its own)."""


def _read(*parts: str) -> str:
    try:
        return resource_path(*parts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def help_text(page: str, language: str = "en") -> str:
    """The Markdown help for `page` in `language` (English when that language lacks it)."""
    if page not in PAGES:
        raise UsageError(_("There is no help for a page called “{page}”.").format(page=page))
    for lang in dict.fromkeys((language if language in LANGUAGES else "en", "en")):
        text = _read("help", lang, f"{page}.md")
        if text:
            return text
    return ""


@dataclass(frozen=True)
class TourStep:
    """One step of the first-run tour: a title and a short paragraph; `page` is the section it points at
    (0 Records … 3 Pathways), or None for the opening and closing steps."""

    title: str
    text: str
    page: int | None


def tour_steps(language: str = "en") -> list[TourStep]:
    """The tour, read from help/<language>/tour.md: each '# ' heading starts a step. Steps 2 to 5 point at the
    four sections of an open wallet, in order."""
    text = _read("help", language if language in LANGUAGES else "en", "tour.md") or _read("help", "en", "tour.md")
    steps: list[TourStep] = []
    for block in re.split(r"^# ", text, flags=re.MULTILINE)[1:]:
        title, _unused, body = block.partition("\n")
        steps.append(TourStep(title.strip(), " ".join(body.split()), None))
    return [TourStep(s.title, s.text, index - 1 if 1 <= index <= 4 else None) for index, s in enumerate(steps)]


def navigator_notes(language: str = "en") -> str:
    """The navigator's page of tips (Markdown), to read in the app or print."""
    return _read("help", "navigator-notes", f"{language if language in LANGUAGES else 'en'}.md") or _read(
        "help", "navigator-notes", "en.md")


def plain_words(markdown: str) -> str:
    """The prose of a Markdown help text (headings, list marks, emphasis and status glyphs removed), for
    measuring how easy it is to read. Each heading and list item counts as its own sentence."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"^\s*(#+|[-*]|\d+\.)\s*", "", line)
        line = re.sub(r"^[✓✗!?]+\s*", "", re.sub(r"[*_`]", "", line)).strip()
        if line:
            lines.append(line if line[-1] in ".!?:;…" else line + ".")
    return " ".join(lines)


__all__ = ["LANGUAGES", "PAGES", "TourStep", "help_text", "language_for", "navigator_notes", "plain_words",
           "tour_steps"]

"""Help texts: every page has one in English and Spanish, they read at a 6th–8th grade level, and the language
follows the locale."""

from __future__ import annotations

import pytest
import textstat

from wallet.api import UsageError
from wallet.help_texts import LANGUAGES, PAGES, help_text, language_for, navigator_notes, plain_words, tour_steps
from wallet.resources import resource_path

MAX_GRADE_EN = 8.0
"""Flesch-Kincaid grade, the issue's bar: no English text above 8th grade."""
MIN_FERNANDEZ_HUERTA = 70.0
"""Fernández Huerta 70-80 is 'bastante fácil' (about 7th grade); 60-70, 'normal', is 8th-9th."""
MIN_SZIGRISZT_PAZOS = 65.0
"""Szigriszt-Pazos (INFLESZ scale) 65-80 is 'bastante fácil'; 55-65 is 'normal'."""


def every_text(language: str) -> dict[str, str]:
    texts = {page: help_text(page, language) for page in PAGES}
    texts["tour"] = resource_path("help", language, "tour.md").read_text(encoding="utf-8")
    texts["navigator notes"] = navigator_notes(language)
    return texts


def test_every_page_has_its_own_text_in_both_languages() -> None:
    """No page falls back to English in Spanish: each language has its own file for every page."""
    for language in LANGUAGES:
        for page in PAGES:
            assert resource_path("help", language, f"{page}.md").is_file(), (language, page)
    assert help_text("records", "es") != help_text("records", "en")
    spanish = help_text("records", "es")
    assert "**✓ Verificado**" in spanish and "**Declarado por usted**" in spanish  # the marks as the window shows them


@pytest.mark.parametrize("page", PAGES)
def test_english_reads_at_8th_grade_or_below(page: str) -> None:
    """Flesch-Kincaid grade <= 8 for every English help text (the tour and navigator notes too)."""
    textstat.set_lang("en")
    for name, text in every_text("en").items():
        if name in (page, "tour", "navigator notes"):
            grade = textstat.flesch_kincaid_grade(plain_words(text))
            assert grade <= MAX_GRADE_EN, f"{name}: grade {grade}"


def test_spanish_reads_easily() -> None:
    """Every Spanish text scores at least 'bastante fácil' on Fernández Huerta and Szigriszt-Pazos."""
    textstat.set_lang("es")
    try:
        for name, text in every_text("es").items():
            words = plain_words(text)
            assert textstat.fernandez_huerta(words) >= MIN_FERNANDEZ_HUERTA, name
            assert textstat.szigriszt_pazos(words) >= MIN_SZIGRISZT_PAZOS, name
    finally:
        textstat.set_lang("en")


def test_the_measure_fails_a_hard_text() -> None:
    """The bar is real: a dense sentence from a data-model specification scores above 8th grade."""
    textstat.set_lang("en")
    hard = ("Verifiable credentials incorporate cryptographically verifiable authorship information, "
            "facilitating interoperability among heterogeneous implementations.")
    assert textstat.flesch_kincaid_grade(plain_words(hard)) > MAX_GRADE_EN


def test_records_help_explains_every_mark() -> None:
    """The records page's help names every status and badge the app shows."""
    text = help_text("records", "en")
    for mark in ("✓ Verified", "! Verified with warnings", "✗ Not verified", "? Not checked", "✓✓ Trusted issuer",
                 "Self-asserted"):
        assert mark in text, mark


def test_plain_words_drops_markup_but_keeps_sentences() -> None:
    """Headings and list items become sentences; emphasis and leading status glyphs go."""
    assert plain_words("# Title\n- **✓ Verified**: we checked it\n1. Pick one?") == (
        "Title. Verified: we checked it. Pick one?")


@pytest.mark.parametrize(("locale", "language"), [
    ("es_MX.UTF-8", "es"), ("es", "es"), ("es-419", "es"), ("en_US.UTF-8", "en"), ("fr_FR", "en"), ("", "en"),
    ("C", "en"), ("ES_es", "es"),
])
def test_language_follows_the_locale(locale: str, language: str) -> None:
    """Spanish for any es_* locale; English otherwise (no French yet)."""
    assert language_for(locale) == language


def test_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """LC_ALL wins over LANG, as POSIX reads them."""
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert language_for() == "es"
    monkeypatch.delenv("LC_ALL")
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert language_for() == "en"


def test_unknown_page_or_language() -> None:
    """An unknown page is a sentence; an unknown language falls back to English."""
    with pytest.raises(UsageError, match="no help"):
        help_text("nowhere")
    assert help_text("welcome", "fr") == help_text("welcome", "en")


def test_tour_points_at_the_four_sections_in_order() -> None:
    """The tour opens, visits Records, Skills, Opportunities and Pathways, then says where help is."""
    for language in LANGUAGES:
        steps = tour_steps(language)
        assert [step.page for step in steps] == [None, 0, 1, 2, 3, None]
        assert all(step.title and step.text for step in steps)
    assert "F1" in tour_steps("en")[-1].text


def test_navigator_notes_pdf_is_one_titled_page_in_each_language() -> None:
    """The printable notes: one page, titled, in the asked language, the same bytes each time; bad paper refused."""
    import io

    import pypdf

    from wallet.api import navigator_notes_pdf

    for language, title, words in (("en", "Navigator notes", "not you"), ("es", "Notas para orientadores", "no usted")):
        data = navigator_notes_pdf(language, "Letter")
        assert data == navigator_notes_pdf(language, "Letter")
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1 and reader.metadata is not None and reader.metadata.title == title
        assert words in reader.pages[0].extract_text()
    with pytest.raises(UsageError, match="A4 or Letter"):
        navigator_notes_pdf("en", "A3")

"""The facade loads the PDF and JSON-LD libraries on first use, so the app reaches its unlock screen without them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from wallet import api
from wallet.sharing import resume_pdf as resume_pdf_module

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("reportlab", "pypdf", "pypdfium2", "pyld")


def _loaded_after(statement: str) -> list[str]:
    """The heavy modules present in a fresh interpreter after running `statement` (no other test's imports)."""
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_facade_import_leaves_pdf_and_json_ld_libraries_unloaded() -> None:
    """Importing wallet.api does not import reportlab, pypdf, pypdfium2 or pyld (nor the HTTP clients pyld
    imports for document loaders the app never uses)."""
    assert _loaded_after("import wallet.api") == []


def test_lazy_wrapper_loads_its_library_on_first_use() -> None:
    """Calling a lazy wrapper imports its library then (the check above can tell loaded from not)."""
    statement = (
        "from datetime import UTC, datetime\n"
        "from wallet.api import InvalidInputError, check_resume_pdf, offline_options\n"
        "try:\n    check_resume_pdf(b'%PDF-1.7 broken', offline_options(datetime.now(UTC)))\n"
        "except InvalidInputError:\n    pass"
    )
    assert "pypdf" in _loaded_after(statement)


def test_resume_choices_match_the_pdf_module() -> None:
    """The facade's layout and paper lists are the résumé module's own, so the CLI offers every choice."""
    assert api.RESUME_LAYOUTS == resume_pdf_module.LAYOUTS
    assert api.RESUME_PAPERS == resume_pdf_module.PAPERS


def test_is_pdf_wrapper_answers_like_the_module() -> None:
    """is_pdf through the facade tells a PDF header from other bytes."""
    assert api.is_pdf(b"junk%PDF-1.7\n")
    assert not api.is_pdf(b"{\"not\": \"a pdf\"}")


def test_json_ld_library_loads_when_a_credential_is_first_expanded() -> None:
    """Expanding a credential imports pyld then (so the check above can tell loaded from not)."""
    statement = (
        "from wallet.credentials.canonical import expand\n"
        "expand({'@context': 'https://www.w3.org/ns/credentials/v2', 'type': 'VerifiableCredential'})"
    )
    assert "pyld" in _loaded_after(statement)


def test_the_window_module_leaves_them_unloaded_too() -> None:
    """Importing the main window (every page) loads none of them either: the Share page draws résumé pages with
    pypdfium2 only when it previews one."""
    assert _loaded_after("import ui.main_window") == []

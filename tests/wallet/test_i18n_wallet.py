"""The wallet's sentences for people are marked for translation, read in Spanish, and a saved report does not
keep the language it was saved in."""

from __future__ import annotations

import ast
import copy
import json
import pickle
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from wallet.credentials import demo_issuers, formats
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status, said, status_sentence
from wallet.credentials.saved_report import SavedReport
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError, UsageError
from wallet.flows.onboarding import MISMATCH
from wallet.i18n import N_, _, set_language
from wallet.lifecycle import damage_sentence
from wallet.models import ENTRY_KIND_LABELS, EntryKind
from wallet.session import Session
from wallet.validation import check_new_passphrase
from wallet.wallet_care import backup_reminder

ROOT = Path(__file__).resolve().parents[2]
NOT_SHOWN = "# i18n: not shown"
OTHERS = ("wallet/sharing/", "wallet/skills/", "wallet/store/", "wallet/skills_service.py", "wallet/recovery_kit.py",
          "wallet/navigator_pdf.py")
"""Parts of wallet/ that other people mark (issue 13's skills and store, the sharing code, the two PDFs)."""

NOW = datetime(2026, 1, 1, tzinfo=UTC)
SPANISH_DAY = re.compile(r"Venció el \d{1,2} de [a-z]+ de \d{4}\.")
LEARNER = "did:example:learner"


def _ours() -> list[Path]:
    return sorted(path for path in (ROOT / "wallet").rglob("*.py")
                  if "__pycache__" not in path.parts
                  and not path.relative_to(ROOT).as_posix().startswith(OTHERS))


def _is_literal(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr)


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def unmarked(source: str) -> list[tuple[int, str]]:
    """(line, what) for each error raised, or report line made, with a bare literal as its sentence."""
    lines = source.splitlines()
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        message: ast.expr | None = None
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            message = node.exc.args[0]  # any exception: internal ones (_NotChecked) become report lines too
        elif isinstance(node, ast.Call) and len(node.args) >= 3:
            first = node.args[0]
            if _name(node.func) == "Check" or (
                    _name(node.func) == "add" and isinstance(first, ast.Attribute)
                    and isinstance(first.value, ast.Name) and first.value.id == "CheckName"):
                message = node.args[2]
        if message is None or not _is_literal(message):
            continue
        if any(NOT_SHOWN in lines[number - 1] for number in range(message.lineno, (message.end_lineno or 0) + 1)):
            continue
        found.append((message.lineno, ast.get_source_segment(source, message) or "")[:80])
    return found


@pytest.fixture
def spanish() -> Iterator[None]:
    set_language("es")
    try:
        yield
    finally:
        set_language("en")


def _verify(document: dict[str, object]) -> ItemReport:
    [item] = formats.parse(json.dumps(document).encode())
    return Verifier(VerifyOptions(now=NOW)).verify(item)


def test_every_error_and_report_line_of_the_wallet_is_marked() -> None:
    """No `raise XError("…")` or check line in our part of wallet/ carries a sentence that is not marked."""
    problems = [f"{path.relative_to(ROOT)}:{line}: {text}"
                for path in _ours() for line, text in unmarked(path.read_text(encoding="utf-8"))]
    assert not problems, "Wrap these in _() (errors) or said(N_(…)) (check lines):\n" + "\n".join(problems)


def test_the_guard_finds_a_bare_sentence_and_honours_the_marker() -> None:
    """The scanner flags plain and f-string messages, passes marked ones and lines marked as never shown."""
    source = '\n'.join([
        'raise UsageError("The file is empty.")',
        'raise errors.StorageError(f"The disk at {path} is full.")',
        'report.add(CheckName.SIGNATURE, Outcome.PASSED, "The signature is valid.")',
        'raise UsageError(_("The file is empty."))',
        'raise UsageError("internal: bad state")  # i18n: not shown',
        'report.add(CheckName.SIGNATURE, Outcome.PASSED, said(N_("The signature is valid.")))',
        'raise UsageError(message)',
        'raise _NotChecked(f"The list at {url} is not available offline.")',
    ])
    assert sorted(line for line, _text in unmarked(source)) == [1, 2, 3, 8]


def test_errors_read_in_spanish(spanish: None) -> None:
    """Real errors from the wallet say their sentence in Spanish once the language is Spanish."""
    with pytest.raises(UsageError) as short:
        check_new_passphrase("abc")
    assert str(short.value).startswith("Elija una frase de contraseña de al menos 8 caracteres")
    with pytest.raises(CredentialFormatError) as empty:
        formats.parse(b"")
    assert str(empty.value) == "El archivo está vacío."
    with pytest.raises(CredentialFormatError) as junk:
        formats.parse(b"not json")
    assert str(junk.value).startswith("Esto no es una credencial")


def test_errors_stay_english_by_default() -> None:
    """Without a language chosen, the same errors keep their English (the command line and the tests)."""
    with pytest.raises(CredentialFormatError) as empty:
        formats.parse(b"")
    assert str(empty.value) == "The file is empty."


def test_a_verification_report_reads_in_spanish(spanish: None) -> None:
    """A real report made in Spanish: its status sentence and its check lines are Spanish."""
    report = _verify(demo_issuers.expired_cpr(LEARNER))
    assert report.status is Status.NOT_VERIFIED
    assert status_sentence(report.status) == "No verificado: al menos una comprobación falló."
    validity = next(c for c in report.checks if c.check is CheckName.VALIDITY)
    assert validity.outcome is Outcome.FAILED and SPANISH_DAY.fullmatch(validity.message), validity.message
    trusted = next(c for c in report.checks if c.check is CheckName.TRUSTED_ISSUER)
    assert "no está en su lista de emisores de confianza" in trusted.message
    printed, stored = report.to_json(), report.to_json(kept=True)  # the command line's and the wallet's
    for data in (printed, stored):
        assert next(c for c in data["checks"] if c["check"] == "validity period")["message"].startswith("Expired on ")
    assert all(set(c) == {"check", "outcome", "message"} for c in printed["checks"])  # --json keeps its shape
    assert all("said" in c for c in stored["checks"])


def test_a_report_saved_in_english_reads_in_spanish_after_switching() -> None:
    """A report saved in English shows its lines in Spanish after the switch, and in English again after."""
    saved_json = _verify(demo_issuers.expired_cpr(LEARNER)).to_json(kept=True)
    saved = SavedReport.from_json(json.loads(json.dumps(saved_json)))
    english = [check.message for check in saved.checks]
    assert any(line.startswith("Expired on ") for line in english)
    set_language("es")
    try:
        spanish = [check.message for check in saved.checks]
        assert any(line.startswith("Venció el ") for line in spanish)
        assert any(SPANISH_DAY.fullmatch(line) for line in spanish), spanish  # the date too: "12 de junio de 2023"
        assert any("no está en su lista de emisores de confianza" in line for line in spanish)
        assert spanish != english
    finally:
        set_language("en")
    assert [check.message for check in saved.checks] == english


def test_an_older_saved_report_reads_in_spanish_where_its_sentence_is_known(spanish: None) -> None:
    """A line saved before reports kept their marked message still reads in Spanish when its English is one."""
    data = {"status": "unverifiable", "checks": [
        {"check": "issuer key", "outcome": "not checked", "message": "The issuer's key is not available offline."},
        {"check": "signature", "outcome": "failed", "message": "Something this version never said."}]}
    first, second = SavedReport.from_json(data).checks
    assert first.message == "La clave del emisor no está disponible sin conexión."
    assert second.message == "Something this version never said."


def test_a_sentence_made_of_another_keeps_both_languages(spanish: None) -> None:
    """A check line that quotes another marked line is saved in English and shown in Spanish, inner part too."""
    inner = ItemReport("vc", None, [], None, None, None)
    inner.add(CheckName.PRESENTATION, Outcome.NOT_CHECKED,
              said(N_("The holder's proof was not checked: {message}"),
                   message=said(N_("The issuer's key is not available offline."))))
    [line] = inner.to_json(kept=True)["checks"]
    assert line["message"] == "The holder's proof was not checked: The issuer's key is not available offline."
    [saved] = SavedReport.from_json({"status": "unverifiable", "checks": [line]}).checks
    assert saved.message == ("La prueba del titular no se comprobó: "
                             "La clave del emisor no está disponible sin conexión.")


def test_wallet_words_read_in_spanish(spanish: None) -> None:
    """Entry kinds, the backup reminder and the onboarding sentences follow the language."""
    assert _(ENTRY_KIND_LABELS[EntryKind.CAREGIVING]) == "Cuidado de familiares"
    assert backup_reminder(None, NOW).startswith("Nunca se ha hecho una copia de seguridad")
    assert _(MISMATCH).startswith("Las dos frases de contraseña son distintas")
    one, two = (damage_sentence(Path("/w"), ["Page 3: bad"] * count, opened=True) for count in (1, 2))
    assert one.startswith("La billetera en /w está dañada (1 de sus páginas no pasa la comprobación);")
    assert two.startswith("La billetera en /w está dañada (2 de sus páginas no pasan la comprobación);")


def test_a_credential_imported_in_english_reads_in_spanish_from_the_wallet(session: Session) -> None:
    """The real path: imported (and its report saved) in English, read back from the wallet in Spanish."""
    data = json.dumps(demo_issuers.expired_cpr(session.did)).encode()
    [outcome] = session.credentials.import_bytes(data, "cpr.json")
    assert outcome.record_id is not None
    assert outcome.message.startswith("Imported ")
    set_language("es")
    try:
        report = session.credentials.last_report(outcome.record_id)
        assert report is not None
        lines = [check.message for check in report.checks]
        assert any(SPANISH_DAY.fullmatch(line) for line in lines), lines
        assert any(line.startswith("Emitida a usted") for line in lines), lines
        assert session.credentials.details(outcome.record_id).kind_name == "Insignia Open Badge"
    finally:
        set_language("en")
    report = session.credentials.last_report(outcome.record_id)
    assert report is not None and any(c.message.startswith("Expired on ") for c in report.checks)


def test_a_sentence_survives_a_copy() -> None:
    """A report line copied or pickled keeps its marked message and values (dataclasses.asdict deep-copies)."""
    line = said(N_("Valid until {end}."), end=NOW)
    for copied in (copy.deepcopy(line), pickle.loads(pickle.dumps(line))):
        assert copied == line and copied.template == line.template and copied.english == "Valid until 1 January 2026."

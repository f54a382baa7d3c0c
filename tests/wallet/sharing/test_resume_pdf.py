"""The PDF skills résumé: a real PDF from a real signed bundle, read back with pypdf, zxing-cpp and pypdfium2."""

from __future__ import annotations

import io
import json
import random
import zlib
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject, StreamObject
from reportlab.lib.pagesizes import A4, LETTER

from tests.wallet.sharing.resume_kit import MARKER, STATEMENT, Shared, demo_share, mapped_characters, page_text
from wallet.api import InvalidInputError, Status, UsageError
from wallet.credentials.report import Outcome
from wallet.sharing import qr_codec
from wallet.sharing.pdf_attachment import (
    BUNDLE_FILE_NAME,
    attach,
    attached_bundle,
    compare,
    is_pdf,
    printed_codes,
    read_resume_pdf,
)
from wallet.sharing.pdf_check import check_resume_pdf
from wallet.sharing.resume_content import Standing
from wallet.sharing.resume_pdf import (
    Layout,
    Paper,
    PrintedCode,
    layout_of,
    make_resume_pdf,
    paper_of,
    printed_codes_for,
    render,
)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    made = demo_share(tmp_path_factory.mktemp("resume"))
    yield made
    made.session.lock()


@pytest.fixture(scope="module")
def codes(shared: Shared) -> list[PrintedCode]:
    return printed_codes_for(shared.bundle)


@pytest.fixture(scope="module")
def pdf(shared: Shared) -> bytes:
    return make_resume_pdf(shared.bundle, shared.content)


def _in_order(text: str, marks: list[str]) -> list[str]:
    """The marks not found after the one before them (empty when they all come in this order)."""
    place, missing = 0, []
    for mark in marks:
        found = text.find(mark, place)
        if found < 0:
            missing.append(mark)
        else:
            place = found + len(mark)
    return missing


def _swap_attachment(pdf: bytes, bundle: bytes) -> bytes:
    """The same pages with another file attached under the bundle's name (what a forger would do)."""
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        writer.add_page(page)
    writer.add_attachment(BUNDLE_FILE_NAME, bundle)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_content_comes_from_the_bundle_with_verdicts(shared: Shared) -> None:
    """The résumé model holds the holder's name, statement, skills with evidence and each record's verdict."""
    content = shared.content
    assert content.name == "Sam Rivera (demo)"
    assert content.statement == STATEMENT
    assert content.recipient == "Acme Logistics"
    standings = {r.title: r.standing for r in content.records}
    assert standings["Certified Forklift Operator"] is Standing.VERIFIED
    assert standings["CPR and First Aid (Adult)"] is Standing.NOT_VERIFIED  # expired in 2023
    assert standings["Warehouse Associate"] is Standing.SELF_ASSERTED
    forklift = next(r for r in content.records if r.title == "Certified Forklift Operator")
    assert forklift.issued.startswith("2022-05-16") and forklift.valid_until.startswith("2027-05-16")
    keys = {r.key for r in content.records}
    assert content.skills and all(set(s.evidence) <= keys for s in content.skills)
    assert any(s.evidence for s in content.skills)


def test_pdf_opens_with_title_author_language(pdf: bytes, shared: Shared) -> None:
    """pypdf opens the PDF; title, author and language are set; the text can be extracted."""
    reader = PdfReader(io.BytesIO(pdf))
    assert is_pdf(pdf) and len(reader.pages) >= 1
    assert reader.metadata is not None
    assert reader.metadata.title.startswith("Sam Rivera (demo) — résumé")
    assert reader.metadata.author == "Sam Rivera (demo)"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_text_is_in_reading_order_skills_first(pdf: bytes) -> None:
    """Skills-first: name, contacts, profile, skills, records, then how to check it, in that order."""
    text = page_text(pdf)
    marks = ["Sam Rivera (demo)", "sam.learner@example.org", "Profile", "Three years on a busy loading dock",
             "Skills", "Records", "Certified Forklift Operator", "Check this résumé", "ler-wallet verify resume.pdf"]
    assert _in_order(text, marks) == []


def test_chronological_layout_orders_sections_and_dates(shared: Shared, codes: list[PrintedCode]) -> None:
    """Chronological: experience (newest first), then learning and credentials, then skills, then the check."""
    text = page_text(render(shared.content, codes, Layout.CHRONOLOGICAL))
    marks = ["Profile", "Experience", "Shift Lead, Front of House", "Warehouse Associate", "Learning and credentials",
             "Skills", "Check this résumé"]
    assert _in_order(text, marks) == []


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("paper", list(Paper))
def test_both_layouts_on_both_papers(shared: Shared, codes: list[PrintedCode], layout: Layout, paper: Paper) -> None:
    """Each layout prints on A4 and US Letter pages, with every chosen record, its codes and the bundle."""
    made = attach(render(shared.content, codes, layout, paper), shared.bundle)
    reader = PdfReader(io.BytesIO(made))
    size = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    assert size == pytest.approx(A4 if paper is Paper.A4 else LETTER)
    text = page_text(made)
    assert all(r.title in text for r in shared.content.records)
    assert attached_bundle(made) == shared.bundle
    assert read_resume_pdf(made).printed.outcome is Outcome.PASSED


def test_attachment_round_trips_exactly(pdf: bytes, shared: Shared) -> None:
    """The attached file is the signed bundle byte for byte, named resume-bundle.json, typed as JSON."""
    assert attached_bundle(pdf) == shared.bundle
    reader = PdfReader(io.BytesIO(pdf))
    assert list(reader.attachments) == [BUNDLE_FILE_NAME]
    names = reader.trailer["/Root"]["/Names"]["/EmbeddedFiles"]["/Names"]
    spec = names[1].get_object()
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/application/json"
    assert spec["/AFRelationship"] == "/Source"


def test_printed_codes_carry_the_attached_bundle(pdf: bytes, shared: Shared) -> None:
    """The QR codes drawn on the pages are read back from the PDF's images and decode to the attachment."""
    codes = printed_codes(pdf)
    assert codes and all(c.startswith("LW1:") for c in codes)
    found = read_resume_pdf(pdf)
    assert found.bundle == shared.bundle
    assert found.printed.outcome is Outcome.PASSED


def test_printed_codes_scan_from_a_150_dpi_rendering(pdf: bytes) -> None:
    """Rendered at 150 dpi (as a scan of the printed page would be), every printed code reads."""
    document = pypdfium2.PdfDocument(pdf)
    texts = []
    for index in range(len(document)):
        image = document[index].render(scale=150 / 72).to_pil()
        texts += [c.text for c in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode) if c.valid]
    assert sorted(texts) == sorted(printed_codes(pdf))


def test_verify_pdf_passes_for_the_untouched_pdf(pdf: bytes, shared: Shared) -> None:
    """Checking the PDF checks its bundle (holder proof, credentials) and the printed-code comparison passes."""
    report = check_resume_pdf(pdf, shared.session.credentials.options())
    printed = [c for c in report.checks if "printed" in c.message]
    assert printed and printed[0].outcome is Outcome.PASSED
    assert report.proof.outcome is Outcome.PASSED
    assert report.recipient == "Acme Logistics"
    assert report.statement is not None


def test_tampered_attachment_fails_verify(pdf: bytes, shared: Shared) -> None:
    """A bundle changed inside the attachment fails its signatures and no longer matches the printed codes."""
    bundle = json.loads(shared.bundle)
    forklift = next(c for c in bundle["verifiableCredential"] if c.get("name") == "Certified Forklift Operator")
    forklift["name"] = "Certified Crane Operator"
    forged = _swap_attachment(pdf, json.dumps(bundle).encode())
    report = check_resume_pdf(forged, shared.session.credentials.options())
    assert report.status is Status.NOT_VERIFIED
    assert any(c.outcome is Outcome.FAILED and "different bundle" in c.message for c in report.checks)
    crane = next(i for i in report.items if i.name == "Certified Crane Operator")
    assert crane.status is Status.NOT_VERIFIED


def test_attachment_and_codes_of_two_genuine_bundles_are_told_apart(pdf: bytes, shared: Shared) -> None:
    """A genuine bundle of another share attached under printed codes of this one: the mismatch fails it."""
    other = shared.session.sharing.share(shared.view_id, form="pdf", to="Someone Else Inc").data
    report = check_resume_pdf(_swap_attachment(pdf, other), shared.session.credentials.options())
    assert report.recipient == "Someone Else Inc"
    mismatch = [c for c in report.checks if "different bundle" in c.message]
    assert mismatch and mismatch[0].outcome is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


def test_pdf_without_codes_is_warned_not_verified(shared: Shared) -> None:
    """A PDF whose pages carry no readable code is at best "with warnings": the comparison was not made."""
    bare = attach(render(shared.content, []), shared.bundle)
    assert compare(shared.bundle, printed_codes(bare)).outcome is Outcome.WARNING
    report = check_resume_pdf(bare, shared.session.credentials.options())
    assert report.status is not Status.VERIFIED


def test_codes_alone_still_carry_the_bundle(pdf: bytes, shared: Shared) -> None:
    """Without its attachment the PDF's printed codes still give the bundle, with a warning saying so."""
    stripped = io.BytesIO()
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        writer.add_page(page)
    writer.write(stripped)
    found = read_resume_pdf(stripped.getvalue())
    assert found.bundle == shared.bundle
    assert found.printed.outcome is Outcome.WARNING


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", b"%PDF-1.4\n%garbage\n", b"%PDF-1.7\n" + b"\x00" * 500])
def test_unreadable_pdfs_are_one_sentence(data: bytes) -> None:
    """Junk, truncated or empty PDFs raise InvalidInputError with a sentence, never a crash."""
    with pytest.raises(InvalidInputError) as caught:
        read_resume_pdf(data)
    assert caught.value.message.endswith(".")


def test_truncated_resume_pdf_is_refused_cleanly(pdf: bytes) -> None:
    """A résumé PDF cut in half is refused with a sentence (or still read, if what survives is whole)."""
    try:
        found = read_resume_pdf(pdf[: len(pdf) // 2])
    except InvalidInputError as exc:
        assert exc.message
    else:
        assert found.printed.outcome in (Outcome.PASSED, Outcome.WARNING, Outcome.FAILED)


def test_pdf_with_nothing_to_check_says_so(shared: Shared) -> None:
    """A PDF with neither an attachment nor codes is refused with the reason."""
    with pytest.raises(InvalidInputError, match="nothing in it to check"):
        read_resume_pdf(render(shared.content, []))


def test_layout_and_paper_names(tmp_path: Path) -> None:
    """Layouts and papers are read from their names; anything else is a usage error that lists the choices."""
    assert layout_of(" Chronological ") is Layout.CHRONOLOGICAL and paper_of("LETTER") is Paper.LETTER
    with pytest.raises(UsageError, match="skills"):
        layout_of("timeline")
    with pytest.raises(UsageError, match="letter"):
        paper_of("a5")


# -- nothing outside the view ---------------------------------------------------------------------------------
def _everything_a_reader_gets(pdf: bytes) -> str:
    """Page text, every metadata value, and the attached files, as one string."""
    reader = PdfReader(io.BytesIO(pdf))
    metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
    attached = " ".join(b.decode("utf-8", "replace") for files in reader.attachments.values() for b in files)
    return "\n".join([page_text(pdf), metadata, attached])


@pytest.mark.parametrize("layout", list(Layout))
def test_records_left_out_leave_no_trace(shared: Shared, codes: list[PrintedCode], layout: Layout) -> None:
    """A record the view left out (holding a marker) is in no text, metadata, attachment, code or font subset."""
    assert shared.left_out  # the marker record exists in the wallet...
    record = shared.session.get_record(shared.left_out[0])
    assert MARKER in record.title  # ...and holds the marker
    made = attach(render(shared.content, codes, layout), shared.bundle)
    assert MARKER not in _everything_a_reader_gets(made)
    assert "ZQXMARKER" not in _everything_a_reader_gets(made)
    assert all(MARKER not in text for text in printed_codes(made))
    assert "ZQXMARKER" not in qr_codec.decode(printed_codes(made)).decode()
    subset = mapped_characters(made)
    assert "Ж" not in subset and "ё" not in subset  # the marker's letters were never embedded
    assert "ü" not in subset or "ü" in page_text(made)  # a subset holds only what the page shows


def test_marker_search_would_find_a_chosen_record(shared: Shared, codes: list[PrintedCode]) -> None:
    """The search above can fail: a chosen record's title is found in the text, the attachment and the subset."""
    title = shared.content.records[0].title
    made = attach(render(shared.content, codes), shared.bundle)
    assert title in _everything_a_reader_gets(made)
    assert set(title.replace(" ", "")) <= mapped_characters(made)


def test_damaged_pdfs_never_crash(pdf: bytes) -> None:
    """Bytes changed or cut anywhere: the PDF is read (with its verdict) or refused with a sentence, nothing else."""
    rng = random.Random(10)
    outcomes = set()
    for _ in range(80):
        data = bytearray(pdf)
        for _ in range(rng.choice([1, 4, 16])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        try:
            outcomes.add(read_resume_pdf(bytes(data)).printed.outcome)
        except InvalidInputError as exc:
            assert exc.message.endswith(".")
            outcomes.add(None)
    assert Outcome.PASSED in outcomes and None in outcomes  # both kinds of damage were met


def test_a_damaged_code_fails_the_comparison_but_not_the_reading(pdf: bytes, shared: Shared) -> None:
    """A printed code whose image is garbled: the attachment is still read; the codes no longer make the bundle."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        for ref in xobjects.get_object().values() if xobjects is not None else []:
            image = ref.get_object()
            if image.get("/Subtype") == "/Image":
                image.set_data(bytes(len(image.get_data())))  # every module white: nothing to read
                break
        else:
            continue
        break
    out = io.BytesIO()
    writer.write(out)
    found = read_resume_pdf(out.getvalue())
    assert found.bundle == shared.bundle
    assert found.printed.outcome is Outcome.FAILED and "do not make one bundle" in found.printed.message


def test_the_resume_is_printed_in_the_language_in_use(shared: Shared) -> None:
    """In Spanish the headings, marks, dates and fixed sentences are Spanish and /Lang says 'es'; the skills keep
    their English taxonomy labels; back in English it is English again."""
    from wallet.i18n import set_language

    try:
        set_language("es")
        spanish = make_resume_pdf(shared.bundle, shared.content)
    finally:
        set_language("en")
    reader = PdfReader(io.BytesIO(spanish))
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert reader.metadata is not None and "currículum" in reader.metadata.title
    text = page_text(spanish)
    marks = ["Sam Rivera (demo)", "Perfil", "Habilidades", "Registros", "Certified Forklift Operator",
             "Compruebe este currículum", "ler-wallet verify resume.pdf"]
    assert _in_order(text, marks) == []
    assert "✓ Verificado" in text and "verificable: vea la última página" in text
    assert "Check this résumé" not in text and "Profile" not in text
    english = page_text(make_resume_pdf(shared.bundle, shared.content))
    assert "Check this résumé" in english and "Compruebe" not in english


def _zeros_deflated(size: int) -> bytes:
    """`size` zero bytes, deflated a megabyte at a time (never held whole): a small stream that inflates huge."""
    packer = zlib.compressobj(9)
    chunk = b"\x00" * (1024 * 1024)
    return b"".join(packer.compress(chunk) for _ in range(size // len(chunk))) + packer.flush()


def _with_bomb(pdf: bytes, where: str) -> bytes:
    """The résumé with its attached file ("attachment") or the content of its page of codes ("page") replaced by a
    stream that inflates to 200 MB, more than pypdf's cap on one stream."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if where == "page":
        contents = writer.pages[-1]["/Contents"].get_object()  # the page that paints the codes
        target = contents[0].get_object() if isinstance(contents, ArrayObject) else contents
    else:
        target = next(o for o in writer._objects if isinstance(o, StreamObject) and o.get("/Type") == "/EmbeddedFile")
    assert isinstance(target, StreamObject)
    target._data = _zeros_deflated(200 * 1024 * 1024)
    target.pop(NameObject("/DecodeParms"), None)
    target[NameObject("/Filter")] = NameObject("/FlateDecode")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("where", ["attachment", "page"])
def test_a_decompression_bomb_inside_the_pdf_is_refused_with_a_sentence(pdf: bytes, where: str) -> None:
    """A 0.2 MB stream that would inflate to 200 MB (in the attached file or a page) is refused at pypdf's cap
    with a plain sentence, not read whole and not reported as a crash."""
    bomb = _with_bomb(pdf, where)
    assert len(bomb) < len(pdf) + 1_000_000
    with pytest.raises(InvalidInputError, match="would unpack to far more than any résumé"):
        attached_bundle(bomb) if where == "attachment" else printed_codes(bomb)

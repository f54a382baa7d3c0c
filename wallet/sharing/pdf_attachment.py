"""The signed bundle inside a résumé PDF: attached as a file (reportlab draws pages but has no embedded-file API,
so pypdf adds it afterwards), and read back with the QR codes printed on the pages.

The printed codes are read from the page images themselves (pypdf hands over each image the page paints,
zxing-cpp reads it), not from a rendering of the page: the images are exact, so reading them is quick and
certain, and it needs no PDF renderer. A code hidden under a drawing would still be read; what the PDF's
attachment and its codes carry must be the same bundle either way, so hiding one changes nothing a verifier
relies on.

A PDF from anywhere is untrusted: its size, page count, image count and image sizes are bounded before
anything is decoded, and whatever pypdf refuses becomes one sentence.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from dataclasses import dataclass
from typing import Any

import zxingcpp
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, StreamObject, TextStringObject

from wallet.credentials.limits import MAX_INPUT_BYTES
from wallet.credentials.report import Outcome
from wallet.errors import InvalidInputError
from wallet.sharing import qr_codec
from wallet.sharing.qr_codec import QrCodeError

BUNDLE_FILE_NAME = "resume-bundle.json"
"""The name of the attached signed bundle."""
MAX_PAGES = 60
MAX_IMAGES = 200
MAX_IMAGE_PIXELS = 16_000_000
_PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError,
               NotImplementedError, ArithmeticError, struct.error, zlib.error)
"""What pypdf, Pillow and zlib raise on a damaged file; each becomes a sentence or a code not read."""
BUNDLE_DESCRIPTION = "The signed bundle (a W3C Verifiable Presentation) this résumé was printed from"


@dataclass(frozen=True)
class PrintedMatch:
    """Whether the QR codes printed in the PDF carry the same bundle as its attachment."""

    outcome: Outcome
    message: str

    def to_json(self) -> dict[str, str]:
        return {"check": "printed QR code", "outcome": str(self.outcome), "message": self.message}


@dataclass(frozen=True)
class ResumePdf:
    """What a résumé PDF carries: the bundle to verify, and how its printed codes compare with it."""

    bundle: bytes
    codes: tuple[str, ...]
    """The text of every LER Wallet code read from the pages, in page order."""
    printed: PrintedMatch


def is_pdf(data: bytes) -> bool:
    """Whether the bytes are a PDF (by its header, which may follow a little junk, as readers allow)."""
    return b"%PDF-" in data[:1024]


def attach(pdf: bytes, bundle: bytes) -> bytes:
    """The PDF with the bundle attached as resume-bundle.json (its metadata and language kept)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    embedded = writer.add_attachment(BUNDLE_FILE_NAME, bundle)
    embedded.subtype = NameObject("/application/json")  # a MIME type as a PDF name (pypdf writes the slash #2F)
    embedded.description = TextStringObject(BUNDLE_DESCRIPTION)
    _relate(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _relate(writer: PdfWriter) -> None:
    """Say (PDF 2.0 /AF) that the attachment is the data the document was made from."""
    names = writer.root_object.get("/Names")
    embedded = names.get_object().get("/EmbeddedFiles") if names is not None else None
    if embedded is None:
        return
    pairs = embedded.get_object().get("/Names") or []
    specs = [pairs[i + 1] for i in range(0, len(pairs), 2)]
    for spec in specs:
        spec.get_object()[NameObject("/AFRelationship")] = NameObject("/Source")
    writer.root_object[NameObject("/AF")] = ArrayObject(specs)


def _reader(data: bytes) -> PdfReader:
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidInputError(f"The PDF is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; it was not read.")
    try:
        logging.getLogger("pypdf").setLevel(logging.ERROR)
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise InvalidInputError("The PDF is encrypted, so its attachment and codes cannot be read.")
        if len(reader.pages) > MAX_PAGES:
            raise InvalidInputError(f"The PDF has more than {MAX_PAGES} pages; a résumé has far fewer.")
    except _PDF_ERRORS as exc:
        raise InvalidInputError(f"The PDF is damaged and cannot be read ({type(exc).__name__}).") from None
    return reader


def attached_bundle(data: bytes) -> bytes | None:
    """The bundle attached to a résumé PDF, or None when it has none."""
    reader = _reader(data)
    try:
        found = reader.attachments.get(BUNDLE_FILE_NAME) or []
    except LimitReachedError:
        raise InvalidInputError("The PDF's attachment would unpack to far more than any résumé bundle; it was not "
                                "read.") from None
    except _PDF_ERRORS as exc:
        raise InvalidInputError(f"The PDF's attachment cannot be read ({type(exc).__name__}).") from None
    if not found:
        return None
    if len(found) > 1:
        raise InvalidInputError(f"The PDF has {len(found)} files named {BUNDLE_FILE_NAME}; a résumé has one.")
    bundle = found[0]
    if len(bundle) > MAX_INPUT_BYTES:
        raise InvalidInputError("The attached bundle is too large to be a résumé bundle.")
    return bundle


_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")


def _painted(page: Any) -> set[str]:
    """Names of the XObjects the page's content paints (the `Do` operator), found without parsing every
    operator (a name holds no whitespace or delimiter, so a pattern finds each one)."""
    contents = page.get_contents()
    if contents is None:
        return set()
    return {"/" + name.decode("latin-1") for name in _DO.findall(contents.get_data())}


def _image(page: Any, name: str, obj: DictionaryObject) -> Image.Image | None:
    """The image, read straight from its samples when it is 8-bit grey (as the résumé draws its codes), else
    through pypdf's general image reader."""
    grey = obj.get("/ColorSpace") == "/DeviceGray" and obj.get("/BitsPerComponent") == 8 and "/SMask" not in obj
    if grey and isinstance(obj, StreamObject):
        width, height = int(obj["/Width"]), int(obj["/Height"])  # type: ignore[call-overload]
        samples = obj.get_data()
        if len(samples) == width * height:
            return Image.frombytes("L", (width, height), samples)
    found: Image.Image | None = page.images[name].image
    return found


def printed_codes(data: bytes) -> list[str]:
    """The text of every QR code painted on the PDF's pages as an image, in page order. An image that cannot
    be decoded is passed over (its code then counts as not printed), so damage there never hides the
    attachment from being checked."""
    reader = _reader(data)
    texts: list[str] = []
    seen = 0
    try:
        for page in reader.pages:
            resources = page.get("/Resources")
            xobjects = resources.get_object().get("/XObject") if resources is not None else None
            xobjects = xobjects.get_object() if xobjects is not None else None
            if not isinstance(xobjects, DictionaryObject):
                continue
            for name in sorted(_painted(page)):
                obj = xobjects.get(name)
                obj = obj.get_object() if obj is not None else None
                if not isinstance(obj, DictionaryObject) or obj.get("/Subtype") != "/Image":
                    continue
                seen += 1
                if seen > MAX_IMAGES:
                    raise InvalidInputError(f"The PDF paints more than {MAX_IMAGES} images; they were not all read.")
                texts += _codes_in(page, name, obj)
    except InvalidInputError:
        raise
    except LimitReachedError:
        raise InvalidInputError("A page of the PDF would unpack to far more than any résumé page; it was not "
                                "read.") from None
    except _PDF_ERRORS as exc:
        raise InvalidInputError(f"The PDF is damaged: its pages cannot be read ({type(exc).__name__}).") from None
    return [t for t in texts if t.startswith(qr_codec.PREFIX)]


def _codes_in(page: Any, name: str, obj: DictionaryObject) -> list[str]:
    """The QR texts one painted image holds ([] when it is too large or cannot be decoded)."""
    try:
        width, height = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
        if not 0 < width * height <= MAX_IMAGE_PIXELS:
            return []
        image = _image(page, name, obj)
        if image is None:
            return []
        if max(image.size) < 600:  # one pixel a module as printed: zxing-cpp wants a few
            image = image.convert("L").resize((image.width * 4, image.height * 4), Image.Resampling.NEAREST)
    except (*_PDF_ERRORS, Image.DecompressionBombError):
        return []
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    return [code.text for code in found if code.valid and code.text]


def compare(bundle: bytes | None, codes: list[str]) -> PrintedMatch:
    """How the printed codes compare with the attached bundle (exact bytes: the codes decode to the bundle)."""
    if not codes:
        return PrintedMatch(Outcome.WARNING, "No LER Wallet QR code could be read from the PDF's pages, so the "
                                             "printed code was not compared with the attached bundle.")
    try:
        printed = qr_codec.decode(codes)
    except QrCodeError as exc:
        return PrintedMatch(Outcome.FAILED, f"The printed QR codes do not make one bundle: {exc.message}")
    if bundle is None:
        return PrintedMatch(Outcome.WARNING, "The PDF has no attached bundle; the bundle was read from its printed "
                                             "QR codes.")
    if printed != bundle:
        return PrintedMatch(Outcome.FAILED, "The printed QR codes carry a different bundle from the one attached "
                                            "to the PDF: one of them was changed or swapped.")
    count = len(set(codes))
    what = "printed QR code carries" if count == 1 else f"{count} printed QR codes carry"
    return PrintedMatch(Outcome.PASSED, f"The {what} the same bundle as the PDF's attachment.")


def read_resume_pdf(data: bytes) -> ResumePdf:
    """The bundle a résumé PDF carries (its attachment, else its printed codes) and how the two compare."""
    bundle = attached_bundle(data)
    codes = printed_codes(data)
    printed = compare(bundle, codes)
    if bundle is None:
        if not codes:
            raise InvalidInputError("This PDF holds neither an attached bundle nor a readable LER Wallet QR "
                                    "code, so there is nothing in it to check.")
        try:
            bundle = qr_codec.decode(codes)
        except QrCodeError as exc:
            raise InvalidInputError(f"The PDF has no attached bundle and its QR codes do not make one: "
                                    f"{exc.message}") from None
    return ResumePdf(bundle, tuple(codes), printed)

"""The Share page's slow work, run on the wallet's job thread (no Qt here): sign a view as a bundle and make
everything the learner may send from it (the PDF résumé and its page images, the QR codes), then write one form
to a file and note it in the share history.

The preview and the files come from the same signed bundle, so what the page shows is exactly what leaves.
PDF pages are drawn with pypdfium2 (QtPdf is not in PySide6-Essentials): the real PDF's pages, not a copy.
"""

from __future__ import annotations

import io
import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from wallet.api import (
    QrImage,
    Session,
    SharedBundle,
    ShareRecord,
    UsageError,
    ViewRow,
    _,
    atomic_write,
    make_qr_set,
    resume_pdf,
)

PREVIEW_DPI = 150
"""Pages are drawn at the resolution a scanner reads (the preview scales them down, printing uses them as are)."""


@dataclass(frozen=True)
class Choice:
    """What the learner picked on the page."""

    view_id: str
    recipient: str
    expires: str
    layout: str
    paper: str


@dataclass(frozen=True)
class Prepared:
    """One signed bundle and every form made from it, ready to show, save or print."""

    choice: Choice
    shared: SharedBundle
    pdf: bytes
    pages: tuple[bytes, ...]
    """Each PDF page as a PNG at PREVIEW_DPI."""
    codes: tuple[QrImage, ...]


def views(session: Session) -> list[ViewRow]:
    return session.skills.views()


def history(session: Session) -> list[ShareRecord]:
    return session.sharing.history()


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> tuple[bytes, ...]:
    """Every page of a PDF as PNG bytes (pypdfium2 is imported here, on the first preview: 4 MB the app need not
    hold until then)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pages: list[bytes] = []
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72).to_pil()
            out = io.BytesIO()
            image.save(out, format="PNG")
            pages.append(out.getvalue())
            page.close()
        return tuple(pages)
    finally:
        document.close()


def prepare(session: Session, choice: Choice) -> Prepared:
    """Sign the view for the recipient and expiry, and make its PDF (with page images) and QR codes."""
    shared = session.sharing.prepare(choice.view_id, form="json", to=choice.recipient or None,
                                     expires=choice.expires or None)
    pdf = resume_pdf(shared.data, session.credentials.options(), choice.layout, choice.paper)
    return Prepared(choice, shared, pdf, render_pages(pdf), tuple(make_qr_set(shared.data)))


def note(session: Session, prepared: Prepared, form: str) -> list[ShareRecord]:
    """Write the share to the history as made in `form` (each form sent is its own line), and return the history."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    share = replace(prepared.shared.share, id=uuid.uuid4().hex, form=form, shared_at=stamp)
    session.sharing.record(replace(prepared.shared, share=share))
    return session.sharing.history()


def _file(path: Path) -> Path:
    if path.is_dir():
        raise UsageError(_("{path} is a folder; choose a file name.").format(path=path))
    return path


def save(session: Session, prepared: Prepared, form: str, path: Path) -> list[ShareRecord]:
    """Write one form ('json', 'pdf', 'jsonresume', or 'qr': a folder of PNG and SVG) and note the share."""
    if form == "json":
        atomic_write(_file(path), prepared.shared.data)
    elif form == "pdf":
        atomic_write(_file(path), prepared.pdf)
    elif form == "jsonresume":
        text = json.dumps(prepared.shared.json_resume(), indent=2, ensure_ascii=False) + "\n"
        atomic_write(_file(path), text.encode("utf-8"))
    elif form == "qr":
        if path.exists() and not path.is_dir():
            raise UsageError(_("{path} is a file; QR codes are saved into a folder.").format(path=path))
        path.mkdir(parents=True, exist_ok=True)
        for code in prepared.codes:
            stem = "bundle" if code.count == 1 else f"bundle-{code.index}-of-{code.count}"
            atomic_write(path / f"{stem}.png", code.png)
            atomic_write(path / f"{stem}.svg", code.svg)
    else:
        raise UsageError(_("There is no form called {form}.").format(form=repr(form)))
    return note(session, prepared, form)

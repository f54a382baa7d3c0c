"""A demo wallet with a saved view, shared as a real signed bundle, for the résumé PDF tests (not a test module)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import FAST_KDF, PASSPHRASE
from wallet.api import EntryInput, EntryKind, Session, create_wallet, populate_demo
from wallet.sharing.resume_content import ResumeContent, content_from_bundle

POSTING = ("Warehouse team lead: operate forklifts safely, customer service by phone and email, first aid, "
           "inventory spreadsheets in Excel, scheduling a small team.")
STATEMENT = ("Three years on a busy loading dock; I trained every new starter on the forklift.\n\n"
             "I want to lead a small team where safety and good service both count.")
MARKER = "ZQXMARKER Жёлудь"
"""Planted in records the view leaves out: it must appear in no output (Ж and ё are used nowhere else)."""


@dataclass
class Shared:
    session: Session
    bundle: bytes
    content: ResumeContent
    view_id: str
    left_out: list[str]


def demo_share(folder: Path, *, name: str | None = None, plant_marker: bool = True) -> Shared:
    """A demo wallet, a view for a warehouse lead posting, and its bundle shared for "Acme Logistics"."""
    made = create_wallet(folder / "resume.lerwallet", PASSPHRASE, kdf=FAST_KDF)
    session = made.session
    populate_demo(session)
    if name is not None:
        session.holder.set_profile(name, ["learner@example.org", "+1 555 0100"])
    left_out = []
    if plant_marker:
        left_out.append(session.add_entry(EntryInput(
            kind=EntryKind.JOB, title=f"Night shift at {MARKER}", organisation=f"{MARKER} Ltd",
            start="2019-01", end="2019-06", description=f"Secret details {MARKER}", skills=("operate forklift",))))
    view = session.skills.create_view("Warehouse lead", POSTING, auto=True)
    wanted = {"Certified Forklift Operator", "Customer Service with Digital Tools", "CPR and First Aid (Adult)",
              "Warehouse Associate", "Shift Lead, Front of House"}  # chosen by hand, whatever matching picks
    chosen = [r.id for r in session.list_records() if r.title in wanted or r.id in view.record_ids]
    session.skills.update_view(view.id, statement=STATEMENT, record_ids=[r for r in chosen if r not in left_out])
    shared = session.sharing.share(view.id, form="pdf", to="Acme Logistics")
    content = content_from_bundle(shared.data, session.credentials.options())
    return Shared(session, shared.data, content, view.id, left_out)


def page_text(pdf: bytes) -> str:
    """All the text pypdf extracts, pages in order."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(_stream(pdf)).pages)


def font_unicode_maps(pdf: bytes) -> str:
    """Every embedded font's ToUnicode map (which characters its subset can show), joined."""
    maps = []
    for page in PdfReader(_stream(pdf)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            if "/ToUnicode" in font:
                maps.append(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
    return "\n".join(maps)


def mapped_characters(pdf: bytes) -> set[str]:
    """The characters the embedded font subsets map to (from their ToUnicode bfchar/bfrange entries)."""
    pairs = re.findall(r"^<[0-9A-Fa-f]{2}> <([0-9A-Fa-f]+)>$", font_unicode_maps(pdf), flags=re.MULTILINE)
    return {chr(int(target, 16)) for target in pairs}


def _stream(pdf: bytes) -> io.BytesIO:
    return io.BytesIO(pdf)

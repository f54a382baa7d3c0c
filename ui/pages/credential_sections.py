"""Parts of a credential's detail: who issued it (and whether you trust them), the skills it aligns to,
and who endorsed it. Each function returns a finished widget for the detail pane.

Every value here may come from the credential's issuer, so each goes through `one_line` (names, IDs) or
`multiline` (comments) and into a plain-text label; tooltips go through `plain_tip`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.status import Look, breakable, status_look
from ui.widgets import FlowLayout, button, label, pill, plain_tip, selectable
from wallet.api import N_, CredentialDetails, Endorsement, _, format_date, multiline, ngettext, one_line

TRUSTED = Look("✓", N_("On your list of trusted issuers"), "good")
NOT_TRUSTED = Look("–", N_("Not on your list of trusted issuers"), "neutral")
TRUSTED_UNPROVEN = Look("!", N_("A trusted ID, but the signature does not prove it"), "warn")
"""A credential can name a trusted issuer's ID and fail its signature (an edited copy): no green pill then."""


def facts(rows: list[tuple[str, str, str]]) -> QGridLayout:
    """Caption / value rows; a missing value reads 'Not given'. Values are shown on one line, as plain text."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(18)
    grid.setVerticalSpacing(8)
    for row, (caption, raw, object_name) in enumerate(rows):
        value = one_line(raw)
        grid.addWidget(label(caption, "fieldName", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop)
        shown = breakable(value)
        value_label = label(shown or _("Not given"), "" if value else "muted", object_name=object_name)
        if shown == value:
            selectable(value_label)  # IDs shown with wrapping points are copied with their Copy button
        else:
            value_label.setToolTip(plain_tip(value))
            value_label.setAccessibleName(value)
        grid.addWidget(value_label, row, 1)
    grid.setColumnStretch(1, 1)
    return grid


def _copy(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)


def issuer_section(details: CredentialDetails) -> tuple[QWidget, list[QPushButton], QPushButton | None]:
    """Name, ID and trust of the issuer; 'Trust this issuer' when it is not trusted, and Copy ID.

    Returns the section, its buttons in tab order, and the trust button (None when already trusted)."""
    box = QWidget()
    box.setObjectName("issuerSection")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    rows = [(_("Name"), details.issuer_name, "issuerName"), (_("ID"), details.issuer_id, "issuerId")]
    if details.kind != "endorsement":  # an endorsement's subject is the thing it endorses
        rows.append((_("Issued to"), details.recipient, "issuedTo"))
    layout.addLayout(facts(rows))
    trust_look = (TRUSTED if details.signed_by_issuer else TRUSTED_UNPROVEN) if details.trusted else NOT_TRUSTED
    trust_state = pill(trust_look, "issuerTrust")
    layout.addWidget(trust_state, 0, Qt.AlignmentFlag.AlignLeft)
    if not details.trusted:
        advice = _("A good signature shows who signed it; trusting the issuer is your choice. Trust an issuer only "
                   "when you know the organisation and this ID is really theirs.")
        if not details.signed_by_issuer:
            advice = _("Careful: this credential's signature could not be confirmed, so it may not really come from "
                       "this issuer.") + " " + advice
        layout.addWidget(label(advice, "muted", object_name="trustAdvice"))
    buttons: list[QPushButton] = []
    trust: QPushButton | None = None
    if not details.trusted and details.issuer_id:
        trust = button(_("Trust this issuer"), "trustIssuerButton",
                       _("Trust {issuer}").format(issuer=one_line(details.issuer_name)))
        trust.setAccessibleDescription(
            _("Adds this issuer to your list of trusted issuers and checks its credentials again. "
              "Only do this if you know the organisation and this is its real ID."))
        trust.setToolTip(_("Add this issuer to your list of trusted issuers"))
        buttons.append(trust)
    if details.issuer_id:
        copy = button(_("Copy ID"), "copyIssuerIdButton", _("Copy the issuer's ID"))
        copy.setToolTip(_("Copy the issuer's ID exactly, to compare it or look it up"))
        issuer_id = details.issuer_id
        copy.clicked.connect(lambda: _copy(issuer_id))
        buttons.append(copy)
    if buttons:
        row = QHBoxLayout()
        row.setSpacing(10)
        for widget in buttons:
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
    return box, buttons, trust


def alignments_section(details: CredentialDetails, extra_skills: tuple[str, ...]) -> QWidget:
    """The skills the achievement is aligned to (e.g. ESCO skills), then any other skills and tags it names."""
    box = QWidget()
    box.setObjectName("detailSkills")
    flow = FlowLayout(box, spacing=6)
    names: list[str] = []
    for alignment in details.aligned_skills:
        target = one_line(alignment.name or alignment.code)
        if not target:
            continue
        framework = one_line(alignment.framework)
        chip = label(f"{target} · {framework}" if framework else target, "chip", wrap=False)
        where = one_line(alignment.url)
        chip.setToolTip(plain_tip(_("{framework} skill: {link}").format(framework=framework, link=where)
                                  if where else target))
        flow.addWidget(chip)
        names.append(f"{target} ({framework})" if framework else target)
    seen = {a.name.lower() for a in details.aligned_skills}
    for skill in extra_skills:
        if skill.lower() not in seen:
            flow.addWidget(label(one_line(skill), "chip", wrap=False))
            names.append(one_line(skill))
    if not names:
        flow.addWidget(label(_("No skills listed."), "muted", wrap=False))
    box.setAccessibleName(", ".join(names) or _("No skills listed."))
    return box


def endorsements_section(endorsements: list[Endorsement]) -> QWidget:
    """objectName 'endorsementList': one card per endorsement with who, when, their words and its status."""
    box = QWidget()
    box.setObjectName("endorsementList")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    if not endorsements:
        layout.addWidget(label(_("No one has endorsed this yet."), "muted"))
        box.setAccessibleName(_("No endorsements"))
        return box
    spoken = []
    for item in endorsements:
        endorser, comment = one_line(item.endorser), multiline(item.comment)
        card = QFrame()
        card.setProperty("role", "panel")
        card.setObjectName("endorsement")
        column = QVBoxLayout(card)
        column.setContentsMargins(14, 10, 14, 12)
        column.setSpacing(6)
        column.addWidget(label(_("Endorsed by {endorser}").format(endorser=endorser), "strong",
                               object_name="endorser"))
        column.addWidget(pill(status_look(item.status)), 0, Qt.AlignmentFlag.AlignLeft)
        if comment:
            column.addWidget(selectable(label(f"“{comment}”", object_name="endorsementComment")))
        if item.date:
            column.addWidget(label(_("Signed {date}").format(date=signed_date(item.date)), "muted"))
        layout.addWidget(card)
        spoken.append(_("Endorsed by {endorser}, {status}: {comment}").format(
            endorser=endorser, status=status_look(item.status).word, comment=comment))
    count = len(endorsements)
    box.setAccessibleName(ngettext("{n} endorsement", "{n} endorsements", count).format(n=count))
    box.setAccessibleDescription("\n".join(spoken))
    return box


def signed_date(raw: str) -> str:
    """An endorsement's date as people read it ('4 December 2026'); the issuer's own text when it is no date."""
    text = one_line(raw)
    try:
        return format_date(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return text


def text_block(text: str, object_name: str) -> QLabel:
    """Several lines of plain text (control and bidi characters removed), selectable."""
    return selectable(label(multiline(text), object_name=object_name))

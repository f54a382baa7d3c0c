"""One shared bundle's report as widgets: the verdict, the holder's proof, recipient and expiry, a card per
credential with its checks, then the learner's statement, marked as their own words. Every text from the
bundle is shown as plain text (ui.widgets.label)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.status import check_name, outcome_look, status_look, status_sentence
from ui.widgets import label, pill, section, selectable
from wallet.api import BundleReport, ItemReport, _, combined_status, ngettext


def _panel(object_name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setProperty("role", "panel")
    column = QVBoxLayout(frame)
    column.setContentsMargins(14, 10, 14, 10)
    column.setSpacing(4)
    return frame, column


def _line(caption: str, text: str, object_name: str) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    key = label(caption, "fieldName", wrap=False)
    key.setMinimumWidth(140)
    layout.addWidget(key, 0, Qt.AlignmentFlag.AlignTop)
    value = selectable(label(text, object_name=object_name))
    value.setAccessibleName(f"{caption} {text}")
    layout.addWidget(value, 1)
    return row


def _untrusted(check: str, outcome: str) -> bool:
    """A trusted-issuer line that did not pass: the reader of a shared bundle has no list of their own here, so
    the summary says that once instead of a warning on every credential."""
    return check == "trusted issuer" and outcome != "passed"  # i18n: not shown


def _all_items(items: list[ItemReport]) -> list[ItemReport]:
    return [one for item in items for one in (item, *_all_items(list(item.children)))]


def _checks(column: QVBoxLayout, item: ItemReport, prefix: str) -> None:
    for check in item.checks:
        if _untrusted(check.check.value, check.outcome.value):
            continue
        row = QHBoxLayout()
        look = outcome_look(check.outcome.value)
        row.addWidget(pill(look), 0)
        title = check_name(check.check.value, "employer")
        text = selectable(label(_("{check}: {message}").format(check=title, message=check.message)))
        text.setObjectName(f"{prefix}_{'_'.join(check.check.value.split())}")
        text.setAccessibleName(_("{outcome}. {check}: {message}").format(outcome=look.word, check=title,
                                                                          message=check.message))
        row.addWidget(text, 1)
        column.addLayout(row)


def credential_card(item: ItemReport, holder: str | None, number: int) -> QFrame:
    """One credential: its name, who issued it (self-asserted when the holder signed it), verdict and checks."""
    frame, column = _panel(f"checkCredential{number}")
    top = QHBoxLayout()
    title = label(item.name or _("(no name)"), "subheading", object_name=f"checkCredentialName{number}")
    top.addWidget(title, 1)
    look = status_look(item.status.value)
    top.addWidget(pill(look, f"checkCredentialStatus{number}"), 0)
    column.addLayout(top)
    own = bool(holder) and item.issuer == holder
    issuer = item.issuer or _("not named")
    shown_issuer = (_("{issuer} — self-asserted: the learner signed this themselves").format(issuer=issuer)
                    if own else issuer)
    column.addWidget(_line(_("Issued by"), shown_issuer, f"checkCredentialIssuer{number}"))
    if not holder and item.subject:  # sent on its own: whom it names is for the checker to compare
        hashed = item.subject.lower().startswith(("sha256$", "sha512$", "md5$"))
        whom = _("a hashed identity (an email address, say): only someone who knows it can match it") if hashed \
            else item.subject
        column.addWidget(_line(_("Issued to"), whom, f"checkCredentialSubject{number}"))
    column.addWidget(label(status_sentence(item.status.value), "muted"))
    _checks(column, item, f"checkCredential{number}")
    for index, child in enumerate(item.children, start=1):
        inner = credential_card(child, holder, number * 100 + index)
        column.addWidget(inner)
    return frame


def _moment(stamp: str) -> str:
    """'2027-01-03T23:59:59Z' → '2027-01-03 23:59 UTC' (anything else as written)."""
    if len(stamp) >= 16 and stamp[10:11] == "T" and stamp.endswith("Z"):
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp


def verified_count(items: list[ItemReport]) -> str:
    """'6 of 7 records verified (2 with warnings)': the bundle's verdict is its worst record's, so the reader also
    sees how many records passed."""
    good = sum(1 for item in items if item.status.value in ("verified", "verified_with_warnings"))  # i18n: not shown
    warned = sum(1 for item in items if item.status.value == "verified_with_warnings")  # i18n: not shown
    said = ngettext("{verified} of {count} record verified", "{verified} of {count} records verified",
                    len(items)).format(verified=good, count=len(items))
    return _("{count_line} ({warned} with warnings)").format(count_line=said, warned=warned) if warned else said


def report_widgets(source: str, report: BundleReport) -> list[QWidget]:
    """The whole report for one bundle, top to bottom."""
    widgets: list[QWidget] = []
    head, column = _panel("checkSummary")
    top = QHBoxLayout()
    shown = source if "/" not in source and "\\" not in source else source.replace("\\", "/").rsplit("/", 1)[-1]
    heading = label(_("A shared bundle: {source}").format(source=shown), "heading", object_name="checkSource")
    heading.setToolTip(source)
    top.addWidget(heading, 1)
    top.addWidget(pill(status_look(report.status.value), "checkVerdict"), 0)
    column.addLayout(top)
    column.addWidget(label(status_sentence(report.status.value), "muted", object_name="checkVerdictText"))
    person = report.statement.person if report.statement is not None else ""
    column.addWidget(_line(_("Holder"), report.holder or _("not named"), "checkHolder"))
    if person:
        column.addWidget(_line(_("Name"), person, "checkHolderName"))
    column.addWidget(_line(_("Holder's proof"), _("{outcome}: {message}").format(
        outcome=outcome_look(report.proof.outcome.value).word, message=report.proof.message), "checkProof"))
    column.addWidget(_line(_("Recipient"), report.recipient or _("no one named (any recipient)"), "checkRecipient"))
    column.addWidget(_line(_("Good until"), _moment(report.expires) if report.expires else _("no end date given"),
                           "checkExpiry"))
    bundle_checks = ItemReport("bundle", None, [], None, None, None, checks=report.checks[1:])
    _checks(column, bundle_checks, "checkBundle")
    widgets.append(head)
    column.addWidget(label(verified_count(report.items), "strong", object_name="checkVerifiedCount"))
    if any(_untrusted(check.check.value, check.outcome.value)
           for item in _all_items(list(report.items)) for check in item.checks):
        column.addWidget(label(_("No list of trusted issuers was used here: each credential names its issuer, so "
                                 "you can decide whom to trust."), "muted", object_name="checkTrustNote"))
    widgets.append(section(_("Credentials ({count})").format(count=len(report.items)), "checkCredentialsHeading"))
    for number, item in enumerate(report.items, start=1):
        widgets.append(credential_card(item, report.holder, number))
    statement = report.statement
    if statement is not None:
        frame, words = _panel("checkStatement")
        words.addWidget(label(_("The learner's own words"), "subheading"))
        words.addWidget(label(_("Self-asserted: written and signed by the learner, not checked by anyone else."),
                              "muted", object_name="checkStatementNote"))
        who = statement.person or _("The learner")
        words.addWidget(label(_("{person}, for {opportunity}").format(person=who, opportunity=statement.opportunity)
                              if statement.opportunity else who, "strong", object_name="checkStatementPerson"))
        for contact in statement.contacts:
            words.addWidget(selectable(label(contact)))
        if statement.text:
            words.addWidget(selectable(label(f"“{statement.text}”", object_name="checkStatementText")))
        if statement.skills:
            words.addWidget(label(_("Skills they chose, in their order:"), "fieldName"))
            for number, skill in enumerate(statement.skills, start=1):
                shown_by = ", ".join(skill.shown_by) or _("no credential in this bundle")
                words.addWidget(selectable(label(_("{number}. {skill} — shown by: {records}").format(
                                                     number=number, skill=skill.name, records=shown_by),
                                                 object_name=f"checkStatementSkill{number}")))
        words.addWidget(label(_("Signature on the statement: {status}").format(
                                  status=status_look(statement.report.status.value).word),
                              "muted", object_name="checkStatementStatus"))
        _checks(words, ItemReport("statement", None, [], None, None, None,
                                  checks=[c for c in statement.report.checks if c.outcome.value != "passed"]),
                "checkStatementCheck")
        widgets.append(frame)
    return widgets


def credential_widgets(source: str, items: list[ItemReport], first: int) -> list[QWidget]:
    """The report for a credential file sent on its own: its verdict, then a card per credential in it (numbered
    from `first`, so the cards of several files on one page keep names of their own)."""
    head, column = _panel(f"checkFile{first}")
    top = QHBoxLayout()
    shown = source.replace("\\", "/").rsplit("/", 1)[-1]
    heading = label(ngettext("A credential: {source}", "Credentials: {source}", len(items)).format(source=shown),
                    "heading", object_name=f"checkFileSource{first}")
    heading.setToolTip(source)
    top.addWidget(heading, 1)
    worst = combined_status(items)
    top.addWidget(pill(status_look(worst.value), f"checkFileVerdict{first}"), 0)
    column.addLayout(top)
    column.addWidget(label(_("Sent on its own, not in a bundle: nothing shows who handed it over, so compare whom "
                             "it was issued to with the person in front of you."), "muted"))
    if len(items) > 1:
        column.addWidget(label(verified_count(items), "strong"))
    if any(_untrusted(check.check.value, check.outcome.value) for item in _all_items(items) for check in item.checks):
        column.addWidget(label(_("No list of trusted issuers was used here: each credential names its issuer, so "
                                 "you can decide whom to trust."), "muted"))
    return [head, *(credential_card(item, None, first + index) for index, item in enumerate(items))]

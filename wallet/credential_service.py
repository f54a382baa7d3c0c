"""Credential use cases on an unlocked wallet: import, verify, trust, issue and endorse.

Reached as `session.credentials`. Every imported item is stored in one transaction together with
its verification report, so an import never leaves half an item behind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from wallet.clock import Clock, utc_iso
from wallet.credentials import duplicates, formats, material
from wallet.credentials.batch import Checked, verify_batch
from wallet.credentials.checking import offer_material
from wallet.credentials.dates import calendar_date, shown_date
from wallet.credentials.details import CredentialDetails, Endorsement
from wallet.credentials.formats import Kind, Parsed
from wallet.credentials.issuing import Signer, endorsement_credential, self_asserted_credential
from wallet.credentials.keys import KeyResolver
from wallet.credentials.limits import read_json
from wallet.credentials.recipient import Holder
from wallet.credentials.report import ItemReport, Status
from wallet.credentials.saved_report import SavedReport
from wallet.credentials.sources import read_inputs
from wallet.credentials.summary import skills_from, tree
from wallet.credentials.titles import fallback_title, text_of
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.crypto.identity import Identity
from wallet.errors import DuplicateRecordError, InvalidInputError, UsageError, WalletError
from wallet.i18n import _
from wallet.models import RecordKind
from wallet.store.repository import CredentialFields, Repository
from wallet.store.verification_store import VerificationStore

STATUS_LIST_TYPES = {
    "BitstringStatusListCredential",
    "StatusList2021Credential",
    "RevocationList",
    "1EdTechRevocationList",
}


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one item of an import."""

    source: str
    outcome: str
    """"imported", "duplicate" or "failed"."""
    message: str
    record_id: str | None = None
    title: str | None = None
    status: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class Rechecked:
    """One stored credential checked again: which, its title, and its status now."""

    record_id: str
    title: str
    status: Status


def fields_for(parsed: Parsed) -> CredentialFields:
    data = tree(parsed)
    issuer = data["issuer"]["name"] or data["issuer"]["id"]
    achievement = data.get("achievement") or {}
    title = (data["name"] or achievement.get("name") or text_of(parsed.document.get("name"))
             or fallback_title(parsed.document, data["issuer"]["name"]) or _unnamed_title(parsed, data))
    if not issuer and parsed.kind is Kind.OB2:
        issuer = _host(achievement.get("id") or data.get("hostedUrl") or "")
    description = achievement.get("description") or data.get("description") or ""
    if parsed.kind is Kind.ENDORSEMENT and data.get("endorsementComment"):
        description = data["endorsementComment"]
    return CredentialFields(
        title=title[:300],
        issuer=issuer[:300],
        issued=calendar_date(_first(parsed.document, "validFrom", "issuanceDate", "issuedOn")),
        expires=calendar_date(_first(parsed.document, "validUntil", "expirationDate", "expires")),
        description=description,
        skills=tuple(skills_from(data)),
        parsed=data,
    )


def _first(document: dict[str, Any], *names: str) -> Any:
    """The first of these members the document gives a value (dates: VCDM 2.0, 1.1, then Open Badges 2.0)."""
    return next((document[name] for name in names if document.get(name) not in (None, "")), None)


def _host(url: str) -> str:
    return urlsplit(url).hostname or "" if url.startswith("http") else ""


def _unnamed_title(parsed: Parsed, data: dict[str, Any]) -> str:
    """A badge that only links to its description (older Open Badges) is named by where it points."""
    host = _host((data.get("achievement") or {}).get("id") or data.get("hostedUrl") or "")
    return f"{parsed.label} badge from {host}" if host else parsed.label


class CredentialService:
    def __init__(
        self,
        repo: Repository,
        store: VerificationStore,
        identity: Callable[[], Identity],
        clock: Clock,
        emit: Callable[..., None],
        holder_name: Callable[[], str],
        holder: Callable[[], Holder | None] = lambda: None,
        checkpoint: Callable[[], None] = lambda: None,
    ) -> None:
        """`checkpoint` is called between the steps of long calls; it raises to stop them (the session's
        CancelToken: locking the wallet), and an import stopped that way stores nothing."""
        self._repo = repo
        self._store = store
        self._identity = identity
        self._clock = clock
        self._emit = emit
        self._holder_name = holder_name
        self._holder = holder
        self._checkpoint = checkpoint
        self._known: dict[tuple[str, str], str] = {}

    # -- verification ------------------------------------------------------------------------------
    def options(self, now: datetime | None = None) -> VerifyOptions:
        resolver = KeyResolver()
        for document in self._store.material("document").values():
            resolver.add_document(document)
        return VerifyOptions(
            now=now or self._clock(),
            resolver=resolver,
            status_lists=self._store.material("status_list"),
            trusted_issuers=self._store.trusted(),
            own_dids=frozenset({self._identity().did}),
            holder=self._holder(),
        )

    def verify_record(self, record_id: str, now: datetime | None = None) -> ItemReport:
        """Verify a stored credential again (keys, lists and trust may have changed) and keep the result."""
        self._checkpoint()
        record = self._repo.get(record_id)
        if record.kind is not RecordKind.CREDENTIAL:
            raise UsageError(_("Only issued credentials have a signature to verify; this is a self-asserted entry."))
        items = formats.parse(self._repo.credential_original(record.id))
        parsed = _matching(items, self._repo.credential_parsed(record.id))
        report = Verifier(self.options(now)).verify(parsed)
        self._store.save_result(record.id, report.status.value, report.to_json(kept=True))
        self._emit("records_changed", ids=[record.id])
        return report

    def last_report(self, record_id: str) -> SavedReport | None:
        """The report kept from the last check of a stored credential (None for an entry or an unchecked one)."""
        found = self._store.result(self._repo.resolve_id(record_id))
        return None if found is None else SavedReport.from_json({**found[1], "status": found[0]}, found[2])

    def verify_all(self) -> list[Rechecked]:
        """Check every stored credential again (keys, lists and trust may have changed); one line per credential."""
        checked = []
        for record in self._repo.list_records():
            if record.kind is RecordKind.CREDENTIAL:
                checked.append(Rechecked(record.id, record.title, self.verify_record(record.id).status))
        return checked

    def details(self, record_id: str) -> CredentialDetails:
        """What the app shows about one stored credential: its tree, last report, endorsements and trust."""
        record_id = self._repo.resolve_id(record_id)
        parsed = self._repo.credential_parsed(record_id)
        issuer_id = str(parsed.get("issuer", {}).get("id") or "")
        endorsements: list[Endorsement] = []
        for endorsement_id in self.endorsements_for(record_id):
            try:
                other = self._repo.get(endorsement_id)
                data = self._repo.credential_parsed(endorsement_id)
            except WalletError:
                continue
            issuer = data.get("issuer", {})
            endorsements.append(Endorsement(
                record_id=endorsement_id,
                endorser=str(issuer.get("name") or issuer.get("id") or other.organisation),
                comment=str(data.get("endorsementComment") or other.description),
                date=shown_date(data.get("validFrom")),
                status=other.credential.verification if other.credential else None,
            ))
        endorses = ""
        if parsed.get("kind") == Kind.ENDORSEMENT.value and parsed.get("endorses"):
            target = self.endorsed_target(record_id)
            try:
                endorses = self._repo.get(target).title if target else str(parsed["endorses"])
            except WalletError:
                endorses = str(parsed["endorses"])
        return CredentialDetails(
            parsed=parsed,
            report=self.last_report(record_id),
            own_did=self._identity().did,
            trusted=bool(issuer_id) and issuer_id in self.trusted_issuers(),
            endorsements=endorsements,
            endorses=endorses,
        )

    # -- import ----------------------------------------------------------------------------------------
    def import_bytes(
        self, data: bytes, source: str, *, demo: bool = False, now: datetime | None = None
    ) -> list[ImportOutcome]:
        """Import every credential in `data`; each item is stored whole or not at all."""
        return self.import_many([(source, data)], demo=demo, now=now)

    def import_many(
        self,
        inputs: Sequence[tuple[str, bytes | WalletError]],
        *,
        demo: bool = False,
        now: datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[ImportOutcome]:
        """Import several files or pastes: parsed and verified (on every core for big batches), then stored.

        An input given as the error that kept it from being read is a "failed" line in its place.
        `progress(stored, total)` is called after each input's items are stored (inside the one transaction:
        if it raises, or the checkpoint stops the import, nothing of this import is kept)."""
        placed = [material.classify(data) if isinstance(data, bytes) else None for _unused, data in inputs]
        options = self.options(now)
        for found in placed:  # keys and lists in this same import also check its credentials
            offer_material(found, options)
        readable = [(source, data) for (source, data), found in zip(inputs, placed, strict=True)
                    if isinstance(data, bytes) and found is None]
        verified = iter(verify_batch(readable, options, checkpoint=self._checkpoint))
        checked: list[tuple[str, Checked | material.Material]] = [
            (source, data.message) if isinstance(data, WalletError) else (source, found) if found else next(verified)
            for (source, data), found in zip(inputs, placed, strict=True)]
        outcomes: list[ImportOutcome] = []
        self._known = self._repo.credential_identities()
        with self._repo.batch():  # one disk sync for the lot; each item is still stored whole or not at all
            for done, (source, result) in enumerate(checked, start=1):
                self._checkpoint()
                if isinstance(result, str):
                    outcomes.append(ImportOutcome(source, "failed", result))
                elif isinstance(result, material.Material):
                    outcomes.append(self._keep(source, result))
                else:
                    for index, (parsed, report) in enumerate(result):
                        label = source if len(result) == 1 else f"{source} [{index + 1}]"
                        outcomes.append(self._store_one(parsed, report, label, demo))
                if progress is not None:
                    progress(done, len(checked))
            imported = [o.record_id for o in outcomes if o.record_id and o.outcome == "imported"]
            if imported:
                self._relink_endorsements()
            self._checkpoint()
        if imported:
            self._emit("records_changed", ids=imported)
        return outcomes

    def import_paths(
        self,
        names: list[str],
        stdin: BinaryIO | None = None,
        *,
        now: datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[ImportOutcome]:
        """Import files, folders (recursively) and "-" (`stdin`): what the command line and the app's Import do.

        Every input is read with the one limit (wallet.credentials.sources); one that cannot be read is a
        "failed" line in its place, and the rest are imported together by `import_many`.
        """
        return self.import_many(list(read_inputs(names, stdin)), now=now, progress=progress)

    def _keep(self, source: str, found: material.Material) -> ImportOutcome:
        """An input that is issuer material goes to the key and status store; a badge description is refused."""
        if found.place is material.Place.REFUSED:
            return ImportOutcome(source, "failed", material.sentence(found))
        self._store.add_material(found.document["id"], found.place.value, found.document)
        return ImportOutcome(source, "keys", material.sentence(found))

    def _store_one(self, parsed: Parsed, report: ItemReport, label: str, demo: bool) -> ImportOutcome:
        fields = fields_for(parsed)
        identity = (str(fields.parsed.get("id") or ""), str(fields.parsed["issuer"]["id"]))
        existing = self._known.get(identity) if identity[0] else None
        if existing is not None and duplicates.same_content(self._repo.credential_parsed(existing), fields.parsed):
            info = self._repo.get(existing).credential
            same_bytes = info is not None and info.sha256 == hashlib.sha256(parsed.original).hexdigest()
            stored = info.verification if info else None
            message = duplicates.kept_sentence(stored, report.status.value, same_bytes)
            if not same_bytes and duplicates.checks_better(stored, report.status.value):
                try:
                    self._repo.replace_credential_copy(
                        existing, parsed.original, media_type=parsed.media_type, fmt=parsed.format_name,
                        fields=fields, verification=(report.status.value, report.to_json(kept=True)))
                except DuplicateRecordError:
                    message = _("Already in the wallet.")
                except WalletError as exc:
                    return ImportOutcome(label, "failed", exc.message)
            return ImportOutcome(label, "duplicate", message, existing)
        shared = ""
        if existing:
            shared = " " + _("It shares its id with a different credential in your wallet; both are kept.")
        try:
            record_id = self._repo.add_credential(
                parsed.original,
                media_type=parsed.media_type,
                fmt=parsed.format_name,
                fields=fields,
                demo=demo,
                verification=(report.status.value, report.to_json(kept=True)),
            )
        except DuplicateRecordError as exc:
            return ImportOutcome(label, "duplicate", _("Already in the wallet."), exc.existing_id)
        except WalletError as exc:
            return ImportOutcome(label, "failed", exc.message)
        if identity[0]:
            self._known.setdefault(identity, record_id)  # a second copy later in this same import is spotted too
        held = f" {report.presentation.message}" if report.presentation is not None else ""
        return ImportOutcome(
            label, "imported", _("Imported {format}.").format(format=parsed.format_name) + held + shared, record_id,
            fields.title,
            report.status.value,
        )

    def _relink_endorsements(self) -> None:
        """Link each endorsement to the record whose credential or achievement id it names."""
        trees = self._repo.credential_trees()
        ids: dict[str, str] = {}
        for record_id, parsed in trees.items():
            for key in (parsed.get("id"), (parsed.get("achievement") or {}).get("id")):
                if isinstance(key, str) and key:
                    ids.setdefault(key, record_id)
        for record_id, parsed in trees.items():
            target = ids.get(parsed.get("endorses", "")) if parsed.get("kind") == Kind.ENDORSEMENT.value else None
            if target and target != record_id:
                self._store.link(record_id, target, "endorses")

    def endorsed_records(self) -> set[str]:
        """Every record at least one imported endorsement points at."""
        return self._store.linked_targets("endorses")

    def endorsed_target(self, record_id: str) -> str | None:
        """The wallet record an endorsement is about, when that record is in the wallet."""
        return self._store.link_target(self._repo.resolve_id(record_id), "endorses")

    def endorsements_for(self, record_id: str) -> list[str]:
        return self._store.linked_to(self._repo.resolve_id(record_id), "endorses")

    # -- offline material and trust ----------------------------------------------------------------------
    def add_material(self, data: bytes) -> str:
        """Import a DID document, a public key, or a status / revocation list; returns a sentence saying which."""
        document = read_json(data, _("The key or list file"))
        if not isinstance(document, dict) or not isinstance(document.get("id"), str):
            raise InvalidInputError(_("A DID document, key or status list must be a JSON object with an \"id\"."))
        types = set(formats.types_of(document))
        if types & STATUS_LIST_TYPES or "revokedAssertions" in document:
            self._store.add_material(document["id"], "status_list", document)
            return _("Added the status list {id}.").format(id=document["id"])
        KeyResolver().add_document(document)
        self._store.add_material(document["id"], "document", document)
        return _("Added the key or DID document {id}.").format(id=document["id"])

    def trust_issuer(self, issuer_id: str, name: str = "") -> list[Rechecked]:
        """Put an issuer on the trusted list, then check that issuer's credentials again (their 'trusted issuer'
        line changes); returns what each of them now checks as."""
        if not issuer_id.strip() or ":" not in issuer_id:
            raise InvalidInputError(_("An issuer is named by its id: a DID or a web address."))
        self._store.trust(issuer_id.strip(), name.strip())
        return self._recheck_issuer(issuer_id.strip())

    def untrust_issuer(self, issuer_id: str) -> list[Rechecked]:
        """Take an issuer off the trusted list, then check that issuer's credentials again."""
        if not self._store.untrust(issuer_id):
            raise UsageError(_("{issuer_id} is not on your list of trusted issuers.").format(issuer_id=issuer_id))
        return self._recheck_issuer(issuer_id)

    def credentials_from(self, issuer_id: str) -> list[str]:
        """Ids of the stored credentials this issuer signed."""
        trees = self._repo.credential_trees()  # one query, not one per record
        return [record_id for record_id, parsed in trees.items() if parsed.get("issuer", {}).get("id") == issuer_id]

    def _recheck_issuer(self, issuer_id: str) -> list[Rechecked]:
        checked = []
        for record_id in self.credentials_from(issuer_id):
            checked.append(Rechecked(record_id, self._repo.get(record_id).title, self.verify_record(record_id).status))
        return checked

    def trusted_issuers(self) -> dict[str, str]:
        return self._store.trusted()

    # -- issuing --------------------------------------------------------------------------------------
    def _signer(self) -> Signer:
        identity = self._identity()
        return Signer(identity.did, identity.verification_method, self._holder_name(), identity.sign)

    def issue_self_asserted(self, record_id: str) -> dict[str, Any]:
        """The signed OB 3.0 credential for a self-asserted entry (made once, remade after an edit)."""
        record = self._repo.get(record_id)
        if record.kind is not RecordKind.ENTRY:
            raise UsageError(
                _("Only self-asserted entries are issued by the wallet; this record was issued by someone else.")
            )
        existing = self._store.self_issued(record.id)
        if existing is not None:
            return existing
        credential = self_asserted_credential(
            self._signer(),
            title=record.title,
            description=record.description,
            organisation=record.organisation,
            start=record.start,
            end=record.end,
            skills=list(record.skills),
            entry_kind=record.entry_kind.value if record.entry_kind else "experience",
            now=utc_iso(self._clock()),
            record_id=record.id,
        )
        self._store.save_self_issued(record.id, credential)
        return credential

    def forget_self_issued(self, record_id: str) -> None:
        self._store.forget_self_issued(record_id)

    def endorse(self, credential_bytes: bytes, comment: str) -> dict[str, Any]:
        """Sign, as this wallet's holder, an EndorsementCredential about someone else's credential file."""
        if not comment.strip():
            raise InvalidInputError(_("Write a few words about what you are endorsing."))
        items = formats.parse(credential_bytes)
        if len(items) != 1:
            raise InvalidInputError(_("Endorse one credential at a time."))
        data = tree(items[0])
        target = data.get("id") or (data.get("achievement") or {}).get("id")
        if not target:
            raise InvalidInputError(_("That credential has no id, so an endorsement could not point to it."))
        return endorsement_credential(
            self._signer(),
            endorsed_id=target,
            endorsed_name=data.get("name") or "a record",
            comment=comment.strip(),
            now=utc_iso(self._clock()),
        )


def _matching(items: list[Parsed], parsed_tree: dict[str, Any]) -> Parsed:
    if len(items) == 1:
        return items[0]
    for item in items:
        if tree(item).get("id") == parsed_tree.get("id"):
            return item
    return items[0]

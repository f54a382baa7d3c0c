"""Sharing use cases on an unlocked wallet, reached as `session.sharing`: a view becomes a signed bundle (and,
from it, JSON Resume; the QR and PDF forms are made from the same bundle), and every share is written to the
history.

The session hands this service what it needs as callables (this layer sits below the services), so a share
reads exactly the view's records and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any, Protocol

from wallet.clock import Clock, utc_iso
from wallet.credentials.issuing import Signer
from wallet.credentials.validity import parse_time
from wallet.crypto.identity import Identity
from wallet.errors import InvalidInputError, RecordNotFoundError, UsageError
from wallet.models import Record
from wallet.sharing import content as content_mod
from wallet.sharing.bundle import build_bundle, clean_recipient, new_challenge
from wallet.sharing.jsonresume import json_resume
from wallet.sharing.lerrs import ResumeContent, lerrs_credential
from wallet.skills.profile import Profile
from wallet.store.repository import Repository
from wallet.store.share_store import ShareRecord, ShareStore
from wallet.store.skills_store import ViewRow

FORMS = ("json", "jsonresume", "qr", "pdf")


@dataclass(frozen=True)
class SharedBundle:
    """One share as made: the signed bundle, its file bytes, what it holds, and the history line written."""

    share: ShareRecord
    bundle: dict[str, Any]
    data: bytes
    """The bundle as UTF-8 JSON, as the `json` form writes it."""
    resume: ResumeContent
    left_out: tuple[str, ...] = ()
    """Sentences naming what the view lists but could not share."""

    @property
    def challenge(self) -> str:
        return self.share.challenge

    @property
    def recipient(self) -> str:
        return self.share.recipient

    @property
    def record_ids(self) -> list[str]:
        return [rid for rid, _ in self.share.records]

    def json_resume(self) -> dict[str, Any]:
        """The same view as a JSON Resume document (jsonresume.org), pointing at this signed bundle."""
        return json_resume(self.resume, bundle_id=str(self.bundle.get("id", "")), challenge=self.challenge)


@dataclass(frozen=True)
class SharingSources:
    """What the service reads, as the session provides it."""

    views: Callable[[], list[ViewRow]]
    view: Callable[[str], ViewRow]
    record: Callable[[str], Record]
    original: Callable[[str], bytes]
    parsed_tree: Callable[[str], dict[str, Any]]
    self_issued: Callable[[str], dict[str, Any]]
    skill_label: Callable[[str], str]
    skill_records: Callable[[str], Sequence[str]]
    """The ids of the records that show a skill (from the learner's skill profile)."""
    holder: Callable[[], tuple[str, tuple[str, ...]]]
    """The holder's (name, contact lines)."""
    signer: Callable[[], Signer]


class _Skills(Protocol):
    def views(self) -> list[ViewRow]: ...
    def view(self, view_id: str) -> ViewRow: ...
    def profile(self) -> Profile: ...
    def skill_label(self, skill_id: str) -> str: ...


class _Credentials(Protocol):
    def issue_self_asserted(self, record_id: str) -> dict[str, Any]: ...
    def forget_self_issued(self, record_id: str) -> None: ...


class _HolderProfile(Protocol):
    @property
    def display_name(self) -> str: ...
    @property
    def contacts(self) -> tuple[str, ...]: ...


class _Holder(Protocol):
    def profile(self) -> _HolderProfile: ...


def sources_from(repo: Callable[[], Repository], skills: Callable[[], _Skills],
                 credentials: Callable[[], _Credentials], holder: Callable[[], _Holder],
                 identity: Callable[[], Identity]) -> SharingSources:
    """The session's services as a share reads them (each looked up at call time, so locking still locks)."""

    def label(skill_id: str) -> str:
        found = skills().profile().skills.get(skill_id)
        return found.label if found is not None else skills().skill_label(skill_id)

    def records_showing(skill_id: str) -> list[str]:
        found = skills().profile().skills.get(skill_id)
        return found.record_ids if found is not None else []

    def holder_lines() -> tuple[str, tuple[str, ...]]:
        profile = holder().profile()
        return profile.display_name, tuple(profile.contacts)

    def self_issued(record_id: str) -> dict[str, Any]:
        """The learner's signed copy of an entry; one signed before partial dates were written out in full
        ("2021-03T00:00:00Z", which fails OB 3.0's schema) is signed again."""
        credential = credentials().issue_self_asserted(record_id)
        if _has_unreadable_dates(credential):
            credentials().forget_self_issued(record_id)
            credential = credentials().issue_self_asserted(record_id)
        return credential

    def signer() -> Signer:
        me = identity()
        return Signer(me.did, me.verification_method, holder().profile().display_name, me.sign)

    return SharingSources(
        views=lambda: skills().views(), view=lambda v: skills().view(v), record=lambda r: repo().get(r),
        original=lambda r: repo().credential_original(r), parsed_tree=lambda r: repo().credential_parsed(r),
        self_issued=self_issued, skill_label=label,
        skill_records=records_showing, holder=holder_lines, signer=signer)


def _has_unreadable_dates(credential: dict[str, Any]) -> bool:
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return False
    dates = [subject.get(name) for name in ("activityStartDate", "activityEndDate") if name in subject]
    return any(parse_time(value) is None for value in dates)


def parse_expiry(text: str | None, now: datetime) -> str | None:
    """`--expires YYYY-MM-DD` (or a full UTC date-time) as the moment the bundle stops being good: the end of
    that day, UTC. It must be later than now."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    try:
        if "T" in value:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is None:
                raise InvalidInputError("Give the expiry as a date (2026-12-31) or a UTC date-time ending in Z.")
            moment = moment.astimezone(UTC)
        else:
            day = datetime.strptime(value, "%Y-%m-%d").date()
            moment = datetime.combine(day, time(23, 59, 59), UTC)
    except ValueError as exc:
        raise InvalidInputError(f"The expiry must be a date like 2026-12-31, not {value!r}.") from exc
    if moment <= now:
        raise InvalidInputError(f"The expiry {value} has already passed; choose a later date.")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class SharingService:
    def __init__(self, sources: SharingSources, store: ShareStore, clock: Clock,
                 emit: Callable[..., None] = lambda *_a, **_k: None) -> None:
        self._sources = sources
        self._store = store
        self._clock = clock
        self._emit = emit

    def find_view(self, text: str) -> ViewRow:
        """A view by its id, an id prefix (4 characters or more) or its name (any case)."""
        wanted = text.strip()
        if not wanted:
            raise UsageError("Which view? Give its id, the first few characters of its id, or its name.")
        try:
            return self._sources.view(wanted)
        except RecordNotFoundError:
            pass
        named = [v for v in self._sources.views() if v.name.strip().casefold() == wanted.casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise UsageError(f"{len(named)} views are called {wanted!r}; give the id instead "
                             "('ler-wallet view list' shows them).")
        raise RecordNotFoundError(f"There is no view with the id or name {wanted!r}.")

    def share(
        self,
        view: str,
        *,
        form: str = "json",
        to: str | None = None,
        expires: str | None = None,
        nested: Mapping[str, Sequence[str]] | None = None,
        now: datetime | None = None,
    ) -> SharedBundle:
        """Sign a bundle for the view (`to` becomes the proof's domain, `expires` its end), and note the share.

        `nested` picks, per CLR record id, the nested credentials to share instead of the whole CLR (by their id
        or their number, 1 = the first). `form` is what the caller makes of the bundle ("json", "jsonresume",
        "qr", "pdf"); it is written to the history. A caller that writes files should `prepare`, write, then
        `record`, so a share that never left the wallet is not in the history."""
        return self.record(self.prepare(view, form=form, to=to, expires=expires, nested=nested, now=now))

    def record(self, shared: SharedBundle) -> SharedBundle:
        """Write a prepared share to the history (once it has been saved, printed or shown)."""
        self._store.add(shared.share)
        self._emit("shared", ids=[shared.share.id])
        return shared

    def prepare(
        self,
        view: str,
        *,
        form: str = "json",
        to: str | None = None,
        expires: str | None = None,
        nested: Mapping[str, Sequence[str]] | None = None,
        now: datetime | None = None,
    ) -> SharedBundle:
        """The signed bundle `share` makes, not yet in the history."""
        if form not in FORMS:
            raise UsageError(f"Share as one of {', '.join(FORMS)}, not {form!r}.")
        moment = now or self._clock()
        row = self.find_view(view)
        recipient = clean_recipient(to)
        until = parse_expiry(expires, moment)
        stamp = utc_iso(moment)
        records = [self._record_or_id(rid) for rid in row.record_ids]
        gathered = content_mod.gather(records, original=self._sources.original,
                                      parsed_tree=self._sources.parsed_tree, self_issued=self._sources.self_issued,
                                      nested=self._resolve_nested(nested, row))
        gathered.skills = content_mod.skills_for(row.skill_ids, gathered.carried, label=self._sources.skill_label,
                                                 evidence=self._sources.skill_records)
        signer = self._sources.signer()
        name, contacts = self._sources.holder()
        resume = ResumeContent(signer.did, name, contacts, row.statement, row.opportunity_title or row.name,
                               tuple(gathered.skills), tuple(c.entry for c in gathered.carried))
        statement = lerrs_credential(signer, resume, now=stamp, expires=until)
        challenge = new_challenge()
        bundle = build_bundle(signer, [statement, *(c.credential for c in gathered.carried)], now=stamp,
                              challenge=challenge, domain=recipient, expires=until)
        data = (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        titles = {r.id: r.title for r in records if isinstance(r, Record)}
        share = ShareRecord(uuid.uuid4().hex, stamp, recipient or "", row.id, row.name,
                            tuple((rid, titles.get(rid, "")) for rid in gathered.record_ids), form, challenge,
                            until or "", str(bundle["id"]), hashlib.sha256(data).hexdigest())
        return SharedBundle(share, bundle, data, resume, tuple(gathered.left_out))

    def history(self) -> list[ShareRecord]:
        """Every share the wallet made, newest first (kept when a view or record is deleted)."""
        return self._store.all()

    def _record_or_id(self, record_id: str) -> Record | str:
        try:
            return self._sources.record(record_id)
        except RecordNotFoundError:
            return record_id

    def _resolve_nested(self, nested: Mapping[str, Sequence[str]] | None,
                        row: ViewRow) -> dict[str, Sequence[str]] | None:
        """Nested picks keyed by a record id or id prefix, resolved against the view's records."""
        if not nested:
            return None
        resolved: dict[str, Sequence[str]] = {}
        for key, picks in nested.items():
            matches = [rid for rid in row.record_ids if rid.startswith(key.strip().lower())] if key.strip() else []
            if len(matches) != 1:
                raise InvalidInputError(f"{key!r} is not one of this view's records, so nothing in it can be "
                                        "picked.")
            resolved[matches[0]] = list(picks)
        return resolved

"""What a view puts in a share, and nothing else: each chosen record's credential (unchanged), the chosen skills
in the learner's order with the credentials that show them, and the statement.

Issued credentials travel as they were issued: a JSON-LD credential as its JSON, a JWT as an
`EnvelopedVerifiableCredential` whose id is a `data:application/vc+jwt,…` URL. The learner's self-asserted
entries travel as the learner-signed OB 3.0 credentials the wallet makes for them (marked self-asserted).
Inside a CLR the learner may pick some nested credentials: then those travel on their own (each verifiable by
itself) and the CLR does not, since its signature covers every credential in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wallet.credentials import formats
from wallet.credentials.formats import Kind, Parsed
from wallet.errors import InvalidInputError, WalletError
from wallet.models import Record, RecordKind
from wallet.sharing.lerrs import VC_V2, ResumeEntry, ResumeSkill

ENVELOPED = "EnvelopedVerifiableCredential"


@dataclass(frozen=True)
class Carried:
    """One credential the bundle carries, and the record it stands for."""

    record_id: str
    credential: dict[str, Any]
    ref: str
    """How the résumé statement points at it: the credential's own id (inside an envelope, the enveloped
    credential's id), or `urn:ler-wallet:bundle-item:N` when it has none."""
    entry: ResumeEntry


@dataclass
class Gathered:
    """A view's share content before signing."""

    carried: list[Carried] = field(default_factory=list)
    skills: list[ResumeSkill] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    """Sentences naming what the view lists but could not be shared (a record since deleted)."""

    @property
    def record_ids(self) -> list[str]:
        return list(dict.fromkeys(c.record_id for c in self.carried))


def enveloped(token: str, media_type: str = "application/vc+jwt") -> dict[str, Any]:
    """A JWT credential as VCDM 2.0 carries it inside a presentation."""
    return {"@context": [VC_V2], "id": f"data:{media_type},{token}", "type": ENVELOPED}


def _own_id(document: dict[str, Any]) -> str | None:
    value = document.get("id")
    return value if isinstance(value, str) and value and not value.startswith("data:") else None


def embed(parsed: Parsed) -> tuple[dict[str, Any], str | None]:
    """(the credential as the bundle carries it, its own id) for one parsed credential, unchanged."""
    if parsed.jws is not None:
        media = "application/jwt" if parsed.kind is Kind.OB2 else "application/vc+jwt"
        return enveloped(parsed.jws.compact, media), _own_id(parsed.document)
    return parsed.document, _own_id(parsed.document)


def _matching(items: list[Parsed], parsed_tree: Mapping[str, Any]) -> Parsed:
    if len(items) == 1:
        return items[0]
    wanted = parsed_tree.get("id")
    return next((item for item in items if item.document.get("id") == wanted), items[0])


def _chosen_children(parsed: Parsed, picks: Sequence[str], title: str) -> list[Parsed]:
    """The nested credentials a learner picked in a CLR, by their id or by their number (1 = the first)."""
    chosen: list[Parsed] = []
    for pick in picks:
        pick = pick.strip()
        found = [c for c in parsed.nested if c.document.get("id") == pick]
        if not found and pick.isdigit() and 1 <= int(pick) <= len(parsed.nested):
            found = [parsed.nested[int(pick) - 1]]
        if not found:
            raise InvalidInputError(
                f"{title!r} holds no nested credential {pick!r}; give a number from 1 to {len(parsed.nested)} "
                "or a nested credential's id.")
        if found[0] not in chosen:
            chosen.append(found[0])
    return chosen


def _entry(record: Record, ref: str, *, kind: str, self_asserted: bool, title: str | None = None,
           description: str | None = None) -> ResumeEntry:
    return ResumeEntry(title or record.title, record.organisation, record.start, record.end,
                       record.description if description is None else description, kind, self_asserted, ref)


def gather(
    records: Sequence[Record | str],
    *,
    original: Callable[[str], bytes],
    parsed_tree: Callable[[str], dict[str, Any]],
    self_issued: Callable[[str], dict[str, Any]],
    nested: Mapping[str, Sequence[str]] | None = None,
) -> Gathered:
    """The credentials for the view's records, in the view's order. A record id given as a plain string is one
    the view lists but the wallet no longer holds: it is named in `left_out`, never guessed at."""
    found = Gathered()
    picks = dict(nested or {})
    for item in records:
        if isinstance(item, str):
            found.left_out.append(f"A record the view lists ({item[:8]}) is no longer in the wallet, so it was "
                                  "left out.")
            continue
        record = item
        if record.kind is RecordKind.ENTRY:
            credential = self_issued(record.id)
            ref = _own_id(credential) or _position(found)
            kind = record.entry_kind.value if record.entry_kind else "experience"
            found.carried.append(Carried(record.id, credential, ref, _entry(record, ref, kind=kind,
                                                                              self_asserted=True)))
            continue
        try:
            items = formats.parse(original(record.id))
        except WalletError as exc:
            raise InvalidInputError(f"The credential {record.title!r} can no longer be read ({exc.message}); "
                                    "take it out of the view.") from exc
        parsed = _matching(items, parsed_tree(record.id))
        chosen = picks.pop(record.id, None)
        if chosen is not None and parsed.kind is not Kind.CLR:
            raise InvalidInputError(f"{record.title!r} is not a CLR, so it has no nested credentials to pick.")
        for part in _chosen_children(parsed, chosen, record.title) if chosen is not None else [parsed]:
            credential, own = embed(part)
            ref = own or _position(found)
            title = formats_title(part) if part is not parsed else None
            found.carried.append(Carried(record.id, credential, ref, _entry(
                record, ref, kind="credential", self_asserted=False, title=title,
                description="" if part is not parsed else None)))
    if picks:
        raise InvalidInputError("Nested credentials can be picked only in a CLR the view holds; "
                                f"{next(iter(picks))[:8]} is not one of the view's records.")
    return found


def _position(found: Gathered) -> str:
    return f"urn:ler-wallet:bundle-item:{len(found.carried) + 1}"


def formats_title(parsed: Parsed) -> str:
    """A nested credential's own name (or its achievement's), for the résumé line that stands for it."""
    document = parsed.document
    name = document.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    subject = document.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if isinstance(achievement, dict) and isinstance(achievement.get("name"), str):
        return str(achievement["name"]).strip()
    return "A credential inside a CLR"


def skills_for(
    skill_ids: Sequence[str],
    carried: Sequence[Carried],
    *,
    label: Callable[[str], str],
    evidence: Callable[[str], Sequence[str]],
) -> list[ResumeSkill]:
    """The chosen skills in order, each with the refs of the carried credentials whose records show it."""
    skills = []
    for skill_id in skill_ids:
        showing = set(evidence(skill_id))
        refs = [item.ref for item in carried if item.record_id in showing]  # in the view's order
        skills.append(ResumeSkill(label(skill_id), skill_id, tuple(dict.fromkeys(refs))))
    return skills

"""Skill use cases on an unlocked wallet: the learner's profile and corrections, matching an opportunity,
saved views, pathways and credit for prior learning. Reached as `session.skills`.

The profile is rebuilt only when records change (the session's "records_changed" event). The skills recognised
in each record are kept in the wallet (schema 7), so a rebuild, and the first profile after unlocking, recognise
only records that are new, changed, or were read with other skills data; strength, dates and titles are always
taken fresh.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from wallet.errors import InvalidInputError, StorageError, UsageError
from wallet.events import Event
from wallet.models import EvidenceInfo, Record, RecordKind
from wallet.skills.alignment import aligned_id
from wallet.skills.pack import TaxonomyPack, load_pack
from wallet.skills.profile import (
    Found,
    Overrides,
    Profile,
    RecordText,
    assemble_profile,
    content_hash,
    pack_key,
    recognise_record,
)
from wallet.skills.recognise import Recogniser, recogniser
from wallet.store.record_skills_store import KeptSkills
from wallet.store.repository import Repository
from wallet.store.skills_store import SkillsStore, ViewRow

if TYPE_CHECKING:  # imported when first used: matching, pathways and CPL are not needed at start-up
    from wallet.skills.cpl import OutcomeMatch
    from wallet.skills.match import MatchResult
    from wallet.skills.pathways import Pathway

log = logging.getLogger(__name__)
_VERIFIED = {"verified", "verified_with_warnings"}
MAX_VIEW_RECORDS = 12
MAX_EVIDENCE_TEXT = 64 * 1024
MAX_VIEW_SKILLS = 15


@dataclass(frozen=True)
class EvidenceKinds:
    """What decides how much each credential counts: whose it is, and whether its issuer is trusted."""

    someone_else: set[str] = field(default_factory=set)
    """Records issued to someone else: not the learner's evidence at all."""
    trust: dict[str, str] = field(default_factory=dict)
    """Record id → the outcome of its last "trusted issuer" check."""
    own_did: str = ""
    """Credentials the wallet's own DID issued are self-asserted, however well they verify."""
    children_for_someone_else: dict[str, set[int]] = field(default_factory=dict)
    """Record id → the places of credentials inside it (a CLR's) issued to someone else: not the learner's."""


class SkillsService:
    def __init__(
        self,
        repo: Repository,
        store: SkillsStore,
        endorsed_records: Callable[[], set[str]],
        evidence_kinds: Callable[[], EvidenceKinds] = EvidenceKinds,
    ) -> None:
        self._repo = repo
        self._store = store
        self._endorsed_records = endorsed_records
        self._evidence_kinds = evidence_kinds
        self._profile: Profile | None = None

    @property
    def pack(self) -> TaxonomyPack:
        return load_pack()

    @property
    def recogniser(self) -> Recogniser:
        return recogniser()

    def on_event(self, event: Event) -> None:
        """Records changed: the profile is rebuilt on next use."""
        if event.name == "records_changed":
            self._profile = None

    # -- the profile ------------------------------------------------------------------------------------
    def record_texts(self) -> list[RecordText]:
        """What each record contributes to the profile (endorsement credentials lend strength, not skills)."""
        return [self._with_notes(text, notes) for text, notes in self._record_sources()]

    def _with_notes(self, text: RecordText, notes: list[EvidenceInfo]) -> RecordText:
        """The record's texts followed by the text of its small plain-text evidence files (read now)."""
        if not notes:
            return text
        read = [self._repo.evidence_data(n.id).decode("utf-8", errors="replace") for n in notes]
        return replace(text, texts=[*text.texts, *read])

    def _record_sources(self) -> list[tuple[RecordText, list[EvidenceInfo]]]:
        """Each record's text without its evidence notes, and the notes to read for skills (not yet read: a
        note's sha256 stands for its text while the record's kept skills still fit)."""
        sources = []
        evidence = self._repo.all_evidence()
        trees = self._repo.credential_trees()
        endorsed = self._endorsed_records()
        kinds = self._evidence_kinds()
        for record in self._repo.list_records():
            if record.id in evidence:
                record = replace(record, evidence=tuple(evidence[record.id]))
            parsed = trees.get(record.id, {})
            if parsed.get("kind") == "endorsement" or record.id in kinds.someone_else:
                continue
            text = _record_text(record, parsed, record.id in endorsed, _credential_strength(record, parsed, kinds),
                                known=lambda skill_id: self.pack.get_skill(skill_id) is not None,
                                not_theirs=kinds.children_for_someone_else.get(record.id, set()))
            sources.append((text, _evidence_notes(record)))
        return sources

    def overrides(self) -> Overrides:
        added: dict[str, str] = {}
        hidden: set[str] = set()
        renamed: dict[str, str] = {}
        for skill_id, action, target, note in self._store.overrides():
            if action == "add":
                added[skill_id] = note
            elif action == "hide":
                hidden.add(skill_id)
            elif action == "rename" and target:
                renamed[skill_id] = target
        return Overrides(added, frozenset(hidden), renamed)

    def profile(self) -> Profile:
        if self._profile is None:
            with _collector_paused():
                self._profile = self._build_profile()
        return self._profile

    def _build_profile(self) -> Profile:
        """Kept skills for records unchanged since they were recognised with this pack; the rest recognised now
        and kept in one transaction. The recogniser is not even built when nothing needs it."""
        pack = self.pack
        key = pack_key(pack)
        cache = self._store.record_skills
        try:
            kept = cache.kept(key)
        except StorageError as exc:  # unreadable kept skills cost time, never the profile
            log.info("The skills kept per record could not be read; recognising every record: %s", exc)
            kept = {}
        engine: Recogniser | None = None
        finds: list[tuple[RecordText, list[Found]]] = []
        fresh: list[tuple[str, KeptSkills]] = []
        for record, notes in self._record_sources():
            digest = content_hash(record, [n.sha256 for n in notes])
            row = kept.get(record.record_id)
            if row is not None and row.content_hash == digest:
                found = [Found(*mention) for mention in row.mentions]
            else:
                record = self._with_notes(record, notes)
                engine = engine or self.recogniser
                found = recognise_record(record, engine)
                fresh.append((record.record_id, KeptSkills(digest, [(f.skill_id, f.how, f.words) for f in found])))
            finds.append((record, found))
        if fresh:
            try:
                cache.keep(key, fresh)
            except StorageError as exc:  # a read-only or locked wallet: the profile is still right, only slower
                log.info("The skills found in %d records could not be kept in the wallet: %s", len(fresh), exc)
        return assemble_profile(finds, pack, self.overrides())

    def skill_label(self, skill_id: str) -> str:
        """A skill's name for people ("operate forklift"), or the id itself when the skills data lacks it."""
        found = self.pack.get_skill(skill_id)
        return found.label if found is not None else skill_id

    def occupation_titles(self) -> list[str]:
        """Every job title in the skills data (ESCO and O*NET), once each, in alphabetical order."""
        return sorted({occupation.label for occupation in self.pack.occupations()}, key=str.lower)

    def resolve_skill(self, text: str) -> str:
        """A skill id from an id or a name the learner typed."""
        text = text.strip()
        if self.pack.get_skill(text) is not None:
            return text
        lowered = text.lower()
        for skill in self.pack.skills(("esco-skill", "esco-knowledge", "onet-tech", "onet-tool")):
            if skill.label.lower() == lowered or lowered in (a.lower() for a in skill.alt_labels):
                return skill.id
        found = self.recogniser.find(text)
        if len(found) == 1:
            return found[0].skill_id
        raise InvalidInputError(f"No skill is called {text!r}; try the exact name or its ESCO/O*NET id.")

    def add_skill(self, text: str, note: str = "") -> str:
        skill_id = self.resolve_skill(text)
        self._store.set_override(skill_id, "add", note=note)
        self._profile = None
        return skill_id

    def hide_skill(self, text: str) -> str:
        skill_id = self.resolve_skill(text)
        self._store.set_override(skill_id, "hide")
        self._profile = None
        return skill_id

    def correct_skill(self, wrong: str, right: str) -> tuple[str, str]:
        """A skill recognised wrongly is shown as the right one from now on."""
        wrong_id, right_id = self.resolve_skill(wrong), self.resolve_skill(right)
        if wrong_id == right_id:
            raise UsageError("Those are the same skill.")
        self._store.set_override(wrong_id, "rename", target=right_id)
        self._profile = None
        return wrong_id, right_id

    def restore_skill(self, text: str) -> None:
        """Undo a correction: an added skill is removed, a hidden one shown, a correction forgotten."""
        if not self._store.clear_override(self.resolve_skill(text)):
            raise UsageError("You have not changed that skill.")
        self._profile = None

    # -- opportunities, views, pathways, credit for prior learning -----------------------------------------
    def match(self, posting: bytes | str) -> MatchResult:
        """How the learner's records fit a posting (text, JSON-LD JobPosting, or bytes of either)."""
        from wallet.skills.match import match
        from wallet.skills.opportunity import read_opportunity

        opportunity = read_opportunity(posting)
        return match(opportunity, self.profile(), self.pack)

    def suggest_view(self, name: str, posting: bytes | str) -> ViewRow:
        """A view for an opportunity, with records and skills chosen from the match (not yet saved)."""
        from wallet.skills.match import shown_and_asked

        result = self.match(posting)
        covered = shown_and_asked(result)  # only skills the posting names and the learner's records show
        skill_ids = [s.skill_id for s in covered][:MAX_VIEW_SKILLS]
        left_out = self._not_for_suggested_views()
        ranked: dict[str, int] = {}
        for s in covered:
            for record_id in s.coverage.evidence:
                if record_id not in left_out:  # failed or hidden: the learner adds it by choice
                    ranked[record_id] = ranked.get(record_id, 0) + 1
        record_ids = [r for r, _ in sorted(ranked.items(), key=lambda kv: -kv[1])][:MAX_VIEW_RECORDS]
        labels = [s.label for s in covered][:3]
        title = result.title or name
        listed = ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else "".join(labels)
        statement = (
            f"For {title}. Skills I bring: {listed}, shown by {len(record_ids)} of my records."
            if labels
            else f"For {title}. The records I chose show what I can bring."
        )
        opportunity = {
            "title": title,
            "score": round(result.score, 3),
            "explanation": result.explanation,
            "occupations": [o.to_json() for o in result.occupations[:3]],
        }
        return ViewRow("", name, statement, "opportunity", opportunity, record_ids, skill_ids)

    def _not_for_suggested_views(self) -> set[str]:
        """Records never chosen for a view automatically: ones the learner hid, and credentials whose last check
        failed (changed, revoked, expired), which an employer would see as "not verified"."""
        return {r.id for r in self._repo.list_records()
                if r.hidden or (r.credential is not None and r.credential.verification == "not_verified")}

    def create_view(self, name: str, posting: bytes | str | None = None, *, auto: bool = True) -> ViewRow:
        if not name.strip():
            raise InvalidInputError("Give the view a name, such as the job it is for.")
        if posting is not None and auto:
            view = self.suggest_view(name.strip(), posting)
        else:
            view = ViewRow("", name.strip())
            if posting is not None:
                result = self.match(posting)
                view.opportunity = {
                    "title": result.title or name,
                    "score": round(result.score, 3),
                    "explanation": result.explanation,
                }
        return self._store.save_view(view)

    def views(self) -> list[ViewRow]:
        return self._store.views()

    def view(self, view_id: str) -> ViewRow:
        return self._store.view(view_id)

    def update_view(
        self,
        view_id: str,
        *,
        name: str | None = None,
        statement: str | None = None,
        record_ids: list[str] | None = None,
        skill_ids: list[str] | None = None,
    ) -> ViewRow:
        view = self._store.view(view_id)
        if name is not None:
            if not name.strip():
                raise InvalidInputError("A view needs a name.")
            view.name = name.strip()
        if statement is not None:
            view.statement = statement.strip()
        if record_ids is not None:
            view.record_ids = [self._repo.resolve_id(r) for r in record_ids]
            if set(view.record_ids) & self._evidence_kinds().someone_else:
                raise UsageError(
                    "A view holds only your own records; one of those was issued to someone else "
                    "(add its identifier to your profile if it is yours)."
                )
        if skill_ids is not None:
            view.skill_ids = [self.resolve_skill(s) for s in skill_ids]
        return self._store.save_view(view)

    def duplicate_view(self, view_id: str, name: str | None = None) -> ViewRow:
        original = self._store.view(view_id)
        copy = ViewRow(
            "",
            name or f"{original.name} (copy)",
            original.statement,
            original.kind,
            dict(original.opportunity),
            list(original.record_ids),
            list(original.skill_ids),
        )
        return self._store.save_view(copy)

    def delete_view(self, view_id: str) -> None:
        self._store.delete_view(view_id)

    def pathways(self, from_occupation: str | None = None) -> list[Pathway]:
        """Moves up, down and sideways from the learner's skills, or from an occupation named by title or id."""
        from wallet.skills.pathways import pathways

        occupation = self._resolve_occupation(from_occupation) if from_occupation else None
        return pathways(self.pack, profile=self.profile(), from_occupation=occupation)

    def _resolve_occupation(self, text: str) -> str:
        text = text.strip()
        if self.pack.get_occupation(text) is not None:
            return text
        if self.pack.get_occupation("onet:occ:" + text) is not None:
            return "onet:occ:" + text
        lowered = text.lower()
        for occupation in self.pack.occupations():
            if occupation.label.lower() == lowered or lowered in (t.lower() for t in occupation.alt_titles):
                return occupation.id
        raise InvalidInputError(f"No occupation is called {text!r}; try its title, ESCO URI or O*NET-SOC code.")

    def cpl(self, outcomes_text: str) -> list[OutcomeMatch]:
        """A course's learning outcomes (one per line), each with the records that show it."""
        from wallet.skills.cpl import map_outcomes

        return map_outcomes(outcomes_text, self.profile(), self.pack)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the profile is built (under a second for 10,000 records).

    The build makes a few hundred thousand small objects that live until it ends, so the collector would walk
    the whole heap (the skills data and the recogniser's index) several times: a third of a warm profile's time
    (bench/bench_profile.py). None of those objects form cycles, so nothing is left for the collector to find.
    If someone else paused it already, it stays paused."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _evidence_notes(record: Record) -> list[EvidenceInfo]:
    """Small plain-text evidence files (a reference letter, notes): their text is read for skills too."""
    return [e for e in record.evidence if e.media_type.startswith("text/plain") and e.size <= MAX_EVIDENCE_TEXT]


def _dates(record: Record) -> str | None:
    return record.end or record.start


def _credential_strength(record: Record, parsed: dict[str, Any], kinds: EvidenceKinds) -> str | None:
    """"trusted" or "verified" for a credential that verified; "self-asserted" (the learner's own claim) for one
    that failed its checks (unsigned, changed, revoked); None for anything else (decided below)."""
    status = record.credential.verification if record.credential else None
    if status == "not_verified":
        return "self-asserted"
    if status not in _VERIFIED:
        return None
    if kinds.own_did and (parsed.get("issuer") or {}).get("id") == kinds.own_did:
        return "self-asserted"
    return "trusted" if kinds.trust.get(record.id) == "passed" else "verified"


def _record_text(record: Record, parsed: dict[str, Any], endorsed: bool, verified: str | None = None,
                 *, known: Callable[[str], bool], not_theirs: AbstractSet[int] = frozenset()) -> RecordText:
    """`known` says whether the pack has a skill an alignment names; one it lacks is read by its name.
    `not_theirs`: the places of a CLR's credentials issued to someone else, which are not read."""
    if record.kind is RecordKind.ENTRY:
        strength = "endorsed" if endorsed else "self-asserted"
        entry_texts = [record.title, record.description, *(e.description for e in record.evidence if e.description)]
        return RecordText(
            record.id, record.title, strength, _dates(record), [t for t in entry_texts if t], list(record.skills)
        )
    strength = verified or ("endorsed" if endorsed else "issued")
    nodes = [parsed, *(child for i, child in enumerate(parsed.get("children", [])) if i not in not_theirs)]
    # the title is read only when it is the credential's own name, never a title the wallet put in its place
    own = record.title in (parsed.get("name"), (parsed.get("achievement") or {}).get("name"))
    texts: list[str] = [record.title] if own else []
    listed: list[str] = []
    ids: list[str] = []
    for node in nodes:
        for achievement in [node.get("achievement") or {}, *node.get("achievements", [])]:
            texts += [achievement.get("name", ""), achievement.get("description", ""), achievement.get("criteria", "")]
            listed += achievement.get("tags", [])
            for alignment in achievement.get("alignments", []):
                aligned = aligned_id(alignment)
                if aligned is not None and known(aligned):
                    ids.append(aligned)
                elif alignment.get("targetName"):  # an occupation, an older ESCO, another framework: its name
                    listed.append(alignment["targetName"])
        texts += [r.get("value", "") for r in node.get("results", [])]
    return RecordText(record.id, record.title, strength, _dates(record), [t for t in texts if t], listed, ids)

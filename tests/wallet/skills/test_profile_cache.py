"""The skills recognised in each record are kept in the wallet: only new, changed or other-pack records are read."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from tests.wallet._helpers import entry, raw_connection
from wallet import lifecycle, skills_service
from wallet.errors import StorageError
from wallet.models import EntryInput
from wallet.session import Session
from wallet.skills import profile as profile_mod
from wallet.skills.pack import TaxonomyPack, load_pack
from wallet.skills.profile import RecordText, build_profile, content_hash, pack_key
from wallet.skills.recognise import Mention, Recogniser, recogniser


class CountingRecogniser(Recogniser):
    """The shared, real recogniser (its index is shared, not rebuilt) that counts the texts it reads."""

    def __init__(self, real: Recogniser) -> None:  # no index build: the real one's is reused
        self.__dict__.update(real.__dict__)
        self.calls = 0

    def find(self, text: str, *, posting: bool = True) -> list[Mention]:
        self.calls += 1
        return super().find(text, posting=posting)


@pytest.fixture
def wallet(demo_wallet: Path, tmp_path: Path) -> Path:
    """A private copy of the demo wallet (no skills kept yet)."""
    copy = tmp_path / "copy.lerwallet"
    shutil.copytree(demo_wallet, copy)
    return copy


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingRecogniser:
    """Every SkillsService made from now on recognises through a counting copy of the real recogniser."""
    engine = CountingRecogniser(recogniser())
    monkeypatch.setattr(skills_service, "recogniser", lambda: engine)
    return engine


@pytest.fixture
def opened(wallet: Path) -> Iterator[Session]:
    session = lifecycle.open_wallet(wallet, PASSPHRASE)
    yield session
    session.lock()


def _reopen(session: Session) -> Session:
    """The same wallet in a fresh session: nothing of the last profile left in memory."""
    path = session.path
    session.lock()
    return lifecycle.open_wallet(path, PASSPHRASE)


def _kept_rows(wallet: Path) -> dict[str, str]:
    """record id → pack_key of every kept row, read from the (locked) wallet's database."""
    conn = raw_connection(wallet, PASSPHRASE)
    try:
        return {str(r): str(k) for r, k in conn.execute("SELECT record_id, pack_key FROM record_skills")}
    finally:
        conn.close()


def _uncached(session: Session) -> dict[str, Any]:
    """The profile recognised afresh from every record, without the wallet's kept skills."""
    skills = session.skills
    built = build_profile(skills.record_texts(), load_pack(), recogniser(), skills.overrides())
    return {"skills": built.to_json(), "hidden": sorted(built.hidden)}


def _shown(session: Session) -> dict[str, Any]:
    profile = session.skills.profile()
    return {"skills": profile.to_json(), "hidden": sorted(profile.hidden)}


def test_second_profile_uses_the_kept_skills(wallet: Path, counting: CountingRecogniser) -> None:
    """After the first profile keeps each record's skills, a fresh session's profile recognises no text at all."""
    session = lifecycle.open_wallet(wallet, PASSPHRASE)
    first = _shown(session)
    read_first = counting.calls
    assert read_first > 0 and first["skills"]
    records = {t.record_id for t in session.skills.record_texts()}
    session = _reopen(session)
    try:
        counting.calls = 0
        assert _shown(session) == first
        assert counting.calls == 0
    finally:
        session.lock()
    assert set(_kept_rows(wallet)) == records


def test_kept_profile_equals_an_uncached_build_on_the_demo_wallet(wallet: Path) -> None:
    """With corrections in place, the profile from kept skills equals build_profile over every record, cold and warm."""
    session = lifecycle.open_wallet(wallet, PASSPHRASE)
    try:
        shown = session.skills.profile()
        some = [s.skill_id for s in shown.ordered()]
        session.skills.hide_skill(some[0])
        session.skills.correct_skill(some[1], some[2])
        cold = _shown(session)
        assert cold == _uncached(session)
        session = _reopen(session)
        assert _shown(session) == cold == _uncached(session)
        assert some[0] in cold["hidden"] and some[1] not in {s["id"] for s in cold["skills"]}
    finally:
        session.lock()


def test_a_changed_record_is_recognised_again(opened: Session, counting: CountingRecogniser) -> None:
    """Editing one entry re-reads that entry alone, and the skill its new words name appears."""
    opened.skills.profile()
    job = next(r for r in opened.list_records() if r.credential is None)
    before = opened.skills.profile()
    counting.calls = 0
    opened.update_entry(job.id, EntryInput.from_json({
        "kind": job.entry_kind.value if job.entry_kind else "job", "title": job.title,
        "description": "Baked sourdough bread every morning.", "skills": list(job.skills)}))
    after = opened.skills.profile()
    text = next(t for t in opened.skills.record_texts() if t.record_id == job.id)
    assert counting.calls == len(text.texts) + len(text.listed_skills)
    gained = {s for s, p in after.skills.items() if job.id in p.record_ids} - {
        s for s, p in before.skills.items() if job.id in p.record_ids}
    assert gained, "the new description names a skill the entry did not show before"


def test_another_pack_key_recognises_every_record(
    opened: Session, counting: CountingRecogniser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new recogniser version changes the pack key: every record is read again and rows of the old key go."""
    first = _shown(opened)
    old_key = pack_key(load_pack())
    monkeypatch.setattr(profile_mod, "RECOGNISER_VERSION", profile_mod.RECOGNISER_VERSION + 1)
    new_key = pack_key(load_pack())
    assert new_key != old_key
    session = _reopen(opened)
    try:
        counting.calls = 0
        assert _shown(session) == first
        texts = session.skills.record_texts()
        assert counting.calls == sum(len(t.texts) + len(t.listed_skills) for t in texts)
    finally:
        session.lock()
    assert set(_kept_rows(session.path).values()) == {new_key}


def test_pack_key_follows_the_packs_parts(tmp_path: Path) -> None:
    """Two packs whose index.json names different part hashes have different keys; the same index, the same key."""
    index = load_pack().index
    first, second, same = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    changed = json.loads(json.dumps(index))
    name = sorted(changed["parts"])[0]
    changed["parts"][name]["sha256"] = "0" * 64
    for folder, data in ((first, index), (second, changed), (same, index)):
        folder.mkdir()
        (folder / "index.json").write_text(json.dumps(data), encoding="utf-8")
    keys = [pack_key(TaxonomyPack(folder)) for folder in (first, second, same)]
    assert keys[0] != keys[1] and keys[0] == keys[2] == pack_key(load_pack())


def test_content_hash_covers_what_recognition_reads_and_nothing_else() -> None:
    """Texts, listed skills and skill ids change the hash; title, strength and date (read later, fresh) do not."""
    base = RecordText("r1", "Cook", "issued", "2020", ["Baked bread"], ["Baking"], ["esco:x"])
    same = RecordText("r1", "Head cook", "trusted", "2024", ["Baked bread"], ["Baking"], ["esco:x"])
    assert content_hash(base) == content_hash(same)
    for other in (
        RecordText("r1", "Cook", "issued", "2020", ["Baked bread daily"], ["Baking"], ["esco:x"]),
        RecordText("r1", "Cook", "issued", "2020", ["Baked bread"], ["Baking", "Pastry"], ["esco:x"]),
        RecordText("r1", "Cook", "issued", "2020", ["Baked bread"], ["Baking"], []),
        RecordText("r1", "Cook", "issued", "2020", [], ["Baked bread", "Baking"], ["esco:x"]),
    ):
        assert content_hash(other) != content_hash(base)


def test_a_deleted_record_leaves_no_row(opened: Session) -> None:
    """Deleting a record deletes its kept skills with it (foreign keys are on); other rows stay."""
    opened.skills.profile()
    kept_before = opened.skills.record_texts()
    gone = kept_before[0].record_id
    opened.delete_record(gone)
    opened.lock()
    rows = _kept_rows(opened.path)
    assert gone not in rows
    assert set(rows) == {t.record_id for t in kept_before[1:]}


def test_a_verification_change_shows_without_recognition(opened: Session, counting: CountingRecogniser) -> None:
    """Untrusting an issuer turns its skills from "trusted" to "verified" with no text recognised again."""
    profile = opened.skills.profile()
    trusted = [s for s in profile.ordered() if s.strength == "trusted"]
    assert trusted
    issuers = opened.credentials.trusted_issuers()
    counting.calls = 0
    for issuer in issuers:
        opened.credentials.untrust_issuer(issuer)
    after = opened.skills.profile()
    assert counting.calls == 0
    assert after.skills[trusted[0].skill_id].strength == "verified"
    assert not [s for s in after.ordered() if s.strength == "trusted"]


def test_a_read_only_wallet_still_gets_its_profile(opened: Session, counting: CountingRecogniser) -> None:
    """The read-only reader cannot keep skills: it recognises, returns the same profile, and raises nothing."""
    reader = opened.reader
    shown = _shown(reader)
    assert counting.calls > 0
    assert _shown(opened) == shown
    opened.lock()
    assert _kept_rows(opened.path), "the writer kept them"


def test_a_new_record_alone_is_read(opened: Session, counting: CountingRecogniser) -> None:
    """Adding an entry to a wallet whose skills are kept reads only the new entry's texts."""
    opened.skills.profile()
    counting.calls = 0
    new = opened.add_entry(entry("Barista", description="Served espresso drinks and ran the cash register."))
    profile = opened.skills.profile()
    text = next(t for t in opened.skills.record_texts() if t.record_id == new)
    assert counting.calls == len(text.texts) + len(text.listed_skills)
    assert any(new in s.record_ids for s in profile.skills.values())


def test_an_evidence_note_added_or_replaced_is_read(opened: Session, counting: CountingRecogniser) -> None:
    """A plain-text evidence note is part of what its record shows: adding or replacing it re-reads that record."""
    job = opened.add_entry(entry("Kitchen helper"))
    opened.skills.profile()
    counting.calls = 0
    note = opened.add_evidence(job, "reference.txt", b"She operated a forklift safely every day.",
                               media_type="text/plain")
    profile = opened.skills.profile()
    assert counting.calls == 2  # the entry's title and the note; no other record
    assert any(job in s.record_ids and "forklift" in s.label.lower() for s in profile.skills.values())
    counting.calls = 0
    opened.replace_evidence(note, "reference.txt", b"He baked sourdough bread.", media_type="text/plain")
    profile = opened.skills.profile()
    assert counting.calls == 2
    assert not any(job in s.record_ids and "forklift" in s.label.lower() for s in profile.skills.values())


def test_the_cycle_collector_is_paused_only_while_the_profile_is_built(
    opened: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build pauses Python's cycle collector and turns it back on, also after an error; a pause it did not
    make is left as it was."""
    seen: list[bool] = []
    real = skills_service.SkillsService._build_profile
    fail = [False]

    def watched(self: skills_service.SkillsService) -> Any:
        seen.append(gc.isenabled())
        if fail[0]:
            raise StorageError("The disk is full, so the change was not saved.")
        return real(self)

    monkeypatch.setattr(skills_service.SkillsService, "_build_profile", watched)
    assert gc.isenabled()
    opened.skills.profile()
    assert seen == [False] and gc.isenabled()
    fail[0] = True
    opened.skills.hide_skill(next(iter(opened.skills.profile().skills)))  # the profile is built again on next use
    with pytest.raises(StorageError):
        opened.skills.profile()
    assert seen == [False, False] and gc.isenabled()
    fail[0] = False
    opened.skills.restore_skill(next(iter(opened.skills.overrides().hidden)))
    gc.disable()
    try:
        opened.skills.profile()
    finally:
        still_off = not gc.isenabled()
        gc.enable()
    assert still_off and seen == [False, False, False]

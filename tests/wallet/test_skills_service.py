"""Skill use cases on a wallet: the profile from real records, the learner's corrections, saved views."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from wallet import lifecycle
from wallet.errors import InvalidInputError, RecordNotFoundError, UsageError
from wallet.session import Session

FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
CUSTOMER_SERVICE = "http://data.europa.eu/esco/skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc"


@pytest.fixture
def learner(demo_wallet: Path, tmp_path: Path) -> Iterator[Session]:
    """A private copy of the demo wallet, unlocked."""
    import shutil

    copy = tmp_path / "copy.lerwallet"
    shutil.copytree(demo_wallet, copy)
    session = lifecycle.open_wallet(copy, PASSPHRASE)
    yield session
    session.lock()


def test_profile_shows_skills_with_their_records_and_strength(learner: Session) -> None:
    """The demo learner's forklift skill comes from a verified credential and the warehouse job."""
    profile = learner.skills.profile()
    forklift = profile.skills[FORKLIFT]
    assert forklift.strength == "trusted"  # the demo issuers are on its trusted list
    titles = {e.record_title for e in forklift.evidence}
    assert "Certified Forklift Operator" in titles
    assert any(e.how == "alignment" for e in forklift.evidence)
    assert CUSTOMER_SERVICE in profile.skills
    assert profile.ordered()[0].strength == "trusted"


def test_self_asserted_only_skills_say_so(learner: Session) -> None:
    """A skill only the learner's own entries show is self-asserted."""
    profile = learner.skills.profile()
    self_only = [s for s in profile.skills.values() if all(e.strength == "self-asserted" for e in s.evidence)]
    assert self_only and all(s.strength == "self-asserted" for s in self_only)


def test_hide_add_correct_and_restore(learner: Session) -> None:
    """The learner hides a wrong skill, adds a missing one, corrects one, and can undo each."""
    skills = learner.skills
    skills.hide_skill(FORKLIFT)
    assert FORKLIFT not in skills.profile().skills and FORKLIFT in skills.profile().hidden
    skills.restore_skill(FORKLIFT)
    assert FORKLIFT in skills.profile().skills
    added = skills.add_skill("use manual knitting techniques", "I knit for the church sale")
    entry = skills.profile().skills[added]
    assert entry.added_by_learner and entry.note == "I knit for the church sale"
    wrong, right = skills.correct_skill(CUSTOMER_SERVICE, "provide customer service")
    assert wrong == CUSTOMER_SERVICE and right in skills.profile().skills and wrong not in skills.profile().skills
    with pytest.raises(InvalidInputError):
        skills.add_skill("zzz not a skill qqq")
    with pytest.raises(UsageError):
        skills.restore_skill("operate forklift")  # nothing changed about it any more


def test_profile_follows_new_records(learner: Session) -> None:
    """Adding a record changes the profile on next read (no stale cache)."""
    from wallet.models import EntryInput, EntryKind

    before = set(learner.skills.profile().skills)
    learner.add_entry(EntryInput(kind=EntryKind.JOB, title="Line cook", description="Prepared food to order; "
                                 "cleaned the kitchen; operated a commercial dishwasher."))
    assert set(learner.skills.profile().skills) - before


def test_views_are_created_edited_duplicated_and_deleted(learner: Session) -> None:
    """A view is saved in the wallet and can be changed freely."""
    skills = learner.skills
    view = skills.create_view("Warehouse lead", None, auto=False)
    record_ids = [r.id for r in learner.list_records()][:2]
    edited = skills.update_view(view.id[:8], statement="I run a safe dock.", record_ids=record_ids,
                                skill_ids=[FORKLIFT, "customer service"])
    assert edited.statement == "I run a safe dock." and edited.record_ids == record_ids
    assert edited.skill_ids == [FORKLIFT, CUSTOMER_SERVICE]
    copy = skills.duplicate_view(view.id)
    assert copy.id != view.id and copy.name == "Warehouse lead (copy)" and copy.record_ids == record_ids
    assert {v.id for v in skills.views()} == {view.id, copy.id}
    skills.delete_view(view.id)
    assert [v.id for v in skills.views()] == [copy.id]
    with pytest.raises(RecordNotFoundError):
        skills.view(view.id)
    with pytest.raises(InvalidInputError):
        skills.create_view("   ", None)


def test_plain_text_evidence_is_read_for_skills(learner: Session) -> None:
    """A reference letter attached as text shows its skills, with the record it belongs to."""
    from wallet.models import EntryInput, EntryKind

    record_id = learner.add_entry(EntryInput(kind=EntryKind.VOLUNTEERING, title="Church kitchen helper"))
    learner.add_evidence(record_id, "reference.txt", b"She helped us operate a forklift at the food drive.",
                         media_type="text/plain")
    forklift = learner.skills.profile().skills[FORKLIFT]
    assert record_id in forklift.record_ids


def test_match_pathways_and_cpl_return_typed_results(learner: Session) -> None:
    """The facade's skills answers are dataclasses; a view made from a match names its opportunity."""
    from wallet.skills.cpl import OutcomeMatch
    from wallet.skills.match import MatchResult
    from wallet.skills.pathways import Pathway

    posting = "Forklift Operator\nOperate sit-down forklifts and keep the warehouse safe and clean."
    result = learner.skills.match(posting)
    assert isinstance(result, MatchResult) and result.title == "Forklift Operator"
    assert any(s.skill_id == FORKLIFT and s.coverage.coverage == "covered" for s in result.skills)
    assert all(isinstance(p, Pathway) for p in learner.skills.pathways())
    [outcome] = learner.skills.cpl("Operate a forklift safely")
    assert isinstance(outcome, OutcomeMatch) and outcome.status == "evidenced"
    view = learner.skills.create_view("Forklift job", posting)
    assert view.opportunity_title == "Forklift Operator" and view.opportunity_explanation == result.explanation
    assert FORKLIFT in view.skill_ids and view.record_ids
    assert learner.skills.create_view("Blank", None).opportunity_title == ""


def test_a_suggested_view_leaves_out_credentials_that_failed_their_checks(learner: Session) -> None:
    """The demo's expired CPR card shows first aid but is not chosen for a view: an employer would see it fail."""
    failed = {r.id for r in learner.list_records() if r.credential and r.credential.verification == "not_verified"}
    assert failed, "the demo wallet holds an expired credential"
    view = learner.skills.create_view("First aid job", "Shop assistant\nFirst aid certificate and CPR needed.")
    assert view.record_ids and not set(view.record_ids) & failed


def test_a_suggested_view_leaves_out_records_the_learner_hid(learner: Session) -> None:
    """A hidden record is never chosen for a view automatically; shown again, it is."""
    posting = "Forklift Operator\nOperate sit-down forklifts and keep the warehouse safe and clean."
    chosen = learner.skills.create_view("Forklift job", posting).record_ids
    assert chosen
    learner.set_hidden(chosen[0], True)
    assert chosen[0] not in learner.skills.create_view("Forklift job again", posting).record_ids
    learner.set_hidden(chosen[0], False)
    assert chosen[0] in learner.skills.create_view("Forklift job, shown", posting).record_ids


def test_a_hidden_record_still_counts_in_the_learners_own_profile(learner: Session) -> None:
    """Hiding means "not shown to others": the learner's own skills keep the record's evidence."""
    posting = "Forklift Operator\nOperate sit-down forklifts and keep the warehouse safe and clean."
    chosen = learner.skills.create_view("Forklift job", posting).record_ids
    before = learner.skills.profile()
    hidden = next(record for record in chosen if record in before.skills[FORKLIFT].record_ids)
    learner.set_hidden(hidden, True)
    after = learner.skills.profile()
    assert after is not before  # rebuilt after the change, not a stale copy
    assert hidden in after.skills[FORKLIFT].record_ids


def test_skill_labels_and_job_titles_come_from_the_skills_area(learner: Session) -> None:
    """skill_label names a skill (or gives back an unknown id); occupation_titles lists each title once, sorted."""
    assert learner.skills.skill_label(FORKLIFT) == "operate forklift"
    assert learner.skills.skill_label("urn:not-a-skill") == "urn:not-a-skill"
    titles = learner.skills.occupation_titles()
    assert len(titles) == len(set(titles)) > 1000
    assert titles == sorted(titles, key=str.lower) and "forklift operator" in titles


def test_alignments_count_however_the_issuer_spelled_the_link(learner: Session) -> None:
    """An alignment to the ESCO portal's page is the skill itself; one to an O*NET occupation (no skill) is read
    by its name; both come from a really signed credential imported into the wallet."""
    import json

    from wallet.credentials import demo_issuers

    cash_register = "http://data.europa.eu/esco/skill/0cb013af-6dd9-4fb2-b34e-63dda1a5cf82"
    food_safety = "http://data.europa.eu/esco/skill/0ff99f51-40d9-42f1-a1ec-377b2bb5e15f"
    before = learner.skills.profile().skills
    assert cash_register not in before and food_safety not in before
    badge = demo_issuers._achievement_credential(
        demo_issuers.WAREHOUSE, learner.did, key="canteen", name="Canteen shift lead",
        description="Ran the staff canteen's lunch shift.", criteria="Observed over four weeks.",
        alignments=[
            {"type": ["Alignment"], "targetName": "Till work",
             "targetUrl": "https://esco.ec.europa.eu/en/classification/skill?uri=" + cash_register.replace(":", "%3A")
             .replace("/", "%2F")},
            {"type": ["Alignment"], "targetName": "Comply with food safety and hygiene",
             "targetUrl": "https://www.onetonline.org/link/summary/35-2021.00", "targetFramework": "O*NET-SOC"},
        ],
        tags=[], valid_from="2024-01-10T09:00:00Z")
    learner.credentials.import_bytes(json.dumps(badge).encode(), "canteen.json")
    skills = learner.skills.profile().skills
    assert {e.how for e in skills[cash_register].evidence} == {"alignment"}
    assert {e.how for e in skills[food_safety].evidence} == {"listed"}


def test_a_clrs_credential_issued_to_someone_else_is_not_the_learners_skill(learner: Session) -> None:
    """A CLR about the learner that carries a badge issued to another identifier: the badge's skill is left out of
    the profile, until the learner adds that identifier as theirs (then the CLR's lines are compared again)."""
    import json

    from wallet.credentials import demo_issuers
    from wallet.credentials.dataintegrity import RDFC, sign

    cash_register = "http://data.europa.eu/esco/skill/0cb013af-6dd9-4fb2-b34e-63dda1a5cf82"
    other = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    badge = demo_issuers._achievement_credential(
        demo_issuers.WAREHOUSE, other, key="till", name="Till operator", description="Worked the tills.",
        criteria="Observed.", tags=[], valid_from="2024-01-10T09:00:00Z",
        alignments=[{"type": ["Alignment"], "targetName": "operate cash register", "targetUrl": cash_register}])
    maker = demo_issuers.COLLEGE
    clr = demo_issuers.college_clr(learner.did)
    clr.pop("proof")
    clr["id"] = "urn:uuid:7d0e3a4e-93a5-4a8e-9d44-3f3c5d1f0a01"
    clr["credentialSubject"]["verifiableCredential"].append(badge)
    signer = maker.signer()
    clr = sign(clr, suite=RDFC, verification_method=signer.verification_method, created="2024-12-20T12:00:00Z",
               signer=signer.sign)
    learner.credentials.import_bytes(json.dumps(clr).encode(), "clr.json")
    assert cash_register not in learner.skills.profile().skills
    learner.holder.add_identifier(other)
    assert cash_register in learner.skills.profile().skills

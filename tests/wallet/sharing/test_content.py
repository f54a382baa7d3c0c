"""What a view puts in a share: its records and chosen skills, and nothing from the records it leaves out."""

from __future__ import annotations

import json

from tests.wallet.sharing.share_kit import MARKER, NOW, make_kit
from wallet.session import Session


def test_share_leaks_nothing_outside_the_view(session: Session) -> None:
    """MARKER sits in left-out records (title, organisation, description, skill, tag, evidence, a credential's
    name); it is in the wallet, and in neither the bundle's JSON, the JSON Resume nor the history."""
    kit = make_kit(session)
    assert sum(MARKER in r.title for r in session.list_records()) == 2  # planted, so the search below can fail
    shared = session.sharing.share(kit.view_id, to="ACME", now=NOW)
    resume = json.dumps(shared.json_resume(), ensure_ascii=False)
    history = json.dumps([h.to_json() for h in session.sharing.history()], ensure_ascii=False)
    for text in (shared.data.decode("utf-8"), resume, history, json.dumps(shared.bundle)):
        assert MARKER not in text
        assert "QZVMARKER" not in text
    for record_id in kit.left_out:
        assert record_id not in shared.data.decode("utf-8")


def test_skills_point_at_the_view_records_that_show_them_in_the_views_order(session: Session) -> None:
    """Each chosen skill's evidence is the bundle's credentials for view records that show it, in the view's order;
    a left-out record that shows the skill too is not pointed at."""
    kit = make_kit(session)
    items = session.sharing.share(kit.view_id, now=NOW).bundle["verifiableCredential"]
    job_ref = next(i["id"] for i in items[1:] if isinstance(i.get("issuer"), dict)
                   and i["issuer"]["id"] == session.did)
    refs = {kit.job: job_ref, kit.badge: kit.badge_document["id"], kit.clr: kit.clr_document["id"],
            kit.jwt: "urn:uuid:7d3f5f3c-2c1e-4a43-9d8e-3c7f2b4c1a10"}
    showing = session.skills.profile().skills[kit.skill_ids[0]].record_ids
    assert kit.left_out[0] in showing  # the left-out project shows the skill too
    expected = [refs[r] for r in (kit.job, kit.badge, kit.jwt, kit.clr) if r in showing]
    assert len(expected) >= 2
    assert items[0]["credentialSubject"]["skill"][0]["evidencedBy"] == expected

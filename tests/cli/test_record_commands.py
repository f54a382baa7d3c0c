"""`edit`, `delete`, `tag`, `note`, `hide` and `evidence add|remove` change records through the same facade."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Result


def _add(cli, wallet: Path, tmp_path: Path, **fields: object) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "entry.json"
    path.write_text(json.dumps({"kind": "other", "title": "Choir treasurer", **fields}), encoding="utf-8")
    added: Result = cli("--wallet", str(wallet), "add-entry", str(path), "--json")
    assert added.code == 0, added.err
    return str(json.loads(added.out)["id"])


def test_edit_changes_only_the_named_fields(cli, demo_wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`edit` keeps every field the JSON does not name; an issued credential is refused in one sentence."""
    rid = _add(cli, demo_wallet, tmp_path, organisation="St Mary's", start="2020-01")
    changes = tmp_path / "changes.json"
    changes.write_text('{"title": "Choir treasurer and secretary", "end": "2023-06"}', encoding="utf-8")
    edited = cli("--wallet", str(demo_wallet), "edit", rid[:8], str(changes), "--json")
    data = json.loads(edited.out)
    assert (data["title"], data["organisation"], data["start"], data["end"], data["entry_kind"]) == (
        "Choir treasurer and secretary", "St Mary's", "2020-01", "2023-06", "other")
    listed = json.loads(cli("--wallet", str(demo_wallet), "list", "--json").out)
    issued = next(r["id"] for r in listed if r["kind"] == "credential")
    refused = cli("--wallet", str(demo_wallet), "edit", issued, str(changes))
    assert refused.code == 2 and "issued credentials stay as issued" in refused.err


def test_tag_note_hide_and_evidence(cli, demo_wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Tags are added and removed, a note is kept, hiding marks the record, evidence is attached and removed."""
    rid = _add(cli, demo_wallet, tmp_path, tags=["music"])
    w = ("--wallet", str(demo_wallet))
    tagged = json.loads(cli(*w, "tag", rid, "--add", "money", "--remove", "music", "--json").out)
    assert tagged["tags"] == ["money"]
    noted = json.loads(cli(*w, "note", rid, "Ask the vicar for a letter", "--json").out)
    assert noted["note"] == "Ask the vicar for a letter"
    assert json.loads(cli(*w, "hide", rid, "--json").out)["hidden"] is True
    assert json.loads(cli(*w, "hide", rid, "--show", "--json").out)["hidden"] is False
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4 thanks")
    attached = json.loads(cli(*w, "evidence", "add", rid, str(letter), "--description", "thanks", "--json").out)
    [item] = attached["evidence"]
    assert (item["filename"], item["media_type"], item["size"]) == ("letter.pdf", "application/pdf", 15)
    assert cli(*w, "evidence", "remove", item["id"]).code == 0
    assert json.loads(cli(*w, "show", rid, "--json").out)["evidence"] == []
    missing = cli(*w, "evidence", "add", rid, str(tmp_path / "nope.pdf"))
    assert missing.code == 2 and "nope.pdf" in missing.err


def test_delete_needs_yes_and_leaves_other_records(cli, demo_wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Without --yes nothing is deleted; with it, only that record goes and the others keep their bytes."""
    rid = _add(cli, demo_wallet, tmp_path)
    w = ("--wallet", str(demo_wallet))
    before = {r["id"]: r.get("credential", {}).get("sha256") for r in json.loads(cli(*w, "list", "--json").out)}
    asked = cli(*w, "delete", rid)
    assert asked.code == 2 and "--yes" in asked.err
    assert cli(*w, "delete", rid, "--yes").out.startswith("Deleted: Choir treasurer")
    after = {r["id"]: r.get("credential", {}).get("sha256") for r in json.loads(cli(*w, "list", "--json").out)}
    assert after == {k: v for k, v in before.items() if k != rid}

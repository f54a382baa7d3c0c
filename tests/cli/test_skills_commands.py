"""`ler-wallet skills`, `match`, `view`, `pathways` and `cpl` on the demo wallet."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "postings"
FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"


def _posting(tmp_path: Path, name: str = "14-forklift-operator-2nd-shift.json") -> Path:
    text = json.loads((FIXTURES / name).read_text("utf-8"))["text"]
    out = tmp_path / "posting.txt"
    out.write_text(text, "utf-8")
    return out


def test_skills_json_lists_strength_and_records(cli, demo_wallet: Path) -> None:  # type: ignore[no-untyped-def]
    """skills --json gives each skill with its strength and the records that show it."""
    result = cli("--wallet", str(demo_wallet), "skills", "--json")
    assert result.code == 0, result.err
    skills = {s["id"]: s for s in json.loads(result.out)}
    assert skills[FORKLIFT]["strength"] == "trusted" and skills[FORKLIFT]["records"]


def test_match_json_has_the_documented_shape(cli, demo_wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """match --json names occupations and skills with source, coverage and evidence, and explains the score."""
    result = cli("--wallet", str(demo_wallet), "match", str(_posting(tmp_path)), "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert {"occupations", "skills", "score", "explanation"} <= set(data)
    assert all({"id", "label", "score"} <= set(o) for o in data["occupations"])
    for skill in data["skills"]:
        assert {"id", "label", "source", "coverage", "evidence", "matched_text"} <= set(skill)
        assert skill["source"] in ("posting", "occupation")
        assert skill["coverage"] in ("covered", "partial", "missing")
    forklift = [s for s in data["skills"] if s["id"] == FORKLIFT]
    assert forklift and forklift[0]["coverage"] == "covered" and forklift[0]["evidence"]
    assert isinstance(data["explanation"], str) and len(data["explanation"]) > 20


def test_match_reads_stdin_and_rejects_empty_input(cli, demo_wallet: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch) -> None:
    """An empty posting is refused with a sentence; exit code 2."""
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    result = cli("--wallet", str(demo_wallet), "match", str(empty))
    assert result.code == 2 and "empty" in result.err


def test_view_lifecycle(cli, demo_wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """view create --json prints the new view with its id; it can be shown, edited, duplicated and deleted."""
    wallet = str(demo_wallet)
    created = cli("--wallet", wallet, "view", "create", "--name", "Forklift job", "--posting", str(_posting(tmp_path)),
                  "--auto", "--json")
    assert created.code == 0, created.err
    view = json.loads(created.out)
    assert view["id"] and view["name"] == "Forklift job" and view["record_ids"] and FORKLIFT in view["skill_ids"]
    shown = json.loads(cli("--wallet", wallet, "view", "show", view["id"][:8], "--json").out)
    assert shown["id"] == view["id"]
    edited = cli("--wallet", wallet, "view", "edit", view["id"], "--statement", "Safe, fast, certified.", "--json")
    assert json.loads(edited.out)["statement"] == "Safe, fast, certified."
    copy = json.loads(cli("--wallet", wallet, "view", "duplicate", view["id"], "--json").out)
    assert copy["id"] != view["id"]
    assert cli("--wallet", wallet, "view", "delete", view["id"]).code == 0
    listed = json.loads(cli("--wallet", wallet, "view", "list", "--json").out)
    assert [v["id"] for v in listed] == [copy["id"]]
    assert cli("--wallet", wallet, "view", "show", view["id"]).code == 2


def test_pathways_from_skills_and_from_an_occupation(cli, demo_wallet: Path) -> None:  # type: ignore[no-untyped-def]
    """pathways works from the learner's skills and from a named occupation."""
    mine = cli("--wallet", str(demo_wallet), "pathways", "--json")
    assert mine.code == 0, mine.err and json.loads(mine.out)
    chosen = cli("--wallet", str(demo_wallet), "pathways", "--from", "53-7051.00", "--json")
    assert chosen.code == 0, chosen.err
    assert json.loads(chosen.out)
    unknown = cli("--wallet", str(demo_wallet), "pathways", "--from", "Dragon tamer")
    assert unknown.code == 2 and "occupation" in unknown.err


def test_cpl_maps_outcomes_and_lists_the_unevidenced(cli, demo_wallet: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """cpl gives each outcome its evidence, and says which outcomes nothing shows."""
    outcomes = tmp_path / "outcomes.txt"
    lines = ["1. Operate a forklift safely", "2. Provide customer service",
             "3. Design integrated circuits for satellites"]
    outcomes.write_text("\n".join(lines) + "\n", "utf-8")
    result = cli("--wallet", str(demo_wallet), "cpl", str(outcomes), "--json")
    assert result.code == 0, result.err
    mapped = json.loads(result.out)
    assert len(mapped) == 3
    assert mapped[0]["evidenced"] and mapped[0]["records"]
    assert not mapped[2]["evidenced"] and mapped[2]["status"] == "no evidence"

"""The taxonomy pack in resources/taxonomy/: counts, known items, lazy and checked loading, size, attribution."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

import pytest

from wallet.skills.ids import ONET_TECH_PREFIX, ONET_TOOL_PREFIX, onet_tech_id, slug, symbol_slug
from wallet.skills.pack import (
    SKILL_KINDS,
    TIERS,
    Skill,
    TaxonomyPack,
    TaxonomyPackError,
    UnknownConceptError,
    attribution,
    load_pack,
)

ROOT = Path(__file__).resolve().parents[3]
PACK_DIR = ROOT / "resources" / "taxonomy"

OPERATE_FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
FORKLIFT_OPERATOR = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"
TRUCK_OPERATORS = "onet:occ:53-7051.00"
EXCEL = "onet:tech:microsoft-excel"


@pytest.fixture(scope="module")
def pack() -> TaxonomyPack:
    """The shared pack, read once for the module."""
    p = load_pack()
    p.load_all()
    return p


def test_counts_match_the_sources(pack: TaxonomyPack) -> None:
    """About 13.9k ESCO skills, 3k ESCO and 1k O*NET occupations, thousands of technologies and tools."""
    by_kind: dict[str, int] = {}
    for s in pack.skills(SKILL_KINDS):
        by_kind[s.kind] = by_kind.get(s.kind, 0) + 1
    esco = by_kind["esco-skill"] + by_kind["esco-knowledge"]
    assert esco == 13_896
    assert 600 <= by_kind["esco-group"] <= 700
    assert by_kind["onet-element"] == 68
    assert 8_000 <= by_kind["onet-tech"] <= 10_000
    assert 15_000 <= by_kind["onet-tool"] <= 20_000
    occupations = [o.kind for o in pack.occupations()]
    assert occupations.count("esco-occupation") == 3_007
    assert occupations.count("onet-occupation") == 1_016
    counts = pack.counts
    assert counts["esco_skills"] == esco and counts["onet_technologies"] == by_kind["onet-tech"]
    assert 120_000 <= counts["esco_essential_links"] + counts["esco_optional_links"] <= 124_000
    assert counts["esco_occupations_with_job_zone"] > 2_800


def test_default_skills_leave_out_groups(pack: TaxonomyPack) -> None:
    """skills() without kinds yields every skill but ESCO skill groups, in id order."""
    ids = [s.id for s in pack.skills()]
    assert ids == sorted(ids)
    assert not any(pack.skill(i).kind == "esco-group" for i in ids[:2000])
    assert len(ids) == sum(1 for s in pack.skills(SKILL_KINDS) if s.kind != "esco-group")
    with pytest.raises(Exception, match="Unknown kind"):
        list(pack.skills(["no-such-kind"]))


def test_operate_forklift_has_alt_labels(pack: TaxonomyPack) -> None:
    """The ESCO skill "operate forklift" has its label, kind, reuse level and alternative labels."""
    skill = pack.skill(OPERATE_FORKLIFT)
    assert skill.label == "operate forklift"
    assert skill.kind == "esco-skill"
    assert skill.reuse_level == "cross-sector"
    assert "drive forklift" in skill.alt_labels and "operate forklift" not in skill.alt_labels


def test_forklift_operator_has_operate_forklift_as_essential(pack: TaxonomyPack) -> None:
    """ESCO "forklift operator" lists "operate forklift" as essential, and the reverse lookup finds it."""
    occupation = pack.occupation(FORKLIFT_OPERATOR)
    assert occupation.label == "forklift operator"
    assert "forklift driver" in occupation.alt_titles
    links = pack.occupation_skills(FORKLIFT_OPERATOR)
    assert (OPERATE_FORKLIFT, "essential", None, None) in links
    kinds = [k for _, k, _, _ in links]
    assert kinds == sorted(kinds, key=["essential", "optional"].index)
    assert FORKLIFT_OPERATOR in pack.occupations_for_skill(OPERATE_FORKLIFT)


def test_esco_occupation_gets_onet_codes_and_job_zone_through_crosswalk(pack: TaxonomyPack) -> None:
    """Nesta maps forklift operator to 53-7051 (2010), the 2019 crosswalk keeps the code, job zone 2 follows."""
    occupation = pack.occupation(FORKLIFT_OPERATOR)
    assert occupation.onet_codes == ("53-7051.00",)
    assert occupation.onet_ids == (TRUCK_OPERATORS,)
    assert occupation.job_zone == 2
    assert occupation.education == "High school diploma or equivalent (such as a GED)"
    assert occupation.onet_confidence == 1.0 and not occupation.onet_via_broader


def test_narrower_esco_occupations_inherit_the_crosswalk(pack: TaxonomyPack) -> None:
    """ESCO occupations below the crosswalk's top level take the O*NET codes of a broader occupation."""
    inherited = [o for o in pack.occupations(["esco-occupation"]) if o.onet_via_broader]
    assert len(inherited) > 1_000
    for o in inherited:
        broader = [i for i, tier in pack.related_occupations(o.id) if tier == "broader"]
        assert broader, o.id
        assert any(o.onet_codes == pack.occupation(b).onet_codes for b in broader), o.id
        assert o.job_zone == pack.occupation(broader[0]).job_zone or len(broader) > 1


def test_onet_industrial_truck_operators(pack: TaxonomyPack) -> None:
    """O*NET 53-7051.00 Industrial Truck and Tractor Operators: job zone 2, titles, ratings, related jobs."""
    occupation = pack.occupation(TRUCK_OPERATORS)
    assert occupation.label == "Industrial Truck and Tractor Operators"
    assert occupation.kind == "onet-occupation" and occupation.code == "53-7051.00"
    assert occupation.job_zone == 2
    assert pack.job_zone_name(2) == "Some preparation needed"
    assert "Forklift Operator" in occupation.alt_titles
    ratings = {s: (i, v) for s, k, i, v in pack.occupation_skills(TRUCK_OPERATORS) if k == "onet"}
    importance, level = ratings["onet:element:2.A.1.a"]  # Reading Comprehension
    assert importance is not None and 1 <= importance <= 5
    assert level is None or 0 <= level <= 7
    assert pack.skill("onet:element:2.A.1.a").label == "Reading Comprehension"
    related = pack.related_occupations(TRUCK_OPERATORS)
    assert related[0][1] == "Primary-Short"
    assert {t for _, t in related} <= set(TIERS)
    assert all(pack.occupation(i).kind == "onet-occupation" for i, _ in related)


def test_microsoft_excel_is_a_hot_technology(pack: TaxonomyPack) -> None:
    """Microsoft Excel is an O*NET hot, in-demand technology with its commodity code."""
    excel = pack.skill(EXCEL)
    assert excel == Skill(EXCEL, "Microsoft Excel", (), "onet-tech", None, True, True, "43232110",
                          "Spreadsheet software")
    assert EXCEL in pack.technologies("onet:occ:43-3031.00")  # Bookkeeping, Accounting, and Auditing Clerks
    assert TRUCK_OPERATORS in pack.occupations_for_skill("onet:tech:warehouse-management-system-wms")


def test_technologies_and_tools_of_an_esco_occupation_come_from_its_onet_codes(pack: TaxonomyPack) -> None:
    """An ESCO occupation's technologies and tools are those of its O*NET occupations."""
    assert pack.technologies(FORKLIFT_OPERATOR) == pack.technologies(TRUCK_OPERATORS)
    assert pack.tools(FORKLIFT_OPERATOR) == pack.tools(TRUCK_OPERATORS)
    demand = pack.technologies(TRUCK_OPERATORS, in_demand_only=True)
    assert demand and set(demand) <= set(pack.technologies(TRUCK_OPERATORS))
    assert all(pack.skill(t).in_demand for t in demand)
    assert "onet:tool:forklifts" in pack.tools(TRUCK_OPERATORS)


def test_technology_and_tool_ids_follow_the_slug_convention(pack: TaxonomyPack) -> None:
    """Every technology or tool id is its prefix and the slug of its label; only C, C++, C# spell symbols out."""
    assert slug("Microsoft Excel") == "microsoft-excel" and onet_tech_id("Microsoft Excel") == EXCEL
    spelled = []
    for s in pack.skills(["onet-tech", "onet-tool"]):
        prefix = ONET_TECH_PREFIX if s.kind == "onet-tech" else ONET_TOOL_PREFIX
        if s.id != prefix + slug(s.label):
            assert s.id == prefix + symbol_slug(s.label)
            spelled.append(s.id)
        assert all(slug(alt) == slug(s.label) for alt in s.alt_labels)
    assert sorted(spelled) == ["onet:tech:c-plus-plus", "onet:tech:c-sharp"]
    assert pack.skill("onet:tech:c").label == "C"
    merged = pack.skill("onet:tool:t-squares")
    assert {merged.label, *merged.alt_labels} == {"T-squares", "T squares"}


def test_broader_and_narrower_skills(pack: TaxonomyPack) -> None:
    """operate forklift sits under the skill group "operating lifting or moving equipment", and back."""
    broader = pack.broader_skills(OPERATE_FORKLIFT)
    assert [pack.skill(b).label for b in broader] == ["operating lifting or moving equipment"]
    assert pack.skill(broader[0]).kind == "esco-group"
    assert OPERATE_FORKLIFT in pack.narrower_skills(broader[0])
    assert pack.occupations_for_skill(broader[0]) == []
    for relation in pack.related_skills(OPERATE_FORKLIFT):
        assert relation[1] in ("essential", "optional")


def test_broader_links_form_no_cycles(pack: TaxonomyPack) -> None:
    """Following broader links from any ESCO skill never comes back to it and ends at a top concept."""
    for s in pack.skills(["esco-skill", "esco-knowledge"]):
        ancestors: set[str] = set()
        todo = pack.broader_skills(s.id)
        tops = 0
        while todo:
            current = todo.pop()
            if current in ancestors:
                continue
            ancestors.add(current)
            above = pack.broader_skills(current)
            tops += not above
            todo.extend(above)
        assert s.id not in ancestors
        assert ancestors and tops, s.id  # every ESCO skill sits in the hierarchy


def test_unknown_ids_raise_a_lookup_error(pack: TaxonomyPack) -> None:
    """An id that is not in the pack raises UnknownConceptError (a LookupError); get_* return None."""
    with pytest.raises(UnknownConceptError, match="no skill"):
        pack.skill("onet:tech:no-such-thing")
    with pytest.raises(LookupError):
        pack.occupation_skills("onet:occ:00-0000.00")
    with pytest.raises(UnknownConceptError):
        pack.occupation(OPERATE_FORKLIFT)
    assert pack.get_skill("nope") is None and pack.get_occupation("nope") is None
    assert pack.get_skill(EXCEL) is pack.skill(EXCEL)


def test_load_pack_is_shared() -> None:
    """load_pack() returns the same pack every time."""
    assert load_pack() is load_pack()
    assert attribution() == load_pack().attribution


def test_index_sha256_match_the_files() -> None:
    """index.json names each part with its size and sha256, and they match the files."""
    index = json.loads((PACK_DIR / "index.json").read_text(encoding="utf-8"))
    assert set(index["parts"]) == {"skills", "occupations", "links"}
    for entry in index["parts"].values():
        blob = (PACK_DIR / entry["file"]).read_bytes()
        assert len(blob) == entry["bytes"]
        assert hashlib.sha256(blob).hexdigest() == entry["sha256"]
    assert {s["name"] for s in index["sources"]} >= {"ESCO", "O*NET"}


def test_pack_is_under_10_mb() -> None:
    """Everything in resources/taxonomy/ together stays under 10 MB."""
    total = sum(p.stat().st_size for p in PACK_DIR.rglob("*") if p.is_file())
    assert total < 10_000_000, f"{total:,} bytes"


def test_attribution_lines(pack: TaxonomyPack) -> None:
    """The credit lines the licences ask for are in index.json and ATTRIBUTION.md, with the licence beside."""
    lines = pack.attribution
    text = "\n".join(lines)
    assert "This product uses the ESCO classification of the European Commission." in lines[0]
    assert "modified" in lines[0]
    assert (
        "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O*NET® is a trademark of USDOL/ETA."
    ) in text
    assert (
        "has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these "
        "modifications."
    ) in text
    assert "Nesta" in text and "MIT" in text
    md = (PACK_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert all(line in md for line in lines)
    licence = (PACK_DIR / "LICENSE-nesta-mapping-career-causeways.txt").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Copyright (c) 2021 Nesta" in licence


def _copy_pack(tmp_path: Path) -> Path:
    target = tmp_path / "taxonomy"
    shutil.copytree(PACK_DIR, target)
    return target


def test_parts_are_read_only_when_needed(tmp_path: Path) -> None:
    """Looking up a skill reads only the skills part: with the links part gone, lookups still work."""
    root = _copy_pack(tmp_path)
    (root / "links.json.gz").unlink()
    pack = TaxonomyPack(root)
    assert pack.skill(OPERATE_FORKLIFT).label == "operate forklift"
    assert pack.occupation(FORKLIFT_OPERATOR).job_zone == 2
    with pytest.raises(TaxonomyPackError, match="missing"):
        pack.occupation_skills(FORKLIFT_OPERATOR)


def test_a_damaged_part_is_refused(tmp_path: Path) -> None:
    """A part whose bytes no longer match index.json's sha256 raises TaxonomyPackError, not garbage."""
    root = _copy_pack(tmp_path)
    blob = bytearray((root / "occupations.json.gz").read_bytes())
    blob[len(blob) // 2] ^= 0xFF
    (root / "occupations.json.gz").write_bytes(bytes(blob))
    pack = TaxonomyPack(root)
    assert pack.skill(EXCEL).hot
    with pytest.raises(TaxonomyPackError, match="damaged"):
        pack.occupation(TRUCK_OPERATORS)


def test_a_missing_or_foreign_index_is_refused(tmp_path: Path) -> None:
    """No index.json, or one of another format, raises TaxonomyPackError with a plain sentence."""
    with pytest.raises(TaxonomyPackError, match="missing or unreadable"):
        TaxonomyPack(tmp_path).skill(EXCEL)
    root = _copy_pack(tmp_path)
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    index["format"] = "something-else/9"
    (root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    with pytest.raises(TaxonomyPackError, match="another version"):
        TaxonomyPack(root).skill(EXCEL)


def test_threads_share_one_load() -> None:
    """Threads that ask a fresh pack at once all get the very same objects (one load per part)."""
    pack = TaxonomyPack()
    barrier = threading.Barrier(8)
    results: list[object] = []

    def work() -> None:
        barrier.wait()
        results.append(pack.skill(EXCEL))
        results.append(pack.occupation(TRUCK_OPERATORS))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 16
    assert len({id(r) for r in results}) == 2

"""Build the taxonomy pack in resources/taxonomy/ from the raw ESCO, O*NET and crosswalk data.

Run from the repository root: `python scripts/build_taxonomy_pack.py [--data ../shared/data/taxonomy] [--out DIR]`.
The raw data and its licences are described in the data folder's SOURCES.md. Running the script twice
gives the same bytes: rows are sorted, keys come in a fixed order, and gzip gets mtime 0 and no file name.

What it writes (the format is read by `wallet/skills/pack.py`; see its docstring):
  index.json                 format, sources (versions, licences, sha256 of each raw file), counts, the
                             sha256 and size of each part, job zone names, attribution lines
  skills.json.gz             every skill-like concept: ESCO skills/knowledge and skill groups, O*NET skill and
                             knowledge elements, technology skills and tools
  occupations.json.gz        ESCO and O*NET occupations with alternative titles, job zone, typical education,
                             O*NET codes (ESCO ones through the Nesta crosswalk and the O*NET-SOC 2010→2019 crosswalk)
  links.json.gz              occupation→skill links (ESCO essential/optional, O*NET importance/level),
                             technologies and tools per occupation, related occupations, broader and related skills
  ATTRIBUTION.md, LICENSE-nesta-mapping-career-causeways.txt
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wallet.skills.ids import (  # noqa: E402  (the checkout's package, also when not installed)
    ONET_TECH_PREFIX,
    ONET_TOOL_PREFIX,
    onet_element_id,
    onet_occupation_id,
    slug,
    symbol_slug,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "taxonomy"
DEFAULT_OUT = ROOT / "resources" / "taxonomy"

FORMAT = "ler-wallet-taxonomy-pack/1"
ESCO_CLASSIFICATION_ZIP = "esco_1_1_1/esco_v1.1.1_classification_en_csv.zip"
ESCO_RELATIONS_ZIP = "esco_1_1_1/esco_v1.1.1_relations_csv.zip"
ONET = "onet_29_2/"
NESTA_CROSSWALK = "crosswalk/esco_onet_crosswalk_Nov2020.csv"
SOC_CROSSWALK = "crosswalk/onet_soc_2010_to_2019_crosswalk.csv"
NESTA_LICENCE = "crosswalk/LICENSE-nesta-mapping-career-causeways.txt"

# Kinds of skill-like concepts; a row stores the index into this list.
SKILL_KINDS = ["esco-skill", "esco-knowledge", "esco-group", "onet-element", "onet-tech", "onet-tool"]
REUSE_LEVELS = ["cross-sector", "occupation-specific", "sector-specific", "transversal"]
OCCUPATION_KINDS = ["esco-occupation", "onet-occupation"]
# Related-occupation tiers, in the order they are listed for an occupation.
TIERS = ["Primary-Short", "Primary-Long", "Supplemental", "Career-Changer (legacy)", "broader", "narrower"]

# O*NET "Required Level of Education" (element 2.D.1, scale RL) categories 1-12, in plain words.
EDUCATION = [
    "Less than a high school diploma",
    "High school diploma or equivalent (such as a GED)",
    "Post-secondary certificate",
    "Some college courses",
    "Associate's degree",
    "Bachelor's degree",
    "Post-baccalaureate certificate",
    "Master's degree",
    "Post-master's certificate",
    "First professional degree (such as law or medicine)",
    "Doctoral degree",
    "Post-doctoral training",
]

ESCO_ATTRIBUTION = "This product uses the ESCO classification of the European Commission."
ESCO_MODIFIED = (
    "LER Wallet uses a modified copy of ESCO v1.1.1 (English): filtered (labels, identifiers and relations; "
    "no descriptions) and re-packed. © European Union; reuse authorised under Commission Decision 2011/833/EU."
)
ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA. LER Wallet has modified all or some of this information. "
    "USDOL/ETA has not approved, endorsed, or tested these modifications."
)
SOC_CROSSWALK_ATTRIBUTION = (
    "The O*NET-SOC 2010 to 2019 crosswalk is from the O*NET Resource Center (USDOL/ETA), used under the "
    "CC BY 4.0 license; LER Wallet has modified it (combined with the ESCO-O*NET crosswalk)."
)
NESTA_ATTRIBUTION = (
    "ESCO to O*NET occupation crosswalk (November 2020) from Nesta's Mapping Career Causeways project, "
    "Copyright (c) 2021 Nesta, MIT License (see LICENSE-nesta-mapping-career-causeways.txt); "
    "LER Wallet extends it to narrower ESCO occupations and to O*NET-SOC 2019 codes."
)
ATTRIBUTION = [ESCO_ATTRIBUTION + " " + ESCO_MODIFIED, ONET_ATTRIBUTION, SOC_CROSSWALK_ATTRIBUTION, NESTA_ATTRIBUTION]


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------

def esco_csv(zip_path: Path, name: str) -> Iterator[dict[str, str]]:
    """Rows of one CSV inside an ESCO download zip."""
    with zipfile.ZipFile(zip_path) as zf, zf.open(name) as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))


def onet_txt(data: Path, name: str) -> list[dict[str, str]]:
    """Rows of one tab-separated O*NET text file (no quoting: quotes are part of the values)."""
    with (data / ONET / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def plain_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def labels(cell: str, exclude: str = "") -> list[str]:
    """The lines of an ESCO multi-value cell, stripped, in order, without repeats or `exclude`."""
    seen = {exclude}
    out: list[str] = []
    for line in cell.split("\n"):
        text = " ".join(line.split())
        if text and text not in seen:
            seen.add(text)
            out.append(text)
    return out


def unique(values: Iterable[str], exclude: str = "") -> list[str]:
    """Values in order, without repeats (ignoring case) or `exclude`."""
    seen = {exclude.casefold()}
    out: list[str] = []
    for v in values:
        text = " ".join(v.split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return out


def mode_low(values: Iterable[int]) -> int | None:
    """The most common value; among equally common ones the lowest. None for no values."""
    counts = Counter(values)
    if not counts:
        return None
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------------

class Builder:
    def __init__(self, data: Path) -> None:
        self.data = data
        self.notes: dict[str, int] = {}
        # skill id -> [kind, label, alts, hidden, reuse, commodity, flags]
        self.skills: dict[str, list[Any]] = {}
        # occupation id -> [kind, code, label, alts, hidden, job_zone, education, onet_codes, confidence, via_broader]
        self.occupations: dict[str, list[Any]] = {}
        self.commodities: set[tuple[str, str]] = set()
        self.esco_links: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        self.onet_ratings: dict[str, dict[str, list[float | None]]] = defaultdict(dict)
        self.tech_links: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        self.tool_links: dict[str, set[str]] = defaultdict(set)
        self.related: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.broader_skills: dict[str, set[str]] = defaultdict(set)
        self.related_skills: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        self.job_zone_names: dict[str, str] = {}

    # ---- ESCO -----------------------------------------------------------------------------------

    def esco(self) -> None:
        cls = self.data / ESCO_CLASSIFICATION_ZIP
        rel = self.data / ESCO_RELATIONS_ZIP
        for r in esco_csv(cls, "skills_en.csv"):
            label = " ".join(r["preferredLabel"].split())
            kind = "esco-knowledge" if r["skillType"] == "knowledge" else "esco-skill"
            reuse = REUSE_LEVELS.index(r["reuseLevel"]) if r["reuseLevel"] else None
            self.skills[r["conceptUri"]] = [
                SKILL_KINDS.index(kind), label, labels(r["altLabels"], label), labels(r["hiddenLabels"], label),
                reuse, None, 0,
            ]
        for r in esco_csv(cls, "skillGroups_en.csv"):
            label = " ".join(r["preferredLabel"].split())
            if r["conceptUri"] in self.skills:
                raise SystemExit(f"skill group {r['conceptUri']} is also a skill")
            self.skills[r["conceptUri"]] = [
                SKILL_KINDS.index("esco-group"), label, labels(r["altLabels"], label),
                labels(r["hiddenLabels"], label), None, None, 0,
            ]
        # skillGroups_en.csv misses a few groups that the hierarchy file names (with their preferred term).
        added = 0
        for r in esco_csv(cls, "skillsHierarchy_en.csv"):
            for level in range(4):
                uri, term = r[f"Level {level} URI"], " ".join(r[f"Level {level} preferred term"].split())
                if uri and uri not in self.skills:
                    self.skills[uri] = [SKILL_KINDS.index("esco-group"), term, [], [], None, None, 0]
                    added += 1
        self.notes["esco_skill_groups_from_hierarchy"] = added
        missing = 0
        for r in esco_csv(rel, "broaderRelationsSkillPillar.csv"):
            if r["conceptUri"] in self.skills and r["broaderUri"] in self.skills:
                self.broader_skills[r["conceptUri"]].add(r["broaderUri"])
            else:
                missing += 1
        self.notes["esco_broader_skill_relations_dropped"] = missing
        missing = 0
        for r in esco_csv(rel, "skillSkillRelations.csv"):
            a, b = r["originalSkillUri"], r["relatedSkillUri"]
            if a in self.skills and b in self.skills and r["relationType"] in ("essential", "optional"):
                self.related_skills[a][0 if r["relationType"] == "essential" else 1].add(b)
            else:
                missing += 1
        self.notes["esco_skill_skill_relations_dropped"] = missing

        for r in esco_csv(cls, "occupations_en.csv"):
            label = " ".join(r["preferredLabel"].split())
            self.occupations[r["conceptUri"]] = [
                OCCUPATION_KINDS.index("esco-occupation"), r["code"], label, labels(r["altLabels"], label),
                labels(r["hiddenLabels"], label), None, None, [], None, 0,
            ]
        missing = 0
        for r in esco_csv(rel, "occupationSkillRelations.csv"):
            occ, skill, kind = r["occupationUri"], r["skillUri"], r["relationType"]
            if occ not in self.occupations or skill not in self.skills or kind not in ("essential", "optional"):
                missing += 1  # 67 links of one occupation that ESCO v1.1.1 no longer lists
                continue
            self.esco_links[occ][0 if kind == "essential" else 1].add(skill)
        self.notes["esco_occupation_skill_relations_dropped"] = missing
        # An occupation listed as both essential and optional for the same skill keeps "essential".
        for essential, optional in self.esco_links.values():
            optional -= essential

        self.esco_broader_occ: dict[str, list[str]] = defaultdict(list)
        for r in esco_csv(rel, "broaderRelationsOccPillar.csv"):
            if r["conceptType"] == "Occupation" and r["broaderType"] == "Occupation":
                child, parent = r["conceptUri"], r["broaderUri"]
                if child in self.occupations and parent in self.occupations:
                    self.esco_broader_occ[child].append(parent)
        for child, parents in sorted(self.esco_broader_occ.items()):
            parents.sort()
            for parent in parents:
                self.related[child].append((parent, "broader"))
                self.related[parent].append((child, "narrower"))

    # ---- O*NET ----------------------------------------------------------------------------------

    def onet(self) -> None:
        for r in onet_txt(self.data, "Occupation Data.txt"):
            code = r["O*NET-SOC Code"]
            self.occupations[onet_occupation_id(code)] = [
                OCCUPATION_KINDS.index("onet-occupation"), code, " ".join(r["Title"].split()), [], [], None, None,
                [code], None, 0,
            ]
        titles: dict[str, list[str]] = defaultdict(list)
        for r in onet_txt(self.data, "Sample of Reported Titles.txt"):
            titles[r["O*NET-SOC Code"]].append(r["Reported Job Title"])
        shorts: dict[str, list[str]] = defaultdict(list)
        for r in onet_txt(self.data, "Alternate Titles.txt"):
            titles[r["O*NET-SOC Code"]].append(r["Alternate Title"])
            if r["Short Title"] not in ("", "n/a"):
                shorts[r["O*NET-SOC Code"]].append(r["Short Title"])
        for code in set(titles) | set(shorts):
            row = self.occupations[onet_occupation_id(code)]
            row[3] = unique([*titles[code], *shorts[code]], exclude=row[2])

        for r in onet_txt(self.data, "Job Zone Reference.txt"):
            name = r["Name"].split(": ", 1)[-1]
            self.job_zone_names[r["Job Zone"]] = name[:1].upper() + name[1:].lower()
        self.onet_zone: dict[str, int] = {}
        for r in onet_txt(self.data, "Job Zones.txt"):
            self.onet_zone[r["O*NET-SOC Code"]] = int(r["Job Zone"])
            self.occupations[onet_occupation_id(r["O*NET-SOC Code"])][5] = int(r["Job Zone"])

        shares: dict[str, dict[int, float]] = defaultdict(dict)
        for r in onet_txt(self.data, "Education, Training, and Experience.txt"):
            if r["Element ID"] == "2.D.1" and r["Scale ID"] == "RL":
                shares[r["O*NET-SOC Code"]][int(r["Category"])] = float(r["Data Value"])
        self.onet_education: dict[str, int] = {}
        for code, by_category in shares.items():
            best = max(by_category.values())
            if best <= 0:
                continue
            category = min(c for c, v in by_category.items() if v == best)  # ties: the lower level
            self.onet_education[code] = category - 1
            self.occupations[onet_occupation_id(code)][6] = category - 1

        for name in ("Skills.txt", "Knowledge.txt"):
            for r in onet_txt(self.data, name):
                element = onet_element_id(r["Element ID"])
                if element not in self.skills:
                    self.skills[element] = [SKILL_KINDS.index("onet-element"), r["Element Name"], [], [], None, None, 0]
                occ = onet_occupation_id(r["O*NET-SOC Code"])
                pair = self.onet_ratings[occ].setdefault(element, [None, None])
                value = float(r["Data Value"])
                if r["Scale ID"] == "IM":
                    pair[0] = value
                elif r["Scale ID"] == "LV":
                    # O*NET marks a level "not relevant" when the element hardly matters for the job.
                    pair[1] = None if r["Not Relevant"] == "Y" else value

        self._examples("Technology Skills.txt", ONET_TECH_PREFIX, "onet-tech")
        self._examples("Tools Used.txt", ONET_TOOL_PREFIX, "onet-tool")

        seen: set[tuple[str, str]] = set()
        ranked = sorted(
            onet_txt(self.data, "Related Occupations.txt"),
            key=lambda r: (r["O*NET-SOC Code"], int(r["Index"])),
        )
        for r in ranked:
            a, b = onet_occupation_id(r["O*NET-SOC Code"]), onet_occupation_id(r["Related O*NET-SOC Code"])
            if r["Relatedness Tier"] not in TIERS[:3]:
                raise SystemExit(f"unknown relatedness tier {r['Relatedness Tier']!r}")
            self.related[a].append((b, r["Relatedness Tier"]))
            seen.add((a, b))
        legacy = sorted(
            onet_txt(self.data, "Career Changers Matrix (legacy).txt"),
            key=lambda r: (r["O*NET-SOC Code"], int(r["Index"])),
        )
        kept = 0
        for r in legacy:
            a, b = onet_occupation_id(r["O*NET-SOC Code"]), onet_occupation_id(r["Related O*NET-SOC Code"])
            if a in self.occupations and b in self.occupations and (a, b) not in seen and a != b:
                seen.add((a, b))
                self.related[a].append((b, "Career-Changer (legacy)"))
                kept += 1
        self.notes["onet_career_changer_links_kept"] = kept

    def _examples(self, filename: str, prefix: str, kind: str) -> None:
        """Technology skills or tools: one concept per id, shared by spellings that differ only in punctuation."""
        rows = onet_txt(self.data, filename)
        for r in rows:
            name = " ".join(r["Example"].split())
            if name.count('"') % 2:
                name = name.strip('"').strip()  # a stray quote ("Laser facsimile machines\"")
            r["Example"] = name
        by_slug: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            by_slug[slug(r["Example"])].add(r["Example"])
        ids: dict[str, str] = {}
        for plain, names in by_slug.items():
            if not plain:
                raise SystemExit(f"{filename}: a name with an empty slug: {sorted(names)}")
            spelled = {symbol_slug(n) for n in names}
            for n in names:
                # "C", "C++", "C#" share the slug "c": the symbols tell them apart.
                ids[n] = prefix + (plain if len(spelled) == 1 or symbol_slug(n) == plain else symbol_slug(n))
        plain_of: dict[str, set[str]] = defaultdict(set)
        for n, sid in ids.items():
            plain_of[sid].add(slug(n))
        clash = sorted(sid for sid, plains in plain_of.items() if len(plains) > 1)
        if clash:
            raise SystemExit(f"{filename}: spelled-out slugs clash with plain ones: {clash}")

        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        commodity: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        hot: set[str] = set()
        demand: set[str] = set()
        for r in rows:
            sid = ids[r["Example"]]
            spellings[sid][r["Example"]] += 1
            commodity[sid][(r["Commodity Code"], " ".join(r["Commodity Title"].split()))] += 1
            occ = onet_occupation_id(r["O*NET-SOC Code"])
            if kind == "onet-tech":
                self.tech_links[occ][0].add(sid)
                if r["Hot Technology"] == "Y":
                    hot.add(sid)
                if r["In Demand"] == "Y":
                    demand.add(sid)
                    self.tech_links[occ][1].add(sid)
            else:
                self.tool_links[occ].add(sid)
        for sid, counted in spellings.items():
            # The most used spelling is the label (ties: the first in code-point order); the others are alt labels.
            ordered = sorted(counted, key=lambda n: (-counted[n], n))
            best_commodity = sorted(commodity[sid], key=lambda c: (-commodity[sid][c], c))[0]
            self.commodities.add(best_commodity)
            flags = (1 if sid in hot else 0) | (2 if sid in demand else 0)
            self.skills[sid] = [SKILL_KINDS.index(kind), ordered[0], ordered[1:], [], None, best_commodity, flags]
        self.notes[f"{kind.replace('-', '_')}_spellings_merged"] = sum(len(n) - 1 for n in spellings.values())

    # ---- Crosswalk ------------------------------------------------------------------------------

    def crosswalk(self) -> None:
        to_2019: dict[str, set[str]] = defaultdict(set)
        for r in plain_csv(self.data / SOC_CROSSWALK):
            to_2019[r["O*NET-SOC 2010 Code"]].add(r["O*NET-SOC 2019 Code"])
        direct: dict[str, tuple[list[str], float]] = {}
        dropped = 0
        for r in plain_csv(self.data / NESTA_CROSSWALK):
            uri = r["concept_uri"]
            codes = sorted(c for c in to_2019.get(r["onet_code"], set()) if onet_occupation_id(c) in self.occupations)
            if uri not in self.occupations or not codes:
                dropped += 1
                continue
            direct[uri] = (codes, float(r["confidence"]))
        self.notes["crosswalk_rows_dropped"] = dropped

        def mapping(uri: str, depth: int = 0) -> tuple[list[str], float] | None:
            if uri in direct:
                return direct[uri]
            if depth > 10:
                return None
            for parent in self.esco_broader_occ.get(uri, []):
                found = mapping(parent, depth + 1)
                if found:
                    return found
            return None

        inherited = 0
        for uri, row in self.occupations.items():
            if OCCUPATION_KINDS[row[0]] != "esco-occupation":
                continue
            found = mapping(uri)
            if not found:
                continue
            codes, confidence = found
            row[5] = mode_low(self.onet_zone[c] for c in codes if c in self.onet_zone)
            row[6] = mode_low(self.onet_education[c] for c in codes if c in self.onet_education)
            row[7] = codes
            row[8] = confidence
            row[9] = 0 if uri in direct else 1
            inherited += uri not in direct
        self.notes["esco_occupations_crosswalked"] = len(direct)
        self.notes["esco_occupations_inherit_crosswalk"] = inherited

    # ---- Output ---------------------------------------------------------------------------------

    def parts(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        skill_ids = sorted(self.skills)
        skill_index = {s: i for i, s in enumerate(skill_ids)}
        occ_ids = sorted(self.occupations)
        occ_index = {o: i for i, o in enumerate(occ_ids)}
        commodities = sorted(self.commodities)
        commodity_index = {c: i for i, c in enumerate(commodities)}

        skill_rows = []
        for sid in skill_ids:
            kind, label, alts, hidden, reuse, commodity, flags = self.skills[sid]
            skill_rows.append([sid, kind, label, alts, hidden, reuse,
                               None if commodity is None else commodity_index[commodity], flags])
        skills = {
            "format": FORMAT,
            "columns": ["id", "kind", "label", "alt_labels", "hidden_labels", "reuse_level", "commodity", "flags"],
            "kinds": SKILL_KINDS,
            "reuse_levels": REUSE_LEVELS,
            "flags": {"hot": 1, "in_demand": 2},
            "commodities": [list(c) for c in commodities],
            "rows": skill_rows,
        }
        occupation_rows = [[oid, *self.occupations[oid]] for oid in occ_ids]
        occupations = {
            "format": FORMAT,
            "columns": ["id", "kind", "code", "label", "alt_titles", "hidden_labels", "job_zone", "education",
                        "onet_codes", "onet_confidence", "onet_via_broader"],
            "kinds": OCCUPATION_KINDS,
            "education": EDUCATION,
            "rows": occupation_rows,
        }

        def idx(values: Iterable[str]) -> list[int]:
            return sorted(skill_index[v] for v in values)

        esco = [[occ_index[o], idx(e), idx(opt)] for o, (e, opt) in sorted(self.esco_links.items(), key=_by(occ_index))]
        onet = []
        for o, ratings in sorted(self.onet_ratings.items(), key=_by(occ_index)):
            elements = sorted(ratings, key=skill_index.__getitem__)
            onet.append([occ_index[o], [skill_index[e] for e in elements],
                         [ratings[e][0] for e in elements], [ratings[e][1] for e in elements]])
        tech = [[occ_index[o], idx(t), idx(d)] for o, (t, d) in sorted(self.tech_links.items(), key=_by(occ_index))]
        tools = [[occ_index[o], idx(t)] for o, t in sorted(self.tool_links.items(), key=_by(occ_index))]
        related = []
        for o, pairs in sorted(self.related.items(), key=_by(occ_index)):
            ordered = sorted(pairs, key=lambda p: TIERS.index(p[1]))  # stable: keeps O*NET's index order
            related.append([occ_index[o], [occ_index[p[0]] for p in ordered], [TIERS.index(p[1]) for p in ordered]])
        broader = [[skill_index[s], idx(b)] for s, b in sorted(self.broader_skills.items(), key=_by(skill_index))]
        rel_skills = [[skill_index[s], idx(e), idx(opt)]
                      for s, (e, opt) in sorted(self.related_skills.items(), key=_by(skill_index))]
        links = {
            "format": FORMAT,
            "tiers": TIERS,
            "esco_occupation_skills": esco,
            "onet_occupation_skills": onet,
            "technologies": tech,
            "tools": tools,
            "related_occupations": related,
            "broader_skills": broader,
            "related_skills": rel_skills,
        }
        return skills, occupations, links

    def counts(self) -> dict[str, int]:
        kinds = Counter(SKILL_KINDS[row[0]] for row in self.skills.values())
        occ_kinds = Counter(OCCUPATION_KINDS[row[0]] for row in self.occupations.values())
        return {
            "esco_skills": kinds["esco-skill"] + kinds["esco-knowledge"],
            "esco_skill_competences": kinds["esco-skill"],
            "esco_knowledge": kinds["esco-knowledge"],
            "esco_skill_groups": kinds["esco-group"],
            "esco_occupations": occ_kinds["esco-occupation"],
            "esco_occupations_with_onet_codes": sum(
                1 for r in self.occupations.values() if OCCUPATION_KINDS[r[0]] == "esco-occupation" and r[7]
            ),
            "esco_occupations_with_job_zone": sum(
                1 for r in self.occupations.values() if OCCUPATION_KINDS[r[0]] == "esco-occupation" and r[5]
            ),
            "esco_essential_links": sum(len(e) for e, _ in self.esco_links.values()),
            "esco_optional_links": sum(len(o) for _, o in self.esco_links.values()),
            "esco_broader_skill_links": sum(len(b) for b in self.broader_skills.values()),
            "esco_related_skill_links": sum(len(e) + len(o) for e, o in self.related_skills.values()),
            "onet_occupations": occ_kinds["onet-occupation"],
            "onet_occupations_with_job_zone": len(self.onet_zone),
            "onet_occupations_with_education": len(self.onet_education),
            "onet_elements": kinds["onet-element"],
            "onet_element_ratings": sum(len(r) for r in self.onet_ratings.values()),
            "onet_technologies": kinds["onet-tech"],
            "onet_hot_technologies": sum(1 for r in self.skills.values() if r[6] & 1),
            "onet_in_demand_technologies": sum(1 for r in self.skills.values() if r[6] & 2),
            "onet_technology_links": sum(len(t) for t, _ in self.tech_links.values()),
            "onet_tools": kinds["onet-tool"],
            "onet_tool_links": sum(len(t) for t in self.tool_links.values()),
            "related_occupation_links": sum(len(p) for p in self.related.values()),
            **dict(sorted(self.notes.items())),
        }


def _by(index: dict[str, int]) -> Any:
    return lambda item: index[item[0]]


def dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def gz(data: bytes) -> bytes:
    """gzip with a fixed header (mtime 0, no file name), so equal input gives equal bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def attribution_md() -> str:
    return (
        "# Skills and occupations data (taxonomy pack)\n\n"
        "`resources/taxonomy/` is built by `scripts/build_taxonomy_pack.py` from the public data sets below. "
        "The pack keeps labels, alternative labels, identifiers and relations; it leaves out descriptions "
        "and re-packs the rest, so each data set is *modified* in the sense of its licence. The lines below "
        "are also in `index.json` (`attribution`) for the README and the app's About box.\n\n"
        "## ESCO v1.1.1 (English)\n\n"
        f"{ATTRIBUTION[0]}\n\n"
        "Source: the European Commission's ESCO CSV download (classification, English; relations), "
        "https://esco.ec.europa.eu/.\n\n"
        "## O*NET 29.2 Database (February 2025)\n\n"
        f"{ATTRIBUTION[1]}\n\n"
        "Source: https://www.onetcenter.org/database.html (Occupation Data, Alternate Titles, Sample of "
        "Reported Titles, Job Zones, Related Occupations, Technology Skills, Tools Used, Education Training and "
        "Experience, Skills, Knowledge, and the legacy Career Changers Matrix). Licence: "
        "https://creativecommons.org/licenses/by/4.0/.\n\n"
        f"{ATTRIBUTION[2]}\n\n"
        "## ESCO to O*NET crosswalk (Nesta)\n\n"
        f"{ATTRIBUTION[3]}\n\n"
        "Source: https://github.com/nestauk/mapping-career-causeways "
        "(supplementary_online_data/ONET_ESCO_crosswalk/esco_onet_crosswalk_Nov2020.csv). "
        "The licence text is copied beside this file.\n"
    )


def build(data: Path, out: Path) -> dict[str, Any]:
    b = Builder(data)
    b.esco()
    b.onet()
    b.crosswalk()
    skills, occupations, links = b.parts()
    out.mkdir(parents=True, exist_ok=True)
    parts: dict[str, Any] = {}
    for name, obj in (("skills", skills), ("occupations", occupations), ("links", links)):
        raw = dump(obj)
        blob = gz(raw)
        (out / f"{name}.json.gz").write_bytes(blob)
        parts[name] = {
            "file": f"{name}.json.gz",
            "bytes": len(blob),
            "sha256": hashlib.sha256(blob).hexdigest(),
            "json_bytes": len(raw),
            "json_sha256": hashlib.sha256(raw).hexdigest(),
        }
    licence = (data / NESTA_LICENCE).read_bytes()
    (out / "LICENSE-nesta-mapping-career-causeways.txt").write_bytes(licence)
    (out / "ATTRIBUTION.md").write_text(attribution_md(), encoding="utf-8", newline="\n")

    def files(paths: Iterable[str]) -> dict[str, str]:
        return {p: sha256_file(data / p) for p in sorted(paths)}

    onet_files = [ONET + n for n in (
        "Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt", "Job Zones.txt",
        "Job Zone Reference.txt", "Education, Training, and Experience.txt", "Skills.txt", "Knowledge.txt",
        "Technology Skills.txt", "Tools Used.txt", "Related Occupations.txt", "Career Changers Matrix (legacy).txt",
    )]
    index = {
        "format": FORMAT,
        "built_by": "scripts/build_taxonomy_pack.py",
        "sources": [
            {"name": "ESCO", "version": "v1.1.1", "language": "en",
             "licence": "© European Union; reuse authorised (Commission Decision 2011/833/EU)",
             "files": files([ESCO_CLASSIFICATION_ZIP, ESCO_RELATIONS_ZIP])},
            {"name": "O*NET", "version": "29.2", "released": "2025-02", "licence": "CC BY 4.0",
             "files": files(onet_files)},
            {"name": "O*NET-SOC 2010 to 2019 crosswalk", "licence": "CC BY 4.0", "files": files([SOC_CROSSWALK])},
            {"name": "Nesta ESCO-O*NET crosswalk", "version": "Nov2020", "licence": "MIT",
             "files": files([NESTA_CROSSWALK, NESTA_LICENCE])},
        ],
        "counts": b.counts(),
        "job_zones": dict(sorted(b.job_zone_names.items())),
        "parts": parts,
        "attribution": ATTRIBUTION,
    }
    (out / "index.json").write_text(
        json.dumps(index, ensure_ascii=False, indent=2) + "\n", encoding="utf-8", newline="\n"
    )
    return index


def write_recogniser_index(out: Path) -> Path:
    """The recogniser's packed index, derived from the pack just written (see scripts/build_recogniser_index.py)."""
    from wallet.skills.index_file import INDEX_FILE
    from wallet.skills.pack import TaxonomyPack  # here: the pack module reads what this script writes
    from wallet.skills.recognise import build_index_file

    target = out / INDEX_FILE
    target.write_bytes(build_index_file(TaxonomyPack(out)))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the raw data folder (with SOURCES.md)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the pack")
    args = parser.parse_args(argv)
    if not (args.data / "SOURCES.md").is_file():
        parser.error(f"no raw taxonomy data at {args.data} (expected SOURCES.md there)")
    index = build(args.data, args.out)
    total = sum(p["bytes"] for p in index["parts"].values())
    print(f"wrote {args.out}: {total:,} bytes in {len(index['parts'])} parts")
    recogniser = write_recogniser_index(args.out)
    print(f"wrote {recogniser}: the skill recogniser's packed index, derived from the pack")
    for key, value in index["counts"].items():
        print(f"  {key}: {value:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

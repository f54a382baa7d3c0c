"""The taxonomy pack: ESCO and O*NET skills and occupations, read from resources/taxonomy/ on first use.

`load_pack()` returns one shared `TaxonomyPack`. Making it reads nothing; each part is read, checked against
the sha256 in index.json and decoded the first time a method needs it, under a lock, so threads may share
the pack. Recognising labels needs only the skills or occupations part; links are read when asked for.

Identifiers follow `wallet.skills.ids` (ESCO concept URIs; ``onet:occ:…``, ``onet:element:…``,
``onet:tech:…``, ``onet:tool:…``). A method given an id that is not in the pack raises `UnknownConceptError`;
a missing or damaged pack raises `TaxonomyPackError`.

The files (written by scripts/build_taxonomy_pack.py; UTF-8 JSON, gzip-compressed, rows sorted by id):

- ``index.json``: ``format``, ``sources`` (versions, licences, sha256 of the raw files), ``counts``,
  ``job_zones`` (zone → plain name), ``parts`` (file, bytes, sha256 of each part) and ``attribution`` lines.
- ``skills.json.gz``: ``kinds``, ``reuse_levels``, ``commodities`` ([code, title]) and ``rows`` of
  ``[id, kind index, label, alt labels, hidden labels, reuse level index | null, commodity index | null,
  flags (1 hot, 2 in demand)]``.
- ``occupations.json.gz``: ``kinds``, ``education`` (plain words) and ``rows`` of ``[id, kind index, code,
  label, alt titles, hidden labels, job zone | null, education index | null, O*NET-SOC codes,
  crosswalk confidence | null, 1 if the codes come from a broader ESCO occupation]``.
- ``links.json.gz``: lists keyed by row numbers of the two tables above (so the large link lists are
  small integers): ``esco_occupation_skills`` ``[occ, [essential skills], [optional skills]]``,
  ``onet_occupation_skills`` ``[occ, [elements], [importance], [level | null]]``, ``technologies``
  ``[occ, [tech], [in demand for this occupation]]``, ``tools`` ``[occ, [tools]]``,
  ``related_occupations`` ``[occ, [occs], [tier indexes]]`` (with ``tiers``), ``broader_skills``
  ``[skill, [broader]]`` and ``related_skills`` ``[skill, [essential], [optional]]``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from wallet.errors import UsageError, WalletError
from wallet.resources import resource_path
from wallet.skills.ids import ONET_OCCUPATION_PREFIX

FORMAT: Final = "ler-wallet-taxonomy-pack/1"

SKILL_KINDS: Final = ("esco-skill", "esco-knowledge", "esco-group", "onet-element", "onet-tech", "onet-tool")
"""Every kind of skill-like concept. ``esco-group`` is an ESCO skill group (a node of the skills hierarchy)."""
OCCUPATION_KINDS: Final = ("esco-occupation", "onet-occupation")
RELATION_TYPES: Final = ("essential", "optional", "onet")
"""The second item of an `occupation_skills` entry: ESCO essential or optional, or an O*NET rating."""
TIERS: Final = ("Primary-Short", "Primary-Long", "Supplemental", "Career-Changer (legacy)", "broader", "narrower")
"""Related-occupation tiers: O*NET's three, the legacy O*NET career changers matrix, and ESCO's hierarchy."""

_HOT = 1
_IN_DEMAND = 2


class TaxonomyPackError(WalletError):
    """The skills and occupations data that comes with the app is missing, damaged or of another version."""


class UnknownConceptError(UsageError, LookupError):
    """The id names no skill or occupation in the pack."""

    def __init__(self, what: str, concept_id: str) -> None:
        shown = concept_id if len(concept_id) <= 120 else concept_id[:119] + "…"
        super().__init__(f"There is no {what} with the id {shown} in the skills data.")
        self.concept_id = concept_id


@dataclass(frozen=True, slots=True)
class Skill:
    """A skill, knowledge item, O*NET element, technology or tool (or an ESCO skill group)."""

    id: str
    label: str
    alt_labels: tuple[str, ...]
    kind: str
    """One of `SKILL_KINDS`: esco-skill, esco-knowledge, esco-group, onet-element, onet-tech, onet-tool."""
    reuse_level: str | None = None
    """ESCO only: transversal, cross-sector, sector-specific or occupation-specific."""
    hot: bool = False
    """O*NET technology only: a Hot Technology (often named in job postings)."""
    in_demand: bool = False
    """O*NET technology only: In Demand for at least one occupation (see `TaxonomyPack.technologies`)."""
    commodity_code: str | None = None
    """O*NET technology or tool: its UNSPSC commodity code (the most used one when it has several)."""
    commodity_title: str | None = None
    hidden_labels: tuple[str, ...] = ()
    """ESCO's hidden labels: misspellings and old terms to find it by, never to show."""


@dataclass(frozen=True, slots=True)
class Occupation:
    """An ESCO or O*NET occupation."""

    id: str
    label: str
    alt_titles: tuple[str, ...]
    job_zone: int | None
    """O*NET job zone 1-5 (preparation needed); ESCO occupations get theirs through the crosswalk."""
    education: str | None
    """Typical education in plain words: the most common O*NET "required level of education"."""
    onet_codes: tuple[str, ...]
    """O*NET-SOC codes: its own for an O*NET occupation; for an ESCO one, those of the crosswalk."""
    kind: str
    """esco-occupation or onet-occupation."""
    code: str
    """ESCO code (ISCO unit group and a suffix, "8344.1") or O*NET-SOC code ("53-7051.00")."""
    hidden_labels: tuple[str, ...] = ()
    onet_confidence: float | None = None
    """ESCO only: the Nesta crosswalk's confidence in the match: 0.5, 1 or 2 (highest)."""
    onet_via_broader: bool = False
    """ESCO only: the codes are those of a broader ESCO occupation (the crosswalk maps only the top level)."""

    @property
    def onet_ids(self) -> tuple[str, ...]:
        """The O*NET occupation ids of `onet_codes`."""
        return tuple(ONET_OCCUPATION_PREFIX + c for c in self.onet_codes)


OccupationSkill = tuple[str, str, float | None, float | None]
"""(skill id, "essential" | "optional" | "onet", O*NET importance 1-5, O*NET level 0-7); None where not rated."""


T = TypeVar("T")


class _Table(Generic[T]):
    """Rows sorted by id: the id list, a reverse index, and the objects."""

    __slots__ = ("ids", "index", "items")

    def __init__(self, ids: list[str], items: list[T]) -> None:
        self.ids = ids
        self.index = {i: n for n, i in enumerate(ids)}
        self.items = items


def _ints(values: list[int]) -> Sequence[int]:
    """A link list as 4-byte integers: the pack's 600,000 links would be a Python int object each (~20 MiB)."""
    return array("i", values)


class _Links:
    __slots__ = ("broader", "esco", "onet", "related", "related_skills", "tech", "tiers", "tools")

    def __init__(self, data: dict[str, Any]) -> None:
        self.tiers: tuple[str, ...] = tuple(data["tiers"])
        self.esco: dict[int, tuple[Sequence[int], Sequence[int]]] = {
            r[0]: (_ints(r[1]), _ints(r[2])) for r in data["esco_occupation_skills"]
        }
        self.onet: dict[int, tuple[Sequence[int], list[float | None], list[float | None]]] = {
            r[0]: (_ints(r[1]), r[2], r[3]) for r in data["onet_occupation_skills"]
        }
        self.tech: dict[int, tuple[Sequence[int], Sequence[int]]] = {
            r[0]: (_ints(r[1]), _ints(r[2])) for r in data["technologies"]
        }
        self.tools: dict[int, Sequence[int]] = {r[0]: _ints(r[1]) for r in data["tools"]}
        self.related: dict[int, tuple[Sequence[int], Sequence[int]]] = {
            r[0]: (_ints(r[1]), _ints(r[2])) for r in data["related_occupations"]
        }
        self.broader: dict[int, Sequence[int]] = {r[0]: _ints(r[1]) for r in data["broader_skills"]}
        self.related_skills: dict[int, tuple[Sequence[int], Sequence[int]]] = {
            r[0]: (_ints(r[1]), _ints(r[2])) for r in data["related_skills"]
        }


class TaxonomyPack:
    """Skills, occupations and the links between them, read lazily from a pack folder."""

    def __init__(self, root: Traversable | Path | None = None) -> None:
        self._root: Traversable | Path = resource_path("taxonomy") if root is None else root
        self._lock = threading.RLock()
        self._index: dict[str, Any] | None = None
        self._skills: _Table[Skill] | None = None
        self._occupations: _Table[Occupation] | None = None
        self._links: _Links | None = None
        self._skill_occupations: tuple[Sequence[int], Sequence[int]] | None = None
        self._narrower: dict[int, list[int]] | None = None

    # ---- reading --------------------------------------------------------------------------------

    @property
    def index(self) -> dict[str, Any]:
        """index.json as read: format, sources, counts, job_zones, parts, attribution."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    try:
                        data = json.loads(self._root.joinpath("index.json").read_bytes())
                    except (OSError, ValueError) as exc:
                        raise TaxonomyPackError(
                            "The skills and occupations data of LER Wallet is missing or unreadable "
                            f"({exc.__class__.__name__}). Reinstalling the app restores it."
                        ) from exc
                    if not isinstance(data, dict) or data.get("format") != FORMAT:
                        raise TaxonomyPackError(
                            "The skills and occupations data was made for another version of LER Wallet."
                        )
                    self._index = data
        return self._index

    def _part(self, name: str) -> dict[str, Any]:
        entry = self.index["parts"][name]
        try:
            blob = self._root.joinpath(entry["file"]).read_bytes()
        except OSError as exc:
            raise TaxonomyPackError(
                f"The skills data file {entry['file']} is missing. Reinstalling LER Wallet restores it."
            ) from exc
        if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
            raise TaxonomyPackError(
                f"The skills data file {entry['file']} is damaged. Reinstalling LER Wallet restores it."
            )
        data: dict[str, Any] = json.loads(gzip.decompress(blob))
        if data.get("format") != FORMAT:
            raise TaxonomyPackError("The skills and occupations data was made for another version of LER Wallet.")
        return data

    def _skill_table(self) -> _Table[Skill]:
        if self._skills is None:
            with self._lock:
                if self._skills is None:
                    self._skills = self._read_skills()
        return self._skills

    def _read_skills(self) -> _Table[Skill]:
        data = self._part("skills")
        kinds: list[str] = data["kinds"]
        reuse: list[str] = data["reuse_levels"]
        commodities: list[tuple[str, str] | tuple[None, None]] = [(c, t) for c, t in data["commodities"]]
        commodities.append((None, None))  # index -1 (null → -1 below)
        ids: list[str] = []
        items: list[Skill] = []
        for sid, kind, label, alts, hidden, reuse_i, commodity_i, flags in data["rows"]:
            code, title = commodities[-1 if commodity_i is None else commodity_i]
            ids.append(sid)
            items.append(Skill(
                sid, label, tuple(alts), kinds[kind], None if reuse_i is None else reuse[reuse_i],
                bool(flags & _HOT), bool(flags & _IN_DEMAND), code, title, tuple(hidden),
            ))
        return _Table(ids, items)

    def _occupation_table(self) -> _Table[Occupation]:
        if self._occupations is None:
            with self._lock:
                if self._occupations is None:
                    self._occupations = self._read_occupations()
        return self._occupations

    def _read_occupations(self) -> _Table[Occupation]:
        data = self._part("occupations")
        kinds: list[str] = data["kinds"]
        education: list[str] = data["education"]
        ids: list[str] = []
        items: list[Occupation] = []
        for oid, kind, code, label, alts, hidden, zone, edu, codes, confidence, via in data["rows"]:
            ids.append(oid)
            items.append(Occupation(
                oid, label, tuple(alts), zone, None if edu is None else education[edu], tuple(codes),
                kinds[kind], code, tuple(hidden), confidence, bool(via),
            ))
        return _Table(ids, items)

    def _link_table(self) -> _Links:
        if self._links is None:
            with self._lock:
                if self._links is None:
                    self._links = _Links(self._part("links"))
        return self._links

    def part_hashes(self) -> list[tuple[str, str]]:
        """(part name, sha256) of every part, sorted: what identifies this pack's data (see index.json)."""
        return sorted((str(name), str(part.get("sha256", ""))) for name, part in self.index.get("parts", {}).items())

    def read_file(self, name: str) -> bytes | None:
        """A file shipped beside the pack's parts (the recogniser's index), or None when there is none."""
        try:
            return self._root.joinpath(name).read_bytes()
        except OSError:
            return None

    def load_all(self) -> None:
        """Read every part now (e.g. in a background thread at start-up) instead of on first use."""
        self._skill_table()
        self._occupation_table()
        self._link_table()

    # ---- about the data -------------------------------------------------------------------------

    @property
    def attribution(self) -> tuple[str, ...]:
        """The credit lines the data's licences ask for (README, About box)."""
        return tuple(self.index["attribution"])

    @property
    def counts(self) -> dict[str, int]:
        """How many skills, occupations and links of each kind the pack holds (from index.json)."""
        return dict(self.index["counts"])

    def job_zone_name(self, zone: int) -> str:
        """O*NET's name for a job zone in plain words: 2 → "Some preparation needed"."""
        try:
            return str(self.index["job_zones"][str(zone)])
        except KeyError:
            raise UsageError(f"There is no job zone {zone}; job zones run from 1 to 5.") from None

    # ---- skills ---------------------------------------------------------------------------------

    def _skill_no(self, skill_id: str) -> int:
        n = self._skill_table().index.get(skill_id)
        if n is None:
            raise UnknownConceptError("skill", skill_id)
        return n

    def skill(self, skill_id: str) -> Skill:
        """The skill (any kind in `SKILL_KINDS`, skill groups included) with this id."""
        table = self._skill_table()
        return table.items[self._skill_no(skill_id)]

    def get_skill(self, skill_id: str) -> Skill | None:
        """The skill with this id, or None."""
        table = self._skill_table()
        n = table.index.get(skill_id)
        return None if n is None else table.items[n]

    def skills(self, kinds: Iterable[str] | None = None) -> Iterator[Skill]:
        """Every skill in id order; by default all kinds but ESCO skill groups (pass `kinds` to choose)."""
        wanted = frozenset(kinds) if kinds is not None else frozenset(SKILL_KINDS) - {"esco-group"}
        unknown = wanted - frozenset(SKILL_KINDS)
        if unknown:
            raise UsageError(f"Unknown kind of skill: {', '.join(sorted(unknown))}.")
        return (s for s in self._skill_table().items if s.kind in wanted)

    def broader_skills(self, skill_id: str) -> list[str]:
        """The direct broader concepts of a skill in ESCO's skills pillar: skills or skill groups."""
        n = self._skill_no(skill_id)
        ids = self._skill_table().ids
        return [ids[b] for b in self._link_table().broader.get(n, ())]

    def narrower_skills(self, skill_id: str) -> list[str]:
        """The concepts whose direct broader concept this is."""
        n = self._skill_no(skill_id)
        if self._narrower is None:
            with self._lock:
                if self._narrower is None:
                    narrower: dict[int, list[int]] = {}
                    for child, parents in self._link_table().broader.items():
                        for parent in parents:
                            narrower.setdefault(parent, []).append(child)
                    self._narrower = narrower
        ids = self._skill_table().ids
        return [ids[c] for c in sorted(self._narrower.get(n, ()))]

    def related_skills(self, skill_id: str) -> list[tuple[str, str]]:
        """ESCO's skill-to-skill relations: (skill id, "essential" | "optional")."""
        n = self._skill_no(skill_id)
        ids = self._skill_table().ids
        essential, optional = self._link_table().related_skills.get(n, ((), ()))
        return [(ids[s], "essential") for s in essential] + [(ids[s], "optional") for s in optional]

    def occupations_for_skill(self, skill_id: str) -> list[str]:
        """Occupations linked to a skill (ESCO essential or optional, O*NET rated, technology or tool), by id."""
        n = self._skill_no(skill_id)
        if self._skill_occupations is None:
            with self._lock:
                if self._skill_occupations is None:
                    self._skill_occupations = self._reverse_links()
        starts, occupations = self._skill_occupations
        ids = self._occupation_table().ids
        return [ids[o] for o in sorted(set(occupations[starts[n] : starts[n + 1]]))]

    def _reverse_links(self) -> tuple[Sequence[int], Sequence[int]]:
        """Every skill's occupations in two flat integer arrays: skill n's are `occupations[starts[n]:starts[n +
        1]]` (600,000 links as a dict of lists were 600,000 Python ints while it was made)."""
        links = self._link_table()
        lists: list[tuple[int, Sequence[int]]] = []
        for occ, (essential, optional) in links.esco.items():
            lists += ((occ, essential), (occ, optional))
        lists += ((occ, elements) for occ, (elements, _importance, _level) in links.onet.items())
        lists += ((occ, tech) for occ, (tech, _demand) in links.tech.items())
        lists += links.tools.items()
        size = len(self._skill_table().ids)
        counts = array("i", bytes(4 * (size + 1)))
        for _occ, skills in lists:
            for s in skills:
                counts[s + 1] += 1
        starts = array("i", counts)
        for n in range(1, size + 1):
            starts[n] += starts[n - 1]
        occupations = array("i", bytes(4 * starts[size]))
        fill = array("i", starts)
        for occ, skills in lists:
            for s in skills:
                occupations[fill[s]] = occ
                fill[s] += 1
        return starts, occupations

    # ---- occupations ----------------------------------------------------------------------------

    def _occupation_no(self, occupation_id: str) -> int:
        n = self._occupation_table().index.get(occupation_id)
        if n is None:
            raise UnknownConceptError("occupation", occupation_id)
        return n

    def occupation(self, occupation_id: str) -> Occupation:
        """The occupation with this id."""
        return self._occupation_table().items[self._occupation_no(occupation_id)]

    def get_occupation(self, occupation_id: str) -> Occupation | None:
        """The occupation with this id, or None."""
        table = self._occupation_table()
        n = table.index.get(occupation_id)
        return None if n is None else table.items[n]

    def occupations(self, kinds: Iterable[str] | None = None) -> Iterator[Occupation]:
        """Every occupation (ESCO and O*NET, or the `kinds` asked for) in id order."""
        wanted = frozenset(kinds) if kinds is not None else frozenset(OCCUPATION_KINDS)
        unknown = wanted - frozenset(OCCUPATION_KINDS)
        if unknown:
            raise UsageError(f"Unknown kind of occupation: {', '.join(sorted(unknown))}.")
        return (o for o in self._occupation_table().items if o.kind in wanted)

    def occupation_skills(self, occupation_id: str) -> list[OccupationSkill]:
        """The skills an occupation asks for, as the source links them.

        ESCO occupations: (skill id, "essential" | "optional", None, None), essential first.
        O*NET occupations: (element id, "onet", importance 1-5, level 0-7 or None where O*NET marks the
        level not relevant), for the 879 rated occupations. An ESCO occupation's O*NET ratings are those of
        its `onet_ids`.
        """
        n = self._occupation_no(occupation_id)
        links = self._link_table()
        ids = self._skill_table().ids
        out: list[OccupationSkill] = []
        essential, optional = links.esco.get(n, ((), ()))
        out.extend((ids[s], "essential", None, None) for s in essential)
        out.extend((ids[s], "optional", None, None) for s in optional)
        elements, importance, level = links.onet.get(n, ((), (), ()))
        out.extend((ids[s], "onet", i, v) for s, i, v in zip(elements, importance, level, strict=True))
        return out

    def related_occupations(self, occupation_id: str) -> list[tuple[str, str]]:
        """(occupation id, tier) pairs, closest first.

        O*NET occupations: O*NET's Related Occupations (Primary-Short, Primary-Long, Supplemental, in O*NET's
        order), then the legacy career changers matrix ("Career-Changer (legacy)") where it adds a pair.
        ESCO occupations: the broader and narrower ESCO occupations ("broader", "narrower"); their O*NET
        pathways are those of `onet_ids`.
        """
        n = self._occupation_no(occupation_id)
        links = self._link_table()
        ids = self._occupation_table().ids
        others, tiers = links.related.get(n, ((), ()))
        return [(ids[o], links.tiers[t]) for o, t in zip(others, tiers, strict=True)]

    def _onet_numbers(self, n: int) -> list[int]:
        table = self._occupation_table()
        occupation = table.items[n]
        if occupation.kind == "onet-occupation":
            return [n]
        return [table.index[i] for i in occupation.onet_ids if i in table.index]

    def technologies(self, occupation_id: str, *, in_demand_only: bool = False) -> list[str]:
        """O*NET technology skill ids named for an occupation, in id order.

        An ESCO occupation gets those of its O*NET occupations (the crosswalk). With `in_demand_only`,
        only those O*NET marks In Demand for the occupation.
        """
        n = self._occupation_no(occupation_id)
        links = self._link_table()
        found: set[int] = set()
        for o in self._onet_numbers(n):
            tech, demand = links.tech.get(o, ((), ()))
            found.update(demand if in_demand_only else tech)
        ids = self._skill_table().ids
        return [ids[s] for s in sorted(found)]

    def tools(self, occupation_id: str) -> list[str]:
        """O*NET tool ids named for an occupation (an ESCO one: through the crosswalk), in id order."""
        n = self._occupation_no(occupation_id)
        links = self._link_table()
        found: set[int] = set()
        for o in self._onet_numbers(n):
            found.update(links.tools.get(o, ()))
        ids = self._skill_table().ids
        return [ids[s] for s in sorted(found)]


_pack: TaxonomyPack | None = None
_pack_lock = threading.Lock()


def load_pack() -> TaxonomyPack:
    """The shared pack of the bundled resources/taxonomy/ (made once; its parts are read on first use)."""
    global _pack
    if _pack is None:
        with _pack_lock:
            if _pack is None:
                _pack = TaxonomyPack()
    return _pack


def attribution() -> tuple[str, ...]:
    """The data's credit lines for the README and the About box (reads only index.json)."""
    return load_pack().attribution

"""An opportunity (a job posting, an apprenticeship) read from pasted text, a text file or schema.org
``JobPosting`` JSON-LD: its title, its text, the occupations it most likely is, and the skills it asks for.

Skills come from two places, kept apart: the ones the posting *names* (found in its text by
`wallet.skills.recognise`) and the *usual* skills of the occupation it most likely is (ESCO essential skills;
for an O*NET occupation those of the ESCO occupations the crosswalk maps to it, and its In Demand
technologies), minus the ones the posting already names.

Occupations are found three ways, strongest first: the posting's own O*NET-SOC code (``occupationalCategory``),
the title matched against every occupation title (ESCO preferred and alternative labels, O*NET titles and
alternate titles, stemmed as `wallet.skills.text` does), and the overlap between the skills the posting names
and each occupation's skills. Occupation titles in the body text count a little. The title index is built
once per process, on first use.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Final

from wallet.credentials.formats import as_list
from wallet.credentials.limits import check_size, read_json
from wallet.errors import CredentialFormatError, InvalidInputError
from wallet.inputs import decode_text
from wallet.skills.ids import is_esco, onet_occupation_id
from wallet.skills.pack import Occupation, TaxonomyPack, load_pack
from wallet.skills.recognise import Mention, Recogniser, recogniser
from wallet.skills.text import stem, word_pairs

TOP_OCCUPATIONS: Final = 3
MAX_TECHNOLOGIES: Final = 8
"""In Demand technologies kept among an O*NET occupation's usual skills (the most widely used first)."""
CROSSWALK_SHARE: Final = 0.5
"""An ESCO essential skill is one of an O*NET occupation's usual skills when at least this share of the ESCO
occupations the crosswalk maps to it list it."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words in a job title that say nothing about the occupation ("Junior", "2nd shift", "Remote"), as stems.
_TITLE_NOISE = frozenset(stem(w) for w in _words(
    """junior senior sr jr entry level i ii iii iv 1st 2nd 3rd shift part full time remote hybrid temporary temp
    seasonal contract needed wanted hiring urgent immediate start day night weekend ft pt am pm p m flexible"""
))
_TITLE_SPLIT = re.compile(r"\s+[-–—]\s+|[|(\[,;:•·]|\s[–—]|[–—]\s")
_TITLE_PREFIX = re.compile(r"^\s*(?:job\s+title|position|title|role|job)\s*[:\-–]\s*", re.IGNORECASE)
_SOC_CODE = re.compile(r"\b(\d{2}-\d{4})(\.\d{2})?\b")


# ---- the result ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OccupationGuess:
    """An occupation the opportunity likely is, with a 0-1 score and the reason in plain words."""

    id: str
    label: str
    score: float
    why: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "score": round(self.score, 3), "why": self.why}


@dataclass(frozen=True, slots=True)
class UsualSkill:
    """A skill the likely occupation usually asks for that the posting itself does not name."""

    skill_id: str
    label: str
    occupation_id: str
    occupation_label: str
    importance: float
    """0-1: 1 for an ESCO essential skill; for an O*NET occupation the share of its ESCO occupations listing it."""


@dataclass
class Opportunity:
    """A job posting or other opportunity, read and understood."""

    title: str
    text: str
    """The plain text read for skills (a JobPosting's title, description, skills, qualifications…)."""
    source: str
    """"text" (pasted or a text file) or "jobposting" (schema.org JSON-LD)."""
    occupations: list[OccupationGuess] = field(default_factory=list)
    """Most likely first (at most three)."""
    posting_skills: list[Mention] = field(default_factory=list)
    """The skills the posting names, in the order they first appear."""
    occupation_skills: list[UsualSkill] = field(default_factory=list)
    """The usual skills of the most likely occupation(s) that the posting does not name."""
    organization: str | None = None
    unrecognised_skills: list[str] = field(default_factory=list)
    """Skill names a JobPosting lists outright that match no skill in the taxonomy."""

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "organization": self.organization,
            "occupations": [o.to_json() for o in self.occupations],
            "posting_skills": [
                {"id": m.skill_id, "label": m.label, "matched_text": m.matched_text, "start": m.start, "end": m.end,
                 "matched_label": m.matched_label, "why": m.why}
                for m in self.posting_skills
            ],
            "occupation_skills": [
                {"id": s.skill_id, "label": s.label, "occupation": s.occupation_id,
                 "importance": round(s.importance, 3)}
                for s in self.occupation_skills
            ],
            "unrecognised_skills": list(self.unrecognised_skills),
        }


# ---- reading ---------------------------------------------------------------------------------------------


def read_opportunity(data: bytes | str, pack: TaxonomyPack | None = None,
                     finder: Recogniser | None = None) -> Opportunity:
    """Read a posting: schema.org JobPosting JSON-LD (bare, in a list or ``@graph``, or in an HTML page's
    ``<script type="application/ld+json">``), a JSON object with ``title`` and ``text``/``description``, HTML,
    or plain text whose first non-empty line is the title.

    Raises `InvalidInputError` (or `CredentialFormatError` for broken JSON) with a sentence a person understands.
    """
    pack = pack or load_pack()
    finder = finder or recogniser()
    text = _decode(data)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        opportunity = _from_json(read_json(stripped, "The posting", unique_members=False), pack, finder)
    elif stripped.startswith("<"):
        page = _Html()
        page.read(stripped)
        posting = next((p for blob in page.json_ld for p in _job_postings(_try_json(blob))), None)
        if posting is not None:
            opportunity = _from_job_posting(posting, pack, finder)
        else:
            opportunity = _from_text(page.text(), finder)
    else:
        opportunity = _from_text(text, finder)
    _find_occupations(opportunity, pack)
    return opportunity


def _decode(data: bytes | str) -> str:
    check_size(data, "The posting")
    if isinstance(data, bytes):
        return decode_text(data, "The posting")  # an image or a program is refused by name, not read for skills
    return data.removeprefix("\ufeff")


def _try_json(blob: str) -> Any:
    try:
        return read_json(blob, "The posting's structured data", unique_members=False)
    except CredentialFormatError:
        return None


def _job_postings(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """JobPosting objects in a JSON-LD document: the top object, list items, ``@graph`` entries."""
    if depth > 3:
        return
    if isinstance(value, list):
        for item in value:
            yield from _job_postings(item, depth + 1)
    elif isinstance(value, dict):
        kind = value.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting" for k in kinds):
            yield value
        if "@graph" in value:
            yield from _job_postings(value["@graph"], depth + 1)


def _from_json(value: Any, pack: TaxonomyPack, finder: Recogniser) -> Opportunity:
    posting = next(_job_postings(value), None)
    if posting is not None:
        return _from_job_posting(posting, pack, finder)
    if isinstance(value, dict):
        body = _plain(value.get("text")) or _plain(value.get("description"))
        if body.strip():
            title = _plain(value.get("title"))
            opportunity = _from_text(_html_to_text(body) if "<" in body else body, finder)
            if title.strip():
                opportunity.title = _one_line(title)
            return opportunity
    raise InvalidInputError(
        "This JSON is not a job posting: the wallet reads schema.org JobPosting data, or an object with a "
        "title and a text or description."
    )


def _from_text(text: str, finder: Recogniser) -> Opportunity:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text and re.search(r"</?(?:p|br|li|div|ul|h\d)\b", text, re.IGNORECASE):
        text = _html_to_text(text)
    lines = [line.strip() for line in text.split("\n")]
    title = next((line for line in lines if line), "")
    if not title:
        raise InvalidInputError("The posting is empty; paste its text or choose a file that holds it.")
    title = _title_of_line(_TITLE_PREFIX.sub("", title)) or _title_of_line(title)
    return Opportunity(title=title, text=text.strip(), source="text", posting_skills=finder.find(text))


_SENTENCE_END = re.compile(r"[.!?](?=\s)")
TITLE_WORDS_MAX = 90  # characters: a first line longer than this is the posting's text, not its title


def _title_of_line(line: str) -> str:
    """A title from a posting's first line: the line itself, its first sentence when the line runs on, or its
    opening words cut at a word boundary with an ellipsis — never a word cut in half."""
    line = " ".join(line.split())
    if len(line) <= TITLE_WORDS_MAX:
        return line
    end = _SENTENCE_END.search(line)
    if end and 3 <= end.start() <= TITLE_WORDS_MAX:
        return line[: end.start()]
    cut = line.rfind(" ", 0, TITLE_WORDS_MAX)
    return line[: cut if cut > 0 else TITLE_WORDS_MAX].rstrip(" ,;:–-") + "…"


def _from_job_posting(posting: dict[str, Any], pack: TaxonomyPack, finder: Recogniser) -> Opportunity:
    title = _one_line(_html_to_text(_plain(posting.get("title")) or _plain(posting.get("name"))))
    parts: list[str] = [title] if title else []
    for key, heading in (("description", ""), ("responsibilities", "Responsibilities"),
                         ("qualifications", "Qualifications"), ("experienceRequirements", "Experience"),
                         ("educationRequirements", "Education"), ("skills", "Skills")):
        words = [_html_to_text(w) for w in _strings(posting.get(key))]
        words = [w for w in words if w.strip()]
        if words:
            body = "\n".join(f"- {w}" if key == "skills" else w for w in words)
            parts.append(f"{heading}:\n{body}" if heading else body)
    text = "\n\n".join(parts)
    if not text.strip():
        raise InvalidInputError("The JobPosting has no title, description or skills to read.")
    mentions = finder.find(text)
    found = {m.skill_id for m in mentions}
    unrecognised: list[str] = []
    for item in as_list(posting.get("skills")):
        skill_id = _concept_id(item)
        name = _plain(item.get("name")) if isinstance(item, dict) else _plain(item)
        if skill_id is not None and skill_id not in found and pack.get_skill(skill_id) is not None:
            start = max(text.find(name), 0) if name else 0
            label = pack.skill(skill_id).label
            mentions.append(Mention(skill_id, label, name or label, start, start + len(name), label, True))
            found.add(skill_id)
        elif name:
            unrecognised.extend(n.strip() for n in re.split(r"[,;\n]", name) if n.strip() and not finder.find(n))
    mentions.sort(key=lambda m: (m.start, m.skill_id))
    organization = posting.get("hiringOrganization")
    org_name = _plain(organization.get("name")) if isinstance(organization, dict) else _plain(organization)
    opportunity = Opportunity(title=title or "Job posting", text=text, source="jobposting", posting_skills=mentions,
                              organization=org_name or None, unrecognised_skills=unrecognised[:20])
    opportunity.occupations = _declared_occupations(posting, pack)
    return opportunity


def _declared_occupations(posting: dict[str, Any], pack: TaxonomyPack) -> list[OccupationGuess]:
    """The occupations a JobPosting names outright: an O*NET-SOC code or an ESCO occupation URI."""
    out: list[OccupationGuess] = []
    for item in as_list(posting.get("occupationalCategory")):
        candidates: list[tuple[str, str]] = []
        concept = _concept_id(item)
        if concept is not None:
            candidates.append((concept, "its ESCO occupation"))
        for text in (_strings(item) if not isinstance(item, dict) else
                     [_plain(item.get("codeValue")), _plain(item.get("name")), _plain(item.get("termCode"))]):
            for match in _SOC_CODE.finditer(text):
                code = match.group(1) + (match.group(2) or ".00")
                candidates.append((onet_occupation_id(code), f"its O*NET-SOC code {code}"))
            if is_esco(text.strip()):
                candidates.append((text.strip(), "its ESCO occupation"))
        for occupation_id, how in candidates:
            occupation = pack.get_occupation(occupation_id)
            if occupation is not None and all(o.id != occupation_id for o in out):
                out.append(OccupationGuess(occupation.id, occupation.label, 1.0,
                                           f"The posting gives {how} ({occupation.label})."))
    return out


def _concept_id(item: Any) -> str | None:
    """An ESCO URI a DefinedTerm or CategoryCode gives as its ``@id``, ``url`` or ``sameAs``."""
    if isinstance(item, dict):
        for key in ("@id", "url", "sameAs"):
            value = item.get(key)
            if isinstance(value, str):
                value = value.strip().replace("https://", "http://", 1)
                if is_esco(value):
                    return value
    return None




def _plain(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _strings(value: Any) -> list[str]:
    """Text values of a JobPosting property: strings, or objects with a name, description or credential category."""
    out: list[str] = []
    for item in as_list(value):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for key in ("name", "description", "credentialCategory", "text"):
                inner = item.get(key)
                if isinstance(inner, str):
                    out.append(inner)
                elif isinstance(inner, dict) and isinstance(inner.get("name"), str):
                    out.append(inner["name"])
            months = item.get("monthsOfExperience")
            if isinstance(months, int | float) and not isinstance(months, bool):
                out.append(f"{months:g} months of experience")
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


# ---- HTML to text (no network, no entities beyond the standard ones, scripts and styles dropped) -----------


_BLOCK = _words("p div br ul ol li h1 h2 h3 h4 h5 h6 tr table section article header footer dt dd")


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip = 0
        self._script_json = False
        self.json_ld: list[str] = []

    def read(self, html: str) -> None:
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self._skip += 1
            kind = dict(attrs).get("type") or ""
            self._script_json = tag == "script" and kind.strip().lower() == "application/ld+json"
        elif tag == "li":
            self._parts.append("\n- ")
        elif tag in _BLOCK:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template", "noscript"):
            self._skip = max(0, self._skip - 1)
            self._script_json = False
        elif tag in _BLOCK:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._script_json:
            self.json_ld.append(data)
        elif not self._skip:
            self._parts.append(data)

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self._parts).split("\n")]
        out: list[str] = []
        for line in lines:
            if line or (out and out[-1]):
                out.append(line)
        return "\n".join(out).strip()


def _html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (a JobPosting description); plain text is returned unchanged."""
    if "<" not in html and "&" not in html:
        return html
    parser = _Html()
    parser.read(html)
    return parser.text()


# ---- the occupations' usual skills -------------------------------------------------------------------------


class _PackCache:
    """What this module works out from a pack once: the title index, the crosswalk backwards, usual skills."""

    def __init__(self, pack: TaxonomyPack) -> None:
        self.lock = threading.Lock()
        self.titles: _TitleIndex | None = None
        self.crosswalk: dict[str, list[Occupation]] | None = None
        self.usual: dict[str, list[tuple[str, float]]] = {}
        self.tech_demand: dict[str, int] | None = None


_caches: weakref.WeakKeyDictionary[TaxonomyPack, _PackCache] = weakref.WeakKeyDictionary()
_caches_lock = threading.Lock()


def _cache(pack: TaxonomyPack) -> _PackCache:
    cache = _caches.get(pack)
    if cache is None:
        with _caches_lock:
            cache = _caches.get(pack)
            if cache is None:
                cache = _caches[pack] = _PackCache(pack)
    return cache


def crosswalk(pack: TaxonomyPack, onet_code: str) -> list[Occupation]:
    """The ESCO occupations the crosswalk maps to an O*NET-SOC code (their own mapping, not a broader one's)."""
    cache = _cache(pack)
    if cache.crosswalk is None:
        with cache.lock:
            if cache.crosswalk is None:
                found: dict[str, list[Occupation]] = defaultdict(list)
                for occupation in pack.occupations(("esco-occupation",)):
                    for code in occupation.onet_codes:
                        found[code].append(occupation)
                cache.crosswalk = dict(found)
    mapped = cache.crosswalk.get(onet_code, [])
    own = [o for o in mapped if not o.onet_via_broader]
    return own or mapped


def usual_skills(pack: TaxonomyPack, occupation_id: str) -> list[tuple[str, float]]:
    """An occupation's usual (essential) skills as (skill id, importance 0-1), most important first.

    ESCO: its essential skills (importance 1). O*NET: the essential skills of the ESCO occupations the
    crosswalk maps to it with the most confidence: those at least half of them (and at least two) list
    (importance = that share); when that gives fewer than five, those listed by two or more, then those of the
    most typical of them (the one sharing the most skills with the others). Then up to eight of its In Demand
    technologies, the most widely in demand first (importance 0.5). O*NET's own ratings (Reading
    Comprehension…) are not included: no record shows them by name; `wallet.skills.pathways` compares them
    separately.
    """
    cache = _cache(pack)
    got = cache.usual.get(occupation_id)
    if got is not None:
        return got
    occupation = pack.occupation(occupation_id)
    out: list[tuple[str, float]]
    if occupation.kind == "esco-occupation":
        out = [(s, 1.0) for s in _essentials(pack, occupation_id)]
    else:
        out = _crosswalk_skills(pack, crosswalk(pack, occupation.code))
        popular = _tech_demand(pack)
        tech = sorted(pack.technologies(occupation_id, in_demand_only=True), key=lambda t: (-popular.get(t, 0), t))
        out += [(t, 0.5) for t in tech[:MAX_TECHNOLOGIES]]
    cache.usual[occupation_id] = out
    return out


def _essentials(pack: TaxonomyPack, occupation_id: str) -> list[str]:
    return [s for s, relation, _i, _l in pack.occupation_skills(occupation_id) if relation == "essential"]


def _crosswalk_skills(pack: TaxonomyPack, mapped: list[Occupation]) -> list[tuple[str, float]]:
    if not mapped:
        return []
    best = max(o.onet_confidence or 0.0 for o in mapped)
    chosen = [o for o in mapped if (o.onet_confidence or 0.0) == best]
    lists = {o.id: _essentials(pack, o.id) for o in chosen}
    if len(chosen) == 1:
        return [(s, 1.0) for s in lists[chosen[0].id]]
    counts: dict[str, int] = defaultdict(int)
    for skills in lists.values():
        for s in set(skills):
            counts[s] += 1
    ranked = sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    n = len(chosen)
    need = max(2.0, CROSSWALK_SHARE * n)
    out = [(s, c / n) for s, c in ranked if c >= need]
    if len(out) < 5:
        out += [(s, c / n) for s, c in ranked if 2 <= c < need][: 10 - len(out)]
    if len(out) < 5:
        typical = max(chosen, key=lambda o: (sum(counts[s] for s in lists[o.id]), o.id))
        have = {s for s, _w in out}
        out += [(s, counts[s] / n) for s in lists[typical.id] if s not in have]
    return out


def _tech_demand(pack: TaxonomyPack) -> dict[str, int]:
    """Technology id → how many O*NET occupations mark it In Demand (computed once per pack)."""
    cache = _cache(pack)
    if cache.tech_demand is None:
        with cache.lock:
            if cache.tech_demand is None:
                counts: dict[str, int] = defaultdict(int)
                for occupation in pack.occupations(("onet-occupation",)):
                    for t in pack.technologies(occupation.id, in_demand_only=True):
                        counts[t] += 1
                cache.tech_demand = dict(counts)
    return cache.tech_demand


# ---- finding the occupation ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Title:
    occupation: int
    """Row in `_TitleIndex.occupations`."""
    stems: tuple[str, ...]
    text: str
    preferred: bool


class _TitleIndex:
    """Every occupation title by its stems: by the rarest stem (titles found in a posting title) and by the
    whole stem sequence (titles written out in the body text)."""

    def __init__(self, pack: TaxonomyPack) -> None:
        self.occupations: list[Occupation] = list(pack.occupations())
        titles: list[_Title] = []
        for n, occupation in enumerate(self.occupations):
            seen: set[tuple[str, ...]] = set()
            for text, preferred in _occupation_titles(occupation):
                stems = _title_stems(text)
                if not stems or len(stems) > 8 or stems in seen:
                    continue
                seen.add(stems)
                titles.append(_Title(n, stems, text, preferred))
        frequency: dict[str, int] = defaultdict(int)
        for title in titles:
            for s in set(title.stems):
                frequency[s] += 1
        self.by_anchor: dict[str, list[_Title]] = defaultdict(list)
        self.by_stems: dict[tuple[str, ...], list[_Title]] = defaultdict(list)
        for title in titles:
            self.by_anchor[min(title.stems, key=lambda s: (frequency[s], s))].append(title)
            self.by_stems[title.stems].append(title)
        self.longest = max(len(t.stems) for t in titles)
        self.rows = {o.id: n for n, o in enumerate(self.occupations)}


def _occupation_titles(occupation: Occupation) -> Iterable[tuple[str, bool]]:
    """Every title of an occupation; O*NET's "HVAC Tech (Heating, Ventilation… Technician)" gives both forms."""
    yield occupation.label, True
    for alt in (*occupation.alt_titles, *occupation.hidden_labels):
        inner = _PARENTHESES.findall(alt)
        outer = _PARENTHESES.sub(" ", alt).strip()
        for text in (outer, *inner):
            if len(text.split()) == 1 and text.lower() in _GENERIC_TITLES:
                continue  # "apprentice" as another name of "cook" would make every apprentice a cook
            yield text, False


_PARENTHESES = re.compile(r"\(([^()]*)\)")
_GENERIC_TITLES = _words(
    """apprentice assistant helper worker operator operative technician tech manager supervisor specialist
    associate attendant clerk officer agent consultant trainee labourer laborer crew member staff"""
)
_TITLE_SYNONYMS = {"tech": stem("technician"), "rep": stem("representative"), "asst": stem("assistant"),
                   "electrician": stem("electrical"), "mgr": stem("manager")}
"""Title words written short, and the one pair (electrical / electrician) the stemmer keeps apart."""


def _title_stems(text: str) -> tuple[str, ...]:
    return tuple(_TITLE_SYNONYMS.get(s, s) for _word, s in word_pairs(text))


def _title_index(pack: TaxonomyPack) -> _TitleIndex:
    cache = _cache(pack)
    if cache.titles is None:
        with cache.lock:
            if cache.titles is None:
                cache.titles = _TitleIndex(pack)
    return cache.titles


def warm_up(pack: TaxonomyPack | None = None) -> None:
    """Build the occupation title index now (e.g. in a background thread) instead of on first use."""
    _title_index(pack or load_pack())


def _title_segments(title: str) -> list[tuple[tuple[str, ...], float]]:
    """The title's parts with a weight: "Forklift Operator – 2nd Shift (3 p.m.)" → ("forklift", "operat"), 1.0…"""
    out: list[tuple[tuple[str, ...], float]] = []
    for i, part in enumerate(p for p in _TITLE_SPLIT.split(title) if p and p.strip()):
        stems = _title_stems(part)
        if stems:
            out.append((stems, 1.0 if i == 0 else 0.7))
    return out


@dataclass
class _Score:
    title: float = 0.0
    title_words: str = ""
    text: int = 0
    text_words: str = ""
    skills: float = 0.0
    shared: int = 0


def _find_occupations(opportunity: Opportunity, pack: TaxonomyPack) -> None:
    index = _title_index(pack)
    scores: dict[int, _Score] = defaultdict(_Score)

    # The title: an occupation title whose words all appear in it (or most of them, at a lower score).
    for stems, weight in _title_segments(opportunity.title):
        core = [s for s in stems if s not in _TITLE_NOISE and not s.isdigit()] or list(stems)
        have = set(stems)
        for anchor in set(stems):
            for title in index.by_anchor.get(anchor, ()):
                matched = sum(1 for s in title.stems if s in have)
                coverage = min(1.0, matched / len(core))
                if matched == len(title.stems):
                    value = 0.5 + 0.5 * coverage
                elif matched >= 2 and matched / len(title.stems) >= 0.6:
                    value = 0.45 * coverage * matched / len(title.stems)
                else:
                    continue
                value = value * weight + (0.02 if title.preferred else 0.0)
                score = scores[title.occupation]
                if value > score.title:
                    score.title, score.title_words = value, title.text

    # The text: occupation titles of two words or more written out in it (after the title line itself).
    words = _title_stems(opportunity.text)
    heading = _title_stems(opportunity.title)
    if heading and tuple(words[: len(heading)]) == heading:
        words = words[len(heading):]
    for i in range(len(words)):
        for n in range(2, min(index.longest, len(words) - i) + 1):
            for title in index.by_stems.get(tuple(words[i : i + n]), ()):
                score = scores[title.occupation]
                score.text += 1
                score.text_words = score.text_words or title.text

    # The skills: how many of the posting's skills each occupation lists (essential counts most). An O*NET
    # occupation also gets the best figure of the ESCO occupations the crosswalk maps to it.
    skill_ids = [m.skill_id for m in opportunity.posting_skills]
    if skill_ids:
        hits: dict[str, int] = defaultdict(int)
        for skill_id in skill_ids:
            if pack.get_skill(skill_id) is None:
                continue
            for occupation_id in pack.occupations_for_skill(skill_id):
                hits[occupation_id] += 1
        wanted = set(skill_ids)
        titled = {index.occupations[n].id for n, s in scores.items() if s.title > 0}
        ranked = sorted(hits, key=lambda o: -hits[o])[:60]
        best_esco: dict[str, tuple[float, int]] = {}
        for occupation_id in dict.fromkeys([*ranked, *(t for t in titled if t in hits)]):
            value, shared = _skill_overlap(pack, occupation_id, wanted)
            occupation = pack.occupation(occupation_id)
            n = index.rows[occupation_id]
            score = scores[n]
            score.skills, score.shared = max(score.skills, value / len(wanted)), max(score.shared, shared)
            if occupation.kind == "esco-occupation":
                for code in occupation.onet_codes:
                    previous = best_esco.get(code, (0.0, 0))
                    if value > previous[0]:
                        best_esco[code] = (value, shared)
        for code, (value, shared) in best_esco.items():
            n = index.rows.get(onet_occupation_id(code), -1)
            if n < 0:
                continue
            score = scores[n]
            if value / len(wanted) > score.skills:
                score.skills, score.shared = value / len(wanted), shared

    guesses: list[OccupationGuess] = list(opportunity.occupations)
    declared = {g.id for g in guesses}
    ranked_scores = sorted(
        ((0.6 * s.title + 0.1 * min(1.0, s.text / 3) + 0.3 * min(1.0, s.skills), n, s) for n, s in scores.items()),
        key=lambda t: (-t[0], index.occupations[t[1]].id),
    )
    for total, n, s in ranked_scores:
        if len(guesses) >= TOP_OCCUPATIONS:
            break
        occupation = index.occupations[n]
        if occupation.id in declared or total <= 0.05:
            continue
        guesses.append(OccupationGuess(occupation.id, occupation.label, round(min(1.0, total), 3),
                                       _why(s, len(skill_ids), occupation)))
    opportunity.occupations = guesses
    opportunity.occupation_skills = _usual_for(opportunity, pack)


def _skill_overlap(pack: TaxonomyPack, occupation_id: str, wanted: set[str]) -> tuple[float, int]:
    """Weighted count of `wanted` skills an occupation lists: essential 1, technology or tool 0.7, optional 0.5."""
    value, shared = 0.0, 0
    for skill_id, relation, _i, _l in pack.occupation_skills(occupation_id):
        if skill_id in wanted:
            value += 1.0 if relation == "essential" else 0.5
            shared += 1
    if pack.occupation(occupation_id).kind == "onet-occupation":
        for skill_id in (*pack.technologies(occupation_id), *pack.tools(occupation_id)):
            if skill_id in wanted:
                value += 0.7
                shared += 1
    return value, shared


def _why(score: _Score, posting_skills: int, occupation: Occupation) -> str:
    reasons: list[str] = []
    if score.title > 0:
        same = score.title_words.lower() == occupation.label.lower()
        name = f"“{score.title_words}”" if same else f"“{score.title_words}”, a title for {occupation.label}"
        reasons.append(f"the posting's title matches {name}")
    if score.text:
        times = "once" if score.text == 1 else f"{score.text} times"
        reasons.append(f"its text names “{score.text_words}” {times}")
    if score.shared:
        verb = "is" if score.shared == 1 else "are"
        reasons.append(f"{score.shared} of the {posting_skills} skills it names {verb} among this occupation's skills")
    if not reasons:
        return "A weak guess from the posting's words."
    sentence = "; ".join(reasons)
    return sentence[0].upper() + sentence[1:] + "."


def _usual_for(opportunity: Opportunity, pack: TaxonomyPack) -> list[UsualSkill]:
    """The usual skills of the top occupation, and of a runner-up scored nearly as high, not named already."""
    if not opportunity.occupations:
        return []
    top = opportunity.occupations[0]
    chosen = [top] + [g for g in opportunity.occupations[1:2] if g.score >= 0.9 * top.score]
    named = {m.skill_id for m in opportunity.posting_skills}
    out: dict[str, UsualSkill] = {}
    for guess in chosen:
        for skill_id, importance in usual_skills(pack, guess.id):
            if skill_id in named or skill_id in out:
                continue
            skill = pack.get_skill(skill_id)
            if skill is not None:
                out[skill_id] = UsualSkill(skill_id, skill.label, guess.id, guess.label, importance)
    return list(out.values())

"""Finding skills in text: taxonomy labels matched phrase by phrase, with provenance for every hit.

Each label (ESCO preferred and alternative labels, O*NET technology names) becomes its content-word
stems. A label is found where all its stems occur close together (any order: "operate a forklift",
"forklift operation"); the rarest stem is the anchor, so a text is scanned once. Guards against the
usual false hits: matching is by whole words (no "Excel" in "excellent"), one-word labels must be
distinctive, product names must be written with a capital, and short acronyms must be in capitals.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import pairwise

from wallet.skills.entries import LabelEntry as _Entry
from wallet.skills.index_file import INDEX_FILE, IndexFileError, PackedIndex, encode, pack_identity
from wallet.skills.meaning import Lexicon, learn
from wallet.skills.pack import Skill, TaxonomyPack, load_pack
from wallet.skills.same import twins_meta
from wallet.skills.text import (
    ABBREVIATIONS,
    WEAK_WORDS,
    Token,
    content_stems,
    is_stopword,
    label_words,
    stem,
    tokens,
    word_pairs,
)

RECOGNISER_VERSION = 14
"""Bumped whenever a change here (or in text.py or meaning.py) can change what is found in a text: the
skills kept per record in a wallet are recognised again when it (or the pack) differs from theirs."""
RECOGNISED_KINDS = ("esco-skill", "esco-knowledge", "onet-tech", "onet-tool")
VENDORS = frozenset(
    [
        "microsoft",
        "adobe",
        "google",
        "oracle",
        "sap",
        "ibm",
        "apple",
        "intuit",
        "autodesk",
        "cisco",
        "amazon",
        "salesforce",
    ]
)
MAX_LABEL_STEMS = 6
SHORTEN_FROM = 4
"""Labels of this many words or more may be found without one of their commonest words."""
COMMON_LABEL_WORD = 150
"""A word in at least this many ESCO labels ("patient", "system", "medical") may be left out of a long one."""
CONTEXT_MIN_FINDS = 4
"""The sense guard judges a loose find by the text's other finds only when there are at least this many."""
CONTEXT_SHARED = 2
"""A loose find stays when one of its occupations also lists this many of the text's other finds."""
TOOL_SEGMENTS = frozenset(["24", "27", "41", "43"])
TOOL_PARTS = frozenset(["4320"])
VEHICLES = "2510"
"""The UNSPSC family of motor vehicles (vans, trucks, automobiles)."""
_VEHICLE = stem("vehicle")
"""Computer parts and storage ("flash drives", "hard drives"): things a posting mentions, not tools it asks for."""
"""UNSPSC segments of the O*NET tools read from free text: material handling (pallet jacks), tools (conduit
benders), measuring instruments (multimeters, calipers) and IT and radio equipment (barcode scanners). Gear a
worker wears (46), drives (25) or services (40), patient equipment (42) and shop fittings (44, 52) named in a
posting are not skills the posting asks for."""

_GENERIC_WORDS = """
    team teams support service services customer customers care health safety help communication communicate
    lead plan planning learn learning teach teaching manage management organise organize organisation organization
    train training clean cleaning drive driving cook cooking sell selling sale sales buy order orders record records
    report reports write writing read reading listen speak talk meet deliver market marketing design test testing
    build check serve office computer computing engineering english internet email phone telephone language
    languages math literacy numeracy attention patient patients patience flexibility flexible reliability reliable
    punctual punctuality motivation motivated integrity initiative creativity creative adapt adaptability leadership
    teamwork cooperation cooperate collaboration collaborate empathy honest honesty trust respect energy calm
    positive commitment dedication dedicated attitude accuracy accurate detail details"""
GENERIC_SINGLE = frozenset(stem(w) for w in _GENERIC_WORDS.split())
"""One-word labels too generic to mean a skill on their own in a posting (as stems)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One skill found in a text, and the words that showed it."""

    skill_id: str
    label: str
    """The skill's preferred label."""
    matched_text: str
    start: int
    end: int
    matched_label: str
    """Which label of the skill was found."""
    exact: bool
    """The label's words appear together and in order (rather than near each other)."""
    read_as: tuple[tuple[str, str], ...] = ()
    """A meaning-level find: (the posting's word, the label's word) it read as the same (learnt from ESCO)."""

    @property
    def why(self) -> str:
        """The evidence in a sentence: the posting's words and, for a meaning-level find, the label they matched."""
        if not self.read_as:
            return f"the posting's “{self.matched_text}” names “{self.matched_label}”"
        swaps = ", ".join(f"“{word}” as “{other}”" for word, other in self.read_as)
        return f"the posting's “{self.matched_text}” ≈ “{self.matched_label}” (reading {swaps})"


PRODUCT_WORDS = frozenset(
    [
        "excel",
        "powerpoint",
        "outlook",
        "sharepoint",
        "visio",
        "photoshop",
        "illustrator",
        "indesign",
        "acrobat",
        "quickbooks",
        "autocad",
    ]
)
AMBIGUOUS_PRODUCTS = frozenset(
    [
        "epic",
        "access",
        "word",
        "teams",
        "project",
        "outlook",
        "java",
        "go",
        "r",
        "c",
        "python",
        "ruby",
        "swift",
        "rust",
        "excel",
        "windows",
        "chef",
        "square",
    ]
)
TECH_CONTEXT = frozenset(
    [
        "software",
        "program",
        "programming",
        "language",
        "code",
        "coding",
        "develop",
        "developer",
        "development",
        "microsoft",
        "office",
        "database",
        "sql",
        "application",
        "applications",
        "framework",
        "stack",
        "computer",
        "system",
        "systems",
        "script",
        "scripting",
        "web",
        "spreadsheet",
        "spreadsheets",
    ]
)


def _labels(skill: Skill) -> Iterable[tuple[str, bool]]:
    yield skill.label, True
    for alt in skill.alt_labels:
        yield alt, False
    if skill.kind == "onet-tech":
        words = skill.label.split()
        rest = words[1:]
        if len(words) > 1 and words[0].lower() in VENDORS and (
            len(rest) > 1 or rest[0].lower() in PRODUCT_WORDS or rest[0].lower() in AMBIGUOUS_PRODUCTS
        ):
            yield " ".join(rest), False  # "Excel" for "Microsoft Excel", but never "Inventory" for "Oracle Inventory"
        yield from _short_forms(words, skill.hot, is_category(skill.label))
    yield from ((name, False) for name in PRODUCT_NAMES.get(skill.id, ()))


PRODUCT_NAMES: dict[str, tuple[str, ...]] = {
    "onet:tech:microsoft-office-software": ("Microsoft 365", "Office 365"),
    "onet:tech:google-workspace": ("G Suite",),
}
"""Names products go by today that the O*NET 29.2 examples do not list."""
COMPANY_WORDS = frozenset(["systems", "software", "inc", "corporation"])
HEALTH_PRODUCTS = frozenset(["epic", "cerner", "meditech"])
HEALTH_CONTEXT = frozenset(stem(w) for w in """
    patient patients chart charting ehr emr record records documentation document nurse nursing clinic clinical
    hospital medical health care resident residents vital signs medication""".split())  # noqa: SIM905
"""Words near which "Epic" (or "Cerner") is the patient record system."""


def is_category(label: str) -> bool:
    """An O*NET technology that names a kind of software, not a product: "Help desk software", "Human resources
    software", "Customer relationship management CRM software" (no capital past the first word but an acronym)."""
    words = label.split()
    return len(words) > 1 and all(w.islower() or (w.isupper() and len(w) > 1) for w in words[1:])


SOFTWARE_NOUNS = frozenset(["system", "systems", "platform", "application", "database", "suite"])


def _names_software(words: list[str]) -> bool:
    """"Transportation management system" still names software without "software"; "Help desk" does not."""
    if not words:
        return False
    return words[-1].lower() in SOFTWARE_NOUNS or (words[-1].isupper() and _names_software(words[:-1]))


def _short_forms(words: list[str], hot: bool = False, category: bool = False) -> Iterable[tuple[str, bool]]:
    """O*NET writes "Hypertext markup language HTML", "Salesforce software", "Epic Systems": postings write
    "HTML", "Salesforce", "Epic". A kind of software is not named by its subject: "Help Desk" and "Human
    Resources" are places in a posting, not *Help desk software*; its acronym still names it ("CRM")."""
    if hot and len(words) == 2 and words[0][:1].isupper() and words[1].lower() in COMPANY_WORDS:
        yield words[0], False  # a Hot Technology's maker named alone ("Epic"): read with its capital, in context
    if words and words[-1].lower() == "software" and len(words) > 1:
        words = words[:-1]
        if not category or _names_software(words):
            yield " ".join(words), False
    if len(words) > 2 and words[-1].isupper() and len(words[-1]) >= 2 and words[-1].isalpha():
        if not category or _names_software(words[:-1]):
            yield " ".join(words[:-1]), False
        if hot:
            yield words[-1], False  # "SQL", "HTML", "CSS" written in capitals


_WORD = re.compile(r"[A-Za-z0-9]+(?:\+\+|#)?")


def _exact(word: str) -> str:
    """A word matched as written (case and a plural "s" aside): product and tool names are not stemmed."""
    lower = word.lower()
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "as", "is", "us")):
        lower = lower[:-1]
    return "=" + lower


HANDLING_VERBS = frozenset(["operate", "use", "handle", "drive"])
"""The verbs of "operate forklift", "use barcode scanning equipment": naming the equipment says it."""


def _entry(
    skill: Skill, label: str, preferred: bool, words: list[tuple[str, str]], tool_nouns: frozenset[str] = frozenset()
) -> _Entry | None:
    if not words or len(words) > MAX_LABEL_STEMS:
        return None
    tech = skill.kind in ("onet-tech", "onet-tool")
    if tech:  # product names are matched word for word, never stemmed ("Cents" is not "Center")
        every = _WORD.findall(label)
        if len(words) < len(every) and len(words) < 2:
            return None  # "Epic HER" without "her" would be just "Epic"
        if len(every) == 1 and every[0] != label.strip():
            return None  # "Freight+" is not the word "freight"
        required = tuple(_exact(w) for w, _ in words)
    else:
        weak = WEAK_WORDS if len(words) > 3 or words[0][0].lower() in WEAK_WORDS else WEAK_WORDS - {"ict"}
        strong = [st for w, st in words if w.lower() not in weak]  # "provide support" is not *provide ICT support*
        required = tuple(strong) if len(strong) >= 2 or len(words) == 1 else tuple(st for _, st in words)
        if preferred and len(words) == 2 and words[0][0].lower() in HANDLING_VERBS and words[1][1] in tool_nouns:
            required = (_exact(words[1][0]),)  # "operate forklift" is asked for by "sit-down and reach forklifts"
            return _Entry(skill.id, required, 1, label, preferred, False, False, skill.kind, reduced=True)
    if len(words) == 1:
        word, first_stem = words[0]
        if tech:
            if len(word) < 2 and not word.isupper():
                return None
        elif not preferred or first_stem in GENERIC_SINGLE or len(word) < 4 or (
            skill.kind == "esco-knowledge" and not word[:1].isupper()
        ):
            return None  # one-word alternative labels ("paint", "stats") and topics ("surgery") are too loose
        else:
            required = (_exact(word),)
    needs_context = tech and len(words) == 1 and (words[0][0].lower() in AMBIGUOUS_PRODUCTS or len(words[0][0]) == 1)
    if needs_context and words[0][0].lower() in HEALTH_PRODUCTS:
        needs_context = False
        needs_health = True
    else:
        needs_health = False
    category = preferred and is_category(label) and len(words) >= 3  # "case management software"; not "X software"
    needs_capital = (skill.kind == "onet-tech" and not category) or (
        skill.kind != "onet-tool" and len(words) == 1 and words[0][0][:1].isupper()  # "Spanish"; tools are nouns
    )
    return _Entry(
        skill.id, required, len(words), label, preferred, needs_capital, needs_context, skill.kind,
        needs_health=needs_health, hot=skill.hot,
    )


_Hit = tuple[int, int, "_Entry", bool, tuple[tuple[int, str], ...]]
"""(first word, last word, the label, in order, meaning-level swaps as (position, label stem))."""

_JOINED = re.compile(r"[,&/]|\b(?:and|or|but|then|nor)\b", re.IGNORECASE)
"""Between a label's words, these join two duties ("operate a forklift and load trucks"): not one phrase."""
_BOUNDARY = re.compile(r"[\n.;:!?•|]")
_CLAUSE = re.compile(r"[\n.;:!?•|,()]")


PEOPLE = frozenset(["manager", "managers"])
"""Words for people a posting names ("report to the store manager", "work with case managers"): they are not
the skill of managing, so they are read only as themselves (a label that names them, word for word)."""
LIGHT_VERBS = frozenset(["provide", "give", "perform", "carry", "do", "offer"])
"""Verbs that leave their meaning to the next word: "Provide care for …" is a duty whose verb is "care"."""


_NOT_ASKED = re.compile(
    r"\bnot (?:required|needed|necessary|expected)\b|\bno\b[^.\n]{0,40}\b(?:required|needed)\b"
    r"|\bwe (?:will |can |also )?(?:train|provide|teach|certify)\b|\btrained separately\b|\bwill be trained\b",
    re.IGNORECASE,
)
"""A sentence that rules its skills out or leaves them to the employer: "not required", "No CDL required",
"We provide CPR and first aid training", "we will train you"."""


_JOIN_ONLY = re.compile(r"\s*(?:and|or|&|/|-)\s*", re.IGNORECASE)
_LABEL_JOINS = re.compile(r"\band\b|\bor\b|[&/-]", re.IGNORECASE)


def _coordinated(entry: _Entry, used: list[int], text: str, words: list[Token]) -> bool:
    """Two of the label's words joined in the text by "and", "or", "&", "/" or a hyphen alone: two things named
    side by side ("doctors, nurses and staff") or one compound ("design-build"), not the label's phrase, unless
    the label joins them too ("health and safety", "check-out")."""
    if len(used) < 2 or _LABEL_JOINS.search(entry.label):
        return False
    order = sorted(used)
    return any(_JOIN_ONLY.fullmatch(text, words[a].end, words[b].start) for a, b in pairwise(order))


def _as_written(entry: _Entry, rest: tuple[str, ...], used: list[int], words: list[Token]) -> bool:
    """Each of the label's words is a word of the text itself, not one an abbreviation stands for."""
    anchor = next(iter(set(entry.required) - set(rest)), "")
    return all(s in (words[p].stem, _exact(words[p].text)) for s, p in zip((anchor, *rest), used, strict=True))


def _degree_field(offset: int, text: str) -> bool:
    """The knowledge at `offset` is a field of study a posting names for a degree ("Bachelor's degree in public
    health, statistics or computer science"): the degree is asked for, not the knowledge."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, offset - 300), offset)), default=0)
    return bool(_DEGREE_IN.search(text, begin, offset))


def _ruled_out(words: list[Token], segment: list[int], text: str) -> Callable[[int], bool]:
    """Whether the sentence holding a character offset says its skills are not asked for."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        end = k
        while end + 1 < len(words) and segment[end + 1] == segment[k]:
            end += 1
        begin = words[k - 1].end if k else 0  # from the previous sentence's end: "We" is no word to the reader
        if _NOT_ASKED.search(text, begin, words[end].end):
            spans.append((begin, words[end].end))
        k = end + 1
    return lambda offset: any(start <= offset < end for start, end in spans)


def _opens(clause: list[int], i: int, words: list[Token] | None = None) -> bool:
    """Word i begins a clause (a line, a bullet, or after a comma), or follows a light verb that does: where a
    posting writes a duty's verb."""
    if i == 0 or clause[i] != clause[i - 1]:
        return True
    return words is not None and words[i - 1].text.lower() in LIGHT_VERBS and _opens(clause, i - 1)


_MARKS = re.compile(r"[\s\-–—•*~>→·\d.)(\[\]#]*")
"""What may stand before a duty's verb at the start of its line: bullets, numbering, brackets."""


def _starts_duty(segment: list[int], i: int, words: list[Token], text: str) -> bool:
    """Word i is the first word of its line or sentence, with only bullets or numbering before it ("- Assist
    nurses", "4. Cut material"), or follows a light verb that is: a duty written as an order. "We encourage
    nurses" and "bills, usage and service" are not."""
    if i and segment[i] == segment[i - 1]:
        return words[i - 1].text.lower() in LIGHT_VERBS and _starts_duty(segment, i - 1, words, text)
    begin = words[i - 1].end if i else 0
    lead = text[begin : words[i].start]
    after = max((m.end() for m in _BOUNDARY.finditer(lead)), default=0)
    return bool(_MARKS.fullmatch(lead, after))


def _segments(words: list[Token], text: str, boundary: re.Pattern[str] = _BOUNDARY) -> list[int]:
    """A number per word that changes at each line break or sentence end (or `boundary`) between two words."""
    out: list[int] = []
    current = 0
    for k, word in enumerate(words):
        if k and boundary.search(text, words[k - 1].end, word.start):
            current += 1
        out.append(current)
    return out


def _shortened(entries: list[_Entry], esco_words: Counter[str]) -> list[_Entry]:
    """A long label without one of its commonest words ("monitor patient's vital signs" as "monitor vital
    signs", "use barcode scanning equipment" as "barcode scanning"): found only word for word, and judged by
    the posting's other skills like any loose find."""
    out: list[_Entry] = []
    for entry in entries:
        if entry.kind != "esco-skill" or not entry.preferred or len(entry.required) < SHORTEN_FROM:
            continue
        for k, word in enumerate(entry.required):
            if esco_words[word] >= COMMON_LABEL_WORD:
                shorter = entry.required[:k] + entry.required[k + 1 :]
                out.append(replace(entry, required=shorter, size=len(shorter), preferred=False, shortened=True))
    return out


_PREPOSITION = re.compile(r" (?:for|on|of|in|to|with|at|from|into|during|by|according|about|under|within) ")
MIN_REACH = 5
GENERAL_REUSE = frozenset(["transversal", "cross-sector"])
"""A duty cut short stands for a skill of at least this many occupations: a general one."""
PERSONS = frozenset(stem(w) for w in """
    client clients customer customers people person patient patients user users student students child children
    staff employee employees visitor visitors guest guests member members youth youths pupil pupils""".split())  # noqa: SIM905
"""Objects that are people: "assist clients with special needs" says which clients, so it is no narrowing."""


def _without_qualifier(
    labelled: list[tuple[Skill, str, bool, list[tuple[str, str]]]], reach: Callable[[str], int]
) -> list[_Entry]:
    """A duty written without the phrase that narrows it: "pick orders" for *pick orders for dispatching*,
    "check deliveries" for *check deliveries on receipt*. The words left must name nothing themselves, and where
    they begin other skills' labels too ("pick orders of agricultural products", "check deliveries of waste")
    the general skill (at least twice the occupations, `reach`) takes them; found word for word and judged by
    the posting's other skills."""
    whole: set[tuple[str, ...]] = set()
    starts: dict[tuple[str, ...], set[str]] = defaultdict(set)
    candidates: list[tuple[Skill, str, tuple[str, ...]]] = []
    for skill, label, preferred, words in labelled:
        stems = tuple(st for _, st in words)
        whole.add(stems)
        for k in range(2, len(stems)):
            starts[stems[:k]].add(skill.id)
        if skill.kind != "esco-skill" or not preferred or len(stems) < 3:
            continue
        cut = _PREPOSITION.search(label)
        if cut is None:
            continue
        text = label[: cut.start()]  # up to the first preposition: "interact with programmer on …" has no head
        head = tuple(st for _, st in word_pairs(text))
        if 2 <= len(head) < len(stems) and words[0][0].lower() not in WEAK_WORDS and head[-1] not in PERSONS:
            candidates.append((skill, text, head))
    def general(skill_id: str, others: set[str]) -> bool:
        if reach(skill_id) < MIN_REACH:
            return False  # "prepare forecasts for take-off and landing" (one occupation) narrows to a trade
        return all(reach(skill_id) >= 2 * max(reach(other), 1) for other in others - {skill_id})

    return [
        _Entry(skill.id, head, len(head), text, False, False, False, skill.kind, shortened=True,
               narrow=skill.reuse_level not in GENERAL_REUSE)
        for skill, text, head in candidates
        if head not in whole and general(skill.id, starts[head])
    ]


GENERIC_OBJECTS = frozenset(["equipment", "system", "systems", "device", "devices", "tools"])


def _narrowing(skill: Skill, preferred: bool, words: list[tuple[str, str]], esco_words: Counter[str]) -> bool:
    """An alternative label of a skill of one sector or occupation that leaves out a word naming its field: ESCO
    calls *deliver presentations on tourism* "give a presentation", *record archaeological finds* "record finds",
    *assist amusement park visitors* "help visitors". Such words are true of the skill but say much less. A word
    left out that is common in ESCO's labels ("patient" in "monitor vital signs") or says a state ("prescribed" in
    "administer medications") narrows nothing."""
    if preferred or not skill.kind.startswith("esco") or skill.reuse_level in GENERAL_REUSE:
        return False
    own = {st for _, st in words}
    name = [st for _, st in word_pairs(skill.label)]
    cut = _PREPOSITION.search(skill.label)
    head = [st for _, st in word_pairs(skill.label[: cut.start()] if cut else skill.label)]
    other = [w for w, st in words if st not in name]
    if not head or head[-1] not in own or len(other) > 1 or any(w.isupper() and len(w) > 1 for w in other):
        return False  # another name for the thing ("IV therapy", "plasma cutter", "IP"), not the same name, less
    field = [st for w, st in word_pairs(skill.label)[1:] if st not in own and not w.endswith("ed")]
    return any(esco_words[st] < COMMON_LABEL_WORD for st in field)  # its verb and a state ("prescribed") aside


def _tools_as_skills(labelled: list[tuple[Skill, str, bool, list[tuple[str, str]]]], raw: list[_Entry]) -> list[_Entry]:
    """An ESCO skill of handling a tool ("use barcode scanning equipment", "operate two-way radio systems") is
    also found by the tool's O*NET name ("barcode scanner", "two-way radio"): its words, less the verb and a
    generic noun, begin as the tool's words do. On the same words the skill wins over the tool."""
    tools: dict[tuple[str, ...], list[_Entry]] = defaultdict(list)
    for entry in raw:
        if entry.kind == "onet-tool":
            tools[tuple(r[1:5] for r in entry.required)].append(entry)
    out: list[_Entry] = []
    for skill, label, preferred, words in labelled:
        if skill.kind != "esco-skill" or not preferred or len(words) < 2 or words[0][0].lower() not in HANDLING_VERBS:
            continue
        core = [w.lower() for w, _ in words[1:] if w.lower() not in GENERIC_OBJECTS]
        if not core or (len(core) == len(words) - 1 and len(core) == 1):
            continue  # "operate forklift" is handled by the tool's own noun (see `_entry`)
        for tool in tools.get(tuple(w[:4] for w in core), ()):
            out.append(replace(tool, skill_id=skill.id, label=label, preferred=False, kind="esco-skill", hot=False))
    return out


MIN_PRODUCT_WORD = 5


def _product_words(
    labelled: list[tuple[Skill, str, bool, list[tuple[str, str]]]], esco_words: Counter[str]
) -> list[tuple[Skill, str]]:
    """A product's own name inside O*NET's longer one: "Dentrix" in "Henry Schein Dentrix", "RSLogix" in
    "Rockwell RSLogix", "PointClickCare" in "PointClickCare healthcare software". Only a word of five letters
    or more that looks coined (a capital inside: "RSLogix") or belongs to a Hot Technology, that no ESCO label
    uses (so not an English word of skills) and that names one product only: "August" in "August Systems
    Visit Wizard" is a month."""
    owners: dict[str, set[str]] = defaultdict(set)
    candidates: list[tuple[Skill, str]] = []
    for skill, _, preferred, words in labelled:
        if skill.kind != "onet-tech" or not preferred or len(words) < 2:
            continue
        for word, word_stem in words:
            coined = any(c.isupper() for c in word[1:]) and not word.isupper()  # "RSLogix", "PointClickCare"
            if not (coined or skill.hot) or not word[:1].isupper() or not word.isalpha():
                continue
            if len(word) >= MIN_PRODUCT_WORD and not esco_words[word_stem]:
                owners[word.lower()].add(skill.id)
                candidates.append((skill, word))
    return [(skill, word) for skill, word in candidates if len(owners[word.lower()]) == 1]


PLAIN_OBJECTS = frozenset(["product", "products", "software", "employees", "staff", "personnel", "equipment"])
"""Objects that add nothing to a verb of one meaning: to upsell is to upsell products, to debug is to debug
software, to recruit is to recruit employees."""


def _verbs_alone(labelled: list[tuple[Skill, str, bool, list[tuple[str, str]]]]) -> list[_Entry]:
    """A duty named by its verb alone ("Upsell", "Recruit", "debug"), when that verb begins the labels of one
    ESCO skill only and its object there is a plain one (`PLAIN_OBJECTS`); found where a duty's verb is written
    (a clause's first word) and judged by the posting's other skills like any loose find."""
    skills_of: dict[str, set[str]] = defaultdict(set)
    plain: dict[str, tuple[Skill, str, str]] = {}
    for skill, label, preferred, words in labelled:
        if not skill.kind.startswith("esco-") or not words:
            continue
        skills_of[words[0][1]].add(skill.id)
        if (skill.kind == "esco-skill" and preferred and len(words) == 2 and words[1][0].lower() in PLAIN_OBJECTS
                and words[0][0].lower() not in WEAK_WORDS and words[0][0].lower() not in HANDLING_VERBS):
            plain[words[0][1]] = (skill, label, words[0][0])
    return [
        _Entry(skill.id, (verb,), 1, label, False, False, False, skill.kind, shortened=True, opening=True)
        for verb, (skill, label, _word) in plain.items()
        if skills_of[verb] == {skill.id} and len(verb) >= 4
    ]


def _general_tools(entries: list[_Entry]) -> list[_Entry]:
    """Tools by their general name: "electric pallet jack" shows *Pallet jacks* where O*NET has both, as a
    person labelling the posting would write it."""
    tools = {e.required for e in entries if e.kind == "onet-tool"}
    return [
        e for e in entries
        if e.kind != "onet-tool" or not any(e.required[k:] in tools for k in range(1, len(e.required)))
    ]


@dataclass(frozen=True, slots=True)
class _Places:
    """Where each stem occurs in a text (ascending word positions), searched by bisection so that looking
    around one word costs the window's size, never the text's length: recognition stays linear."""

    where: dict[str, list[int]]
    context: list[int]
    """Positions of words that make a product name likely (ascending)."""
    expanded: set[int]
    """Positions of abbreviations that stand for all the words of a label."""
    segment: list[int]
    """Each word's line or sentence: a label's words never reach across two."""
    health: list[int]
    """Positions of words about patients and their records (ascending)."""
    text: str = ""

    def near(self, stem: str, i: int, window: int) -> list[int]:
        """Positions of `stem` within `window` words of position i, in text order."""
        positions = self.where.get(stem)
        if not positions:
            return []
        return positions[bisect_left(positions, i - window) : bisect_right(positions, i + window)]

    def part_of_a_name(self, token: Token) -> bool:
        """A capitalised word that a name or code goes on from: "Java Junction", "Chef Marco", "J-STD-001"."""
        return token.is_capitalised and bool(_NAME_GOES_ON.match(self.text, token.end))

    def named_as_product(self, first: Token, last: Token) -> bool:
        """Capitalised words written as a product is: with its version ("Java 17", "Windows 11") or after "in",
        "using", "with" or "on" ("reports in Excel"), not a coffee bar's "Java Junction" or "You will excel"."""
        if not first.is_capitalised:
            return False
        before = _PRODUCT_BEFORE.search(self.text, max(0, first.start - 8), first.start)
        return bool(_VERSION.match(self.text, last.end) or before)

    def context_near(self, i: int, distance: int, within: list[int] | None = None) -> bool:
        positions = self.context if within is None else within
        at = bisect_left(positions, i - distance)
        return at < len(positions) and positions[at] <= i + distance


_VERSION = re.compile(r" \d+(?:\.\d+)*\b")
_SENTENCE_END = re.compile(r"[.;:!?](?=\s+[A-Z])|[\n•]")
_DEGREE_IN = re.compile(
    r"\b(?:degree|diploma|bachelor'?s?|master'?s?|associate'?s?|B\.?S\.?c?|B\.?A\.?|M\.?S\.?c?|MBA|Ph\.?D\.?)"
    r"\s+(?:\w+\s+)?in\b"
)
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]|-[A-Z0-9]")
_PRODUCT_BEFORE = re.compile(r"\b(?:in|using|with|on|into) $", re.IGNORECASE)

_NO_ENTRIES: tuple[list[_Entry], list[tuple[str, ...]]] = ([], [])


def _build(
    pack: TaxonomyPack, kinds: Iterable[str] = RECOGNISED_KINDS
) -> tuple[dict[str, list[_Entry]], Lexicon, frozenset[str]]:
    """Every label's entries by anchor (its rarest stem), the stand-in lexicon and the vehicle stems."""
    labelled = [
        (skill, label, preferred, word_pairs(label))
        for skill in pack.skills(kinds)
        for label, preferred in _labels(skill)
    ]
    by_skill: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for skill, _, _, words in labelled:
        if skill.kind == "esco-skill":
            by_skill[skill.id].append(tuple(st for _, st in words))
    lexicon = learn(by_skill.values())
    esco_words: Counter[str] = Counter()
    for skill, _, _, words in labelled:
        if skill.kind in ("esco-skill", "esco-knowledge"):
            esco_words.update({st for _, st in words})
    plain_words: Counter[str] = Counter()
    """Words ESCO writes in lower case (English words, not names: "desk", not "Google"), as O*NET's are matched."""
    for skill, _, _, words in labelled:
        if skill.kind in ("esco-skill", "esco-knowledge"):
            plain_words.update({_exact(w)[1:] for w, _ in words if w.islower()})
    tool_nouns = frozenset(
        words[0][1] for skill, _, _, words in labelled
        if skill.kind == "onet-tool" and len(words) == 1 and (skill.commodity_code or "")[:2] in TOOL_SEGMENTS
    )
    """Stems of the tools O*NET names in one word ("Forklifts", "Scanners", "Multimeters")."""
    vehicles = frozenset(
        words[0][1] for skill, _, _, words in labelled
        if skill.kind == "onet-tool" and len(words) == 1 and (skill.commodity_code or "")[:4] == VEHICLES
    )
    """Stems of the motor vehicles O*NET names in one word ("Vans", "Trucks"): each is a vehicle."""
    raw: list[_Entry] = []
    for skill, label, preferred, words in labelled:
        code = skill.commodity_code or ""
        if skill.kind == "onet-tool" and (code[:2] not in TOOL_SEGMENTS or code[:4] in TOOL_PARTS):
            continue
        entry = _entry(skill, label, preferred, words, tool_nouns)
        if entry is None:
            continue
        everyday = esco_words[stem(entry.required[0][1:])] > 2
        if entry.kind in ("onet-tool", "onet-tech") and len(entry.required) == 1 and everyday:
            if not skill.hot and (entry.kind == "onet-tool" or entry.required[0][1:] not in AMBIGUOUS_PRODUCTS):
                continue  # "Trucks", "Route": everyday words, not a named tool or product
            if entry.kind == "onet-tech" and not entry.needs_health:
                entry = replace(entry, needs_context=True)  # "Chef Marco", "React" as written in code
        if (entry.kind == "onet-tech" and len(entry.required) > 1 and not entry.needs_health
                and all(plain_words[w[1:]] > 2 for w in entry.required)):
            entry = replace(entry, needs_context=True)  # "Front Desk", "Visit Wizard": everyday words as a name
        if _narrowing(skill, preferred, words, esco_words):
            entry = replace(entry, narrow=True)
        raw.append(entry)
        if entry.reduced:  # the whole label too: "forklift operation" is better evidence than "forklift"
            whole = _entry(skill, label, preferred, words)
            if whole is not None:
                raw.append(whole)
    raw += _tools_as_skills(labelled, raw)
    raw += _verbs_alone(labelled)
    raw += _without_qualifier(labelled, lambda skill_id: len(pack.occupations_for_skill(skill_id)))
    for skill, word in _product_words(labelled, esco_words):
        entry = _entry(skill, word, False, word_pairs(word))
        if entry is not None:
            raw.append(entry)
    del labelled, by_skill  # free the label lists before the index is made (lower peak memory)
    raw = _general_tools(raw)
    raw += _shortened(raw, esco_words)
    frequency = Counter(s for entry in raw for s in set(entry.required))
    by_anchor: dict[str, list[_Entry]] = {}
    for entry in raw:
        by_anchor.setdefault(min(entry.required, key=lambda s: (frequency[s], s)), []).append(entry)
    return by_anchor, lexicon, vehicles


def _built_from(pack: TaxonomyPack) -> dict[str, str | int]:
    """What an index depends on: the pack's data and these rules. A shipped index is read only when it matches."""
    return {"pack": pack_identity(pack), "recogniser": RECOGNISER_VERSION}


def build_index_file(pack: TaxonomyPack) -> bytes:
    """The packed index of the pack's labels, as `scripts/build_recogniser_index.py` writes it."""
    by_anchor, lexicon, vehicles = _build(pack)
    return encode(by_anchor, lexicon, vehicles, _built_from(pack), twins_meta(pack))


def _shipped_index(pack: TaxonomyPack) -> PackedIndex | None:
    """The packed index beside the pack, when it was built from this pack by this version of the rules."""
    blob = pack.read_file(INDEX_FILE)
    if blob is None:
        return None
    try:
        index = PackedIndex(blob)
    except IndexFileError:
        return None
    return index if index.meta.get("built_from") == _built_from(pack) else None


class Recogniser:
    """An index of every label: read from the packed file beside the pack when it fits the pack and these
    rules (a fraction of a second, about 12 MiB), else built from the pack's labels (about 2 s)."""

    def __init__(self, pack: TaxonomyPack, kinds: Iterable[str] = RECOGNISED_KINDS) -> None:
        self.pack = pack
        kinds = tuple(kinds)
        index = _shipped_index(pack) if kinds == RECOGNISED_KINDS else None
        self.index_source = "file" if index is not None else "built"
        """Where the index came from: "file" (the shipped packed index) or "built" (from the pack's labels)."""
        if index is None:
            by_anchor, lexicon, vehicles = _build(pack, kinds)
            index = PackedIndex(encode(by_anchor, lexicon, vehicles, _built_from(pack)))
            del by_anchor
        self._index = index
        self.lexicon: Lexicon = index.lexicon
        self._vehicles = index.vehicles
        self._occupation_cache: dict[str, frozenset[str]] = {}

    def find(self, text: str, *, posting: bool = True) -> list[Mention]:
        """Every skill the text names, once each, in the order they first appear. In a posting (the default) a
        sentence that rules its skills out ("not required", "we will train you") names none; a learner's own
        record (`posting=False`) is read whole."""
        words = [t for t in tokens(text) if not is_stopword(t)]
        clause = _segments(words, text, _CLAUSE)
        segment = _segments(words, text)
        stems_at: list[set[str]] = []
        literal_at: list[set[str]] = []
        where: dict[str, list[int]] = defaultdict(list)
        for i, token in enumerate(words):
            found = {_exact(token.text)} if token.text.lower() in PEOPLE else {token.stem, _exact(token.text)}
            if token.is_upper and token.text in ABBREVIATIONS:
                expansion = label_words(ABBREVIATIONS[token.text])
                found.update(w.stem for w in expansion)
                found.update(_exact(w.text) for w in expansion)
            if token.stem in self._vehicles:
                found.add(_VEHICLE)  # "drive a company van" drives a vehicle
            literal_at.append(found)
            if _starts_duty(segment, i, words, text):  # only a duty's verb is ever read as another (see below)
                found = found | set(self.lexicon.stand_ins(token.stem))
            stems_at.append(found)
            for s in found:
                where[s].append(i)
        context = [i for i, t in enumerate(words) if t.text.lower() in TECH_CONTEXT]
        health = [i for i, t in enumerate(words) if t.stem in HEALTH_CONTEXT]
        expanded = {i for i, t in enumerate(words) if t.is_upper and t.text in ABBREVIATIONS}
        places = _Places(where, context, expanded, segment, health, text)
        hits: list[_Hit] = []
        for i, found in enumerate(stems_at):
            for anchor in found:
                for entry, rest in zip(*self._index.get(anchor, _NO_ENTRIES), strict=True):
                    if rest:  # the commonest miss, the label's next word nowhere near, decided without a call
                        positions = where.get(rest[0])
                        if not positions:
                            continue
                        at = bisect_left(positions, i - entry.size - 1)
                        if at == len(positions) or positions[at] > i + entry.size + 1:
                            continue
                    used = self._span(entry, i, rest, places, words)
                    if used is None:
                        continue
                    stems = (anchor, *rest)
                    swapped = tuple((p, s) for p, s in zip(used, stems, strict=True) if s not in literal_at[p])
                    if swapped and (len(swapped) > 1 or len(entry.required) < 2 or entry.kind != "esco-skill"
                                    or entry.shortened):
                        continue  # a meaning-level find reads one word of a skill's label as another, no more
                    span = (min(used), max(used))
                    in_order = self._in_order(entry, span, stems_at)
                    if in_order and span[1] - span[0] + 1 > len(entry.required):
                        in_order = not _JOINED.search(text, words[span[0]].end, words[span[1]].start)
                    opening = _opens(clause, span[0], words)
                    if swapped and not (in_order and swapped[0][1] == entry.required[0] and opening):
                        continue  # a duty's verb read as another: "- Assist nurses" for *support nurses*, in order
                    if not in_order and clause[span[0]] != clause[span[1]]:
                        continue  # "fish, and make stocks" is not *stock fish*: a loose match stays in one clause
                    if _coordinated(entry, used, text, words):
                        continue  # "nurses and staff" are two, not *nursing staff*; "design-build" is one word
                    placed = dict(zip(stems, used, strict=True))
                    turned = [placed[s] for s in entry.required if s in placed]
                    if turned != sorted(turned) and len(entry.required) == 2 and span[1] - span[0] > 1:
                        continue  # two words turned round must touch: "forklift operation", not "plans with … family"
                    if entry.opening and not opening:
                        continue  # "Upsell pastries", not "we upsell"
                    if (entry.kind == "onet-tool" or entry.shortened) and not in_order:
                        continue  # a tool is named, word for word: "pallet jack", never "jack up the pallet"
                    hits.append((*span, entry, in_order, swapped))
        if posting:  # a learner's own record is read whole
            hits = [h for h in hits if h[2].kind != "esco-knowledge" or not _degree_field(words[h[0]].start, text)]
        mentions, narrow = self._resolve(hits, words, text)
        if posting:
            ruled_out = _ruled_out(words, segment, text)
            mentions = [m for m in mentions if not ruled_out(m.start)]
        return self._in_context(mentions, narrow)

    @staticmethod
    def _read_as(
        entry: _Entry, swapped: tuple[tuple[int, str], ...], words: list[Token]
    ) -> tuple[tuple[str, str], ...]:
        label = dict((st, w) for w, st in reversed(word_pairs(entry.label)))
        return tuple((words[p].text, label.get(s, s)) for p, s in swapped)

    def _in_context(self, mentions: list[Mention], narrow: AbstractSet[str] = frozenset()) -> list[Mention]:
        """The sense guard: a skill found loosely (its words out of order or apart, or by an alternative label)
        stays only when the posting's other skills share an occupation with it. "Shipping dock" read as *moor
        vessels*, "first aid" as *provide first aid to animals*, stand alone in a warehouse posting and go; a
        short text (a record's one line) has too little context to judge and is left as found, but for a skill
        of one sector found by words more general than its name (`narrow`): "Conduct experiments in the lab" is
        not *conduct experiments on animals*, "giving presentations" not *deliver presentations on tourism*."""
        if len(mentions) < CONTEXT_MIN_FINDS:
            return [m for m in mentions if m.skill_id not in narrow]
        occupations = {m.skill_id: self._occupations_of(m.skill_id) for m in mentions}
        support = Counter(o for found in occupations.values() for o in found)
        kept = []
        for m in mentions:
            alternative = content_stems(m.matched_label)
            loose = not m.exact or bool(m.read_as) or (alternative != content_stems(m.label) and len(alternative) < 4)
            shared = max((support[o] - 1 for o in occupations[m.skill_id]), default=0)
            if loose and not m.skill_id.startswith("onet:") and shared < CONTEXT_SHARED:
                continue
            kept.append(m)
        return kept

    def _occupations_of(self, skill_id: str) -> frozenset[str]:
        found = self._occupation_cache.get(skill_id)
        if found is None:
            found = frozenset(self.pack.occupations_for_skill(skill_id))
            self._occupation_cache[skill_id] = found
        return found

    @staticmethod
    def _span(
        entry: _Entry, i: int, rest: tuple[str, ...], places: _Places, words: list[Token]
    ) -> list[int] | None:
        """Where the entry's words are (the anchor at position i, then `rest`, its other stems); an expanded
        abbreviation (CPR) counts as all its words. Costs the label's window, never the text's length."""
        window = entry.size + 1
        used = [i]
        anchor_at = next((k for k, s in enumerate(entry.required) if s not in rest), 0)
        for s in rest:
            near = [p for p in places.near(s, i, window) if p not in used or p in places.expanded]
            if not near:
                return None
            after = entry.required.index(s) > anchor_at  # of two places as near, the one in the label's order:
            used.append(min(near, key=lambda p: (abs(p - i), (p < i) == after)))  # "hand tools and power tools"
        if max(used) - min(used) + 1 > len(entry.required) + 1:
            return None  # the words are there but too spread out to be one phrase
        if entry.shortened and not places.expanded.isdisjoint(used) and not _as_written(entry, rest, used, words):
            return None  # a label cut short is read as written: "CRM software" is no "customise software"
        if places.segment[min(used)] != places.segment[max(used)]:
            return None  # "shipping dock" at the end of one line and "Operate" at the start of the next
        if entry.needs_capital and not any(words[p].text[:1].isupper() or words[p].text[:1].isdigit() for p in used):
            return None
        first, last = words[min(used)], words[max(used)]
        if (entry.needs_context and not places.named_as_product(first, last)
                and (places.part_of_a_name(last) or not places.context_near(i, 8))):
            return None  # "Java Junction coffee bar", "Chef Marco", "J-STD-001" are names, not the products
        if entry.needs_health and not places.context_near(i, 25, places.health):
            return None  # "an Epic view" is not Epic the patient record system
        short = len(words[i].text) <= 3 and not words[i].is_upper
        if len(entry.required) == 1 and short and not (entry.needs_capital and words[i].is_capitalised):
            return None  # "sql", "cpr" in lower case are too often something else
        return used

    @staticmethod
    def _in_order(entry: _Entry, span: tuple[int, int], stems_at: list[set[str]]) -> bool:
        """The label's words in its order, together, or with one word between two of them ("Prepare monthly
        financial statements" for *prepare financial statements*) when the label has three words or more."""
        length = span[1] - span[0] + 1
        required = entry.required
        if length == len(required):
            return all(required[k] in stems_at[span[0] + k] for k in range(len(required)))
        if length != len(required) + 1 or (len(required) < 3 and required[-1] != _VEHICLE):
            return False  # one word between, in a label of three words or "drive a company truck"
        at = span[0]
        for k, word in enumerate(required):
            if word not in stems_at[at]:
                if at == span[0] + k and k and word in stems_at[at + 1]:
                    at += 1  # the one word between
                else:
                    return False
            at += 1
        return True

    def _resolve(self, hits: list[_Hit], words: list[Token], text: str) -> tuple[list[Mention], set[str]]:
        """Each word shows one skill: the label's own words before meaning-level finds, exact phrases first, then
        longer labels, preferred labels, tighter spans. Also the skills found by narrow entries (`narrow`)."""
        hits.sort(
            key=lambda h: (
                bool(h[4]),
                h[2].reduced,
                not h[3],
                -len(h[2].required),
                h[2].kind == "onet-tool",  # a tool only where no skill of as many words explains the same words
                not (h[2].kind == "onet-tech" and all(w.text[:1].isupper() for w in words[h[0] : h[1] + 1])),
                not h[2].preferred,
                not h[2].hot,
                h[1] - h[0],
                h[2].kind != "esco-skill",
                h[0],
                h[2].skill_id,
                h[2].label,
            )
        )
        taken = bytearray(len(words))
        """1 where a word already showed a skill: an overlap test costs the span's length, not the mentions'."""
        chosen: dict[str, Mention] = {}
        narrow: set[str] = set()
        for start, end, entry, exact, swapped in hits:
            if entry.skill_id in chosen:
                continue
            if any(taken[start : end + 1]):
                continue  # these words already showed another skill
            taken[start : end + 1] = b"\x01" * (end + 1 - start)
            if entry.narrow:
                narrow.add(entry.skill_id)
            first, last = words[start], words[end]
            chosen[entry.skill_id] = Mention(
                entry.skill_id,
                self.pack.skill(entry.skill_id).label,
                text[first.start : last.end],
                first.start,
                last.end,
                entry.label,
                exact and not entry.shortened,
                self._read_as(entry, swapped, words),
            )
        return sorted(chosen.values(), key=lambda m: (m.start, m.skill_id)), narrow


_recogniser: Recogniser | None = None
_lock = threading.Lock()


def recogniser() -> Recogniser:
    """The shared recogniser over the bundled pack (built on first use)."""
    global _recogniser
    if _recogniser is None:
        with _lock:
            if _recogniser is None:
                _recogniser = Recogniser(load_pack())
    return _recogniser


def find_skills(text: str) -> list[Mention]:
    return recogniser().find(text)

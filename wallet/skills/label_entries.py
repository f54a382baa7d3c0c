"""What each taxonomy label can be found by: the rules that turn the pack's labels into index entries.

A label becomes one or more `LabelEntry`s (its stems, and the conditions under which they count): preferred and
alternative labels, O*NET's product names and their short forms, tools named for a skill of handling them, a
duty named by its verb alone or without its narrowing phrase, a long label without one of its commonest words.
`build_entries` makes them all, by anchor, once per pack; the recogniser (`wallet.skills.recognise`) matches them
against a text, and the packed index file (`wallet.skills.index_file`) stores them. Any change here that can
change what is found must bump `recognise.RECOGNISER_VERSION` and rebuild the index file.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from wallet.skills.entries import LabelEntry as _Entry
from wallet.skills.meaning import Lexicon, learn
from wallet.skills.pack import Skill, TaxonomyPack
from wallet.skills.text import WEAK_WORDS, stem, word_pairs

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

TOOL_SEGMENTS = frozenset(["24", "27", "41", "43"])
"""UNSPSC segments of the O*NET tools read from free text: material handling (pallet jacks), tools (conduit
benders), measuring instruments (multimeters, calipers) and IT and radio equipment (barcode scanners). Gear a
worker wears (46), drives (25) or services (40), patient equipment (42) and shop fittings (44, 52) named in a
posting are not skills the posting asks for."""
TOOL_PARTS = frozenset(["4320"])
"""Computer parts and storage ("flash drives", "hard drives"): things a posting mentions, not tools it asks for."""
VEHICLES = "2510"
"""The UNSPSC family of motor vehicles (vans, trucks, automobiles)."""
VEHICLE = stem("vehicle")
"""The stem every named motor vehicle also stands for: "drive a company van" drives a vehicle."""

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


def exact_word(word: str) -> str:
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
        required = tuple(exact_word(w) for w, _ in words)
    else:
        weak = WEAK_WORDS if len(words) > 3 or words[0][0].lower() in WEAK_WORDS else WEAK_WORDS - {"ict"}
        strong = [st for w, st in words if w.lower() not in weak]  # "provide support" is not *provide ICT support*
        required = tuple(strong) if len(strong) >= 2 or len(words) == 1 else tuple(st for _, st in words)
        if preferred and len(words) == 2 and words[0][0].lower() in HANDLING_VERBS and words[1][1] in tool_nouns:
            required = (exact_word(words[1][0]),)  # "operate forklift" is asked for by "sit-down and reach forklifts"
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
            required = (exact_word(word),)
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
    name = word_pairs(skill.label)
    cut = _PREPOSITION.search(skill.label)
    head = [st for _, st in word_pairs(skill.label[: cut.start()] if cut else skill.label)]
    other = [w for w, st in words if st not in {st for _, st in name}]
    if not head or head[-1] not in own or len(other) > 1 or any(w.isupper() and len(w) > 1 for w in other):
        return False  # another name for the thing ("IV therapy", "plasma cutter", "IP"), not the same name, less
    field = [st for w, st in name[1:] if st not in own and not w.endswith("ed")]
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



def build_entries(
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
    plain_words: Counter[str] = Counter()
    """Words ESCO writes in lower case (English words, not names: "desk", not "Google"), as O*NET's are matched."""
    for skill, _, _, words in labelled:
        if skill.kind in ("esco-skill", "esco-knowledge"):
            esco_words.update({st for _, st in words})
            plain_words.update({exact_word(w)[1:] for w, _ in words if w.islower()})
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

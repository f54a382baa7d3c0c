"""Finding skills in text: taxonomy labels matched phrase by phrase, with provenance for every hit.

Each label (ESCO preferred and alternative labels, O*NET technology names) becomes its content-word stems
(`wallet.skills.label_entries` says what each label can be found by). A label is found where all its stems
occur close together (any order: "operate a forklift", "forklift operation"); the rarest stem is the anchor, so
a text is scanned once. Guards against the usual false hits: matching is by whole words (no "Excel" in
"excellent"), one-word labels must be distinctive, product names must be written with a capital, and short
acronyms must be in capitals; a sense guard judges loose finds by the text's other skills.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise

from wallet.skills.entries import LabelEntry as _Entry
from wallet.skills.index_file import INDEX_FILE, IndexFileError, PackedIndex, encode, pack_identity
from wallet.skills.label_entries import RECOGNISED_KINDS, VEHICLE, build_entries, exact_word
from wallet.skills.meaning import Lexicon
from wallet.skills.pack import TaxonomyPack, load_pack
from wallet.skills.same import twins_meta
from wallet.skills.text import (
    ABBREVIATIONS,
    Token,
    content_stems,
    is_stopword,
    label_words,
    stem,
    tokens,
    word_pairs,
)

RECOGNISER_VERSION = 18
"""Bumped whenever a change here (or in label_entries.py, text.py or meaning.py) can change what is found in a text: the
skills kept per record in a wallet are recognised again when it (or the pack) differs from theirs."""
CONTEXT_MIN_FINDS = 4
"""The sense guard judges a loose find by the text's other finds only when there are at least this many."""
CONTEXT_SHARED = 2
"""A loose find stays when one of its occupations also lists this many of the text's other finds."""
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


HEALTH_CONTEXT = frozenset(stem(w) for w in """
    patient patients chart charting ehr emr record records documentation document nurse nursing clinic clinical
    hospital medical health care resident residents vital signs medication""".split())  # noqa: SIM905
"""Words near which "Epic" (or "Cerner") is the patient record system."""


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


def _as_written(stems: tuple[str, ...], used: list[int], words: list[Token]) -> bool:
    """Each of the label's words is a word of the text itself, not one an abbreviation stands for."""
    return all(s in (words[p].stem, exact_word(words[p].text)) for s, p in zip(stems, used, strict=True))


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


_BEFORE_ADJECTIVE = frozenset([
    "the", "a", "an", "any", "all", "each", "every", "its", "their", "our", "your", "his", "her", "this", "that",
    "these", "those", "of", "with", "for", "on", "in", "by", "from", "under", "per",
])
"""Words after which a past participle is an adjective: "the prescribed dose", "with trained staff"."""
_BEFORE_VERB = frozenset(["and", "or", "but", "then", "nor", "we", "i", "you", "they", "he", "she", "who", "which",
                          "have", "has", "had", "was", "were", "is", "are", "be", "been"])
"""Words after which a past participle is a verb: "Hired and trained", "we prescribed", "has trained"."""
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")


def _participle(i: int, words: list[Token], segment: list[int], text: str) -> bool:
    """Word i is a past participle used as an adjective before its noun ("Administer prescribed medications",
    "with the trained staff"), not a duty's verb in the past tense ("Prescribed medication", a record's line)."""
    word = words[i].text.lower()
    if not word.endswith("ed") or len(word) < 5:
        return False
    after_verb = (i > 0 and segment[i] == segment[i - 1] and not text[words[i - 1].end : words[i].start].strip()
                  and not words[i - 1].text.lower().endswith("ly") and _starts_duty(segment, i - 1, words, text))
    if after_verb:
        return True  # "Give prescribed medications", "Administer prescribed medications"
    if _starts_duty(segment, i, words, text):
        return False
    before = _WORD_BEFORE.search(text, max(0, words[i].start - 24), words[i].start)
    if before is None:
        return False
    word_before = before.group(1).lower()
    if word_before in _BEFORE_ADJECTIVE:
        return True
    if not text[before.end(1) : words[i].start].isspace() or word_before in _BEFORE_VERB:
        return False  # "Hired and trained staff", "Counted, packaged": past-tense duties joined
    return not word_before.endswith(("ed", "ly"))  # "package prescribed medications": a verb, then its object


def _participle_as_noun(entry: _Entry, placed: dict[str, int], words: list[Token]) -> bool:
    """A word written as a past participle ("trained") standing for a word of the label after its first that
    is not one ("trains" in *work trains*): Snowball joins them, English does not."""
    if not any(words[p].text.lower().endswith("ed") for p in placed.values()):
        return False
    for written, stem_ in word_pairs(entry.label)[1:]:
        p = placed.get(stem_)
        if p is not None and words[p].text.lower().endswith("ed") and not written.lower().endswith("ed"):
            return True
    return False


def _segments(words: list[Token], text: str, boundary: re.Pattern[str] = _BOUNDARY) -> list[int]:
    """A number per word that changes at each line break or sentence end (or `boundary`) between two words."""
    out: list[int] = []
    current = 0
    for k, word in enumerate(words):
        if k and boundary.search(text, words[k - 1].end, word.start):
            current += 1
        out.append(current)
    return out


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
    text: str
    """The text itself: what stands just before or after a word ("in Excel", "Java 17", "Java Junction")."""

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
_BUSINESS_NOUNS = (
    "Diner|Caf[eé]|Coffee|Bakery|Bakehouse|Restaurant|Grill|Bistro|Pizzeria|Eatery|Tavern|Pub|Brewery|Catering|"
    "Inn|Hotel|Motel|Lodge|Salon|Spa|Boutique|Market|Grocery|Deli|Shop|Store|Mart|Company|Co|Inc|LLC|Ltd|Corp|"
    "Corporation|Group|Services|Logistics|Construction|Builders|Plumbing|Roofing|Painting|Landscaping|Cleaning|"
    "Cleaners|Movers|Farms?|Dairy|Ranch|Garage|Motors|Academy|Studios?|Works|Industries|Foods|Supply"
)
_BUSINESS_AFTER = re.compile(rf"(?: (?:&|and|[A-Z][\w'’-]*)){{0,2}}? (?:{_BUSINESS_NOUNS})\b")
_PRODUCT_BEFORE = re.compile(r"\b(?:in|using|with|on|into) $", re.IGNORECASE)

_NO_ENTRIES: tuple[list[_Entry], list[tuple[str, ...]]] = ([], [])


def _in_business_name(first: Token, last: Token, text: str) -> bool:
    """Capitalised words that a business's name goes on from ("Blue Spoon Diner", "Hammer & Nail Construction"):
    the kind of business is the last word, so a tool's name inside is the business's, not a tool it asks for."""
    if not (first.is_capitalised and last.is_capitalised):
        return False
    return bool(_BUSINESS_AFTER.match(text, last.end))


def _built_from(pack: TaxonomyPack) -> dict[str, str | int]:
    """What an index depends on: the pack's data and these rules. A shipped index is read only when it matches."""
    return {"pack": pack_identity(pack), "recogniser": RECOGNISER_VERSION}


def build_index_file(pack: TaxonomyPack) -> bytes:
    """The packed index of the pack's labels, as `scripts/build_recogniser_index.py` writes it."""
    by_anchor, lexicon, vehicles = build_entries(pack)
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
            by_anchor, lexicon, vehicles = build_entries(pack, kinds)
            index = PackedIndex(encode(by_anchor, lexicon, vehicles, _built_from(pack)))
            del by_anchor
        self._index = index
        self.lexicon: Lexicon = index.lexicon
        self._vehicles = index.vehicles
        self._occupation_cache: dict[str, frozenset[str]] = {}
        self._verb_cache: dict[str, str] = {}

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
            found = {exact_word(token.text)} if token.text.lower() in PEOPLE else {token.stem, exact_word(token.text)}
            if token.is_upper and token.text in ABBREVIATIONS:
                expansion = label_words(ABBREVIATIONS[token.text])
                found.update(w.stem for w in expansion)
                found.update(exact_word(w.text) for w in expansion)
            if token.stem in self._vehicles:
                found.add(VEHICLE)  # "drive a company van" drives a vehicle
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
                    used = self._span(entry, i, anchor, rest, places, words)
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
                    if swapped and not (in_order and swapped[0][1] == entry.required[0] == self._verb_of(entry)
                                        and opening):
                        continue  # a duty's verb read as another: "- Assist nurses" for *support nurses*, in order
                    if not in_order and clause[span[0]] != clause[span[1]]:
                        continue  # "fish, and make stocks" is not *stock fish*: a loose match stays in one clause
                    if _coordinated(entry, used, text, words):
                        continue  # "nurses and staff" are two, not *nursing staff*; "design-build" is one word
                    placed = dict(zip(stems, used, strict=True))
                    turned = [placed[s] for s in entry.required if s in placed]
                    if turned != sorted(turned) and len(entry.required) == 2 and span[1] - span[0] > 1:
                        continue  # two words turned round must touch: "forklift operation", not "plans with … family"
                    if (entry.kind == "esco-skill" and in_order and entry.required[0] == self._verb_of(entry)
                            and not entry.label.split()[0].lower().endswith("ed")
                            and _participle(span[0], words, segment, text)):
                        continue  # "Administer prescribed medications" prescribes nothing
                    if _participle_as_noun(entry, placed, words):
                        continue  # "the trained staff" works no *trains*
                    if entry.opening and not opening:
                        continue  # "Upsell pastries", not "we upsell"
                    if (entry.kind == "onet-tool" or entry.shortened) and not in_order:
                        continue  # a tool is named, word for word: "pallet jack", never "jack up the pallet"
                    if entry.kind == "onet-tool" and _in_business_name(words[span[0]], words[span[1]], text):
                        continue  # "Blue Spoon Diner" serves with no *spoons*, "Red Wrench Plumbing" owns no wrench
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

    def _verb_of(self, entry: _Entry) -> str:
        """The stem of the first word of the skill's preferred label: its verb ("develop" in *develop work
        programmes*), which an alternative label turned round ("work programmes developing") does not begin with."""
        found = self._verb_cache.get(entry.skill_id)
        if found is None:
            pairs = word_pairs(self.pack.skill(entry.skill_id).label)
            found = self._verb_cache[entry.skill_id] = pairs[0][1] if pairs else ""
        return found

    def _occupations_of(self, skill_id: str) -> frozenset[str]:
        found = self._occupation_cache.get(skill_id)
        if found is None:
            found = frozenset(self.pack.occupations_for_skill(skill_id))
            self._occupation_cache[skill_id] = found
        return found

    @staticmethod
    def _span(
        entry: _Entry, i: int, anchor: str, rest: tuple[str, ...], places: _Places, words: list[Token]
    ) -> list[int] | None:
        """Where the entry's words are (`anchor` at position i, then `rest`, its other stems); an expanded
        abbreviation (CPR) counts as all its words. Costs the label's window, never the text's length."""
        window = entry.size + 1
        used = [i]
        for s in rest:
            near = [p for p in places.near(s, i, window) if p not in used or p in places.expanded]
            if not near:
                return None
            if len(near) == 1:
                used.append(near[0])
                continue
            after = entry.required.index(s) > entry.required.index(anchor)  # of two places as near, the one in
            used.append(min(near, key=lambda p: (abs(p - i), (p < i) == after)))  # the label's order: "hand
            # tools and power tools" is *use power tools* at "power tools", not at "tools and power"
        if max(used) - min(used) + 1 > len(entry.required) + 1:
            return None  # the words are there but too spread out to be one phrase
        if entry.shortened and not places.expanded.isdisjoint(used) and not _as_written((anchor, *rest), used, words):
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
        if length != len(required) + 1 or (len(required) < 3 and required[-1] != VEHICLE):
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

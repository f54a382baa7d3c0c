"""Words as the skill matcher sees them: tokens with their place in the text, light stemming, stopwords
and the abbreviations people write in postings (CPR, CDL, HVAC…).

Stemming is Snowball's English (Porter 2) stemmer after British spellings are made American; labels and texts
go through the same function, so "operate", "operating" and "operation" meet at "oper" while "loader" and
"load", "driver" and "drive" stay apart.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:\+\+|#)?|&")
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "or",
        "as",
        "into",
        "onto",
        "out",
        "up",
        "about",
        "under",
        "over",
        "per",
        "via",
        "within",
        "your",
        "our",
        "their",
        "its",
        "his",
        "her",
        "my",
        "you",
        "we",
        "they",
        "it",
        "this",
        "that",
        "these",
        "those",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "not",
        "no",
        "nor",
        "than",
        "then",
        "so",
        "such",
        "also",
        "any",
        "all",
        "each",
        "every",
        "some",
        "more",
        "most",
        "very",
        "well",
        "etc",
        "e",
        "g",
        "i",
        "ie",
        "eg",
        "s",
    ]
)
"""Never part of what a label means."""

WEAK_WORDS = frozenset(
    [
        "use",
        "standard",
        "using",
        "used",
        "apply",
        "applying",
        "perform",
        "performing",
        "carry",
        "ensure",
        "demonstrate",
        "work",
        "working",
        "basic",
        "general",
        "others",
        "other",
        "skill",
        "skills",
        "knowledge",
        "principles",
        "techniques",
        "relevant",
        "various",
        "ict",
    ]
)
"""Part of a label but not needed to find it: "operate a forklift" is found as "forklift operator", and ESCO's
"use ICT ticketing system" as a posting's "ticketing system"."""

STOPWORDS = FUNCTION_WORDS | frozenset(
    [
        "utilise",
        "utilize",
        "job",
        "jobs",
        "new",
        "good",
        "strong",
        "ability",
        "able",
        "experience",
        "experienced",
        "experiences",
        "including",
        "include",
        "includes",
        "related",
    ]
)
"""Words skipped in a text being read."""


# Abbreviations a posting uses for what taxonomy labels spell out. Matched only when written in capitals.
ABBREVIATIONS: dict[str, str] = {
    "CPR": "cardiopulmonary resuscitation",
    "CDL": "commercial driving licence",
    "HVAC": "heating ventilation air conditioning",
    "AED": "automated external defibrillator",
    "BLS": "basic life support",
    "EHR": "electronic health record",
    "EMR": "electronic medical record",
    "POS": "point of sale",
    "OSHA": "occupational safety health",
    "CNC": "computer numerical control",
    "PLC": "programmable logic controller",
    "CAD": "computer aided design",
    "GMP": "good manufacturing practice",
    "HACCP": "hazard analysis critical control point",
    "ESL": "english second language",
    "QA": "quality assurance",
    "QC": "quality control",
    "CRM": "customer relationship management",
    "ERP": "enterprise resource planning",
    "ADL": "activities daily living",
    "ADLS": "activities daily living",
    "WMS": "warehouse management system",
    "SOP": "standard operating procedure",
    "PPE": "personal protective equipment",
    "IT": "ICT",  # US postings' "IT support" is ESCO's "ICT support"
}


# ESCO writes British English, US postings American: both meet in one spelling before stemming.
_SPELLINGS = (
    ("mould", "mold"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("labour", "labor"),
    ("centre", "center"),
    ("metre", "meter"),
    ("programme", "program"),
    ("licence", "license"),
    ("tyre", "tire"),
    ("aluminium", "aluminum"),
    ("catalogue", "catalog"),
    ("ageing", "aging"),
    ("paediatric", "pediatric"),
    ("anaesthe", "anesthe"),
    ("haemo", "hemo"),
    ("oestr", "estr"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("neighbour", "neighbor"),
    ("organis", "organiz"),
    ("analys", "analyz"),
    ("utilis", "utiliz"),
    ("prioritis", "prioritiz"),
    ("minimis", "minimiz"),
    ("maximis", "maximiz"),
    ("optimis", "optimiz"),
    ("recognis", "recogniz"),
    ("specialis", "specializ"),
    ("sanitis", "sanitiz"),
    ("standardis", "standardiz"),
    ("customis", "customiz"),
    ("finalis", "finaliz"),
    ("authoris", "authoriz"),
    ("visualis", "visualiz"),
    ("emphasis", "emphasiz"),
    ("familiaris", "familiariz"),
)


_KEEP = frozenset(["hospitality", "hospitable", "clinical"])
"""Words Snowball would join to another root ("hospitality" to "hospital", "clinical" to "clinic"): kept whole."""
_STEMMER = snowballstemmer.stemmer("english")
_STEMMER_LOCK = threading.Lock()
"""A Snowball stemmer keeps state between calls: one thread at a time (misses of the cache below only)."""


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lowercase word, British spellings made American first."""
    for british, american in _SPELLINGS:
        if british in word:
            word = word.replace(british, american)
    if len(word) <= 2 or not word.isalpha():
        return word
    if word in _KEEP:
        return word
    with _STEMMER_LOCK:
        return str(_STEMMER.stemWord(word))


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    """As written."""
    stem: str
    start: int
    end: int

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        return self.text.isupper() and len(self.text) > 1


def _normal(word: str) -> str:
    lower = word.lower()
    if lower == "&":
        return "and"
    return lower


def tokens(text: str) -> list[Token]:
    """Every word of `text` with its stem and character span (stopwords included; callers skip them)."""
    return [Token(m.group(), stem(_normal(m.group())), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def label_words(text: str) -> list[Token]:
    """A label's words without function words."""
    return [t for t in tokens(text) if t.text.lower() not in FUNCTION_WORDS and t.text != "&"]


_PAIRS: dict[str, tuple[str, str] | None] = {}
"""One (word, stem) pair per distinct word, shared by every label that has it: the recogniser reads 126,000
labels, and sharing their words keeps the memory the index build needs (and leaves behind) small."""


def word_pairs(text: str) -> list[tuple[str, str]]:
    """(word as written, stem) for a label's words without function words: the fast form for indexing."""
    pairs = []
    for word in _TOKEN.findall(text):
        if word in _PAIRS:
            pair = _PAIRS[word]
        else:
            lower = word.lower()
            pair = _PAIRS[word] = None if lower in FUNCTION_WORDS or word == "&" else (word, stem(lower))
        if pair is not None:
            pairs.append(pair)
    return pairs


def content_stems(text: str) -> tuple[str, ...]:
    """The stems of a phrase's meaningful words, in order."""
    return tuple(t.stem for t in label_words(text))


def is_stopword(token: Token) -> bool:
    """A function word, unless written in capitals as an abbreviation ("IT support")."""
    if token.text in ABBREVIATIONS and token.is_upper:
        return False
    return token.text.lower() in FUNCTION_WORDS or token.text == "&"

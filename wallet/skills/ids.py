"""How the taxonomy pack names things: one place for the identifier conventions other modules rely on.

- ESCO skill, skill group or occupation: its conceptUri, exactly as in the ESCO CSV files
  (``http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da``).
- O*NET occupation: ``onet:occ:<O*NET-SOC code>`` (``onet:occ:53-7051.00``).
- O*NET skill or knowledge element (Skills.txt, Knowledge.txt): ``onet:element:<Element ID>``
  (``onet:element:2.A.1.a``).
- O*NET technology skill example: ``onet:tech:<slug>``; tool example (Tools Used.txt): ``onet:tool:<slug>``.
  The slug is the lowercase name with every run of characters other than a-z and 0-9 replaced by ``-``,
  trimmed of ``-`` at both ends (``Microsoft Excel`` → ``microsoft-excel``). Spellings that differ only in
  punctuation share one id (``T-squares`` and ``T squares`` → ``t-squares``). The one exception: names whose
  only difference is a ``+`` or ``#`` (``C``, ``C++``, ``C#``) keep the plain slug for the name without the
  symbol and spell the symbol out for the others (``onet:tech:c``, ``onet:tech:c-plus-plus``,
  ``onet:tech:c-sharp``). Look names up by label in the pack rather than computing ids from text.
"""

from __future__ import annotations

import re

ONET_OCCUPATION_PREFIX = "onet:occ:"
ONET_ELEMENT_PREFIX = "onet:element:"
ONET_TECH_PREFIX = "onet:tech:"
ONET_TOOL_PREFIX = "onet:tool:"
ESCO_PREFIX = "http://data.europa.eu/esco/"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """Lowercased, runs of characters other than a-z, 0-9 made "-", trimmed: "Microsoft Excel" → "microsoft-excel"."""
    return _NON_ALNUM.sub("-", name.lower()).strip("-")


def symbol_slug(name: str) -> str:
    """The slug with "+" and "#" spelled out ("C++" → "c-plus-plus"), used only to tell such names apart."""
    return slug(name.replace("+", " plus ").replace("#", " sharp "))


def onet_occupation_id(code: str) -> str:
    """"53-7051.00" → "onet:occ:53-7051.00"."""
    return ONET_OCCUPATION_PREFIX + code


def onet_element_id(element_id: str) -> str:
    """"2.A.1.a" → "onet:element:2.A.1.a"."""
    return ONET_ELEMENT_PREFIX + element_id


def onet_tech_id(name: str) -> str:
    """The id a technology example gets when its slug is shared with no other name ("onet:tech:microsoft-excel")."""
    return ONET_TECH_PREFIX + slug(name)


def onet_tool_id(name: str) -> str:
    """The id a tool example gets ("onet:tool:forklifts")."""
    return ONET_TOOL_PREFIX + slug(name)


def onet_code(occupation_id: str) -> str | None:
    """The O*NET-SOC code inside an O*NET occupation id, or None for any other id."""
    if occupation_id.startswith(ONET_OCCUPATION_PREFIX):
        return occupation_id[len(ONET_OCCUPATION_PREFIX):]
    return None


def is_esco(identifier: str) -> bool:
    """True for an ESCO concept URI."""
    return identifier.startswith(ESCO_PREFIX)

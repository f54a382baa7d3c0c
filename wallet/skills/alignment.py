"""Which taxonomy entry an issuer's alignment names, however the issuer spelled the link.

Open Badges and CLR alignments point at a framework by `targetUrl` (required), and often also by
`targetCode` and `targetFramework`. Issuers write ESCO links as the concept URI (http or https), as the ESCO
portal's page for it (`https://esco.ec.europa.eu/en/classification/skill?uri=http%3A%2F%2Fdata.europa.eu…`)
or as the bare code; O*NET links as OnLine pages (`https://www.onetonline.org/link/summary/15-1252.00`) or as
the O*NET-SOC code or element id with "O*NET" as the framework. All of these name the same ids the pack uses
(`wallet.skills.ids`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import unquote

from wallet.skills.ids import ESCO_PREFIX, onet_element_id, onet_occupation_id

_ESCO = re.compile(r"data\.europa\.eu/esco/([a-z-]+)/([A-Za-z0-9][A-Za-z0-9.-]{0,63})(?![A-Za-z0-9.-])")
_ONET_OCCUPATION = re.compile(r"(?<![\d.-])(\d{2}-\d{4}\.\d{2})(?![\d.])")
_ONET_ELEMENT = re.compile(r"(?<![A-Za-z0-9.])(\d\.[A-Z](?:\.\d+(?:\.[a-z](?:\.\d+)?)?)?)(?![A-Za-z0-9.])")
_ONET_PAGE = re.compile(r"onet(?:online|center)\.org/", re.IGNORECASE)
_ONET_FRAMEWORK = re.compile(r"\bo\s*\*?\s*net\b", re.IGNORECASE)
_ESCO_FRAMEWORK = re.compile(r"\besco\b", re.IGNORECASE)


def _text(alignment: Mapping[str, object], key: str) -> str:
    value = alignment.get(key)
    return unquote(value.strip())[:1000] if isinstance(value, str) else ""


def aligned_id(alignment: Mapping[str, object]) -> str | None:
    """The pack id (ESCO concept URI, `onet:occ:…` or `onet:element:…`) an alignment names, or None when it
    names nothing in ESCO or O*NET. Whether the pack holds that id is the caller's question."""
    url, code, framework = (_text(alignment, k) for k in ("targetUrl", "targetCode", "targetFramework"))
    for text in (url, code):
        found = _ESCO.search(text)
        if found:
            return f"{ESCO_PREFIX}{found.group(1)}/{found.group(2)}"
    if _ESCO_FRAMEWORK.search(framework) and re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", code):
        return f"{ESCO_PREFIX}skill/{code}"  # ESCO as the framework, the skill's UUID as the code
    onet_page = bool(_ONET_PAGE.search(url))
    if onet_page or _ONET_FRAMEWORK.search(framework):
        for text in ((url, code) if onet_page else (code, url)):
            occupation = _ONET_OCCUPATION.search(text)
            if occupation:
                return onet_occupation_id(occupation.group(1))
            element = _ONET_ELEMENT.search(text)
            if element:
                return onet_element_id(element.group(1))
    return None

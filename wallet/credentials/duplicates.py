"""Telling the same credential arriving twice from two credentials that share an id, and saying which copy stays.

The same credential is one whose id and issuer match and whose content (name, subject, dates, achievement,
results, description, type) is the same, whatever its bytes or container. Two credentials that share an id but
say different things are different credentials: both are kept. Of two copies of the same one, the wallet keeps
the one that checks better (the stored one on a tie) and says which it kept and why.
"""

from __future__ import annotations

from typing import Any

from wallet.credentials.report import said
from wallet.i18n import N_

CONTENT = ("type", "name", "description", "subject", "validFrom", "validUntil", "achievement", "results")
RANK = {"verified": 3, "verified_with_warnings": 2, "unverifiable": 1, "not_verified": 0}
WORDS = {
    "verified": "verified",
    "verified_with_warnings": "verified with warnings",
    "unverifiable": "cannot be verified offline",
    "not_verified": "not verified",
}


def same_content(stored: dict[str, Any], arriving: dict[str, Any]) -> bool:
    """Whether two credential trees (wallet.credentials.summary.tree) say the same thing."""
    return all(stored.get(key) == arriving.get(key) for key in CONTENT)


def checks_better(stored_status: str | None, arriving_status: str) -> bool:
    """Whether the arriving copy's verdict ranks above the stored copy's (so the wallet keeps the arriving one)."""
    return RANK.get(arriving_status, -1) > RANK.get(stored_status or "", -1)


def kept_sentence(stored_status: str | None, arriving_status: str, same_bytes: bool) -> str:
    """Which copy the wallet keeps and why, for a copy of a credential it already holds."""
    if same_bytes:
        return said(N_("Already in the wallet."))
    kept = WORDS.get(stored_status or "", "not checked yet")
    new = WORDS.get(arriving_status, arriving_status)
    if checks_better(stored_status, arriving_status):
        return (said(N_("Already in the wallet as another copy ({kept}); this copy checks better ({new}), so the "
                        "wallet now keeps this one instead. Your tags, note and evidence stay with the record."),
                            kept=kept, new=new))
    return said(N_("Already in the wallet: the copy you have was kept ({kept}); this copy checks no better ({new})."),
        kept=kept, new=new)

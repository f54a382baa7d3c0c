"""A CLR's contents as an outline: its achievements arranged by their associations, each nested credential with
its own last report, and each association as a sentence. The app draws it as a tree; nothing here knows Qt.

Every title is the issuer's text, so each is cleaned to one line (`wallet.text_safety.one_line`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wallet.credentials.saved_report import SavedReport
from wallet.text_safety import one_line

RELATIONS = {  # CLR 2.0 associationType, read as "<source> … <target>"
    "isChildOf": "is part of",
    "isPartOf": "is part of",
    "isParentOf": "includes",
    "precedes": "comes before",
    "isPeerOf": "is a peer of",
    "isRelatedTo": "is related to",
    "exactMatchOf": "is the same as",
    "replacedBy": "is replaced by",
}
_CHILD_OF = ("isChildOf", "isPartOf")


@dataclass
class ClrNode:
    """One line of the outline: an achievement the CLR lists, or a nested credential with its own report."""

    title: str
    kind: str
    """The achievement's type as the issuer gave it ("Course", "Certificate"…), or "Achievement"/"Credential"."""
    status: str | None = None
    """A nested credential's status at its last check (None for a listed-only achievement)."""
    report: SavedReport | None = None
    is_credential: bool = False
    children: list[ClrNode] = field(default_factory=list)


def _title(achievement: dict[str, Any], fallback: str = "") -> str:
    return one_line(achievement.get("name") or fallback or achievement.get("id") or "") or "Unnamed achievement"


def _kind(achievement: dict[str, Any], default: str) -> str:
    return one_line(achievement.get("achievementType") or "") or default


def _report_for(child: dict[str, Any], index: int, reports: list[SavedReport]) -> SavedReport | None:
    """The nested credential's own report: matched by id, else by position."""
    for candidate in reports:
        if child.get("id") and candidate.id == child.get("id"):
            return candidate
    return reports[index] if index < len(reports) else None


def _would_loop(key: str, parents: dict[str, str]) -> bool:
    seen = {key}
    current = parents.get(key)
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def clr_outline(parsed: dict[str, Any], report: SavedReport | None) -> list[ClrNode]:
    """Top-level nodes: nested credentials sit under the achievement they are part of (by association).

    An association that would make a loop is ignored, so every node appears exactly once.
    """
    reports = [] if report is None else list(report.children)
    nodes: dict[str, ClrNode] = {}
    order: list[str] = []
    for achievement in parsed.get("achievements", []):
        key = str(achievement.get("id") or f"achievement-{len(order)}")
        nodes[key] = ClrNode(_title(achievement), _kind(achievement, "Achievement"))
        order.append(key)
    for index, child in enumerate(parsed.get("children", [])):
        achievement = child.get("achievement") or {}
        key = str(achievement.get("id") or child.get("id") or f"credential-{index}")
        child_report = _report_for(child, index, reports)
        status = None if child_report is None else child_report.status.value
        node = ClrNode(_title(achievement, str(child.get("name") or "")), _kind(achievement, "Credential"), status,
                       child_report, True)
        if key not in nodes:
            order.append(key)
        nodes[key] = node
    parents: dict[str, str] = {}
    for association in parsed.get("associations", []):
        kind, source, target = (str(association.get(k) or "") for k in ("associationType", "sourceId", "targetId"))
        child_key, parent_key = (source, target) if kind in _CHILD_OF else (target, source)
        if kind in (*_CHILD_OF, "isParentOf") and child_key in nodes and parent_key in nodes \
                and child_key != parent_key and child_key not in parents:
            parents[child_key] = parent_key
    for key in order:
        if key in parents and not _would_loop(key, parents):
            nodes[parents[key]].children.append(nodes[key])
    return [nodes[key] for key in order if key not in parents or _would_loop(key, parents)]


def association_sentences(parsed: dict[str, Any]) -> list[str]:
    """Each association as a sentence: 'BUS-110 … is part of Certificate in Logistics Operations.'"""
    names = {str(a.get("id")): _title(a) for a in parsed.get("achievements", [])}
    for child in parsed.get("children", []):
        achievement = child.get("achievement") or {}
        names.setdefault(str(achievement.get("id")), _title(achievement, str(child.get("name") or "")))
    lines = []
    for association in parsed.get("associations", []):
        kind = str(association.get("associationType") or "")
        source = names.get(str(association.get("sourceId")), one_line(association.get("sourceId") or "?"))
        target = names.get(str(association.get("targetId")), one_line(association.get("targetId") or "?"))
        lines.append(f"{source} {RELATIONS.get(kind, one_line(kind) or 'is linked to')} {target}.")
    return lines

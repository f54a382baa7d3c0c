"""What a credential says, in the wallet's own terms: title, issuer, dates, description, skills,
and a compact tree (achievements, alignments, results, nested CLR credentials, associations)
that the pages and the skills engine read without parsing the original again."""

from __future__ import annotations

from typing import Any

from wallet.credentials.formats import Kind, Parsed, as_list, types_of
from wallet.credentials.validity import dates_as_written
from wallet.credentials.verifier import issuer_of, name_of, subject_of

MAX_TEXT = 4000


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    if isinstance(value, str):
        return value.strip()[:limit]
    if isinstance(value, dict):  # language maps / {"@value": ...}
        for key in ("@value", "en", "en-US", "narrative"):
            if isinstance(value.get(key), str):
                return str(value[key]).strip()[:limit]
    return ""




def _alignments(node: dict[str, Any]) -> list[dict[str, str]]:
    found = []
    for item in as_list(node.get("alignment")) + as_list(node.get("alignments")):
        if isinstance(item, dict):
            entry = {
                k: _text(item.get(k), 500)
                for k in ("targetName", "targetUrl", "targetCode", "targetFramework", "targetType", "targetDescription")
            }
            found.append({k: v for k, v in entry.items() if v})
    return found


def _achievement(node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        return {"id": node} if isinstance(node, str) else {}
    criteria = node.get("criteria")
    return {
        "id": _text(node.get("id"), 500),
        "type": types_of(node),
        "name": _text(node.get("name"), 500),
        "description": _text(node.get("description")),
        "criteria": _text(criteria.get("narrative") if isinstance(criteria, dict) else criteria),
        "achievementType": _text(node.get("achievementType"), 200),
        "alignments": _alignments(node),
        "tags": [t for t in (_text(x, 200) for x in as_list(node.get("tag")) + as_list(node.get("tags"))) if t],
        "creditsAvailable": node.get("creditsAvailable")
        if isinstance(node.get("creditsAvailable"), int | float)
        else None,
        "fieldOfStudy": _text(node.get("fieldOfStudy"), 200),
    }


def _results(subject: dict[str, Any]) -> list[dict[str, str]]:
    results = []
    for item in as_list(subject.get("result")):
        if isinstance(item, dict):
            results.append({k: _text(item.get(k), 300) for k in ("value", "status", "achievedLevel") if item.get(k)})
    return results


def tree(parsed: Parsed) -> dict[str, Any]:
    """The compact, JSON-safe description of a parsed credential."""
    document = parsed.document
    issuer_id, issuer_name = issuer_of(document)
    subject = document.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    starts, ends = dates_as_written(document)
    data: dict[str, Any] = {
        "kind": parsed.kind.value,
        "format": parsed.format_name,
        "id": _text(document.get("id"), 500),
        "type": types_of(document),
        "name": name_of(document) or "",
        "description": _text(document.get("description")),
        "issuer": {"id": issuer_id or "", "name": issuer_name or ""},
        "subject": subject_of(document) or "",
        "validFrom": _text(starts, 40),
        "validUntil": _text(ends, 40),
    }
    if parsed.hosted_url:
        data["hostedUrl"] = parsed.hosted_url
    if isinstance(subject, dict):
        if "achievement" in subject:
            data["achievement"] = _achievement(subject["achievement"])
        data["results"] = _results(subject)
        if parsed.kind is Kind.ENDORSEMENT:
            data["endorses"] = _text(subject.get("id"), 500)
            data["endorsementComment"] = _text(subject.get("endorsementComment"))
        if parsed.kind is Kind.CLR:
            data["achievements"] = [_achievement(a) for a in as_list(subject.get("achievement"))]
            data["associations"] = [
                {k: _text(a.get(k), 500) for k in ("associationType", "sourceId", "targetId")}
                for a in as_list(subject.get("association"))
                if isinstance(a, dict)
            ]
    if parsed.kind is Kind.OB2:
        badge = document.get("badge")
        data["achievement"] = _achievement(badge) if isinstance(badge, dict) else {"id": _text(badge, 500)}
    evidence = [e for e in as_list(document.get("evidence")) if isinstance(e, dict | str)]
    data["evidence"] = [
        {"id": _text(e.get("id"), 500), "name": _text(e.get("name"), 300), "narrative": _text(e.get("narrative"))}
        if isinstance(e, dict)
        else {"id": _text(e, 500)}
        for e in evidence
    ]
    if parsed.nested:
        data["children"] = [tree(child) for child in parsed.nested]
    return data


def skills_from(data: dict[str, Any]) -> list[str]:
    """Skill names a credential states outright: alignment target names and tags (issue 4 recognises more)."""
    names: list[str] = []
    achievements = [data.get("achievement") or {}, *data.get("achievements", [])]
    for achievement in achievements:
        names += [a.get("targetName", "") for a in achievement.get("alignments", [])]
        names += achievement.get("tags", [])
    for child in data.get("children", []):
        names += skills_from(child)
    seen: dict[str, str] = {}
    for name in names:
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())[:200]

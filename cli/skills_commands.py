"""`skills`, `match`, `view`, `pathways` and `cpl`: the skill and opportunity commands."""

from __future__ import annotations

import argparse
from typing import Any

from cli.commands import unlock
from cli.output import emit_json, shown
from wallet.api import STRENGTH_WORDS, UsageError, ViewRow, read_text_input

STRENGTH_MARKS = {"trusted": "✓✓✓", "verified": "✓✓", "endorsed": "✓+", "issued": "✓", "self-asserted": "·"}


def cmd_skills(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        skills = session.skills
        if args.action == "add":
            skill_id = skills.add_skill(_need(args.skill, "add"), args.note or "")
            print(f"Added {skills.skill_label(skill_id)} to your skills.")
            return 0
        if args.action == "hide":
            skill_id = skills.hide_skill(_need(args.skill, "hide"))
            print(f"{skills.skill_label(skill_id)} is hidden; 'ler-wallet skills restore' shows it again.")
            return 0
        if args.action == "restore":
            skills.restore_skill(_need(args.skill, "restore"))
            print("Restored.")
            return 0
        if args.action == "correct":
            if not args.skill or not args.to:
                raise UsageError("Say which skill is wrong and what it should be: skills correct WRONG --to RIGHT.")
            wrong, right = skills.correct_skill(args.skill, args.to)
            print(f"{skills.skill_label(wrong)} is now shown as {skills.skill_label(right)}.")
            return 0
        profile = skills.profile()
    if args.json:
        emit_json(profile.to_json())
        return 0
    ordered = profile.ordered()
    if not ordered:
        print("No skills found yet. Add experience with 'ler-wallet add-entry' or import credentials.")
    for skill in ordered:
        records = len(skill.record_ids)
        seen = f", last {skill.last_seen}" if skill.last_seen else ""
        added = " (added by you)" if skill.added_by_learner else ""
        print(f"{STRENGTH_MARKS[skill.strength]:<4}{shown(skill.label)}{added} — {skill.strength}, "
              f"{records} record{'s' if records != 1 else ''}{seen}")
    return 0


def _need(value: str | None, action: str) -> str:
    if not value:
        raise UsageError(f"Name the skill: ler-wallet skills {action} NAME.")
    return value


def cmd_match(args: argparse.Namespace) -> int:
    posting = read_text_input(args.posting, "The posting")
    with unlock(args) as session:
        result = session.skills.match(posting)
    if args.json:
        emit_json(result.to_json())
        return 0
    print(shown(result.title or "The opportunity"))
    if result.occupations:
        print("Likely occupations: " + "; ".join(shown(o.label) for o in result.occupations[:3]))
    print()
    print(shown(result.explanation, lines=True))
    print()
    marks = {"covered": "✓", "partial": "~", "missing": "✗"}
    for source, heading in (("posting", "Skills the posting names"), ("occupation", "Essential for the occupation")):
        rows = result.by_source(source)
        if rows:
            print(heading + ":")
            for s in rows:
                via = f" (through {shown(s.coverage.via.label)})" if s.coverage.via else ""
                print(f"  {marks[s.coverage.coverage]} {shown(s.label)}{via}")
    return 0


def cmd_view(args: argparse.Namespace) -> int:
    creating = args.action == "create"
    posting = read_text_input(args.posting, "The posting") if creating and args.posting else None  # before unlocking
    with unlock(args) as session:
        skills = session.skills
        if creating:
            if not args.name:
                raise UsageError("A view needs a name: view create --name NAME --posting FILE.")
            view = skills.create_view(args.name, posting, auto=args.auto or posting is not None)
            return _show_view(view, args.json, created=True)
        if args.action == "list":
            views = skills.views()
            if args.json:
                emit_json([v.to_json() for v in views])
            else:
                print("\n".join(f"{v.id[:8]}  {shown(v.name)}  ({len(v.record_ids)} records, "
                                f"{len(v.skill_ids)} skills)" for v in views) or "No views yet.")
            return 0
        if not args.id:
            raise UsageError(f"Which view? ler-wallet view {args.action} ID.")
        if args.action == "show":
            return _show_view(skills.view(args.id), args.json)
        if args.action == "edit":
            view = skills.update_view(
                args.id, name=args.name, statement=args.statement,
                record_ids=_split(args.records), skill_ids=_split(args.skills, sep="|"),
            )
            return _show_view(view, args.json)
        if args.action == "duplicate":
            return _show_view(skills.duplicate_view(args.id, args.name), args.json, created=True)
        if args.action == "delete":
            skills.delete_view(args.id)
            print("Deleted the view.")
            return 0
    raise UsageError(f"Unknown view action {args.action!r}.")


def _split(value: str | None, sep: str = ",") -> list[str] | None:
    return None if value is None else [v.strip() for v in value.split(sep) if v.strip()]


def _show_view(view: ViewRow, as_json: bool, created: bool = False) -> int:
    if as_json:
        emit_json(view.to_json())
        return 0
    print(("Created view " if created else "View ") + f"{view.id[:8]}: {shown(view.name)}")
    if view.statement:
        print(f"  {shown(view.statement, lines=True)}")
    if view.opportunity_explanation:
        print(f"  {shown(view.opportunity_explanation, lines=True)}")
    print(f"  Records: {', '.join(r[:8] for r in view.record_ids) or 'none yet'}")
    print(f"  Skills: {len(view.skill_ids)}")
    return 0


def cmd_pathways(args: argparse.Namespace) -> int:
    with unlock(args) as session:
        paths = session.skills.pathways(args.from_occupation)
    if args.json:
        emit_json([p.to_json() for p in paths])
        return 0
    if not paths:
        print("No pathways found yet: add experience or credentials so the wallet knows your skills.")
    arrows = {"up": "↑ up", "same": "→ sideways", "down": "↓ down", "unknown": "? unknown"}
    for p in paths:
        direction = arrows.get(p.direction, "·")
        print(f"{direction:<11} {shown(p.to_label)} — you have {round(100 * round(p.overlap_share, 3))}% of its "
              "usual skills")
        if p.missing:
            print("             still to show: " + ", ".join(shown(m.label) for m in p.missing[:5]))
        if p.education:
            print(f"             usually asks for: {shown(p.education)}")
    return 0


def cmd_cpl(args: argparse.Namespace) -> int:
    what = "The learning outcomes file"
    outcomes = read_text_input(args.outcomes, what)
    with unlock(args) as session:
        mapped = session.skills.cpl(outcomes)
    if args.json:
        emit_json([o.to_json() for o in mapped])
        return 0
    for item in mapped:
        evidenced = item.status != "no evidence"
        print(f"{'✓' if evidenced else '✗'} {item.number}. {shown(item.text)}")
        for record in item.records[:5]:
            print(f"    {shown(record.title)} ({STRENGTH_WORDS.get(record.strength, record.strength)})")
        if not evidenced:
            print("    No record shows this yet.")
    return 0


def add_parsers(add: Any) -> None:
    p = add("skills", cmd_skills, "your skills, from your records; add, hide, correct or restore one")
    p.add_argument("action", nargs="?", choices=["list", "add", "hide", "correct", "restore"], default="list")
    p.add_argument("skill", nargs="?", metavar="SKILL", help="a skill name or ESCO/O*NET id")
    p.add_argument("--to", metavar="SKILL", help="with 'correct': the skill it should be")
    p.add_argument("--note", help="with 'add': where you use it")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("match", cmd_match, "match a job posting (text file, schema.org JobPosting JSON-LD, or '-') to your skills")
    p.add_argument("posting", metavar="POSTING")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("view", cmd_view, "views: the records and skills you choose to share for one opportunity")
    p.add_argument("action", choices=["create", "list", "show", "edit", "duplicate", "delete"])
    p.add_argument("id", nargs="?", metavar="ID")
    p.add_argument("--name")
    p.add_argument("--posting", metavar="FILE", help="with 'create': the posting the view is for")
    p.add_argument("--auto", action="store_true", help="with 'create': choose records and skills from the match")
    p.add_argument("--statement", help="with 'edit': a short statement in your own words")
    p.add_argument("--records", metavar="ID,ID", help="with 'edit': the records, in order")
    p.add_argument("--skills", metavar="SKILL|SKILL", help="with 'edit': the skills, in order, separated by |")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("pathways", cmd_pathways, "moves up, down and sideways from your skills or from an occupation")
    p.add_argument("--from", dest="from_occupation", metavar="OCCUPATION", help="a title, ESCO URI or O*NET-SOC code")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = add("cpl", cmd_cpl, "credit for prior learning: map your records to a course's learning outcomes")
    p.add_argument("outcomes", metavar="OUTCOMES_FILE", help="one learning outcome per line ('-' for stdin)")
    p.add_argument("--json", action="store_true", help="print JSON")

"""Taxonomy pack benchmark: cold load time and memory of resources/taxonomy/, medians over fresh processes.

Run from the repository root with the project's interpreter:

    python bench/bench_pack.py              # 5 runs
    python bench/bench_pack.py --runs 9 --json

Each run is a new Python process (nothing cached in the interpreter; the OS page cache is warm after the
first run, as it is for an app started twice). In it: import `wallet.skills.pack`, then time the first
`skill()` lookup (reads the skills part), then `load_all()` (occupations and links), then the first
`occupations_for_skill()` (builds the reverse index). Memory is the process's resident set (VmRSS) after
the import and after everything is loaded; the delta is what the pack costs. Aims: load < 1 s, < 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MiB = 1024 * 1024
EXCEL = "onet:tech:microsoft-excel"
OPERATE_FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
TRUCK_OPERATORS = "onet:occ:53-7051.00"


def rss_bytes() -> int:
    """Current resident set size (Linux /proc), else the peak from getrusage."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def child() -> None:
    """One measurement in this (fresh) process; prints one JSON line."""
    t0 = time.perf_counter()
    from wallet.skills.pack import load_pack

    t1 = time.perf_counter()
    rss_import = rss_bytes()
    pack = load_pack()
    pack.skill(EXCEL)
    t2 = time.perf_counter()
    rss_skills = rss_bytes()
    pack.load_all()
    t3 = time.perf_counter()
    pack.occupations_for_skill(OPERATE_FORKLIFT)
    t4 = time.perf_counter()
    rss_all = rss_bytes()

    ids = [s.id for s in pack.skills()]
    t5 = time.perf_counter()
    for i in ids:
        pack.skill(i)
    t6 = time.perf_counter()
    occupations = [o.id for o in pack.occupations()]
    for o in occupations:
        pack.occupation_skills(o)
    t7 = time.perf_counter()
    print(json.dumps({
        "import_s": t1 - t0,
        "first_skill_s": t2 - t1,
        "load_all_s": t3 - t1,
        "reverse_index_s": t4 - t3,
        "cold_total_s": t4 - t0,
        "rss_import": rss_import,
        "rss_skills_delta": rss_skills - rss_import,
        "rss_all_delta": rss_all - rss_import,
        "rss_all": rss_all,
        "skill_lookup_us": (t6 - t5) / len(ids) * 1e6,
        "occupation_skills_us": (t7 - t6) / len(occupations) * 1e6,
        "n_skills": len(ids),
        "n_occupations": len(occupations),
    }))


def pack_size() -> tuple[int, int]:
    folder = ROOT / "resources" / "taxonomy"
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    on_disk = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    decoded = sum(int(p["json_bytes"]) for p in index["parts"].values())
    return on_disk, decoded


def main() -> int:
    parser = argparse.ArgumentParser(description="Cold load time and memory of the taxonomy pack.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return 0

    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    runs: list[dict[str, Any]] = []
    for n in range(args.runs):
        print(f"run {n + 1}/{args.runs}", file=sys.stderr)
        out = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True, env=env,
                             check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))

    def med(key: str) -> float:
        return statistics.median(float(r[key]) for r in runs)

    def span(key: str) -> tuple[float, float]:
        values = [float(r[key]) for r in runs]
        return min(values), max(values)

    on_disk, decoded = pack_size()
    if args.json:
        print(json.dumps({"runs": runs, "pack_bytes": on_disk, "json_bytes": decoded}, indent=2))
        return 0

    rows: list[tuple[str, float, tuple[float, float], str, str]] = []

    def row(label: str, key: str, scale: float, unit: str, note: str) -> None:
        lo, hi = span(key)
        rows.append((label, med(key) * scale, (lo * scale, hi * scale), unit, note))

    row("import wallet.skills.pack", "import_s", 1e3, "ms", "no pack file is read at import")
    row("first skill() lookup", "first_skill_s", 1e3, "ms", "reads, checks and decodes skills.json.gz")
    row("load everything (load_all)", "load_all_s", 1e3, "ms", "all three parts, from the import on")
    row("first occupations_for_skill()", "reverse_index_s", 1e3, "ms", "builds the skill→occupations index")
    row("cold total", "cold_total_s", 1e3, "ms", "import + load_all + reverse index; aim < 1000 ms")
    row("RSS after import", "rss_import", 1 / MiB, "MiB", "python + wallet.skills")
    row("RSS delta, skills part", "rss_skills_delta", 1 / MiB, "MiB", "after the first skill() lookup")
    row("RSS delta, everything", "rss_all_delta", 1 / MiB, "MiB", "all parts + reverse index; aim < 150 MiB")
    row("skill(id), warm", "skill_lookup_us", 1, "us", f"per lookup, over {runs[0]['n_skills']:,} skills")
    row("occupation_skills(id), warm", "occupation_skills_us", 1, "us",
        f"per call, over {runs[0]['n_occupations']:,} occupations")

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"pack: {on_disk:,} bytes on disk (resources/taxonomy/), {decoded:,} bytes of JSON once decompressed; "
          f"{args.runs} fresh processes\n")
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}} | median |      min-max | unit | notes")
    print(f"{'-' * width}-+--------+--------------+------+------")
    for label, median, (lo, hi), unit, note in rows:
        print(f"{label:<{width}} | {median:6.1f} | {lo:5.1f}-{hi:<6.1f} | {unit:<4} | {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

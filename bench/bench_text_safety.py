"""Cost of making credential text safe to show: the cleaner, the terminal escaper, safe JSON, safe Markdown.

Run from the repository root:

    python bench/bench_text_safety.py            # medians of 15 runs

Typical work (10,000 record titles, a 10,000-record `list --json`, real criteria) and the worst inputs
found while writing `wallet/safe_markdown.py` (a line of 20,000 '[' took 7.7 s before the inline rules
were bounded; every row here must stay linear). Prints a table of medians.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wallet.safe_markdown import MAX_CHARS, to_html
from wallet.text_safety import escape_json_text, for_terminal, one_line

RUNS = 15
CRITERIA = ("Complete **all** of the following:\n\n- the *safety* course (see [the rubric](https://college.example/r))\n"
            "- 40 hours on site, logged in `timesheet`\n\n1. Pass the written test\n2. Pass the practical\n\n") * 8


def _titles(count: int) -> list[str]:
    rng = random.Random(8)
    words = ["Certified", "Forklift", "Operator", "Nursing", "Licence", "Level", "2", "Café", "Ångström", "看護師"]
    titles = [" ".join(rng.choice(words) for _ in range(6)) for _ in range(count)]
    for index in range(0, count, 100):  # one in a hundred is hostile
        titles[index] += "\x1b[2K\u202e\u200b\n✓ Verified"
    return titles


def _median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    titles = _titles(10_000)
    listing = [{"id": str(i), "title": t, "organisation": "Riverside Distribution (demo)", "skills": ["forklift"]}
               for i, t in enumerate(titles)]
    dumped = json.dumps(listing, indent=2, ensure_ascii=False)
    worst = {"'[' × 20,000": "[" * MAX_CHARS, "'[a](' × 5,000": "[a](" * 5000, "'**a' × 6,666": "**a" * 6666,
             "'![' × 10,000": "![" * 10_000, "'# ' + ' #' × 9,999": "# " + " #" * 9999,
             "'`a' × 10,000": "`a" * 10_000, "'ESC]' × 10,000": "\x1b]" * 10_000}
    rows = [
        ("one_line, 10,000 titles", _median_ms(lambda: [one_line(t) for t in titles])),
        ("for_terminal, 10,000 titles", _median_ms(lambda: [for_terminal(t) for t in titles])),
        (f"escape_json_text, list --json of 10,000 ({len(dumped) / 1e6:.1f} MB)",
         _median_ms(lambda: escape_json_text(dumped))),
        (f"to_html, real criteria ({len(CRITERIA):,} chars)", _median_ms(lambda: to_html(CRITERIA))),
    ]
    for name, text in worst.items():
        rows.append((f"to_html, worst case {name}", _median_ms(lambda text=text: to_html(text))))  # type: ignore[misc]
        rows.append((f"one_line, worst case {name}", _median_ms(lambda text=text: one_line(text))))  # type: ignore[misc]
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure (medians of ' + str(RUNS) + ')':<{width}} | {'ms':>8} |")
    print(f"|{'-' * (width + 2)}|{'-' * 9}:|")
    for name, ms in rows:
        print(f"| {name:<{width}} | {ms:8.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

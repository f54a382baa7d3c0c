"""Rebuilding the taxonomy pack from the raw data gives the committed bytes (skipped without ../shared)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PACK_DIR = ROOT / "resources" / "taxonomy"
RAW = ROOT.parent / "shared" / "data" / "taxonomy"


@pytest.mark.slow
@pytest.mark.skipif(not (RAW / "SOURCES.md").is_file(), reason="raw taxonomy data (../shared/data/taxonomy) absent")
def test_rebuild_gives_identical_files(tmp_path: Path) -> None:
    """One command rebuilds the pack into a temp dir, byte for byte the committed one (any hash seed)."""
    out = tmp_path / "taxonomy"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_taxonomy_pack.py"), "--data", str(RAW), "--out", str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=240,
    )
    assert done.returncode == 0, done.stderr
    committed = sorted(p.name for p in PACK_DIR.iterdir() if p.is_file())
    assert sorted(p.name for p in out.iterdir()) == committed

    # The decompressed content must match everywhere; the gzip bytes too, unless this Python's zlib is
    # another implementation (zlib-ng), which compresses the same data into other (equally valid) bytes.
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    for entry in index["parts"].values():
        raw = gzip.decompress((out / entry["file"]).read_bytes())
        assert hashlib.sha256(raw).hexdigest() == entry["json_sha256"]
        assert raw == gzip.decompress((PACK_DIR / entry["file"]).read_bytes()), entry["file"]
    if "ng" in zlib.ZLIB_RUNTIME_VERSION:
        pytest.skip(f"zlib {zlib.ZLIB_RUNTIME_VERSION}: same content, gzip bytes not compared")
    for name in committed:
        assert (out / name).read_bytes() == (PACK_DIR / name).read_bytes(), name

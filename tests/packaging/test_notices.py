"""THIRD-PARTY-NOTICES names every runtime dependency and carries the data credits word for word."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTICES = (ROOT / "THIRD-PARTY-NOTICES").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "packaging"))

import make_notices  # noqa: E402


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_dependency_has_a_library_section() -> None:
    """Each dependency in pyproject.toml has a 'Library:' section (regenerate with packaging/make_notices.py)."""
    listed = {_key(m) for m in re.findall(r"^Library: (\S+)", NOTICES, re.MULTILINE)}
    wanted = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {_key(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0]) for req in wanted}
    assert names <= listed, f"missing from THIRD-PARTY-NOTICES: {sorted(names - listed)}"


def test_data_attribution_files_are_copied_whole() -> None:
    """ESCO, O*NET, Nesta, contexts, QR dictionary, schemas and fonts: each attribution file appears verbatim."""
    for rel in make_notices.DATA_FILES:
        assert (ROOT / rel).read_text(encoding="utf-8").rstrip() in NOTICES, rel
    for credit in ("This product uses the ESCO classification", "O*NET 29.2 Database", "1EdTech", "W3C",
                   "DejaVu", "Python Software Foundation"):
        assert credit in NOTICES, credit


def test_the_dependency_closure_follows_requirements() -> None:
    """The generator walks dependencies of dependencies (cffi comes in through PyNaCl and cryptography)."""
    names = {_key(d.metadata["Name"]) for d in make_notices.runtime_closure()}
    assert {"pynacl", "cffi", "pyside6-essentials", "shiboken6"} <= names

#!/usr/bin/env python3
"""Write THIRD-PARTY-NOTICES: every library the app ships (from installed licence metadata) and the data credits.

    .venv/bin/python packaging/make_notices.py            # writes THIRD-PARTY-NOTICES at the repo root
    .venv/bin/python packaging/make_notices.py --check    # exit 1 if the file is out of date

The libraries are the runtime dependency closure of the installed `ler-wallet` distribution (extras left
out), each with its declared licence and the full text of every licence file it installs; then Python
itself and PyInstaller's bootloader (both are inside a built app); then the data attributions, copied word
for word from the files that travel with the data.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "THIRD-PARTY-NOTICES"
RULE = "=" * 78
DATA_FILES = [  # shipped inside the app
    "resources/taxonomy/ATTRIBUTION.md",
    "resources/taxonomy/LICENSE-nesta-mapping-career-causeways.txt",
    "resources/contexts/ATTRIBUTION.md",
    "resources/qr/ATTRIBUTION.md",
    "resources/schemas/README.md",
    "resources/fonts/LICENSE-DejaVu.txt",
]
VECTOR_FILES = [  # test vectors: in the source tree only, credited because the project's tests use them
    "tests/fixtures/1edtech-walkthrough/README.md",
    "tests/fixtures/validator/README.md",
    "tests/fixtures/w3c/README.md",
    "tests/fixtures/vc-di-eddsa/README.md",
    "tests/fixtures/ecdsa_2019/LICENSE.md",
    "tests/fixtures/ecdsa_sd/LICENSE.md",
    "tests/fixtures/vpqr/LICENSE.md",
    "tests/fixtures/jose/README.md",
    "tests/fixtures/status/README.md",
    "tests/fixtures/baked/README.md",
]
LICENCE_NAME = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def project_requirements() -> list[str]:
    """The runtime dependencies named in pyproject.toml (the source of truth, not a possibly stale egg-info)."""
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0] for req in data["project"]["dependencies"]]


def runtime_closure(root: str = "ler-wallet") -> list[metadata.Distribution]:
    """The project's installed runtime dependencies, recursively (requirements with an extra marker skipped)."""
    seen: dict[str, metadata.Distribution] = {_key(root): metadata.distribution("pip")}
    todo = project_requirements()
    while todo:
        name = todo.pop()
        if _key(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[_key(name)] = dist
        for req in dist.requires or []:
            if "extra ==" in req.replace('"', "'").replace("extra=='", "extra == '"):
                continue
            marker = req.split(";", 1)[1] if ";" in req else ""
            if marker and not _marker_holds(marker):
                continue
            todo.append(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0])
    seen.pop(_key(root), None)
    return sorted(seen.values(), key=lambda d: _key(d.metadata["Name"]))


def _marker_holds(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:  # without `packaging`, keep the requirement: listing too much is the safe side
        return True
    return Marker(marker).evaluate({"extra": ""})


def declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    if text and len(text) < 100 and "\n" not in text:
        classifiers.insert(0, text)
    return "; ".join(dict.fromkeys(classifiers)) or "see the licence text below"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        if LICENCE_NAME.search(str(file)):
            try:
                path = Path(str(dist.locate_file(file)))
                texts.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
            except OSError:
                continue
    if not texts:
        body = (dist.metadata.get("License") or "").strip()
        if body:
            texts.append(("License field of the package metadata", body))
    return texts


def section(title: str, body: str) -> str:
    return f"{RULE}\n{title}\n{RULE}\n\n{body.rstrip()}\n\n"


def python_licence() -> str:
    for candidate in (Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
                      / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2 (PSF-2.0): https://docs.python.org/3/license.html"


def pyinstaller_licence() -> str:
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return ("GPL-2.0-or-later with the PyInstaller bootloader exception: the bootloader may be shipped with "
                "programs of any licence.")
    return "\n\n".join(text for _, text in licence_texts(dist)) or declared_licence(dist)


def notices() -> str:
    parts = [
        "THIRD-PARTY NOTICES for LER Wallet\n\n"
        "LER Wallet itself is under the MIT License. It ships the libraries and data listed below, each under\n"
        "its own licence. Generated by packaging/make_notices.py from the installed packages' licence metadata\n"
        "and from the attribution files that travel with the data; do not edit by hand.\n\n"
    ]
    dists = runtime_closure()
    parts.append(section("Contents", "\n".join(
        ["Libraries:"] + [f"  {d.metadata['Name']} {d.version} — {declared_licence(d)}" for d in dists]
        + ["  Python (the interpreter inside a built app) — PSF-2.0",
           "  PyInstaller bootloader (built app only) — GPL-2.0-or-later WITH Bootloader-exception",
           "Data: ESCO, O*NET, Nesta crosswalk, JSON-LD contexts (W3C, 1EdTech, Digital Bazaar, DCC),",
           "      JSON Schemas (1EdTech), QR dictionary, DejaVu fonts; test vectors (source tree only)."])))
    parts.append(section("PART 1: DATA SHIPPED INSIDE THE APP", "The following files are copied word for word."))
    for rel in DATA_FILES:
        parts.append(section(f"Data: {rel}", (ROOT / rel).read_text(encoding="utf-8")))
    parts.append(section("PART 2: LIBRARIES", "Each library's declared licence and its licence files, as installed."))
    for dist in dists:
        name = dist.metadata["Name"]
        body = [f"Version: {dist.version}", f"Licence: {declared_licence(dist)}"]
        home = dist.metadata.get("Home-page") or next(
            (u.split(",", 1)[1].strip() for u in dist.metadata.get_all("Project-URL") or []), "")
        if home:
            body.append(f"Home: {home}")
        for path, text in licence_texts(dist):
            body.append(f"\n--- {path} ---\n{text.rstrip()}")
        parts.append(section(f"Library: {name}", "\n".join(body)))
    parts.append(section("Library: Python", python_licence()))
    parts.append(section("Library: PyInstaller bootloader (in built apps only)", pyinstaller_licence()))
    parts.append(section("PART 3: TEST VECTORS (source tree only, not inside the app)",
                         "Credited because the project's tests use them; copied word for word."))
    for rel in VECTOR_FILES:
        if (ROOT / rel).is_file():
            parts.append(section(f"Test vectors: {rel}", (ROOT / rel).read_text(encoding="utf-8")))
    return "".join(parts).rstrip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if THIRD-PARTY-NOTICES is out of date")
    args = parser.parse_args()
    text = notices()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print("THIRD-PARTY-NOTICES is out of date: run packaging/make_notices.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

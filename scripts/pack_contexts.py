"""Copy the JSON-LD contexts the wallet serves offline from ../shared/vectors into resources/contexts/.

Run from the repository root: `python3 scripts/pack_contexts.py [--vectors ../shared/vectors]`.
It writes one file per context, `index.json` (URL → file, source, licence) and `ATTRIBUTION.md`.
Running it twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VALIDATOR = "03-1edtech-public-validator/inspector-vc/src/main/resources/contexts/"
SPEC = "02-1edtech-openbadges-specification/"
VCDM = "02-contexts/w3c-vc-data-model/contexts/credentials/"
DB = "02-contexts/digitalbazaar-"

# URL → path under ../shared/vectors (the mapping its README gives).
VCDM = VCDM + ""
DB = DB + ""
CONTEXTS: dict[str, str] = {
    "https://www.w3.org/2018/credentials/v1": VCDM + "v1",
    "https://www.w3.org/ns/credentials/v2": VCDM + "v2",
    "https://www.w3.org/ns/credentials/undefined-terms/v2": VCDM + "undefined-terms/v2",
    "https://www.w3.org/2018/credentials/examples/v1": VCDM + "examples/v1",
    "https://www.w3.org/ns/credentials/examples/v2": VCDM + "examples/v2",
    "https://www.w3.org/ns/credentials/status/v1": "02-contexts/w3c-vc-bitstring-status-list/contexts/v1.jsonld",
    "https://w3id.org/vc/status-list/2021/v1": DB + "vc-status-list-context/contexts/vc-status-list-v1.jsonld",
    "https://w3id.org/security/suites/ed25519-2020/v1": (
        DB + "ed25519-signature-2020-context/contexts/ed25519-signature-2020-v1.jsonld"
    ),
    "https://w3id.org/security/data-integrity/v1": "02-contexts/w3c-vc-data-integrity/contexts/data-integrity/v1",
    "https://w3id.org/security/data-integrity/v2": "02-contexts/w3c-vc-data-integrity/contexts/data-integrity/v2",
    "https://w3id.org/security/multikey/v1": "02-contexts/w3c-vc-data-integrity/contexts/multikey/v1",
    "https://w3id.org/security/jwk/v1": "02-contexts/w3c-vc-data-integrity/contexts/jwk/v1",
    "https://w3id.org/security/v1": "02-contexts/w3c-ccg-security-vocab/contexts/security-v1.jsonld",
    "https://w3id.org/security/v2": "02-contexts/w3c-ccg-security-vocab/contexts/security-v2.jsonld",
    "https://w3id.org/security/v3": VALIDATOR + "security-v3-unstable.jsonld",
    "https://w3id.org/security/suites/ed25519-2018/v1": VALIDATOR + "suites-ed25519-2018.jsonld",
    "https://w3id.org/security/suites/x25519-2019/v1": VALIDATOR + "suites-x25519-2019.jsonld",
    "https://w3id.org/security/suites/jws-2020/v1": VALIDATOR + "suites-jws-2020.jsonld",
    "https://w3id.org/security/suites/secp256k1-2019/v1": VALIDATOR + "suites-secp256k1-2019.jsonld",
    "https://w3id.org/security/bbs/v1": VALIDATOR + "security-bbs-v1.jsonld",
    "https://w3id.org/security/suites/x25519-2020/v1": (
        "02-contexts/dcc-x25519-key-agreement-2020-context/contexts/x25519-key-agreement-2020-v1.jsonld"
    ),
    "https://www.w3.org/ns/did/v1": DB + "did-context/contexts/did-v1.jsonld",
    "https://w3id.org/dcc/v1": "02-contexts/dcc-context/v1/dcc-context-v1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": SPEC + "ob_v3p0/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld": SPEC + "ob_v3p0/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": SPEC + "ob_v3p0/context-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": SPEC + "ob_v3p0/context-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": SPEC + "ob_v3p0/context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": VALIDATOR + "ob-v3p0-extensions.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": VALIDATOR + "clr-v2p0-2.0.1.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context.json": VALIDATOR + "clr-v2p0.json",
    "https://w3id.org/openbadges/v2": SPEC + "ob_v2p0/v2/context.json",
    "https://openbadgespec.org/v2/context.json": SPEC + "ob_v2p0/v2/context.json",
    "https://w3id.org/openbadges/v1": SPEC + "ob_v2p0/v1/context.json",
    "https://w3id.org/openbadges/legacy-v1": SPEC + "ob_v2p0/v1/legacy-v1.json",
    "https://w3id.org/citizenship/v4rc1": DB + "citizenship-context/contexts/v4rc1.jsonld",
    "https://w3id.org/citizenship/v1": DB + "citizenship-context/contexts/v1.jsonld",
    "https://www.w3.org/ns/odrl.jsonld": VALIDATOR + "odrl.jsonld",
}
for _name in sorted((ROOT.parent / "shared/vectors" / SPEC / "ob_v2p0/extensions").glob("*/context.json")):
    CONTEXTS[f"https://w3id.org/openbadges/extensions/{_name.parent.name}/context.json"] = str(
        _name.relative_to(ROOT.parent / "shared/vectors")
    )


def _manifest(vectors: Path) -> dict[str, dict[str, str]]:
    with (vectors / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _file_name(url: str) -> str:
    stem = url.split("://", 1)[1].rstrip("/")
    safe = "".join(c if c.isalnum() or c in "-." else "_" for c in stem)
    return safe if safe.endswith((".json", ".jsonld")) else safe + ".jsonld"


def pack(vectors: Path, out: Path) -> None:
    manifest = _manifest(vectors)
    out.mkdir(parents=True, exist_ok=True)
    index: dict[str, dict[str, str]] = {}
    for url, rel in sorted(CONTEXTS.items()):
        document = json.loads((vectors / rel).read_text(encoding="utf-8"))
        name = _file_name(url)
        (out / name).write_text(json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
        row = manifest.get(rel, {})
        index[url] = {
            "file": name,
            "source": f"{row.get('repo', '?')}: {row.get('source_path', rel)} @ {row.get('commit', '?')[:12]}",
            "license": row.get("license", "see ../shared/vectors/README.md"),
        }
    (out / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True) + "\n", "utf-8")
    lines = [
        "# JSON-LD contexts served offline",
        "",
        "Copied unchanged in meaning (re-serialised as sorted JSON) by `scripts/pack_contexts.py` from the",
        "public sources below. Each keeps its licence: W3C Software and Document License, BSD-3-Clause, MIT,",
        "Apache-2.0, or the 1EdTech specification licence (https://www.imsglobal.org/speclicense.html).",
        "",
        "| context URL | source | licence |",
        "|---|---|---|",
    ]
    lines += [f"| {url} | {entry['source']} | {entry['license']} |" for url, entry in index.items()]
    (out / "ATTRIBUTION.md").write_text("\n".join(lines) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vectors", type=Path, default=ROOT.parent / "shared" / "vectors")
    args = parser.parse_args()
    pack(args.vectors, ROOT / "resources" / "contexts")


if __name__ == "__main__":
    main()

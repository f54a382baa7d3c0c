"""Build the preset deflate dictionary of the LW1 QR encoding (resources/qr/lw1.zdict).

The dictionary holds vocabulary only: the context URLs we ship, the term and type names those contexts define
(VC 2.0, Open Badges 3.0, CLR 2.0, Data Integrity), proof suite names and common prefixes, written the way they
appear in compact JSON (`"name":`, `"OpenBadgeCredential"`), and the fixed parts of the wallet's own bundle:
the LER-RS statement's inline context (wallet/sharing/lerrs.py) and the shapes every statement repeats. No
credential content is copied in.

Fragments are ordered by how many bytes they would save in a ranking corpus (public OB 3.0 / CLR 2.0 examples
and validator fixtures from ../shared/vectors, read at build time only): deflate reaches nearer bytes with
shorter distance codes, so the most useful fragments go last.

The result is frozen: `wallet/sharing/qr_codec.py` pins its SHA-256, and a different dictionary needs a new
prefix (LW2:), because codes already printed must keep decoding. Run:

    python scripts/build_qr_dictionary.py [--vectors ../shared/vectors] [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wallet.sharing.lerrs import LERRS_CONTEXT, STATEMENT_NOTE  # noqa: E402

CONTEXTS = ROOT / "resources" / "contexts"
OUT = ROOT / "resources" / "qr" / "lw1.zdict"
LIMIT = 32 * 1024  # deflate's window: dictionary bytes further back than this are never used

VOCABULARY_CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
    "https://w3id.org/security/data-integrity/v2",
    "https://w3id.org/security/multikey/v1",
]
EXTRA = [
    # proof suites, purposes and the shapes every signed document repeats
    "DataIntegrityProof", "eddsa-rdfc-2022", "eddsa-jcs-2022", "Ed25519Signature2020", "JsonWebSignature2020",
    "assertionMethod", "authentication", "did:key:z6Mk", "did:web:", "did:jwk:", "urn:uuid:", "T00:00:00Z",
    "https://", "http://", ".example/", "http://data.europa.eu/esco/skill/", "ceterms:Skill", "ESCO",
    '"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","created":"',
    '","verificationMethod":"did:key:z6Mk', '","proofPurpose":"assertionMethod","proofValue":"z',
    '","proofPurpose":"authentication","challenge":"', '"domain":"', '"holder":"did:key:z6Mk',
    '"type":["VerifiablePresentation"]', '"verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2",',
    '"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]',
    '"type":["VerifiableCredential","OpenBadgeCredential"]', '"type":["VerifiableCredential","AchievementCredential"]',
    '"type":["VerifiableCredential","ClrCredential"]', '"type":["VerifiableCredential","EndorsementCredential"]',
    '"credentialSubject":{"id":"did:key:z6Mk', '"type":["AchievementSubject"]', '"achievement":{"id":"',
    '"type":["Achievement"]', '"achievementType":"', '"criteria":{"narrative":"', '"issuer":{"id":"did:key:z6Mk',
    '"type":["Profile"]', '"alignment":[{"type":["Alignment"],"targetName":"', '","targetUrl":"',
    '","targetFramework":"', '","targetType":"', '","targetCode":"', '"validFrom":"', '"validUntil":"',
    '"EnvelopedVerifiableCredential"', "data:application/vc+jwt,", "LERRSCredential", "Resume",
]


def own() -> list[str]:
    """The wallet's own bundle vocabulary, in every share: placed last, nearest the data."""
    context = json.dumps(["https://www.w3.org/ns/credentials/v2", LERRS_CONTEXT], ensure_ascii=False,
                         separators=(",", ":"))
    return [
        # Open Badges 3.0 credentials as issuers conventionally write them (the specification's examples' order)
        '"alignment":[{"type":["Alignment"],"targetName":"', '","targetFramework":"ESCO","targetType":"ceterms:Skill",'
        '"targetCode":"', '","targetUrl":"http://data.europa.eu/esco/skill/', '"tag":["',
        '"type":["Achievement"],"achievementType":"Badge","name":"', '","description":"', '"criteria":{"narrative":"',
        '"credentialSubject":{"id":"did:key:z6Mk', '","type":["AchievementSubject"],"achievement":{"id":"https://',
        '"issuer":{"id":"did:key:z6Mk', '","type":["Profile"],"name":"', '","url":"https://',
        '"type":["VerifiableCredential","OpenBadgeCredential"],"name":"',
        '{"@context":["https://www.w3.org/ns/credentials/v2","https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],'
        '"id":"urn:uuid:',
        '","proofPurpose":"assertionMethod","proofValue":"z',
        '"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-rdfc-2022","created":"',
        '","verificationMethod":"did:key:z6Mk',
        # the wallet's own statement (wallet/sharing/lerrs.py) and presentation (wallet/sharing/bundle.py)
        '"experienceKind":"credential","selfAsserted":false,"shownBy":"urn:uuid:',
        '"educationAndLearning":[{"title":"', '"employmentHistory":[', '"organization":{"name":"',
        '","definitionReference":"http://data.europa.eu/esco/skill/', '"evidencedBy":["urn:uuid:',
        '"narrative":{"text":"', '"skill":[{"name":"', '"primaryLanguage":"en","contact":["',
        '"type":"Resume","person":{"formattedName":"', " (self-asserted)",
        f'"description":"{STATEMENT_NOTE}","issuer":{{"id":"did:key:z6Mk',
        '"type":["VerifiableCredential","LERRSCredential"],"name":"Résumé for ', ' (self-asserted)","description":"',
        '{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"urn:uuid:',
        '"type":["VerifiablePresentation"],"holder":"did:key:z6Mk',
        '"proofPurpose":"authentication","challenge":"', '","domain":"',
        f'"verifiableCredential":[{{"@context":{context},"id":"urn:uuid:',
    ]


def _terms(node: Any, found: set[str]) -> None:
    """Every term a context defines, scoped contexts included (every non-keyword key, at any depth)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not key.startswith("@"):
                found.add(key)
            _terms(value, found)
    elif isinstance(node, list):
        for item in node:
            _terms(item, found)


def candidates() -> list[str]:
    """The vocabulary fragments, before ranking."""
    index = json.loads((CONTEXTS / "index.json").read_text(encoding="utf-8"))
    fragments = {f'"{url}"' for url in index}
    for url in VOCABULARY_CONTEXTS:
        terms: set[str] = set()
        _terms(json.loads((CONTEXTS / index[url]["file"]).read_text(encoding="utf-8")).get("@context", {}), terms)
        for term in terms:
            fragments.add(f'"{term}"' if term[:1].isupper() else f'"{term}":')
    fragments.update(EXTRA)
    return sorted(fragments)


def corpus(vectors: Path) -> str:
    """Public OB 3.0 / CLR 2.0 documents, compact JSON, used only to rank fragments."""
    paths = sorted((vectors / "02-1edtech-openbadges-specification" / "extracted").glob("*.json"))
    for sub in ("ob30", "clr20"):
        paths += sorted((vectors / "03-1edtech-public-validator").rglob(f"test/resources/{sub}/*.json"))
    texts = []
    for path in paths:
        try:
            texts.append(json.dumps(json.loads(path.read_text(encoding="utf-8")), separators=(",", ":")))
        except (ValueError, UnicodeDecodeError):
            continue
    if not texts:
        sys.exit(f"no ranking corpus under {vectors}")
    return "\n".join(texts)


def build(vectors: Path) -> bytes:
    """The dictionary bytes: useful fragments, least useful first, trimmed to deflate's window."""
    text = corpus(vectors)
    scored = []
    for fragment in candidates():
        scored.append((text.count(fragment) * (len(fragment) - 3), fragment))
    scored.sort()
    last = own()
    out: list[str] = []
    size = sum(len(fragment.encode("utf-8")) for fragment in last)
    for _saving, fragment in reversed(scored):  # most useful first, so trimming drops the least useful
        if size + len(fragment) > LIMIT:
            break
        out.append(fragment)
        size += len(fragment)
    return "".join([*reversed(out), *last]).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=Path, default=ROOT.parent / "shared" / "vectors")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped dictionary is current")
    args = parser.parse_args()
    data = build(args.vectors)
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        same = OUT.is_file() and OUT.read_bytes() == data
        print(f"{'current' if same else 'DIFFERENT'}: {len(data)} bytes, sha256 {digest}")
        sys.exit(0 if same else 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data)} bytes, sha256 {digest}")


if __name__ == "__main__":
    main()

"""Fuzzing every importer: bad input gets one clear sentence, never a crash, a hang or a partial record.

`formats.parse` is the single entry for every importer (JSON-LD, VC-JWT, enveloped data: URLs,
presentations, OB 2.0, PNG and SVG baked badges). For every input it must either return credentials
or raise `CredentialFormatError` with a sentence; `Verifier.verify` must then always return a report
(never raise), and a changed signed credential must never come out "verified". The wallet import
must answer each hostile file with a "failed" outcome and leave the record count unchanged.

Seeds are real credentials: the W3C vc-di-eddsa vectors, the 1EdTech JWT and baked-badge files,
and credentials signed here by the demo issuers (as JSON-LD, VC-JWT, data: URL envelopes, PNG and SVG).

Crashes found here and since fixed are pinned in "Regressions". Open bugs are pinned by `xfail(strict=True)`
tests in "Known bugs"; while a crash bug is open, the Hypothesis tests skip (`reject`) examples failing with
exactly that exception (`_known_bug`) so every other property keeps being fuzzed. When a bug is fixed its
xfail test passes (strict → failure): move it to "Regressions" and drop its `_known_bug` entry.
A verifier fault turned into an "internal:" check (`verifier.INTERNAL`) counts as a crash here.
"""

from __future__ import annotations

import base64
import copy
import gzip
import json
import struct
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from wallet.credential_service import fields_for
from wallet.credentials import baked, formats, jose, limits
from wallet.credentials import verifier as verifier_module
from wallet.credentials.baked import bake_png, bake_svg
from wallet.credentials.dataintegrity import JCS, _proof_config, _unsecured_for, hash_data, sign, suite_of, verify_all
from wallet.credentials.demo_issuers import (
    COLLEGE,
    LIBRARY,
    WAREHOUSE,
    college_clr,
    customer_service_badge,
    forklift_badge,
    ob2_baked_badge,
)
from wallet.credentials.formats import Parsed
from wallet.credentials.keys import KeyResolver
from wallet.credentials.report import CheckName, ItemReport, Outcome, Status
from wallet.credentials.verifier import Verifier, VerifyOptions
from wallet.errors import CredentialFormatError
from wallet.session import Session

pytestmark = pytest.mark.timeout(60)  # hang guard: no single test may run for more than a minute

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
LEARNER = "did:example:x"
NOW = datetime(2025, 1, 1, tzinfo=UTC)
TRUSTED = {WAREHOUSE.did: WAREHOUSE.name, COLLEGE.did: COLLEGE.name, LIBRARY.did: LIBRARY.name}
MB = 1024 * 1024
SVG_NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
INTERNAL = getattr(verifier_module, "INTERNAL", "internal:")
"""The verifier's marker for an engine fault it caught: no input may ever produce it."""
TRACEBACK_WORDS = ("Traceback", "Error(", "Exception", 'File "', "<class", "object at 0x", "NoneType", "errno")

FUZZ = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


# ------------------------------------------------------------------------------------------------ helpers


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def dump(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def verifier(status_lists: dict[str, Any] | None = None) -> Verifier:
    """Offline verification with the demo issuers trusted, so an untouched demo credential is plainly verified."""
    return Verifier(VerifyOptions(now=NOW, status_lists=dict(status_lists or {}), trusted_issuers=dict(TRUSTED)))


def assert_sentence(message: object) -> None:
    """A message a person can read: non-empty text, one sentence or more, no Python internals."""
    assert isinstance(message, str) and message.strip(), f"empty message: {message!r}"
    for word in TRACEBACK_WORDS:
        assert word not in message, f"message leaks Python internals ({word}): {message!r}"
    assert message.rstrip().endswith((".", ".)", "…", "?")), f"not a sentence: {message!r}"


def assert_report(report: ItemReport) -> None:
    """A whole report: a status, at least one check, a sentence per check, storable as JSON."""
    assert isinstance(report, ItemReport)
    assert report.status in set(Status)
    assert report.checks
    for check in report.checks:
        assert check.check in set(CheckName) and check.outcome in set(Outcome)
        assert isinstance(check.message, str) and check.message.strip()
        assert INTERNAL not in check.message, f"the verifier hit an internal fault: {check.message!r}"
        for word in TRACEBACK_WORDS:
            assert word not in check.message, f"check message leaks Python internals: {check.message!r}"
    json.dumps(report.to_json())
    for child in report.children:
        assert_report(child)


def parse_or_error(data: bytes) -> list[Parsed] | None:
    """The credentials in `data`, or None after checking the refusal is a CredentialFormatError sentence."""
    try:
        found = formats.parse(data)
    except CredentialFormatError as exc:
        assert_sentence(exc.message)
        return None
    assert found, "parse returned no credential and no error"
    return found


def _frames(exc: BaseException) -> list[tuple[str, str]]:
    return [(Path(f.filename).name, f.name) for f in traceback.extract_tb(exc.__traceback__)]


def _known_bug(exc: BaseException) -> str | None:
    """Which open, reported bug an exception is; None when it is a new one (none are open now)."""
    return None


def guarded(call: Callable[[], Any]) -> Any:
    """Run `call`; skip the Hypothesis example if it hits a known, reported bug, re-raise anything else."""
    try:
        return call()
    except CredentialFormatError:
        raise
    except Exception as exc:
        if _known_bug(exc) is not None:
            reject()
        raise


def signed_part(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "proof"}


def _proof_list(document: dict[str, Any]) -> list[dict[str, Any]]:
    proof = document.get("proof")
    items = proof if isinstance(proof, list) else [proof] if proof is not None else []
    return [p for p in items if isinstance(p, dict)]


def signed_bytes(document: dict[str, Any], proof: dict[str, Any]) -> bytes | None:
    """What `proof` signs in `document` (hash of canonical proof options ‖ hash of canonical document)."""
    try:
        unsecured = _unsecured_for(document, proof, _proof_list(document))
        data, _ = hash_data(unsecured, _proof_config(unsecured, proof, suite_of(proof)), suite_of(proof))
    except CredentialFormatError:
        return None
    return data.combined


def assert_no_forged_proof(document: dict[str, Any], originals: list[dict[str, Any]]) -> None:
    """Every proof that checks out in a changed credential signs exactly the bytes an original proof signed.

    So a change is allowed to keep a signature valid only when it leaves the signed bytes alone: whitespace, a
    JSON-LD no-op (a null or empty value, a term no context defines), or a proof's @context where the suite uses
    the document's instead.
    """
    if any(document == original for original in originals):
        return
    before = {signed_bytes(o, p) for o in originals for p in _proof_list(o)} - {None}
    for result in guarded(lambda: verify_all(document, KeyResolver())):
        if result.valid:
            after = guarded(lambda r=result: signed_bytes(document, r.proof))
            assert after in before, f"a changed credential still has a valid {result.suite} proof: {result.proof}"


def assert_tamper_detected(parsed: Parsed, report: ItemReport, originals: list[Parsed]) -> None:
    """A credential whose signed content changed is never reported as verified."""
    same = any(
        parsed.document == o.document
        and (parsed.jws is None) == (o.jws is None)
        and (parsed.jws is None or o.jws is None or parsed.jws.compact == o.jws.compact)
        for o in originals
    )
    if same:
        return
    if parsed.jws is not None:
        assert report.status is not Status.VERIFIED, f"a changed {parsed.format_name} still verifies"
    elif report.outcome_of(CheckName.SIGNATURE) is Outcome.PASSED:
        assert_no_forged_proof(parsed.document, [o.document for o in originals if o.jws is None])


def _walk(parsed: Parsed) -> Iterator[Parsed]:
    yield parsed
    for child in parsed.nested:
        yield from _walk(child)


def _has_fault(report: ItemReport) -> bool:
    return any(INTERNAL in c.message for c in report.checks) or any(_has_fault(c) for c in report.children)


def verify_checked(v: Verifier, parsed: Parsed) -> ItemReport:
    """`v.verify(parsed)`; an engine fault it turned into a check is replayed raw, to name it (or skip a known bug)."""
    report = guarded(lambda: v.verify(parsed))
    if _has_fault(report):
        raw = getattr(v, "_verify", None)
        for item in _walk(parsed):
            if raw is not None:
                guarded(lambda i=item: raw(i))
        raise AssertionError(f"the verifier hit an internal fault: {report.to_json()}")
    return report


def check_input(
    data: bytes, originals: list[Parsed] | None = None, status_lists: dict[str, Any] | None = None
) -> list[ItemReport]:
    """Parse `data`, verify what it holds and check every property; returns the reports."""
    found = guarded(lambda: parse_or_error(data))
    if found is None:
        return []
    reports = []
    v = verifier(status_lists)
    for parsed in found:
        report = verify_checked(v, parsed)
        assert_report(report)
        fields = guarded(lambda p=parsed: fields_for(p))  # what the import stores next to the report
        json.dumps(fields.parsed)
        if originals is not None:
            assert_tamper_detected(parsed, report, originals)
        reports.append(report)
    return reports


def timed(call: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def refused(data: bytes, *fragments: str, within: float = 5.0) -> str:
    """Assert `data` is refused with a sentence containing every fragment (case-insensitive), quickly."""
    start = time.perf_counter()
    with pytest.raises(CredentialFormatError) as info:
        formats.parse(data)
    elapsed = time.perf_counter() - start
    message = info.value.message
    assert_sentence(message)
    for fragment in fragments:
        assert fragment.lower() in message.lower(), f"{fragment!r} not in {message!r}"
    assert elapsed < within, f"refusal took {elapsed:.1f} s"
    return message


# ------------------------------------------------------------------------------------------------ seeds


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_parts() -> tuple[bytes, bytes]:
    """(signature + IHDR, the rest) of a small real PNG without a badge."""
    png = (FIXTURES / "baked" / "concentricsky-bakery" / "public_domain_heart.png").read_bytes()
    (length,) = struct.unpack(">I", png[8:12])
    head_end = 8 + 12 + length
    return png[:head_end], png[head_end:]


def png_with(*chunks: bytes) -> bytes:
    head, rest = _png_parts()
    return head + b"".join(chunks) + rest


def itxt(text: bytes, keyword: bytes = b"openbadgecredential", compressed: bool = False) -> bytes:
    body = zlib.compress(text) if compressed else text
    return _chunk(b"iTXt", keyword + b"\0" + (b"\1\0" if compressed else b"\0\0") + b"\0\0" + body)


def svg_with(inner: str, prolog: str = "") -> bytes:
    return f"{prolog}<svg {SVG_NS}>{inner}</svg>".encode()


def token(header: dict[str, Any] | bytes, payload: bytes, signer: Callable[[bytes], bytes] | None = None) -> str:
    """A compact JWS with any header at all (sign_compact refuses odd headers), signed by `signer` if given."""
    header_bytes = header if isinstance(header, bytes) else json.dumps(header).encode()
    signing_input = f"{b64url(header_bytes)}.{b64url(payload)}"
    signature = signer(signing_input.encode("ascii")) if signer else b"\0" * 64
    return f"{signing_input}.{b64url(signature)}"


def envelope(url: str) -> bytes:
    return dump(
        {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential", "id": url}
    )


@cache
def forklift() -> dict[str, Any]:
    return forklift_badge(LEARNER)


@cache
def forklift_jwt() -> str:
    """The forklift badge as an EdDSA VC-JWT from the warehouse's did:key (kid resolvable offline)."""
    identity = WAREHOUSE.identity
    payload = {"iss": WAREHOUSE.did, "jti": forklift()["id"], "nbf": 1652691600, "vc": signed_part(forklift())}
    header = {"alg": "EdDSA", "typ": "JWT", "kid": identity.verification_method}
    return jose.sign_compact(header, dump(payload), identity.sign)


@cache
def ob2_assertion() -> dict[str, Any]:
    """An OB 2.0 assertion signed (JWS) by the warehouse, whose creator key resolves offline (did:key)."""
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:2f1e6f1c-3c9f-4b8e-9f57-9b1b2c3d4e5f",
        "recipient": {"type": "email", "hashed": False, "identity": "sam.learner@example.org"},
        "issuedOn": "2020-01-01T00:00:00Z",
        "verification": {"type": "SignedBadge", "creator": WAREHOUSE.identity.verification_method},
        "badge": {
            "type": "BadgeClass",
            "id": "urn:uuid:badge",
            "name": "Pallet Jack Basics",
            "description": "Moves pallets safely.",
            "criteria": {"narrative": "Observed practical."},
            "issuer": {"id": WAREHOUSE.did, "type": "Profile", "name": WAREHOUSE.name, "url": WAREHOUSE.url},
        },
    }


def ob2_jws(assertion: dict[str, Any]) -> bytes:
    return token({"alg": "EdDSA"}, dump(assertion), WAREHOUSE.identity.sign).encode()


@cache
def seeds() -> dict[str, bytes]:
    """Real inputs of every importer, by name; the demo ones verify fully with the demo issuers trusted."""
    heart = (FIXTURES / "baked" / "concentricsky-bakery" / "public_domain_heart.png").read_bytes()
    unbaked_svg = (FIXTURES / "baked" / "concentricsky-bakery" / "unbaked_example.svg").read_bytes()
    found = {
        "forklift.json": dump(forklift()),
        "customer-service-jcs.json": json.dumps(customer_service_badge(LEARNER), indent=1).encode(),
        "forklift.jwt": forklift_jwt().encode(),
        "forklift-enveloped-jwt.json": envelope("data:application/vc+jwt," + forklift_jwt()),
        "forklift-enveloped-b64.json": envelope(
            "data:application/vc+ld+json;base64," + base64.b64encode(dump(forklift())).decode()
        ),
        "forklift.png": bake_png(heart, json.dumps(forklift())),
        "forklift.svg": bake_svg(unbaked_svg, json.dumps(forklift())),
        "forklift-jwt.svg": bake_svg(unbaked_svg, forklift_jwt()),
        "ob2.png": ob2_baked_badge("sam.learner@example.org"),
        "ob2-signed.jws": ob2_jws(ob2_assertion()),
        "college-clr.json": dump(college_clr(LEARNER)),
    }
    for path in sorted((FIXTURES / "vc-di-eddsa").rglob("signed*.json")):
        found[f"w3c/{path.relative_to(FIXTURES / 'vc-di-eddsa')}"] = path.read_bytes()
    for path in sorted((FIXTURES / "jose").rglob("*.jwt")):
        found[f"jose/{path.relative_to(FIXTURES / 'jose')}"] = path.read_bytes()
    for name in (
        "1edtech-validator/simple-json.svg",
        "1edtech-validator/simple-jwt.svg",
        "1edtech-validator/simple-badge.png",
        "1edtech-validator/simple-json.png",
        "mozilla-bakery/no-json.svg",
    ):
        found[f"baked/{name}"] = (FIXTURES / "baked" / name).read_bytes()
    return found


@cache
def originals(name: str) -> list[Parsed]:
    return formats.parse(seeds()[name])


DEMO_SEEDS = [
    "forklift.json",
    "customer-service-jcs.json",
    "forklift.jwt",
    "forklift-enveloped-jwt.json",
    "forklift-enveloped-b64.json",
    "forklift.png",
    "forklift.svg",
    "forklift-jwt.svg",
    "college-clr.json",
]


@pytest.mark.parametrize("name", DEMO_SEEDS)
def test_demo_seeds_verify_untouched(name: str) -> None:
    """Every signed demo seed verifies fully as it is, so "never verified after a change" means something."""
    [parsed] = formats.parse(seeds()[name])
    report = verifier().verify(parsed)
    assert report.status is Status.VERIFIED, [c.message for c in report.checks if c.outcome is not Outcome.PASSED]


# ------------------------------------------------------------------------------------------------ truncation


TRUNCATED = [
    "forklift.json",
    "forklift.jwt",
    "forklift.png",
    "forklift-jwt.svg",
    "ob2.png",
    "ob2-signed.jws",
    "w3c/eddsa-jcs-2022/signedJCS.json",
]


@pytest.mark.parametrize("name", TRUNCATED)
def test_every_truncation_prefix_is_refused_or_read(name: str) -> None:
    """Every prefix of a real input is refused with a sentence or read, and never verifies unless unchanged."""
    data = seeds()[name]
    before = originals(name)
    for end in range(len(data)):
        check_input(data[:end], before)


@pytest.mark.parametrize(
    "name",
    [
        "baked/1edtech-validator/simple-json.png",
        "customer-service-jcs.json",
        "forklift-enveloped-b64.json",
        "baked/1edtech-validator/simple-jwt.svg",
    ],
)
def test_sampled_truncations_of_larger_inputs(name: str) -> None:
    """Larger inputs cut at ~300 places and at every byte of their last 64: refused with a sentence or read."""
    data = seeds()[name]
    before = originals(name)
    cuts = set(range(0, len(data), max(1, len(data) // 300))) | set(range(max(0, len(data) - 64), len(data)))
    for end in sorted(cuts):
        check_input(data[:end], before)


# ------------------------------------------------------------------------------------------------ random bytes


INTERESTING_BYTES = list(b'{}[]":,\\ \t\n\x00\x7f\x80\xff.=-_+/0159azAZe<>&;!?%#')


def _edit(draw: st.DrawFn, original: bytes) -> bytes:
    """`original` with 1–4 edits: byte flips and replacements, insertions, deletions, duplicated runs."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        op = draw(st.sampled_from(["xor", "set", "insert", "delete", "repeat"]))
        if op == "xor" and data:
            data[at] ^= draw(st.sampled_from([0x01, 0x02, 0x20, 0x40, 0x80, 0xFF]))
        elif op == "set" and data:
            data[at] = draw(st.sampled_from(INTERESTING_BYTES) | st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4) | st.sampled_from([b"{", b"[", b'"', b"\\u0000"]))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        else:
            size = draw(st.integers(1, 16))
            data[at:at] = data[at : at + size]
    return bytes(data)


@st.composite
def byte_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed (any importer) with 1–4 byte edits anywhere, container structure included."""
    name = draw(st.sampled_from(sorted(seeds())))
    return name, _edit(draw, seeds()[name])


CONTAINERS = ["JSON", "PNG", "SVG", "data: URL", "presentation", "JWT with the original signature"]


@st.composite
def payload_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """The signed forklift badge with byte edits, then wrapped in a well-formed container (right CRC, base64…)."""
    container = draw(st.sampled_from(CONTAINERS))
    if container == "JWT with the original signature":
        header, payload, signature = forklift_jwt().split(".")
        edited = _edit(draw, base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return "forklift.jwt", f"{header}.{b64url(edited)}.{signature}".encode()
    edited = _edit(draw, dump(forklift()))
    if container == "PNG":
        return "forklift.json", png_with(itxt(edited))
    if container == "SVG":
        text = edited.decode("utf-8", errors="replace").replace("]]>", "]]]]><![CDATA[>")
        return "forklift.json", svg_with(f"<openbadges:credential><![CDATA[{text}]]></openbadges:credential>")
    if container == "data: URL":
        return "forklift.json", envelope("data:application/vc+ld+json;base64," + base64.b64encode(edited).decode())
    if container == "presentation":
        text = edited.decode("utf-8", errors="replace")
        return "forklift.json", dump({"type": "VerifiablePresentation", "verifiableCredential": [text]})
    return "forklift.json", edited


@FUZZ
@given(byte_mutations())
def test_random_byte_edits_never_crash_and_never_verify(case: tuple[str, bytes]) -> None:
    """Random byte edits of every seed: a sentence or a report, and a changed signed credential never verifies."""
    name, data = case
    check_input(data, originals(name))


@FUZZ
@given(payload_mutations())
def test_edited_credentials_in_well_formed_containers_never_verify(case: tuple[str, bytes]) -> None:
    """An edited signed credential inside a valid PNG, SVG, data: URL, presentation or JWT: never verified."""
    name, data = case
    check_input(data, originals(name) + originals("forklift.json"))


# ------------------------------------------------------------------------------------------------ JSON structure

INTERESTING_STRINGS = [
    "",
    "z",
    "u",
    "#",
    "0",
    "zzzz",
    "did:key:",
    "did:key:z6Mk",
    "did:jwk:",
    "did:jwk:e30",
    "did:example:x",
    WAREHOUSE.identity.verification_method,
    "did:key:z0OIl#z0OIl",
    "https://example.org/",
    "urn:uuid:x",
    "data:,",
    "data:application/vc+ld+json;base64,!!",
    "@id",
    "@type",
    "@graph",
    "@context",
    "@value",
    "@list",
    "@json",
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "VerifiableCredential",
    "OpenBadgeCredential",
    "ClrCredential",
    "EndorsementCredential",
    "Assertion",
    "VerifiablePresentation",
    "EnvelopedVerifiableCredential",
    "DataIntegrityProof",
    "Ed25519Signature2020",
    "eddsa-rdfc-2022",
    "eddsa-jcs-2022",
    "eddsa-2022",
    "assertionMethod",
    "authentication",
    "z1111",
    "uAAAA",
    "1970-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
    "0001-01-01T00:00:00+14:00",
    "2024-02-30",
    "now",
    "BitstringStatusListEntry",
    "StatusList2021Entry",
    "1EdTechRevocationList",
    "revocation",
    "\u202e\u0000",
]
JSON_KEYS = [
    "id",
    "type",
    "@context",
    "proof",
    "issuer",
    "credentialSubject",
    "verifiableCredential",
    "name",
    "proofValue",
    "verificationMethod",
    "cryptosuite",
    "previousProof",
    "achievement",
    "validFrom",
    "credentialStatus",
    "statusListIndex",
    "statusListCredential",
    "statusPurpose",
    "@id",
    "@type",
]
JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(INTERESTING_STRINGS)
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(JSON_KEYS) | st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def json_paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from json_paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from json_paths(value, (*prefix, index))


@st.composite
def structural_mutations(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """`document` with 1–3 values (anywhere, proofs included) replaced by JSON of any type, or removed."""
    changed = copy.deepcopy(document)
    paths = [p for p in json_paths(document) if p]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        parent: Any = changed
        try:
            for step in path[:-1]:
                parent = parent[step]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or retyped this path
    return changed


STRUCTURAL_SEEDS = [
    "forklift.json",
    "college-clr.json",
    "customer-service-jcs.json",
    "w3c/proof-set-chain/signedProofChain2.json",
    "w3c/Ed25519Signature2020/signedEdSig.json",
    "w3c/eddsa-jcs-2022/signedJCS.json",
]


@FUZZ
@given(
    st.sampled_from(STRUCTURAL_SEEDS).flatmap(
        lambda n: st.tuples(st.just(n), structural_mutations(json.loads(seeds()[n])))
    )
)
def test_wrong_types_anywhere_in_signed_credentials(case: tuple[str, dict[str, Any]]) -> None:
    """Numbers, lists, null, objects and odd strings anywhere (proofs included): a report, never verified."""
    name, document = case
    check_input(dump(document), originals(name))


@st.composite
def odd_jwt_claims(draw: st.DrawFn) -> bytes:
    """A VC-JWT, correctly signed by the issuer, whose payload has odd values: checks past the signature run."""
    payload = {"iss": WAREHOUSE.did, "jti": forklift()["id"], "nbf": 1652691600, "vc": signed_part(forklift())}
    payload = draw(structural_mutations(payload))
    identity = WAREHOUSE.identity
    return token({"alg": "EdDSA", "kid": identity.verification_method}, dump(payload), identity.sign).encode()


@FUZZ
@given(odd_jwt_claims())
def test_validly_signed_jwts_with_odd_claims_get_a_report(data: bytes) -> None:
    """A correctly signed token with odd claim types still gets a full report (validity, status, schema, trust)."""
    check_input(data)


@st.composite
def odd_ob2_assertions(draw: st.DrawFn) -> bytes:
    """An OB 2.0 assertion, correctly signed by its issuer's key, whose fields were given odd values."""
    return ob2_jws(draw(structural_mutations(ob2_assertion())))


@FUZZ
@given(odd_ob2_assertions())
def test_validly_signed_ob2_assertions_with_odd_fields_get_a_report(data: bytes) -> None:
    """A correctly signed OB 2.0 assertion with odd field types (badge, issuer, creator…) gets a full report."""
    check_input(data)


STATUS_URL = "https://distribution.example/status/1"
PURPOSES = st.sampled_from(["revocation", "suspension", "refresh", "message", "REVOCATION", "other"]) | JSON_LEAVES
ENCODED_LISTS = (
    st.binary(max_size=48).map(lambda b: "u" + b64url(gzip.compress(b)))
    | st.binary(max_size=48).map(lambda b: b64url(gzip.compress(b)))
    | st.binary(max_size=48).map(lambda b: "u" + b64url(b))
    | JSON_VALUES
)


@st.composite
def status_cases(draw: st.DrawFn) -> tuple[bytes, dict[str, Any]]:
    """A signed VC-JWT with an odd status entry, and an odd status list its own issuer signed (so it is trusted)."""
    entry: dict[str, Any] = {
        "id": f"{STATUS_URL}#5",
        "type": draw(st.sampled_from(["BitstringStatusListEntry", "StatusList2021Entry", "1EdTechRevocationList"])),
        "statusPurpose": draw(PURPOSES),
        "statusListIndex": draw(st.integers(-3, 400) | st.integers(0, 400).map(str) | JSON_LEAVES),
        "statusListCredential": STATUS_URL,
    }
    if draw(st.booleans()):
        entry["statusSize"] = draw(st.integers(-2, 70) | JSON_LEAVES)
    if draw(st.booleans()):
        entry["statusMessage"] = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "status": st.sampled_from(["0x0", "0x1", "0x3", "zz"]) | JSON_LEAVES,
                        "message": st.text(max_size=8) | JSON_LEAVES,
                    }
                ),
                max_size=3,
            )
            | JSON_VALUES
        )
    if entry["type"] == "1EdTechRevocationList":
        entry["id"] = STATUS_URL
    status_list: dict[str, Any] = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": draw(st.sampled_from([STATUS_URL, STATUS_URL + "#x", "https://elsewhere.example/list"])),
        "type": [
            "VerifiableCredential",
            draw(st.sampled_from(["BitstringStatusListCredential", "StatusList2021Credential"])),
        ],
        "issuer": WAREHOUSE.did,
        "validFrom": draw(st.sampled_from(["2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", "yesterday"])),
        "credentialSubject": {
            "id": STATUS_URL + "#list",
            "type": draw(st.sampled_from(["BitstringStatusList", "StatusList2021"])),
            "statusPurpose": draw(PURPOSES | st.lists(PURPOSES, max_size=3)),
            "encodedList": draw(ENCODED_LISTS),
        },
        "revokedCredentials": draw(
            st.lists(
                st.sampled_from([forklift()["id"], {"id": forklift()["id"], "revocationReason": "x"}, 5]), max_size=2
            )
            | JSON_VALUES
        ),
    }
    if draw(st.booleans()):
        status_list = draw(structural_mutations(status_list))
    signer = WAREHOUSE.signer()
    try:
        signed_list = sign(
            status_list,
            suite=JCS,
            verification_method=signer.verification_method,
            created="2020-01-01T00:00:00Z",
            signer=signer.sign,
        )
    except CredentialFormatError:
        reject()
    statuses = draw(st.sampled_from([entry, [entry], [entry, entry], [entry, 5]]))
    payload = {"iss": WAREHOUSE.did, "vc": {**signed_part(forklift()), "credentialStatus": statuses}}
    identity = WAREHOUSE.identity
    jwt = token({"alg": "EdDSA", "kid": identity.verification_method}, dump(payload), identity.sign)
    return jwt.encode(), {STATUS_URL: signed_list}


@settings(FUZZ, max_examples=150)
@given(status_cases())
def test_status_checks_against_odd_trusted_lists_get_a_report(case: tuple[bytes, dict[str, Any]]) -> None:
    """Odd status entries checked against odd (but issuer-signed) status lists: a full report, never a fault."""
    data, lists = case
    for report in check_input(data, status_lists=lists):
        assert report.outcome_of(CheckName.STATUS) is not None


@st.composite
def odd_jcs_credentials(draw: st.DrawFn) -> bytes:
    """An eddsa-jcs-2022 credential signed after its fields were given odd values."""
    document = draw(structural_mutations(signed_part(customer_service_badge(LEARNER))))
    signer = LIBRARY.signer()
    try:
        signed = sign(
            document,
            suite=JCS,
            verification_method=signer.verification_method,
            created="2024-02-28T17:00:00Z",
            signer=signer.sign,
        )
    except CredentialFormatError:
        reject()  # not even signable (JCS refuses it); parse/verify of such input is fuzzed elsewhere
    return dump(signed)


@settings(FUZZ, max_examples=100)
@given(odd_jcs_credentials())
def test_validly_signed_jcs_credentials_with_odd_fields_get_a_report(data: bytes) -> None:
    """A correctly signed Data Integrity credential with odd field types still gets a full report."""
    check_input(data)


# ------------------------------------------------------------------------------------------------ hostile corpus


def _nest_clr(levels: int) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "VerifiableCredential"}
    for _ in range(levels):
        node = {
            "type": ["VerifiableCredential", "ClrCredential"],
            "credentialSubject": {"verifiableCredential": node},
        }
    return node


def _string_wrapped(levels: int) -> bytes:
    text = json.dumps({"type": "VerifiableCredential"})
    for _ in range(levels):
        text = json.dumps({"type": "VerifiablePresentation", "verifiableCredential": [text]})
    return text.encode()


def _nested_envelopes(levels: int) -> bytes:
    inner: dict[str, Any] = {"type": "VerifiableCredential"}
    for _ in range(levels):
        inner = {"type": "EnvelopedVerifiableCredential", "id": "data:application/vc+ld+json," + json.dumps(inner)}
    return dump(inner)


def _many_chunks(count: int) -> bytes:
    return png_with(_chunk(b"tEXt", b"a\0b") * count)


@cache
def bomb() -> bytes:
    """About 200 KB of zlib data that inflates to 200 MB."""
    return zlib.compress(b" " * (200 * MB), 9)


DEEP_LIST = b"[" * 10_000 + b"]" * 10_000
DEEP_OBJECT = b'{"a":' * 10_000 + b"1" + b"}" * 10_000
VC = b'{"type":"VerifiableCredential"}'
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)


def _hostile_specs() -> list[tuple[str, Callable[[], bytes], tuple[str, ...]]]:
    """(name, maker of the bytes, fragments the refusal must contain); the big inputs are only made when used."""
    half = dump(forklift())[: len(dump(forklift())) // 2]
    payload = dump({"iss": WAREHOUSE.did, "vc": signed_part(forklift())})
    return [
        # --- JSON
        ("empty", lambda: b"", ("empty",)),
        ("whitespace", lambda: b" \r\n\t ", ("empty",)),
        ("open brace", lambda: b"{", ("not valid json", "ends too early")),
        ("truncated credential", lambda: half, ("not valid json",)),
        ("trailing garbage", lambda: dump(forklift()) + b"}", ("not valid json",)),
        ("deep list 10k", lambda: DEEP_LIST, ("nested", "100")),
        ("deep object 10k", lambda: DEEP_OBJECT, ("nested", "100")),
        ("deep list unclosed", lambda: b"[" * 10_000, ("nested",)),
        ("NaN", lambda: b'{"type":"VerifiableCredential","x":NaN}', ("nan",)),
        ("Infinity", lambda: b'{"type":"VerifiableCredential","x":Infinity}', ("infinity",)),
        ("-Infinity", lambda: b'{"type":"VerifiableCredential","x":-Infinity}', ("infinity",)),
        ("huge integer", lambda: b'{"type":"VerifiableCredential","x":' + b"9" * 5000 + b"}", ("number",)),
        ("UTF-16 with BOM", lambda: '{"type":"VerifiableCredential"}'.encode("utf-16"), ("not",)),
        ("UTF-16-LE", lambda: '{"type":"VerifiableCredential"}'.encode("utf-16-le"), ("not",)),
        ("UTF-32", lambda: '{"type":"VerifiableCredential"}'.encode("utf-32"), ("not",)),
        ("invalid UTF-8", lambda: b'{"type":"VerifiableCredential","x":"\xc3\x28"}', ("not",)),
        ("CESU surrogate bytes", lambda: b'{"type":"VerifiableCredential","x":"\xed\xa0\x80"}', ("not",)),
        ("NUL bytes", lambda: b"\0" * 64, ("not a credential",)),
        ("not a credential", lambda: b'{"type":"Thing","name":"x"}', ("not a credential",)),
        ("array of numbers", lambda: b"[1,2,3]", ("other than credentials",)),
        ("empty array", lambda: b"[]", ("no credentials",)),
        ("JSON string", lambda: b'"VerifiableCredential"', ("not a credential",)),
        ("21 MB of JSON", lambda: b'{"type":"VerifiableCredential","x":"' + b"x" * (21 * MB) + b'"}', ("20 MB",)),
        # --- a member named twice: readers disagree on which value counts
        ("member twice", lambda: b'{"type":"VerifiableCredential","name":"A","name":"B"}', ('"name" twice',)),
        ("member twice, same value", lambda: b'{"type":"VerifiableCredential","id":"x","id":"x"}', ('"id" twice',)),
        ("member twice in the proof", lambda: _twice_in_proof(), ('"proofValue" twice',)),
        (
            "member twice in a presentation's credential",
            lambda: b'{"type":"VerifiablePresentation","verifiableCredential":[{"type":"VerifiableCredential",'
            b'"credentialSubject":{"id":"did:example:a","id":"did:example:b"}}]}',
            ('"id" twice',),
        ),
        ("member twice in a JWT payload", lambda: token({"alg": "EdDSA"}, b'{"vc":{},"vc":{}}').encode(), ("twice",)),
        (
            "member twice in an enveloped credential",
            lambda: envelope("data:application/vc+ld+json," + '{"type":"VerifiableCredential","type":"X"}'),
            ('"type" twice',),
        ),
        (
            "member twice in a PNG badge",
            lambda: png_with(itxt(b'{"type":"VerifiableCredential","issuer":"a","issuer":"b"}')),
            ('"issuer" twice',),
        ),
        # --- presentations and CLRs
        (
            "presentation of 10k",
            lambda: dump(
                {"type": "VerifiablePresentation", "verifiableCredential": [{"type": "VerifiableCredential"}] * 10_000}
            ),
            ("2000",),
        ),
        (
            "CLR of 10k",
            lambda: dump(
                {
                    "type": ["VerifiableCredential", "ClrCredential"],
                    "credentialSubject": {"verifiableCredential": [{"type": "VerifiableCredential"}] * 10_000},
                }
            ),
            ("2000",),
        ),
        ("CLR nested 200 deep", lambda: dump(_nest_clr(200)), ("nested",)),
        (
            "presentation empty",
            lambda: b'{"type":"VerifiablePresentation","verifiableCredential":[]}',
            ("no credentials",),
        ),
        (
            "presentation of numbers",
            lambda: b'{"type":"VerifiablePresentation","verifiableCredential":[1]}',
            ("neither",),
        ),
        (
            "presentation of text",
            lambda: b'{"type":"VerifiablePresentation","verifiableCredential":["hello"]}',
            ("not a credential",),
        ),
        ("string-wrapped 6 deep", lambda: _string_wrapped(6), ("inside itself",)),
        # --- JWT
        ("JWT without alg", lambda: token({"typ": "JWT"}, payload).encode(), ("alg",)),
        ("JWT header not JSON", lambda: f"{b64url(b'{nope')}.{b64url(payload)}.AAAA".encode(), ("header", "json")),
        ("JWT header crit", lambda: token({"alg": "EdDSA", "crit": ["exp"], "exp": 1}, payload).encode(), ("crit",)),
        ("JWT header b64 false", lambda: token({"alg": "EdDSA", "b64": False}, payload).encode(), ("b64",)),
        ("JWT header twice alg", lambda: token(b'{"alg":"EdDSA","alg":"none"}', payload).encode(), ("twice",)),
        ("JWT alg is a list", lambda: token({"alg": ["EdDSA"]}, payload).encode(), ("alg",)),
        (
            "JWT header deep",
            lambda: token(b'{"alg":"EdDSA","x":' + b"[" * 5000 + b"]" * 5000 + b"}", payload).encode(),
            ("nested",),
        ),
        ("JWT stray bits", lambda: (b64url(b'{"alg":"EdDSA"}') + ".e31.AAAA").encode(), ("damaged",)),
        ("JWT payload not JSON", lambda: token({"alg": "EdDSA"}, b"{nope").encode(), ("not valid json",)),
        ("JWT payload array", lambda: token({"alg": "EdDSA"}, b"[1]").encode(), ("does not carry a credential",)),
        ("JWT payload deep", lambda: token({"alg": "EdDSA"}, DEEP_LIST).encode(), ("nested",)),
        (
            "JWT presentation",
            lambda: token({"alg": "EdDSA"}, b'{"vp":{"type":"VerifiablePresentation"}}').encode(),
            ("presentation", "carries no credentials"),
        ),
        ("JWE five parts", lambda: b"eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d", ("not a credential",)),
        ("21 MB JWT", lambda: ("eyJhbGciOiJFZERTQSJ9." + "A" * (21 * MB) + ".AAAA").encode(), ("20 MB",)),
        # --- data: URL envelopes
        ("envelope bad base64", lambda: envelope("data:application/vc+ld+json;base64,!!!!"), ("base64",)),
        ("envelope base64 padding", lambda: envelope("data:application/vc+ld+json;base64,abc"),
         ("cannot be a credential",)),
        (
            "envelope base64 not UTF-8",
            lambda: envelope("data:application/vc+ld+json;base64," + base64.b64encode(b"\xff\xfe{").decode()),
            ("cannot be a credential",),
        ),
        ("envelope not a data: URL", lambda: envelope("https://example.org/vc.json"), ("data: url",)),
        (
            "envelope id not text",
            lambda: dump({"type": "EnvelopedVerifiableCredential", "id": ["data:,"]}),
            ("data: url",),
        ),
        ("envelope JWT garbage", lambda: envelope("data:application/vc+jwt,not.a.token"), ("token",)),
        ("envelope percent garbage", lambda: envelope("data:application/vc+ld+json,%ff%fe%00"),
         ("cannot be a credential",)),
        ("envelopes 10 deep", lambda: _nested_envelopes(10), ("inside itself",)),
        # --- PNG
        ("PNG signature only", lambda: PNG_SIGNATURE, ("ends too early",)),
        (
            "PNG chunk length 0xFFFFFFFF",
            lambda: png_with(struct.pack(">I", 0xFFFFFFFF) + b"iTXt" + b"x" * 32),
            ("damaged",),
        ),
        (
            "PNG chunk length 0x7FFFFFFF",
            lambda: png_with(struct.pack(">I", 0x7FFFFFFF) + b"iTXt" + b"x" * 32),
            ("ends too early",),
        ),
        (
            "PNG iTXt zlib bomb",
            lambda: png_with(_chunk(b"iTXt", b"openbadgecredential\0\1\0\0\0" + bomb())),
            ("32 MB",),
        ),
        ("PNG zTXt zlib bomb", lambda: png_with(_chunk(b"zTXt", b"openbadges\0\0" + bomb())), ("32 MB",)),
        (
            "PNG iTXt inflates to 25 MB",
            lambda: png_with(itxt(b'{"type":"VerifiableCredential","x":"' + b" " * (25 * MB) + b'"}', compressed=True)),
            ("20 MB",),
        ),
        ("PNG 100,001 chunks", lambda: _many_chunks(100_001), ("100,000",)),
        ("PNG 17 badge chunks", lambda: png_with(_chunk(b"tEXt", b"openbadges\0" + VC) * 17), ("more badge sections",)),
        (
            "PNG badge bad CRC",
            lambda: png_with(_chunk(b"tEXt", b"openbadges\0" + VC)[:-4] + b"\0\0\0\0"),
            ("checksum",),
        ),
        ("PNG no IHDR", lambda: PNG_SIGNATURE + _chunk(b"IEND", b""), ("image header",)),
        ("PNG chunk type not letters", lambda: png_with(_chunk(b"1\0a\xff", b"")), ("damaged",)),
        (
            "PNG zlib cut short",
            lambda: png_with(_chunk(b"zTXt", b"openbadges\0\0" + zlib.compress(VC)[:-4])),
            ("cut short",),
        ),
        ("PNG iTXt not UTF-8", lambda: png_with(itxt(b'{"type":"\xff"}')), ("utf-8",)),
        ("PNG iTXt bad layout", lambda: png_with(_chunk(b"iTXt", b"openbadgecredential\0\5")), ("damaged",)),
        ("PNG badge is not JSON", lambda: png_with(itxt(b"hello")), ("neither a credential nor a link",)),
        (
            "PNG two different badges",
            lambda: png_with(itxt(VC), itxt(b'{"type":"Assertion"}')),
            ("two different badges",),
        ),
        ("PNG without badge", lambda: png_with(), ("does not carry a badge",)),
        ("PNG holding deep JSON", lambda: png_with(itxt(b"{" + b'"a":{' * 5000 + b"}" * 5001)), ("nested",)),
        ("21 MB PNG", lambda: png_with(_chunk(b"IDAT", b"\0" * (21 * MB))), ("20 MB",)),
        # --- SVG
        (
            "SVG billion laughs",
            lambda: svg_with("<openbadges:credential>&j;</openbadges:credential>", LAUGHS),
            ("entities",),
        ),
        (
            "SVG external entity",
            lambda: svg_with(
                "<openbadges:credential>&x;</openbadges:credential>",
                '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            ),
            ("entities",),
        ),
        (
            "SVG parameter entity",
            lambda: svg_with("", '<!DOCTYPE svg [<!ENTITY % p SYSTEM "http://example.org/x.dtd"> %p;]>'),
            ("entities",),
        ),
        (
            "SVG external DTD",
            lambda: svg_with(
                "", '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
            ),
            ("does not carry a badge",),
        ),
        ("SVG nested 100k", lambda: svg_with("<g>" * 100_000 + "</g>" * 100_000), ("nested too deeply",)),
        (
            "SVG truncated",
            lambda: svg_with(
                '<openbadges:credential><![CDATA[{"type":"VerifiableCredential"}]]></openbadges:credential>'
            )[:-12],
            ("not valid xml",),
        ),
        ("SVG without badge", lambda: svg_with("<g/>"), ("does not carry a badge",)),
        ("SVG empty badge", lambda: svg_with("<openbadges:credential>  </openbadges:credential>"), ("empty",)),
        (
            "SVG badge not JSON",
            lambda: svg_with("<openbadges:credential>hello</openbadges:credential>"),
            ("neither a credential nor a link",),
        ),
        (
            "SVG badge bad JSON",
            lambda: svg_with("<openbadges:credential>{nope</openbadges:credential>"),
            ("not valid json",),
        ),
        (
            "SVG two different badges",
            lambda: svg_with(
                f"<openbadges:credential>{VC.decode()}</openbadges:credential>"
                '<openbadges:credential>{"type":"Assertion"}</openbadges:credential>'
            ),
            ("two different badges",),
        ),
        (
            "SVG badge holding deep JSON",
            lambda: svg_with(
                "<openbadges:credential>" + '{"a":' * 5000 + "1" + "}" * 5000 + "</openbadges:credential>"
            ),
            ("nested",),
        ),
        ("SVG badge JWT garbage", lambda: svg_with('<openbadges:credential verify="eyJ.eyJ.x"/>'), ("token",)),
        ("21 MB SVG", lambda: svg_with("<!--" + "x" * (21 * MB) + "-->"), ("20 MB",)),
    ]


HOSTILE = _hostile_specs()


@cache
def hostile_input(name: str) -> bytes:
    return next(make for case, make, _ in HOSTILE if case == name)()


def hostile_inputs() -> list[tuple[str, bytes, tuple[str, ...]]]:
    """(name, bytes, fragments the refusal must contain): malformed, truncated, deep, huge and hostile input."""
    return [(name, hostile_input(name), fragments) for name, _, fragments in HOSTILE]


@pytest.mark.parametrize(
    ("name", "fragments"), [pytest.param(name, fragments, id=name) for name, _, fragments in HOSTILE]
)
def test_hostile_input_is_refused_with_a_clear_sentence(name: str, fragments: tuple[str, ...]) -> None:
    """Each malformed, truncated, deep, huge or hostile input gets one sentence, quickly."""
    refused(hostile_input(name), *fragments, within=5.0)


# ------------------------------------------------------------------------------------------------ limits


def test_deep_nesting_is_refused_quickly() -> None:
    """10,000-deep arrays and objects are refused in well under a second, with the depth limit named."""
    for data in (DEEP_LIST, DEEP_OBJECT, b"[" * 10_000, b'{"a":' * 10_000):
        message = refused(data, "nested", within=1.0)
        assert str(limits.MAX_JSON_DEPTH) in message


OVERSIZED: dict[str, Callable[[], bytes]] = {
    "JSON": lambda: b'{"type":"VerifiableCredential","x":"' + b"x" * (21 * MB) + b'"}',
    "JWT": lambda: ("eyJhbGciOiJFZERTQSJ9." + "A" * (21 * MB) + ".AAAA").encode(),
    "PNG": lambda: PNG_SIGNATURE + b"\0" * (21 * MB),
    "SVG": lambda: b"<svg " + b" " * (21 * MB) + b"/>",
    "binary": lambda: b"\xff" * (21 * MB),
}


@pytest.mark.parametrize("name", list(OVERSIZED))
def test_21_mb_is_refused_before_anything_is_parsed(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A 21 MB input is refused at once with a sentence naming the 20 MB limit; no parser ever sees it."""

    def must_not_run(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a 21 MB input reached a parser")

    for target, attribute in (
        (formats, "read_json"),
        (limits, "json_depth"),
        (baked, "_walk_png"),
        (baked, "_scan_svg"),
        (jose, "parse_compact"),
        (baked, "looks_like_svg"),
    ):
        monkeypatch.setattr(target, attribute, must_not_run)
    message = refused(OVERSIZED[name](), "20 MB", within=0.5)
    assert "21.0 MB" in message


def test_just_under_the_limit_is_still_read() -> None:
    """The limit is exactly 20 MB: a credential padded to just under it is read, not refused."""
    padding = limits.MAX_INPUT_BYTES - 64
    data = b'{"type":"VerifiableCredential","x":"' + b" " * padding + b'"}'
    assert len(data) <= limits.MAX_INPUT_BYTES
    [parsed] = formats.parse(data)
    assert parsed.document["type"] == "VerifiableCredential"


def test_zlib_bomb_is_refused_quickly_without_inflating_it() -> None:
    """A 200 MB iTXt zlib bomb is refused within a second, naming the 32 MB limit."""
    refused(png_with(_chunk(b"iTXt", b"openbadgecredential\0\1\0\0\0" + bomb())), "32 MB", within=1.0)


def test_many_png_chunks_are_refused_quickly() -> None:
    """A PNG split into more than 100,000 chunks is refused within a few seconds."""
    refused(_many_chunks(150_000), "100,000", within=3.0)


# ------------------------------------------------------------------------------------------------ JSON oddities


def test_bom_is_accepted_and_utf16_is_refused() -> None:
    """A UTF-8 BOM is fine; UTF-16 and UTF-32 text get a sentence instead of a decoding error."""
    data = dump(forklift())
    [parsed] = formats.parse(b"\xef\xbb\xbf" + data)
    assert parsed.document == forklift()
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        refused(data.decode().encode(encoding), "not")


def _twice_in_proof() -> bytes:
    text = dump(forklift()).decode()
    value = forklift()["proof"]["proofValue"]
    return text.replace(f'"proofValue":"{value}"', f'"proofValue":"{value}","proofValue":"{value}"', 1).encode()


@pytest.mark.parametrize("order", ["changed value last", "changed value first"])
def test_a_member_named_twice_is_refused_whichever_comes_first(order: str) -> None:
    """A signed credential naming "name" twice is refused with a sentence, whichever value the signer saw."""
    text = dump(forklift()).decode()
    real, fake = '"name":"Certified Forklift Operator"', '"name":"Ship Captain"'
    twice = f"{real},{fake}" if order == "changed value last" else f"{fake},{real}"
    message = refused(text.replace(real, twice, 1).encode(), '"name" twice', "disagree")
    assert "Ship Captain" not in message


def test_members_twice_in_different_objects_are_fine() -> None:
    """The same name in two different objects (issuer and subject both have "id") is ordinary JSON and is read."""
    [parsed] = formats.parse(dump(forklift()))
    assert verifier().verify(parsed).status is Status.VERIFIED


def test_whitespace_changes_keep_a_credential_verified() -> None:
    """Re-indenting signed JSON changes no signed byte of its meaning: it still verifies (the allowed case)."""
    for data in (json.dumps(forklift(), indent=4).encode(), b"\n\n " + dump(forklift()) + b" \n"):
        [parsed] = formats.parse(data)
        assert verifier().verify(parsed).status is Status.VERIFIED


# ------------------------------------------------------------------------------------------------ JWT headers


def _jwt_with_header(header: dict[str, Any]) -> bytes:
    identity = WAREHOUSE.identity
    payload = {"iss": WAREHOUSE.did, "nbf": 1652691600, "vc": signed_part(forklift())}
    return token(header, dump(payload), identity.sign).encode()


KID = WAREHOUSE.identity.verification_method
ODD_HEADERS = {
    "alg none": ({"alg": "none", "kid": KID}, "not signed"),
    "alg None": ({"alg": "None", "kid": KID}, "not signed"),
    "alg HS256": ({"alg": "HS256", "kid": KID}, "shared-secret"),
    "alg hs512": ({"alg": "hs512", "kid": KID}, "shared-secret"),
    "alg RS256 on Ed25519 key": ({"alg": "RS256", "kid": KID}, "mismatch"),
    "alg ES256 on Ed25519 key": ({"alg": "ES256", "kid": KID}, "mismatch"),
    "alg unknown": ({"alg": "ES999", "kid": KID}, "does not accept"),
    "alg ES512 on Ed25519 key": ({"alg": "ES512", "kid": KID}, "mismatch"),
    "alg ES256K not implemented": ({"alg": "ES256K", "kid": KID}, "cannot check yet"),
    "alg PS256 not implemented": ({"alg": "PS256", "kid": KID}, "cannot check yet"),
    "alg empty": ({"alg": "", "kid": KID}, None),
    "huge kid": ({"alg": "EdDSA", "kid": "did:example:" + "k" * 1_000_000}, None),
    "kid a number": ({"alg": "EdDSA", "kid": 5}, None),
    "kid a list": ({"alg": "EdDSA", "kid": [KID]}, None),
    "kid another did:key": ({"alg": "EdDSA", "kid": LIBRARY.identity.verification_method}, None),
    "kid bad base58": ({"alg": "EdDSA", "kid": "did:key:z0OIl#z0OIl"}, None),
    "kid did:jwk not JSON": ({"alg": "EdDSA", "kid": "did:jwk:" + b64url(b"{nope")}, None),
    "kid did:jwk private": (
        {
            "alg": "EdDSA",
            "kid": "did:jwk:" + b64url(b'{"kty":"OKP","crv":"Ed25519","x":"' + b"A" * 43 + b'","d":"AA"}'),
        },
        None,
    ),
    "jwk not an object": ({"alg": "EdDSA", "jwk": "x"}, None),
    "jwk shared secret": ({"alg": "EdDSA", "jwk": {"kty": "oct", "k": "AAAA"}}, None),
    "jwk private": ({"alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "A" * 43, "d": "A" * 43}}, None),
    "jwk tiny RSA": ({"alg": "RS256", "jwk": {"kty": "RSA", "n": "AQ", "e": "AQ"}}, None),
    "jwk EC off curve": ({"alg": "ES256", "jwk": {"kty": "EC", "crv": "P-256", "x": "A" * 43, "y": "A" * 43}}, None),
}


@pytest.mark.parametrize("name", list(ODD_HEADERS))
def test_odd_jwt_headers_are_never_verified(name: str) -> None:
    """Odd JWT headers (alg none/HS256/confused, huge or odd kid, bad jwk): refused or a report, never verified."""
    header, fragment = ODD_HEADERS[name]
    found = parse_or_error(_jwt_with_header(header))
    if found is None:
        return
    [parsed] = found
    report = verifier().verify(parsed)
    assert_report(report)
    assert report.status in (Status.NOT_VERIFIED, Status.UNVERIFIABLE)
    assert report.outcome_of(CheckName.SIGNATURE) is not Outcome.PASSED
    if fragment:
        messages = " ".join(c.message for c in report.checks if c.check is CheckName.SIGNATURE)
        assert fragment in messages


# ------------------------------------------------------------------------------------------------ envelopes


def test_enveloped_tampered_jwt_is_read_but_not_verified() -> None:
    """A data: URL carrying a token whose payload was swapped is read and reported as not verified."""
    header, _payload, signature = forklift_jwt().split(".")
    other = b64url(dump({"iss": WAREHOUSE.did, "vc": {**signed_part(forklift()), "name": "Ship Captain"}}))
    for url in (
        f"data:application/vc+jwt,{header}.{other}.{signature}",
        "data:application/vc+jwt;base64," + base64.b64encode(f"{header}.{other}.{signature}".encode()).decode(),
    ):
        [parsed] = formats.parse(envelope(url))
        report = verifier().verify(parsed)
        assert_report(report)
        assert report.status is Status.NOT_VERIFIED


# ------------------------------------------------------------------------------------------------ Data Integrity proofs

WRONG_TYPES: list[Any] = [None, 0, -1, 1.5, True, "", [], {}, [None], [1, "x"], {"id": 5}, "z", "u", "zzzz"]
PROOF_KEYS = [
    "type",
    "cryptosuite",
    "created",
    "verificationMethod",
    "proofPurpose",
    "proofValue",
    "id",
    "previousProof",
]
# Not "@context": eddsa-rdfc-2022 signs with the document's @context in place of the proof's own (vc-di-eddsa),
# so a proof's @context is not signed and changing it rightly keeps the credential verified.


def _with(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = copy.deepcopy(value)
    return changed


def _wrong_type_cases() -> Iterator[Any]:
    for key in PROOF_KEYS:
        for value in WRONG_TYPES:
            yield pytest.param(("proof", key), value, id=f"proof.{key}={json.dumps(value)}")
    yield pytest.param(("proof",), None, id="proof=null")
    for value in WRONG_TYPES:
        yield pytest.param(("proof",), value, id=f"proof={json.dumps(value)}")
        yield pytest.param(("proof",), [value, value], id=f"proof=[{json.dumps(value)}]*2")


@pytest.mark.parametrize(("path", "value"), list(_wrong_type_cases()))
def test_proof_fields_of_the_wrong_type_give_a_report(path: tuple[Any, ...], value: Any) -> None:
    """Every proof field (and the proof) as a number, list, null, object or odd string: a report, never verified."""
    document = _with(forklift(), path, value)
    [parsed] = formats.parse(dump(document))
    report = verifier().verify(parsed)
    assert_report(report)
    assert_tamper_detected(parsed, report, originals("forklift.json"))


BAD_MULTIBASE = [
    "z0OIl",
    "z",
    "u",
    "u!!!!",
    "uA",
    "zz",
    "x" + "A" * 86,
    "z" + "1" * 200,
    "z" + "2" * 88,
    "u" + "A" * 86 + "=",
    " z" + "2" * 87,
    "z\u0662\u0663",
    "Z" + "2" * 87,
]


@pytest.mark.parametrize("value", BAD_MULTIBASE)
def test_bad_base58_or_base64_proof_value_fails_the_signature(value: str) -> None:
    """A proofValue that is not multibase (bad base58/base64, wrong prefix or length): signature failed, no crash."""
    report = verifier().verify(formats.parse(dump(_with(forklift(), ("proof", "proofValue"), value)))[0])
    assert_report(report)
    assert report.outcome_of(CheckName.SIGNATURE) is Outcome.FAILED
    assert report.status is Status.NOT_VERIFIED


BAD_METHODS = [
    "did:key:z0OIl#z0OIl",
    "did:key:#",
    "did:key:z6Mk",
    "did:key:z" + "2" * 46 + "#z" + "2" * 46,
    "did:key:u" + "A" * 46,
    "did:jwk:!!!",
    "did:jwk:" + b64url(b"[]"),
    "did:jwk:" + b64url(b'{"kty":"oct","k":"AA"}'),
    "did:jwk:" + b64url(b'{"kty":"OKP","crv":"X25519","x":"' + b"A" * 43 + b'"}') + "#0",
    "did:web:example.org#k",
    "https://example.org/key#z6Mk" + "2" * 44,
    "urn:x",
    ":",
    "did:key:z6Mkhf3Y98MqmXhuWJwutKTPpYKiwfS13ePPzHjRcZ981veY#other",
]


@pytest.mark.parametrize("value", BAD_METHODS)
def test_bad_verification_method_is_never_verified(value: str) -> None:
    """A verificationMethod with bad base58, a broken did:jwk or an unknown key: a report, never verified."""
    report = verifier().verify(formats.parse(dump(_with(forklift(), ("proof", "verificationMethod"), value)))[0])
    assert_report(report)
    assert report.outcome_of(CheckName.SIGNATURE) is not Outcome.PASSED
    assert report.status in (Status.NOT_VERIFIED, Status.UNVERIFIABLE)


# ------------------------------------------------------------------------------------------------ nesting


def test_clr_nested_deeply_within_the_limit_gets_a_report() -> None:
    """A CLR inside a CLR 45 levels deep is refused with a sentence, or verified level by level (no RecursionError)."""
    found = parse_or_error(dump(_nest_clr(45)))
    if found is None:
        return
    report = verifier().verify(found[0])
    assert_report(report)
    depth = 0
    while report.children:
        [report] = report.children
        depth += 1
    assert depth == 45


def test_clr_with_2000_nested_credentials_is_read_and_10000_refused() -> None:
    """2,000 nested credentials (the cap) are read and verified quickly; 10,000 are refused with the cap named."""
    items = [{"type": "VerifiableCredential"}] * 2000
    clr = {"type": ["VerifiableCredential", "ClrCredential"], "credentialSubject": {"verifiableCredential": items}}
    ([parsed], elapsed) = timed(lambda: formats.parse(dump(clr)))
    report, verify_elapsed = timed(lambda: verifier().verify(parsed))
    assert len(report.children) == 2000 and elapsed + verify_elapsed < 10
    clr["credentialSubject"]["verifiableCredential"] = items * 5
    refused(dump(clr), "2000", within=1.0)


def test_real_clr_with_tampered_child_is_not_verified() -> None:
    """A real CLR whose nested course credential was changed: the whole CLR and that child are not verified."""
    clr = college_clr(LEARNER)
    clr["credentialSubject"]["verifiableCredential"][1]["name"] = "CIS-101 Rocket Science"
    [parsed] = formats.parse(dump(clr))
    report = verifier().verify(parsed)
    assert_report(report)
    assert report.status is Status.NOT_VERIFIED
    assert [child.status for child in report.children].count(Status.NOT_VERIFIED) >= 1


# ------------------------------------------------------------------------------------------------ wallet import


def _assert_failed(outcomes: list[Any], name: str) -> None:
    assert len(outcomes) == 1, f"{name}: {outcomes}"
    [outcome] = outcomes
    assert outcome.outcome == "failed", f"{name}: {outcome}"
    assert outcome.record_id is None
    assert_sentence(outcome.message)


def test_wallet_import_of_hostile_files_fails_cleanly_and_keeps_the_wallet(session: Session) -> None:
    """Every hostile file imported into a wallet: "failed" with a sentence, no record added or lost."""
    [kept] = session.credentials.import_bytes(dump(forklift()), "forklift.json")
    assert kept.outcome == "imported" and kept.record_id
    assert session.count() == 1
    cases = hostile_inputs()
    assert len(cases) >= 50
    for name, data, _fragments in cases:
        _assert_failed(session.credentials.import_bytes(data, name), name)
        assert session.count() == 1, name
    assert session.credential_original(kept.record_id) == dump(forklift())


def test_wallet_batch_import_keeps_good_items_and_fails_the_rest(session: Session) -> None:
    """A batch mixing hostile files and one good credential: only the good one is stored, each bad one says why."""
    bad = [(name, data) for name, data, _ in hostile_inputs()[:30]]
    outcomes = session.credentials.import_many([*bad[:15], ("good.json", dump(forklift())), *bad[15:]])
    assert [o.outcome for o in outcomes].count("imported") == 1
    assert [o.outcome for o in outcomes].count("failed") == 30
    for outcome in outcomes:
        assert_sentence(outcome.message)
    assert session.count() == 1


@settings(
    FUZZ, max_examples=60, suppress_health_check=[*FUZZ.suppress_health_check, HealthCheck.function_scoped_fixture]
)
@given(case=byte_mutations())
def test_wallet_import_of_random_edits_adds_exactly_what_it_reports(created: Any, case: tuple[str, bytes]) -> None:
    """Random edits of real files imported into one wallet: the count grows by exactly the "imported" outcomes."""
    session: Session = created.session
    name, data = case
    before = session.count()
    outcomes = guarded(lambda: session.credentials.import_bytes(data, "edited"))
    assert outcomes
    for outcome in outcomes:
        assert outcome.outcome in ("imported", "duplicate", "failed")
        assert_sentence(outcome.message)
        assert (outcome.record_id is None) == (outcome.outcome == "failed")
    if any(o.status == Status.VERIFIED.value for o in outcomes):
        documents = [o.document for o in originals(name)]
        assert all(p.document in documents for p in formats.parse(data)), "a changed credential was stored as verified"
    assert session.count() == before + sum(o.outcome == "imported" for o in outcomes)


# ------------------------------------------------------------------------------------------------ regressions
# Crashes this module found that are fixed (commit ba090da); each stays pinned here.


def _expect_clear(data: bytes) -> list[ItemReport]:
    """Refused with a sentence, or read and verified into a full report: never an exception or an engine fault."""
    reports = []
    for parsed in parse_or_error(data) or []:
        report = verifier().verify(parsed)
        assert_report(report)
        reports.append(report)
    return reports


LONE = '"\\ud800"'
SURROGATE_INPUTS = {
    "credential": f'{{"type":"VerifiableCredential","name":{LONE}}}',
    "JSON array": f'[{{"type":"VerifiableCredential","name":{LONE}}},{{"type":"VerifiableCredential"}}]',
    "presentation object": (
        f'{{"type":"VerifiablePresentation","verifiableCredential":[{{"type":"VerifiableCredential","name":{LONE}}}]}}'
    ),
    "presentation text": f'{{"type":"VerifiablePresentation","verifiableCredential":[{LONE}]}}',
    "envelope": '{"type":"EnvelopedVerifiableCredential","id":"data:application/vc+ld+json,{}\\ud800"}',
    "key": '{"type":"VerifiableCredential","\\udfff":1}',
    "signed credential": dump(forklift()).replace(b'"Certified Forklift Operator"', LONE.encode(), 1).decode(),
    "JWT payload": token({"alg": "EdDSA"}, b'{"iss":"\\ud800","vc":{"type":"VerifiableCredential"}}'),
    "PNG badge": png_with(itxt(f'{{"type":"VerifiableCredential","name":{LONE}}}'.encode())).decode("latin-1"),
}


@pytest.mark.parametrize("name", list(SURROGATE_INPUTS))
def test_lone_surrogate_escapes_are_refused(name: str) -> None:
    """JSON escaping half of a UTF-16 pair (\\ud800) is refused with a sentence wherever it hides."""
    data = SURROGATE_INPUTS[name].encode("latin-1" if name == "PNG badge" else "utf-8")
    refused(data)


def test_lone_surrogate_import_fails_without_a_record(session: Session) -> None:
    """Importing a credential named with a lone surrogate fails with a sentence and stores nothing."""
    _assert_failed(session.credentials.import_bytes(SURROGATE_INPUTS["credential"].encode(), "x"), "x")
    assert session.count() == 0


def test_paired_surrogate_escapes_are_fine() -> None:
    """A proper escaped surrogate pair (an emoji) is ordinary text and is read."""
    [parsed] = formats.parse(b'{"type":"VerifiableCredential","name":"\\ud83c\\udf93"}')
    assert parsed.document["name"] == "\U0001f393"


@pytest.mark.parametrize("context", ["zzzz", "", "https;//www.w3.org/ns/credentials/v2", "#x", "urn:x"])
def test_unknown_or_relative_context_gives_a_report(context: str) -> None:
    """A signed credential with a relative, mistyped or unknown @context entry: a report naming it, not verified."""
    document = copy.deepcopy(forklift())
    document["@context"].append(context)
    [report] = _expect_clear(dump(document))
    assert report.outcome_of(CheckName.SIGNATURE) is not Outcome.PASSED
    assert report.status is not Status.VERIFIED


def test_unknown_context_import_stores_an_honest_report(session: Session) -> None:
    """Importing that credential stores it with a report that is not verified and has no engine fault."""
    document = copy.deepcopy(forklift())
    document["@context"].append("zzzz")
    [outcome] = session.credentials.import_bytes(dump(document), "x")
    assert outcome.outcome == "imported" and outcome.status != Status.VERIFIED.value
    assert INTERNAL not in repr(session.credentials.last_report(outcome.record_id))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("previousProof", {"id": "urn:x"}),
        ("previousProof", [["urn:x"]]),
        ("previousProof", [{}]),
        ("id", ["urn:x"]),
        ("cryptosuite", []),
        ("cryptosuite", ["bbs-2023"]),
        ("cryptosuite", {}),
    ],
    ids=[
        "previousProof object",
        "previousProof list of list",
        "previousProof list of object",
        "id list",
        "cryptosuite empty list",
        "cryptosuite list",
        "cryptosuite object",
    ],
)
def test_proof_members_of_unhashable_types_give_a_report(key: str, value: Any) -> None:
    """previousProof, id or cryptosuite holding lists or objects: a report, never an unhashable-type fault."""
    document = _with(forklift(), ("proof", key), value)
    if key == "id":
        document["proof"]["previousProof"] = "urn:y"
    [report] = _expect_clear(dump(document))
    assert report.status is not Status.VERIFIED


@pytest.mark.parametrize(
    "jwk",
    [
        b'{"kty":"OKP","crv":"Ed25519","x":"A"}',
        b'{"kty":"OKP","crv":"Ed25519","x":"!!"}',
        b"[" * 5000 + b"]" * 5000,
        b'{"kty":"OKP","crv":"Ed25519","x":"' + b"A" * 100_000 + b'"}',
        b'{"kty":"OKP","x":NaN}',
    ],
    ids=["x one char", "x not base64", "5000 deep", "x 100k", "NaN"],
)
@pytest.mark.parametrize("where", ["proof verificationMethod", "JWT kid"])
def test_broken_did_jwk_gives_a_report(where: str, jwk: bytes) -> None:
    """A did:jwk whose key is not base64url, is 5,000-deep JSON or holds NaN: a failed report, quickly."""
    did = "did:jwk:" + b64url(jwk)
    if where == "JWT kid":
        data = _jwt_with_header({"alg": "EdDSA", "kid": did + "#0"})
    else:
        data = dump(_with(forklift(), ("proof", "verificationMethod"), did + "#0"))
    [report], elapsed = timed(lambda: _expect_clear(data))
    assert report.status in (Status.NOT_VERIFIED, Status.UNVERIFIABLE) and elapsed < 2


# ------------------------------------------------------------------------------------------ fixed after fuzzing
# Each test below pinned a bug this module found (strict xfail while open); all are fixed now.


@pytest.mark.parametrize("encoding", ["bogus", "rot13", "base64", "zlib"])
def test_fixed_svg_with_unknown_encoding(encoding: str) -> None:
    """An SVG declaring an unknown or non-text encoding is refused with a sentence ."""
    _expect_clear(f'<?xml version="1.0" encoding="{encoding}"?><svg xmlns="http://www.w3.org/2000/svg"/>'.encode())


def test_fixed_svg_with_unknown_encoding_crashes_import(session: Session) -> None:
    """Importing such an SVG fails with a sentence."""
    data = b'<?xml version="1.0" encoding="bogus"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    _assert_failed(session.credentials.import_bytes(data, "badge.svg"), "badge.svg")


def _fastest(call: Callable[[], Any], runs: int = 3) -> float:
    return min(timed(call)[1] for _ in range(runs))


def test_fixed_huge_base58_proof_value_is_slow() -> None:
    """A 10× longer base58 proofValue costs at most ~10× (today ~100×: 30k chars 0.6 s, 20 MB would take hours)."""

    def verify_with(length: int) -> Callable[[], Any]:
        [parsed] = formats.parse(dump(_with(forklift(), ("proof", "proofValue"), "z" + "2" * length)))
        return lambda: verifier().verify(parsed)

    short, long = _fastest(verify_with(3_000)), _fastest(verify_with(30_000), runs=1)
    assert long < 30 * short, f"3,000 chars: {short:.4f} s; 30,000 chars: {long:.4f} s"


def test_fixed_svg_with_one_huge_token_is_slow() -> None:
    """An SVG whose bulk is one attribute costs ~4× for 4× the size (today ~15×: 4 MB >1 s, 20 MB ~20 s+)."""

    def svg(size: int) -> Callable[[], Any]:
        data = b'<svg xmlns="http://www.w3.org/2000/svg" a="' + b"x" * size + b'"/>'
        return lambda: parse_or_error(data)

    small, large = _fastest(svg(MB)), _fastest(svg(4 * MB), runs=1)
    assert large < 8 * small, f"1 MB: {small:.3f} s; 4 MB: {large:.3f} s"


def test_fixed_nested_credential_cap_is_per_level() -> None:
    """10,100 credentials over two CLR levels are refused like 10,000 in one (a 19 MB one: ~50 s, 1.3 GB)."""
    leaves = [{"type": "VerifiableCredential"}] * 100
    middle = {"type": ["VerifiableCredential", "ClrCredential"], "credentialSubject": {"verifiableCredential": leaves}}
    top = {
        "type": ["VerifiableCredential", "ClrCredential"],
        "credentialSubject": {"verifiableCredential": [middle] * 100},
    }
    refused(dump(top), "2000")


def _nest_clr_around(levels: int, leaf: dict[str, Any]) -> dict[str, Any]:
    node = leaf
    for _ in range(levels):
        node = {"type": ["VerifiableCredential", "ClrCredential"], "credentialSubject": {"verifiableCredential": node}}
    return node


def test_fixed_deep_object_nesting_costs_depth_times_size() -> None:
    """40 CLR levels around a 1 MB credential keep O(size) bytes, not 40× (a 19 MB file: ~12 s and ~1 GB)."""
    data = dump(_nest_clr_around(40, {"type": "VerifiableCredential", "name": "x" * MB}))
    found = parse_or_error(data)
    kept = sum(len(item.original) for top in found or [] for item in _walk(top))
    assert kept <= 3 * len(data), f"{len(data) / MB:.0f} MB read, {kept / MB:.0f} MB of copies kept"


LONG = "y" * 100_000


def _long_value_input(case: str) -> bytes:
    document = copy.deepcopy(forklift())
    if case == "JWT iss and issuer differ":
        identity = WAREHOUSE.identity
        payload = {"iss": WAREHOUSE.did, "vc": {**signed_part(document), "issuer": "did:example:" + LONG}}
        return token({"alg": "EdDSA", "kid": identity.verification_method}, dump(payload), identity.sign).encode()
    if case == "validFrom":
        document["validFrom"] = LONG
    elif case == "@context URL":
        document["@context"].append("https://example.org/" + LONG)
    elif case == "cryptosuite":
        document["proof"]["cryptosuite"] = LONG
    elif case == "previousProof":
        document["proof"]["previousProof"] = LONG
    elif case == "issuer name":
        document["issuer"]["name"] = LONG
    elif case == "undefined type":
        document["type"].append(LONG)
    return dump(document)


@pytest.mark.parametrize(
    "case",
    [
        "validFrom",
        "@context URL",
        "cryptosuite",
        "previousProof",
        "issuer name",
        "undefined type",
        "JWT iss and issuer differ",
    ],
)
def test_report_messages_name_huge_values_briefly(case: str) -> None:
    """A 100,000-character value is named briefly in every report sentence, never quoted whole."""
    [parsed] = formats.parse(_long_value_input(case))
    report = Verifier(VerifyOptions(now=NOW)).verify(parsed)  # nobody trusted: the issuer is named from the file
    assert_report(report)
    longest = max(report.checks, key=lambda check: len(check.message))
    assert len(longest.message) <= 1000, f"{longest.check}: {len(longest.message):,} characters"

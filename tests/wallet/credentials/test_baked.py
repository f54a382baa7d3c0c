"""Baked badges: reading and writing credentials hidden in PNG and SVG images, including hostile files."""

from __future__ import annotations

import base64
import json
import struct
import time
import tracemalloc
import xml.etree.ElementTree as StdET
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wallet.credentials.baked import (
    KEYWORD_OB2,
    KEYWORD_OB3,
    MAX_BADGE_CHUNKS,
    MAX_PNG_CHUNKS,
    MAX_SVG_DEPTH,
    NS_OB2,
    NS_OB3,
    PNG_SIGNATURE,
    BakedPayload,
    bake_png,
    bake_svg,
    extract_baked,
    extract_from_png,
    extract_from_svg,
    is_png,
    looks_like_svg,
)
from wallet.credentials.limits import MAX_DECOMPRESSED_BYTES, MAX_INPUT_BYTES, read_json
from wallet.errors import CredentialFormatError, InvalidInputError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "baked"
OB3_JSON_ID = "http://example.com/credentials/3527"
SVG_NS = "http://www.w3.org/2000/svg"
FAST = 2.0  # seconds: every hostile input must be refused well within this


def fixture(name: str) -> bytes:
    """The bytes of one copied fixture image (see tests/fixtures/baked/README.md)."""
    return (FIXTURES / name).read_bytes()


def chunk(kind: bytes, body: bytes, crc: int | None = None) -> bytes:
    """One PNG chunk with a correct CRC unless `crc` is given."""
    value = zlib.crc32(kind + body) if crc is None else crc
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", value)


def tiny_png(*extra: bytes, idat: bool = True) -> bytes:
    """A valid 1×1 greyscale PNG, with `extra` chunks placed between IHDR and IDAT."""
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    data = chunk(b"IDAT", zlib.compress(b"\x00\x00")) if idat else b""
    return PNG_SIGNATURE + ihdr + b"".join(extra) + data + chunk(b"IEND", b"")


def itxt(keyword: str, text: bytes, compressed: bool = False, lang: bytes = b"", translated: bytes = b"") -> bytes:
    """An iTXt chunk; `text` is compressed here when `compressed` is set."""
    body = zlib.compress(text) if compressed else text
    head = keyword.encode("latin-1") + b"\0" + bytes([int(compressed), 0]) + lang + b"\0" + translated + b"\0"
    return chunk(b"iTXt", head + body)


def ztxt(keyword: str, text: bytes) -> bytes:
    """A zTXt chunk (always compressed, Latin-1)."""
    return chunk(b"zTXt", keyword.encode("latin-1") + b"\0\0" + zlib.compress(text))


def text_chunk(keyword: str, text: bytes) -> bytes:
    """A tEXt chunk (Latin-1)."""
    return chunk(b"tEXt", keyword.encode("latin-1") + b"\0" + text)


def chunks_of(png: bytes) -> list[tuple[bytes, bytes, bool]]:
    """(type, body, crc_ok) for every chunk of a well-formed PNG."""
    found = []
    pos = 8
    while pos < len(png):
        length, kind = struct.unpack_from(">I4s", png, pos)
        body = png[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack_from(">I", png, pos + 8 + length)
        found.append((kind, body, zlib.crc32(kind + body) == crc))
        pos += 12 + length
    return found


def badge_chunks(png: bytes) -> list[tuple[bytes, bytes, bool]]:
    """The Open Badges text chunks of a PNG."""
    keywords = (b"openbadges\0", b"openbadgecredential\0")
    return [c for c in chunks_of(png) if c[0] in (b"iTXt", b"tEXt", b"zTXt") and c[1].startswith(keywords)]


def jwt_part(token: str, index: int) -> dict[str, Any]:
    """One decoded JSON part (0 = header, 1 = payload) of a compact JWT."""
    part = token.split(".")[index]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    return decoded


def refused(read: Callable[[bytes], object], data: bytes) -> CredentialFormatError:
    """Run `read` on hostile bytes; it must raise CredentialFormatError quickly. Returns the error."""
    started = time.perf_counter()
    with pytest.raises(CredentialFormatError) as caught:
        read(data)
    assert time.perf_counter() - started < FAST
    message = str(caught.value)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return caught.value


def read_or_refuse(read: Callable[[bytes], object], data: bytes) -> None:
    """Run `read` on arbitrary bytes: success or CredentialFormatError only, and quickly."""
    started = time.perf_counter()
    try:
        result = read(data)
    except CredentialFormatError:
        pass
    else:
        assert isinstance(result, BakedPayload) and result.text
    assert time.perf_counter() - started < FAST


def svg_badge_elements(svg: bytes) -> list[StdET.Element]:
    """Every badge element (either namespace, either local name) in an SVG."""
    root = StdET.fromstring(svg)
    names = {f"{{{ns}}}{local}" for ns in (NS_OB2, NS_OB3) for local in ("assertion", "credential")}
    return [element for element in root.iter() if element.tag in names]


# --------------------------------------------------------------------------------------- real fixtures


def test_ob30_json_png_fixture() -> None:
    """The 1EdTech OB 3.0 PNG fixture yields its JSON credential from the openbadgecredential iTXt chunk."""
    found = extract_from_png(fixture("1edtech-validator/simple-json.png"))
    assert (found.source, found.keyword, found.is_url, found.kind) == ("png", KEYWORD_OB3, False, "json")
    credential = json.loads(found.text)
    assert credential["id"] == OB3_JSON_ID
    assert "OpenBadgeCredential" in credential["type"]


def test_ob30_json_svg_fixture() -> None:
    """The 1EdTech OB 3.0 SVG fixture (with a DOCTYPE) yields the same credential as the PNG one."""
    found = extract_from_svg(fixture("1edtech-validator/simple-json.svg"))
    assert (found.source, found.keyword, found.is_url) == ("svg", "openbadges:credential", False)
    assert json.loads(found.text) == json.loads(extract_from_png(fixture("1edtech-validator/simple-json.png")).text)


@pytest.mark.parametrize(
    ("name", "credential_id"),
    [
        ("simple-jwt.png", OB3_JSON_ID),
        ("simple-jwt.svg", OB3_JSON_ID),
        ("simple-jwt_v1.png", "http://example.edu/credentials/3732"),
        ("simple-jwt_v1.svg", "http://example.edu/credentials/3732"),
    ],
)
def test_ob30_jwt_fixtures(name: str, credential_id: str) -> None:
    """The 1EdTech VC-JWT fixtures yield a compact JWT (three parts) for the expected credential."""
    found = extract_baked(fixture(f"1edtech-validator/{name}"))
    assert found.source == name.rsplit(".", 1)[1]
    assert found.kind == "jwt" and not found.is_url
    assert len(found.text.split(".")) == 3
    assert jwt_part(found.text, 0)["alg"] == "RS256"
    claims = jwt_part(found.text, 1)
    assert (claims.get("vc") or claims)["id"] == credential_id


def test_ob20_simple_badge_png_fixture() -> None:
    """The 1EdTech OB 2.0 PNG fixture yields its hosted Assertion from the openbadges iTXt chunk."""
    found = extract_from_png(fixture("1edtech-validator/simple-badge.png"))
    assert (found.keyword, found.is_url) == (KEYWORD_OB2, False)
    assertion = json.loads(found.text)
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == "https://example.org/beths-robotics-badge.json"


def test_concentricsky_baked_heart_png() -> None:
    """The Concentric Sky bakery's baked PNG yields its OB assertion JSON."""
    found = extract_from_png(fixture("concentricsky-bakery/baked_heart.png"))
    assert found.keyword == KEYWORD_OB2
    assert json.loads(found.text)["uid"] == "123"


def test_concentricsky_baked_svg_prefers_body_over_verify() -> None:
    """An OB 2.0 <openbadges:assertion> with both a verify URL and a CDATA body yields the body JSON."""
    found = extract_from_svg(fixture("concentricsky-bakery/baked_example.svg"))
    assert (found.keyword, found.is_url) == ("openbadges:assertion", False)
    assert json.loads(found.text)["uid"] == "abcdef12345"


def test_mozilla_baked_svg() -> None:
    """The Mozilla bakery's baked SVG yields its JSON body, not the verify attribute."""
    found = extract_from_svg(fixture("mozilla-bakery/baked.svg"))
    assert json.loads(found.text) == {"verify": {"url": "http://example.org"}}


def test_mozilla_no_json_svg_is_hosted_url() -> None:
    """An empty CDATA body falls back to the verify attribute, reported as a hosted-assertion URL."""
    found = extract_from_svg(fixture("mozilla-bakery/no-json.svg"))
    assert (found.text, found.is_url, found.kind) == ("http://example.org", True, "url")


def test_mozilla_bad_json_svg_is_extracted_then_refused_by_json_reader() -> None:
    """Malformed JSON is handed over as text; the JSON reader then refuses it with a clear sentence."""
    found = extract_from_svg(fixture("mozilla-bakery/bad-json.svg"))
    assert found.text.startswith("{verify:")
    with pytest.raises(CredentialFormatError, match="not valid JSON"):
        read_json(found.text)


@pytest.mark.parametrize(
    "name",
    [
        "concentricsky-bakery/public_domain_heart.png",
        "mozilla-bakery/unbaked.png",
        "concentricsky-bakery/unbaked_example.svg",
    ],
)
def test_unbaked_fixtures_carry_no_badge(name: str) -> None:
    """Unbaked images are refused with the 'does not carry a badge' sentence."""
    error = refused(extract_baked, fixture(name))
    assert "does not carry a badge" in str(error)
    assert isinstance(error, InvalidInputError)


def test_sniffers_on_fixtures() -> None:
    """is_png and looks_like_svg recognise every fixture by its own kind and not the other."""
    for path in sorted(FIXTURES.rglob("*.png")):
        data = path.read_bytes()
        assert is_png(data) and not looks_like_svg(data), path
    for path in sorted(FIXTURES.rglob("*.svg")):
        data = path.read_bytes()
        assert looks_like_svg(data) and not is_png(data), path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand -->\n<svg xmlns="x"/>', True),
        (b"<!DOCTYPE svg [ <!ELEMENT svg ANY> ]>\n<svg>", True),
        ("<svg/>".encode("utf-16"), True),
        (b"  \n<svg:svg xmlns:svg='http://www.w3.org/2000/svg'/>", True),
        (b"<html><svg/></html>", False),
        (b"<svgfoo/>", False),
        (b"<!-- never closed <svg/>", False),
        (b"", False),
        (PNG_SIGNATURE, False),
    ],
)
def test_looks_like_svg_variants(data: bytes, expected: bool) -> None:
    """The SVG sniff skips BOM, declaration, comments and DOCTYPE, and wants an <svg> root element."""
    assert looks_like_svg(data) is expected


def test_extract_baked_refuses_other_files() -> None:
    """Bytes that are neither PNG nor SVG get one plain sentence."""
    error = refused(extract_baked, b"GIF89a\x01\x00\x01\x00")
    assert "neither a PNG nor an SVG" in str(error)


# -------------------------------------------------------------------------------------- PNG variants


def test_legacy_text_chunk_with_url() -> None:
    """A pre-spec tEXt:openbadges chunk holding a hosted-assertion URL is read as a URL."""
    found = extract_from_png(tiny_png(text_chunk("openbadges", b"https://example.org/assertions/1")))
    assert (found.text, found.is_url, found.keyword) == ("https://example.org/assertions/1", True, KEYWORD_OB2)


def test_text_chunk_is_latin1() -> None:
    """tEXt and zTXt text is decoded as Latin-1, as the PNG standard says."""
    payload = '{"name": "Café"}'.encode("latin-1")
    assert extract_from_png(tiny_png(text_chunk("openbadges", payload))).text == '{"name": "Café"}'
    assert extract_from_png(tiny_png(ztxt("openbadges", payload))).text == '{"name": "Café"}'


def test_compressed_itxt_with_language_tag() -> None:
    """A zlib-compressed iTXt chunk with a language tag and translated keyword is read (UTF-8)."""
    payload = '{"name": "Ünïcødé ✓"}'.encode()
    png = tiny_png(itxt("openbadgecredential", payload, compressed=True, lang=b"en", translated="Abzeichen ✓".encode()))
    assert extract_from_png(png).text == payload.decode()


def test_ob3_keyword_outranks_ob2_and_itxt_outranks_text() -> None:
    """With several badge chunks, OB 3.0 wins over OB 2.0, and iTXt over tEXt of the same keyword."""
    png = tiny_png(
        text_chunk("openbadges", b"https://example.org/old"),
        itxt("openbadges", b'{"v": 2}'),
        itxt("openbadgecredential", b'{"v": 3}'),
    )
    assert extract_from_png(png).text == '{"v": 3}'
    png = tiny_png(text_chunk("openbadges", b"https://example.org/old"), itxt("openbadges", b'{"v": 2}'))
    assert extract_from_png(png).text == '{"v": 2}'


def test_identical_duplicates_accepted_different_duplicates_refused() -> None:
    """Two equal badge chunks of the best rank are fine; two different ones are refused as ambiguous."""
    same = itxt("openbadgecredential", b'{"a": 1}')
    assert extract_from_png(tiny_png(same, same)).text == '{"a": 1}'
    error = refused(extract_from_png, tiny_png(same, itxt("openbadgecredential", b'{"a": 2}')))
    assert "two different badges" in str(error)


def test_too_many_badge_chunks_refused() -> None:
    """More badge chunks than MAX_BADGE_CHUNKS are refused outright."""
    same = itxt("openbadges", b'{"a": 1}')
    assert extract_from_png(tiny_png(*[same] * MAX_BADGE_CHUNKS)).text == '{"a": 1}'
    refused(extract_from_png, tiny_png(*[same] * (MAX_BADGE_CHUNKS + 1)))


def test_bad_crc_in_other_chunk_is_ignored() -> None:
    """A wrong checksum outside the badge chunk does not stop reading the badge."""
    png = tiny_png(chunk(b"tEXt", b"Comment\0hello", crc=0), itxt("openbadges", b'{"a": 1}'))
    assert extract_from_png(png).text == '{"a": 1}'


def test_other_text_keywords_are_not_badges() -> None:
    """Text chunks with other keywords (even similar ones) are not badges."""
    png = tiny_png(text_chunk("openbadge", b"https://example.org/a"), itxt("Openbadges", b'{"a": 1}'))
    assert "does not carry a badge" in str(refused(extract_from_png, png))


def test_empty_and_meaningless_payloads_refused() -> None:
    """An empty badge chunk, or one holding text that is no credential, is refused."""
    assert "empty" in str(refused(extract_from_png, tiny_png(itxt("openbadges", b"  \n"))))
    assert "neither a credential" in str(refused(extract_from_png, tiny_png(itxt("openbadges", b"hello there"))))


# ----------------------------------------------------------------------------------- PNG round trips


@pytest.mark.parametrize("keyword", [KEYWORD_OB3, KEYWORD_OB2])
def test_bake_png_round_trip(keyword: str) -> None:
    """Baking into a tiny PNG then extracting gives the payload back from an uncompressed iTXt before IDAT."""
    payload = json.dumps({"id": "urn:uuid:1", "name": "Zoë’s badge ✓"}, ensure_ascii=False)
    baked = bake_png(tiny_png(), payload, keyword)
    found = extract_from_png(baked)
    assert (found.text, found.keyword, found.source) == (payload, keyword, "png")
    kinds = [kind for kind, _, _ in chunks_of(baked)]
    assert kinds == [b"IHDR", b"iTXt", b"IDAT", b"IEND"]
    assert all(ok for _, _, ok in chunks_of(baked))
    body = chunks_of(baked)[1][1]
    assert body.startswith(keyword.encode() + b"\0\0\0")  # compression flag 0, method 0


def test_bake_png_twice_replaces() -> None:
    """Baking twice leaves one badge chunk, and the result equals baking the second payload once."""
    once = bake_png(tiny_png(), '{"n": 1}')
    twice = bake_png(once, '{"n": 2}')
    assert len(badge_chunks(twice)) == 1
    assert twice == bake_png(tiny_png(), '{"n": 2}')
    assert extract_from_png(twice).text == '{"n": 2}'


def test_bake_png_replaces_badges_of_either_keyword_and_keeps_the_rest() -> None:
    """Baking OB 3.0 over an OB 2.0 fixture removes the old chunk and keeps every other chunk unchanged."""
    original = fixture("1edtech-validator/simple-badge.png")
    baked = bake_png(original, "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln")
    assert [(k, b[:19]) for k, b, _ in badge_chunks(baked)] == [(b"iTXt", b"openbadgecredential")]
    others = [c for c in chunks_of(original) if c not in badge_chunks(original)]
    assert [c for c in chunks_of(baked) if c not in badge_chunks(baked)] == others
    assert extract_from_png(baked).kind == "jwt"


def test_bake_png_keeps_unrelated_text_chunks() -> None:
    """A non-badge tEXt chunk (Software) survives baking."""
    baked = bake_png(fixture("mozilla-bakery/unbaked.png"), "https://example.org/assertions/9", KEYWORD_OB2)
    assert any(k == b"tEXt" and b.startswith(b"Software\0") for k, b, _ in chunks_of(baked))
    found = extract_from_png(baked)
    assert found.is_url and found.text == "https://example.org/assertions/9"


def test_bake_png_refusals() -> None:
    """Baking refuses a non-PNG, a PNG without picture data, a non-credential payload and an unknown keyword."""
    refused(lambda d: bake_png(d, '{"a": 1}'), b"not a png at all")
    assert "no picture data" in str(refused(lambda d: bake_png(d, '{"a": 1}'), tiny_png(idat=False)))
    refused(lambda d: bake_png(d, "just words"), tiny_png())
    refused(lambda d: bake_png(d, "   "), tiny_png())
    refused(lambda d: bake_png(d, '{"bad": "\ud800"}'), tiny_png())
    with pytest.raises(ValueError, match="keyword"):
        bake_png(tiny_png(), '{"a": 1}', keyword="openbadge")


# ----------------------------------------------------------------------------------- SVG round trips

PLAIN_SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10">\n  <rect/>\n</svg>\n'
)


@pytest.mark.parametrize(
    ("ob3", "namespace", "local"),
    [(True, NS_OB3, "credential"), (False, NS_OB2, "assertion")],
)
def test_bake_svg_json_round_trip(ob3: bool, namespace: str, local: str) -> None:
    """JSON is baked as the text of the first child element of <svg>, in the right namespace."""
    payload = json.dumps({"id": "urn:uuid:2", "name": "Ça ]]> marche"}, ensure_ascii=False)
    baked = bake_svg(PLAIN_SVG, payload, ob3=ob3)
    found = extract_from_svg(baked)
    assert (found.text, found.keyword, found.is_url) == (payload, f"openbadges:{local}", False)
    root = StdET.fromstring(baked)
    assert root[0].tag == f"{{{namespace}}}{local}"
    assert f'xmlns:openbadges="{namespace}"'.encode() in baked.split(b">", 2)[1]  # declared on <svg>


def test_bake_svg_jwt_and_url_go_into_verify() -> None:
    """A compact JWT or a URL is baked into the verify attribute of a self-closing element."""
    token = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln"
    baked = bake_svg(PLAIN_SVG, token)
    element = svg_badge_elements(baked)[0]
    assert element.get("verify") == token and not (element.text or "").strip()
    assert extract_from_svg(baked).kind == "jwt"
    url = "https://example.org/a?b=1&c='2'"
    found = extract_from_svg(bake_svg(PLAIN_SVG, url, ob3=False))
    assert (found.text, found.is_url) == (url, True)


def test_bake_svg_twice_replaces() -> None:
    """Baking an SVG twice leaves one badge element, equal to baking the second payload once."""
    once = bake_svg(PLAIN_SVG, '{"n": 1}')
    twice = bake_svg(once, '{"n": 2}')
    assert len(svg_badge_elements(twice)) == 1
    assert twice == bake_svg(PLAIN_SVG, '{"n": 2}')


def test_bake_svg_over_ob2_fixture_with_ob3() -> None:
    """Baking OB 3.0 into an OB 2.0-baked SVG removes the old element and declares the new namespace locally."""
    baked = bake_svg(fixture("mozilla-bakery/baked.svg"), '{"n": 3}', ob3=True)
    elements = svg_badge_elements(baked)
    assert [e.tag for e in elements] == [f"{{{NS_OB3}}}credential"]
    assert extract_from_svg(baked).text == '{"n": 3}'
    assert b"<title>HTML5 Logo</title>" in baked


def test_bake_svg_keeps_doctype_and_drawing() -> None:
    """Baking the 1EdTech SVG (DOCTYPE, CDATA) keeps everything else byte for byte."""
    original = fixture("1edtech-validator/simple-jwt.svg")
    baked = bake_svg(original, '{"n": 4}')
    assert baked.startswith(original[: original.index(b"<svg")])
    assert baked.endswith(original[original.index(b"<g") :])
    assert extract_from_svg(baked).text == '{"n": 4}'


def test_bake_svg_self_closing_root_and_latin1_document() -> None:
    """A self-closing <svg/> gets content, and a Latin-1 document gets non-ASCII text as character references."""
    svg = b'<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg" title="\xe9"/>'
    payload = '{"name": "Zoë ✓ ]]>"}'
    baked = bake_svg(svg, payload)
    assert b"&#xEB;" in baked and b"&#x2713;" in baked and baked.endswith(b"</svg>")
    assert extract_from_svg(baked).text == payload


def test_bake_svg_preserves_carriage_returns() -> None:
    """A payload containing CR survives XML line-ending normalisation."""
    payload = '{"a": 1,\r\n "b": "x\ry"}'
    assert extract_from_svg(bake_svg(PLAIN_SVG, payload)).text == payload


def test_bake_svg_refusals() -> None:
    """Baking refuses non-SVG input, UTF-16 SVG, hostile SVG and payloads an SVG cannot hold."""
    refused(lambda d: bake_svg(d, '{"a": 1}'), b"<html/>")
    refused(lambda d: bake_svg(d, '{"a": 1}'), '<svg xmlns="http://www.w3.org/2000/svg"/>'.encode("utf-16"))
    refused(lambda d: bake_svg(d, '{"a": 1}'), BILLION_LAUGHS)
    refused(lambda d: bake_svg(d, '{"a": "\x00"}'), PLAIN_SVG)
    refused(lambda d: bake_svg(d, "plain words"), PLAIN_SVG)


# ------------------------------------------------------------------------------------- SVG variants


def svg_with(*elements: str, extra_ns: str = "") -> bytes:
    """A small SVG with the given badge markup as children."""
    return (
        f'<svg xmlns="{SVG_NS}" xmlns:openbadges="{NS_OB3}" xmlns:ob2="{NS_OB2}"{extra_ns}>'
        + "".join(elements)
        + "<rect/></svg>"
    ).encode()


def test_svg_any_prefix_and_depth() -> None:
    """The badge element is found by namespace, whatever its prefix and however deep it sits."""
    svg = svg_with('<g><g><ob2:assertion verify="https://example.org/a/1"/></g></g>')
    assert extract_from_svg(svg) == BakedPayload("https://example.org/a/1", "svg", "openbadges:assertion", True)


def test_svg_ob3_outranks_ob2_and_conflicts_are_refused() -> None:
    """OB 3.0 wins over OB 2.0; two different OB 3.0 elements are refused."""
    svg = svg_with(
        '<ob2:assertion verify="https://example.org/a"/>', '<openbadges:credential>{"v": 3}</openbadges:credential>'
    )
    assert extract_from_svg(svg).text == '{"v": 3}'
    conflict = svg_with(
        "<openbadges:credential>{&quot;v&quot;: 3}</openbadges:credential>",
        '<openbadges:credential verify="https://example.org/other"/>',
    )
    assert "two different badges" in str(refused(extract_from_svg, conflict))


def test_svg_empty_badge_element_refused() -> None:
    """An <openbadges:credential/> with neither text nor verify is refused as empty."""
    assert "empty" in str(refused(extract_from_svg, svg_with("<openbadges:credential>  </openbadges:credential>")))


def test_svg_undeclared_prefix_and_wrong_root_refused() -> None:
    """A badge using an undeclared prefix is not valid XML; a non-<svg> root is not an SVG."""
    refused(extract_from_svg, f'<svg xmlns="{SVG_NS}"><openbadges:assertion verify="https://x"/></svg>'.encode())
    assert "not an SVG" in str(refused(extract_from_svg, b"<html><body/></html>"))


# ------------------------------------------------------------------------------------- hostile input

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE svg [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<svg xmlns="http://www.w3.org/2000/svg"><openbadges:credential xmlns:openbadges="'
    + NS_OB3.encode()
    + b'">&lol9;</openbadges:credential></svg>'
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
    b"<openbadges:assertion>&xxe;</openbadges:assertion></svg>"
)
PARAMETER_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE svg [ <!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext; ]>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg"/>'
)


@pytest.mark.parametrize("svg", [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY], ids=["laughs", "xxe", "param"])
def test_svg_entities_refused(svg: bytes) -> None:
    """Entity declarations (billion laughs, external and parameter entities) are refused with a safety sentence."""
    error = refused(extract_from_svg, svg)
    assert "refuses for safety" in str(error)
    assert "root:" not in str(error)


def test_svg_external_dtd_is_not_fetched() -> None:
    """A DOCTYPE naming an outside DTD is read without fetching it (the suite blocks all network access)."""
    svg = (
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">'
        b'<openbadges:credential>{"a": 1}</openbadges:credential></svg>'
    )
    assert extract_from_svg(svg).text == '{"a": 1}'


def test_svg_truncated_at_many_offsets() -> None:
    """Every cut of a baked SVG before its closing tag is refused as damaged."""
    data = fixture("concentricsky-bakery/baked_example.svg")
    end = data.rindex(b"</svg>")
    for offset in range(0, end, 7):
        refused(extract_from_svg, data[:offset])


def test_svg_nesting_limit() -> None:
    """Elements nested deeper than MAX_SVG_DEPTH are refused."""
    deep = f'<svg xmlns="{SVG_NS}">'.encode() + b"<g>" * MAX_SVG_DEPTH + b"</g>" * MAX_SVG_DEPTH + b"</svg>"
    assert "nested too deeply" in str(refused(extract_from_svg, deep))


def test_png_truncated_at_many_offsets() -> None:
    """Every cut of a baked PNG (real fixture and a freshly baked one) is refused, even after the badge chunk."""
    for data in (fixture("1edtech-validator/simple-badge.png"), bake_png(tiny_png(), '{"a": 1}')):
        for offset in range(0, len(data) - 1, 5):
            refused(extract_from_png, data[:offset])
        refused(extract_from_png, data[:-1])


def test_png_chunk_claiming_4gb() -> None:
    """A chunk header claiming a 4 GB body is refused without reading past the buffer."""
    png = tiny_png()[:33] + struct.pack(">I4s", 0xFFFFFFF0, b"iTXt") + b"openbadges\0"
    assert "damaged" in str(refused(extract_from_png, png))
    png = tiny_png()[:33] + struct.pack(">I4s", 0x7FFFFFF0, b"iTXt") + b"openbadges\0"
    assert "ends too early" in str(refused(extract_from_png, png))


def test_png_bad_crc_on_badge_chunk() -> None:
    """A badge chunk whose CRC does not match is refused as damaged."""
    png = tiny_png(chunk(b"iTXt", b"openbadges\0\0\0\0\0{}", crc=12345))
    assert "checksum" in str(refused(extract_from_png, png))
    flipped = bytearray(fixture("1edtech-validator/simple-json.png"))
    start = bytes(flipped).index(b"openbadgecredential")
    flipped[start + 200] ^= 0x01
    assert "checksum" in str(refused(extract_from_png, bytes(flipped)))


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """100 MB of zeros, zlib-compressed (about 100 kB), built without holding 100 MB in memory."""
    squeezer = zlib.compressobj(9)
    block = bytes(1_048_576)
    return b"".join(squeezer.compress(block) for _ in range(100)) + squeezer.flush()


@pytest.mark.parametrize("kind", ["iTXt", "zTXt"])
def test_png_zlib_bomb_refused_without_inflating(bomb: bytes, kind: str) -> None:
    """A compressed badge chunk that would expand to 100 MB is refused, peak memory staying near the limit."""
    body = b"openbadges\0" + (b"\x01\x00\0\0" if kind == "iTXt" else b"\x00") + bomb
    png = tiny_png(chunk(kind.encode(), body))
    tracemalloc.start()
    try:
        error = refused(extract_from_png, png)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert f"more than {MAX_DECOMPRESSED_BYTES // 1_048_576} MB" in str(error)
    assert peak < MAX_DECOMPRESSED_BYTES + 16 * 1_048_576


def test_png_decompression_budget_is_shared() -> None:
    """Two compressed badge chunks that each fit but together exceed the limit are refused."""
    big = b"{" + b" " * (MAX_DECOMPRESSED_BYTES // 2 + 1000) + b"}"
    same = itxt("openbadgecredential", big, compressed=True)
    assert "more than" in str(refused(extract_from_png, tiny_png(same, same)))


@pytest.mark.parametrize(
    "body",
    [
        b"openbadges\0\x01\x00\0\0not zlib at all",
        b"openbadges\0\x01\x00\0\0" + zlib.compress(b'{"a": 1}')[:-6],
        b"openbadges\0\x01\x07\0\0" + zlib.compress(b'{"a": 1}'),
        b"openbadges\0\x02\x00\0\0{}",
        b"openbadges\0\x00",
        b"openbadges\0\x00\x00no-terminators",
        b"openbadges\0\x00\x00\0\0\xff\xfe{}",
    ],
    ids=["not-zlib", "cut-zlib", "method-7", "flag-2", "short", "no-nuls", "not-utf8"],
)
def test_png_malformed_itxt(body: bytes) -> None:
    """Broken iTXt layouts, bad compression and invalid UTF-8 are each refused with a sentence."""
    refused(extract_from_png, tiny_png(chunk(b"iTXt", body)))


def test_png_malformed_ztxt() -> None:
    """A zTXt with an unknown compression method or no method byte is refused."""
    refused(extract_from_png, tiny_png(chunk(b"zTXt", b"openbadges\0\x01" + zlib.compress(b"{}"))))
    refused(extract_from_png, tiny_png(chunk(b"zTXt", b"openbadges\0")))


@pytest.mark.parametrize(
    "data",
    [b"", b"hello", PNG_SIGNATURE, PNG_SIGNATURE[:7], b"\x89PNG\r\n\x1a\x0a" + b"\0" * 3, b"GIF89a" + b"\0" * 40],
)
def test_png_not_png_or_too_short(data: bytes) -> None:
    """Non-PNG bytes and PNGs that stop at once are refused."""
    refused(extract_from_png, data)


def test_png_structure_errors() -> None:
    """A first chunk that is not IHDR, a non-letter chunk type or a missing IEND is refused."""
    valid = tiny_png(itxt("openbadges", b'{"a": 1}'))
    assert "image header" in str(refused(extract_from_png, PNG_SIGNATURE + valid[33:]))
    refused(extract_from_png, valid[:33] + chunk(b"i1Xt", b"x") + valid[33:])
    refused(extract_from_png, valid[: -len(chunk(b"IEND", b""))])


def test_png_too_many_chunks() -> None:
    """A PNG split into more than MAX_PNG_CHUNKS chunks is refused quickly."""
    filler = chunk(b"tIME", b"\0" * 7)
    png = tiny_png()[:33] + filler * MAX_PNG_CHUNKS + tiny_png()[33:]
    assert "pieces" in str(refused(extract_from_png, png))


def test_oversized_input_refused_first() -> None:
    """Input over MAX_INPUT_BYTES is refused by size before any parsing."""
    huge = PNG_SIGNATURE + bytes(MAX_INPUT_BYTES)
    for read in (extract_from_png, extract_from_svg, extract_baked):
        assert "MB" in str(refused(read, huge))


# ----------------------------------------------------------------------------------------- fuzzing

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL_PNG = fixture("1edtech-validator/simple-badge.png")
SMALL_SVG = fixture("concentricsky-bakery/baked_example.svg")


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_random_bytes(data: bytes) -> None:
    """Random bytes only ever give a payload or a CredentialFormatError, quickly."""
    for read in (extract_baked, extract_from_png, extract_from_svg):
        read_or_refuse(read, data)
        read_or_refuse(read, PNG_SIGNATURE + data)


def mutate(original: bytes) -> st.SearchStrategy[bytes]:
    """Real bytes with a few bytes overwritten, a slice inserted or the tail cut off."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        data = bytearray(original)
        for _ in range(draw(st.integers(0, 6))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        if draw(st.booleans()):
            at = draw(st.integers(0, len(data)))
            data[at:at] = draw(st.binary(max_size=16))
        return bytes(data[: draw(st.integers(0, len(data)))])

    return build()


@FUZZ
@given(mutate(SMALL_PNG))
def test_fuzz_mutated_png(data: bytes) -> None:
    """A mutated real PNG only ever gives a payload or a CredentialFormatError, quickly."""
    read_or_refuse(extract_from_png, data)
    read_or_refuse(extract_baked, data)


@FUZZ
@given(mutate(SMALL_SVG))
def test_fuzz_mutated_svg(data: bytes) -> None:
    """A mutated real SVG only ever gives a payload or a CredentialFormatError, quickly."""
    read_or_refuse(extract_from_svg, data)
    read_or_refuse(extract_baked, data)


@FUZZ
@given(
    st.sampled_from([b"iTXt", b"zTXt", b"tEXt"]), st.sampled_from([KEYWORD_OB2, KEYWORD_OB3]), st.binary(max_size=256)
)
def test_fuzz_badge_chunk_bodies(kind: bytes, keyword: str, rest: bytes) -> None:
    """Arbitrary bodies after a badge keyword only give a payload or a CredentialFormatError."""
    read_or_refuse(extract_from_png, tiny_png(chunk(kind, keyword.encode() + b"\0" + rest)))


COMPRESSED_JSON = zlib.compress(json.dumps({"id": "urn:uuid:3", "padding": "x" * 300}).encode())


@FUZZ
@given(mutate(COMPRESSED_JSON), st.booleans())
def test_fuzz_damaged_zlib_streams(stream: bytes, as_ztxt: bool) -> None:
    """Damaged zlib data in a compressed badge chunk only gives a payload or a CredentialFormatError."""
    head = b"openbadges\0" + (b"\x00" if as_ztxt else b"\x01\x00\0\0")
    read_or_refuse(extract_from_png, tiny_png(chunk(b"zTXt" if as_ztxt else b"iTXt", head + stream)))


XML_SAFE_TEXT = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc", "Cn")),
        st.sampled_from(["\t", "\n", "\r", "\r\n", "]]>", "&", "<", '"', "'"]),
    ),
    max_size=40,
).map("".join)


@FUZZ
@given(XML_SAFE_TEXT, st.booleans())
def test_fuzz_bake_round_trip(inner: str, ob3: bool) -> None:
    """Any JSON-shaped text baked into a PNG or an SVG comes back out exactly."""
    payload = "{" + inner + "}"
    png = bake_png(tiny_png(), payload, KEYWORD_OB3 if ob3 else KEYWORD_OB2)
    assert extract_from_png(png).text == payload
    assert extract_from_svg(bake_svg(PLAIN_SVG, payload, ob3=ob3)).text == payload

"""Baked badges: a credential hidden inside a PNG or SVG image, read and written without Qt or a network.

Formats read (Open Badges Baking Specification 1.0 for OB 2.0, and the "Baked Badge" section of OB 3.0):

* PNG: a text chunk whose keyword is ``openbadgecredential`` (OB 3.0: JSON or a compact JWT) or
  ``openbadges`` (OB 2.0: JSON or a compact JWS; pre-spec OB 1.x: a hosted-assertion URL in ``tEXt``).
  ``iTXt`` (compressed or not), ``zTXt`` and ``tEXt`` are all accepted.
* SVG: an ``<openbadges:credential>`` element in the namespace ``https://purl.imsglobal.org/ob/v3p0``
  (OB 3.0) or an ``<openbadges:assertion>`` element in ``http://openbadges.org`` (OB 2.0). The payload
  is the element's text (JSON, usually in CDATA) or, when the text is empty, its ``verify`` attribute
  (a compact JWS/JWT, or the URL of a hosted assertion). The other local name in either namespace is
  accepted too, for lenient bakers.

Which badge wins when an image holds several (both specs say a badge MUST appear only once):

* The whole file is checked first (every PNG chunk header up to ``IEND``, or the whole XML document),
  so a truncated or malformed image is an error even when its badge comes early.
* Candidates are ranked: OB 3.0 before OB 2.0, and (PNG) ``iTXt`` before ``tEXt``/``zTXt``. Only the
  best rank is used; an older OB 2.0 badge left next to an OB 3.0 one is ignored.
* Several candidates of that best rank are accepted only if they carry exactly the same text; if they
  differ the image is refused, because different readers could show different credentials from it.

Safety: input is capped at ``MAX_INPUT_BYTES``; PNG chunk lengths are checked against the bytes that
remain before anything is sliced; the badge chunk's CRC is verified (other chunks' CRCs are not); zlib
output is capped at ``MAX_DECOMPRESSED_BYTES`` in total without inflating a bomb in full; the number of
chunks and the SVG nesting depth are bounded; SVG is parsed with ``defusedxml``, which refuses entity
declarations (billion laughs) and external entities. Every refusal is a ``CredentialFormatError`` with one
sentence a learner can understand.

Baking writes what the specs ask for: an uncompressed ``iTXt`` chunk placed before the first ``IDAT``
(every existing badge chunk, of either keyword and any text-chunk type, is removed first), or an SVG
element placed directly after the ``<svg>`` start tag (every existing badge element is removed first).
The rest of the image is kept byte for byte, except that bytes after a PNG's ``IEND`` are dropped.
"""

from __future__ import annotations

import codecs
import re
import struct
import xml.etree.ElementTree as StdET
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, cast
from xml.parsers import expat

import defusedxml
import defusedxml.ElementTree as SafeET

from wallet.credentials.limits import MAX_DECOMPRESSED_BYTES, check_size
from wallet.credentials.report import said
from wallet.errors import CredentialFormatError
from wallet.i18n import N_, _

__all__ = [
    "KEYWORD_OB2",
    "KEYWORD_OB3",
    "MAX_BADGE_CHUNKS",
    "MAX_PNG_CHUNKS",
    "MAX_SVG_DEPTH",
    "NS_OB2",
    "NS_OB3",
    "PNG_SIGNATURE",
    "BakedPayload",
    "bake_png",
    "bake_svg",
    "extract_baked",
    "extract_from_png",
    "extract_from_svg",
    "is_png",
    "looks_like_svg",
]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD_OB3 = "openbadgecredential"
KEYWORD_OB2 = "openbadges"
NS_OB3 = "https://purl.imsglobal.org/ob/v3p0"
NS_OB2 = "http://openbadges.org"
NS_SVG = "http://www.w3.org/2000/svg"

MAX_PNG_CHUNKS = 100_000
"""More chunks than this is not a badge image (real PNGs have tens, large ones a few thousand)."""

MAX_BADGE_CHUNKS = 16
"""More Open Badges text chunks than this is refused outright (the specs allow exactly one)."""

MAX_SVG_DEPTH = 256
"""Deepest element nesting read in an SVG (drawing tools rarely go past a few dozen)."""

_SNIFF_WINDOW = 64 * 1024
_INFLATE_STEP = 1024 * 1024
_MB = 1_048_576

_BADGE_KEYWORDS = {KEYWORD_OB3.encode("latin-1"): 0, KEYWORD_OB2.encode("latin-1"): 1}
_TEXT_CHUNKS = {b"iTXt": 0, b"tEXt": 1, b"zTXt": 1}
_SVG_BADGE_TAGS = {
    f"{{{NS_OB3}}}credential": 0,
    f"{{{NS_OB2}}}assertion": 1,
    f"{{{NS_OB3}}}assertion": 2,
    f"{{{NS_OB2}}}credential": 2,
}

_JWT_RE = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
_URL_RE = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[^\s<>\"]+")
_XML_INVALID_RE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WHITESPACE = " \t\r\n\ufeff"

PayloadKind = Literal["json", "jwt", "url"]


@dataclass(frozen=True)
class BakedPayload:
    """What an image carries: the credential text (or a link to it) and where it was found."""

    text: str
    """The embedded JSON or compact JWT/JWS, or the URL of a hosted assertion; surrounding whitespace removed."""
    source: str
    """Either "png" or "svg"."""
    keyword: str
    """The PNG keyword ("openbadgecredential", "openbadges") or SVG element ("openbadges:credential", …)."""
    is_url: bool
    """True when the image only points to a hosted assertion (an http(s) URL), not the credential itself."""

    @property
    def kind(self) -> PayloadKind:
        """Which form the text takes: "json", "jwt" (any compact JWS) or "url"."""
        return _classify(self.text) or "json"


# --------------------------------------------------------------------------------------------- shared


def _fail(message: str) -> CredentialFormatError:
    return CredentialFormatError(message)


def _classify(text: str) -> PayloadKind | None:
    """What a payload looks like; None when it is none of JSON, a compact JWS/JWT or an http(s) URL."""
    if text.startswith("{"):
        return "json"
    if _JWT_RE.fullmatch(text):
        return "jwt"
    if _URL_RE.fullmatch(text):
        return "url"
    return None


def _payload(text: str, source: str, keyword: str, where: str) -> BakedPayload:
    """Tidy and sanity-check an extracted payload."""
    text = text.strip(_WHITESPACE)
    if not text:
        raise _fail(_("This {where} image has a place for a badge, but it is empty.").format(where=where))
    kind = _classify(text)
    if kind is None:
        raise _fail(_("The badge data inside this {where} image is neither a credential nor a link to one.").format(
            where=where))
    return BakedPayload(text=text, source=source, keyword=keyword, is_url=kind == "url")


def _checked_payload_for_baking(payload: str) -> str:
    """The payload to bake, trimmed; refused if extraction could not give it back unchanged."""
    text = payload.strip(_WHITESPACE)
    check_size(text, _("The credential"))
    if not text:
        raise _fail(_("There is no credential to put into the image."))
    if _classify(text) is None:
        raise _fail(_("Only a credential (JSON or a signed token) or a link to one can be put into a badge image."))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _fail(_("The credential contains characters that cannot be saved in an image.")) from exc
    return text


def _select(candidates: list[tuple[int, Callable[[], BakedPayload]]], where: str) -> BakedPayload:
    """Apply the ranking rule from the module docstring to (rank, decoder) pairs."""
    if not candidates:
        raise _fail(_("This {where} image does not carry a badge: it has no Open Badges data inside.").format(
            where=where))
    best = min(rank for rank, _unused in candidates)
    chosen = [decode() for rank, decode in candidates if rank == best]
    first = chosen[0]
    if any(other.text != first.text for other in chosen[1:]):
        raise _fail(_("This {where} image carries two different badges, so the wallet cannot tell which one "
                      "is meant.").format(
                        where=where))
    return first


def is_png(data: bytes) -> bool:
    """True when the bytes start with the PNG signature."""
    return data[:8] == PNG_SIGNATURE


def looks_like_svg(data: bytes) -> bool:
    """Cheap sniff: after an optional BOM, whitespace, XML declaration, comments and DOCTYPE, an <svg> element."""
    head = data[:_SNIFF_WINDOW]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
            if end < 0:
                return False
            pos = end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return False
            pos = end + 3
        elif text.startswith("<!DOCTYPE", pos):
            close = text.find(">", pos)
            bracket = text.find("[", pos)
            if 0 <= bracket < close:
                close = text.find("]", bracket)
                close = text.find(">", close) if close >= 0 else -1
            if close < 0:
                return False
            pos = close + 1
        else:
            return re.match(r"<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]", text[pos : pos + 64]) is not None


def extract_baked(data: bytes) -> BakedPayload:
    """The badge in a PNG or SVG image, whichever the bytes are."""
    check_size(data, _("The image"))
    if is_png(data):
        return extract_from_png(data)
    if looks_like_svg(data):
        return extract_from_svg(data)
    raise _fail(_("This file is neither a PNG nor an SVG image, so it cannot hold a baked badge."))


# ------------------------------------------------------------------------------------------------ PNG


@dataclass(frozen=True)
class _Chunk:
    kind: bytes
    start: int
    length: int

    @property
    def body_start(self) -> int:
        return self.start + 8

    @property
    def end(self) -> int:
        return self.start + 12 + self.length


_TRUNCATED = N_("The PNG file is damaged: it ends too early, so part of it is missing.")
_BROKEN = N_("The PNG file is damaged: its internal structure is broken.")


def _walk_png(data: bytes) -> list[_Chunk]:
    """Every chunk from IHDR to IEND, reading headers only and never past the end of the buffer."""
    check_size(data, _("The image"))
    if not is_png(data):
        raise _fail(_("This file is not a PNG image."))
    chunks: list[_Chunk] = []
    pos, size = len(PNG_SIGNATURE), len(data)
    while True:
        if len(chunks) >= MAX_PNG_CHUNKS:
            raise _fail(
                _("The PNG file is split into more than {max_png_chunks:,} pieces; a badge image never needs "
                  "that.").format(
                                        max_png_chunks=MAX_PNG_CHUNKS)
            )
        if size - pos < 12:
            raise _fail(_(_TRUNCATED))
        length, kind = struct.unpack_from(">I4s", data, pos)
        if length > 0x7FFFFFFF or not kind.isalpha():
            raise _fail(_(_BROKEN))
        if length > size - pos - 12:
            raise _fail(_(_TRUNCATED))
        chunk = _Chunk(kind, pos, length)
        if not chunks and kind != b"IHDR":
            raise _fail(_("The PNG file is damaged: it does not start with an image header."))
        chunks.append(chunk)
        pos = chunk.end
        if kind == b"IEND":
            return chunks


def _badge_keyword(data: bytes, chunk: _Chunk) -> bytes | None:
    """The keyword of a text chunk when it is an Open Badges keyword."""
    if chunk.kind not in _TEXT_CHUNKS:
        return None
    window = data[chunk.body_start : chunk.body_start + min(chunk.length, 80)]
    keyword = window.split(b"\0", 1)[0]
    return keyword if keyword in _BADGE_KEYWORDS and len(keyword) < len(window) else None


class _Budget:
    """How many decompressed bytes may still be produced while reading one image."""

    def __init__(self) -> None:
        self.left = MAX_DECOMPRESSED_BYTES

    def inflate(self, compressed: bytes) -> bytes:
        """Inflate in small steps, stopping as soon as the output passes the budget (memory stays near it)."""
        inflater = zlib.decompressobj()
        out = bytearray()
        pending = compressed
        try:
            while not inflater.eof:
                piece = inflater.decompress(pending, _INFLATE_STEP)
                pending = inflater.unconsumed_tail
                if not piece and not pending:
                    break
                out += piece
                if len(out) > self.left:
                    raise _fail(
                        _("The badge data in this PNG expands to more than {value} MB, which is far more than any "
                          "credential; it was not unpacked.").format(value=MAX_DECOMPRESSED_BYTES // _MB)
                    )
        except zlib.error as exc:
            raise _fail(_("The PNG file is damaged: its compressed badge data cannot be unpacked.")) from exc
        if not inflater.eof:
            raise _fail(_("The PNG file is damaged: its compressed badge data is cut short."))
        self.left -= len(out)
        return bytes(out)


def _decode_png_text(data: bytes, chunk: _Chunk, budget: _Budget) -> BakedPayload:
    """Check the CRC of a badge chunk and return its text."""
    raw = data[chunk.start + 4 : chunk.end - 4]  # type + body, which is what the CRC covers
    (crc,) = struct.unpack_from(">I", data, chunk.end - 4)
    if zlib.crc32(raw) != crc:
        raise _fail(_("The PNG file is damaged: the checksum of its badge data is wrong."))
    keyword, _unused, rest = raw[4:].partition(b"\0")
    layout = said(N_("The PNG file is damaged: its badge data is not laid out the way the PNG standard requires."))
    unknown_method = said(N_("The badge data in this PNG is compressed in a way the PNG standard does not define."))
    if chunk.kind == b"tEXt":
        text = rest.decode("latin-1")
    elif chunk.kind == b"zTXt":
        if not rest:
            raise _fail(layout)
        if rest[0] != 0:
            raise _fail(unknown_method)
        text = budget.inflate(rest[1:]).decode("latin-1")
    else:
        if len(rest) < 2 or rest[0] not in (0, 1):
            raise _fail(layout)
        compressed, method = rest[0] == 1, rest[1]
        _language, sep1, rest = rest[2:].partition(b"\0")
        _translated, sep2, body = rest.partition(b"\0")
        if not (sep1 and sep2):
            raise _fail(layout)
        if compressed and method != 0:
            raise _fail(unknown_method)
        if compressed:
            body = budget.inflate(body)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _fail(_("The badge data in this PNG is not readable text (it is not valid UTF-8).")) from exc
    return _payload(text, "png", keyword.decode("latin-1"), "PNG")


def extract_from_png(data: bytes) -> BakedPayload:
    """The badge baked into a PNG (see the module docstring for the rules when there are several)."""
    chunks = _walk_png(data)
    budget = _Budget()
    candidates: list[tuple[int, Callable[[], BakedPayload]]] = []
    for chunk in chunks:
        keyword = _badge_keyword(data, chunk)
        if keyword is None:
            continue
        if len(candidates) >= MAX_BADGE_CHUNKS:
            raise _fail(_("This PNG image holds more badge sections than any real badge has, so it was not read."))
        rank = _BADGE_KEYWORDS[keyword] * 2 + _TEXT_CHUNKS[chunk.kind]

        def decode(chunk: _Chunk = chunk) -> BakedPayload:
            return _decode_png_text(data, chunk, budget)

        candidates.append((rank, decode))
    return _select(candidates, "PNG")


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bake_png(png: bytes, payload: str, keyword: str = KEYWORD_OB3) -> bytes:
    """`png` with `payload` in an uncompressed iTXt chunk before the first IDAT, replacing any earlier badge.

    `keyword` is "openbadgecredential" (OB 3.0) or "openbadges" (OB 2.0); anything else is a programming
    error (ValueError). The payload is trimmed of surrounding whitespace, as extraction would do.
    """
    if keyword not in (KEYWORD_OB3, KEYWORD_OB2):
        raise ValueError(_("keyword must be {keyword_ob3!r} or {keyword_ob2!r}, not {keyword!r}").format(
            keyword_ob3=KEYWORD_OB3, keyword_ob2=KEYWORD_OB2, keyword=keyword))
    text = _checked_payload_for_baking(payload)
    chunks = _walk_png(png)
    body = keyword.encode("latin-1") + b"\0" + b"\0\0" + b"\0" + b"\0" + text.encode("utf-8")
    if len(body) > 0x7FFFFFFF:  # pragma: no cover - the size check above keeps payloads far smaller
        raise _fail(_("The credential is too large to put into a PNG image."))
    parts = [PNG_SIGNATURE]
    inserted = False
    for chunk in chunks:
        if chunk.kind == b"IDAT" and not inserted:
            parts.append(_png_chunk(b"iTXt", body))
            inserted = True
        if _badge_keyword(png, chunk) is None:
            parts.append(png[chunk.start : chunk.end])
    if not inserted:
        raise _fail(_("The PNG file is damaged: it holds no picture data."))
    return b"".join(parts)


# ------------------------------------------------------------------------------------------------ SVG


@dataclass(frozen=True)
class _SvgBadge:
    rank: int
    keyword: str
    body: str
    verify: str


def _svg_error(exc: Exception) -> CredentialFormatError:
    if isinstance(exc, defusedxml.EntitiesForbidden):
        return _fail(said(N_("This SVG file defines XML entities, which the wallet refuses for safety, so it was not "
                             "read.")))
    if isinstance(exc, defusedxml.ExternalReferenceForbidden):
        return _fail(said(N_("This SVG file refers to other files or web addresses, which the wallet refuses for "
                             "safety.")))
    if isinstance(exc, defusedxml.DefusedXmlException):
        return _fail(said(N_("This SVG file uses XML features the wallet refuses for safety, so it was not read.")))
    if isinstance(exc, StdET.ParseError):
        line = exc.position[0] if getattr(exc, "position", None) else 0
        where = f" (the problem is near line {line})" if line else ""
        return _fail(said(N_("The SVG file is damaged or incomplete: it is not valid XML{where}."), where=where))
    return _fail(said(N_("The SVG file is damaged: it is not valid XML.")))


def _scan_svg(data: bytes) -> list[_SvgBadge]:
    """Parse the whole SVG safely, keeping only badge elements, with memory bounded by the nesting depth."""
    check_size(data, _("The image"))
    stack: list[Any] = []
    badges: list[_SvgBadge] = []
    inside_badge = 0
    try:
        for event, element in _svg_events(data):
            tag = element.tag if isinstance(element.tag, str) else ""
            if event == "start":
                if not stack and tag not in (f"{{{NS_SVG}}}svg", "svg"):
                    raise _fail(_("This file is not an SVG image."))
                if len(stack) >= MAX_SVG_DEPTH:
                    raise _fail(_("The SVG file is nested too deeply to be a badge image."))
                stack.append(element)
                inside_badge += tag in _SVG_BADGE_TAGS
                continue
            stack.pop()
            if tag in _SVG_BADGE_TAGS:
                inside_badge -= 1
                if not inside_badge:
                    body = "".join(element.itertext())
                    verify = element.get("verify") or ""
                    keyword = "openbadges:" + tag.rsplit("}", 1)[1]
                    badges.append(_SvgBadge(_SVG_BADGE_TAGS[tag], keyword, body, verify))
            if stack and not inside_badge:
                stack[-1].remove(element)  # keep memory flat: the parent never holds finished children
    except CredentialFormatError:
        raise
    except (StdET.ParseError, ValueError, LookupError) as exc:  # LookupError: an unknown XML encoding
        raise _svg_error(exc) from exc
    return badges


_SVG_FEED = 1024 * 1024


def _svg_events(data: bytes) -> Iterator[tuple[str, Any]]:
    """Start/end events from defusedxml's parser, fed 1 MiB at a time.

    Large feeds matter: expat before 2.6 re-scans an unfinished token on every feed, so the small reads of
    `iterparse` made one huge attribute or comment quadratic (16 s for a 19 MB token; 0.5 s like this).
    """
    parser = StdET.XMLPullParser(
        events=("start", "end"), _parser=SafeET.DefusedXMLParser(target=StdET.TreeBuilder())
    )
    for offset in range(0, len(data), _SVG_FEED):
        parser.feed(data[offset : offset + _SVG_FEED])
        yield from cast(Iterator[tuple[str, Any]], parser.read_events())
    parser.close()
    yield from cast(Iterator[tuple[str, Any]], parser.read_events())


def extract_from_svg(data: bytes) -> BakedPayload:
    """The badge baked into an SVG (see the module docstring for the rules when there are several)."""
    badges = _scan_svg(data)

    def decoder(badge: _SvgBadge) -> Callable[[], BakedPayload]:
        text = badge.body if badge.body.strip(_WHITESPACE) else badge.verify
        return lambda: _payload(text, "svg", badge.keyword, "SVG")

    return _select([(badge.rank, decoder(badge)) for badge in badges], "SVG")


def _svg_encoding_is_utf8(svg: bytes) -> bool:
    """True for UTF-8 documents; False for other ASCII-compatible encodings; refuse the rest."""
    if svg.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        raise _fail(_("The wallet can only add a badge to an SVG file saved as UTF-8 text."))
    match = re.match(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']", svg)
    if match is None:
        return True
    name = match.group(1).decode("ascii")
    try:
        info = codecs.lookup(name)
    except LookupError as exc:
        raise _fail(_("The SVG file says it uses the text encoding {name}, which the wallet does not know.").format(
            name=name)) from exc
    if info.name == "utf-8":
        return True
    if "<svg/>&'\"".encode(info.name) != b"<svg/>&'\"":
        raise _fail(_("The wallet can only add a badge to an SVG file saved as UTF-8 text."))
    return False


def _escape(text: str, ascii_only: bool, attribute: bool) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if attribute:
        out = out.replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
    if ascii_only:
        out = "".join(c if ord(c) < 128 else f"&#x{ord(c):X};" for c in out)
    return out


def _badge_element(text: str, ob3: bool, declare: str | None, ascii_only: bool) -> str:
    name = "openbadges:credential" if ob3 else "openbadges:assertion"
    xmlns = f' xmlns:openbadges="{declare}"' if declare else ""
    if _classify(text) != "json":
        return f'<{name}{xmlns} verify="{_escape(text, ascii_only, attribute=True)}"/>'
    if ascii_only or "\r" in text:
        body = _escape(text, ascii_only, attribute=False)
    else:
        body = "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
    return f"<{name}{xmlns}>{body}</{name}>"


def _tag_end(data: bytes, start: int) -> int:
    """Index just past the '>' of the start tag beginning at `start`, skipping '>' inside quoted values."""
    quote = 0
    for index in range(start + 1, len(data)):
        byte = data[index]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in (0x22, 0x27):
            quote = byte
        elif byte == 0x3E:
            return index + 1
    raise _fail(_("The SVG file is damaged or incomplete: it is not valid XML."))  # pragma: no cover


@dataclass
class _SvgLayout:
    """Byte positions found by a second, offset-reporting pass over an SVG already parsed safely."""

    root_start: int = -1
    root_tag_end: int = -1
    root_prefix_uri: str | None = None
    removals: list[tuple[int, int]] = field(default_factory=list)


def _svg_layout(svg: bytes) -> _SvgLayout:
    layout = _SvgLayout()
    parser = expat.ParserCreate(namespace_separator="}")
    pending_decls: dict[str, str] = {}
    open_badges: list[int] = []  # start offsets of badge elements currently open (outermost first)
    depth = 0

    def refuse(*_args: object) -> int:
        raise _fail(_("This SVG file defines XML entities, which the wallet refuses for safety, so it was not read."))

    def on_namespace(prefix: str | None, uri: str) -> None:
        if layout.root_start < 0 and prefix is not None:
            pending_decls[prefix] = uri

    def on_start(name: str, _attrs: object) -> None:
        nonlocal depth
        here = parser.CurrentByteIndex
        if depth == 0:
            layout.root_start = here
            layout.root_tag_end = _tag_end(svg, here)
            layout.root_prefix_uri = pending_decls.get("openbadges")
        if "{" + name in _SVG_BADGE_TAGS:
            open_badges.append(here)
        depth += 1

    def on_end(name: str) -> None:
        nonlocal depth
        depth -= 1
        if "{" + name not in _SVG_BADGE_TAGS:
            return
        start = open_badges.pop()
        if open_badges:
            return
        tag_end = _tag_end(svg, start)
        end = tag_end if svg[tag_end - 2 : tag_end] == b"/>" else svg.index(b">", parser.CurrentByteIndex) + 1
        while start > 0 and svg[start - 1] in b" \t\r\n":
            start -= 1
        layout.removals.append((start, end))

    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartNamespaceDeclHandler = on_namespace
    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    try:
        parser.Parse(svg, True)
    except expat.ExpatError as exc:  # pragma: no cover - the safe parse already accepted this document
        raise _fail(_("The SVG file is damaged or incomplete: it is not valid XML.")) from exc
    return layout


def bake_svg(svg: bytes, payload: str, ob3: bool = True) -> bytes:
    """`svg` with `payload` in a badge element directly after the <svg> start tag, replacing any earlier badge.

    OB 3.0 (`ob3=True`) writes ``<openbadges:credential>`` in ``https://purl.imsglobal.org/ob/v3p0``;
    OB 2.0 writes ``<openbadges:assertion>`` in ``http://openbadges.org``. JSON goes into the element's text
    (CDATA); a compact JWS/JWT or a URL goes into its ``verify`` attribute. ``xmlns:openbadges`` is added to
    the <svg> tag, or, if that tag already binds the prefix to the other namespace, to the new element.
    The SVG must be UTF-8 or another ASCII-compatible encoding (non-ASCII text is then written as
    character references). The result is read back before it is returned.
    """
    text = _checked_payload_for_baking(payload)
    if _XML_INVALID_RE.search(text):
        raise _fail(_("The credential contains control characters that an SVG file cannot hold."))
    _scan_svg(svg)  # refuses hostile, damaged and non-SVG input before anything else touches it
    ascii_only = not _svg_encoding_is_utf8(svg)
    layout = _svg_layout(svg)
    namespace = NS_OB3 if ob3 else NS_OB2
    root_decl = ""
    element_decl: str | None = None
    if layout.root_prefix_uri is None:
        root_decl = f' xmlns:openbadges="{namespace}"'
    elif layout.root_prefix_uri != namespace:
        element_decl = namespace
    element = _badge_element(text, ob3, element_decl, ascii_only).encode("utf-8" if not ascii_only else "ascii")

    tag_end = layout.root_tag_end
    self_closing = svg[tag_end - 2 : tag_end] == b"/>"
    close_at = tag_end - 2 if self_closing else tag_end - 1
    head = svg[:close_at] + root_decl.encode("ascii")
    if self_closing:
        qname = re.match(rb"<([^\s/>]+)", svg[layout.root_start :])
        assert qname is not None
        out = head + b">\n" + element + b"\n</" + qname.group(1) + b">" + svg[tag_end:]
    else:
        rest = bytearray(svg[tag_end:])
        for start, end in reversed(layout.removals):
            del rest[start - tag_end : end - tag_end]
        out = head + svg[close_at:tag_end] + b"\n" + element + bytes(rest)

    check = extract_from_svg(out)
    if check.text != text:  # pragma: no cover - a guard against a baking bug, not a user error
        raise _fail(_("The wallet could not add the badge to this SVG image."))
    return out

"""Markdown from a credential (`criteria.narrative`, descriptions) as a small, safe piece of rich text.

Open Badges 3.0 and CLR 2.0 allow Markdown in these fields, and Markdown allows raw HTML, links and
images. None of that may reach the screen: an issuer could draw a fake green "✔ VERIFIED" banner with
`<h1 style=…>` or a `<table>`, load a local file with `![i](file:///etc/passwd)`, or put a
`javascript:` link under innocent words. So this module does not use a Markdown library (they pass raw
HTML through by default, and Qt's own `setMarkdown` still honours links, images and headings) but renders
a deliberately small subset itself:

* paragraphs (a blank line between them) and line breaks inside them;
* bulleted (``-``, ``*``, ``+``) and numbered (``1.``, ``1)``) lists, one level;
* emphasis: ``**bold**``/``__bold__``, ``*italic*``/``_italic_`` and ```code```.

Everything else is text. The input is first cleaned (`text_safety.multiline`), then *every* character is
HTML-escaped, and only then are the few fixed tags above put in — never an attribute, a style, a link or
an image. A heading (``# …``) becomes a bold paragraph at the normal size, so it cannot pose as a banner.
A link ``[words](address)`` shows its words and its address as plain text, "words (address)", so the
reader sees where it points and nothing can be clicked; an image shows as "[image: alt text]" and is never
loaded. Raw HTML stays visible as the literal text the issuer wrote.
"""

from __future__ import annotations

import html
import re

from wallet.text_safety import multiline

ALLOWED_TAGS = frozenset({"p", "br", "b", "i", "code", "ul", "ol", "li"})
"""The only tags `to_html` ever writes, always without attributes."""
MAX_CHARS = 20_000
"""Longer text is cut here (with "…"): enough for any real criteria, and the label stays quick to lay out."""

_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s{0,3}\d{1,9}[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+(.*)$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")

# Applied to text that is already HTML-escaped: it holds no '<' of its own, so `[^<]` stops a match from
# crossing a tag put in by an earlier rule. Every repeat is bounded or stops at its own opening character,
# and possessive (never given back), so no input makes these rules quadratic: a line of 20,000 '[' or
# '[a](' is as quick as ordinary text (bench/bench_text_safety.py).
_IMAGE = re.compile(r"!\[([^\[\]<]{0,300}+)\]\(([^)<\s]{0,500}+)(?:\s[^)<]{0,200}+)?\)")
_LINK = re.compile(r"\[([^\[\]<]{1,300}+)\]\(\s{0,3}+([^)<\s]{0,500}+)(?:\s[^)<]{0,200}+)?\)")
_CODE = re.compile(r"`([^`<]+)`")
_BOLD = re.compile(r"(\*\*|__)(?=\S)([^<]{1,500}?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])(\*|_)(?=[^\s*_])([^<*_]+?)(?<=[^\s*_])\1(?![\w*])")


def _inline(text: str) -> str:
    """One line of Markdown as safe HTML: escape everything, then add the allowed emphasis tags."""
    escaped = html.escape(text, quote=True)
    escaped = _IMAGE.sub(lambda m: f"[image: {m.group(1).strip() or 'no description'}]", escaped)
    escaped = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2) else m.group(1), escaped)
    escaped = _CODE.sub(r"<code>\1</code>", escaped)
    escaped = _BOLD.sub(r"<b>\2</b>", escaped)
    return _ITALIC.sub(r"<i>\2</i>", escaped)


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Group lines into ('p' | 'ul' | 'ol' | 'h' | 'pre', lines) blocks."""
    blocks: list[tuple[str, list[str]]] = []
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            blocks.append(("pre", []))
            continue
        if fenced:
            blocks[-1][1].append(line)
            continue
        if not line.strip() or _RULE.match(line):
            blocks.append(("", []))
            continue
        for kind, pattern in (("ul", _BULLET), ("ol", _NUMBER), ("h", _HEADING)):
            found = pattern.match(line)
            if found:
                if kind == "h":  # closing #s and spaces go, as in CommonMark
                    blocks.append(("h", [found.group(1).rstrip().rstrip("#").rstrip() or found.group(1)]))
                elif blocks and blocks[-1][0] == kind:
                    blocks[-1][1].append(found.group(1))
                else:
                    blocks.append((kind, [found.group(1)]))
                break
        else:
            quoted = _QUOTE.match(line)
            text = quoted.group(1).strip() if quoted else line.strip()
            if blocks and blocks[-1][0] in ("p", "ul", "ol") and blocks[-1][1]:
                if blocks[-1][0] == "p":
                    blocks[-1][1].append(text)
                else:  # a lazy continuation of the last list item
                    blocks[-1][1][-1] += " " + text
            else:
                blocks.append(("p", [text]))
    return [(kind, body) for kind, body in blocks if body]


def to_html(markdown: str) -> str:
    """The safe rich text for `markdown`: only `ALLOWED_TAGS`, no attributes, everything else escaped."""
    text = multiline(markdown)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rstrip() + "…"
    parts = []
    for kind, lines in _blocks(text.split("\n")):
        if kind in ("ul", "ol"):
            items = "".join(f"<li>{_inline(line)}</li>" for line in lines)
            parts.append(f"<{kind}>{items}</{kind}>")
        elif kind == "h":
            parts.append(f"<p><b>{_inline(lines[0])}</b></p>")
        elif kind == "pre":
            parts.append("<p><code>" + "<br>".join(html.escape(line, quote=True) for line in lines) + "</code></p>")
        else:
            parts.append("<p>" + "<br>".join(_inline(line) for line in lines) + "</p>")
    return "".join(parts)


def has_markup(markdown: str) -> bool:
    """Whether `to_html` would add any formatting (else plain text shows the same thing)."""
    rendered = to_html(markdown)
    return bool(re.search(r"<(?!/?p>)", rendered.removeprefix("<p>").removesuffix("</p>")))

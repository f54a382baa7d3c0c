"""Markdown from a credential renders as a small fixed set of tags; nothing the issuer writes becomes HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from wallet.safe_markdown import ALLOWED_TAGS, has_markup, to_html

HOSTILE = [
    "<h1 style='color:green'>✔ VERIFIED by State Nursing Board</h1>",
    "<img src='file:///etc/passwd'>",
    '<a href="javascript:alert(1)">Verify here</a>',
    "[Verify here](javascript:alert(1))",
    "[rubric](http://evil.example/track?id=1)",
    "![i](file:///etc/passwd)",
    "<style>*{color:green}</style>Plain",
    "<table bgcolor=green><tr><td>✔ VERIFIED</td></tr></table>",
    "**<b onmouseover=x>bold</b>** *<i>x</i>* `<code>`",
    "# ✔ VERIFIED by State Nursing Board",
    "<script>alert(1)</script>",
    "&lt;img src=x&gt; &#60;b&#62;",
    "- <li>item</li>\n1. [a](b) **c**",
    "```\n<h1>fenced</h1>\n```",
    "> <blockquote>quoted</blockquote>",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _tags(html_text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(html_text)
    return parser.tags


@pytest.mark.parametrize("markdown", HOSTILE)
def test_only_allowed_tags_without_attributes(markdown: str) -> None:
    """Whatever the input, the output holds only the allowed tags and not one attribute."""
    tags = _tags(to_html(markdown))
    assert {tag for tag, _ in tags} <= ALLOWED_TAGS
    assert all(not attrs for _, attrs in tags)


@pytest.mark.parametrize("markdown", HOSTILE)
def test_no_link_image_or_style_survives(markdown: str) -> None:
    """No href, src, style or link tag can come out, so nothing is clickable or loaded."""
    rendered = to_html(markdown)
    every_tag = re.findall(r"<[^>]*>", rendered)
    assert all(re.fullmatch(r"</?(p|br|b|i|code|ul|ol|li)>", tag) for tag in every_tag), every_tag
    assert "javascript:" not in "".join(every_tag) and "file:" not in "".join(every_tag)


def test_raw_html_stays_visible_as_text() -> None:
    """An HTML banner shows as the literal text the issuer wrote, not as a banner."""
    rendered = to_html("<h1 style='color:green'>✔ VERIFIED</h1>")
    assert rendered == "<p>&lt;h1 style=&#x27;color:green&#x27;&gt;✔ VERIFIED&lt;/h1&gt;</p>"
    assert not has_markup("<h1 style='color:green'>✔ VERIFIED</h1>")


def test_links_show_their_address_as_text_and_images_their_alt_text() -> None:
    """A link reads 'words (address)' and an image '[image: alt]', neither of them live."""
    assert to_html("See [the rubric](https://college.example/r).") == (
        "<p>See the rubric (https://college.example/r).</p>")
    assert to_html("![a diploma](file:///etc/passwd)") == "<p>[image: a diploma]</p>"


def test_headings_are_bold_paragraphs_not_large_text() -> None:
    """A heading cannot pose as a banner: it is bold at the normal size."""
    assert to_html("# ✔ VERIFIED") == "<p><b>✔ VERIFIED</b></p>"


def test_the_safe_subset_renders() -> None:
    """Paragraphs, line breaks, lists and emphasis come out as the reader expects."""
    markdown = ("Complete **all** of:\n\n- the *safety* course\n- 40 hours on `site`\n\n"
                "1. Pass the test\n2) Show a log\n\nLine one\nline two")
    assert to_html(markdown) == (
        "<p>Complete <b>all</b> of:</p>"
        "<ul><li>the <i>safety</i> course</li><li>40 hours on <code>site</code></li></ul>"
        "<ol><li>Pass the test</li><li>Show a log</li></ol>"
        "<p>Line one<br>line two</p>")
    assert has_markup(markdown)


def test_snake_case_and_lone_stars_are_not_emphasis() -> None:
    """Underscores inside words and a lone star stay as written."""
    assert to_html("file_name_here and 5 * 3") == "<p>file_name_here and 5 * 3</p>"


def test_controls_and_bidi_are_removed_and_long_text_is_cut() -> None:
    """The cleaner runs first, and very long text is cut so the label stays quick."""
    assert to_html("a\u202eb\x1b[31mc") == "<p>abc</p>"
    assert len(to_html("x" * 100_000)) < 20_100


def test_pathological_lines_render_as_text() -> None:
    """Inputs that once made the inline rules quadratic come out as plain escaped text (speed: bench/)."""
    assert to_html("[" * 20_000) == "<p>" + "[" * 20_000 + "</p>"
    assert to_html("![" * 10_000) == "<p>" + "![" * 10_000 + "</p>"
    assert to_html("[a](" + "(" * 100) == "<p>[a](" + "(" * 100 + "</p>"
    assert to_html("# Title ##") == "<p><b>Title</b></p>"


def test_an_address_with_parentheses_is_still_shown_as_text() -> None:
    """A javascript: address with its own parentheses becomes words and address, never a link."""
    assert to_html("[x](javascript:alert(1))") == "<p>x (javascript:alert(1))</p>"

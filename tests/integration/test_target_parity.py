"""Preview equals the target: ordinary posts exported and built by the real Hugo (Goldmark),
Jekyll (kramdown) and Pelican (Python-Markdown with Pelican's own settings), their HTML
structure compared with the preview's, construct by construct.

What is compared is structure, not typography or styling: paragraphs, headings, lists and
their nesting, emphasis, struck text, links (their targets), code, quotes, tables, task
boxes and the text in them (quotes and dashes folded to ASCII, whitespace collapsed,
in-page anchors and attributes dropped). Each target's known differences are listed in
``KNOWN`` with the reason; the test fails when a new one appears, and when a listed one
is gone (so the list stays true).
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smugdesk.core.render import Renderer
from smugdesk.core.store import load_post
from smugdesk.publish.base import resolve_options
from smugdesk.publish.registry import registry

# Ordinary posts: one construct each, as bloggers write them.
CORPUS = {
    "paragraphs": "First paragraph with *emphasis*, **strong** and `code`.\n\nSecond one.",
    "headings": "## A section\n\nText.\n\n### A smaller one\n\nMore text.",
    "link": "A [link](https://example.org/page) and an ![image](https://example.org/a.png).",
    "reference_link": "A [reference link][ref].\n\n[ref]: https://example.org/ref",
    "autolink": "An autolink <https://example.org/auto>.",
    "bare_url": "A bare address https://example.org/bare in a sentence.",
    "www_url": "Or www.example.org without a scheme.",
    "strikethrough": "Update: ~~twelve~~ fourteen beds.",
    "flat_list": "- one\n- two\n- three",
    "ordered_list": "1. one\n2. two\n3. three",
    "nested_two_spaces": "- ward\n  - night\n    - nurse\n- day",
    "nested_four_spaces": "- ward\n    - night\n- day",
    "ordered_nested": "1. one\n   1. one a\n2. two",
    "loose_list": "- one\n\n- two",
    "partly_loose_list": "- one\n- two\n\n- three",
    "task_list": "- [ ] buy film\n- [x] book the visit",
    "list_after_paragraph": "Things to bring:\n- a pen\n- a torch",
    "quote": "> A quote\n> on two lines.",
    "fenced_code": "```python\nx = 1\n```",
    "indented_code": "Text.\n\n    indented code",
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "footnote": "A claim.[^1]\n\n[^1]: The source.",
    "hard_break": "Line one  \nline two.",
    "horizontal_rule": "Above.\n\n---\n\nBelow.",
    "html_inline": "Some <b>bold</b> raw HTML.",
    "smart_quotes": 'She said "it\'s fine" -- really...',
    "emphasis_underscores": "snake_case_word and _emphasis_ here.",
    "math_inline": "Energy $E=mc^2$ here.",
}


def generated(target: str, count: int = 8, seed: int = 23) -> dict[str, str]:
    """Posts mixing the constructs above, as a longer post would (those the target renders
    alike on their own: what is compared is how they get on together)."""
    rng = random.Random(seed)
    pieces = [text for name, text in sorted(CORPUS.items()) if name not in KNOWN[target]]
    # A paragraph between the pieces: two lists side by side are one list, a case of its
    # own ("partly_loose_list").
    between = "\n\nA paragraph between.\n\n"
    return {f"mixed_{n}": between.join(rng.sample(pieces, 4)) for n in range(count)}


# construct -> why the target renders it differently (what the writer is told)
_INTERRUPT = "a list right under a paragraph line: Python-Markdown reads it as paragraph text"
_MATH = "math is kept as $ source for the site's own math set-up (the mathml option writes MathML)"
_LOOSE = (
    "a list with a blank line between some items: CommonMark puts every item in a paragraph,"
    " Python-Markdown only those next to the blank line"
)
_PELICAN = "Pelican's Markdown settings have no {} (add it to MARKDOWN in pelicanconf.py)"
KNOWN: dict[str, dict[str, str]] = {
    "hugo": {
        "html_inline": "Hugo drops raw HTML unless markup.goldmark.renderer.unsafe is set",
        "math_inline": _MATH,
        "www_url": "Goldmark links www. addresses with https://, the preview with http://",
        "partly_loose_list": _LOOSE,
    },
    "jekyll": {
        "bare_url": "kramdown does not link bare addresses",
        "www_url": "kramdown does not link bare addresses",
        "footnote": "kramdown's footnote list has no rule (<hr>) above it",
        "math_inline": "kramdown reads only $$…$$ as math; $…$ stays text",
        "partly_loose_list": "kramdown puts only the item before the blank line in a paragraph,"
        " Python-Markdown the items on both sides of it",
    },
    "pelican": {
        # Pelican renders with Python-Markdown and its own MARKDOWN setting (extra,
        # codehilite, meta): none of the dialect's extensions unless the site adds them.
        "bare_url": _PELICAN.format("pymdownx.magiclink"),
        "www_url": _PELICAN.format("pymdownx.magiclink"),
        "strikethrough": _PELICAN.format("pymdownx.tilde"),
        "task_list": _PELICAN.format("pymdownx.tasklist"),
        "math_inline": _MATH,
        "list_after_paragraph": _INTERRUPT,
    },
}

_KEPT = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "del",
         "a", "img", "code", "pre", "blockquote", "table", "tr", "th", "td", "hr", "br",
         "input", "sup", "b", "math"}  # fmt: skip
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                       "\u2013": "--", "\u2014": "---", "\u2026": "...", "\xa0": " "})  # fmt: skip


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0  # inside a footnote list: compared by its text only

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("div", "section") and "footnote" in (attributes.get("class") or ""):
            self.out.append("[footnotes]")
        if tag not in _KEPT:
            return
        mark = tag
        if tag == "a" and not (attributes.get("href") or "#").startswith("#"):
            mark += f" {attributes['href']}"
        if tag == "img":
            mark += f" {attributes.get('src')}"
        if tag == "input":
            mark += " checked" if "checked" in attributes else ""
        self.out.append(f"<{mark}>")

    def handle_endtag(self, tag):
        if tag in _KEPT and tag not in ("img", "input", "br", "hr"):
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", data.translate(_FOLD)).strip()
        if text and text not in ("\u21a9", "\u21a9\ufe0e", "↩"):  # footnote back links
            self.out.append(text)


def structure(html: str) -> str:
    parser = _Structure()
    parser.feed(html)
    text = " ".join(parser.out)
    # An <a> around a footnote number, and the number itself, differ by generator only in
    # markup; <sup><a>1</a></sup> is kept as the shape every target shares.
    return re.sub(r"\s+", " ", text).strip()


def preview(body: str) -> str:
    return structure(Renderer(embeds="iframe").render(body))


def _post(drafts: Path, name: str, body: str) -> Path:
    path = drafts / f"{name.replace('_', '-')}.md"
    path.write_text(
        f"---\ntitle: {name}\ndate: 2026-06-01 10:00:00+00:00\nstatus: published\n---\n\n{body}\n",
        encoding="utf-8",
    )
    return path


def _build(
    target: str, site: Path, drafts: Path, posts: dict[str, str], **chosen
) -> dict[str, str]:
    exporter = registry().get(target)
    options = resolve_options(exporter, chosen)
    paths = {name: _post(drafts, name, body) for name, body in posts.items()}
    if target == "hugo":
        (site / "layouts" / "_default").mkdir(parents=True)
        (site / "config.toml").write_text(
            'baseURL = "https://blog.example/"\ntitle = "T"\n'
            + ("[markup.goldmark.renderer]\nunsafe = true\n" if chosen.get("mathml") else "")
        )
        (site / "layouts" / "_default" / "single.html").write_text("<main>{{ .Content }}</main>")
        for page in ("list.html", "index.html"):
            (site / "layouts" / "_default" / page).write_text("{{ .Title }}")
    elif target == "jekyll":
        (site / "_layouts").mkdir(parents=True)
        (site / "_config.yml").write_text("title: T\n")
        (site / "_layouts" / "post.html").write_text("<main>{{ content }}</main>")
    else:
        (site / "content").mkdir(parents=True)
        (site / "pelicanconf.py").write_text(
            "AUTHOR = 'A'\nSITENAME = 'T'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
            "ARTICLE_URL = '{slug}.html'\nARTICLE_SAVE_AS = '{slug}.html'\n"
            "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nRELATIVE_URLS = True\n"
        )
    for path in paths.values():
        exporter.export(load_post(path), site, options)
    if target == "hugo":
        command = ["hugo", "--source", str(site), "--destination", str(site / "public")]
    elif target == "jekyll":
        command = ["jekyll", "build", "--source", str(site), "--destination", str(site / "_site")]
    else:
        command = [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-s",
            "pelicanconf.py",
            "-o",
            "output",
        ]
    result = subprocess.run(command, cwd=site, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    built = {}
    for name in posts:
        slug = name.replace("_", "-")
        if target == "hugo":
            html = (site / "public" / "posts" / slug / "index.html").read_text()
            html = html.split("<main>", 1)[1].rsplit("</main>", 1)[0]
        elif target == "jekyll":
            [page] = (site / "_site").rglob(f"{slug}.html")
            html = page.read_text().split("<main>", 1)[1].rsplit("</main>", 1)[0]
        else:
            html = (site / "output" / f"{slug}.html").read_text()
            html = html.split("</footer><!-- /.post-info -->", 1)[1]
            html = html.split("</div><!-- /.entry-content -->", 1)[0]
        built[name] = structure(html)
    return built


TOOLS = {"hugo": "hugo", "jekyll": "jekyll", "pelican": None}
NOT_WARNED = {
    "html_inline": "the check's own raw-html finding",
    "footnote": "a rule above the notes or not: styling",
}


@pytest.mark.parametrize("target", sorted(TOOLS))
def test_the_target_builds_ordinary_posts_as_the_preview_shows_them(target, tmp_path):
    if TOOLS[target] and shutil.which(TOOLS[target]) is None:
        pytest.skip(f"{target} is not installed")
    posts = {**CORPUS, **generated(target)}
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    built = _build(target, tmp_path / "site", drafts, posts)
    differences = {name for name in posts if built[name] != preview(posts[name])}
    report = "\n".join(
        f"{name}:\n  preview: {preview(posts[name])}\n  {target}: {built[name]}"
        for name in sorted(differences - set(KNOWN[target]))
    )
    assert differences - set(KNOWN[target]) == set(), f"new differences:\n{report}"
    assert set(KNOWN[target]) - differences == set(), "listed differences that are gone"


@pytest.mark.parametrize("target", sorted(TOOLS))
def test_the_check_warns_of_each_known_difference_and_of_nothing_else(target):
    """The pre-publish check's words come from ``target_dialect``: it must flag every
    difference the real generator was seen to make, and none of the posts it builds alike.
    (``NOT_WARNED``: what the check says otherwise, or is not worth a word.)"""
    from smugdesk.core.target_dialect import differences

    alike = {**{n: b for n, b in CORPUS.items() if n not in KNOWN[target]}, **generated(target)}
    for name in set(KNOWN[target]) - set(NOT_WARNED):
        assert differences(CORPUS[name], target), f"{target}: no warning for {name}"
    for name, body in alike.items():
        assert differences(body, target) == [], f"{target}: a warning for {name}"


@pytest.mark.parametrize("target", ["hugo", "jekyll"])
def test_with_the_mathml_option_the_built_page_has_the_preview_math(target, tmp_path):
    """The site draws the math as the preview does (Hugo with raw HTML allowed, as the
    option's help says: Goldmark leaves MathML out otherwise)."""
    if shutil.which(TOOLS[target]) is None:
        pytest.skip(f"{target} is not installed")
    body = "Energy $E=mc^2$ here, $5 is money.\n\n$$\n\\frac{a}{b}\n$$\n\nAfter."
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    built = _build(target, tmp_path / "site", drafts, {"math_post": body}, mathml=True)
    assert built["math_post"] == preview(body)
    assert built["math_post"].count("<math>") == 2

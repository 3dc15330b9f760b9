"""Rendering: the Markdown a blogger writes comes out as the HTML they expect."""

from __future__ import annotations

import pytest

from smugdesk.core.embeds import parse_embed
from smugdesk.core.post import parse_post
from smugdesk.core.render import Renderer, page_css, render_page, render_post
from smugdesk.core.words import word_count


@pytest.fixture(scope="module")
def render():
    return Renderer().render


def test_tables(render):
    html = render("| Ward | Beds |\n|---|--:|\n| East | 12 |\n")
    assert "<table>" in html and "<th>Ward</th>" in html
    assert '<td style="text-align: right;">12</td>' in html


def test_footnotes_do_not_leak_into_the_next_render(render):
    assert 'class="footnote"' in render("A claim.[^src]\n\n[^src]: The source.\n")
    assert "footnote" not in render("No claims here.")


def test_code_blocks_are_coloured_by_pygments(render):
    html = render("```python\ndef visit(ward):\n    return ward\n```\n")
    assert '<div class="codehilite">' in html
    assert '<span class="k">def</span>' in html
    assert '<span class="nf">visit</span>' in html
    assert ".codehilite .k" in page_css()


def test_raw_html_passes_through(render):
    block = '<div class="callout">Visiting hours <b>changed</b></div>'
    html = render(block + '\n\nText <span id="x">inline</span>')
    assert '<div class="callout">Visiting hours <b>changed</b></div>' in html
    assert '<span id="x">inline</span>' in html


def test_smart_quotes_and_dashes(render):
    html = render('"Quoted" -- it\'s here --- now...')
    assert "&ldquo;Quoted&rdquo;" in html
    assert "&ndash;" in html and "&mdash;" in html and "&hellip;" in html
    assert "it&rsquo;s" in html


def test_extra_features(render):
    assert '<h2 id="update-new-figures">Update: new figures</h2>' in render(
        "## Update: new figures"
    )
    assert '<abbr title="Emergency Department">ED</abbr>' in render(
        "The ED is open.\n\n*[ED]: Emergency Department"
    )
    assert "<dl>" in render("Triage\n:   Sorting patients by urgency")
    assert '<p class="lead">Hi</p>' in render("Hi\n{: .lead }")
    assert '<ol start="3">' in render("3. three\n4. four")


def test_a_bare_video_url_on_its_own_line_is_an_embed(render):
    html = render("Watch this:\n\nhttps://vimeo.com/76979871\n\nAfter.")
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in html
    assert 'title="Vimeo video"' in html
    assert parse_embed("https://vimeo.com/76979871") is not None


def test_render_page_inlines_css_and_escapes_the_title():
    post = parse_post('---\ntitle: "Beds <&> budgets"\ndate: 2026-05-04\n---\nSee {{title}} here.')
    page = render_page(render_post(post))
    assert "<title>Beds &lt;&amp;&gt; budgets</title>" in page
    assert "4 May 2026" in page and 'datetime="2026-05-04"' in page
    assert ".post-title" in page and ".codehilite" in page
    assert "See {{title}} here." in page  # a post's text is never taken for a placeholder


def test_word_count():
    assert word_count("It’s a **bold** move — five words") == 6


def test_a_half_typed_toc_label_does_not_break_the_post():
    for text in ("## Ward {data-toc-label}", '## Ward {: data-toc-label  - nested="x"}'):
        html = Renderer().render(text)
        assert html.startswith("<h2 ") and 'id="ward"' in html and html.endswith(">Ward</h2>")

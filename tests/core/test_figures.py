"""Figures in the draft's Markdown: what the image dialog writes reads back the same, only
lone images with a caption, alignment or size are figures, code is left alone."""

from __future__ import annotations

import re

import pytest

from smugdesk.core.figures import (
    Figure,
    figure_element,
    figures_in_html,
    hugo_figure,
    markdown_figure,
    parse_figure,
    replace_figures,
)
from smugdesk.core.render import Renderer


@pytest.mark.parametrize(
    "figure",
    [
        Figure("Nurses", "a.assets/s.jpg", "The night shift", "center", 480),
        Figure("A [b] c", "my photos/s 1.jpg", 'Say "cheese" \\ now', "left", 0),
        Figure("", "s.png", "", "right", 0),
        Figure("x", "s.png", "", "", 300),
    ],
)
def test_what_the_dialog_writes_reads_back(figure):
    line = markdown_figure(figure.alt, figure.src, figure.caption, figure.align, figure.width)
    assert parse_figure(line) == figure


def test_a_plain_image_or_one_inside_a_paragraph_is_no_figure():
    assert parse_figure("![a](b.png)") is None
    body = 'Text ![a](b.png "c") more.\n\n![a](b.png "c")\nnext line\n\n```\n![a](b.png "c")\n```'
    assert replace_figures(body, lambda f: "FIGURE") == body


def test_lone_figures_are_replaced():
    body = 'Before.\n\n![a](b.png "Cap"){.align-left}\n\nAfter.'
    out = replace_figures(body, lambda f: f"<{f.caption}|{f.align}>")
    assert out == "Before.\n\n<Cap|left>\n\nAfter."


def test_each_idiom_escapes_what_it_carries():
    figure = Figure('a "b" <c>', "x.jpg", 'Cap "q" <script>', "center", 200)
    element = figure_element(figure, 'x".jpg')
    assert "<script>" not in element and 'src="x&quot;.jpg"' in element
    assert element.startswith('<figure class="align-center">')
    wordpress = figure_element(figure, "x.jpg", wordpress=True)
    assert 'class="wp-block-image aligncenter is-resized"' in wordpress
    assert '<figcaption class="wp-element-caption">' in wordpress
    shortcode = hugo_figure(figure, "x.jpg")
    assert 'caption="Cap \\"q\\" <script>"' in shortcode and shortcode.endswith(" >}}")


def test_the_renderers_output_becomes_a_figure():
    html = Renderer().render('![Nurses](s.jpg "The night shift"){.align-right width="320"}\n')
    out = figures_in_html(html)
    assert out.startswith('<figure class="align-right"><img src="s.jpg" alt="Nurses" width="320">')
    assert "<figcaption>The night shift</figcaption></figure>" in out
    plain = Renderer().render("![Nurses](s.jpg)\n")
    assert figures_in_html(plain) == plain


def test_the_preview_shows_caption_and_alignment_where_the_line_is():
    from smugdesk.core.preview_text import preview_renderer

    text = (
        "Intro.\n\n"
        '![Ward <b>](s.jpg "The <night> shift"){.align-right .framed width="320"}\n\n'
        "![plain](p.jpg)\n\n"
        'In a sentence ![inline](i.jpg "not a figure") stays an image.\n'
    )
    out = "".join(preview_renderer("placeholder").render(text).parts)
    # data-line is relative to each chunk: the preview adds the chunk's start.
    assert re.search(
        '<figure class="align-right" data-line="\\d+"><img alt="Ward &lt;b&gt;" class="framed"'
        ' src="s.jpg" width="320"><figcaption>The &lt;night&gt; shift</figcaption></figure>',
        out,
    )
    assert re.search('<p data-line="\\d+"><img alt="plain" src="p.jpg"></p>', out)
    assert 'title="not a figure"' in out and out.count("<figure") == 1


def test_exports_keep_their_own_idiom_not_the_previews():
    # The HTML export and WordPress turn <p><img></p> into their figure after rendering.
    html = Renderer().render('![a](s.jpg "cap")\n')
    assert html.startswith("<p><img") and "<figure" not in html

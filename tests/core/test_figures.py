"""Figures in the draft's Markdown: what the image dialog writes reads back the same, only
lone images with a caption, alignment or size are figures, code is left alone."""

from __future__ import annotations

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

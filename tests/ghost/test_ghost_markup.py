"""Which parts of a post go to Ghost as its own cards and which in HTML cards (no server:
the real Ghost's side is in test_ghost_publisher.py)."""

from __future__ import annotations

import pytest

from smugdesk.publish.ghost_markup import CARD_BEGIN, CARD_END, for_ghost, native


@pytest.mark.parametrize(
    "part",
    [
        "<p>Plain <strong>bold</strong>, <em>em</em>, <code>x</code>, "
        '<a href="https://example.org">a link</a>.</p>',
        '<h2 id="what-worked">What worked</h2>',
        "<h3>No id</h3>",
        "<ul>\n<li>one<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>",
        "<ol>\n<li>first</li>\n</ol>",
        "<hr>",
        "<blockquote>One paragraph, as Ghost's quote card writes it.</blockquote>",
        '<p><img alt="Buoy" src="https://example.org/b.png"></p>',
        '<figure class="wp-block-image"><img src="https://example.org/a.png" alt="A">'
        '<figcaption class="wp-element-caption">Cap</figcaption></figure>',
        '<div class="embed embed-video embed-youtube">\n'
        '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n</div>',
        '<figure class="kg-card kg-image-card"><img src="https://example.org/a.png" '
        'class="kg-image" alt="" loading="lazy" width="600" height="400"></figure>',
        '<div class="kg-card kg-callout-card kg-callout-card-grey"><div>!</div></div>',
    ],
)
def test_what_ghosts_own_cards_keep(part):
    assert native(part)
    assert for_ghost(part) == part


@pytest.mark.parametrize(
    "part",
    [
        '<h3 id="custom-id">Third level</h3>',  # Ghost would rename the anchor
        '<h2 id="caf">Café</h2>',
        '<p>A <a href="https://example.org" title="T">titled</a> link.</p>',
        "<p>Old <del>struck</del> text.</p>",
        '<p>The <abbr title="Harbour Master">HM</abbr>.</p>',
        '<p>Note.<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>',
        '<ol start="3">\n<li>three</li>\n</ol>',
        '<ul class="task-list">\n<li class="task-list-item"><input type="checkbox" disabled/>'
        " open</li>\n</ul>",
        "<blockquote>\n<p>Two</p>\n<p>paragraphs</p>\n</blockquote>",
        "<table><tr><td>1</td></tr></table>",
        '<div class="codehilite"><pre><span></span><code>x = 1\n</code></pre></div>',
        "<dl><dt>Term</dt><dd>Definition</dd></dl>",
        '<figure class="wp-block-image aligncenter is-resized"><img src="a.png" alt="" '
        'width="480"></figure>',
        '<figure class="wp-block-image alignleft"><img src="a.png" alt=""></figure>',
        '<p><img alt="" src="a.png" width="300"></p>',
        '<p><a href="https://example.org"><img alt="" src="a.png"></a></p>',
        '<div class="arithmatex"><math display="block"><mi>x</mi></math></div>',
        "<details><summary>More</summary>Hidden</details>",
        "<p>Text <!-- a comment --> here.</p>",
        "Loose text with no element",
    ],
)
def test_what_goes_in_an_html_card(part):
    assert not native(part)
    assert for_ghost(part) == f"{CARD_BEGIN}\n{part}\n{CARD_END}"


def test_cards_already_there_are_not_wrapped_again():
    post = "<p>Words.</p>\n<table><tr><td>1</td></tr></table>\n<dl><dt>a</dt><dd>b</dd></dl>"
    once = for_ghost(post)
    assert once.count(CARD_BEGIN) == 2 and once.startswith("<p>Words.</p>")
    assert for_ghost(once) == once

"""Drafts downloaded from a blog (block comments, kept-HTML markers, verbatim fences with
blank lines, shortcodes) render the same in the preview's chunks as in one whole render,
before and after edits, and the fences are never cut apart."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smugdesk.core.chunking import split_chunks
from smugdesk.core.incremental import IncrementalRenderer
from smugdesk.core.raw_blocks import kept_block, raw_block
from smugdesk.core.render import Renderer

WORDS = st.sampled_from(
    ["ward", "nurse", '"quoted"', "it's", "*care*", "[gallery ids=\"1,2\"]", "--", "<b>x</b>",
     "[embed]https://youtu.be/a_b[/embed]", "[^a]", "[link][ref]", "~~old~~", "$x^2$",
     "https://example.org/a", "www.example.com"]
)  # fmt: skip
LINE = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
IMAGE = (
    '<!-- wp:image {"id":12,"sizeSlug":"large"} -->\n<figure class="wp-block-image">'
    '<img src="x.jpg" class="wp-image-12"/></figure>\n<!-- /wp:image -->'
)
CODE = (
    '<!-- wp:code -->\n<pre class="wp-block-code"><code lang="python">a = 1\n\nb = 2'
    "</code></pre>\n<!-- /wp:code -->"
)


def wp_kept(text: str) -> str:
    return f"<!-- wp:paragraph -->\n{kept_block(f'<p>{text}</p>', text)}\n<!-- /wp:paragraph -->"


def classic(text: str) -> str:
    return raw_block(f'Classic {text}\n\n[caption id="c"]<img src="a.jpg"> {text}[/caption]\n\nx')


BLOCKS = st.one_of(
    LINE,
    LINE.map(lambda t: f"<!-- wp:paragraph -->\n{t}\n<!-- /wp:paragraph -->"),
    LINE.map(wp_kept),
    LINE.map(lambda t: kept_block(f"<h2>{t}</h2>", "## " + t)),
    LINE.map(lambda t: kept_block("<p>was</p>", t)),  # a stale marker: rendered anew
    LINE.map(classic),
    LINE.map(lambda t: f"<!-- wp:group -->\n\n{t}\n\n<!-- /wp:group -->"),
    st.just(IMAGE),
    st.just(CODE),
    st.just("- item\n\n    <!-- wp:paragraph -->"),
    st.just("[^a]: A note"),
    st.just("[ref]: https://example.org/ref"),
    st.just("```\n<!-- smugdesk:html -->\n```"),
    st.just("<!-- smugdesk:html -->"),  # a fence still being typed
    st.just("<!-- /smugdesk:html -->"),
    # The dialect next to kept HTML: a downloaded two-space list, a task list, math.
    LINE.map(lambda t: f"- {t}\n  - nested {t}\n    - deeper\n- [ ] {t}"),
    LINE.map(lambda t: f"$$\nx^2 {t}\n$$"),
    LINE.map(lambda t: raw_block(f"- {t}\n  - kept as typed ~~{t}~~ $x$")),
)
DOCUMENT = st.lists(BLOCKS, min_size=1, max_size=10).map("\n\n".join)
# Typing: words, line breaks, a quote left open in an attribute, a fence line on its own.
TYPED = st.one_of(WORDS, st.sampled_from(["\n", "\n\n", '"', "<!-- /smugdesk:html -->\n"]))
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 6), TYPED)


def strip_lines(html: str) -> str:
    return re.sub(r' data-line="-?\d+"', "", html)


def whole(text: str) -> str:
    return strip_lines(Renderer(embeds="placeholder", source_lines=True).render(text))


def chunked(renderer: IncrementalRenderer, text: str) -> str:
    return strip_lines(renderer.render(text).html())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_a_downloaded_draft_renders_the_same_in_chunks(text):
    incremental = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    assert chunked(incremental, text) == whole(text), text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT, st.lists(EDIT, min_size=1, max_size=6))
def test_edits_to_a_downloaded_draft_render_the_same_in_chunks(text, edits):
    incremental = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    incremental.render(text)
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
        assert chunked(incremental, text) == whole(text), text


def test_a_verbatim_fence_with_blank_lines_is_one_chunk():
    fence = raw_block('Classic text\n\n[gallery ids="1,2"]\n\nMore classic text')
    chunks, _ = split_chunks(f"Before.\n\n{fence}\n\nAfter.")
    texts = [chunk.text.strip() for chunk in chunks]
    assert fence in texts, texts


def test_block_comments_let_a_block_post_be_cut_into_chunks():
    """A post from the block editor is all comment-led blocks: each may start a chunk, so
    an edit re-renders one paragraph, not the post."""
    blocks = [f"<!-- wp:paragraph -->\nParagraph {n}.\n<!-- /wp:paragraph -->" for n in range(50)]
    text = "\n\n".join(blocks)
    assert len(split_chunks(text)[0]) == 50
    incremental = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    incremental.render(text)
    incremental.render(text.replace("Paragraph 20.", "Paragraph twenty."))
    assert incremental.rendered_chunks == 1


def test_a_quote_left_open_while_typing_renders_as_a_whole_render_does():
    """Typing ``class="`` in a figure leaves a quote open: Python-Markdown reads on to the
    next quote, blank lines and all, and so must the chunks."""
    text = "\n\n".join([IMAGE, "<!-- wp:paragraph -->\nward\n<!-- /wp:paragraph -->", IMAGE])
    incremental = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    incremental.render(text)
    typed = text.replace('class="wp-image-12"/>', 'class="wp-image-/>', 1)
    assert chunked(incremental, typed) == whole(typed)


def test_a_tag_name_ending_its_line_holds_the_chunk_open_as_the_html_parser_does():
    # "<p" alone at a line's end: its attributes (and ">") come on later lines, blank lines
    # and all; found by the edit sequence test (typing a line break inside a tag).
    text = (
        'ward<!-- wp:code -->\n<p\n\nre class="wp-block-code"><code l<!-- /smugdesk:html -->\n'
        'ang="python">a = 1\n\nb = 2</code></pre>\n<!-- /wp:code -->'
    )
    renderer = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    assert strip_lines(chunked(renderer, text)) == strip_lines(whole(text))


def test_a_kept_marker_does_not_close_a_comment_left_open_above_it():
    # "--ward>": a comment's end being typed. The kept marker under it is taken out before
    # the HTML parser reads the text, so the comment runs on to the next block's "-->".
    text = "\n\n".join(
        [
            "<!-- wp:paragraph -->\n" + kept_block("<p>ward</p>", "ward") + "\n<!-- /wp:p --ward>",
            kept_block("<h2>ward www.example.com</h2>", "## ward www.example.com"),
            "<!-- wp:paragraph -->\nward\n<!-- /wp:paragraph -->",
        ]
    )
    renderer = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    assert strip_lines(chunked(renderer, text)) == strip_lines(whole(text))


@pytest.mark.parametrize(
    "typed",
    [
        'nurse <b>x</bward [gallery ids="1,2"]',  # an end tag begun, no ">" yet
        '"quoted" <b>x</bward"quoted" [gallery]',  # an end tag's name as html.parser reads it
        "ward <b>x<https://example.org/a",  # "<" and a letter: a start tag, whatever follows
    ],
)
def test_a_tag_being_typed_reads_on_to_its_end_across_blank_lines(typed):
    """html.parser reads a tag begun in a paragraph on to its ">" (here the one ending a
    comment lines down), blank lines and all: the comment is then no raw block. The chunks
    must not be cut inside it."""
    text = f"{typed}\n\n<!-- wp:paragraph -->\nward\n<!-- /wp:paragraph -->\n\nafter\n"
    renderer = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    assert chunked(renderer, text) == whole(text)

"""A long post's first render in slices (issue 22): the first result is the chunks around
the editor's place, later calls fill in the rest, an edit made meanwhile is rendered
before any more filling, and the end is the very HTML of a render in one go."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smugdesk.core.incremental import IncrementalRenderer
from smugdesk.core.incremental_parts import PENDING_PART
from smugdesk.core.render import Renderer

BLOCKS = st.sampled_from(
    [
        "A paragraph about the ward.",
        "Another one, with *emphasis* and a [link][ref].",
        "## Same heading",
        "## Other heading",
        "- a list\n- of two",
        "> a quote",
        "```\ncode\n\nmore code\n```",
        "Cited[^a] here.",
        "Cited[^b] there, and[^a] again.",
        "[^a]: The first note.",
        "[^b]: The second note.",
        "[ref]: https://example.org/ref",
        "*[HTML]: Hyper Text Markup Language",
        "HTML in a sentence.",
        "[TOC]",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "<div>\n\nraw\n\n</div>",
    ]
)
DOCUMENT = st.lists(BLOCKS, min_size=1, max_size=40).map("\n\n".join)
IDS = re.compile(r' id="[^"]*"| href="#[^"]*"|<div class="toc">.*?</div>', re.DOTALL)


def renderer() -> IncrementalRenderer:
    return IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))


def sliced(text: str, focus: int, first: int, rest: int) -> list:
    """Every result of a first render in slices, up to the complete one."""
    incremental = renderer()
    incremental.slice_limit, incremental.focus_line = first, focus
    results = [incremental.render(text)]
    incremental.slice_limit = rest
    while results[-1].pending:
        assert len(results) < 1000, "filling in never ended"
        results.append(incremental.render(text))
    return results


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT, st.integers(0, 200), st.integers(0, 4), st.integers(1, 6))
def test_slices_end_as_the_render_in_one_go_and_show_no_wrong_part(text, focus, first, rest):
    whole = renderer().render(text)
    results = sliced(text, focus, first, rest)
    final = results[-1]
    assert final.parts == whole.parts and final.starts == whole.starts
    assert final.html() == whole.html()
    if whole.whole:
        return  # a document that cannot be cut comes in one piece
    for result in results[:-1]:
        assert result.starts == final.starts  # every chunk has its place from the start
        assert result.pending > 0
        for part, done in zip(result.parts, final.parts, strict=True):
            if part is not PENDING_PART:
                # Only what the whole document decides may still change: ids and [TOC].
                assert IDS.sub("", part) == IDS.sub("", done)
    pending = [result.pending for result in results]
    assert pending == sorted(pending, reverse=True) and pending[-1] == 0


def manuscript(paragraphs: int) -> str:
    return "\n\n".join(f"Paragraph {n} on the ward." for n in range(paragraphs))


def shown(result) -> list[int]:
    return [i for i, part in enumerate(result.parts) if part is not PENDING_PART]


def test_the_first_slice_is_the_editors_place_and_what_follows():
    text = manuscript(400)
    incremental = renderer()
    incremental.slice_limit, incremental.focus_line = 10, 2 * 200  # paragraph 200
    result = incremental.render(text)
    assert result.pending == 390
    assert shown(result) == list(range(198, 208))  # mostly below: what the window shows
    assert "Paragraph 200 on" in result.parts[200]
    assert result.words == renderer().render(text).words  # counts are whole at once


def test_an_edit_while_filling_in_is_rendered_before_more_filling():
    text = manuscript(400)
    incremental = renderer()
    incremental.slice_limit, incremental.focus_line = 10, 0
    incremental.render(text)
    edited = text.replace("Paragraph 350 on", "Paragraph 350, edited, on")
    result = incremental.render(edited)  # far from the focus, but typed
    assert "Paragraph 350, edited, on" in result.parts[350]
    # A slice more besides: the edited chunk (and the few around it scanned again).
    assert 400 - 10 - 10 - 16 <= result.pending <= 400 - 10 - 10 - 1


def test_without_a_slice_limit_a_partial_render_is_completed():
    text = manuscript(100)
    incremental = renderer()
    incremental.slice_limit = 5
    assert incremental.render(text).pending
    incremental.slice_limit = None
    result = incremental.render(text)
    assert result.pending == 0 and result.parts == renderer().render(text).parts


def test_the_footnote_list_waits_for_every_citation():
    text = "\n\n".join(
        [f"Paragraph {n} cites[^n{n}]." for n in range(30)]
        + [f"[^n{n}]: Note {n}." for n in range(30)]
    )
    incremental = renderer()
    incremental.slice_limit = 5
    first = incremental.render(text)
    assert first.starts[-1] == -1 and first.parts[-1] is PENDING_PART
    incremental.slice_limit = 100
    final = incremental.render(text)
    assert final.parts == renderer().render(text).parts
    assert final.parts[-1].count("<li") == 30

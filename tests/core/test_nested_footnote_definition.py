"""A footnote definition indented under another footnote (a writer typing one note inside
another) made Python-Markdown fail while building the footnote list; the post renders."""

from __future__ import annotations

from smugdesk.core.incremental import IncrementalRenderer
from smugdesk.core.render import Renderer

TEXT = (
    "Visiting hours changed[^a].\n\n"
    "[^a]: From Monday\n    [^b]: a note typed inside the first\n\n"
    "[^c]: Another note\n\nTerm\n: its definition\n"
)


def test_a_footnote_defined_inside_another_renders_whole_and_in_chunks():
    whole = Renderer(embeds="placeholder", source_lines=True).render(TEXT)
    assert 'href="#fn:a"' in whole and "From Monday" in whole
    incremental = IncrementalRenderer(Renderer(embeds="placeholder", source_lines=True))
    assert incremental.render(TEXT).html() == whole

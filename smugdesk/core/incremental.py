"""Render only what changed: the body is cut into chunks at block boundaries where no
Markdown construct can reach across, each chunk's HTML is cached by its text, and the
document-wide parts are put back so the result is the very HTML a whole render gives.

Document-wide parts, and how each stays exact:
- reference links, abbreviations and footnote definitions: every chunk is rendered with all
  of the document's definitions in front of it (they render to nothing themselves);
- footnote numbers come from the definitions' order. A chunk is given only the footnote
  definitions it references (every footnote defined costs its share of a footnote list
  in each render: 126 footnotes made a one-paragraph render take 50 ms), and its numbers
  are then put right by label; the footnote list at the end is rendered once from the
  references in document order; the chunks citing a footnote another chunk cites are
  rendered together in one pass (the ids of repeated citations: ``_cited_together``);
- heading ids (``toc``) are unique within a whole render: chunks are rendered with a mark
  for each heading's id, and the ids are given once all chunks are known, in document
  order, by toc's own ``unique`` against every id the document writes;
- ``[TOC]``: the chunk with the marker renders a table of its own headings; at assembly
  toc's own builder makes the document's from every chunk's headings (their final ids)
  and it takes that one's place;
- ``data-line`` (scroll sync) is kept relative to the chunk, with the chunk's first line
  beside it, so a line added above does not change the HTML of the chunks below.

Where the chunks are cut, and how an edit is scanned: ``chunking.py``. A test renders
random documents and random edit sequences both ways and requires identical HTML.

A first render need not wait for the whole document (a manuscript's chunks cost ~2 s):
with ``slice_limit`` set, a call renders what an edit changed plus at most that many more
chunks, nearest ``focus_line`` first, and gives every other chunk the part ``PENDING_PART``;
calling again with the same text renders the next slice from the cache's progress. The
parts a partial result shows are the final ones, except what only the whole document
decides: a heading's id when an unrendered chunk writes the same one, ``[TOC]``'s list, a
repeated footnote citation's id. The footnote list waits (pending) until the end.
"""

from __future__ import annotations

import bisect
import inspect
import re
from html import unescape
from operator import attrgetter

from markdown.extensions.toc import slugify as toc_slugify
from markdown.extensions.toc import unique

from smugdesk.core.chunking import Chunk, Chunker, duplicate_labels
from smugdesk.core.incremental_parts import (
    DATA_LINE,
    PENDING,
    Definitions,
    Rendered,
    Result,
    same_ends,
    same_texts,
)
from smugdesk.core.render import Renderer
from smugdesk.core.words import word_count

_START = attrgetter("start")
# Python-Markdown 3.10+ passes a cache of taken suffixes (the same ids, found faster).
_COUNTERS = "counters" in inspect.signature(unique).parameters


def _unique(slug: str, used: set[str], counters: dict[str, int]) -> str:
    return unique(slug, used, counters) if _COUNTERS else unique(slug, used)


_FNREF = re.compile(r'<sup id="fnref(\d*):([^"]*)">')
_IDS = re.compile(r' id="([^"]*)"')
_HEADING_MARK = re.compile(r' id="sdh(\d+)x"')  # a heading whose id is given at assembly
_FOOTNOTE_DIV = '\n<div class="footnote">'
_WHOLE_ONLY = ("///Footnotes Go Here///", '<div class="toc"')  # the second: raw HTML
_TOC_MARKER = "[TOC]"
_TOC_DIV = re.compile(r'(<div class="toc">)(.*?)(</div>)', re.DOTALL)  # no div inside
_MARK = re.compile(r"sdh(\d+)x")
_HEADING_TAG = re.compile(r"<h[1-6][\s>]")
_FOOTNOTE_NUMBER = re.compile(r'(<a class="footnote-ref" href="#fn:)([^"]*)(">)(\d+)(</a>)')

# A paragraph put after each chunk: where it starts, the chunk's HTML ends, with the
# whitespace a whole render puts between this chunk and the next.
_END = "SMUGDESKCHUNKEND7f3a"
_TYPED_CHUNKS = 16  # an edit changing at most this many chunks is rendered before a slice


def _toc_entries(headings: list[dict]) -> tuple[tuple, ...]:
    """A render's headings as toc listed them, their marks numbered from 0 as the kept
    HTML numbers them (both in document order)."""
    entries = []
    marks = 0
    for heading in headings:
        ident = heading["id"]
        if _MARK.fullmatch(ident):
            ident = f"sdh{marks}x"
            marks += 1
        entries.append(
            (heading["level"], ident, heading["name"], heading["html"], heading["data-toc-label"])
        )
    return tuple(entries)


class IncrementalRenderer:
    """Keeps the HTML of recent chunks; ``render`` costs what changed, not the document."""

    CACHE_LIMIT = 20000  # chunks kept; a 100,000-word manuscript has about 2,500

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer  # whole renders
        # Chunks: the same, but a heading's id is a mark, given its final value once all
        # chunks are known (toc makes ids unique over the whole document).
        self._slugs: list[str] = []
        self._marking = Renderer(
            renderer.embeds,
            renderer.resolve_post,
            source_lines=renderer.source_lines,
            slugify=self._mark,
        )
        self._headed: dict[tuple[str, tuple[str, ...]], str] = {}
        self._cache: dict[tuple[str, str], Rendered] = {}
        self._footnotes: dict[tuple[str, tuple[str, ...]], Rendered] = {}
        self._definitions: tuple[str, Definitions] | None = None  # the last defs, grouped
        self._contents: dict[tuple, str] = {}  # [TOC]: the contents, by the headings
        self._together: dict[tuple, list[Rendered]] = {}  # chunks citing one footnote
        self._with_toc: dict[tuple[str, str], str] = {}  # a part with the contents put in
        self._defs = ""
        # The last call's chunks and what was made of them, to reuse all an edit left alone.
        self._chunked: tuple[list[Chunk], str, list[Rendered | None], int] | None = None
        self._named: tuple[list[Rendered], list[str], list[tuple[str, ...]]] | None = None
        self._counted: tuple[list[Chunk], int] | None = None
        self._words: dict[str, int] = {}
        self._chunker = Chunker()
        self.rendered_chunks = 0  # how many chunks the last call really rendered
        # A render in slices: None renders every chunk; a number, at most that many beyond
        # what the edit changed, nearest ``focus_line`` (a body line) first.
        self.slice_limit: int | None = None
        self.focus_line = 0
        self.pending = 0  # chunks the last call left unrendered

    def render(self, body: str) -> Result:
        self.rendered_chunks = 0
        self.pending = 0
        if any(marker in body for marker in _WHOLE_ONLY):
            return self._whole(body)
        chunks, definitions = self._chunker.split(body)
        if definitions is None:
            return self._whole(body)
        defs = "\n".join(definitions)
        if defs and chunks and chunks[0].text[:1] in (" ", "\t"):
            return self._whole(body)  # indented text would join a footnote put before it
        if duplicate_labels(definitions):
            return self._whole(body)
        if defs == self._defs:
            defs = self._defs  # the same object as before: the cache compares it by identity
        self._defs = defs
        rendered = self._chunks(chunks, defs)
        if None in rendered:
            return self._whole(body)
        labels = [set(item.refs) for item in rendered if item.refs]
        if sum(len(found) for found in labels) != len(set().union(*labels)):
            if _TOC_MARKER in body:
                return self._whole(body)  # chunks rendered together keep no headings list
            together = self._cited_together(chunks, rendered, defs)
            if together is None:
                return self._whole(body)
            rendered = together
        starts = [chunk.start for chunk in chunks]
        refs = tuple(label for item in rendered for label in item.refs)
        items = rendered
        if "[^" in defs:
            # Numbered from every citation: it waits for the last slice.
            notes = self._footnote_list(defs, refs) if not self.pending else PENDING
            items = [*rendered, notes]
            starts.append(-1)
        parts, names = self._name_headings(items)
        if _TOC_MARKER in body:
            parts = self._with_contents(items, parts, names)
        self._trim()
        pending = self.pending + (1 if "[^" in defs and self.pending else 0)
        return Result(parts, starts, words=self._count(chunks), pending=pending)

    def _mark(self, value: str, separator: str) -> str:
        self._slugs.append(toc_slugify(value, separator))
        return f"sdh{len(self._slugs) - 1}x"

    def _render_marked(self, source: str) -> tuple[str, list[str]]:
        self._slugs = []
        return self._marking.render(source), self._slugs

    @staticmethod
    def _kept_marks(html: str, slugs: list[str]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """The marks left in ``html`` numbered from 0, their slugs, and the other ids."""
        heads: list[str] = []

        def renumber(match: re.Match) -> str:
            heads.append(slugs[int(match[1])])
            return f' id="sdh{len(heads) - 1}x"'

        html = _HEADING_MARK.sub(renumber, html)
        ids = tuple(i for i in _IDS.findall(html) if not _HEADING_MARK.fullmatch(f' id="{i}"'))
        return html, tuple(heads), ids

    def _name_headings(self, rendered: list[Rendered]) -> tuple[list[str], list[tuple[str, ...]]]:
        """Headings' ids as toc gives them in a whole render: in document order, each made
        unique against every id written in the document and the headings' before it. The
        parts, and the ids given in each."""
        last = self._named
        if last is not None:
            old, old_parts, old_names = last
            start, end = same_ends(old, rendered)
            new = rendered[start : len(rendered) - end]
            if not any(item.heads or item.ids for item in (*old[start : len(old) - end], *new)):
                # No heading and no id came or went: every other part is named as before.
                parts = old_parts[:start] + [item.html for item in new]
                names = old_names[:start] + [()] * len(new)
                if end:
                    parts += old_parts[-end:]
                    names += old_names[-end:]
                self._named = (rendered, parts, names)
                return parts, names
        used: set[str] = set()
        for item in rendered:
            used.update(item.ids)
        counters: dict[str, int] = {}
        parts = []
        names: list[tuple[str, ...]] = []
        for item in rendered:
            if not item.heads:
                parts.append(item.html)
                names.append(())
                continue
            named = tuple(_unique(slug, used, counters) for slug in item.heads)
            names.append(named)
            key = (item.html, named)
            html = self._headed.get(key)
            if html is None:
                html = self._headed[key] = _HEADING_MARK.sub(
                    lambda m, named=named: f' id="{named[int(m[1])]}"', item.html
                )
            parts.append(html)
        self._named = (rendered, parts, names)
        return parts, names

    def _with_contents(
        self, rendered: list[Rendered], parts: list[str], names: list[tuple[str, ...]]
    ) -> list[str]:
        """``[TOC]``: each chunk rendered its own headings' contents; the whole document's
        are put in their place, built by toc itself from every chunk's headings."""
        headings = []
        for item, named in zip(rendered, names, strict=True):
            for level, ident, name, inner, label in item.toc:
                mark = _MARK.fullmatch(ident)
                headings.append(
                    {
                        "level": level,
                        "id": named[int(mark[1])] if mark else ident,
                        "name": name,
                        "html": inner,
                        "data-toc-label": label,
                    }
                )
        key = tuple(tuple(heading.values()) for heading in headings)
        contents = self._contents.get(key)
        if contents is None:
            div = self._marking.table_of_contents(headings)
            contents = self._contents[key] = div[len('<div class="toc">') : -len("</div>")]
        out = []
        for part in parts:
            if '<div class="toc">' in part:
                done = self._with_toc.get((part, contents))
                if done is None:
                    done = self._with_toc[(part, contents)] = _TOC_DIV.sub(
                        lambda m: m[1] + contents + m[3], part
                    )
                part = done
            out.append(part)
        return out

    def _whole(self, body: str) -> Result:
        self.rendered_chunks = 1
        return Result([self.renderer.render(body)], [0], whole=True, words=word_count(body))

    def _count(self, chunks: list[Chunk]) -> int:
        """Words of the body: per chunk, cached (no word spans the blank line between);
        after an edit, the last total with the changed chunks' counts swapped."""
        if self._counted is None:
            total = sum(self._words_in(chunk.text) for chunk in chunks)
        else:
            old, total = self._counted
            start, end = same_texts(old, chunks)
            total -= sum(self._words_in(chunk.text) for chunk in old[start : len(old) - end])
            total += sum(self._words_in(chunk.text) for chunk in chunks[start : len(chunks) - end])
        self._counted = (chunks, total)
        return total

    def _words_in(self, text: str) -> int:
        found = self._words.get(text)
        if found is None:
            found = self._words[text] = word_count(text)
        return found

    def _chunks(self, chunks: list[Chunk], defs: str) -> list[Rendered | None]:
        # Definitions matter to a chunk that may use them: a reference or footnote needs a
        # "[", an abbreviation can be any word. (A loop, not a call per chunk: a manuscript
        # has thousands, looked up on every keystroke.)
        every = "*[" in defs
        cache = self._cache
        start = end = 0
        old_rendered: list[Rendered | None] = []
        last = self._chunked
        if last is not None and last[1] is defs:
            old_chunks, _defs, old_rendered, _pending = last
            start, end = same_texts(old_chunks, chunks)  # a keystroke: all but one or two
        limit = self.slice_limit
        waiting = last is not None and last[3] > 0  # the last call left chunks to render
        rendered = old_rendered[:start]
        for chunk in chunks[start : len(chunks) - end]:
            text = chunk.text
            key = (text, defs if (every or "[" in text) else "")
            found = cache.get(key)
            if found is None:
                if limit is None:
                    found = self._chunk(key)
                else:
                    found, waiting = PENDING, True
            rendered.append(found)
        if end:
            rendered += old_rendered[-end:]
        if waiting:  # (a keystroke in a post rendered whole does not look for any)
            self._fill(chunks, rendered, defs, (start, len(chunks) - end), last is not None)
        self._chunked = (chunks, defs, rendered, self.pending)
        return rendered

    def _fill(
        self,
        chunks: list[Chunk],
        rendered: list[Rendered | None],
        defs: str,
        changed: tuple[int, int],
        edited: bool,
    ) -> None:
        """Render pending chunks in place: all of them without a slice limit; else what an
        edit changed (typing comes first) and the ``slice_limit`` nearest the focus."""
        waiting = [i for i, item in enumerate(rendered) if item is PENDING]
        limit = self.slice_limit
        if limit is not None and waiting:
            first, stop = changed
            typed = edited and stop - first <= _TYPED_CHUNKS
            focus = max(0, bisect.bisect_right(chunks, self.focus_line, key=_START) - 1)

            def order(i: int) -> tuple[int, int]:
                if typed and first <= i < stop:
                    return (0, 0)
                # Below the focus is what the window shows; a little above, to scroll up.
                return (1, i - focus if i >= focus else 3 * (focus - i))

            waiting.sort(key=order)
            limit += sum(1 for i in waiting[:_TYPED_CHUNKS] if order(i)[0] == 0)
        every = "*[" in defs
        for number, i in enumerate(waiting):
            if limit is not None and number >= limit:
                self.pending = len(waiting) - number
                return
            text = chunks[i].text
            key = (text, defs if (every or "[" in text) else "")
            found = self._cache.get(key)
            rendered[i] = found if found is not None else self._chunk(key)
        self.pending = 0

    def _chunk(self, key: tuple[str, str]) -> Rendered | None:
        found = self._render_pieces((key[0],), key[1])
        if found is None:
            return None  # the chunk swallowed what follows it: it cannot stand alone
        self._cache[key] = found[0]
        return found[0]

    def _render_pieces(self, texts: tuple[str, ...], defs: str) -> list[Rendered] | None:
        """Chunks rendered in one pass, in order, each followed by the end paragraph (one
        chunk, or those citing the same footnote: see ``_cited_together``)."""
        self.rendered_chunks += len(texts)
        used = None
        if defs and "[^" in defs:
            used = self._grouped(defs).for_text("\n\n".join(texts))
        given = defs if used is None else used
        pieces = "\n\n".join(f"{text}\n\n{_END}" for text in texts)
        source = f"{given}\n\n{pieces}" if defs else pieces
        html, slugs = self._render_marked(source)
        toc = _toc_entries(self._marking.last_headings()) if len(texts) == 1 else ()
        line = given.count("\n") + 2 if defs else 0  # where the first chunk starts
        numbers = self._grouped(defs).numbers if used is not None else {}
        position = 0
        found = []
        for text in texts:
            end = html.find(f">{_END}</p>", position)
            cut = html.rfind("<p", position, end) if end >= 0 else -1
            if cut < 0:
                return None
            piece = html[position:cut]
            if position:
                piece = piece.removeprefix("\n")  # the line break after an end paragraph
            position = end + len(_END) + 5
            if line:
                piece = DATA_LINE.sub(lambda m, s=line: f' data-line="{int(m[1]) - s}"', piece)
            line += text.count("\n") + 4
            if used is not None and "footnote-ref" in piece:
                piece = _FOOTNOTE_NUMBER.sub(
                    lambda m: f"{m[1]}{m[2]}{m[3]}{numbers.get(m[2], m[4])}{m[5]}", piece
                )
            piece, heads, ids = self._kept_marks(piece, slugs)
            refs = tuple(m[2] for m in _FNREF.finditer(piece))
            found.append(Rendered(piece, ids, refs, heads, toc))
        after = html[position:]
        if after.strip() and not after.startswith(_FOOTNOTE_DIV):
            return None  # the last chunk swallowed what follows it
        if _HEADING_TAG.search(after):
            return None  # a heading in a footnote: its place in the contents is not known
        return found

    def _cited_together(
        self, chunks: list[Chunk], rendered: list[Rendered], defs: str
    ) -> list[Rendered] | None:
        """A footnote cited from two chunks: Python-Markdown numbers the second citation's
        id (fnref2:) in the order its inline pass meets them, which is not document order
        once lists or quotes are involved. That pass meets the citations of some chunks in
        the same order whatever other chunks stand between them, so the chunks that cite a
        footnote another chunk cites are rendered together, in one pass, and cut apart."""
        seen: dict[str, int] = {}
        for item in rendered:
            for label in set(item.refs):
                seen[label] = seen.get(label, 0) + 1
        shared = {label for label, count in seen.items() if count > 1}
        group = [i for i, item in enumerate(rendered) if shared.intersection(item.refs)]
        key = (tuple(chunks[i].text for i in group), defs)
        together = self._together.get(key)
        if together is None:
            together = self._render_pieces(key[0], defs)
            if together is None:
                return None
            self._together[key] = together
        out = list(rendered)
        for i, item in zip(group, together, strict=True):
            out[i] = item
        return out

    def _grouped(self, defs: str) -> Definitions:
        if self._definitions is None or self._definitions[0] != defs:
            self._definitions = (defs, Definitions.of(defs))
        return self._definitions[1]

    def _footnote_list(self, defs: str, refs: tuple[str, ...]) -> Rendered:
        key = (defs, refs)
        found = self._footnotes.get(key)
        if found is None:
            self.rendered_chunks += 1
            # The labels come from the HTML: escaped there, as written in the source here.
            calls = "".join(f"[^{unescape(label)}]" for label in refs) or "x"
            html, slugs = self._render_marked(f"{defs}\n\n{calls}")
            toc = _toc_entries(self._marking.last_headings())
            cut = html.find(_FOOTNOTE_DIV)
            html, heads, ids = self._kept_marks(html[cut + 1 :] if cut >= 0 else "", slugs)
            found = self._footnotes[key] = Rendered(html, ids, (), heads, toc)
        return found

    def _trim(self) -> None:
        caches = (self._cache, self._footnotes, self._words, self._headed, self._contents)
        for cache in (*caches, self._with_toc, self._together):
            if len(cache) > self.CACHE_LIMIT:
                for key in list(cache)[: len(cache) // 2]:  # oldest first (dicts keep order)
                    del cache[key]

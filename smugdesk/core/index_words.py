"""What a search's words become: the FTS5 query, a pattern finding them again in a title or
a text, and the snippet with them marked for the list to show in bold."""

from __future__ import annotations

import re

from smugdesk.core.library_view import MARK_END, MARK_START

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """An FTS5 query from what a person typed: every word must match, as a word start (so
    "nurse" finds "nurses"). Quoting each word keeps FTS5's own syntax (AND, NEAR, *, :, -)
    from surprising anyone."""
    return " AND ".join(f'"{word}"*' for word in _WORD.findall(text))


def word_marker(query: str) -> re.Pattern:
    """Finds words that start with one of the query's words, any case (what FTS5 matched,
    but for accents)."""
    words = sorted(set(_WORD.findall(query)), key=len, reverse=True) or ["\x00"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.IGNORECASE)


def mark(match: re.Match) -> str:
    # A function, not a template such as "\x02\\g<0>\x03": Python 3.11 expands templates
    # with groups in Python code, twice as slow over a search's 500 titles.
    return f"{MARK_START}{match.group(0)}{MARK_END}"


def snippet(body: str, marker: re.Pattern, words: int = 12) -> str:
    """About ``words`` words of ``body`` around its first match, matches marked."""
    found = marker.search(body)
    start = found.start() if found else 0
    before = body[max(0, start - 80) : start].split()[-(words // 3) :] if start else []
    after = body[start : start + 200].split()[: words - len(before)]
    text = " ".join(before + after)
    lead = "…" if start and body[:start].strip() and before != body[:start].split() else ""
    return lead + marker.sub(mark, text) + "…"

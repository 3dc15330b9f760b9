"""``smugdesk list --json`` straight from the index's rows: each line the very text
``json.dumps(entry_json(entry, drafts))`` gives, without building the entry, its dict and
json's encoder state for each of 50,000 posts (three quarters of a warm list's time)."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from smugdesk.core.library_view import entry_json

# json.dumps' own string encoder (C, ASCII-only output, as json.dumps writes by default).
_quote = json.encoder.encode_basestring_ascii
_fromtimestamp = dt.datetime.fromtimestamp


def json_lines(rows: Iterable[tuple], drafts: Path, slow_entry) -> Iterator[str]:
    """One JSON object per index row (PostIndex.rows). ``slow_entry`` turns a row into an
    Entry for the rare row this does not write itself (a path outside ``drafts``, a value
    of an unexpected type): those go through entry_json."""
    root = str(drafts) + os.sep
    cut = len(root)
    for row in rows:
        (
            path,
            title,
            slug,
            date,
            status,
            tags,
            categories,
            summary,
            words,
            edited,
            _size,
            problem,
        ) = row
        try:
            if not path.startswith(root) or type(words) is not int:
                raise TypeError
            yield (
                f'{{"path": {_quote(path)}, "relative_path": {_quote(path[cut:])},'
                f' "title": {_quote(title)}, "slug": {_quote(slug)},'
                f' "date": {_quote(date) if date else "null"}, "status": {_quote(status)},'
                f' "tags": {_list(tags)}, "categories": {_list(categories)},'
                f' "summary": {_quote(summary)}, "words": {words},'
                f' "edited": "{_fromtimestamp(edited / 1e9).isoformat(timespec="seconds")}",'
                f' "problem": {_quote(problem) if problem else "null"}}}'
            )
        except TypeError:
            yield json.dumps(entry_json(slow_entry(row), drafts))


def _list(lines: str) -> str:
    """A list the index keeps as "\\nitem\\nitem\\n" (see index_pool.join_lines)."""
    items = [_quote(item) for item in lines.split("\n") if item] if lines else ()
    return f"[{', '.join(items)}]"

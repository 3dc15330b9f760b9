"""The lines of ``smugdesk list``: for a person (``entry_line``) or JSON for scripts
(``json.dumps(entry_json(...))``), from what the index keeps.

Why kept: a warm list of 50,000 posts spent two thirds of its time building 600,000 Python
objects (a row of twelve values a post) and the text of each line from them. The index
writes each post's line and JSON when it reads the post (neither depends on anything but
the file and the drafts folder the index was made for); a listing hands over one string a
post.
"""

from __future__ import annotations

from smugdesk.core.index import PostIndex


def listing(
    index: PostIndex,
    kind: str = "text",
    sort: str = "date",
    status: str | None = None,
    tag: str | None = None,
) -> list[str]:
    """The list's lines ("text" or "json"), the index first brought up to date with the
    files. A whole listing also tells which files changed: its sizes and times are what
    the walk of the folder is checked against."""
    column = "json_line" if kind == "json" else "list_line"
    rows = index.listed(column, sort, status, tag)
    whole = not (status or tag)
    known = {path: (size, mtime) for path, size, mtime, _line in rows} if whole else None
    changes = index.changes(known)
    if changes.stale or changes.removed:
        index.apply(changes)
        rows = index.listed(column, sort, status, tag)
    return [line for _path, _size, _mtime, line in rows]

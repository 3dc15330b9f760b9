"""How a library entry reads: a line for the terminal, a JSON object for scripts, and the
highlighted text the library pane shows."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path
from typing import Any

from smugdesk.core.library_scan import Entry

# What the index puts around a matched word in a snippet (control characters: never typed).
MARK_START, MARK_END = "\x02", "\x03"


def shown_path(entry: Entry, drafts: Path) -> str:
    root = str(drafts) + os.sep
    if entry.file.startswith(root):  # the usual case, without building a Path (50,000 rows)
        return entry.file[len(root) :]
    try:
        return str(entry.path.relative_to(drafts))
    except ValueError:
        return str(entry.path)


def entry_json(entry: Entry, drafts: Path) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": entry.file,
        "relative_path": shown_path(entry, drafts),
        "title": entry.title,
        "slug": entry.slug,
        "date": entry.date or None,
        "status": entry.status,
        "tags": list(entry.tags),
        "categories": list(entry.categories),
        "summary": entry.summary,
        "words": entry.words,
        # UTC, so that a script reads the same whatever the machine's time zone (and the
        # index can keep each post's JSON ready: library_lines).
        "edited": edited_utc(entry.edited_ns),
        "problem": entry.problem or None,
    }
    if entry.snippet or entry.title_marked:
        data["match"] = plain(entry.snippet)
    return data


def edited_utc(mtime_ns: int) -> str:
    """A file's time as RFC 3339 in UTC, to the second it falls in."""
    return dt.datetime.fromtimestamp(mtime_ns // 10**9, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_line(entry: Entry, drafts: Path) -> str:
    """``2024-05-01  draft      Title  [tag, tag]  path`` — or the problem, for a bad file."""
    date = (entry.date or "")[:10].ljust(10)
    where = shown_path(entry, drafts)
    if entry.problem:
        return f"{date}  {'UNREADABLE':10} {entry.title}  ({entry.problem})  {where}"
    tags = f"  [{', '.join(entry.tags)}]" if entry.tags else ""
    line = f"{date}  {entry.status:10} {entry.title}{tags}  {where}"
    if entry.snippet:
        line += f"\n            {plain(entry.snippet)}"
    return line


def plain(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "").replace("\n", " ")


def marked_html(marked: str) -> str:
    """Rich text for the list: the matched words in bold, everything else escaped."""
    text = html.escape(marked.replace("\n", " "), quote=False)
    return text.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def shown_time(stamp: str) -> str:
    """A UTC stamp as recorded (2026-11-29T22:10:00Z) in local time, to the minute."""
    try:
        when = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")

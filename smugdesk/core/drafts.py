"""Finding drafts by title or slug, for links between posts.

The library's index answers (refreshed from the files first: a stat per file, so 10,000
posts cost a fraction of a second); where it cannot be opened (a read-only cache, a locked
database), a plain scan reading each file's front matter does.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.library_scan import Entry, outside_link
from smugdesk.core.post import parse_post, slugify
from smugdesk.core.post_bytes import read_post_bytes

_HEAD_BYTES = 4096  # the front matter sits at the top; titles never need more


def _draft_files(drafts: Path):
    for path in sorted(drafts.rglob("*.md")):
        hidden = any(part.startswith(".") for part in path.relative_to(drafts).parts)
        if not hidden and not outside_link(path, drafts):
            yield path


def _head(path: Path) -> tuple[str, str]:
    """(title, slug) of a draft from the start of its file."""
    try:
        # Not open(): a FIFO named like a post would block the link search for good.
        text = read_post_bytes(path)[0][:_HEAD_BYTES].decode("utf-8", errors="ignore")
        front_end = text.find("\n---", 3)
        post = parse_post(text[: front_end + 4] if front_end > 0 else "", path)
    except (OSError, SmugdeskError):
        return path.stem, slugify(path.stem)
    title = str(post.meta.get("title") or path.stem)
    slug = slugify(str(post.meta.get("slug") or "")) or slugify(path.stem)
    return title, slug


def _indexed(drafts: Path) -> list[Entry] | None:
    from smugdesk.core.index import PostIndex

    try:
        index = PostIndex(drafts)
        try:
            index.refresh()
            return index.entries(sort="title")
        finally:
            index.close()
    except (OSError, sqlite3.Error, SmugdeskError):
        return None


def _title_and_slug(entry: Entry) -> tuple[str, str]:
    stem = entry.path.stem
    return (
        (entry.title or stem, entry.slug or slugify(stem))
        if not entry.problem
        else (
            stem,
            slugify(stem),
        )
    )


def list_drafts(drafts: Path, exclude: Path | None = None) -> list[tuple[str, str]]:
    """(title, slug) of every draft, read once so a search-as-you-type filters in memory."""
    if not drafts.is_dir():
        return []
    entries = _indexed(drafts)
    if entries is not None:
        skip = exclude.absolute() if exclude else None
        return [_title_and_slug(e) for e in entries if e.path.absolute() != skip]
    return [_head(path) for path in _draft_files(drafts) if path != exclude]


def match_drafts(entries: list[tuple[str, str]], query: str) -> list[tuple[str, str]]:
    """The entries whose title contains every word of ``query``, any case."""
    words = query.lower().split()
    return [entry for entry in entries if all(word in entry[0].lower() for word in words)]


def path_for_slug(drafts: Path, slug: str) -> Path | None:
    entries = _indexed(drafts) if drafts.is_dir() else None
    if entries is not None:
        found = sorted(e.path for e in entries if _title_and_slug(e)[1] == slug)
        return found[0] if found else None
    for path in _draft_files(drafts) if drafts.is_dir() else ():
        if _head(path)[1] == slug:
            return path
    return None

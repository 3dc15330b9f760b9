"""Finding drafts by title or slug, for links between posts.

A plain scan of the drafts folder reading only each file's front matter; the library's
search index (issue 4) is the place to make this instant for very large folders.
"""

from __future__ import annotations

from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import parse_post, slugify

_HEAD_BYTES = 4096  # the front matter sits at the top; titles never need more


def _draft_files(drafts: Path):
    for path in sorted(drafts.rglob("*.md")):
        if not any(part.startswith(".") for part in path.relative_to(drafts).parts):
            yield path


def _head(path: Path) -> tuple[str, str]:
    """(title, slug) of a draft from the start of its file."""
    try:
        with path.open("rb") as stream:
            text = stream.read(_HEAD_BYTES).decode("utf-8", errors="ignore")
        front_end = text.find("\n---", 3)
        post = parse_post(text[: front_end + 4] if front_end > 0 else "", path)
    except (OSError, SmugdeskError):
        return path.stem, slugify(path.stem)
    title = str(post.meta.get("title") or path.stem)
    slug = slugify(str(post.meta.get("slug") or "")) or slugify(path.stem)
    return title, slug


def list_drafts(drafts: Path, exclude: Path | None = None) -> list[tuple[str, str]]:
    """(title, slug) of every draft, read once so a search-as-you-type filters in memory."""
    if not drafts.is_dir():
        return []
    return [_head(path) for path in _draft_files(drafts) if path != exclude]


def match_drafts(entries: list[tuple[str, str]], query: str) -> list[tuple[str, str]]:
    """The entries whose title contains every word of ``query``, any case."""
    words = query.lower().split()
    return [entry for entry in entries if all(word in entry[0].lower() for word in words)]


def path_for_slug(drafts: Path, slug: str) -> Path | None:
    for path in _draft_files(drafts) if drafts.is_dir() else ():
        if _head(path)[1] == slug:
            return path
    return None

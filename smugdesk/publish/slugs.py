"""The slug a blog is given for a post: the writer's own, else the one the blog gave it at
the first publish (a published post's address never moves), else the file name without a
Jekyll date, else the title, spelled in ASCII where it is Latin; "" leaves it to the blog
(for scripts with no ASCII spelling the blog does better than percent-garbage). No Qt."""

from __future__ import annotations

import re

from smugdesk.core.post import Post, slugify
from smugdesk.publish.published_state import placement

# Latin letters NFKD does not take apart: without these "Straße" would become "strae".
_LATIN_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
    }
)
# Jekyll names posts 2026-11-20-my-post.md: the date is the file's, not the address's.
_DATED_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-(?=.)")


def latin_slug(text: str) -> str:
    """``slugify`` after folding the Latin letters that have no decomposition; scripts with
    no ASCII spelling give "" (a blog makes a better address from them than we can)."""
    return slugify(text.translate(_LATIN_FOLD))


def blog_slug(post: Post, account: str = "") -> str:
    """The slug to send: the one the writer set, else the one the blog gave at the first
    publish to ``account`` (so rewording the title or renaming the file never moves a
    published post), else the file name without a Jekyll date, else the title. "" lets
    the blog choose."""
    written = str(post.meta.get("slug") or "").strip()
    if written and latin_slug(written):
        return latin_slug(written)
    recorded = placement(post, account) if account else None
    if recorded is not None and recorded.slug:
        return recorded.slug
    stem = _DATED_NAME.sub("", post.path.stem) if post.path is not None else ""
    for candidate in (stem, post.title):
        slug = latin_slug(candidate)
        if slug:
            return slug
    return ""

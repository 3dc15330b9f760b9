"""The slug a blog is given for a post: the writer's own, else the one the blog gave it at
the first publish (a published post's address never moves), else the file name without a
Jekyll date, else the title, spelled in ASCII where it is Latin; "" leaves it to the blog
(for scripts with no ASCII spelling the blog does better than percent-garbage). No Qt."""

from __future__ import annotations

import re

from smugdesk.core.post import Post, slugify
from smugdesk.publish.blog_defaults import load_defaults
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


# Words a short address can do without (English: what most of these blogs write in).
_FILLER_WORDS = """a an and are as at be by for from how i in is it its my of on or our so that
the this to was we what when why will with you your"""
_FILLER = frozenset(_FILLER_WORDS.split())
SHORT_WORDS = 5


def short_slug(slug: str) -> str:
    """``slug`` without filler words, at most five words; the slug itself when nothing
    would be left."""
    words = [word for word in slug.split("-") if word not in _FILLER]
    return "-".join(words[:SHORT_WORDS]) or slug


def blog_slug(post: Post, account: str = "") -> str:
    """The slug to send: the one the writer set, else the one the blog gave at the first
    publish to ``account`` (so rewording the title or renaming the file never moves a
    published post), else one made in the blog's slug style (see blog_defaults) from the
    file name without a Jekyll date, else from the title. "" lets the blog choose."""
    written = str(post.meta.get("slug") or "").strip()
    if written and latin_slug(written):
        return latin_slug(written)
    recorded = placement(post, account) if account else None
    if recorded is not None and recorded.slug:
        return recorded.slug
    style = load_defaults(account).slug_style if account else ""
    if style == "blog":
        return ""
    stem = _DATED_NAME.sub("", post.path.stem) if post.path is not None else ""
    for candidate in (stem, post.title):
        slug = latin_slug(candidate)
        if slug:
            return short_slug(slug) if style == "short" else slug
    return ""

"""What a publish will do, decided before anything is sent: the status a post asks for by
itself (never more public than the writer marked it), whether a schedule can be kept, and
the slug the blog is given (stable once published). No Qt, no network."""

from __future__ import annotations

import datetime as dt
import re

from smugdesk.core.post import Post, slugify
from smugdesk.publish.published_state import placement
from smugdesk.publish.publishing import asked_status, post_datetime

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


def own_status(post: Post, now: dt.datetime | None = None) -> str:
    """What the post asks for when the writer says nothing: a draft stays a draft; a post
    marked published whose date is still ahead is offered as scheduled."""
    asked = asked_status(post, None)
    date = post_datetime(post)
    now = now or dt.datetime.now().astimezone()
    if asked == "publish" and date is not None and date > now:
        return "future"
    return asked


def schedule_problem(post: Post, status: str, now: dt.datetime | None = None) -> str:
    """Why ``status`` cannot be kept as asked ("" when it can): a blog told to schedule a
    post for a moment already past publishes it at once, which nobody asked for."""
    if status not in ("future", "scheduled"):
        return ""
    date = post_datetime(post)
    if date is None:
        return "the post has no date to schedule it for"
    now = now or dt.datetime.now().astimezone()
    if date <= now:
        shown = date.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"its date, {shown}, is in the past: scheduling it would publish it now"
    return ""


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

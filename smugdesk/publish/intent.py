"""What a publish will do, decided before anything is sent: the status a post asks for by
itself (never more public than the writer marked it) and whether a schedule can be kept.
The slug sent is decided in ``slugs``. No Qt, no network."""

from __future__ import annotations

import datetime as dt

from smugdesk.core.post import Post
from smugdesk.publish.publishing import asked_status, post_datetime


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

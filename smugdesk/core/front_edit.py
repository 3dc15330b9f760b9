"""Editing a post's front matter field by field (the metadata form), inside its text.

The text stays the truth: a form edit rewrites only the front-matter block, through the
round-trip YAML writer, so the writer's comments, key order and other keys stay as they were.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from smugdesk.core.date_text import date_in_old_shape
from smugdesk.core.errors import FrontMatterError
from smugdesk.core.post import (
    Post,
    parse_date,
    parse_post,
    read_post,
    serialize_post,
    split_front_matter,
)

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedSeq

FORM_FIELDS = ("title", "slug", "date", "status", "tags", "categories", "summary")
LIST_FIELDS = ("tags", "categories")
STATUS_CHOICES = ("draft", "published", "scheduled")


@dataclass(frozen=True)
class FrontEdit:
    text: str  # the whole new text
    start: int  # the changed span of the old text: [start, end) became new_part
    end: int
    new_part: str


def form_values(text: str) -> dict[str, str]:
    """What the form shows for ``text``: every field as the string a person edits (lists
    comma-separated). Raises FrontMatterError when the front matter is broken."""
    post = read_post(text)  # on every pause in typing, and at start before the first paint
    values = {}
    for key in FORM_FIELDS:
        value = post.meta.get(key)
        if key in LIST_FIELDS:
            values[key] = ", ".join(getattr(post, key))
        elif isinstance(value, dt.datetime):
            values[key] = value.isoformat(sep=" ")
        else:
            values[key] = "" if value is None else str(value)
    return values


def set_field(text: str, key: str, typed: str) -> FrontEdit:
    """``text`` with front-matter ``key`` set from what was typed in the form. An empty
    value removes an optional key (slug, summary); a date must be a date."""
    post = parse_post(text)
    value = _value(key, typed.strip())
    if value is None or value == []:
        if key in post.meta and key not in ("title", "tags", "categories"):
            del post.meta[key]
        elif key in post.meta or key == "title":
            post.set(key, [] if key in LIST_FIELDS else "")
    else:
        if isinstance(value, list):
            value = _list_like(value, post.meta.get(key))
        if key == "date":  # the writer's own shape of a date (T…Z, 09:30) is kept
            value = date_in_old_shape(post.meta.get("date"), value, typed)
        post.set(key, value)
    return _front_replaced(text, post)


def set_values(text: str, values: dict) -> FrontEdit:
    """``text`` with front-matter keys set to ``values`` as they are (mappings included),
    for what the program records itself (publishing state); other keys stay as written."""
    post = parse_post(text)
    for key, value in values.items():
        post.set(key, value)
    return _front_replaced(text, post)


def _list_like(items: list[str], old) -> CommentedSeq:
    """A list written the way the post already writes it: ``[a, b]`` unless it had a
    ``- item`` block list."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    if isinstance(old, CommentedSeq) and not old.fa.flow_style():
        seq.fa.set_block_style()
    else:
        seq.fa.set_flow_style()
    return seq


def _value(key: str, typed: str):
    if key in LIST_FIELDS:
        return [part.strip() for part in typed.split(",") if part.strip()]
    if key == "date":
        if not typed:
            return None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
            try:
                return dt.date.fromisoformat(typed)
            except ValueError:
                pass
        date = parse_date(typed) if len(typed) > 10 else None
        if date is None:
            raise FrontMatterError(
                f"“{typed}” is not a date; write it as 2025-03-01 or 2025-03-01 09:30"
            )
        return date
    return typed or None


def _front_replaced(text: str, post: Post) -> FrontEdit:
    """Only the front-matter block changes; the body is carried over as it was."""
    normal_body_start = _body_start(text)
    post.body = ""
    new_front = serialize_post(post)
    return FrontEdit(
        text=new_front + text[normal_body_start:],
        start=0,
        end=normal_body_start,
        new_part=new_front,
    )


def _body_start(text: str) -> int:
    front, body, _closing = split_front_matter(text)
    if front is None:
        return 0
    return len(text) - len(body)

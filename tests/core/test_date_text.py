"""A date picked from a calendar is written in the shape the front matter already uses."""

from __future__ import annotations

import datetime as dt

import pytest

from smugdesk.core.date_text import EMPTY_SHAPE, read_date_text, write_date_text


@pytest.mark.parametrize(
    ("written", "moved"),
    [
        ("2025-03-01", "2025-04-15"),
        ("2025-03-01 09:30", "2025-04-15 18:05"),
        ("2025-03-01 09:30:00", "2025-04-15 18:05:00"),
        ("2025-03-01 09:30:00+01:00", "2025-04-15 18:05:00+01:00"),
        ("2025-03-01T09:30:00Z", "2025-04-15T18:05:00Z"),
        ("2025-03-01T09:30:00.250-05:00", "2025-04-15T18:05:00.250-05:00"),
        ("2025-03-01 09:30:00 +0100", "2025-04-15 18:05:00 +0100"),
    ],
)
def test_a_new_date_keeps_the_shape_it_replaces(written, moved):
    found = read_date_text(written)
    assert found is not None
    assert write_date_text(found.shape, found.day, found.time) == written  # read back as is
    assert write_date_text(found.shape, dt.date(2025, 4, 15), dt.time(18, 5)) == moved


def test_what_is_not_a_date_is_said_so():
    for text in ("", "next week", "2025-02-30", "2025-03-01 25:00", "01/03/2025"):
        assert read_date_text(text) is None


def test_an_empty_date_gets_the_placeholders_shape():
    assert write_date_text(EMPTY_SHAPE, dt.date(2025, 3, 1), dt.time(9, 30)) == "2025-03-01 09:30"


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("2025-03-01T09:30:00Z", "2025-04-15T18:05:00Z"),
        ("2025-03-01 09:30", "2025-04-15 18:05"),
        ("2025-03-01 09:30:00+01:00", "2025-04-15 18:05:00+01:00"),
        ("2025-03-01T09:30:00-05:00", "2025-04-15T18:05:00-05:00"),
    ],
)
def test_the_front_matter_keeps_its_date_shape_through_the_yaml_writer(written, typed):
    """What core.front_edit.set_field would write with date_in_old_shape."""
    from smugdesk.core.date_text import date_in_old_shape
    from smugdesk.core.front_edit import _front_replaced, _value
    from smugdesk.core.post import parse_post

    text = f"---\ntitle: Rounds\ndate: {written}\n---\n\nBody\n"
    post = parse_post(text)
    post.set("date", date_in_old_shape(post.meta["date"], _value("date", typed), typed))
    assert _front_replaced(text, post).text == text.replace(written, typed)

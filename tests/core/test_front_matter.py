"""Front matter: a save must give back exactly what the writer wrote, unknown keys included."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smugdesk.core.errors import FrontMatterError, PostReadError
from smugdesk.core.post import (
    MAX_POST_BYTES,
    Post,
    decode_post_bytes,
    new_post_text,
    parse_post,
    serialize_post,
    slugify,
    split_front_matter,
)

USER_POST = """---
title: "Grand rounds, live: what we learned"
date: 2026-02-03 18:45:00+01:00
zebra: last in the alphabet, first in my list
tags: [rounds, live video]
# the hospital's own taxonomy, not smugdesk's
department:
  name: Cardiology
  floor: 4
categories:
    - events
summary: 'Quoted, with a colon: here'
status: draft
---

Body with “curly quotes”, émigré accents and an emoji 🩺.
"""


def test_unchanged_post_round_trips_byte_for_byte():
    assert serialize_post(parse_post(USER_POST)) == USER_POST


def test_crlf_post_round_trips_with_crlf():
    text = USER_POST.replace("\n", "\r\n")
    post = parse_post(text)
    assert post.newline == "\r\n"
    assert post.title == "Grand rounds, live: what we learned"
    assert serialize_post(post) == text


@pytest.mark.parametrize("text", ["Just a body.\n", "", "---\n---\nBody after empty matter\n"])
def test_posts_without_or_with_empty_front_matter_round_trip(text):
    assert serialize_post(parse_post(text)) == text


def test_changing_one_key_keeps_the_others_their_order_and_comments():
    post = parse_post(USER_POST)
    post.set("status", "published")
    post.set("featured", True)
    out = serialize_post(post)
    keys = [line.split(":")[0] for line in out.split("---")[1].splitlines() if line[:1].isalpha()]
    assert keys == [
        "title",
        "date",
        "zebra",
        "tags",
        "department",
        "categories",
        "summary",
        "status",
        "featured",
    ]
    assert "# the hospital's own taxonomy, not smugdesk's" in out
    assert "summary: 'Quoted, with a colon: here'" in out
    assert "status: published" in out
    assert out.endswith("an emoji 🩺.\n")
    assert parse_post(out).meta["department"]["floor"] == 4


def test_properties_read_the_front_matter():
    post = parse_post(USER_POST)
    assert post.date == dt.datetime(2026, 2, 3, 18, 45, tzinfo=post.date.tzinfo)
    assert post.date.utcoffset() == dt.timedelta(hours=1)
    assert post.tags == ["rounds", "live video"]
    assert post.categories == ["events"]
    assert post.slug == "grand-rounds-live-what-we-learned"


def test_title_falls_back_to_first_heading_then_file_name(tmp_path):
    assert parse_post("Intro\n\n# The real title\n").title == "The real title"
    assert parse_post("no heading", tmp_path / "my-note.md").title == "my-note"


def test_tags_as_comma_string_and_dates_as_strings():
    post = parse_post("---\ntags: a, b ,c\ndate: '2025-12-01T10:00:00Z'\n---\n")
    assert post.tags == ["a", "b", "c"]
    assert post.date == dt.datetime(2025, 12, 1, 10, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Café Société: Ça va?", "cafe-societe-ca-va"),
        ("Doctors’ notes & nurses' tips", "doctors-notes-nurses-tips"),
        ("🎉 Launch day 🎉", "launch-day"),
        ("   ", ""),
    ],
)
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_broken_yaml_names_the_line():
    with pytest.raises(FrontMatterError, match="at line 4"):
        parse_post("---\ntitle: ok\ntags: [a, b\nstatus: draft\n---\nbody")


def test_colon_in_a_plain_value_gets_a_hint_about_quotes():
    with pytest.raises(FrontMatterError, match="quotes"):
        parse_post("---\ntitle: My post: a story\n---\n")


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(FrontMatterError, match="no closing"):
        parse_post("---\ntitle: never closed\n\nBody")


def test_front_matter_that_is_not_a_mapping_is_an_error():
    with pytest.raises(FrontMatterError, match="key: value"):
        parse_post("---\n- just\n- a list\n---\n")


def test_decode_rejects_invalid_utf8_binary_and_huge_files():
    with pytest.raises(PostReadError, match=r"not valid UTF-8.*line 2"):
        decode_post_bytes(b"fine\ncaf\xe9\n", "x.md")
    with pytest.raises(PostReadError, match="binary"):
        decode_post_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "x.md")
    with pytest.raises(PostReadError, match="larger than"):
        decode_post_bytes(b"a" * (MAX_POST_BYTES + 1), "x.md")
    assert decode_post_bytes("\ufeffhé".encode()) == "hé"


def test_new_post_text_is_a_valid_draft_with_an_empty_title():
    post = parse_post(new_post_text(dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)))
    assert post.meta["status"] == "draft"
    assert post.meta["title"] is None
    assert post.date == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@given(st.text(alphabet=st.characters(blacklist_characters="\r", blacklist_categories=["Cs"])))
def test_any_body_survives_a_round_trip(body):
    post = Post(body=body)
    post.set("title", "t")
    assert parse_post(serialize_post(post)).body == body


def test_a_value_ruamel_cannot_read_is_a_message_not_a_crash():
    with pytest.raises(FrontMatterError, match="put it in quotes"):
        parse_post("---\ntitle: ._\n---\nBody\n")


def _split_by_lines(text: str):
    """split_front_matter as first written (split, then join): the oracle."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, text, None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), lines[index]
    return "unclosed"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["---", "--- ", "...", "title: x", "", "body", "---x", " ---", "+"]),
        max_size=8,
    )
)
def test_front_matter_is_split_as_line_by_line(lines):
    text = "\n".join(lines)
    expected = _split_by_lines(text)
    if expected == "unclosed":
        with pytest.raises(FrontMatterError):
            split_front_matter(text)
    else:
        assert split_front_matter(text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["# Title", "#", "#  spaced #", "text", "## Two", " # x", ""]), max_size=6
    )
)
def test_the_title_from_the_first_heading_is_the_multiline_search(lines):
    body = "\n".join(lines)
    first = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.MULTILINE)
    assert Post(body=body).title == (first.group(1) if first else "")

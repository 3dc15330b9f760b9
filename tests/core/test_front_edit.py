"""The metadata form's edits land in the front matter and nowhere else."""

from __future__ import annotations

import datetime as dt

import pytest

from smugdesk.core.errors import FrontMatterError
from smugdesk.core.front_edit import form_values, set_field

TEXT = """---
title: Night shifts   # working title
date: 2025-03-01 09:30:00
tags: [nurses]
layout: post
---

# A heading

Body with --- inside.
"""


def test_form_values_read_every_field():
    values = form_values(TEXT)
    assert values["title"] == "Night shifts"
    assert values["date"] == "2025-03-01 09:30:00"
    assert values["tags"] == "nurses"
    assert values["slug"] == values["summary"] == values["categories"] == ""


def test_setting_a_field_keeps_comments_other_keys_and_the_body():
    edit = set_field(TEXT, "tags", "nurses, night work ,, video")
    assert "tags: [nurses, night work, video]" in edit.text or "- night work" in edit.text
    assert "# working title" in edit.text
    assert "layout: post" in edit.text
    assert edit.text.endswith("---\n\n# A heading\n\nBody with --- inside.\n")
    assert edit.text == edit.new_part + TEXT[edit.end :]
    assert form_values(edit.text)["tags"] == "nurses, night work, video"


def test_new_keys_are_added_and_empty_optional_keys_removed():
    edit = set_field(TEXT, "summary", "Three nurses on working nights")
    assert "summary: Three nurses on working nights" in edit.text
    cleared = set_field(edit.text, "summary", "  ")
    assert "summary" not in cleared.text
    assert "title: ''" in set_field(TEXT, "title", "").text  # the title key stays


def test_dates_are_written_as_dates():
    edit = set_field(TEXT, "date", "2025-04-02")
    assert "date: 2025-04-02\n" in edit.text
    timed = set_field(TEXT, "date", "2025-04-02 18:45")
    assert "date: 2025-04-02 18:45:00\n" in timed.text
    with pytest.raises(FrontMatterError, match="not a date"):
        set_field(TEXT, "date", "next Tuesday")
    assert isinstance(dt.date.fromisoformat("2025-04-02"), dt.date)


def test_a_post_without_front_matter_gets_one():
    edit = set_field("Just text.\n", "title", "A title")
    assert edit.text == "---\ntitle: A title\n---\nJust text.\n"


def test_broken_front_matter_is_refused_not_rewritten():
    with pytest.raises(FrontMatterError):
        set_field("---\ntitle: a: b\n---\nbody\n", "title", "x")


def test_lists_keep_the_style_the_post_uses():
    block = "---\ntags:\n  - nurses\n---\nbody\n"
    assert "tags:\n  - nurses\n  - video\n" in set_field(block, "tags", "nurses, video").text
    new = set_field("---\ntitle: x\n---\n", "categories", "health, media").text
    assert "categories: [health, media]\n" in new


def test_a_date_typed_in_the_form_keeps_the_posts_own_shape():
    zulu = set_field(
        "---\ntitle: N\ndate: 2026-11-20T09:30:00Z\n---\n\nx\n", "date", "2026-11-21T10:00:00Z"
    )
    assert "date: 2026-11-21T10:00:00Z\n" in zulu.text
    short = set_field(
        "---\ntitle: N\ndate: 2026-11-20 09:30\n---\n\nx\n", "date", "2026-11-21 10:15"
    )
    assert "date: 2026-11-21 10:15\n" in short.text

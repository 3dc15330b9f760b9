"""The preview's look remembered per post: a damaged or hostile settings file means the plain
look (never an error, never a folder outside the themes), and the list stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from smugdesk.core import preview_styles
from smugdesk.core.preview_styles import PLAIN, WRITER_CSS, remember_style, style_for


def test_each_post_keeps_its_look_and_a_new_post_gets_the_last(tmp_path):
    store = tmp_path / "styles.json"
    a, b = Path("/drafts/a.md"), Path("/drafts/b.md")
    remember_style(a, "theme:ward-notes-0123456789ab", store)
    remember_style(b, WRITER_CSS, store)
    assert style_for(a, store) == "theme:ward-notes-0123456789ab"
    assert style_for(b, store) == WRITER_CSS
    assert style_for(Path("/drafts/new.md"), store) == WRITER_CSS
    assert style_for(None, store) == WRITER_CSS


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"posts": []}', '{"posts": {"/a.md": 3}, "last": ["x"]}'],
)
def test_a_damaged_file_means_the_plain_look(tmp_path, content):
    store = tmp_path / "styles.json"
    store.write_text(content)
    assert style_for(Path("/a.md"), store) == PLAIN
    remember_style(Path("/a.md"), WRITER_CSS, store)  # and the next choice repairs it
    assert style_for(Path("/a.md"), store) == WRITER_CSS


def test_only_known_looks_are_remembered(tmp_path):
    with pytest.raises(ValueError):
        remember_style(Path("/a.md"), "../../etc", tmp_path / "styles.json")


def test_the_list_of_posts_stays_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(preview_styles, "MAX_POSTS", 3)
    store = tmp_path / "styles.json"
    for n in range(5):
        remember_style(Path(f"/p{n}.md"), WRITER_CSS if n else "theme:x", store)
    remember_style(Path("/p0.md"), "theme:x", store)  # chosen again: the most recent
    kept = [n for n in range(5) if style_for(Path(f"/p{n}.md"), store) != "theme:x"]
    assert style_for(Path("/p0.md"), store) == "theme:x"
    assert kept == [3, 4]  # p1 and p2 forgotten (they fall back to the last choice)

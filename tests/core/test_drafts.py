from __future__ import annotations

from smugdesk.core.drafts import list_drafts, match_drafts, path_for_slug


def find_drafts(folder, query, exclude=None):
    return match_drafts(list_drafts(folder, exclude), query)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_find_drafts_by_title_words_and_slug_lookup(tmp_path):
    write(tmp_path / "flu.md", "---\ntitle: Flu season, in numbers\n---\nBody")
    write(tmp_path / "2025" / "video.md", "---\ntitle: Why video works\nslug: video-works\n---\n")
    write(tmp_path / "plain.md", "No front matter at all")
    write(tmp_path / ".trash" / "old.md", "---\ntitle: Flu season draft (trashed)\n---\n")
    write(tmp_path / "broken.md", "---\ntitle: [oops\n---\n")

    assert find_drafts(tmp_path, "flu NUMBERS") == [("Flu season, in numbers", "flu")]
    assert find_drafts(tmp_path, "video") == [("Why video works", "video-works")]
    assert ("plain", "plain") in find_drafts(tmp_path, "")
    assert ("broken", "broken") in find_drafts(tmp_path, "")  # listed by its file name
    assert find_drafts(tmp_path, "flu", exclude=tmp_path / "flu.md") == []
    assert path_for_slug(tmp_path, "video-works") == tmp_path / "2025" / "video.md"
    assert path_for_slug(tmp_path, "old") is None
    assert find_drafts(tmp_path / "missing", "x") == []

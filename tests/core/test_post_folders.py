"""The folders the window watches: those the library walks, found without a stat per post."""

from __future__ import annotations

from pathlib import Path

from smugdesk.core.library_scan import post_folders, walk_posts


def test_the_watched_folders_are_the_ones_holding_the_library(tmp_path):
    drafts = tmp_path / "drafts"
    for folder in ("2024/05", "2025", "2025/photos.assets/raw", ".trash/old", "b/.git/x", "c"):
        (drafts / folder).mkdir(parents=True)
    for name in ("a.md", "2024/05/p.md", "2025/q.md", "2025/photos.assets/raw/r.md",
                 ".trash/old/t.md", "c/s.markdown"):  # fmt: skip
        (drafts / name).write_text("x\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "o.md").write_text("x\n")
    (drafts / "linked").symlink_to(tmp_path / "outside")  # walked by neither
    found = post_folders(drafts, 500)
    assert found == sorted(drafts / folder for folder in ("", "2024", "2024/05", "2025", "b", "c"))
    # Every post the library lists is in a watched folder.
    assert {Path(path).parent for path, _size, _mtime in walk_posts(drafts)} <= set(found)
    assert post_folders(drafts, 3) == found[:3]
    assert post_folders(tmp_path / "missing", 500) == []

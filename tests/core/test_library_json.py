"""The warm list's JSON written straight from the index's rows is, line for line, the text
json.dumps(entry_json(...)) writes for the same entries."""

from __future__ import annotations

import json
from pathlib import Path

from smugdesk.core.index import PostIndex, entry_of
from smugdesk.core.library_json import json_lines
from smugdesk.core.library_view import entry_json

POSTS = {
    "plain.md": "---\ntitle: Night ward\ndate: 2024-05-01\ntags: [nurses, policy]\n---\nText.\n",
    "accents.md": '---\ntitle: "Café, «rádio» & 🚑"\ncategories: [Événements]\n---\nÉté.\n',
    "quotes.md": "---\ntitle: 'She said \"no\" \\\\ back'\nsummary: Tab\there\n---\nx\n",
    "no-front.md": "Only a body, no date, no title.\n",
    "broken.md": "---\ntitle: a: b\n---\nA problem file.\n",
    "latin1.md": b"---\ntitle: caf\xe9\n---\nnot UTF-8\n",
    "sub/deeper/post.md": "---\ntitle: Deep\ndate: 2023-01-02 03:04:05\nstatus: published\n---\n",
    "controls.md": '---\ntitle: "bell \\a and \\x01"\ntags: [a\\b]\n---\n\x0b\n',
}


def test_rows_to_json_is_json_dumps_of_entry_json(tmp_path):
    drafts = tmp_path / "drafts"
    for name, content in POSTS.items():
        path = drafts / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        rows = list(index.rows())
        # One row from elsewhere and one with an odd value: written the slow way, alike.
        rows.append(("/elsewhere/x.md", *rows[0][1:]))
        rows.append((*rows[0][:1], None, *rows[0][2:]))
        fast = list(json_lines(rows, drafts, entry_of))
        slow = [json.dumps(entry_json(entry_of(row), drafts)) for row in rows]
    finally:
        index.close()
    assert len(rows) == len(POSTS) + 2
    assert fast == slow
    assert any('"problem": null' in line for line in fast)
    assert any('"problem": "' in line for line in fast)
    assert all(json.loads(line)["path"] for line in fast)


def test_a_path_object_for_drafts_and_its_text_agree(tmp_path):
    drafts = Path(tmp_path / "drafts")
    drafts.mkdir()
    (drafts / "a.md").write_text("---\ntitle: A\n---\n", encoding="utf-8")
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        (line,) = json_lines(index.rows(), drafts, entry_of)
    finally:
        index.close()
    assert json.loads(line)["relative_path"] == "a.md"

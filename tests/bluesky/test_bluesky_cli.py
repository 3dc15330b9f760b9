"""``smugdesk share`` against the real PDS: share, refuse a second share, update, delete; a
post that is not live yet; the record kept in the file."""

from __future__ import annotations

import io

from smugdesk.cli_share import main
from smugdesk.core.accounts import save_accounts
from smugdesk.core.post import parse_post
from smugdesk.publish.shares import recorded_share

LINK = "https://wardnotes.example/2026/11/visiting-hours/"
POST = f"""---
title: Our new visiting hours
lang: en
published:
  Ward Notes: {{id: "7", url: "{LINK}", status: publish}}
---

The wards open at ten.
"""


def _run(capsys, monkeypatch, *argv, password=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    code = main(["share", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def test_share_update_delete_from_the_command_line(
    tmp_path, capsys, monkeypatch, bluesky_pds, bluesky_account
):
    save_accounts([bluesky_account])
    path = tmp_path / "visiting-hours.md"
    path.write_text(POST, encoding="utf-8")

    code, out, err = _run(capsys, monkeypatch, path)
    assert (code, err) == (0, "")
    share = recorded_share(parse_post(path.read_text(encoding="utf-8")), "My Bluesky")
    assert out == share.url
    value = bluesky_pds.record(share.uri)[1]["value"]
    assert value["text"] == f"Our new visiting hours\n\n{LINK}" and value["langs"] == ["en"]

    code, _out, err = _run(capsys, monkeypatch, path)
    assert code == 1 and "already shared" in err and "--update" in err

    code, _out, err = _run(capsys, monkeypatch, path, "--update", "--text", f"New hours! {LINK}")
    assert code == 0, err
    assert bluesky_pds.record(share.uri)[1]["value"]["text"] == f"New hours! {LINK}"

    code, out, err = _run(capsys, monkeypatch, path, "--delete")
    assert (code, out) == (0, "deleted"), err
    assert bluesky_pds.record(share.uri)[0] == 400
    assert recorded_share(parse_post(path.read_text(encoding="utf-8")), "My Bluesky") is None
    assert parse_post(path.read_text(encoding="utf-8")).meta["published"]["Ward Notes"]


def test_a_post_not_live_yet_is_not_shared(tmp_path, capsys, monkeypatch, bluesky_account):
    save_accounts([bluesky_account])
    path = tmp_path / "draft.md"
    path.write_text("---\ntitle: Not yet\n---\nText.\n", encoding="utf-8")
    code, _out, err = _run(capsys, monkeypatch, path)
    assert code == 1
    assert (
        err == "smugdesk: draft.md is not live on a blog yet: publish it first, then share its link"
    )
    assert path.read_text(encoding="utf-8") == "---\ntitle: Not yet\n---\nText.\n"

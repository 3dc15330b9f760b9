"""The headless command line, run as a user runs it: a separate process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PIXEL = (Path(__file__).parent.parent / "ui" / "pixel.png").read_bytes()
POST = """---
title: Night shift diaries
date: 2026-06-01 22:00:00+02:00
---

The ward at *night*.

![Corridor](images/corridor.png)

![Outside](../outside.png)
"""


def smugdesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "smugdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


@pytest.fixture
def post(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    (drafts / "images").mkdir(parents=True)
    (drafts / "images" / "corridor.png").write_bytes(PIXEL)
    (tmp_path / "outside.png").write_bytes(PIXEL)
    path = drafts / "night.md"
    path.write_text(POST, encoding="utf-8")
    return path


def test_render_prints_the_html_body(post):
    result = smugdesk("render", str(post))
    assert result.returncode == 0, result.stderr
    assert "<p>The ward at <em>night</em>.</p>" in result.stdout
    assert "<html" not in result.stdout


def test_export_html_writes_the_page_with_its_images(post, tmp_path):
    out = tmp_path / "out"
    result = smugdesk("export", str(post), "--to", "html", "--out", str(out), "--set", "lang=fr")
    assert result.returncode == 0, result.stderr
    page = Path(result.stdout.strip())
    assert page == out / "night.html"  # the slug is the file name when none is set
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "<title>Night shift diaries</title>" in html
    assert "1 June 2026" in html and "<em>night</em>" in html
    assert ".post-title" in html  # stylesheet inlined
    assert 'src="images/corridor.png"' in html
    assert (out / "images" / "corridor.png").read_bytes() == PIXEL
    # outside the post's folder: not copied, left as written, and the writer is told
    assert 'src="../outside.png"' in html
    assert not (out / "images" / "outside.png").exists()
    assert "../outside.png: outside the post's folder" in result.stderr


def test_export_twice_replaces_the_page(post, tmp_path):
    out = tmp_path / "out"
    for _ in range(2):
        assert smugdesk("export", str(post), "--to", "html", "--out", str(out)).returncode == 0
    # the record of which draft wrote which page (so another draft's page is never replaced)
    assert sorted(p.name for p in out.iterdir()) == [
        ".smugdesk-exports.json",
        "images",
        "night.html",
    ]


def test_exporters_lists_html():
    result = smugdesk("exporters")
    assert result.returncode == 0
    assert result.stdout.startswith("html")


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("smugdesk: ")
    return lines[0]


def test_errors_are_one_clear_line(post, tmp_path):
    assert "does not exist" in one_line_error(smugdesk("render", str(tmp_path / "nope.md")))
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: A: B\n---\n", encoding="utf-8")
    assert "not valid YAML" in one_line_error(smugdesk("render", str(broken)))
    latin = tmp_path / "latin.md"
    latin.write_bytes(b"caf\xe9")
    assert "not valid UTF-8" in one_line_error(smugdesk("render", str(latin)))
    out = str(tmp_path / "o")
    assert "no exporter called 'wordpad'" in one_line_error(
        smugdesk("export", str(post), "--to", "wordpad", "--out", out)
    )
    assert "has no option colour" in one_line_error(
        smugdesk("export", str(post), "--to", "html", "--out", out, "--set", "colour=red")
    )


def test_the_installed_command_works_like_python_m(post):
    script = Path(sys.executable).parent / "smugdesk"
    result = subprocess.run([str(script), "render", str(post)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "<em>night</em>" in result.stdout


def library(tmp_path: Path) -> Path:
    drafts = tmp_path / "library"
    (drafts / "2025").mkdir(parents=True)
    (drafts / "2025" / "videos.md").write_text(
        "---\ntitle: Our video interviews\ndate: 2025-02-01\ntags: [video]\n"
        "status: published\n---\nThe nurses talk about night shifts.\n",
        encoding="utf-8",
    )
    (drafts / "plan.md").write_text(
        "---\ntitle: Next year's plan\ndate: 2025-09-01\n---\nMore podcasts.\n", encoding="utf-8"
    )
    (drafts / "broken.md").write_bytes(b"caf\xe9")
    return drafts


def test_list_prints_every_post_newest_first(tmp_path):
    drafts = library(tmp_path)
    result = smugdesk("list", "--drafts", str(drafts))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Next year's plan" in lines[0] and "draft" in lines[0]
    assert "Our video interviews" in lines[1] and "[video]" in lines[1]
    assert "UNREADABLE" in lines[2] and "UTF-8" in lines[2]


def test_list_json_and_filters(tmp_path):
    import json

    drafts = library(tmp_path)
    result = smugdesk("list", "--drafts", str(drafts), "--json", "--status", "published")
    data = json.loads(result.stdout)
    assert [item["title"] for item in data] == ["Our video interviews"]
    assert data[0]["relative_path"] == "2025/videos.md"
    assert data[0]["tags"] == ["video"] and data[0]["words"] == 6


def test_search_finds_by_body_word_and_tag(tmp_path):
    import json

    drafts = library(tmp_path)
    result = smugdesk("search", "night nurse", "--drafts", str(drafts), "--json")
    data = json.loads(result.stdout)
    assert [item["title"] for item in data] == ["Our video interviews"]
    assert "nurses" in data[0]["match"]
    by_tag = smugdesk("search", "video", "--drafts", str(drafts))
    assert "Our video interviews" in by_tag.stdout
    assert smugdesk("search", "zebra", "--drafts", str(drafts)).stdout == ""


def test_list_of_a_missing_folder_is_one_line(tmp_path):
    result = smugdesk("list", "--drafts", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"smugdesk: the drafts folder {tmp_path / 'nowhere'} does not exist"
    )

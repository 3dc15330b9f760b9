"""Jekyll, Hugo and Pelican exports, checked file by file (the real builds are in
tests/integration)."""

from __future__ import annotations

from pathlib import Path

import pytest

from smugdesk.core.store import load_post
from smugdesk.publish.base import ExportError, resolve_options
from smugdesk.publish.registry import registry

PIXEL = (Path(__file__).parent.parent / "ui" / "pixel.png").read_bytes()
POST = """---
title: Night shift diaries
date: 2026-06-01 22:00:00+02:00
tags: [nursing, video]
categories: [stories, staff]
status: draft
summary: What the ward sounds like at 3 a.m.
audience: clinicians  # kept
export: {target: hugo}
published: {wordpress: {id: 7}}
---

See the [first part](post:part-one).

![Corridor](night.assets/corridor.png)

https://youtu.be/dQw4w9WgXcQ?t=30

https://x.com/nurse/status/12345

    https://vimeo.com/123456
"""


@pytest.fixture
def post_path(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    (drafts / "night.assets").mkdir(parents=True)
    (drafts / "night.assets" / "corridor.png").write_bytes(PIXEL)
    path = drafts / "night.md"
    path.write_text(POST, encoding="utf-8")
    return path


def run_export(name: str, path: Path, site: Path, **options):
    exporter = registry().get(name)
    return exporter.export(load_post(path), site, resolve_options(exporter, options))


def test_hugo_bundle_front_matter_shortcodes_and_images(post_path, tmp_path):
    site = tmp_path / "site"
    (site / "content" / "posts" / "part-one").mkdir(parents=True)
    result = run_export("hugo", post_path, site)
    page = site / "content" / "posts" / "night" / "index.md"
    assert result.location == str(page)
    text = page.read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: Night shift diaries\ndate: '2026-06-01T22:00:00+02:00'\ndraft: true\n"
        "slug: night\ntags: [nursing, video]\ncategories: [stories, staff]\n"
        "summary: What the ward sounds like at 3 a.m.\naudience: clinicians  # kept\n---\n"
    )
    assert "export:" not in text and "published:" not in text and "status:" not in text
    assert '[first part]({{< ref "posts/part-one" >}})' in text
    assert "![Corridor](corridor.png)" in text
    assert '{{< youtube id="dQw4w9WgXcQ" start="30" >}}' in text
    assert "> [X (Twitter) post](https://x.com/nurse/status/12345)" in text
    assert "    https://vimeo.com/123456" in text  # indented code: untouched
    assert (page.parent / "corridor.png").read_bytes() == PIXEL


def test_jekyll_post_front_matter_assets_and_liquid_links(post_path, tmp_path):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2026-05-01-part-one.md").write_text("---\n---\n", encoding="utf-8")
    run_export("jekyll", post_path, site, assets="media")
    page = site / "_posts" / "2026-06-01-night.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith(
        "---\nlayout: post\ntitle: Night shift diaries\ndate: 2026-06-01 22:00:00 +0200\n"
    )
    assert "published: false" in text  # a draft stays out of the built site
    assert "{% post_url 2026-05-01-part-one %}" in text
    assert '![Corridor]({{ "/media/night/corridor.png" | relative_url }})' in text
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30"' in text
    assert (site / "media" / "night" / "corridor.png").read_bytes() == PIXEL


def test_pelican_metadata_lines(post_path, tmp_path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "part-one.md").write_text("Title: One\n\nx", encoding="utf-8")
    run_export("pelican", post_path, site)
    text = (site / "content" / "night.md").read_text(encoding="utf-8")
    assert text.startswith(
        "Title: Night shift diaries\nDate: 2026-06-01 22:00+0200\nSlug: night\n"
        "Status: draft\nTags: nursing, video\nCategory: stories\n"
        "Summary: What the ward sounds like at 3 a.m.\nAudience: clinicians\n\n"
    )
    assert "[first part]({filename}/part-one.md)" in text
    assert "![Corridor]({static}/images/night/corridor.png)" in text
    assert (site / "content" / "images" / "night" / "corridor.png").exists()


@pytest.mark.parametrize("name", ["hugo", "jekyll", "pelican"])
def test_a_link_to_a_draft_not_in_the_site_is_a_clear_error(name, post_path, tmp_path):
    with pytest.raises(ExportError, match="“part-one”, which is not in the site yet"):
        run_export(name, post_path, tmp_path / "site")


def test_exporting_again_replaces_and_a_date_change_moves_the_file(post_path, tmp_path):
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2026-05-01-part-one.md").write_text("---\n---\n", encoding="utf-8")
    run_export("jekyll", post_path, site)
    run_export("jekyll", post_path, site)
    assert sorted(p.name for p in (site / "_posts").iterdir()) == [
        "2026-05-01-part-one.md",
        "2026-06-01-night.md",
    ]
    post_path.write_text(POST.replace("2026-06-01", "2026-06-03"), encoding="utf-8")
    run_export("jekyll", post_path, site)
    assert sorted(p.name for p in (site / "_posts").iterdir()) == [
        "2026-05-01-part-one.md",
        "2026-06-03-night.md",
    ]


def test_a_different_post_with_the_same_slug_is_refused(post_path, tmp_path):
    site = tmp_path / "site"
    (site / "content" / "posts" / "part-one").mkdir(parents=True)
    run_export("hugo", post_path, site)
    other = tmp_path / "elsewhere" / "other.md"
    other.parent.mkdir()
    other.write_text("---\ntitle: Other\nslug: night\n---\nDifferent post\n", encoding="utf-8")
    with pytest.raises(ExportError, match=r"belongs to “night\.md”"):
        run_export("hugo", other, site)
    page = site / "content" / "posts" / "night" / "index.md"
    assert "Night shift diaries" in page.read_text(encoding="utf-8")

    (site / "content" / "posts" / "handmade").mkdir()
    (site / "content" / "posts" / "handmade" / "index.md").write_text("mine", encoding="utf-8")
    other.write_text("---\ntitle: Other\nslug: handmade\n---\n", encoding="utf-8")
    with pytest.raises(ExportError, match="not exported by smugdesk"):
        run_export("hugo", other, site)

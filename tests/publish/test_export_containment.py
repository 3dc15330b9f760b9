"""Exports contain only the post's own files, stay inside the site, never replace another
draft's page, and carry the writer's metadata exactly, without room for injected lines.

Every exporter is attacked the same way with real files in ``tmp_path``: references to
files outside the post's folder (absolute, "..", a link in the assets folder), a text file
named .png, an SVG; folder options that lead out of the site; a second draft with the same
slug; titles and tags written to break the metadata block, read back by Pelican's own
reader and by YAML the way Jekyll and Hugo find their front matter.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from smugdesk.core.post import parse_post
from smugdesk.core.store import load_post
from smugdesk.publish.base import ExportError, resolve_options
from smugdesk.publish.registry import registry
from smugdesk.publish.site import local_image, skipped_images

PNG = (Path(__file__).parent.parent / "ui" / "pixel.png").read_bytes()
EXPORTERS = ["html", "jekyll", "hugo", "pelican"]


def secret(marker: str) -> bytes:
    """A real PNG with a marker after it: found anywhere in a site, it leaked."""
    return PNG + f"SECRET-{marker}".encode()


@pytest.fixture
def hostile(tmp_path) -> Path:
    """A drafts folder whose post points at files that are not its own."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "absolute.png").write_bytes(secret("absolute"))
    (outside / "linked.png").write_bytes(secret("linked"))
    (tmp_path / "parent.png").write_bytes(secret("parent"))
    drafts = tmp_path / "drafts"
    assets = drafts / "night.assets"
    assets.mkdir(parents=True)
    (assets / "own.png").write_bytes(PNG)
    (assets / "linked.png").symlink_to(outside / "linked.png")
    (assets / "words.png").write_text("not an image at all\n", encoding="utf-8")
    (assets / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        encoding="utf-8",
    )
    (drafts / "night.md").write_text(
        "---\ntitle: Night\ndate: 2026-03-01\n---\n\n"
        "![own](night.assets/own.png)\n\n"
        f"![absolute]({outside / 'absolute.png'})\n\n"
        "![passwd](/etc/passwd)\n\n"
        "![parent](../parent.png)\n\n"
        "![linked](night.assets/linked.png)\n\n"
        "![words](night.assets/words.png)\n\n"
        "![drawing](night.assets/drawing.svg)\n\n"
        "[the report](../report.pdf) and [my notes](night.assets/notes.txt)\n\n"
        "![remote](https://example.org/etc/passwd) ![site path](/assets/logo-not-here.png)\n",
        encoding="utf-8",
    )
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7 SECRET-report")
    (assets / "notes.txt").write_text("my notes\n", encoding="utf-8")
    return drafts / "night.md"


REFUSED = {
    "/etc/passwd": "outside the post's folder",
    "../parent.png": "outside the post's folder",
    "night.assets/linked.png": "outside the post's folder",
    "night.assets/words.png": "not an image",
    "night.assets/drawing.svg": "SVG",
}


def export(name: str, path: Path, site: Path, **options):
    exporter = registry().get(name)
    return exporter.export(load_post(path), site, resolve_options(exporter, options))


def site_bytes(site: Path) -> bytes:
    return b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize("name", EXPORTERS)
def test_only_the_posts_own_images_are_copied_and_the_rest_is_reported(name, hostile, tmp_path):
    site = tmp_path / "site"
    result = export(name, hostile, site)
    everything = site_bytes(site)
    assert b"SECRET-" not in everything
    assert b"root:" not in everything  # /etc/passwd
    assert b"not an image at all" not in everything
    assert b"<script>alert(1)</script>" not in everything
    copied = [p for p in site.rglob("*") if p.is_file() and p.read_bytes() == PNG]
    assert [p.name for p in copied] == ["own.png"]
    notes = "\n".join(result.notes)
    for reference, reason in REFUSED.items():
        assert re.search(rf"{re.escape(reference)}: [^\n]*{reason}", notes), notes
    absolute = str(hostile.parent.parent / "elsewhere" / "absolute.png")
    assert f"{absolute}: outside the post's folder" in notes
    if name != "html":  # the page exporter copies images only; the sites copy linked files
        assert "../report.pdf: outside the post's folder" in notes
    # Left as written without a word: a text file linked (not an image), a web address, a
    # site path that is no file here.
    for quiet in ("notes.txt", "example.org", "logo-not-here"):
        assert quiet not in notes
    written = Path(result.location).read_text(encoding="utf-8")
    assert "https://example.org/etc/passwd" in written and "/assets/logo-not-here.png" in written


def test_a_post_folder_that_is_itself_a_link_still_finds_its_own_images(tmp_path):
    real = tmp_path / "real-drafts"
    (real / "p.assets").mkdir(parents=True)
    (real / "p.assets" / "a.png").write_bytes(PNG)
    (real / "p.md").write_text("![a](p.assets/a.png)\n", encoding="utf-8")
    (tmp_path / "drafts").symlink_to(real)
    assert local_image("p.assets/a.png", tmp_path / "drafts") == real / "p.assets" / "a.png"


def test_uploads_use_the_same_rule_and_name_what_they_skip(hostile):
    """Publishing (publish/publishing.py) uploads what ``local_image`` returns."""
    folder = hostile.parent
    assert local_image("night.assets/own.png", folder) == folder / "night.assets" / "own.png"
    for reference in [*REFUSED, str(folder.parent / "elsewhere" / "absolute.png")]:
        assert local_image(reference, folder) is None, reference
    skipped = {item.reference: item.reason for item in skipped_images(hostile.read_text(), folder)}
    assert set(skipped) == {*REFUSED, str(folder.parent / "elsewhere" / "absolute.png")}
    for reference, reason in REFUSED.items():
        assert reason in skipped[reference]


def test_a_fifo_is_never_opened(tmp_path):
    (tmp_path / "wait.png").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "wait.png")
    assert local_image("wait.png", tmp_path) is None  # would block forever if read


def test_audio_and_video_are_told_by_their_content(tmp_path):
    (tmp_path / "clip.mp4").write_bytes(b"\0\0\0\x18ftypmp42" + b"\0" * 32)
    (tmp_path / "clip.webm").write_bytes(b"\x1a\x45\xdf\xa3" + b"\0" * 32)
    (tmp_path / "song.mp3").write_bytes(b"ID3\x04" + b"\0" * 32)
    (tmp_path / "fake.mp4").write_bytes(b"#!/bin/sh\nrm -rf ~\n")
    for name in ("clip.mp4", "clip.webm", "song.mp3"):
        assert local_image(name, tmp_path) == tmp_path / name
    assert local_image("fake.mp4", tmp_path) is None


# --- folder options ----------------------------------------------------------------------

ESCAPES = ["../outside", "/tmp/smugdesk-escape", "a/../../outside", "~/x", 'a"b']
OPTION = {"html": "assets", "jekyll": "assets", "hugo": "section", "pelican": "content"}


@pytest.mark.parametrize("value", ESCAPES)
@pytest.mark.parametrize("name", EXPORTERS)
def test_folder_options_cannot_leave_the_site(name, value, hostile, tmp_path):
    site = tmp_path / "site"
    with pytest.raises(ExportError, match=f"the {OPTION[name]} option"):
        export(name, hostile, site, **{OPTION[name]: value})
    assert not (tmp_path / "outside").exists()
    assert not Path("/tmp/smugdesk-escape").exists()


@pytest.mark.parametrize("name", EXPORTERS)
def test_a_linked_folder_in_the_site_cannot_take_the_export_elsewhere(name, hostile, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    away = tmp_path / "away"
    away.mkdir()
    (site / "linked").symlink_to(away)
    with pytest.raises(ExportError, match="out of the site"):
        export(name, hostile, site, **{OPTION[name]: "linked"})
    assert list(away.iterdir()) == []


def test_a_linked_images_folder_cannot_take_the_images_elsewhere(hostile, tmp_path):
    """Pelican's post goes to content/, its images to content/images/: only the images'
    folder is a link here."""
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    away = tmp_path / "away"
    away.mkdir()
    (site / "content" / "images").symlink_to(away)
    with pytest.raises(ExportError, match="out of the site"):
        export("pelican", hostile, site)
    assert list(away.rglob("*")) == []
    assert not (site / "content" / "night.md").exists()


def test_a_linked_folder_where_the_page_puts_its_images_is_refused(hostile, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    away = tmp_path / "away"
    away.mkdir()
    (out / "night.assets").symlink_to(away)  # the image keeps its path beside the page
    with pytest.raises(ExportError, match="out of the site"):
        export("html", hostile, out)
    assert list(away.iterdir()) == []


@pytest.mark.parametrize("folder", ["_posts", "content"])
def test_a_linked_posts_folder_is_refused_too(folder, hostile, tmp_path):
    name = "jekyll" if folder == "_posts" else "hugo"
    site = tmp_path / "site"
    site.mkdir()
    away = tmp_path / "away"
    away.mkdir()
    (site / folder).symlink_to(away)
    with pytest.raises(ExportError, match="out of the site"):
        export(name, hostile, site)
    assert list(away.rglob("*.md")) == []


# --- slug collisions ---------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORTERS)
def test_another_draft_with_the_same_slug_is_refused(name, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    first = drafts / "first.md"
    second = drafts / "second.md"
    first.write_text("---\ntitle: First\nslug: same\ndate: 2026-03-01\n---\n\nmine\n")
    second.write_text("---\ntitle: Second\nslug: same\ndate: 2026-03-01\n---\n\ntheirs\n")
    site = tmp_path / "site"
    page = Path(export(name, first, site).location)
    with pytest.raises(ExportError, match="already exists"):
        export(name, second, site)
    assert "mine" in page.read_text(encoding="utf-8")
    assert Path(export(name, first, site).location) == page  # its own page is replaced


def test_a_page_smugdesk_did_not_write_is_not_replaced(tmp_path):
    post = tmp_path / "drafts" / "p.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: P\n---\n\nnew\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "p.html").write_text("the writer's own page")
    with pytest.raises(ExportError, match="already exists"):
        export("html", post, site)
    assert (site / "p.html").read_text() == "the writer's own page"


# --- metadata injection ------------------------------------------------------------------

HOSTILE_META = """---
title: "Hello\\nStatus: published\\nSlug: hijacked\\n---\\n+++\\nlayout: evil"
date: 2026-03-01 10:00:00+00:00
tags: ["calm\\nSlug: hijacked", "a, b", "x: y", "---"]
categories: ["main\\nTemplate: evil"]
summary: "first\\n\\nSave_as: index.html"
Title: Cased again
Status: published
note: "two\\nlines: here"
---

Body.
"""


def _written(name: str, tmp_path: Path):
    path = tmp_path / "drafts" / "hostile.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(HOSTILE_META, encoding="utf-8")
    typed = parse_post(HOSTILE_META, path)
    result = export(name, path, tmp_path / "site")
    return typed, Path(result.location)


def _yaml_front_matter(text: str) -> dict:
    """The block as Jekyll and Hugo find it: from the first line '---' to the next."""
    match = re.match(r"\A---\s*\n(.*?\n?)^---\s*$", text, re.DOTALL | re.MULTILINE)
    assert match, text
    return YAML(typ="safe").load(match.group(1))


@pytest.mark.parametrize("name", ["jekyll", "hugo"])
def test_front_matter_holds_exactly_what_the_writer_typed(name, tmp_path):
    typed, location = _written(name, tmp_path)
    text = location.read_text(encoding="utf-8")
    meta = _yaml_front_matter(text)
    assert meta["title"] == typed.title
    assert meta["tags"] == typed.tags
    assert meta["categories"] == typed.categories
    assert meta["summary"] == typed.meta["summary"]
    assert meta["note"] == typed.meta["note"]
    assert "layout" not in meta or meta["layout"] == "post"
    assert meta.get("slug", "hostile") == "hostile"
    assert text.rstrip().endswith("Body.")
    if name == "hugo":
        assert meta["draft"] is True
    else:
        assert meta["published"] is False


def test_pelican_metadata_holds_what_the_writer_typed_and_nothing_more(tmp_path):
    from pelican.readers import MarkdownReader
    from pelican.settings import DEFAULT_CONFIG

    typed, location = _written("pelican", tmp_path)
    settings = dict(DEFAULT_CONFIG)
    content, meta = MarkdownReader(settings).read(str(location))
    one_line = " ".join(typed.title.split())  # Pelican's metadata is one line a key
    assert meta["title"] == one_line
    assert meta["slug"] == "hostile"
    assert meta["status"] == "draft"
    assert [str(tag) for tag in meta["tags"]] == [" ".join(t.split()) for t in typed.tags]
    assert str(meta["category"]) == " ".join(typed.categories[0].split())
    assert "template" not in meta and "save_as" not in meta
    assert meta["note"] == "two lines: here"
    assert "Body." in content


def test_a_page_an_earlier_smugdesk_wrote_for_this_post_is_replaced(tmp_path):
    """Pages exported before the record existed: smugdesk's own page with this title."""
    from smugdesk.core.render import render_page, render_post

    post = tmp_path / "drafts" / "p.md"
    post.parent.mkdir()
    post.write_text("---\ntitle: Q&A night\n---\n\nnew text\n")
    site = tmp_path / "site"
    site.mkdir()
    earlier = render_page(render_post(parse_post("---\ntitle: Q&A night\n---\n\nold\n")))
    (site / "p.html").write_text(earlier, encoding="utf-8")
    export("html", post, site)
    assert "new text" in (site / "p.html").read_text(encoding="utf-8")
    other = render_page(render_post(parse_post("---\ntitle: Another post\n---\n\nx\n")))
    (site / "q.html").write_text(other, encoding="utf-8")
    post.rename(post.with_name("q.md"))
    with pytest.raises(ExportError, match="already exists"):
        export("html", post.with_name("q.md"), site)

"""Image sizes on static sites, built by the real generators: every image gets its width
and height (the page does not jump while it loads), Jekyll also a narrower copy in a
srcset whose addresses work under the site's baseurl; an image the writer sized keeps its
own size; Hugo's Markdown is left without attribute lists it would print as text."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image
from site_builds import export, run


@pytest.fixture
def post(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    (drafts / "p.assets").mkdir(parents=True)
    Image.new("RGB", (2000, 1500), (20, 90, 160)).save(drafts / "p.assets" / "ward.jpg")
    Image.new("RGB", (400, 300), (160, 90, 20)).save(drafts / "p.assets" / "small.jpg")
    path = drafts / "p.md"
    path.write_text(
        "---\ntitle: Sizes\ndate: 2026-03-01\nstatus: published\n---\n\n"
        "![The ward](p.assets/ward.jpg)\n\n"
        "![Small one](p.assets/small.jpg)\n\n"
        '![Sized by me](p.assets/ward.jpg "A caption"){width="480"}\n',
        encoding="utf-8",
    )
    return path


def images(html: str) -> dict[str, str]:
    return {re.search(r'alt="([^"]*)"', tag)[1]: tag for tag in re.findall(r"<img\b[^>]*>", html)}


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="Jekyll is not installed")
def test_jekyll_pages_get_sizes_and_a_srcset_that_resolves(post, tmp_path):
    site = tmp_path / "jekyll-site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: T\nbaseurl: /blog\n")
    (site / "_layouts" / "post.html").write_text("{{ content }}")
    result = export("jekyll", post, site)
    narrow = site / "assets" / "images" / "p" / "ward-1024w.jpg"
    assert narrow in result.written and Image.open(narrow).size == (1024, 768)
    run(["jekyll", "build", "--source", str(site), "--destination", str(site / "_site")], site)
    [page] = (site / "_site").rglob("p.html")
    found = images(page.read_text(encoding="utf-8"))
    ward = found["The ward"]
    assert 'width="2000"' in ward and 'height="1500"' in ward
    [srcset] = re.findall(r'srcset="([^"]*)"', ward)
    files = [entry.split()[0] for entry in srcset.split(",")]
    assert files == ["/blog/assets/images/p/ward-1024w.jpg", "/blog/assets/images/p/ward.jpg"]
    assert all((site / "_site" / f[len("/blog/") :]).exists() for f in files)
    small = found["Small one"]  # too narrow for a second size: its size only
    assert 'width="400"' in small and 'height="300"' in small and "srcset" not in small
    mine = found["Sized by me"]
    assert 'width="480"' in mine and "height" not in mine and "srcset" not in mine


def test_pelican_pages_get_sizes_without_a_srcset_pelican_cannot_resolve(post, tmp_path):
    site = tmp_path / "pelican-site"
    site.mkdir()
    (site / "pelicanconf.py").write_text(
        "AUTHOR = 'C'\nSITENAME = 'T'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "DEFAULT_LANG = 'en'\nSTATIC_PATHS = ['images']\nRELATIVE_URLS = True\n"
        "ARTICLE_URL = '{slug}.html'\nARTICLE_SAVE_AS = '{slug}.html'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
    )
    export("pelican", post, site)
    assert not list(site.rglob("*-1024w.jpg"))
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    run(command, site)
    page = site / "output" / "p.html"
    found = images(page.read_text(encoding="utf-8"))
    ward = found["The ward"]
    assert 'width="2000"' in ward and 'height="1500"' in ward and "srcset" not in ward
    src = re.search(r'src="([^"]+)"', ward)[1]
    assert (page.parent / src).exists()
    assert "{:" not in page.read_text(encoding="utf-8")  # the attribute list was read
    mine = found["Sized by me"]
    assert 'width="480"' in mine and "height" not in mine


@pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed")
def test_hugo_markdown_gets_no_attribute_lists_it_would_print(post, tmp_path):
    site = tmp_path / "hugo-site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text('baseURL = "https://b.example/"\ntitle = "T"\n')
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    for name in ("list.html", "index.html"):
        (site / "layouts" / "_default" / name).write_text("{{ .Title }}")
    export("hugo", post, site)
    run(["hugo", "--source", str(site), "--destination", str(site / "public")], tmp_path)
    page = (site / "public" / "posts" / "p" / "index.html").read_text(encoding="utf-8")
    assert "{:" not in page and "The ward" in page

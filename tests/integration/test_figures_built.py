"""Captions, alignment and display size built by the real Hugo, Jekyll and Pelican from
what smugdesk exported, and sent to the real WordPress: each target's own idiom reaches
the reader's page as a <figure> with its <figcaption>."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from PIL import Image
from site_builds import export, run

LINE = '![Nurses at the station](p.assets/station.jpg "The night shift at 3 a.m."){.align-center width="480"}'  # noqa: E501


@pytest.fixture
def post(tmp_path) -> Path:
    drafts = tmp_path / "drafts"
    (drafts / "p.assets").mkdir(parents=True)
    Image.new("RGB", (800, 600), (20, 90, 160)).save(drafts / "p.assets" / "station.jpg")
    path = drafts / "p.md"
    path.write_text(
        f"---\ntitle: Night\ndate: 2026-03-01\nstatus: published\n---\n\nBefore.\n\n{LINE}\n\n"
        "After.\n",
        encoding="utf-8",
    )
    return path


def assert_figure(html: str, image_exists) -> None:
    [figure] = re.findall(r"<figure[^>]*>.*?</figure>", html, re.DOTALL)
    assert "align-center" in figure
    assert re.search(r"<figcaption[^>]*>\s*(<p>)?The night shift at 3 a\.m\.", figure), figure
    assert 'alt="Nurses at the station"' in figure
    assert re.search(r'width="?480', figure), figure
    [src] = re.findall(r'<img[^>]*src="([^"]+)"', figure)
    assert image_exists(src), src


@pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed")
def test_hugo_builds_the_figure_shortcode(post, tmp_path):
    site = tmp_path / "hugo-site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text('baseURL = "https://b.example/"\ntitle = "T"\n')
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    for name in ("list.html", "index.html"):
        (site / "layouts" / "_default" / name).write_text("{{ .Title }}")
    export("hugo", post, site)
    run(["hugo", "--source", str(site), "--destination", str(site / "public")], tmp_path)
    page = site / "public" / "posts" / "p" / "index.html"
    assert_figure(page.read_text(encoding="utf-8"), lambda src: (page.parent / src).exists())


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="Jekyll is not installed")
def test_jekyll_builds_the_figure(post, tmp_path):
    site = tmp_path / "jekyll-site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: T\nbaseurl: /blog\n")
    (site / "_layouts" / "post.html").write_text("{{ content }}")
    export("jekyll", post, site)
    run(["jekyll", "build", "--source", str(site), "--destination", str(site / "_site")], site)
    [page] = (site / "_site").rglob("p.html")
    assert_figure(
        page.read_text(encoding="utf-8"),
        lambda src: src.startswith("/blog/") and (site / "_site" / src[6:]).exists(),
    )


def test_pelican_builds_the_figure(post, tmp_path):
    site = tmp_path / "pelican-site"
    site.mkdir()
    (site / "pelicanconf.py").write_text(
        "AUTHOR = 'C'\nSITENAME = 'T'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "DEFAULT_LANG = 'en'\nSTATIC_PATHS = ['images']\nRELATIVE_URLS = True\n"
        "ARTICLE_URL = '{slug}.html'\nARTICLE_SAVE_AS = '{slug}.html'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n"
    )
    export("pelican", post, site)
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    run(command, site)
    page = site / "output" / "p.html"
    assert_figure(page.read_text(encoding="utf-8"), lambda src: (page.parent / src).exists())


def test_the_html_page_has_the_figure(post, tmp_path):
    out = tmp_path / "out"
    export("html", post, out)
    page = out / "p.html"
    assert_figure(page.read_text(encoding="utf-8"), lambda src: (out / src).exists())


def test_wordpress_gets_its_image_block_markup(wordpress, rest_account, post):
    from smugdesk.core.post import parse_post
    from smugdesk.publish.publishing import publish_post
    from smugdesk.publish.remote import make_publisher

    text = post.read_text(encoding="utf-8").replace("title: Night", "title: Figure night")
    publisher = make_publisher(rest_account, wordpress.app_password, timeout=30)
    outcome = publish_post(parse_post(text, post), rest_account, publisher)
    html = publisher.get(outcome.remote.id).html
    assert '<figure class="wp-block-image aligncenter is-resized">' in html, html
    assert '<figcaption class="wp-element-caption">The night shift at 3 a.m.</figcaption>' in html

"""Exported posts built by the real generators: Hugo, Jekyll and Pelican.

Each check opens the generated HTML and finds the title, the date, a tag, the embedded video
and a copied image that resolves to a real file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_posts import PIXEL, VIDEO

from smugdesk.core.store import load_post
from smugdesk.publish.base import resolve_options
from smugdesk.publish.registry import registry


def export(name: str, drafts: Path, site: Path) -> None:
    exporter = registry().get(name)
    options = resolve_options(exporter, {})
    for stem in ("first-steps", "clinic-films"):  # the linked post must be in the site first
        exporter.export(load_post(drafts / f"{stem}.md"), site, options)


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"


def image_sources(html: str) -> list[str]:
    return re.findall(r'<img[^>]*\bsrc="([^"]+)"', html)


def check_page(html: str, date_text: str, resolve) -> None:
    assert "Why our clinic films its own answers" in html
    assert date_text in html
    assert 'class="tag">video<' in html or ">video</a>" in html
    assert re.search(rf'<iframe[^>]+src="[^"]*{VIDEO}', html), "no video player"
    assert f"https://youtu.be/{VIDEO}" in html  # the URL in a code block stays text
    sources = image_sources(html)
    assert sources, "no image"
    assert resolve(sources[0]).read_bytes() == PIXEL


@pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed (Debian: hugo)")
def test_hugo_builds_the_exported_bundle(drafts, tmp_path):
    site = tmp_path / "hugo-site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(
        'baseURL = "https://blog.example/"\ntitle = "Test"\n'
        "[privacy.youtube]\nprivacyEnhanced = true\n",
        encoding="utf-8",
    )
    (site / "layouts" / "_default" / "single.html").write_text(
        '<h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>'
        '{{ range .Params.tags }}<span class="tag">{{ . }}</span>{{ end }}'
        "<p>{{ .Params.audience }}</p>{{ .Content }}",
        encoding="utf-8",
    )
    for name in ("list.html", "index.html"):
        (site / "layouts" / "_default" / name).write_text("{{ .Title }}", encoding="utf-8")
    export("hugo", drafts, site)
    run(["hugo", "--source", str(site), "--destination", str(site / "public")], tmp_path)

    page = site / "public" / "posts" / "clinic-films" / "index.html"
    html = page.read_text(encoding="utf-8")
    check_page(html, "2026-11-20", lambda src: page.parent / src.rsplit("/", 1)[-1])
    assert "youtube-nocookie.com" in html
    assert "<p>clinicians</p>" in html  # the user's own key reached the template
    assert 'href="/posts/first-steps/"' in html or "first-steps" in html


@pytest.mark.skipif(
    shutil.which("jekyll") is None, reason="Jekyll is not installed (Debian: jekyll)"
)
def test_jekyll_builds_the_exported_post(drafts, tmp_path):
    site = tmp_path / "jekyll-site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Test\nbaseurl: /blog\n", encoding="utf-8")
    (site / "_layouts" / "post.html").write_text(
        '<h1>{{ page.title }}</h1><time>{{ page.date | date: "%Y-%m-%d" }}</time>'
        '{% for t in page.tags %}<span class="tag">{{ t }}</span>{% endfor %}'
        "<p>{{ page.audience }}</p>{{ content }}",
        encoding="utf-8",
    )
    export("jekyll", drafts, site)
    run(["jekyll", "build", "--source", str(site), "--destination", str(site / "_site")], site)

    [page] = (site / "_site").rglob("clinic-films.html")
    html = page.read_text(encoding="utf-8")
    # baseurl /blog: relative_url gave /blog/assets/...; the built files live under _site/.
    check_page(html, "2026-11-20", lambda src: site / "_site" / src.removeprefix("/blog/"))
    assert "<p>clinicians</p>" in html
    assert re.search(r'href="/blog/outreach/2026/10/01/first-steps\.html"', html)


def test_pelican_builds_the_exported_article(drafts, tmp_path):
    site = tmp_path / "pelican-site"
    site.mkdir()
    (site / "pelicanconf.py").write_text(
        "AUTHOR = 'Comms'\nSITENAME = 'Test'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "DEFAULT_LANG = 'en'\nSTATIC_PATHS = ['images']\nRELATIVE_URLS = True\n"
        "ARTICLE_URL = '{slug}.html'\nARTICLE_SAVE_AS = '{slug}.html'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n",
        encoding="utf-8",
    )
    export("pelican", drafts, site)
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    run(command, site)

    page = site / "output" / "clinic-films.html"
    html = page.read_text(encoding="utf-8")
    check_page(html, "2026-11-20", lambda src: page.parent / src)
    assert 'href="./first-steps.html"' in html or 'href="first-steps.html"' in html

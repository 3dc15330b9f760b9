"""A Hugo site's own look for the preview: the real ``hugo`` builds a copy of the site with a
marker post, and that post's page becomes the template (its CSS, font and images stored,
its script and its link to another origin gone; the site's folder left as it was)."""

from __future__ import annotations

import shutil
import time

import pytest
from theme_sites import small_hugo_site, small_jekyll_site

from smugdesk.publish.theme_capture import ThemeCaptureError, capture_hugo, capture_site

needs_hugo = pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")


@needs_hugo
def test_the_sites_own_page_becomes_the_template(tmp_path):
    site = small_hugo_site(tmp_path / "site")
    before = sorted(str(p.relative_to(site)) for p in site.rglob("*"))
    started = time.monotonic()
    theme = capture_hugo(site, tmp_path / "theme")
    seconds = time.monotonic() - started
    template = theme.template()
    # The theme's own elements hold the post's parts.
    assert '<h1 class="headline" id="sd-title">{{title}}</h1>' in template
    assert '<div class="prose" id="sd-body"></div>' in template
    assert '<header class="masthead"><a>Ward Rounds</a>' in template
    assert "SMUGDESK-" not in template
    # Its CSS, font and image are stored; its script and the other origin's sheet are not.
    stored = {p.suffix: p.read_bytes() for p in (theme.folder / "files").iterdir()}
    assert set(stored) == {".css", ".woff2", ".png"}
    assert b'url("/.smugdesk-theme/files/' in stored[".css"]
    assert "<script" not in template and "evil" not in template and "app.js" not in template
    # The site's folder is as it was (the build ran on a copy, into a temporary folder).
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*")) == before
    print(f"hugo capture: {seconds * 1000:.0f} ms")


@needs_hugo
def test_a_site_hugo_cannot_build_gives_one_line(tmp_path):
    site = small_hugo_site(tmp_path / "site")
    (site / "themes/ward/layouts/_default/single.html").write_text('{{ define "main" }}{{ .Nope')
    with pytest.raises(ThemeCaptureError) as caught:
        capture_hugo(site, tmp_path / "theme")
    assert "\n" not in str(caught.value) and "hugo could not build" in str(caught.value)


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_a_jekyll_sites_own_page_becomes_the_template(tmp_path):
    site = small_jekyll_site(tmp_path / "site")
    before = sorted(str(p.relative_to(site)) for p in site.rglob("*"))
    started = time.monotonic()
    theme = capture_site("jekyll", site, tmp_path / "theme")
    seconds = time.monotonic() - started
    template = theme.template()
    assert '<h1 class="post-heading" id="sd-title">{{title}}</h1>' in template
    assert '<div class="post-text" id="sd-body"></div>' in template
    assert '<header class="site-header">Night Shift</header>' in template
    # Its stylesheet (linked by absolute_url: the build's address, not the web's) and font.
    stored = {p.suffix for p in (theme.folder / "files").iterdir()}
    assert stored == {".css", ".woff2"}
    assert "<script" not in template and "evil" not in template and "nights.example" not in template
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*")) == before
    print(f"jekyll capture: {seconds * 1000:.0f} ms")

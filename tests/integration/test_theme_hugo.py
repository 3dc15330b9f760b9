"""A Hugo site's own look for the preview: the real ``hugo`` builds a copy of the site with a
marker post, and that post's page becomes the template (its CSS, font and images stored,
its script and its link to another origin gone; the site's folder left as it was)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from smugdesk.publish.theme_capture import ThemeCaptureError, capture_hugo

pytestmark = pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed")


def small_hugo_site(root: Path) -> Path:
    """A site with a small theme of its own ("ward"): a layout with a header, a content
    element of its own class name, a stylesheet with a web font and a background image,
    a script and a tracker from another origin."""
    theme = root / "themes" / "ward"
    for folder in ("layouts/_default", "static/css", "static/fonts", "static/img"):
        (theme / folder).mkdir(parents=True, exist_ok=True)
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://ward.example/"\ntitle = "Ward Rounds"\ntheme = "ward"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
        encoding="utf-8",
    )
    (theme / "layouts/_default/baseof.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '<link rel="stylesheet" href="{{ "css/ward.css" | relURL }}">'
        '<script src="{{ "js/app.js" | relURL }}"></script>'
        "<script>document.documentElement.dataset.pwned = 1</script>"
        '<link rel="stylesheet" href="https://fonts.evil.example/css">'
        '</head><body><header class="masthead"><a href="/">{{ .Site.Title }}</a>'
        '<img src="{{ "img/logo.png" | relURL }}" alt=""></header>'
        '{{ block "main" . }}{{ end }}<footer>Footer</footer></body></html>',
        encoding="utf-8",
    )
    (theme / "layouts/_default/single.html").write_text(
        '{{ define "main" }}<main class="column"><h1 class="headline">{{ .Title }}</h1>'
        '<p class="when">{{ .Date.Format "2 January 2006" }}</p>'
        '<div class="prose">{{ .Content }}</div></main>{{ end }}',
        encoding="utf-8",
    )
    (theme / "layouts/_default/list.html").write_text(
        '{{ define "main" }}{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>'
        "{{ end }}{{ end }}",
        encoding="utf-8",
    )
    (theme / "static/css/ward.css").write_text(
        "@font-face { font-family: Ward; src: url(../fonts/ward.woff2) format('woff2'); }\n"
        "body { font-family: Ward, serif; color: rgb(10, 20, 30); }\n"
        ".masthead { background: url(/img/logo.png) no-repeat; }\n"
        ".column { max-width: 37rem; margin: 0 auto; }\n"
        ".prose p { line-height: 1.9; }\n",
        encoding="utf-8",
    )
    (theme / "static/fonts/ward.woff2").write_bytes(b"wOF2" + bytes(64))
    (theme / "static/img/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (theme / "static/js").mkdir()
    (theme / "static/js/app.js").write_text("alert(1)")
    (root / "content/posts/hello.md").write_text(
        "---\ntitle: Hello\ndate: 2026-11-01\n---\n\nA real post.\n", encoding="utf-8"
    )
    return root


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


def test_a_site_hugo_cannot_build_gives_one_line(tmp_path):
    site = small_hugo_site(tmp_path / "site")
    (site / "themes/ward/layouts/_default/single.html").write_text('{{ define "main" }}{{ .Nope')
    with pytest.raises(ThemeCaptureError) as caught:
        capture_hugo(site, tmp_path / "theme")
    assert "\n" not in str(caught.value) and "hugo could not build" in str(caught.value)

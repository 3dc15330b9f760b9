"""URLs typed or pasted into the helpers: accepted, fixed with a suggestion, or refused."""

from __future__ import annotations

import pytest

from smugdesk.core.links import (
    BadUrlError,
    check_url,
    is_safe_link,
    looks_like_url,
    markdown_image,
    markdown_link,
)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org",
        "http://example.org/path?q=1#frag",
        "https://www.latimes.com/science/la-sci-twitter-doctors-20100213,0,7356398.story",
        "https://xn--bcher-kva.example/",
        "https://bücher.example/neu",  # IDN, turned into punycode by the browser
        "https://пример.испытание/",  # all Cyrillic: a real address, not a look-alike
        "https://127.0.0.1:8080/wp-admin",
        "http://[::1]:8000/",
        "http://localhost:4000/2026/11/24/post.html",
        "http://intranet/news",  # single-label hosts exist on hospital networks
        "https://en.wikipedia.org/wiki/Social_media_(disambiguation)",
        "https://example.org/%E2%9C%93",
        "mailto:press@example.org",
        "post:flu-season-in-numbers",
    ],
)
def test_good_urls_pass_unchanged(url):
    checked = check_url(f"  {url} ")
    assert checked.url == url
    assert checked.suggestion == ""


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("example.org", "https://example.org"),
        ("www.mayoclinic.org/diseases", "https://www.mayoclinic.org/diseases"),
        ("news.example.co.uk/a?b=c", "https://news.example.co.uk/a?b=c"),
    ],
)
def test_bare_domains_get_an_https_suggestion(text, suggestion):
    assert check_url(text).suggestion == suggestion


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("javascript:alert(1)", "not allowed"),
        ("JavaScript:alert(1)", "not allowed"),
        ("vbscript:msgbox", "not allowed"),
        ("file:///etc/passwd", "not allowed"),
        ("data:text/html;base64,PHNjcmlwdD4=", "not allowed"),
        ("https://exa mple.org", "space"),
        ('https://example.org/"onmouseover="x', "not allowed in a URL"),
        ("https://example.org/<script>", "not allowed in a URL"),
        ("https://example.org/\u202egnp.exe", "invisible"),
        ("https://exam\u200bple.org", "invisible"),
        ("https://example.org/\x00", "invisible"),
        ("https://" + "a" * 2100 + ".org", "limit"),
        ("https://", "no host"),
        ("https://exa_mple.org", "not a valid host"),
        ("https://-bad-.org", "not a valid host"),
        ("https://example.org:99999/", "malformed"),
        ("ftp://example.org/file", "http:// or https://"),
        ("just some words", "space"),
        ("example", "http:// or https://"),
        ("mailto:nobody", "e-mail"),
        ("https://exa..mple.org/", "not a valid host"),
        ("https://\u0430pple.com/", "mixes Cyrillic and Latin"),
        ("https://g\u043e\u043egle.com/", "look-alike"),
    ],
)
def test_bad_urls_are_refused_with_a_reason(text, reason):
    with pytest.raises(BadUrlError, match=reason):
        check_url(text)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://a.org", True),
        ("relative/path.png", True),
        ("#fn:1", True),
        ("post:slug", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("java\u200bscript:alert(1)", False),
        ("vbscript:x", False),
        ("file:///etc/passwd", False),
        ("data:image/png;base64,AAAA", False),
    ],
)
def test_is_safe_link(url, safe):
    assert is_safe_link(url) is safe


def test_looks_like_url():
    assert looks_like_url(" https://example.org/a ")
    assert not looks_like_url("see https://example.org")
    assert not looks_like_url("example.org")


def test_markdown_link_and_image_escape_what_would_break_them():
    assert markdown_link("Read [this]", "https://a.org/x (1)") == (
        r"[Read \[this\]](https://a.org/x%20%281%29)"
    )
    assert markdown_link("", "https://a.org") == "[https://a.org](https://a.org)"
    assert markdown_link("T", "https://a.org", 'say "hi"') == "[T](https://a.org \"say 'hi'\")"
    assert markdown_image("A ward at night", "post.assets/ward.png") == (
        "![A ward at night](post.assets/ward.png)"
    )
    assert markdown_image("", "post.assets/x.png") == "![](post.assets/x.png)"

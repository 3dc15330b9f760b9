"""Addresses that run code (javascript:, vbscript:, data:, file:) never reach a page live:
not from Markdown links, raw HTML blocks, inline HTML or attribute lists, however they are
spelled (entities, case, control characters), in the preview and in every export.

The checks read the output the way a browser would, with ``html.parser``: once as a whole
document, and once from every ``<`` on its own (so a comment or a script that the test's
reader and a browser disagree about cannot hide a tag from the test either).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from link_attacks import PAYLOADS, RAW_PAYLOADS, attack_contexts, live_dangerous_attributes
from markdown_it import MarkdownIt

from smugdesk.core.html_safety import dangerous_url, disarm_html, disarm_markdown
from smugdesk.core.post import parse_post
from smugdesk.core.render import Renderer
from smugdesk.publish.base import resolve_options
from smugdesk.publish.registry import registry

CASES = [
    (payload, context)
    for payload in PAYLOADS + RAW_PAYLOADS
    for context in attack_contexts(payload)
    if not (payload in RAW_PAYLOADS and "\n" in payload and context.startswith("!["))
]


@pytest.mark.parametrize(("payload", "markdown"), CASES)
def test_the_preview_renderer_disarms_every_spelling(payload, markdown):
    for renderer in (Renderer(embeds="placeholder", source_lines=True), Renderer()):
        page = renderer.render(markdown)
        assert live_dangerous_attributes(page) == [], page


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_site_markdown_is_disarmed_for_any_markdown_renderer(payload):
    """What Jekyll, Hugo and Pelican render themselves: read by a CommonMark renderer that
    lets everything through (kramdown and Hugo's "unsafe" mode do) and by Python-Markdown
    without smugdesk's renderer (Pelican's)."""
    import markdown

    permissive = MarkdownIt("commonmark", {"html": True})
    permissive.validateLink = lambda url: True
    plain = markdown.Markdown(extensions=["extra"])
    source = "\n\n".join(attack_contexts(payload))
    source += f"\n\n<{payload}>\n\n- item\n\n    [indented]({payload})\n"
    disarmed = disarm_markdown(source)
    for page in (permissive.render(disarmed), plain.reset().convert(disarmed)):
        assert live_dangerous_attributes(page) == [], page
    # and the same source untouched is a live attack in both, so the check above means it
    assert live_dangerous_attributes(permissive.render(source))
    assert live_dangerous_attributes(plain.reset().convert(source))


def test_ordinary_links_and_raw_html_are_left_exactly_as_written():
    html = (
        '<p><a href="https://example.org/a?b=1&amp;c=2" class="x">ok</a> '
        '<img src="pic.png" alt="Data: the figures" title="javascript: a talk">'
        '<img src="data:image/png;base64,iVBORw0KGgo=">'
        '<button onclick="go()">a script is not an address</button>'
        '<button onclick="javascript:go()">a label in a script: kept with it</button>'
        '<a href="mailto:me@example.org">mail</a> <a href="post:other">draft</a></p>'
    )
    assert disarm_html(html) == html
    text = "[ok](https://example.org/) and <https://example.org/> and the javascript: scheme"
    assert disarm_markdown(text) == text


def test_a_disarmed_tag_keeps_its_text_and_other_attributes():
    out = disarm_html('<a class="btn" href="&#106;avascript:x()" id="k">Pay</a>')
    assert out == (
        '<a class="btn" id="k" title="link removed: this kind of address is not allowed">Pay</a>'
    )
    assert disarm_markdown("[Pay](javascript:x())") == "[Pay](#blocked:javascript:x())"


@pytest.mark.parametrize(
    ("value", "image", "dangerous"),
    [
        ("data:image/png;base64,AAAA", True, False),
        ("data:image/png;base64,AAAA", False, True),
        ("data:image/svg+xml,<svg/>", True, True),
        ("data:text/html,x", True, True),
        ("https://a.org/javascript:x", False, False),
        ("./javascript:x", False, False),
        ("java\u200bscript:x", False, True),
    ],
)
def test_data_images_only_as_raster_image_sources(value, image, dangerous):
    assert dangerous_url(value, image=image) is dangerous


def test_a_tag_left_open_at_the_end_cannot_become_a_link_later():
    out = disarm_html('<p>x</p><a href="javascript:alert(1)')
    assert "<a" not in out
    assert live_dangerous_attributes(out + '">y</a>') == []


@pytest.mark.parametrize(
    "text",
    [
        '<p>para <a href="https://example.org/">link</a> &amp; <b>bold</b></p>\n' * 20000
        + '<a href="javascript:x()">',
        "a<b " * 50000 + "javascript:>",  # every "<b" a tag running to the same far end
        "<a title='" * 20000 + "javascript:",
    ],
)
def test_a_large_or_hostile_post_is_disarmed_quickly(text):
    import time

    start = time.perf_counter()
    out = disarm_html(text)
    assert time.perf_counter() - start < 2.0
    assert live_dangerous_attributes(out[-3000:]) == []


ALL_CONTEXTS = "\n\n".join(
    attack_contexts("&#106;avascript:alert(1)") + attack_contexts("javascript:x")
)


@pytest.mark.parametrize("name", ["html", "jekyll", "hugo", "pelican"])
def test_every_exporter_writes_no_live_dangerous_address(name, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    path = drafts / "attack.md"
    path.write_text(f"---\ntitle: Attack\ndate: 2026-01-02\n---\n\n{ALL_CONTEXTS}\n")
    site = tmp_path / "site"
    exporter = registry().get(name)
    result = exporter.export(
        parse_post(path.read_text(), path), site, resolve_options(exporter, {})
    )
    written = Path(result.location).read_text(encoding="utf-8")
    if name == "html":
        pages = [written]
    elif name == "pelican":
        pages = [_pelican_html(Path(result.location))]
    else:  # Jekyll's kramdown and Hugo's goldmark (unsafe mode): a permissive CommonMark
        permissive = MarkdownIt("commonmark", {"html": True})
        permissive.validateLink = lambda url: True
        pages = [permissive.render(written.split("---\n", 2)[2])]
    for page in pages:
        assert live_dangerous_attributes(page) == [], page


def test_the_html_sent_to_a_blog_is_disarmed():
    """Publishing renders with Renderer(embeds="iframe") (publish/publishing.py)."""
    page = Renderer(embeds="iframe").render(ALL_CONTEXTS)
    assert live_dangerous_attributes(page) == []


def _pelican_html(path: Path) -> str:
    from pelican.readers import MarkdownReader
    from pelican.settings import DEFAULT_CONFIG

    content, _meta = MarkdownReader(dict(DEFAULT_CONFIG)).read(str(path))
    return content


# --- the link helper: look-alike hosts and the length limit ------------------------------


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("https://\u0430\u0440\u0440\u04cf\u0435.com/", "“\u0430\u0440\u0440\u04cf\u0435.com”"),
        ("https://\u0440\u0430\u0443\u0440\u0430\u04cf.com/login", "paypal.com"),
        ("https://\u0440\u0430\u0443\u0440\u0430l.com/", "paypal.com"),  # Latin l: mixed
        ("https://xn--80ak6aa92e.com/", "apple.com"),  # the same, pasted as punycode
        ("https://\u0455\u0441\u043e\u0440\u0435.example/", "scope.example"),
        ("https://\u03bf\u03c1\u03b1\u03bd.example/", "opav.example"),  # Greek
        ("https://g\u043e\u043egle.com/", "google.com"),
    ],
)
def test_look_alike_hosts_are_refused_naming_what_they_imitate(url, named):
    from smugdesk.core.links import BadUrlError, check_url

    with pytest.raises(BadUrlError, match="look-alike") as error:
        check_url(url)
    assert named in str(error.value)


@pytest.mark.parametrize(
    "char", ["\u2024", "\u3002", "\uff0e", "\uff61", "\ufe52", "\u2215", "\u2044", "\uff0f"]
)
def test_a_dot_or_slash_that_is_not_one_is_refused_by_name(char):

    from smugdesk.core.links import BadUrlError, check_url

    for url in (f"https://apple{char}com/", f"https://paypal.com{char}evil.example/"):
        with pytest.raises(BadUrlError, match=unicodedata.name(char)):
            check_url(url)
    assert check_url(f"https://example.org/a{char}b").url  # in the path it is only text


@pytest.mark.parametrize(
    "url",
    [
        "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435/",
        "https://\u043c\u043e\u0441\u0442.example/",  # Cyrillic, but not only look-alikes
        "https://b\u00fccher.example/",
        "https://\u03b5\u03bb\u03bb\u03ac\u03b4\u03b1.example/",
        "https://xn--bcher-kva.example/",
    ],
)
def test_real_addresses_in_other_scripts_pass(url):
    from smugdesk.core.links import check_url

    assert check_url(url).url == url


def test_the_url_length_limit_is_exact():
    from smugdesk.core.links import MAX_URL_LENGTH, BadUrlError, check_url

    base = "https://example.org/"
    longest = base + "a" * (MAX_URL_LENGTH - len(base))
    assert len(longest) == MAX_URL_LENGTH == 2048
    assert check_url(f" {longest} ").url == longest  # surrounding spaces do not count
    with pytest.raises(BadUrlError, match="2,049 characters long; the limit is 2,048"):
        check_url(longest + "b")


def test_a_mixed_script_host_pasted_as_punycode_is_refused():
    from smugdesk.core.links import BadUrlError, check_url

    with pytest.raises(BadUrlError, match="mixes Cyrillic and Latin"):
        check_url("https://xn--pple-43d.com/")  # "аpple.com", its а Cyrillic


@pytest.mark.parametrize(
    "markdown",
    [
        "[escaped colon](javascript\\:alert(1))",
        "[escaped parens](javascript\\:alert\\(1\\))",
        "[ref][r]\n\n[r]: javascript\\:alert(1)",
        "[both](&#106;avascript\\:alert(1))",
    ],
)
def test_markdown_backslash_escapes_in_a_destination_are_seen_through(markdown):
    """CommonMark and Python-Markdown drop a backslash before punctuation in a link's
    address: "javascript\\:" is a live "javascript:" to them (not to a browser)."""
    import markdown as python_markdown

    permissive = MarkdownIt("commonmark", {"html": True})
    permissive.validateLink = lambda url: True
    assert live_dangerous_attributes(permissive.render(markdown)), "not an attack"
    disarmed = disarm_markdown(markdown)
    plain = python_markdown.Markdown(extensions=["extra"])
    for page in (permissive.render(disarmed), plain.convert(disarmed), Renderer().render(markdown)):
        assert live_dangerous_attributes(page) == [], page


@pytest.mark.parametrize(
    "html",
    [
        '<iframe srcdoc="&lt;a href=&quot;&amp;#106;avascript:alert(1)&quot;&gt;x&lt;/a&gt;">'
        "</iframe>",
        "<iframe srcdoc=\"<a href='javascript:alert(1)'>x</a>\"></iframe>",
        '<meta http-equiv="refresh" content="0; URL=\'javascript:alert(1)\'">',
        '<meta http-equiv="refresh" content="0;url=data:text/html,<script>alert(1)</script>">',
    ],
)
def test_pages_and_redirects_inside_attributes_are_disarmed_too(html):
    for page in (Renderer().render(html), disarm_markdown(html)):
        assert "srcdoc" not in page and "content=" not in page, page


def test_a_harmless_srcdoc_and_refresh_stay():
    html = (
        '<iframe srcdoc="&lt;p&gt;hello&lt;/p&gt;"></iframe>'
        '<meta http-equiv="refresh" content="30; url=https://example.org/">'
    )
    assert disarm_html(html) == html


def test_a_disarmed_self_closing_tag_stays_self_closing():
    """In SVG, a tag that lost its "/>" would swallow what follows as its children."""
    out = disarm_html('<svg><animate attributeName="href" to="javascript:x()"/><circle/></svg>')
    assert '<animate attributename="href" title="' in out
    assert out.endswith('" /><circle/></svg>')


def test_when_rewriting_does_not_settle_the_tag_is_shown_as_text(monkeypatch):
    from smugdesk.core import html_safety

    monkeypatch.setattr(html_safety, "_MAX_PASSES", 0)  # no rewriting pass left: the last
    out = html_safety.disarm_html('<p><a href="javascript:x()">x</a></p>')
    assert out == '<p>&lt;a href="javascript:x()">x</a></p>'
    assert live_dangerous_attributes(out) == []

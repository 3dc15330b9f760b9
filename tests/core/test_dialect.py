"""The Markdown bloggers type, as the preview and every HTML export render it: struck text,
task lists, bare addresses, lists nested by two spaces, and math as MathML."""

from __future__ import annotations

import re

import pytest

from smugdesk.core.chunking import split_chunks
from smugdesk.core.list_nesting import renest
from smugdesk.core.render import Renderer


def render(text: str) -> str:
    return Renderer(embeds="placeholder").render(text)


def test_tildes_strike_through_and_smarty_leaves_them_alone():
    html = render("Update: ~~12 beds~~ 14 beds -- and ~one~ tilde stays.")
    assert "<del>12 beds</del>" in html
    assert "~one~" in html  # subscript is not the targets' Markdown
    assert "&ndash;" in html  # smarty still works around it


def test_a_task_list_has_disabled_boxes():
    html = render("- [ ] buy film\n- [x] book the ward visit")
    assert '<ul class="task-list">' in html
    assert '<input type="checkbox" disabled/> buy film' in html
    assert '<input type="checkbox" disabled checked/> book the ward visit' in html


def test_bare_addresses_become_links_and_sentence_ends_stay_out():
    html = render("See https://example.org/a?b=1. Or www.example.com, then.")
    assert '<a href="https://example.org/a?b=1">https://example.org/a?b=1</a>.' in html
    assert '<a href="http://www.example.com">www.example.com</a>,' in html


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "see javascript:alert(document.domain)//https://x.org",
        "JaVaScRiPt://%0aalert(1)",
    ],
)
def test_no_bare_address_makes_a_live_script_link(text):
    html = render(text)
    assert not re.search(r"href=\"\s*javascript", html, re.IGNORECASE)


def test_a_list_nested_by_two_spaces_keeps_its_nesting():
    html = render("- ward\n  - night\n    - nurse\n- day\n\n1. one\n   1. one a\n2. two")
    assert re.sub(r"\s", "", html) == (
        "<ul><li>ward<ul><li>night<ul><li>nurse</li></ul></li></ul></li><li>day</li></ul>"
        "<ol><li>one<ol><li>onea</li></ol></li><li>two</li></ol>"
    )


def test_four_space_lists_and_the_code_under_them_render_as_before():
    text = "- ward\n    - night\n\n        code under night? no: text\n\n- day\n\n            code"
    html = re.sub(r"\s", "", render(text))
    assert "<li><p>ward</p><ul><li><p>night</p><p>codeundernight?no:text</p></li></ul></li>" in html
    assert '<li><p>day</p><divclass="codehilite"><pre><span></span><code>code</code>' in html


def test_renesting_keeps_every_line_where_it_was():
    lines = ["- a", "  - b", "", "    under b", "", "```", "  - in code", "```", "text"]
    out = renest(lines)
    assert len(out) == len(lines)
    assert out[6] == "  - in code" and out[8] == "text"  # code and text as typed
    assert out[1] == "    - b" and out[3] == "        under b"


def test_a_nested_list_and_display_math_are_never_cut_into_chunks():
    text = "Intro.\n\n- a\n\n  - b\n\n- c\n\n$$\nE = mc^2\n$$\n\nEnd."
    chunks, _ = split_chunks(text)
    texts = [chunk.text.strip() for chunk in chunks]
    assert any("- a\n\n  - b\n\n- c" in t for t in texts)
    assert any(t.startswith("$$\nE = mc^2\n$$") for t in texts)


def test_math_is_mathml_with_no_script_and_money_stays_money():
    html = render("It cost $5 and $10; $E=mc^2$.\n\n$$\n\\frac{a}{b}\n$$")
    assert "It cost $5 and $10;" in html
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in html
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in html
    assert "<mfrac>" in html and "<msup>" in html
    assert "<script" not in html and "mathjax" not in html.lower()


def test_smarty_does_not_touch_math():
    html = render("$f'' -- g$ and $$x''$$")
    assert "&rsquo;" not in html.split("and")[0] and "&ndash;" not in html.split("and")[0]
    assert "<mo>&#x02032;</mo>" in html or "&#x02033;" in html or "''" in html or "′" in html


def test_a_link_inside_math_is_disarmed():
    html = render(r"$\href{javascript:alert(1)}{x}$")
    assert "javascript" not in html.lower()


def test_math_it_cannot_read_shows_its_tex():
    html = render("Half typed: $\\left( x$ and\n\n$$\n\\sqrt[\n$$")
    assert '<span class="arithmatex"><code>\\left( x</code></span>' in html
    assert '<div class="arithmatex"><code>\\sqrt[</code></div>' in html


def test_the_first_two_space_item_after_a_heading_nests_too():
    html = re.sub(r"\s", "", render("## Plan\n- a\n  - b"))
    assert "<ul><li>a<ul><li>b</li></ul></li></ul>" in html


def test_a_downloaded_nested_list_stays_markdown_and_publishes_as_it_came():
    from smugdesk.publish.wp_markup import normalise, post_body

    original = (
        "<ul><li>ward<ul><li>night<ul><li>nurse</li></ul></li></ul></li><li>day</li></ul>\n"
        "<ol><li>one<ol><li>one a</li></ol></li><li>two</li></ol>"
    )
    body = post_body(original)
    assert "<ul>" not in body and "  - night" in body  # Markdown, two-space nesting
    assert normalise(render(body)) == normalise(original)


def test_a_downloaded_bare_address_that_was_not_a_link_stays_one():
    from smugdesk.publish.wp_markup import normalise, post_body

    original = "<p>Write to https://example.org about it.</p>"
    assert normalise(render(post_body(original))) == normalise(original)


def test_target_warnings_leave_code_links_and_definitions_alone():
    from smugdesk.core.target_dialect import differences

    body = (
        "A [link](https://example.org) and <https://example.org/auto>, `https://code.org`\n"
        "and `$x$`.\n\n[ref]: https://example.org/ref\n\n```\nThings:\n- in code ~~x~~ $y$\n```"
    )
    for target in ("hugo", "jekyll", "pelican"):
        assert differences(body, target) == []
    assert [d.code for d in differences("See https://example.org.", "jekyll")] == ["bare-address"]
    assert differences("x", "wordpress") == []  # WordPress receives the preview's HTML


def test_a_list_right_under_a_paragraph_line_is_a_list_but_a_year_is_not():
    html = re.sub(r"\s", "", render("Things to bring:\n- a pen\n  - black\n- a torch"))
    assert (
        html == "<p>Thingstobring:</p><ul><li>apen<ul><li>black</li></ul></li><li>atorch</li></ul>"
    )
    assert "<ol" not in render("The ward opened in\n1990. It was a good year.")

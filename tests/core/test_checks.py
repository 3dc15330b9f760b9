"""The check before a post goes out: every check with a post that triggers it and one that
does not, each finding pointing at the right place in the text."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from smugdesk.core.checks import (
    ERROR,
    WARNING,
    CheckError,
    Target,
    check_file,
    check_text,
    has_errors,
)

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "p.assets").mkdir(parents=True)
    Image.new("RGB", (2100, 60), (10, 20, 30)).save(folder / "p.assets" / "big.jpg")
    Image.new("RGB", (800, 600), (10, 20, 30)).save(folder / "p.assets" / "small.jpg")
    (folder / "p.assets" / "words.jpg").write_text("not an image\n", encoding="utf-8")
    (folder / "other.md").write_text("---\ntitle: Other\n---\n\nHi.\n", encoding="utf-8")
    (folder / "live.md").write_text(
        "---\ntitle: Live\npublished:\n  Ward Notes: {id: '7', url: 'https://b.example/live/'}"
        "\n---\n\nHi.\n",
        encoding="utf-8",
    )
    return folder


def run(drafts: Path, body: str, front: str = "title: Night\n", target=None, **kwargs):
    text = f"---\n{front}---\n\n{body}\n"
    return text, check_text(
        text, drafts / "p.md", target or Target(), drafts=drafts, now=NOW, **kwargs
    )


def codes(findings) -> list[str]:
    return [f"{f.severity}:{f.code}" for f in findings]


# (what, body that triggers, body that does not, finding, target)
CASES = [
    (
        "no alt",
        "![](p.assets/small.jpg)",
        "![A ward](p.assets/small.jpg)",
        "warning:no-alt-text",
        None,
    ),
    (
        "html img no alt",
        '<img src="p.assets/small.jpg">',
        '<img alt="x" src="p.assets/small.jpg">',
        "warning:no-alt-text",
        None,
    ),
    (
        "too large",
        "![A](p.assets/big.jpg)",
        "![A](p.assets/small.jpg)",
        "warning:image-too-large",
        None,
    ),
    (
        "missing image",
        "![A](p.assets/gone.jpg)",
        "![A](p.assets/small.jpg)",
        "error:missing-image",
        None,
    ),
    (
        "not an image",
        "![A](p.assets/words.jpg)",
        "![A](p.assets/small.jpg)",
        "error:image-not-sent",
        None,
    ),
    (
        "outside",
        "![A](../secret.png)",
        "![A](https://example.org/a.png)",
        "error:image-not-sent",
        None,
    ),
    ("missing draft", "[x](post:nowhere)", "[x](post:other)", "error:missing-draft", None),
    (
        "draft not on blog",
        "[x](post:other)",
        "[x](post:live)",
        "error:draft-not-published",
        Target("wordpress", "Ward Notes"),
    ),
    (
        "raw html hugo",
        "Hi <span>there</span>",
        "Hi `<span>` there <https://example.org>",
        "warning:raw-html",
        Target("hugo"),
    ),
    ("raw html micropub", "<div>x</div>", "*x*", "warning:raw-html", Target("micropub")),
    (
        "look-alike",
        "[bank](https://exаmple.com/)",
        "[bank](https://example.com/)",
        "warning:odd-link",
        None,
    ),
    (
        "no scheme",
        "[site](www.example.org)",
        "[site](https://www.example.org)",
        "warning:odd-link",
        None,
    ),
    (
        "missing file",
        "[notes](p.assets/notes.txt)",
        "[page](/about/)",
        "warning:missing-file",
        None,
    ),
]


@pytest.mark.parametrize("what, bad, good, expected, target", CASES, ids=[c[0] for c in CASES])
def test_each_check_fires_on_its_case_only(drafts, what, bad, good, expected, target):
    (drafts.parent / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text, found = run(drafts, bad, target=target)
    assert expected in codes(found), (what, codes(found))
    finding = next(f for f in found if f"{f.severity}:{f.code}" == expected)
    # The place is the reference itself: what the window selects.
    placed = text[finding.offset : finding.offset + max(finding.length, 1)]
    assert (placed.strip() and placed[0] in "![<") or placed.startswith("["), placed
    assert text.split("\n")[finding.line - 1][finding.column :].startswith(placed[:5])
    _, clean = run(drafts, good, target=target)
    assert expected not in codes(clean), (what, codes(clean))


def test_a_hugo_site_in_git_strips_raw_html_too(drafts):
    _, found = run(drafts, "Hi <span>there</span>", target=Target("hugo-git"))
    assert "warning:raw-html" in codes(found)


def test_raw_html_is_not_reported_for_targets_that_keep_it(drafts):
    _, found = run(drafts, "Hi <span>there</span>", target=Target("wordpress"))
    assert "warning:raw-html" not in codes(found)


def test_code_blocks_and_spans_are_not_checked(drafts):
    body = "```\n![](p.assets/gone.jpg) [x](post:nowhere)\n```\n\n`![](gone.png)`"
    _, found = run(drafts, body)
    assert found == []


def test_an_empty_title_is_a_warning_except_for_a_note(drafts):
    _, found = run(drafts, "Words.", front='title: ""\n')
    assert codes(found) == ["warning:empty-title"]
    assert found[0].line == 2
    _, note = run(drafts, "Words.", front='title: ""\n', target=Target("micropub"))
    assert note == []
    _, titled = run(drafts, "Words.")
    assert titled == []


def test_no_summary_only_matters_where_the_blog_shows_excerpts(drafts):
    excerpts = Target("wordpress", shows_excerpts=True)
    _, found = run(drafts, "Words.", target=excerpts)
    assert codes(found) == ["warning:no-summary"]
    _, given = run(drafts, "Words.", front="title: N\nsummary: Why.\n", target=excerpts)
    assert given == []
    _, plain = run(drafts, "Words.", target=Target("wordpress"))
    assert plain == []


def test_a_scheduled_post_dated_in_the_past_is_an_error(drafts):
    past = "title: N\nstatus: scheduled\ndate: 2026-05-01 09:00\n"
    text, found = run(drafts, "Words.", front=past)
    assert codes(found) == ["error:schedule-in-past"]
    assert text[found[0].offset :].startswith("2026-05-01")
    _, future = run(drafts, "Words.", front=past.replace("2026-05-01", "2026-07-01"))
    assert future == []
    _, published = run(drafts, "Words.", front=past.replace("scheduled", "published"))
    assert published == []


def test_spelling_mistakes_are_warnings_when_a_speller_is_given(drafts):
    text, found = run(drafts, "The wrod is here.", misspelled=lambda word: word == "wrod")
    assert codes(found) == ["warning:spelling"]
    assert text[found[0].offset : found[0].offset + found[0].length] == "wrod"
    _, none = run(drafts, "The wrod is here.")
    assert none == []


def test_a_real_dictionary_marks_a_real_mistake(drafts):
    from smugdesk.core.spelling import Speller, SpellingUnavailableError

    try:
        speller = Speller("en_US", drafts.parent / "words.txt")
    except SpellingUnavailableError as error:
        pytest.skip(str(error))
    _, found = run(
        drafts, "The nurse wrote teh notes.", misspelled=lambda w: not speller.is_correct(w)
    )
    assert [f.message for f in found] == ["“teh” may be misspelled"]


def bomb_png(path: Path, side: int = 40000) -> None:
    buffer = io.BytesIO()
    Image.new("L", (8, 8)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    data[16:24] = struct.pack(">II", side, side)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    path.write_bytes(bytes(data))


def test_a_decompression_bomb_is_an_error_found_without_decoding(drafts):
    bomb_png(drafts / "p.assets" / "bomb.png")
    _, found = run(drafts, "![Bomb](p.assets/bomb.png)")
    assert codes(found) == ["error:image-not-sent"]
    assert "more pixels" in found[0].message


def test_errors_and_warnings_are_told_apart(drafts):
    _, found = run(drafts, "![](p.assets/gone.jpg)")
    assert {f.severity for f in found} == {ERROR, WARNING}
    assert has_errors(found)
    _, warnings = run(drafts, "![](p.assets/small.jpg)")
    assert not has_errors(warnings) and warnings


def test_broken_front_matter_is_one_clear_message(drafts):
    path = drafts / "broken.md"
    path.write_text("---\ntitle: [unclosed\n---\n\nx\n", encoding="utf-8")
    with pytest.raises(CheckError, match="cannot be checked"):
        check_file(path)


def test_crlf_text_gives_offsets_in_the_editors_text(drafts):
    text = "---\r\ntitle: N\r\n---\r\n\r\n![](p.assets/gone.jpg)\r\n"
    found = check_text(text, drafts / "p.md", drafts=drafts)
    editor = text.replace("\r\n", "\n")
    assert all(editor[f.offset : f.offset + 3] == "![]" for f in found)


def test_the_check_says_where_the_site_will_read_the_post_differently(tmp_path):
    """A list right under a paragraph is a list in the preview and in Hugo's Goldmark, but
    Pelican's Python-Markdown reads it as text: the check names the place for Pelican only."""
    from smugdesk.core.checks import Target, check_text

    text = "---\ntitle: Lists\n---\n\nBring these:\n- a badge\n- a pen\n"
    pelican = [f for f in check_text(text, tmp_path / "p.md", Target(kind="pelican"))]
    hugo = [f for f in check_text(text, tmp_path / "p.md", Target(kind="hugo-git"))]
    assert any(f.code == "list-after-paragraph" and f.line == 6 for f in pelican), pelican
    assert not any(f.code == "list-after-paragraph" for f in hugo), hugo


def test_a_post_format_wordpress_does_not_know_is_named(drafts):
    wordpress = Target("wordpress")
    _, found = run(drafts, "Words.", front="title: N\nformat: asides\n", target=wordpress)
    assert codes(found) == ["warning:unknown-format"]
    assert found[0].line == 3 and "asides" in found[0].message
    _, known = run(drafts, "Words.", front="title: N\nformat: Aside\n", target=wordpress)
    assert known == []
    _, elsewhere = run(drafts, "Words.", front="title: N\nformat: asides\n", target=Target("hugo"))
    assert elsewhere == []

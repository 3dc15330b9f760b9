"""Round trips lose nothing: a post downloaded from a blog and published back unedited is the
same HTML (whitespace between tags aside), an edit changes only the part edited, and the
preview shows what the blog has. Over a corpus of real-world post bodies
(``round_trip_corpus/``: classic editor, block editor, block footnotes, images with sizes, raw
iframes and scripts, a Blogger post read over MetaWeblog, a Micropub entry), then against the
real WordPress over REST and XML-RPC."""

from __future__ import annotations

import base64
import json
import re
import urllib.request
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smugdesk.core.accounts import Account
from smugdesk.core.post import parse_post, serialize_post
from smugdesk.core.preview_text import preview_renderer, render_text
from smugdesk.core.raw_blocks import RAW_OPEN, kept_block, raw_block
from smugdesk.core.render import Renderer
from smugdesk.publish.download import remote_to_post, save_downloads
from smugdesk.publish.publishing import publish_post
from smugdesk.publish.remote import Capabilities, RemotePost, make_publisher
from smugdesk.publish.wp_markup import normalise, post_body, split_parts

CORPUS = Path(__file__).parent / "round_trip_corpus"
BODIES = sorted(CORPUS.glob("*.html"))


def body_of(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


class RecordingBlog:
    """Keeps what publishing sends, in-process (no server: what is checked here is the HTML
    publishing makes; the real WordPress tests below check what a blog keeps of it)."""

    kind = "recording"
    label = "Recording blog"
    capabilities = Capabilities()

    def __init__(self, embed_style: str) -> None:
        self.embed_style = embed_style
        self.sent: list[str] = []

    def create(self, payload):
        self.sent.append(payload.html)
        return RemotePost(id=str(len(self.sent)), url="https://blog.example/p", html=payload.html)

    def find(self, *args, **kwargs):
        return None


def downloaded(html: str, folder: Path) -> Path:
    """The draft a download writes for a post with this body, saved as a file."""
    remote = RemotePost(id="41", url="https://wardnotes.example/?p=41", title="Ward notes",
                        html=html, status="publish")  # fmt: skip
    path = folder / "ward-notes.md"
    path.write_text(serialize_post(remote_to_post(remote, None)), encoding="utf-8")
    return path


def published_html(path: Path, embed_style: str = "url", text: str | None = None) -> str:
    """What publishing sends for the draft at ``path`` (``text``: the draft as edited)."""
    blog = RecordingBlog(embed_style)
    post = parse_post(path.read_text(encoding="utf-8") if text is None else text, path)
    account = Account("Recording", "recording", "https://blog.example/", "me")
    publish_post(post, account, blog, media_folder=path.parent / "media")
    return blog.sent[-1]


@pytest.mark.parametrize("embed_style", ["url", "iframe"])
@pytest.mark.parametrize("source", BODIES, ids=lambda p: p.stem)
def test_an_unedited_download_publishes_the_same_html(source, embed_style, tmp_path):
    original = source.read_text(encoding="utf-8")
    sent = published_html(downloaded(original, tmp_path), embed_style)
    assert normalise(sent) == normalise(original)


TEXT = st.sampled_from(
    ['Ward "seven"', "it's late", "nurses -- and doctors", "a_b_c", "*stars*", "x < y & z",
     '[gallery ids="1,2"]', "[embed]https://youtu.be/a_b[/embed]", "100%", "Dr. Who...",
     "#hashtag", "1. not a list", "- dash", "`tick`", "back\\slash", "<b>bold</b>",
     '<a href="https://x.example/a_b">link</a>', "&amp; &nbsp;", "caf\u00e9"]
)  # fmt: skip
LINE = st.lists(TEXT, min_size=1, max_size=4).map(" ".join)
ITEMS = st.lists(LINE, min_size=1, max_size=3)
PART = st.one_of(
    LINE,
    LINE.map(lambda t: f"{t}\n{t}"),
    LINE.map(lambda t: f"<p>{t}</p>"),
    LINE.map(lambda t: f"<p>{t}<br />\n{t}</p>"),
    LINE.map(lambda t: f"<!-- wp:paragraph -->\n<p>{t}</p>\n<!-- /wp:paragraph -->"),
    LINE.map(lambda t: f"<h2>{t}</h2>"),
    LINE.map(lambda t: f'<!-- wp:heading {{"level":3}} -->\n<h3>{t}</h3>\n<!-- /wp:heading -->'),
    ITEMS.map(lambda items: "<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>"),
    ITEMS.map(lambda items: "<ol>\n" + "\n".join(f"<li>{x}</li>" for x in items) + "\n</ol>"),
    LINE.map(lambda t: f"<blockquote><p>{t}</p></blockquote>"),
    LINE.map(lambda t: f"<pre><code>{t}\n\nmore</code></pre>"),
    LINE.map(lambda t: f'[caption id="a" width="3"]<img src="a.jpg" /> {t}[/caption]'),
    LINE.map(lambda t: f'<table><tr><td style="text-align:right">{t}</td></tr></table>'),
    st.sampled_from(["<!--more-->", "<hr />", "<!-- wp:footnotes /-->",
                     "https://www.youtube.com/watch?v=Xw3kP9aQ_lM"]),
)  # fmt: skip
POST = st.lists(st.tuples(PART, st.sampled_from(["\n\n", "\n"])), min_size=1, max_size=8).map(
    lambda parts: "".join(part + gap for part, gap in parts)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(POST)
def test_any_post_made_of_these_parts_comes_back_the_same(html):
    """Beyond the corpus: random posts mixing classic text, block markup, shortcodes and
    HTML (quotes, entities, Markdown-looking text) come back the same."""
    body = post_body(html)
    assert normalise(Renderer(embeds="iframe").render(body)) == normalise(html), body


def test_pathological_nesting_is_kept_verbatim_not_a_traceback():
    """600 nested lists overflow the converters' recursion: the post comes home verbatim."""
    html = "<ul><li>" * 600 + "Deep in the rota" + "</li></ul>" * 600
    body = post_body(html)
    assert body.startswith(RAW_OPEN)
    assert normalise(Renderer(embeds="iframe").render(body)) == normalise(html)


def test_two_lists_a_blank_line_apart_stay_two_lists():
    """In Markdown they would be one list: the second keeps its HTML, the first stays
    Markdown (not the whole post turned into HTML)."""
    html = "<ul><li>Masks</li></ul>\n\n<ul><li>Gloves</li></ul>"
    body = post_body(html)
    assert body.startswith("- Masks\n")
    assert normalise(Renderer(embeds="iframe").render(body)) == normalise(html)


def test_the_corpus_is_mostly_markdown_where_markdown_can_say_it(tmp_path):
    """Lossless is easy if everything stays HTML: plain parts must become plain Markdown."""
    text = downloaded(body_of("plain-block-post.html"), tmp_path).read_text(encoding="utf-8")
    assert "## How to join" in text
    assert "Book through [the classes page](https://wardnotes.example/classes)." in text
    assert "- Tuesdays, 6 pm: labour and birth" in text
    assert "**Cameras off is fine.**" in text
    assert "<p" not in re.sub(r"<!-- smugdesk:kept .*-->", "", text)
    assert RAW_OPEN not in text and "<ul>" not in text
    # Blocks that differ only by typography or a classic paragraph's missing <p> keep a
    # marker in a word, not the whole paragraph again.
    block = downloaded(body_of("block-editor.html"), tmp_path).read_text(encoding="utf-8")
    assert re.search(r"<!-- smugdesk:kept \w{12} <p> -->\nWe collect questions", block)
    classic = downloaded(body_of("classic-editor.html"), tmp_path).read_text(encoding="utf-8")
    assert re.search(r"<!-- smugdesk:kept \w{12} -->\nWhen our ward started", classic)


def test_what_markdown_cannot_say_stays_as_the_blog_wrote_it(tmp_path):
    text = downloaded(body_of("block-editor.html"), tmp_path).read_text(encoding="utf-8")
    for kept in (
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=8YkbeycRa2A","type":"video",',
        '<!-- wp:image {"id":12,"sizeSlug":"large","linkDestination":"none"} -->',
        '<td class="has-text-align-right" data-align="right">1,204</td>',
        '<code lang="python" class="language-python">import csv',
        "<li>the senior therapist on the day,</li>",
    ):
        assert kept in text
    classic = downloaded(body_of("classic-editor.html"), tmp_path).read_text(encoding="utf-8")
    assert '[gallery ids="418,419,420" columns="3" link="file"]' in classic
    assert '[caption id="attachment_412" align="aligncenter" width="640"]' in classic
    assert "[embed]https://www.youtube.com/watch?v=Xw3kP9aQ_lM[/embed]" in classic


def _edit_one_paragraph(text: str) -> tuple[str, str, str] | None:
    """The draft with the first Markdown paragraph's first word changed: (draft, new word,
    the line as it was); None if the draft has no Markdown paragraph."""
    lines = text.split("\n")
    verbatim = False
    for i, line in enumerate(lines[lines.index("---", 1) + 1 :], start=lines.index("---", 1) + 1):
        verbatim = (verbatim or line == RAW_OPEN) and line != "<!-- /smugdesk:html -->"
        if not verbatim and re.match(r"[A-Z][\w-]+ ", line):
            word = line.split(" ", 1)[0]
            lines[i] = "Reworded" + line[len(word) :]
            return "\n".join(lines), "Reworded", line
    return None


EDITABLE = ["block-editor.html", "block-footnotes.html", "classic-editor.html",
            "plain-block-post.html", "metaweblog-blogger.html", "images.html",
            "micropub-entry.html", "raw-scripts.html"]  # fmt: skip


@pytest.mark.parametrize("name", EDITABLE)
def test_an_edit_changes_only_the_part_edited(name, tmp_path):
    original = body_of(name)
    path = downloaded(original, tmp_path)
    edited = _edit_one_paragraph(path.read_text(encoding="utf-8"))
    assert edited is not None, "the corpus post has a paragraph to edit"
    text, word, _line = edited
    sent = published_html(path, text=text)
    before = [normalise(part.text) for part in split_parts(original)]
    after = [normalise(part.text) for part in split_parts(sent)]
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1 and word in after[changed[0]], (before, after)


@pytest.mark.parametrize("name", ["block-editor.html", "classic-editor.html"])
def test_a_draft_saved_by_another_editor_still_goes_back_the_same(name, tmp_path):
    """Windows line endings, a stray space at the end of a kept block's line (no meaning in
    Markdown): kept blocks still match."""
    original = body_of(name)
    path = downloaded(original, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "<!-- smugdesk:kept" in text
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i - 1].startswith("<!-- smugdesk:kept"):
            lines[i] += " "
    resaved = "\r\n".join(lines)
    path.write_bytes(resaved.encode("utf-8"))
    assert normalise(published_html(path)) == normalise(original)


def test_a_paragraph_added_or_removed_changes_only_that(tmp_path):
    original = body_of("block-editor.html")
    path = downloaded(original, tmp_path)
    text = path.read_text(encoding="utf-8")
    before = [normalise(part.text) for part in split_parts(original)]

    added = text.replace("<!-- wp:heading -->", "A new line for the ward.\n\n<!-- wp:heading -->")
    after = [normalise(part.text) for part in split_parts(published_html(path, text=added))]
    assert after == [before[0], "<p>A new line for the ward.</p>", *before[1:]]

    first = text.index("<!-- wp:paragraph -->")
    removed = text[:first] + text[text.index("<!-- wp:heading -->") :]
    after = [normalise(part.text) for part in split_parts(published_html(path, text=removed))]
    assert after == before[1:]


def test_a_stale_kept_marker_never_hides_an_edit(tmp_path):
    """The kept HTML goes out only while its block is as downloaded."""
    path = downloaded(body_of("block-editor.html"), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "<!-- smugdesk:kept" in text and "## Before the session" in text
    sent = published_html(path, text=text.replace("## Before the session", "## Before we go live"))
    assert 'id="before-we-go-live"' in sent and "Before the session" not in sent


def test_parts_that_interfere_leave_the_whole_post_verbatim(monkeypatch):
    """Each part is checked alone, then the whole draft: if the parts read differently
    together, the post is kept as it is rather than sent back changed."""
    from smugdesk.publish import wp_markup

    html = "<p>One part.</p>\n<p>Another part.</p>"
    monkeypatch.setattr(wp_markup.Converter, "part", lambda self, part: "[x]: https://a.example")
    body = wp_markup.post_body(html)
    assert body.startswith(RAW_OPEN)
    assert normalise(Renderer(embeds="iframe").render(body)) == normalise(html)


def test_a_url_line_in_verbatim_html_is_left_as_the_blog_had_it(tmp_path):
    """Publishing turns a URL alone in a paragraph into the blog's embed form; not inside
    a verbatim fence, whose text is the blog's own."""
    original = "Our matron on video:\n\nhttps://www.youtube.com/watch?v=Xw3kP9aQ_lM\n\nMore soon."
    path = tmp_path / "fenced.md"
    path.write_text(f"---\ntitle: Fenced\n---\n\n{raw_block(original)}\n", encoding="utf-8")
    assert normalise(published_html(path, "url")) == normalise(original)


def test_kept_html_cannot_end_its_marker_early():
    """A post's HTML with "--" and "-->" in it stays inside its marker: nothing of it is
    rendered as Markdown or leaks out when the block is edited."""
    original = "<p>Night shift -- 20:00 --> 08:00 <!-- rota --></p>"
    draft = kept_block(original, "Night shift -- 20:00 --> 08:00")
    first_line = draft.split("\n")[0]
    assert first_line.count("-->") == 1 and first_line.endswith("-->")
    renderer = Renderer(embeds="iframe")
    assert renderer.render(draft) == original
    edited = renderer.render(draft.replace("20:00", "21:00"))
    assert "rota" not in edited and "<!--" not in edited


def test_kept_and_verbatim_html_are_still_disarmed():
    """Kept HTML is no way around the renderer's link policy: a javascript: address in it is
    disarmed as in any raw HTML."""
    bad = '<p><a href="javascript:alert(1)">rota</a></p>'
    for draft in (kept_block(bad, "[rota](https://a.example)"), raw_block(bad)):
        html = Renderer(embeds="iframe").render(draft)
        assert "javascript:" not in html and ">rota</a>" in html


def test_shortcodes_are_never_smartened_or_linked():
    html = Renderer(embeds="iframe").render(
        'Our "open day" -- photos:\n\n[gallery ids="418,419" link="file"]\n\n'
        "Watch [embed]https://www.youtube.com/watch?v=Xw3kP9aQ_lM[/embed] and "
        '[caption id="attachment_9" width="300"]<img src="a.jpg"> The "stand"[/caption]'
    )
    assert "&ldquo;open day&rdquo; &ndash;" in html  # prose is still typeset
    assert '\n[gallery ids="418,419" link="file"]\n' in html  # alone: no <p> around it
    assert "[embed]https://www.youtube.com/watch?v=Xw3kP9aQ_lM[/embed]" in html
    assert '<img src="a.jpg"> The "stand"[/caption]' in html


def test_the_preview_shows_the_kept_html_in_chunks(tmp_path):
    text = downloaded(body_of("block-editor.html"), tmp_path).read_text(encoding="utf-8")
    renderer = preview_renderer("placeholder")
    result = render_text(1, text, renderer)
    assert not result.problem and not result.whole and len(result.parts) > 5
    html = result.body_html
    assert '<figure class="wp-block-table">' in html and "<!-- wp:embed" in html
    # A kept block shows the blog's own HTML (straight quotes, as WordPress stores them).
    assert '"can I drive after a stroke?"' in html
    # Scroll sync: Markdown blocks keep their marks, and a kept block's HTML is marked with
    # the line of its marker, as the editor shows it.
    # (Each part's marks count from the line its chunk starts on.)
    lines = text.split("\n")
    part = next(i for i, part in enumerate(result.parts) if "Before the session" in part)
    heading = re.search(r'<h2 data-line="(\d+)">Before the session</h2>', result.parts[part])
    line = result.body_line + result.starts[part] + int(heading[1])
    assert lines[line].startswith("<!-- smugdesk:kept")
    assert re.search(r'<p data-line="\d+">Every Thursday at noon', html)
    # Typing in the last paragraph re-renders one chunk, and the page is what a whole
    # render gives.
    edited = text.replace("We export the viewer counts", "We export the counts")
    again = render_text(2, edited, renderer)
    assert renderer.rendered_chunks == 1
    whole = Renderer(embeds="placeholder", source_lines=True).render(parse_post(edited).body)
    strip = re.compile(r' data-line="\d+"')
    assert strip.sub("", again.body_html) == strip.sub("", whole)


# -- against the real WordPress --------------------------------------------------------------


def _rest(site, method: str, route: str, body: dict | None = None, **params) -> dict:
    query = "&".join(f"{key}={value}" for key, value in {"rest_route": route, **params}.items())
    request = urllib.request.Request(
        f"{site.url}?{query}",
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
    )
    token = base64.b64encode(f"{site.user}:{site.app_password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def _raw_content(site, post_id: str) -> str:
    return _rest(site, "GET", f"/wp/v2/posts/{post_id}", context="edit")["content"]["raw"]


def _round_trip_on(site, account: Account, name: str, tmp_path: Path) -> tuple[str, str]:
    made = _rest(
        site,
        "POST",
        "/wp/v2/posts",
        {"title": f"Round trip: {name}", "content": body_of(name), "status": "publish"},
    )
    before = _raw_content(site, str(made["id"]))
    secret = site.app_password if account.kind == "wordpress" else site.password
    publisher = make_publisher(account, secret, timeout=30)
    remote = publisher.by_url(f"{site.url}?p={made['id']}")
    written, _existing = save_downloads([remote], account, tmp_path / "drafts")
    post = parse_post(written[0].read_text(encoding="utf-8"), written[0])
    outcome = publish_post(post, account, publisher, media_folder=tmp_path / "media")
    assert not outcome.created and outcome.remote.id == str(made["id"])
    return before, _raw_content(site, str(made["id"]))


@pytest.mark.parametrize(
    "name", ["block-editor.html", "classic-editor.html", "raw-scripts.html", "images.html"]
)
def test_wordpress_rest_keeps_an_unedited_post_as_it_was(wordpress, rest_account, name, tmp_path):
    before, after = _round_trip_on(wordpress, rest_account, name, tmp_path)
    assert "<!-- wp:" in before or "[caption" in before or "<script" in before or "srcset" in before
    assert normalise(after) == normalise(before)


def test_wordpress_xmlrpc_keeps_an_unedited_post_as_it_was(wordpress, xmlrpc_account, tmp_path):
    before, after = _round_trip_on(wordpress, xmlrpc_account, "block-editor.html", tmp_path)
    assert normalise(after) == normalise(before)


def test_wordpress_xmlrpc_keeps_the_more_tag(wordpress, xmlrpc_account, tmp_path):
    before, after = _round_trip_on(wordpress, xmlrpc_account, "classic-editor.html", tmp_path)
    assert "<!--more-->" in before
    assert normalise(after) == normalise(before)

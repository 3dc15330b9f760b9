"""The text of a Bluesky share: counted in graphemes as Bluesky counts them, composed to fit,
and its facets at the right UTF-8 byte offsets. No server needed, except for the check that
our counting agrees with Node's Intl.Segmenter, which the PDS counts with."""

from __future__ import annotations

import json
import random
import subprocess

import pytest

from smugdesk.publish.bluesky_text import (
    MAX_GRAPHEMES,
    byte_length,
    compose,
    facets,
    grapheme_count,
    graphemes,
    too_long,
)

SAMPLES = [
    "plain ascii",
    "👨‍👩‍👧‍👦 family, 👩🏽‍💻 coder, 🏳️‍🌈 flag",
    "🇫🇷🇩🇪🇯🇵 three flags, 🇫 half a flag",
    "café, e\u0301 combining, Å",
    "한국어 and 한국어 (jamo)",
    "日本語のテキスト、中文文本",
    "नमस्ते क्षत्रिय  हिन्दी",
    "বাংলা ভাষা, ગુજરાતી, മലയാളം",
    "ไทย ภาษา, ລາວ",
    "line\r\nbreaks\nand\ttabs",
    "keycap 1️⃣ and #️⃣, ❤️ and ✌🏿",
    "zero\u200bwidth and \u200d joiner alone",
    "العربية \u0600٠",
]


# Characters that make segmentation hard: combining marks, joiners, variation selectors,
# skin tones, flags' halves, Hangul jamo, Indic consonants and viramas, Thai, controls.
TRICKY = [*"aZ9 .\r\n\t", "\u0301", "\u0308", "\u200d", "\u200c", "\ufe0f", "\ufe0e", "\u20e3",
          "👨", "👩", "👧", "🏽", "🏿", "❤", "🏳", "🌈", "✌", "☕", "🇫", "🇷", "🇩", "🇪", "\u1100",
          "\u1161", "\u11a8", "한", "가", "日", "क", "ष", "्", "ि", "ा", "ं", "ক", "্", "ষ", "ત",
          "્", "ર", "ക", "്", "ഷ", "த", "்", "ไ", "\u0e33", "\u0600", "ب", "\u064e", "🏴",
          "\U000e0067", "\U000e007f", "\u00ad", "\u2060", "\u0000", "\u0903", "\u102b", "©", "⌚",
          "🤝", "🫱", "\U0001F9D1", "\u2605", "\U0001F000"]  # fmt: skip


def _tricky_texts(count: int, seed: int = 21) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(TRICKY, k=rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("👨‍👩‍👧‍👦", 1),
        ("🇫🇷🇩🇪", 2),
        ("🇫🇷🇩", 2),
        ("e\u0301", 1),
        ("한", 1),
        ("\u1100\u1161\u11a8", 1),  # jamo spelling one syllable
        ("a\r\nb", 3),
        ("👍🏽👍", 2),
        ("क्ष", 1),
        ("日本語", 3),
    ],
)
def test_graphemes_are_what_a_person_counts(text, count):
    assert grapheme_count(text) == count
    assert "".join(graphemes(text)) == text


def test_count_agrees_with_intl_segmenter_that_bluesky_counts_with(bluesky_node):
    """The PDS refuses a post over 300 by Intl.Segmenter's count: ours must be the same,
    or the counter in the dialog lies (too short: refused by the server; too long: the
    writer cuts for nothing). The samples, and 2,000 random strings of hard characters."""
    script = (
        "const s = new Intl.Segmenter();"
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(texts.map(t => [...s.segment(t)].map(x => x.segment))))"
    )
    done = subprocess.run(
        [str(bluesky_node), "-e", script],
        input=json.dumps(SAMPLES + _tricky_texts(2000)),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    theirs = json.loads(done.stdout)
    for text, segments in zip(SAMPLES + _tricky_texts(2000), theirs, strict=True):
        assert graphemes(text) == segments, text


def test_too_long_counts_graphemes_and_bytes():
    assert too_long("日" * MAX_GRAPHEMES) == ""
    assert "301 characters" in too_long("日" * 301)
    # 150 families: 150 characters, but 25 bytes each: over the record's 3,000 bytes.
    families = "👨‍👩‍👧‍👦" * 150
    assert grapheme_count(families) == 150
    assert "bytes" in too_long(families)


def test_compose_keeps_the_link_whole_and_shortens_the_title():
    link = "https://blog.example/2026/11/a-post"
    title = "A very long title " * 40
    text = compose(title, link, ["python", "Open Source", "2026", "c++"])
    assert not too_long(text)
    assert text.endswith(link) or f"\n\n{link}" in text
    first = text.split("\n\n")[0]
    assert first.endswith("…") and grapheme_count(first) < MAX_GRAPHEMES
    short = compose("Café ☕", link, ["python", "Open Source", "2026"])
    assert short == f"Café ☕\n\n{link}\n\n#python #OpenSource"  # "#2026" is no hashtag


def test_facets_point_at_utf8_bytes():
    text = "Café ☕ 👨‍👩‍👧‍👦\n\nhttps://blog.example/é?x=1.\n\n#python #日本語! (#no)"
    data = text.encode("utf-8")
    found = facets(text)
    spans = [data[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode() for f in found]
    assert spans == ["https://blog.example/é?x=1", "#python", "#日本語"]
    assert found[0]["features"] == [
        {"$type": "app.bsky.richtext.facet#link", "uri": "https://blog.example/é?x=1"}
    ]
    assert found[2]["features"][0]["tag"] == "日本語"
    assert byte_length(text) == len(data)


def test_a_link_fragment_is_no_hashtag_and_parentheses_stay_balanced():
    text = "see https://en.wikipedia.org/wiki/Foo_(bar)#History) now"
    found = facets(text)
    assert len(found) == 1
    assert found[0]["features"][0]["uri"] == "https://en.wikipedia.org/wiki/Foo_(bar)#History"


def test_without_a_summary_the_card_describes_the_post_with_its_prose():
    from smugdesk.core.post import parse_post
    from smugdesk.publish.bluesky import description_of

    post = parse_post(
        "---\ntitle: T\n---\n# A heading\n\nFirst *words* with [a link](https://x.example)"
        " &amp; more.\n\n```\ncode()\n```\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        "- an item\n\n" + "long " * 100
    )
    said = description_of(post)
    assert said.startswith("First words with a link & more. an item long long")
    assert "heading" not in said and "code" not in said and "YouTube" not in said
    assert grapheme_count(said) <= 300 and said.endswith("…")


@pytest.mark.parametrize(
    ("typed", "handle"),
    [
        ("@ann.bsky.social", "ann.bsky.social"),
        ("  Ann.Bsky.Social ", "ann.bsky.social"),
        ("@ward-notes.example.org", "ward-notes.example.org"),
        ("ward-notes.example.org", ""),  # a blog's address, not a handle
        ("https://ann.bsky.social", ""),
        ("@ann", ""),
        ("@ann..bsky.social", ""),
    ],
)
def test_a_handle_typed_where_a_blog_address_goes_is_recognised(typed, handle):
    from smugdesk.publish.bluesky import handle_in

    assert handle_in(typed) == handle


def test_a_typed_handle_becomes_a_bluesky_account_like_a_found_blog():
    from smugdesk.publish.bluesky import found_for

    assert found_for("ward-notes.example.org") is None
    found = found_for("@Ann.bsky.social")
    assert found.best() == "bluesky" and found.api_address("bluesky") == "https://bsky.social"
    account = found.account("My Bluesky", "bluesky", "")
    assert (account.kind, account.url, account.user) == (
        "bluesky",
        "https://bsky.social",
        "ann.bsky.social",
    )
    assert "app password" in found.summary()

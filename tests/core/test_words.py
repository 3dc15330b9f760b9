"""Counting words as a reader reads them, and the post's word-count goal."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from smugdesk.core.words import word_count, word_goal
from tests.sample_posts import EARLIER, POST


def test_plain_words():
    assert word_count("Night shift, day shift: the ward's rota.") == 7


def test_markup_a_reader_never_reads_is_not_counted():
    assert word_count("See ![a scan of the ward plan](images/plan-2024.png) here.") == 2
    assert word_count("Read [the new policy](https://example.org/a/b-c?d=e) today.") == 5
    assert word_count("Read [the policy][p] today.\n\n[p]: https://example.org/x/y\n") == 4
    assert word_count("Source: https://example.org/some/long-path and <https://x.org/a>") == 2
    assert word_count('A <span class="note">quiet</span> word.') == 3
    assert word_count("[link with (parens)](https://en.wikipedia.org/wiki/A_(b))") == 3


def test_the_goal_comes_from_the_front_matter_only():
    assert word_goal("---\ntitle: A\ngoal: 1,500\n---\nBody.\n") == 1500
    assert word_goal("---\nword_goal: 800\n---\n") == 800
    assert word_goal("---\ntitle: A\n---\ngoal: 900\n") is None  # in the body: not a goal
    assert word_goal("goal: 900\n") is None
    assert word_goal("---\ngoal: lots\n---\n") is None
    assert word_goal("---\ngoal: 0\n---\n") is None


# ----- the quick counter against the plain one it replaced ------------------------------------
_REF_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_REF_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_REF_LINK = re.compile(r"\[([^\]\n]*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_REF_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_REF_URL = re.compile(r"<?\b(?:https?|ftp|mailto):[^\s<>]*>?", re.IGNORECASE)
_REF_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")


def reference_count(text: str) -> int:
    """Counting as word_count did before it was made quick: one regex after the other."""
    text = _REF_IMAGE.sub(" ", text)
    text = _REF_REFERENCE.sub(" ", text)
    text = _REF_LINK.sub(r" \1 ", text)
    text = _REF_URL.sub(" ", text)
    text = _REF_TAG.sub(" ", text)
    return len(_REF_WORD.findall(text))


# Pieces that make the patterns meet, overlap and nearly match, in ASCII and beyond.
_PIECES = st.sampled_from(
    [
        "http:",
        "https:",
        "HTTPS:",
        "ftp:",
        "mailto:",
        "xhttp:",
        "_http:",
        "<",
        ">",
        "<http:",
        "<<https:",
        "://",
        "[",
        "]",
        "](",
        ")",
        "![",
        "]:",
        "[a]: ",
        "\n",
        " ",
        "  ",
        "\t",
        "word",
        "o'clock",
        "’",
        "—",
        "é",
        "x-y",
        "_",
        "9",
        ",",
        ".",
        ":",
        "ſ",
        "İ",
        "(b)",
        "<a href=",
        "</b>",
        "<span>",
        "a:b",
        "ḧttp:",
        "mailto:x@y.z",
        "ftp://h/p?q=1",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=4), max_size=40).map("".join))
def test_the_quick_count_is_the_plain_one(text):
    assert word_count(text) == reference_count(text)


def test_the_quick_count_is_the_plain_one_on_posts():
    for text in (POST, EARLIER, POST.replace("'", "’"), POST * 3 + "é"):
        assert word_count(text) == reference_count(text) > 20
    # An angle-bracket URL's "<" goes with it: a tag around it is then whole again.
    assert word_count("<a href=<http://x> y> z") == reference_count("<a href=<http://x> y> z") == 1
    assert word_count("xhttp://a,http://b c") == reference_count("xhttp://a,http://b c") == 3

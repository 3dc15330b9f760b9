"""The fast front-matter reader agrees with the real YAML parser, or steps aside."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from smugdesk.core.quick_front import read_plain_front


def yaml_load(text: str):
    return YAML(typ="safe", pure=True).load(text)


def same_value(quick, real) -> bool:
    if isinstance(real, dt.date):
        return quick == real and type(quick) is type(real)
    if isinstance(real, list):
        return isinstance(quick, list) and all(map(same_value, quick, real))
    return quick == real and type(quick) is type(real)


def test_reads_what_writers_write():
    front = (
        'title: "Why our nurses post on Instagram"\n'
        "date: 2024-05-01 10:00:00+02:00\n"
        "tags: [social media, nurses]\n"
        "categories:\n  - health\n  - video\n"
        "status: draft  # not yet\n"
        "summary: 'It''s about trust'\n"
        "draft: false\n"
        "weight: 3\n"
        "image:\n"
    )
    assert read_plain_front(front) == {
        "title": "Why our nurses post on Instagram",
        "date": dt.datetime.fromisoformat("2024-05-01T10:00:00+02:00"),
        "tags": ["social media", "nurses"],
        "categories": ["health", "video"],
        "status": "draft",
        "summary": "It's about trust",
        "draft": False,
        "weight": 3,
        "image": None,
    }


def test_steps_aside_for_anything_unusual():
    for front in (
        "title: a: b",  # an error YAML must report with its line
        "title: >\n  folded text",
        "author:\n  name: Sam",
        'title: "tab\\tescaped"',
        "anchor: &a 1",
        "ratio: 1.5",
        "title: one\ntitle: two",
        "tags: [a, [b]]",
        "title: first line\n  continued",
        "title: ._",  # ruamel.yaml fails on it; the form and preview must say so
    ):
        assert read_plain_front(front) is None, front


_plain_word = st.text(alphabet="abcdefghij klmnop-_'.,!?é", min_size=1, max_size=20)
_value = st.one_of(
    _plain_word,
    _plain_word.map(lambda text: f'"{text}"'),
    st.lists(_plain_word, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
    st.integers(-5, 3000).map(str),
    st.sampled_from(["true", "false", "null", "~", "", "2024-05-01", "2024-05-01 10:00:00"]),
    st.sampled_from(["2024-05-01T10:00:00Z", "2024-05-01 1:02:03 +0200", "2024-05-01 10:00:00.5"]),
    st.sampled_from(["2024-02-30", "2024-05-01 10:00:00 -05"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["title", "tags", "slug", "x_y"]), _value), max_size=4))
def test_agrees_with_yaml_whenever_it_answers(pairs):
    keys = {}
    for key, value in pairs:
        keys[key] = value  # YAML refuses duplicates; the quick reader steps aside for them
    front = "\n".join(f"{key}: {value}".rstrip() for key, value in keys.items())
    quick = read_plain_front(front)
    if quick is None:
        return
    try:
        real = yaml_load(front) or {}
    except ValueError as error:  # ruamel.yaml's own bug (e.g. "._" taken for a float)
        raise AssertionError(f"{front!r} answered, where YAML says {error}") from None
    assert quick.keys() == real.keys()
    for key in real:
        assert same_value(quick[key], real[key]), (front, quick[key], real[key])

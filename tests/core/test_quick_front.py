"""The fast front-matter reader agrees with the real YAML parser, or steps aside."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from smugdesk.core.post import FrontMatterError, parse_post
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


# --- The generator below makes what the quick reader must get right or leave alone: quoting
# with '' and a lone quote, YAML 1.1 booleans (strings in YAML 1.2, as ruamel.yaml reads
# them), keys that are booleans or nulls, '#' inside flow lists and after values, dates with
# fractions of any length and every zone form, tabs, control characters, odd indentation.

_safe = "abcxyzé ABC-_.,!?'"
_hostile = _safe + '"#:[]{}&*%@`|>~=<\\/0123456789\t\x07\x85\u2028\u00a0\ufeff'
_word = st.one_of(
    st.text(alphabet=_safe, min_size=1, max_size=12),
    st.text(alphabet=_safe, min_size=1, max_size=12),
    st.text(alphabet=_hostile, min_size=0, max_size=12),
)
_keyword = st.sampled_from(
    [
        "yes",
        "no",
        "on",
        "off",
        "y",
        "n",
        "Yes",
        "NO",
        "On",
        "OFF",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "false",
        "FALSE",
        "null",
        "Null",
        "NULL",
        "nULL",
        "~",
        "=",
        "<<",
        "-",
        "?",
        ":",
        ".",
        "._",
        ".inf",
        "-.Inf",
        ".nan",
        "0",
        "-0",
        "+1",
        "007",
        "0o17",
        "0x1f",
        "1_000",
        "1e3",
        "1.5",
        "12:30",
        "190:20:30",
        "it's",
        "a #b",
        "a#b",
        "x: y",
        "[a #b]",
    ]
)


@st.composite
def _quoted(draw) -> str:
    text = draw(_word)
    if draw(st.booleans()):
        return "'" + (text.replace("'", "''") if draw(st.booleans()) else text) + "'"
    return '"' + text + '"'


@st.composite
def _timestamp(draw) -> str:
    day = draw(
        st.sampled_from(["2024-05-01", "1999-12-31", "2024-02-30", "2024-5-1", "٢٠٢٤-05-01"])
    )
    if draw(st.booleans()):
        return day
    separator = draw(st.sampled_from(["T", "t", " ", "  ", "\t"]))
    clock = draw(st.sampled_from(["10:00:00", "1:02:03", "23:59:59", "24:00:00", "10:00"]))
    fraction = draw(st.sampled_from(["", ".", ".5", ".123456", ".1234564", ".1234565", ".9999995"]))
    zone = draw(st.sampled_from(["", "Z", "z", "+02:00", "+0200", "+2", "-05:30", "-5", "+02:0"]))
    space = draw(st.sampled_from(["", " ", "  "])) if zone else ""
    return f"{day}{separator}{clock}{fraction}{space}{zone}"


_scalar = st.one_of(
    st.text(alphabet="abcxyz é", min_size=1, max_size=12).map(str.strip).filter(bool),
    _word,
    _keyword,
    _quoted(),
    _timestamp(),
    st.integers(-10, 3000).map(str),
)


@st.composite
def _flow(draw) -> str:
    items = draw(st.lists(_scalar, max_size=4))
    joined = draw(st.sampled_from([", ", ",", " , "])).join(items)
    return "[" + joined + draw(st.sampled_from(["", "", "", ",", " "])) + "]"


@st.composite
def _entry(draw) -> str:
    key = draw(st.sampled_from(["title", "tags", "date", "x_y", "a-b", "true", "null", "yes", "é"]))
    colon = draw(st.sampled_from([": ", ": ", ": ", ":  ", " : ", ":\t", ":"]))
    kind = draw(st.sampled_from(["scalar", "flow", "block", "empty"]))
    comment = draw(st.sampled_from(["", "", "", " # note", "  #note", "#x", "\t# tab"]))
    if kind == "scalar":
        return f"{key}{colon}{draw(_scalar)}{comment}"
    if kind == "flow":
        return f"{key}{colon}{draw(_flow())}{comment}"
    if kind == "empty":
        return f"{key}:{comment}"
    lines = [f"{key}:{comment}"]
    for _ in range(draw(st.integers(1, 3))):
        indent = draw(st.sampled_from(["", "  ", "  ", "  ", " ", "\t"]))
        lines.append(f"{indent}-{draw(st.sampled_from([' ', '  ']))}{draw(_scalar)}")
    return "\n".join(lines)


def real_meta(front: str):
    """What the editor itself reads: ruamel.yaml's round-trip loader, through parse_post."""
    return parse_post(f"---\n{front}\n---\n").meta


def agrees(quick, real) -> bool:
    if isinstance(real, list):
        return isinstance(quick, list) and len(quick) == len(real) and all(map(agrees, quick, real))
    if isinstance(real, dt.datetime):
        return (
            isinstance(quick, dt.datetime)
            and quick.replace(tzinfo=None) == real.replace(tzinfo=None)
            and quick.utcoffset() == real.utcoffset()
        )
    if isinstance(real, bool) or real is None:
        return quick is real
    if isinstance(real, (str, int, dt.date)):
        # ruamel.yaml's own subclasses (a quoted string, a timestamp) are the same values
        return quick == real and isinstance(quick, type(real).__mro__[-2])
    return False  # a tagged scalar or a mapping: the quick reader must have stepped aside


def check_agreement(front: str) -> None:
    quick = read_plain_front(front)
    if quick is None:
        return
    try:
        real = real_meta(front)
    except FrontMatterError as error:
        message = f"{front!r} answered {quick!r}, where the editor says {error}"
        raise AssertionError(message) from None
    assert list(quick) == list(real), front
    for key in real:
        assert agrees(quick[key], real[key]), (front, quick[key], real[key])


@settings(max_examples=600, deadline=None)
@given(st.lists(_entry(), min_size=1, max_size=4))
def test_agrees_with_the_editors_yaml_on_hard_cases(entries):
    check_agreement("\n".join(entries))


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("summary: 'it''s here'", "it's here"),
        ("flag: yes", "yes"),  # YAML 1.2, as the editor reads it: a string, not True
        ("flag: off", "off"),
        ("when: 2024-05-01 10:00:00.123456+02:00", "2024-05-01 10:00:00.123456+02:00"),
        ("when: 2024-05-01T10:00:00Z", "2024-05-01 10:00:00+00:00"),
        ("when: 2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.100000-05:00"),
        ("tags: [a, b]  ", "['a', 'b']"),
        ("title: a#b", "a#b"),
        ("title: a #b", "a"),
        ("date: ٢٠٢٤-05-01", "٢٠٢٤-05-01"),  # digits of another script: text, not a date
    ],
)
def test_answers_like_the_editor(front, expected):
    quick = read_plain_front(front)
    assert quick is not None
    assert str(next(iter(quick.values()))) == expected
    check_agreement(front)


@pytest.mark.parametrize(
    "front",
    [
        "summary: 'it's here'",  # a lone quote: YAML refuses it, so must the form
        "tags: [a #b]",  # '#' starts a comment inside the list: YAML refuses it
        "when: 2024-05-01 10:00:00.1234567Z",  # ruamel.yaml rounds the 7th digit
        "when: 2024-05-01\t10:00:00",  # a tab: ruamel.yaml refuses it
        "title:\tTabbed",
        "title: Tabbed\t",
        "true: x",  # a boolean key
        "null: x",  # a null key
        "merge: <<",  # a merge key, tagged
        "value: =",
        "bell: x\x07",  # a control character YAML forbids
        "nel: x\x85y",  # NEL: a line break to YAML
        "tags:\n  - a\n - b",  # one list, two indentations: YAML refuses it
        "tags:\n - a\n  - b",  # a deeper '- ' continues the item before: "a - b"
        "k" * 200 + ": x",  # a very long implicit key
    ],
)
def test_steps_aside_where_the_editor_differs(front):
    assert read_plain_front(front) is None


# --- Found by mutation testing (docs/testing.md): what the library and the details form show.


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ('title: ""', {"title": ""}),
        ("title: ''", {"title": ""}),
        ("image: ~", {"image": None}),
        ("image: null", {"image": None}),
        ("title: Night shift #draft #late", {"title": "Night shift"}),
        ("date: 2024-05-01", {"date": dt.date(2024, 5, 1)}),
        ("date: 2024-05-01 10:00:00", {"date": dt.datetime(2024, 5, 1, 10)}),  # no zone: naive
        ("tags: []", {"tags": []}),
        ("tags: [X-ray, Xmas]", {"tags": ["X-ray", "Xmas"]}),
        ("tags: ['a: b', c]", {"tags": ["a: b", "c"]}),
        ("x-y: z\nX_url: w", {"x-y": "z", "X_url": "w"}),
        ("# drafted on the ward\ntitle: a", {"title": "a"}),
        ("title: a\n\nslug: b", {"title": "a", "slug": "b"}),  # a blank line ends nothing
        ("tags: # the ward's\n  - a\n  - b", {"tags": ["a", "b"]}),
        ("k" * 128 + ": x", {"k" * 128: "x"}),
    ],
)
def test_answers_these_itself(front, expected):
    assert read_plain_front(front) == expected
    check_agreement(front)
    assert dict(real_meta(front)) == expected


@pytest.mark.parametrize(
    "front",
    [
        'title: "',  # YAML: an unterminated string
        'title: "unterminated',
        'title: "a"b"',
        "title: Note:",
        "- a\ntitle: x",  # an item before any key
        "k" * 129 + ": x",
    ],
)
def test_steps_aside_for_broken_or_odd_front_matter(front):
    assert read_plain_front(front) is None

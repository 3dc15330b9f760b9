"""Markdown editing aids, as pure text functions."""

from __future__ import annotations

import pytest

from smugdesk.core.editing import (
    auto_pair,
    continue_block,
    indent_line,
    outdent_line,
    set_heading,
    toggle_wrap,
)
from smugdesk.core.search_text import PatternError, Query, find_all, replace_all, replacement_for


def apply(text, edit):
    return text[: edit.start] + edit.replacement + text[edit.end :]


@pytest.mark.parametrize(
    ("text", "start", "end", "marker", "expected"),
    [
        ("make it bold", 8, 12, "**", "make it **bold**"),
        ("make it **bold**", 10, 14, "**", "make it bold"),  # markers just outside
        ("make it **bold**", 8, 16, "**", "make it bold"),  # markers inside the selection
        ("an emphasis", 3, 11, "*", "an *emphasis*"),
        ("an *emphasis*", 4, 12, "*", "an emphasis"),
        (
            "a **bold** word",
            2,
            10,
            "*",
            "a ***bold*** word",
        ),  # italic on bold: adds, strips nothing
        ("cursor inside word", 9, 9, "**", "cursor **inside** word"),
    ],
)
def test_toggle_wrap(text, start, end, marker, expected):
    assert apply(text, toggle_wrap(text, start, end, marker)) == expected


def test_toggle_wrap_keeps_the_words_selected():
    edit = toggle_wrap("make it bold", 8, 12, "**")
    assert edit.select == (10, 14)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- first item", "- "),
        ("  * nested", "  * "),
        ("1. one", "2. "),
        ("9) nine", "10) "),
        ("- [x] done task", "- [ ] "),
        ("> quoted words", "> "),
        ("> > nested quote", "> > "),
        ("- ", ""),
        ("3. ", ""),
        (">", ""),
        ("plain paragraph", None),
        ("-not a list", None),
    ],
)
def test_enter_continues_lists_and_quotes(line, expected):
    assert continue_block(line) == expected


def test_indent_and_outdent():
    assert indent_line("- item") == "    - item"
    assert outdent_line("    - item") == "- item"
    assert outdent_line("  - item") == "- item"
    assert outdent_line("\t- item") == "- item"
    assert outdent_line("- item") == "- item"


@pytest.mark.parametrize(
    ("line", "level", "expected"),
    [
        ("Visiting hours", 2, "## Visiting hours"),
        ("## Visiting hours", 3, "### Visiting hours"),
        ("## Visiting hours", 2, "Visiting hours"),
        ("# Title", 0, "Title"),
    ],
)
def test_set_heading(line, level, expected):
    assert set_heading(line, level) == expected


def test_auto_pair_only_where_it_helps():
    assert auto_pair("see ", 4, "(") == ")"
    assert auto_pair("see word", 4, "(") is None  # typing before a word
    assert auto_pair("`", 1, "`") is None  # a fence being typed
    assert auto_pair("x ", 2, '"') is None  # quotes are prose: never paired


TEXT = "The ward, the Ward and the wardrobe.\nWard 4 reopened."


def test_find_plain_case_and_whole_word():
    assert len(find_all(TEXT, Query("ward"))) == 4
    assert find_all(TEXT, Query("Ward", case_sensitive=True)) == [(14, 18), (37, 41)]
    assert len(find_all(TEXT, Query("ward", whole_word=True))) == 3
    assert find_all(TEXT, Query("")) == []
    assert find_all("a.b", Query(".")) == [(1, 2)]  # plain text, not a pattern


def test_regex_find_and_replace_with_groups():
    query = Query(r"Ward (\d+)", regex=True)
    [span] = find_all(TEXT, query)
    assert replacement_for(TEXT, span, query, r"Unit \1") == "Unit 4"
    assert replace_all(TEXT, query, r"Unit \1")[0].endswith("Unit 4 reopened.")
    assert replace_all("aaa", Query("x*", regex=True), "-") == ("aaa", 0)  # empty matches
    assert replace_all(r"a\b", Query("a"), r"\1") == (r"\1\b", 1)  # plain: no groups


def test_bad_regex_says_where():
    with pytest.raises(PatternError, match="position"):
        find_all(TEXT, Query("(unclosed", regex=True))


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("**bold**", 2, 6, "***bold***"),  # italic on a bold word: adds, never unbolds
        ("***both***", 3, 7, "**both**"),  # bold-italic: italic comes off
    ],
)
def test_toggle_italic_around_bold(text, start, end, expected):
    assert apply(text, toggle_wrap(text, start, end, "*")) == expected

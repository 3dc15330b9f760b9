"""Differences between two versions of a post, word by word where prose changed.

Paragraphs (lines) are compared first, and only the lines that changed are compared word
by word, so a 100,000-word manuscript compares in the time its changed paragraphs take.
Nothing here imports Qt.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|[\w’'-]+|[^\w\s]")

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
_WORD_LIMIT = 25_000_000  # words × words past which changed lines are not compared word by word


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``[(op, text), …]`` turning ``old`` into ``new``: joined, the EQUAL and DELETE parts
    are ``old``, the EQUAL and INSERT parts are ``new``."""
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)
    # An edit is usually in one place: the lines before and after it are not compared.
    head = 0
    limit = min(len(old_lines), len(new_lines))
    while head < limit and old_lines[head] == new_lines[head]:
        head += 1
    tail = 0
    while (
        tail < limit - head
        and old_lines[len(old_lines) - 1 - tail] == new_lines[len(new_lines) - 1 - tail]
    ):
        tail += 1
    add(EQUAL, "".join(old_lines[:head]))
    middle_old = old_lines[head : len(old_lines) - tail]
    middle_new = new_lines[head : len(new_lines) - tail]
    # Blank lines and other very common lines are left out of the matching (autojunk):
    # they would make it quadratic, and matching them says nothing.
    lines = SequenceMatcher(None, middle_old, middle_new)
    for op, a1, a2, b1, b2 in lines.get_opcodes():
        if op == "equal":
            add(EQUAL, "".join(middle_old[a1:a2]))
        elif op == "delete":
            add(DELETE, "".join(middle_old[a1:a2]))
        elif op == "insert":
            add(INSERT, "".join(middle_new[b1:b2]))
        else:
            a_words = _words("".join(middle_old[a1:a2]))
            b_words = _words("".join(middle_new[b1:b2]))
            if len(a_words) * len(b_words) > _WORD_LIMIT:  # a rewrite: marked as a block
                add(DELETE, "".join(a_words))
                add(INSERT, "".join(b_words))
                continue
            words = SequenceMatcher(None, a_words, b_words, autojunk=False)
            for wop, w1, w2, v1, v2 in words.get_opcodes():
                if wop == "equal":
                    add(EQUAL, "".join(a_words[w1:w2]))
                else:
                    add(DELETE, "".join(a_words[w1:w2]))
                    add(INSERT, "".join(b_words[v1:v2]))
    add(EQUAL, "".join(old_lines[len(old_lines) - tail :]))
    return out


def changed_words(diff: list[tuple[str, str]]) -> tuple[int, int]:
    """(words only in the old text, words only in the new one)."""
    removed = sum(len(re.findall(r"[\w’'-]+", text)) for op, text in diff if op == DELETE)
    added = sum(len(re.findall(r"[\w’'-]+", text)) for op, text in diff if op == INSERT)
    return removed, added

"""Counting words: in the status bar, the library and the preview's totals alike.

Kept apart from the renderer so that counting needs no Markdown (the window counts a
selection before the renderer is ever loaded). Markup a reader never reads is not
counted: an image, a link's address (its text counts), a bare or angle-bracket URL, a
reference definition, an HTML tag."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_LINK = re.compile(r"\[([^\]\n]*)\](?:\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_URL = re.compile(r"<?\b(?:https?|ftp|mailto):[^\s<>]*>?", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_GOAL = re.compile(r"^(?:word_goal|goal):[ \t]*([0-9][0-9,_ ]*)[ \t]*$", re.MULTILINE)


def word_count(text: str) -> int:
    if "[" in text or ":" in text or "<" in text:  # else nothing to take out: the fast way
        text = _IMAGE.sub(" ", text)
        text = _REFERENCE.sub(" ", text)
        text = _LINK.sub(r" \1 ", text)
        text = _URL.sub(" ", text)
        text = _TAG.sub(" ", text)
    return len(_WORD.findall(text))


def word_goal(text: str) -> int | None:
    """The post's word-count goal (``goal: 1500`` in its front matter), or None."""
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    found = _GOAL.search(text, 0, end if end > 0 else min(len(text), 4096))
    if not found:
        return None
    digits = re.sub(r"[^0-9]", "", found.group(1))
    goal = int(digits) if digits else 0
    return goal if 0 < goal <= 10_000_000 else None

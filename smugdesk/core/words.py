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
# A bare or angle-bracket URL is ``<?\b(?:https?|ftp|mailto):[^\s<>]*>?``. As one regex it
# is tried at every character (60% of counting a post's words); _strip_urls goes from colon
# to colon instead, which are few.
_SCHEME_BEFORE = re.compile(r"(?:https?|ftp|mailto)\Z", re.IGNORECASE)
_URL_REST = re.compile(r"(?:https?|ftp|mailto):[^\s<>]*>?", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_ASCII_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'-")
_ASCII_MARKS = bytes(97 if byte in _ASCII_WORD else 32 for byte in range(256))
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_GOAL = re.compile(r"^(?:word_goal|goal):[ \t]*([0-9][0-9,_ ]*)[ \t]*$", re.MULTILINE)


def word_count(text: str) -> int:
    # Each pattern only where its first characters occur: most posts have few of them.
    if "![" in text:
        text = _IMAGE.sub(" ", text)
    if "]:" in text:
        text = _strip_references(text)
    if "]" in text:
        text = _LINK.sub(_spaced_text, text)
    if ":" in text:
        text = _strip_urls(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if text.isascii():
        # The same words, 10x quicker: each byte that can be in a word becomes "a", every
        # other a space, and words are counted by where they start.
        marked = text.encode("ascii").translate(_ASCII_MARKS)
        return marked.count(b" a") + marked.startswith(b"a")
    return _WORD.subn("", text)[1]  # subn counts without building findall's list


def _strip_references(text: str) -> str:
    """``text`` with each reference definition replaced by a space, as a ``re.sub`` of
    _REFERENCE would: one is a whole line holding "]:", so only those lines are tried
    (the regex alone tries every line of the post)."""
    pieces, kept = [], 0
    found = text.find("]:")
    while found >= 0:
        start = text.rfind("\n", 0, found) + 1
        definition = _REFERENCE.match(text, start) if start >= kept else None
        if definition:
            pieces += (text[kept:start], " ")
            kept = definition.end()
        found = text.find("]:", max(found + 2, kept))
    if not pieces:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


def _spaced_text(link: re.Match) -> str:
    return f" {link.group(1)} "  # a function: a "\\1" template is expanded in Python


def _strip_urls(text: str) -> str:
    """``text`` with every bare or angle-bracket URL replaced by a space, exactly as a
    ``re.sub`` of the URL pattern above would."""
    pieces, kept = [], 0
    colon = text.find(":")
    while colon >= 0:
        # The scheme ending at this colon, if any (one at most), after the last match.
        scheme = _SCHEME_BEFORE.search(text, max(kept, colon - 6), colon)
        start = scheme.start() if scheme else 0
        if scheme is None or (start and _WORD_CHAR.match(text, start - 1)):
            colon = text.find(":", colon + 1)  # not a URL, or no word boundary before it
            continue
        if start and text[start - 1] == "<":  # never inside the match before: it stops at "<"
            start -= 1
        pieces.append(text[kept:start])
        pieces.append(" ")
        kept = _URL_REST.match(text, scheme.start()).end()
        colon = text.find(":", kept)
    if not pieces:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


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

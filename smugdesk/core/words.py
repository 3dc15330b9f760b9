"""Counting words: in the status bar, the library and the preview's totals alike.

Kept apart from the renderer so that counting needs no Markdown (the window counts a
selection before the renderer is ever loaded)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w’'-]+", re.UNICODE)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))

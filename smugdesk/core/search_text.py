"""Find and replace over a post's text: plain, case-sensitive, whole word or regex."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smugdesk.core.errors import SmugdeskError


class PatternError(SmugdeskError):
    """A regular expression that does not compile; the message says where."""


@dataclass(frozen=True)
class Query:
    text: str
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False

    def compile(self) -> re.Pattern | None:
        if not self.text:
            return None
        source = self.text if self.regex else re.escape(self.text)
        if self.whole_word:
            source = rf"\b(?:{source})\b"
        flags = re.MULTILINE | (0 if self.case_sensitive else re.IGNORECASE)
        try:
            return re.compile(source, flags)
        except re.error as error:
            where = f" at position {error.pos}" if error.pos is not None else ""
            raise PatternError(f"the regular expression is not valid{where}: {error.msg}") from None


def find_all(text: str, query: Query, limit: int = 100_000) -> list[tuple[int, int]]:
    """(start, end) of every non-empty match, at most ``limit`` of them."""
    pattern = query.compile()
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            found.append(match.span())
            if len(found) >= limit:
                break
    return found


def replacement_for(text: str, span: tuple[int, int], query: Query, replacement: str) -> str:
    """The text that replaces one match: ``\\1`` and ``\\g<name>`` work in regex mode."""
    if not query.regex:
        return replacement
    pattern = query.compile()
    match = pattern.match(text, span[0])
    try:
        return match.expand(replacement) if match else replacement
    except (re.error, IndexError) as error:
        raise PatternError(f"the replacement refers to a missing group: {error}") from None


def replace_all(text: str, query: Query, replacement: str) -> tuple[str, int]:
    """The whole text with every (non-empty) match replaced, and how many there were."""
    pattern = query.compile()
    if pattern is None:
        return text, 0
    count = 0

    def substitute(match: re.Match) -> str:
        nonlocal count
        if match.end() == match.start():
            return ""
        count += 1
        return match.expand(replacement) if query.regex else replacement

    try:
        return pattern.sub(substitute, text), count
    except (re.error, IndexError) as error:
        raise PatternError(f"the replacement refers to a missing group: {error}") from None

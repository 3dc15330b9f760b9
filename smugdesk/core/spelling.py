"""Spell checking of prose (pyenchant over the system's Hunspell dictionaries).

Only words of the text are checked: URLs, inline code, HTML tags, link targets and
e-mail addresses are skipped; front matter and code blocks are skipped by the caller,
which knows where they are. Without a dictionary the app works on and says so once.
"""

from __future__ import annotations

import re
from pathlib import Path

from smugdesk.core.errors import SmugdeskError

# Spans that are not prose, blanked out (same length) before words are found.
_NOT_PROSE = re.compile(
    r"`+[^`]*`+"  # inline code
    r"|<[^>\n]+>"  # HTML tags and <autolinks>
    r"|\]\([^)\n]*\)"  # link and image targets
    r"|^\s*\[[^\]\n]+\]:\s*\S+"  # reference definitions
    r"|\b(?:https?|ftp|mailto|post):\S+"  # bare URLs
    r"|\bwww\.\S+"
    r"|\S+@\S+\.\w+"  # e-mail addresses
    r"|\{[{%].*?[}%]\}",  # Liquid and Hugo shortcodes
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_](?:[\w’']*[^\W\d_])?")


class SpellingUnavailableError(SmugdeskError):
    """No spell-checking library or no dictionary for the language."""


def prose_words(line: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words in a line of Markdown worth spell checking."""
    blanked = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), line)
    words = []
    for match in _WORD.finditer(blanked):
        word = match.group(0)
        if len(word) > 1 and not any(ch.isupper() for ch in word[1:]):  # skip iPhone, MySQL
            words.append((match.start(), match.end(), word))
    return words


class Speller:
    """One language's dictionary plus the writer's own word list (a plain text file)."""

    def __init__(self, language: str, personal: Path) -> None:
        try:
            import enchant
        except ImportError as error:  # the C library (libenchant) is missing
            raise SpellingUnavailableError(f"spell checking needs Enchant: {error}") from None
        personal.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._dictionary = enchant.DictWithPWL(language, str(personal))
        except enchant.errors.DictNotFoundError:
            known = ", ".join(enchant.list_languages()) or "none"
            raise SpellingUnavailableError(
                f"no spelling dictionary for {language} (installed: {known})"
            ) from None
        self.language = language
        self._known: dict[str, bool] = {}  # a post repeats its words: ask Enchant once each

    def is_correct(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            if len(self._known) > 50_000:
                self._known.clear()
            known = self._known[word] = self._dictionary.check(word.replace("’", "'"))
        return known

    def suggestions(self, word: str, limit: int = 7) -> list[str]:
        return self._dictionary.suggest(word.replace("’", "'"))[:limit]

    def add(self, word: str) -> None:
        self._dictionary.add(word.replace("’", "'"))
        self._known.clear()


def available_languages() -> list[str]:
    try:
        import enchant
    except ImportError:
        return []
    return sorted(enchant.list_languages())

from __future__ import annotations

import pytest

from smugdesk.core.spelling import (
    Speller,
    SpellingUnavailableError,
    available_languages,
    prose_words,
)

needs_english = pytest.mark.skipif(
    "en_US" not in available_languages(), reason="no en_US dictionary (Debian: hunspell-en-us)"
)


def words(line: str) -> list[str]:
    return [word for _, _, word in prose_words(line)]


def test_only_prose_is_checked():
    line = (
        "Visit https://exmaple.org/pth or <span class='x'>hello</span> with `codde` and "
        "[the artcle](https://a.org/xyzzy) — mail press@hosp.org, {{< youtube abc >}} iPhone"
    )
    assert words(line) == ["Visit", "or", "hello", "with", "and", "the", "artcle", "mail"]


def test_positions_point_at_the_word():
    line = "A mispeled word"
    [(start, end, word)] = [w for w in prose_words(line) if w[2] == "mispeled"]
    assert line[start:end] == word


@needs_english
def test_dictionary_suggestions_and_personal_words(tmp_path):
    speller = Speller("en_US", tmp_path / "words.txt")
    assert speller.is_correct("hospital")
    assert not speller.is_correct("hosptial")
    assert "hospital" in speller.suggestions("hosptial")
    assert speller.is_correct("doesn’t")  # typographic apostrophes are fine
    assert not speller.is_correct("Mayoclinicish")
    speller.add("Mayoclinicish")
    assert Speller("en_US", tmp_path / "words.txt").is_correct("Mayoclinicish")


def test_a_missing_dictionary_is_a_clear_error(tmp_path):
    with pytest.raises(SpellingUnavailableError, match="no spelling dictionary for xx_XX"):
        Speller("xx_XX", tmp_path / "words.txt")

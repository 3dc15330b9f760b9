"""Counting words as a reader reads them, and the post's word-count goal."""

from smugdesk.core.words import word_count, word_goal


def test_plain_words():
    assert word_count("Night shift, day shift: the ward's rota.") == 7


def test_markup_a_reader_never_reads_is_not_counted():
    assert word_count("See ![a scan of the ward plan](images/plan-2024.png) here.") == 2
    assert word_count("Read [the new policy](https://example.org/a/b-c?d=e) today.") == 5
    assert word_count("Read [the policy][p] today.\n\n[p]: https://example.org/x/y\n") == 4
    assert word_count("Source: https://example.org/some/long-path and <https://x.org/a>") == 2
    assert word_count('A <span class="note">quiet</span> word.') == 3
    assert word_count("[link with (parens)](https://en.wikipedia.org/wiki/A_(b))") == 3


def test_the_goal_comes_from_the_front_matter_only():
    assert word_goal("---\ntitle: A\ngoal: 1,500\n---\nBody.\n") == 1500
    assert word_goal("---\nword_goal: 800\n---\n") == 800
    assert word_goal("---\ntitle: A\n---\ngoal: 900\n") is None  # in the body: not a goal
    assert word_goal("goal: 900\n") is None
    assert word_goal("---\ngoal: lots\n---\n") is None
    assert word_goal("---\ngoal: 0\n---\n") is None

"""The version history: every cause recorded, deduplicated and compressed storage, thinning,
identity that survives rename/move/trash, and a damaged store set aside."""

from __future__ import annotations

import random
import re
import sqlite3
import zlib
from pathlib import Path

import pytest

from smugdesk.core import history
from smugdesk.core.history import HistoryStore, split_chunks
from smugdesk.core.library import rename_post, restore_post, trash_post, trashed_posts
from smugdesk.core.store import PostFile, load_post, save_post

WORDS = re.findall(
    r"\w+",
    "the ward was quiet at night and the nurse wrote her notes by the lamp while rain "
    "fell on the clinic roof patients slept doctors argued about films and coffee",
)
HOUR = 3600.0
DAY = 86400.0


def prose(words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 90))
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(size)).capitalize() + ".")
        left -= size
    return "---\ntitle: Night shift\n---\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    return folder


@pytest.fixture
def store(drafts):
    found = HistoryStore.for_drafts(drafts)
    yield found
    found.close()


def test_store_lives_in_the_data_directory_not_the_drafts(drafts, store):
    post = drafts / "a.md"
    post.write_text("x", encoding="utf-8")
    store.record(post, "x", "manual")
    assert not store.database.is_relative_to(drafts)
    assert store.database.is_relative_to(history.history_dir())
    assert sorted(p.name for p in drafts.iterdir()) == ["a.md"]


def test_each_cause_is_recorded_with_time_words_and_label(drafts, store):
    post = drafts / "a.md"
    causes = ["autosave", "manual", "external", "publish", "download", "restore"]
    for number, cause in enumerate(causes):
        store.record(post, f"---\ntitle: A\n---\n\none two {number}\n", cause, when=1000 + number)
    versions = store.versions(post)
    assert [v.cause for v in versions] == causes[::-1]
    assert all(v.words == 3 for v in versions)
    assert versions[-1].time == 1000
    assert versions[0].label == "Restored"
    assert [v.kept for v in versions[::-1]] == [False, True, False, True, True, True]
    assert store.text(versions[-1].id) == "---\ntitle: A\n---\n\none two 0\n"


def test_the_same_text_again_adds_no_version_but_a_manual_save_keeps_it(drafts, store):
    post = drafts / "a.md"
    store.record(post, "same", "autosave", when=10)
    store.record(post, "same", "autosave", when=20)
    assert len(store.versions(post)) == 1
    store.record(post, "same", "manual", when=30)
    [only] = store.versions(post)
    assert only.kept and only.cause == "manual"


def test_publish_marks_the_version_each_blog_received(drafts, store):
    post = drafts / "a.md"
    store.record(post, "sent text", "manual", when=10)
    store.record(post, "sent text", "publish", when=11, target="SMUG blog")
    store.record(post, "later edit", "autosave", when=12)
    newest, sent = store.versions(post)
    assert sent.marks == ("SMUG blog",) and sent.describe() == "Published to SMUG blog"
    assert newest.marks == ()


def test_text_round_trips_exactly_through_chunks():
    for text in ("", "a", prose(2000), "x" * 50_000, "line\n" * 5000, prose(300) + "\n\n\n\n"):
        assert b"".join(split_chunks(text)) == text.encode("utf-8")


def test_an_edit_changes_one_chunk_and_leaves_the_others():
    text = prose(2000)
    before = split_chunks(text)
    middle = len(text) // 2
    after = split_chunks(text[:middle] + " inserted words" + text[middle:])
    assert len(set(before) - set(after)) <= 2
    assert len(before) > 5


def test_five_hundred_saves_do_not_cost_five_hundred_copies(drafts, store):
    """Fails if every save is stored as a (compressed) full copy."""
    post = drafts / "long.md"
    text = prose(2000)
    rng = random.Random(7)
    for save in range(500):
        at = rng.randrange(len(text))
        text = text[:at] + f" w{save}" + text[at:]
        store.record(post, text, "autosave", when=1000 + save * 2)
    assert len(store.versions(post)) == 500
    one_copy = len(zlib.compress(text.encode(), 6))
    stored = store.db.execute("SELECT sum(length(data)) FROM chunks").fetchone()[0]
    assert stored < 500 * one_copy / 10, (stored, one_copy)
    assert store.size_on_disk() < 500 * one_copy / 5
    assert store.text(store.versions(post)[0].id) == text


def test_thinning_keeps_the_hour_then_hourly_then_daily_and_every_manual_save(
    drafts, store, monkeypatch
):
    monkeypatch.setattr(history, "THIN_EVERY", float("inf"))  # only the thin() below
    post = drafts / "a.md"
    now = 100 * DAY
    manual = set()
    for minute in range(3 * 24 * 60, -1, -10):  # an autosave every 10 minutes for 3 days
        when = now - minute * 60
        cause = "manual" if minute % 600 == 5 else "autosave"
        version = store.record(post, f"text {minute}", cause, when=when)
        if cause == "manual":
            manual.add(version.id)
    store.record(post, "a month ago", "autosave", when=now - 40 * DAY)  # out of order: older
    before = store.db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    size_before = store.size_on_disk()
    store.thin(now=now)
    assert store.size_on_disk() < size_before  # freed pages go back to the file system
    left = store.versions(post)
    auto = [v for v in left if v.cause == "autosave"]
    last_hour = [v for v in auto if now - v.time < HOUR]
    day = [v for v in auto if HOUR <= now - v.time < DAY]
    older = [v for v in auto if now - v.time >= DAY]
    assert len(last_hour) == 6  # every one of the last hour
    hours = {int(v.time // HOUR) for v in day}
    assert len(day) == len(hours) and 22 <= len(day) <= 24  # one per hour
    days = {int(v.time // DAY) for v in older}
    assert len(older) == len(days) <= 3  # one per day, none older than a month
    assert all(now - v.time < 30 * DAY for v in left)
    assert manual <= {v.id for v in left}  # manual saves are never thinned
    # The chunks of dropped versions went with them.
    live = store.db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    assert live < before / 3
    assert [store.text(v.id) for v in left][:2] == ["text 0", "text 10"]


def test_the_newest_version_is_never_thinned(drafts, store):
    post = drafts / "a.md"
    store.record(post, "old", "autosave", when=0)
    store.record(post, "older still", "autosave", when=-DAY * 90)
    store.thin(now=DAY * 100)
    assert [store.text(v.id) for v in store.versions(post)] == ["old"]


def test_history_follows_a_rename_made_by_the_app(drafts):
    history.install()
    history.use_drafts(drafts)
    post = drafts / "night.md"
    post.write_text("---\ntitle: Night\n---\n\nBody text here.\n", encoding="utf-8")
    binding, text = PostFile.read(post)
    binding.save_text(text + "More.\n", cause="manual")
    renamed = rename_post(post, "Night shift notes")
    history.recorder().flush()  # the app's recorder works in a thread
    versions = history.store_for(renamed).versions(renamed)
    assert [v.cause for v in versions] == ["save", "manual"]
    assert versions[1].path == str(post)


def test_history_follows_a_move_in_a_file_manager_and_the_trash(drafts, store):
    post = drafts / "a.md"
    text = "---\ntitle: A\n---\n\nWords.\n"
    post.write_text(text, encoding="utf-8")
    store.record(post, text, "manual", when=1)
    moved = drafts / "sub" / "renamed.md"
    moved.parent.mkdir()
    post.rename(moved)
    assert [v.time for v in store.versions(moved)] == [1]
    trashed = trash_post(drafts, moved)
    assert [v.time for v in store.versions(trashed.path)] == [1]
    back = restore_post(drafts, trashed_posts(drafts)[0])
    assert [v.time for v in store.versions(back)] == [1]


def test_a_copy_beside_the_original_is_a_new_post(drafts, store):
    post = drafts / "a.md"
    post.write_text("text", encoding="utf-8")
    store.record(post, "text", "manual", when=1)
    copy = drafts / "copy.md"
    copy.write_text("text", encoding="utf-8")
    assert store.versions(copy) == []
    assert len(store.versions(post)) == 1


def test_every_save_through_the_store_records_a_version_once_installed(drafts):
    history.install()
    history.use_drafts(drafts)
    post = load_post_from(drafts, "---\ntitle: B\n---\n\nHello.\n")
    post.body += "Again.\n"
    save_post(post, cause="manual")
    history.recorder().flush()
    [version] = history.store_for(post.path).versions(post.path)
    assert version.cause == "manual"
    assert history.store_for(post.path).text(version.id).endswith("Hello.\nAgain.\n")


def load_post_from(drafts: Path, text: str):
    path = drafts / "b.md"
    path.write_text(text, encoding="utf-8")
    return load_post(path)


def test_a_damaged_store_is_set_aside_with_a_message_and_the_drafts_untouched(drafts):
    post = drafts / "a.md"
    post.write_text("mine", encoding="utf-8")
    database = history.store_path(drafts)
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(b"this is not a database" * 200)
    store = HistoryStore.for_drafts(drafts)
    try:
        notice = store.take_notice()
        assert notice and "set aside" in notice and "not touched" in notice
        aside = list(database.parent.glob(database.name + ".damaged-*"))
        assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
        store.record(post, "mine", "manual")
        assert len(store.versions(post)) == 1
    finally:
        store.close()
    assert post.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in drafts.iterdir()) == ["a.md"]


def test_a_store_damaged_while_open_is_set_aside_on_the_next_record(drafts, store):
    post = drafts / "a.md"
    store.record(post, "one", "manual", when=1)
    store.close()
    data = bytearray(store.database.read_bytes())
    data[100:4000] = b"\xff" * 3900  # the header's tail and the schema page
    store.database.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{store.database}{suffix}").unlink(missing_ok=True)
    reopened = HistoryStore.for_drafts(drafts)
    try:
        reopened.record(post, "two", "manual", when=2)
        assert reopened.take_notice()
        assert [reopened.text(v.id) for v in reopened.versions(post)] == ["two"]
    finally:
        reopened.close()


def test_a_damaged_chunk_is_reported_not_returned_as_wrong_text(drafts, store):
    post = drafts / "a.md"
    version = store.record(post, prose(500), "manual", when=1)
    with store.db:
        store.db.execute("UPDATE chunks SET data = ? WHERE id = 1", (zlib.compress(b"other"),))
    with pytest.raises(history.HistoryError, match="damaged"):
        store.text(version.id)
    assert store.take_notice() is None  # one damaged version does not set the store aside


def test_the_background_recorder_records_in_order(drafts):
    recorder = history.Recorder(background=True)
    post = drafts / "a.md"
    history.use_drafts(drafts)
    for number in range(20):
        recorder.submit(post, f"text {number}", "autosave")
    recorder.flush()
    texts = [history.store_for(post).text(v.id) for v in history.store_for(post).versions(post)]
    assert texts == [f"text {n}" for n in range(19, -1, -1)]


def test_sqlite_error_type_is_what_the_store_catches():
    assert issubclass(sqlite3.DatabaseError, sqlite3.Error)


def test_cli_lists_shows_and_restores_versions(drafts, capsys):
    from smugdesk import cli

    post = drafts / "c.md"
    first = "---\ntitle: C\n---\n\nFirst draft of the paragraph.\n"
    post.write_text(first, encoding="utf-8")
    history.use_drafts(drafts)
    store = history.store_for(post)
    one = store.record(post, first, "manual")
    binding, _text = PostFile.read(post)
    binding.save_text(first.replace("First", "Second"), cause="autosave")
    history.recorder().flush()
    store.record(post, post.read_text(encoding="utf-8"), "autosave")

    assert cli.main(["history", str(post)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 2 and "Autosaved" in listing[0] and "Saved" in listing[1]
    assert str(one.id) in listing[1] and "5 words" in listing[1]

    assert cli.main(["history", str(post), "--show", str(one.id)]) == 0
    assert capsys.readouterr().out == first

    assert cli.main(["history", str(post), "--restore", str(one.id)]) == 0
    assert post.read_text(encoding="utf-8") == first
    newest = store.versions(post)[0]
    assert newest.cause == "restore" and store.text(newest.id) == first

    assert cli.main(["history", str(post), "--show", "99999"]) == 1
    assert "has no version 99999" in capsys.readouterr().err
    assert cli.main(["history", str(drafts / "none.md")]) == 1
    assert "no versions" in capsys.readouterr().err


def test_word_diff_marks_words_and_rebuilds_both_texts():
    from smugdesk.core.history_diff import DELETE, EQUAL, INSERT, changed_words, word_diff

    old = prose(3000)
    new = old.replace("quiet", "silent", 1)
    lines = new.splitlines(keepends=True)
    lines.insert(10, "A new line of words.\n")
    del lines[40]
    new = "".join(lines)
    for a, b in ((old, new), (new, old), ("", old), (old, ""), (old, old)):
        diff = word_diff(a, b)
        assert "".join(t for op, t in diff if op in (EQUAL, DELETE)) == a
        assert "".join(t for op, t in diff if op in (EQUAL, INSERT)) == b
    diff = word_diff(old, new)
    assert (DELETE, "quiet") in diff and (INSERT, "silent") in diff
    removed, added = changed_words(diff)
    assert added >= 6 and removed >= 1


def test_a_text_recorded_late_is_compared_with_the_version_before_it_in_time(drafts, store):
    post = drafts / "a.md"
    store.record(post, "as opened", "manual", when=10)
    store.record(post, "saved after", "manual", when=20)
    store.record(post, "as opened", "external", when=15)  # read at 15, recorded at 20+
    assert [store.text(v.id) for v in store.versions(post)] == ["saved after", "as opened"]
    store.record(post, "changed outside", "external", when=16)
    assert [v.time for v in store.versions(post)] == [20, 16, 10]


def test_a_rename_that_changes_the_text_keeps_the_history_when_the_app_says_so(drafts, store):
    old, new = drafts / "ward.md", drafts / "night-ward.md"
    old.write_text("---\ntitle: Ward\n---\n\n![x](ward.assets/x.png)\n", encoding="utf-8")
    store.record(old, old.read_text(encoding="utf-8"), "manual", when=1)
    renamed = "---\ntitle: Night ward\n---\n\n![x](night-ward.assets/x.png)\n"
    new.write_text(renamed, encoding="utf-8")
    store.record(new, renamed, "save", when=2)  # the rename's own save, under the new name
    old.unlink()
    assert len(store.versions(new)) == 1  # body changed too: nothing says it is the same post
    store.moved(old, new)
    assert [v.time for v in store.versions(new)] == [2, 1]
    assert store.versions(old) == []

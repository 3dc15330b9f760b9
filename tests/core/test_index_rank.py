"""Ranking in two helper processes (index_rank): the same answer as one query, ties and all,
with APSW's SQLite or Python's; a commit between the parts, a helper gone, stuck or failing, or
one ended when idle leaves the search whole; and the helpers end with the index and with
the app, whose own process never loads a second SQLite."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import apsw
import pytest

from smugdesk.core import index as index_module
from smugdesk.core import index_rank
from smugdesk.core.index import PostIndex
from tests.core.test_index_pool import write

# Posts of one length share a score: ties at every cut.
POSTS = {f"p{n:02d}.md": "ward " * (n % 4 + 1) + "night shift\n" for n in range(24)}


@pytest.fixture(params=[("apsw", 2), ("sqlite3", 2), ("apsw", 3)], ids=str)
def split(request, monkeypatch):
    """Ranking in parts however few the posts, with either library."""
    library, cores = request.param
    monkeypatch.setattr(index_rank, "SPLIT_FROM", 0)
    monkeypatch.setattr(index_module, "default_workers", lambda: cores)
    monkeypatch.setattr(index_rank, "ranking_library", lambda: library)
    return cores


def found(index: PostIndex, query: str, limit: int = 500) -> list[str]:
    return [entry.file for entry in index.search(query, limit=limit)]


def helper_pids(index: PostIndex) -> list[int]:
    return [helper.pid for helper in index._ranker._helpers]


def test_apsw_is_what_the_helpers_rank_with_where_installed():
    assert index_rank.ranking_library() == "apsw"


def test_both_libraries_score_every_post_alike_to_the_last_bit(tmp_path):
    """The parts (APSW's SQLite) and a ranking in one piece (Python's, when the parts
    cannot be used) must agree, or a result list would change with the path it took."""
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:03d}.md": f"---\ntitle: Ward {n % 7}\n---\n" + "ward night " * (n % 13)
                   + "shift " * (n % 5) + "café\n" for n in range(150)})  # fmt: skip
    index = PostIndex(drafts, tmp_path / "index.sqlite3", search_often=False)
    index.refresh()
    index.close()
    ours = sqlite3.connect(tmp_path / "index.sqlite3")
    theirs = apsw.Connection(str(tmp_path / "index.sqlite3"))
    try:
        for match in ('"ward"*', '"night"* AND "shift"*', '"cafe"*', '"w"*'):
            query = index_rank._WHOLE.replace("score LIMIT", "score, rowid LIMIT")
            expected = ours.execute(query, (match, 1000)).fetchall()
            assert expected and theirs.execute(query, (match, 1000)).fetchall() == expected
    finally:
        ours.close()
        theirs.close()


@pytest.mark.parametrize("limit", [1, 3, 7, 10, 500])
def test_parts_answer_as_one_query(split, tmp_path, limit):
    drafts = tmp_path / "drafts"
    write(drafts, POSTS)
    whole = PostIndex(drafts, tmp_path / "index.sqlite3", search_often=False)
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        for query in ("ward", "night shift", "wa", "nothing"):
            assert found(index, query, limit) == found(whole, query, limit)
        assert len(helper_pids(index)) == split  # the parts were ranked by the helpers
    finally:
        index.close()
        whole.close()


def test_a_commit_between_the_parts_ranks_again_in_one_piece(split, tmp_path, monkeypatch):
    """The parts must read the same index: a post the app indexes while they are read
    would be missing, or scored against other counts in one part."""
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:02d}.md": "ward " * (n + 1) + "night\n" for n in range(12)})
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        answers = []
        answer = index_rank._Helper.answer

        def answer_then_a_commit(self):
            answers.append(answer(self))
            if len(answers) == 1:  # between the parts' answers
                write(drafts, {"late.md": "ward ward ward ward ward ward ward ward ward ward\n"})
                other = PostIndex(drafts, index.db_path)  # as the app's indexing process
                other.update_file(drafts / "late.md")
                other.close()
            return answers[-1]

        monkeypatch.setattr(index_rank._Helper, "answer", answer_then_a_commit)
        results = found(index, "ward", limit=5)
        monkeypatch.setattr(index_rank._Helper, "answer", answer)
        assert len(answers) == split and all(isinstance(part, list) for part in answers)
        assert results == found(index, "ward", limit=5)
        assert str(drafts / "late.md") in results
    finally:
        index.close()


@pytest.mark.parametrize("which", [0, 1])
def test_a_helper_gone_stuck_or_failing_leaves_the_search_whole(
    split, tmp_path, monkeypatch, which
):
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:02d}.md": "ward " * (n + 1) + "night\n" for n in range(12)})
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        expected = found(index, "ward", limit=4)
        # Stuck: asked, it never answers.
        monkeypatch.setattr(index_rank, "_ANSWER_SECONDS", 0.5)
        os.kill(helper_pids(index)[which], signal.SIGSTOP)
        assert found(index, "ward", limit=4) == expected  # ranked again in one piece
        assert index._ranker._helpers == []  # both closed, the stuck one killed
        # Gone before it is asked (killed after the check that it lives).
        index.search("ward")
        ask = index_rank._Helper.ask
        gone = index._ranker._helpers[which]

        def killed_first(self, question):
            if self is gone:
                self._process.kill()
                self._process.join()
            return ask(self, question)

        monkeypatch.setattr(index_rank._Helper, "ask", killed_first)
        assert found(index, "ward", limit=4) == expected
        assert index._ranker._helpers == []
        monkeypatch.setattr(index_rank._Helper, "ask", ask)
        # Killed between two searches: both start afresh.
        index.search("ward")
        index._ranker._helpers[which]._process.kill()
        index._ranker._helpers[which]._process.join()
        assert found(index, "ward", limit=4) == expected
        assert len(helper_pids(index)) == split and all(h.alive() for h in index._ranker._helpers)
        # A question its part cannot answer fails here as it would in one piece.
        with pytest.raises(sqlite3.OperationalError):
            index._ranker.ranked(index._db, "ward AND (", 4)
        assert found(index, "ward", limit=4) == expected
    finally:
        index.close()
    assert index._ranker._helpers == []


def test_helpers_asked_nothing_for_a_while_end_and_come_back(split, tmp_path, monkeypatch):
    monkeypatch.setattr(index_rank, "IDLE_SECONDS", 0.3)
    drafts = tmp_path / "drafts"
    write(drafts, POSTS)
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    try:
        index.refresh()
        expected = found(index, "ward", limit=5)
        first = list(index._ranker._helpers)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(helper.alive() for helper in first):
            time.sleep(0.05)
        assert not any(helper.alive() for helper in first)
        assert found(index, "ward", limit=5) == expected
        assert all(helper.alive() for helper in index._ranker._helpers)
        assert set(helper_pids(index)).isdisjoint(helper.pid for helper in first)
    finally:
        index.close()


def test_the_helpers_end_with_the_index_and_with_the_app(split, tmp_path):
    drafts = tmp_path / "drafts"
    write(drafts, {f"p{n:02d}.md": "ward night\n" for n in range(5)})
    index = PostIndex(drafts, tmp_path / "index.sqlite3")
    index.refresh()
    index.search("ward")
    helpers = list(index._ranker._helpers)
    index.close()
    assert len(helpers) == split and not any(helper.alive() for helper in helpers)
    # The app killed outright: the helpers' pipes close and they end by themselves. Its
    # own process never loaded APSW's SQLite beside Python's (see index_rank).
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from smugdesk.core import index, index_rank\n"
        "index_rank.SPLIT_FROM = 0\n"
        "index.default_workers = lambda: 2\n"
        f"i = index.PostIndex(Path({str(drafts)!r}), Path({str(tmp_path / 'i.sqlite3')!r}))\n"
        "i.refresh(); i.search('ward')\n"
        "print(*(h.pid for h in i._ranker._helpers), 'apsw' in sys.modules, flush=True)\n"
        "import os; os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    *pids, apsw_loaded = done.stdout.split()
    assert len(pids) == 2 and apsw_loaded == "False"
    deadline = time.monotonic() + 10
    for pid in pids:
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
            time.sleep(0.05)
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()


def test_helpers_started_from_two_threads_at_once_leave_the_main_module_in_place():
    """The app starts helpers from its library thread; were another thread to start workers
    at the same moment, the second swap of ``__main__`` must not outlive the first."""
    from smugdesk.core.index_pool import main_not_rerun

    main = sys.modules["__main__"]
    inside = threading.Event()

    def first():
        with main_not_rerun():
            inside.set()
            time.sleep(0.2)

    def second():
        inside.wait(5)
        with main_not_rerun():
            time.sleep(0.4)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert sys.modules["__main__"] is main

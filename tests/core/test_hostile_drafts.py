"""A drafts folder that holds hostile files (synced, unpacked, shared) costs the app nothing:
each such file is refused with its reason, every other post lists, searches and opens as
before, and nothing (core, library index, command line) hangs, runs out of memory or shows a
traceback."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from smugdesk.core.drafts import list_drafts
from smugdesk.core.errors import FrontMatterError, PostReadError, SmugdeskError
from smugdesk.core.index import PostIndex
from smugdesk.core.post import parse_post, read_post
from smugdesk.core.store import load_post

# Nine levels of nine aliases: 9⁹ (387 million) values once expanded, in under 400 bytes.
BILLION_LAUGHS = (
    "---\na: &a [l,l,l,l,l,l,l,l,l]\n"
    + "".join(
        f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "title: laughs\n---\nBody\n"
)
DEEP_LISTS = "---\ntitle: " + "[" * 10_000 + "\n---\nBody\n"
DEEP_MAPS = "---\ntitle: " + "{a: " * 10_000 + "\n---\nBody\n"
DEEP_BLOCKS = "---\nt:\n" + "".join(" " * i + "a:\n" for i in range(300)) + "---\nBody\n"
SELF_ALIAS = "---\ntitle: &me [1, *me]\n---\nBody\n"
LONG_NUMBER = "---\ntitle: !!int 0x" + "f" * 5000 + "\n---\nBody\n"  # str() of it raises
GOOD = "---\ntitle: Night shift diaries\ntags: [ward]\n---\nThe ward at night, quiet.\n"


def bounded(call, *, megabytes: float, seconds: float):
    """Run ``call``: what it returns or raises, and proof it stayed within its budget."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        try:
            outcome = call()
        except SmugdeskError as error:
            outcome = error
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    assert peak < megabytes * 1_048_576, f"peak {peak / 1_048_576:.1f} MB"
    assert elapsed < seconds, f"{elapsed:.2f} s"
    return outcome


MEASURE = """
import json, sys, time, tracemalloc
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import read_post
read_post("---\\ntitle: [warm]\\n---\\n")  # ruamel.yaml's import is not the bomb's cost
tracemalloc.start()
started = time.perf_counter()
try:
    read_post(sys.stdin.read())
    error = None
except SmugdeskError as caught:
    error = str(caught)
print(json.dumps([error, time.perf_counter() - started, tracemalloc.get_traced_memory()[1]]))
"""


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # a broken defence: no OOM


def test_the_alias_bomb_is_small_and_refused_before_it_expands():
    assert len(BILLION_LAUGHS.encode()) < 400
    # In a process of its own with 1 GB of address space: without the defence, walking the
    # values as a tree (the listing's tags and summary, the change check before a save)
    # meets every alias expanded and would take the machine's memory.
    run = subprocess.run(
        [sys.executable, "-c", MEASURE],
        input=BILLION_LAUGHS,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )
    error, seconds, peak = json.loads(run.stdout)
    assert "more than 5,000 values once its aliases are expanded" in error
    assert peak < 2 * 1_048_576 and seconds < 1, (peak, seconds)


def test_a_handful_of_aliases_still_works():
    post = parse_post("---\nbase: &b [x, y]\ntags: *b\ntitle: T\n---\n")
    assert post.tags == ["x", "y"]


@pytest.mark.parametrize(
    "text", [DEEP_LISTS, DEEP_MAPS, DEEP_BLOCKS, SELF_ALIAS], ids=["[", "{", "block", "loop"]
)
def test_deep_nesting_and_loops_are_refused_quickly_without_recursion_errors(text):
    read_post("---\ntitle: warm\n---\n")
    error = bounded(lambda: read_post(text), megabytes=16, seconds=2)
    assert isinstance(error, FrontMatterError), error
    assert "refused" in str(error) and "\n" not in str(error)


@pytest.mark.parametrize("number", ["1" * 5000, "!!int 0x" + "f" * 5000, "[1, " + "9" * 5000 + "]"])
def test_a_number_too_long_to_show_is_refused_not_a_traceback(tmp_path, number):
    path = tmp_path / "number.md"
    path.write_text(f"---\ntitle: {number}\n---\nBody\n", encoding="utf-8")
    for read in (lambda: read_post(path.read_text(encoding="utf-8")), lambda: load_post(path)):
        with pytest.raises(FrontMatterError, match="digits") as caught:
            read()
        assert "\n" not in str(caught.value)


def test_a_50_mb_file_is_refused_from_its_size_without_being_read(tmp_path):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as stream:  # sparse: 50 MB to stat, nothing on the disk
        stream.truncate(50 * 1_048_576)
    error = bounded(lambda: load_post(huge), megabytes=2, seconds=2)
    assert isinstance(error, PostReadError)
    assert str(error) == "huge.md is 50.0 MB, larger than the 8 MB a post may be"


@contextlib.contextmanager
def fifo(path: Path):
    """A named pipe; a reader left blocked on it is released at the end, so a broken
    defence fails the test instead of hanging the suite."""
    os.mkfifo(path)
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


class BlockedError(Exception):
    pass


def in_time(call, seconds: float = 5):
    """``call()``'s result or the SmugdeskError it raised; BlockedError if it is still waiting
    (on a FIFO) after ``seconds``: the alarm interrupts the blocked system call."""

    def give_up(_signal, _frame):
        raise BlockedError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return call()
    except SmugdeskError as error:
        return error
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_fifo_named_like_a_post_never_blocks(tmp_path):
    with fifo(tmp_path / "pipe.md") as pipe:
        error = in_time(lambda: load_post(pipe))
        assert isinstance(error, PostReadError)
        assert str(error) == "pipe.md is a named pipe (FIFO), not a post file"
        (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
        assert in_time(lambda: list_drafts_by_scan(tmp_path)) == [
            ("Night shift diaries", "good"),
            ("pipe", "pipe"),
        ]


def list_drafts_by_scan(drafts: Path) -> list[tuple[str, str]]:
    """The link search's own scan (used when the index cannot be opened)."""
    from smugdesk.core import drafts as module

    return [module._head(path) for path in module._draft_files(drafts)]


@pytest.fixture
def hostile(tmp_path) -> Path:
    """A drafts folder with one good post among every kind of hostile file."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "good.md").write_text(GOOD, encoding="utf-8")
    (drafts / "sibling.md").symlink_to(drafts / "good.md")  # a link inside: fine
    (drafts / "laughs.md").write_text(BILLION_LAUGHS, encoding="utf-8")
    (drafts / "lists.md").write_text(DEEP_LISTS, encoding="utf-8")
    (drafts / "maps.md").write_text(DEEP_MAPS, encoding="utf-8")
    (drafts / "number.md").write_text(LONG_NUMBER, encoding="utf-8")
    (drafts / "latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\nroot\n")
    (drafts / "binary.md").write_bytes(b"\x7fELF\x00\x00root" * 100)
    with (drafts / "huge.md").open("wb") as stream:
        stream.truncate(50 * 1_048_576)
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (drafts / "passwd.md").symlink_to(secret)
    (drafts / "etc-passwd.md").symlink_to("/etc/passwd")
    os.mkfifo(drafts / "pipe.md")
    return drafts


EXPECTED_PROBLEMS = {
    "laughs.md": "aliases are expanded",
    "lists.md": "nested more than 40 levels",
    "maps.md": "nested more than 40 levels",
    "number.md": "more than 4,000 digits",
    "latin1.md": "not valid UTF-8",
    "binary.md": "binary file",
    "huge.md": "50.0 MB, larger than the 8 MB",
    "passwd.md": "a link to a file outside the drafts folder",
    "etc-passwd.md": "a link to a file outside the drafts folder",
}


def test_the_library_lists_each_hostile_file_with_its_reason_and_the_rest_as_before(hostile):
    index = PostIndex(hostile)
    try:
        in_time(index.refresh, seconds=20)
        entries = {entry.path.name: entry for entry in index.entries("title")}
        found = {entry.path.name for entry in index.search("night")}
        secrets = index.search("root")
        in_time(lambda: index.update_file(hostile / "pipe.md"))  # a save event on it
    finally:
        index.close()
    for name, reason in EXPECTED_PROBLEMS.items():
        assert reason in entries[name].problem, (name, entries[name].problem)
    assert entries["good.md"].problem == "" and entries["sibling.md"].problem == ""
    assert entries["good.md"].title == "Night shift diaries"
    assert found == {"good.md", "sibling.md"}
    assert secrets == []  # nothing from outside the folder, nothing from a refused file


def test_the_link_search_and_opening_a_good_post_work_beside_hostile_files(hostile):
    assert ("Night shift diaries", "good") in in_time(lambda: list_drafts(hostile))
    scanned = dict(in_time(lambda: list_drafts_by_scan(hostile), seconds=10))
    assert scanned["Night shift diaries"] in ("good", "sibling")
    assert not {"passwd", "etc-passwd"} & set(scanned.values())  # links out are not read
    assert load_post(hostile / "good.md").title == "Night shift diaries"
    for name in EXPECTED_PROBLEMS:
        if "link" not in EXPECTED_PROBLEMS[name]:  # opening a link by hand follows it
            error = in_time(lambda name=name: load_post(hostile / name))
            assert isinstance(error, SmugdeskError) and "\n" not in str(error), error


def smugdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "smugdesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_line_lists_and_searches_without_a_traceback(hostile, tmp_path):
    listing = smugdesk("list", "--drafts", str(hostile), "--json")
    assert listing.returncode == 0, listing.stderr
    assert "Traceback" not in listing.stderr
    problems = {Path(item["path"]).name: item["problem"] for item in json.loads(listing.stdout)}
    assert problems["good.md"] is None
    for name, reason in EXPECTED_PROBLEMS.items():
        assert reason in problems[name]
    search = smugdesk("search", "root", "--drafts", str(hostile))
    assert (search.returncode, search.stdout, search.stderr) == (0, "", "")
    text = smugdesk("list", "--drafts", str(hostile))
    assert "UNREADABLE" in text.stdout and "Traceback" not in text.stderr
    for name in ("laughs.md", "lists.md", "number.md", "huge.md", "pipe.md", "binary.md"):
        export = smugdesk("export", str(hostile / name), "--to", "html", "--out", str(tmp_path))
        assert export.returncode == 1, export
        assert export.stderr.startswith(f"smugdesk: {name}") or name in export.stderr
        assert export.stderr.count("\n") == 1, export.stderr

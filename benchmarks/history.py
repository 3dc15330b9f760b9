"""The version history under a writer's load: size on disk and time added to a save.

    .venv/bin/python benchmarks/history.py [--quick]

Two sessions, each in a fresh store under a temporary folder:
- a 2,000-word post typed into for an hour and autosaved every 2 seconds (1,800 saves: a
  few words typed at a cursor that moves to another paragraph now and then, a sentence
  deleted sometimes), with a manual save every 5 minutes;
- a 100,000-word manuscript saved 1,000 times with the same kind of edits.

Prints: the history's size on disk (database and log) after the session and after the
thinning a day later, against the size of one zlib-compressed copy and of keeping every
version as such a copy; the time ``record`` takes per save (median, p95, max: the cost if
recorded on the saving thread; wall clock, and the thread's CPU time, which the machine's
other load does not inflate); the time a save's thread pays with the app's background
recorder (putting the text on a queue); and the time to open the timeline (the list of
versions, the newest version's text, and the word diff against the current text).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_docs import _WORDS, document

from smugdesk.core import history
from smugdesk.core.history import HistoryStore, body_of
from smugdesk.core.history_diff import word_diff
from smugdesk.core.words import word_count


def _edit(text: str, rng: random.Random, state: dict) -> str:
    """Two seconds of a writer at work: a word or two typed at the cursor (with pauses,
    rereading), sometimes a sentence deleted, sometimes the cursor moved to another
    paragraph: the post grows by about a thousand words in the hour."""
    if state.get("cursor") is None or rng.random() < 0.03:
        breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)]
        state["cursor"] = rng.choice(breaks) if breaks else len(text)
    at = min(state["cursor"], len(text))
    if rng.random() < 0.05:
        end = text.find(". ", at + 1)
        if end != -1 and end - at < 200:
            return text[:at] + text[end + 1 :]
    words = " " + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 2)))
    state["cursor"] = at + len(words)
    return text[:at] + words + text[at:]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def session(words: int, saves: int, every: float, label: str) -> None:
    rng = random.Random(words)
    text = document(words)
    first_words = word_count(body_of(text))
    folder = Path(tempfile.mkdtemp(prefix="smugdesk-history-bench-"))
    drafts = folder / "drafts"
    drafts.mkdir()
    post = drafts / "post.md"
    store = HistoryStore(folder / "history.sqlite3", drafts)
    start = 1_700_000_000.0
    state: dict = {}
    times: list[float] = []
    cpu: list[float] = []  # the thread's own time: what the machine's other load does not add
    history.THIN_EVERY = float("inf")  # thinning measured apart, below
    for number in range(saves):
        text = _edit(text, rng, state)
        cause = "manual" if number % 150 == 149 else "autosave"
        began, began_cpu = time.perf_counter(), time.thread_time()
        store.record(post, text, cause, when=start + number * every)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.thread_time() - began_cpu) * 1000)
    one_copy = len(zlib.compress(text.encode("utf-8"), 6))
    size = store.size_on_disk()
    versions = len(store.versions(post))

    # The thread that saves, with the app's background recorder: the queue, not the work.
    recorder = history.Recorder(background=True)
    history.use_drafts(drafts)
    queued: list[float] = []
    for _ in range(50):
        text = _edit(text, rng, state)
        began = time.perf_counter()
        recorder.submit(post, text, "autosave")
        queued.append((time.perf_counter() - began) * 1000)
        recorder.flush()
    history.close_all()

    opening: list[float] = []
    for _ in range(5):
        began = time.perf_counter()
        listed = store.versions(post)
        shown = store.text(listed[min(5, len(listed) - 1)].id)
        word_diff(shown, text)
        opening.append((time.perf_counter() - began) * 1000)

    dialog_ms = _dialog_open_ms(store, post, text)

    removed = store.thin(now=start + saves * every + 86400)
    thinned_size = store.size_on_disk()
    left = len(store.versions(post))
    store.close()

    print(
        f"\n{label}: {first_words:,} words at the start, {word_count(body_of(text)):,} at the "
        f"end, {saves:,} saves {every:g} s apart"
    )
    print(
        f"  history on disk: {size / 1e6:.2f} MB for {versions:,} versions "
        f"({size / versions / 1024:.2f} KB a version); one compressed copy "
        f"{one_copy / 1024:.1f} KB, every version as one {one_copy * versions / 1e6:.1f} MB "
        f"({one_copy * versions / size:.0f}× more)"
    )
    print(
        f"  a day later, thinned: {left:,} versions ({removed:,} dropped), "
        f"{thinned_size / 1e6:.2f} MB"
    )
    print(
        f"  record on the saving thread: median {statistics.median(times):.2f} ms, "
        f"p95 {_percentile(times, 0.95):.2f} ms, max {max(times):.2f} ms (wall clock); "
        f"its CPU time median {statistics.median(cpu):.2f} ms, p95 {_percentile(cpu, 0.95):.2f} ms"
    )
    print(
        f"  with the background recorder, the save's thread pays: median "
        f"{statistics.median(queued) * 1000:.0f} µs, max {max(queued) * 1000:.0f} µs"
    )
    print(
        f"  open the timeline (list, a version's text, word diff): median "
        f"{statistics.median(opening):.1f} ms; File → History's dialog built and showing "
        f"the newest version (offscreen): median {dialog_ms:.0f} ms"
    )


def _dialog_open_ms(store: HistoryStore, post: Path, text: str) -> float:
    """The real dialog, offscreen: built, filled, the newest version shown with its diff."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from smugdesk.ui.application import create_application
    from smugdesk.ui.history_dialog import HistoryDialog

    create_application()
    times = []
    for _ in range(3):
        began = time.perf_counter()
        dialog = HistoryDialog(store, post, lambda: text)
        times.append((time.perf_counter() - began) * 1000)
        dialog.deleteLater()
    return statistics.median(times)


def main() -> None:
    quick = "--quick" in sys.argv
    session(2000, 300 if quick else 1800, 2.0, "2,000-word post, an hour of autosaves")
    session(100_000, 100 if quick else 1000, 2.0, "100,000-word manuscript")


if __name__ == "__main__":
    main()

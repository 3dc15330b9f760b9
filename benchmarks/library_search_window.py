"""The window's library search on a large folder, as the writer meets it: the time from a
query sent by the search box (its 120 ms typing pause skipped) to its results shown in the
pane, in the real app (offscreen), with the library's own thread, index and rank helpers.

    .venv/bin/python benchmarks/library_search_window.py DRAFTS [--cache DIR]

DRAFTS: a folder of posts, e.g. one made by `library_index.py 50000 --folder DRAFTS`.
--cache: the cache folder holding its index (default: a new one, indexed first, which
takes as long as a first indexing). Prints median and 95th percentile for 40 typical
queries (one or two words) and 30 words found in every post.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("drafts", type=Path)
    parser.add_argument("--cache", type=Path, help="a cache folder with the folder's index")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["XDG_CACHE_HOME"] = str(args.cache or tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()

    from library_index import vocabulary, zipf_pick
    from PySide6.QtCore import QTimer
    from sample_docs import _WORDS

    from smugdesk.ui import application
    from smugdesk.ui.main_window import MainWindow

    rng = random.Random(5)
    words = vocabulary(random.Random(3))
    typical = [" ".join(zipf_pick(rng, words) for _ in range(rng.randint(1, 2))) for _ in range(40)]
    queries = [("typical", query) for query in typical]
    queries += [("a word in every post", rng.choice(_WORDS)) for _ in range(30)]
    times: dict[str, list[float]] = {"typical": [], "a word in every post": []}

    app = application.create_application([])
    window = MainWindow(args.drafts.absolute())
    window.show()
    window.finish_start()
    pane, worker = window.library, window.library_control.worker
    asked: dict[str, object] = {"label": None, "text": None, "at": 0.0, "listed": False}

    def show(listing) -> None:
        pane.show_listing(listing)
        if asked["text"] is not None and listing.query.text == asked["text"]:
            times[asked["label"]].append((time.perf_counter() - asked["at"]) * 1000)
            asked["text"] = None
            QTimer.singleShot(50, ask_next)
        elif not asked["listed"] and listing.entries and not listing.query.text:
            asked["listed"] = True  # the folder is listed: its refresh is done
            QTimer.singleShot(3000, ask_next)

    def ask_next() -> None:
        if not queries:
            for label, found in times.items():
                found.sort()
                at = max(0, int(len(found) * 0.95) - 1)
                print(
                    f"{label}: {len(found)} queries, median {statistics.median(found):.1f} ms,"
                    f" p95 {found[at]:.1f} ms (load average {os.getloadavg()[0]:.1f})"
                )
            window.close()
            QTimer.singleShot(500, app.quit)
            return
        asked["label"], asked["text"] = queries.pop(0)
        asked["at"] = time.perf_counter()
        pane.search.blockSignals(True)  # no typing pause: the query goes now
        pane.search.setText(asked["text"])
        pane.search.blockSignals(False)
        pane.emit_query()

    worker.listed.disconnect(pane.show_listing)
    worker.listed.connect(show)
    QTimer.singleShot(600_000, app.quit)  # a first indexing of 50,000 posts included
    app.exec()


if __name__ == "__main__":
    main()

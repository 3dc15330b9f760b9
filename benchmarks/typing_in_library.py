"""Typing in a post of a large library, its autosaves included: preview_latency.py's
figures for a 2,000-word post that is a file of FOLDER, so that each autosave (every 2 s of
typing) reaches the library, its index and the folder's watch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/typing_in_library.py FOLDER \\
        [--cache DIR]

FOLDER: a library, e.g. made by `library_index.py 50000 --folder FOLDER`; run it again on
a folder of a few posts for the figures to compare with. --cache: the cache folder with
its index (default: a new one, indexed first). The post typed in is put back afterwards.
Prints the figures, the full lists the library sent meanwhile, and the CPU time the
window's process used a second.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    os.environ["XDG_CACHE_HOME"] = str(args.cache or tempfile.mkdtemp())
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()
    from preview_latency import measure, wait_until  # sets the offscreen platform

    from smugdesk.ui.application import create_application
    from smugdesk.ui.main_window import MainWindow

    folder = args.folder.absolute()
    app = create_application([])
    window = MainWindow(folder)
    window.show()
    window.finish_start()
    lists: list[int] = []
    window.library_control.worker.listed.connect(lambda listing: lists.append(1))
    wait_until(lambda: window.library.model.rowCount() > 0, 600)
    time.sleep(2)
    app.processEvents()
    post = sorted(folder.rglob("*.md"))[len(lists) % 7 + 3]
    kept = post.read_bytes()
    window.open_path(post)
    wait_until(lambda: window.preview_is_current, 30)
    before = len(lists)
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    began = time.perf_counter()
    try:
        measure(window, 2000)
    finally:
        window.save()
        window.close()
        post.write_bytes(kept)
    after = resource.getrusage(resource.RUSAGE_SELF)
    used = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    print(
        f"full lists sent meanwhile: {len(lists) - before}; the window's process used"
        f" {used / (time.perf_counter() - began):.2f} s of CPU a second"
    )


if __name__ == "__main__":
    main()

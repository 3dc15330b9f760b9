"""Run with ReText's environment (build/bench-retext-venv): the time ReText's own converter
(markups, as ReText calls it for its live preview) takes for the benchmark documents.
ReText converts the whole document after each pause in typing, so this is the least an
edit costs it before its preview is even updated. Prints one JSON line per size."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import markups
from sample_docs import document


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [2000, 20000, 100000]
    markup = markups.get_markup_for_file_name("post.md")
    for words in sizes:
        text = document(words)
        times = []
        for _ in range(5 if words < 50000 else 3):
            start = time.perf_counter()
            markup.convert(text).get_document_body()
            times.append((time.perf_counter() - start) * 1000)
        print(json.dumps({"words": words, "convert_ms": statistics.median(times)}), flush=True)


if __name__ == "__main__":
    main()

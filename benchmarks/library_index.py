"""The library at scale: a generated folder of posts, listed cold and warm, and searched.

    .venv/bin/python benchmarks/library_index.py [POSTS]   (default 10,000)

Prints: time to the first list on a cold index (no cache: every file read and indexed),
on a warm index (files only stat'ed), after one file changed, and search latency (median and
95th percentile over many queries of one to three words, some as prefixes).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_docs import _WORDS, document

from smugdesk.core.index import PostIndex


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    """Made-up words, so searches see a real spread: a few words everywhere, most rare."""
    syllables = ["ka", "lo", "mi", "ten", "sar", "vel", "dru", "po", "nes", "ti", "qua", "ber"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    ordered = sorted(words)
    # Shuffled: frequency must not follow the alphabet, or the commonest word would be a
    # prefix of hundreds of others, which no language does.
    rng.shuffle(ordered)
    return ordered


def zipf_pick(rng: random.Random, words: list[str]) -> str:
    """Word n is picked about 1/n as often as the first."""
    return words[min(int(len(words) ** rng.random()) - 1, len(words) - 1)]


TAGS = ["video", "patients", "research", "nurses", "policy", "events", "social", "podcast"]


def make_folder(folder: Path, posts: int, seed: int = 11) -> int:
    """Posts of 300–1,500 words in year subfolders, with front matter as writers have it."""
    rng = random.Random(seed)
    words = vocabulary(random.Random(3))
    bodies = [document(words, seed=n) for n, words in enumerate((300, 600, 900, 1200, 1500))]
    total_bytes = 0
    start = dt.datetime(2012, 1, 1, 9, 0)
    for number in range(posts):
        date = start + dt.timedelta(hours=7 * number)
        year = folder / str(date.year)
        year.mkdir(exist_ok=True)
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 8))).capitalize()
        tags = ", ".join(rng.sample(TAGS, rng.randint(0, 3)))
        status = rng.choice(["draft", "published", "published", "published"])
        body = bodies[number % len(bodies)]
        # sample_docs has a small vocabulary; real posts have many words, most of them rare.
        notes = " ".join(zipf_pick(rng, words) for _ in range(150))
        body = f"{body}\n\n{notes}.\n\nUpdate: {rng.choice(_WORDS)} {number}.\n"
        text = (
            f'---\ntitle: "{title}"\ndate: {date:%Y-%m-%d %H:%M:%S}\ntags: [{tags}]\n'
            f"categories: [health]\nstatus: {status}\n---\n\n{body}"
        )
        path = year / f"post-{number:05d}.md"
        path.write_text(text, encoding="utf-8")
        total_bytes += len(text)
    return total_bytes


def timed(action) -> tuple[float, object]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def report(index: PostIndex, label: str, queries: list[str], sort: str) -> None:
    latencies, hits = [], []
    for query in queries:
        seconds, found = timed(lambda q=query: index.search(q, sort))
        latencies.append(seconds * 1000)
        hits.append(len(found))
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(
        f"search, {label}, by {sort} ({len(queries)} queries, median {statistics.median(hits):.0f}"
        f" hits, at most 500): median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms,"
        f" max {latencies[-1]:.1f} ms"
    )


def main() -> None:
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(prefix="smugdesk-library-") as temp:
        drafts, db = Path(temp) / "drafts", Path(temp) / "index.sqlite3"
        drafts.mkdir()
        seconds, size = timed(lambda: make_folder(drafts, posts))
        print(f"{posts:,} posts, {size / 1e6:.0f} MB generated in {seconds:.1f} s")

        def first_list() -> int:
            index = PostIndex(drafts, db)
            index.refresh()
            count = len(index.entries())
            index.close()
            return count

        cold, count = timed(first_list)
        print(f"cold index, first list ({count:,} entries): {cold:.2f} s")
        warm_runs = [timed(first_list)[0] for _ in range(5)]
        print(f"warm index, first list: median {statistics.median(warm_runs):.3f} s")

        index = PostIndex(drafts, db)
        index.refresh()
        some = drafts / "2013" / sorted(p.name for p in (drafts / "2013").iterdir())[0]
        some.write_text(some.read_text() + "\nA fresh line.\n", encoding="utf-8")
        changed, _ = timed(lambda: (index.refresh(), index.entries()))
        print(f"one file changed, refresh + list: {changed:.3f} s")

        rng = random.Random(5)
        words = vocabulary(random.Random(3))
        queries = []
        for _ in range(200):
            picked = [zipf_pick(rng, words) for _ in range(rng.randint(1, 2))]
            if rng.random() < 0.5:
                picked[-1] = picked[-1][: max(3, len(picked[-1]) - 2)]  # still being typed
            queries.append(" ".join(picked))
        common = [rng.choice(_WORDS) for _ in range(50)]  # in every post
        for label, batch in (("typical", queries), ("a word in every post", common)):
            for sort in ("relevance", "date"):
                report(index, label, batch, sort)
        rare, found = timed(lambda: index.search("update 4242"))
        print(f"search for one post's own words: {rare * 1000:.1f} ms, {len(found)} hit(s)")
        print(f"index size: {db.stat().st_size / 1e6:.0f} MB")
        index.close()


if __name__ == "__main__":
    main()

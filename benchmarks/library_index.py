"""The library at scale: a generated folder of posts, listed cold and warm, and searched.

    .venv/bin/python benchmarks/library_index.py [POSTS] [--folder DIR] [--cold-runs N]

POSTS defaults to 10,000. With --folder the posts are generated into DIR once (if it holds
no posts yet) and reused by later runs: 50,000 posts take 15 s and 0.5 GB to write.

Prints: time to the first list on a cold index (no cache: every file read and indexed),
on a warm index (files only stat'ed), the command line's warm `smugdesk list --json` (a
fresh process, as a script runs it), after one file changed, search latency (median and
95th percentile over many queries of one to three words, some as prefixes, some of two or
three letters as typed at a word's start) and the index's size beside the posts' size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
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


def cpu_seconds() -> float:
    """User and system time of this process and of its children that have ended (the
    pool's workers): the work done, whatever else the shared machine was running."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def timed(action) -> tuple[float, object]:
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def report(index: PostIndex, label: str, queries: list[str], sort: str) -> None:
    latencies, cpu, hits = [], [], []
    for query in queries:
        began = time.process_time()
        seconds, found = timed(lambda q=query: index.search(q, sort))
        cpu.append((time.process_time() - began) * 1000)
        latencies.append(seconds * 1000)
        hits.append(len(found))
    latencies.sort()
    cpu.sort()
    at = max(0, int(len(latencies) * 0.95) - 1)
    print(
        f"search, {label}, by {sort} ({len(queries)} queries, median {statistics.median(hits):.0f}"
        f" hits, at most 500): median {statistics.median(latencies):.1f} ms, p95"
        f" {latencies[at]:.1f} ms, max {latencies[-1]:.1f} ms; CPU median"
        f" {statistics.median(cpu):.1f} ms, p95 {cpu[at]:.1f} ms"
    )


def posts_bytes(folder: Path) -> int:
    return sum(
        entry.stat().st_size for entry in folder.rglob("*.md") if not entry.name.startswith(".")
    )


def index_bytes(db: Path) -> int:
    return sum(
        Path(f"{db}{suffix}").stat().st_size
        for suffix in ("", "-wal", "-shm")
        if Path(f"{db}{suffix}").exists()
    )


def cli_list_seconds(drafts: Path, cache: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    """`smugdesk list --json` in a fresh process with a warm index, output thrown away:
    wall-clock times and the CPU time each process used."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    code_root = Path(__import__("smugdesk").__file__).parent.parent
    env["PYTHONPATH"] = str(code_root)
    command = [sys.executable, "-m", "smugdesk", "list", "--json", "--drafts", str(drafts)]
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)  # warms the index
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("posts", nargs="?", type=int, default=10_000)
    parser.add_argument("--folder", type=Path, help="generate the posts here once and reuse them")
    parser.add_argument("--cold-runs", type=int, default=1)
    args = parser.parse_args()
    posts = args.posts
    with tempfile.TemporaryDirectory(prefix="smugdesk-library-") as temp:
        drafts = args.folder or Path(temp) / "drafts"
        db = Path(temp) / "index.sqlite3"
        drafts.mkdir(parents=True, exist_ok=True)
        if not any(drafts.iterdir()):
            seconds, size = timed(lambda: make_folder(drafts, posts))
            print(f"{posts:,} posts, {size / 1e6:.0f} MB generated in {seconds:.1f} s")
        size = posts_bytes(drafts)
        print(f"posts: {size / 1e6:.0f} MB in {drafts}")

        def first_list() -> int:
            index = PostIndex(drafts, db)
            index.refresh()
            count = len(index.entries())
            index.close()
            return count

        for _ in range(args.cold_runs):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            cpu = cpu_seconds()
            cold, count = timed(first_list)
            print(
                f"cold index, first list ({count:,} entries): {cold:.2f} s"
                f" ({cpu_seconds() - cpu:.1f} s of CPU over all processes;"
                f" load average {os.getloadavg()[0]:.1f})"
            )
        print(
            f"index size: {index_bytes(db) / 1e6:.0f} MB, {index_bytes(db) / size:.2f}x the posts"
        )
        warm_runs = [timed(first_list)[0] for _ in range(5)]
        print(f"warm index, first list in process: median {statistics.median(warm_runs):.3f} s")
        cache = Path(temp) / "cache"
        runs, cpu = cli_list_seconds(drafts, cache)
        print(
            f"warm `smugdesk list --json`: median {statistics.median(runs):.2f} s,"
            f" range {min(runs):.2f}-{max(runs):.2f} s; CPU median {statistics.median(cpu):.2f} s"
        )

        index = PostIndex(drafts, db)
        index.refresh()
        year = sorted(p for p in drafts.iterdir() if p.is_dir())[1]
        some = year / sorted(p.name for p in year.iterdir())[0]
        original = some.read_bytes()
        some.write_text(some.read_text() + "\nA fresh line.\n", encoding="utf-8")
        try:
            changed, _ = timed(lambda: (index.refresh(), index.entries()))
        finally:
            some.write_bytes(original)
        print(f"one file changed, refresh + list: {changed:.3f} s")

        rng = random.Random(5)
        words = vocabulary(random.Random(3))
        queries = []
        for _ in range(200):
            picked = [zipf_pick(rng, words) for _ in range(rng.randint(1, 2))]
            if rng.random() < 0.5:
                picked[-1] = picked[-1][: max(3, len(picked[-1]) - 2)]  # still being typed
            queries.append(" ".join(picked))
        # The first letters of a word, as search-as-you-type sends them.
        starts = [zipf_pick(rng, words)[: rng.choice((2, 3))] for _ in range(100)]
        common = [rng.choice(_WORDS) for _ in range(50)]  # in every post
        for label, batch in (
            ("typical", queries),
            ("a word's first 2-3 letters", starts),
            ("a word in every post", common),
        ):
            for sort in ("relevance", "date"):
                report(index, label, batch, sort)
        rare, found = timed(lambda: index.search("update 4242"))
        print(f"search for one post's own words: {rare * 1000:.1f} ms, {len(found)} hit(s)")
        index.close()


if __name__ == "__main__":
    main()

"""Images at export/publish time (smugdesk.publish.image_prep): prints

- one 24-megapixel phone photo (6000×4000 JPEG with EXIF orientation and GPS) made ready
  for a blog (upright, clean, 2048 px): wall clock, median of several runs;
- how long Python threads wait for the GIL meanwhile: a 1 ms ticker thread's worst delay
  while a worker thread processes the photo (decides thread vs process);
- a post with 30 phone photos (12 MP each) exported to a Hugo site: first export (every
  photo processed, 2 threads), and a second export of the same post (the cache: nothing
  processed);
- what the photos weighed before and after.

Usage: python benchmarks/images.py [--quick]  (--quick: 6 photos instead of 30)
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from PIL import Image


def photo(path: Path, size: tuple[int, int], seed: int) -> Path:
    """A photo-like image (smooth gradients plus sensor-like noise, which JPEG cannot
    squeeze away), sideways with EXIF orientation 6 and a GPS position."""
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    noise = Image.effect_noise(size, 25 + seed % 7).convert("RGB")
    tint = Image.new("RGB", size, (30 + seed * 7 % 200, 90, 160))
    image = Image.blend(Image.blend(base, tint, 0.5), noise, 0.25)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 0.0)}
    image.save(path, "JPEG", quality=92, exif=exif)
    return path


def gil_wait(work) -> tuple[float, float]:
    """(work's seconds, worst delay of a 1 ms ticker thread meanwhile, in ms)."""
    worst = 0.0
    stop = threading.Event()

    def tick() -> None:
        nonlocal worst
        last = time.perf_counter()
        while not stop.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            worst = max(worst, now - last - 0.001)
            last = now

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.05)
    started = time.perf_counter()
    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    took = time.perf_counter() - started
    stop.set()
    ticker.join()
    return took, worst * 1000


def cpu_seconds() -> float:
    """CPU time of this process and of its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    quick = "--quick" in sys.argv
    count = 6 if quick else 30
    with tempfile.TemporaryDirectory(prefix="smugdesk-bench-images-") as folder:
        root = Path(folder)
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")
        from smugdesk.core.store import load_post
        from smugdesk.publish.base import resolve_options
        from smugdesk.publish.image_prep import ImageSettings, human_size, prepare
        from smugdesk.publish.registry import registry

        big = photo(root / "big.jpg", (6000, 4000), 1)
        runs = []
        for _ in range(3 if quick else 5):
            started = time.perf_counter()
            ready = prepare(big, ImageSettings())
            runs.append(time.perf_counter() - started)
        print(
            f"24 MP photo ({human_size(big.stat().st_size)}) → {ready.width}×{ready.height} "
            f"({human_size(len(ready.data))}): median {statistics.median(runs) * 1000:.0f} ms, "
            f"best {min(runs) * 1000:.0f} ms"
        )
        from smugdesk.publish.image_prep import prepare_all

        for label, work in (
            ("nothing (baseline)", lambda: time.sleep(0.5)),
            ("the photo in a thread", lambda: prepare(big, ImageSettings())),
            ("the photo in a worker process", lambda: prepare_all([big], ImageSettings())),
        ):
            rounds = [gil_wait(work) for _ in range(2 if quick else 5)]
            worst = statistics.median(r[1] for r in rounds)
            took = statistics.median(r[0] for r in rounds)
            print(
                f"  a 1 ms ticker thread's worst delay while doing {label}: median over "
                f"{len(rounds)} runs {worst:.1f} ms, max {max(r[1] for r in rounds):.1f} ms "
                f"(work took {took * 1000:.0f} ms)"
            )

        drafts = root / "drafts"
        assets = drafts / "trip.assets"
        assets.mkdir(parents=True)
        started = time.perf_counter()
        lines = []
        for number in range(count):
            photo(assets / f"IMG_{number:04}.jpg", (4000, 3000), number)
            lines.append(f"![Photo {number}](trip.assets/IMG_{number:04}.jpg)\n")
        print(f"made {count} 12 MP photos in {time.perf_counter() - started:.1f} s")
        post = drafts / "trip.md"
        post.write_text("---\ntitle: Trip\ndate: 2026-03-01\n---\n\n" + "\n".join(lines))
        exporter = registry().get("hugo")
        options = resolve_options(exporter, {})
        for label in ("first export", "second export (cached)"):
            started = time.perf_counter()
            cpu = cpu_seconds()
            result = exporter.export(load_post(post), root / "site", options)
            wall = time.perf_counter() - started
            cpu = cpu_seconds() - cpu
            saved = next(note for note in result.notes if note.startswith("images:"))
            print(
                f"{count}-photo post, {label}: {wall:.2f} s wall, "
                f"{cpu:.2f} s CPU (all processes); {saved}"
            )
            print(f"  load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())

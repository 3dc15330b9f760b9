"""Worker processes for large images: Pillow holds the GIL for long stretches (measured in
``benchmarks/images.py``), so large images are made in worker processes, side by side,
and small ones in the app's process.

Nothing here imports Qt.
"""

from __future__ import annotations

import io
import os
import warnings
from typing import TYPE_CHECKING

from smugdesk.core.assets import sniff_media
from smugdesk.publish.image_pillow import _IMAGE_KINDS, _open_heif, process
from smugdesk.publish.image_settings import ImagePrepError, ImageSettings

if TYPE_CHECKING:
    from smugdesk.publish.image_prep import _Job

# Pillow holds the GIL for the whole of a JPEG encode and for tens of milliseconds at a time
# while decoding (a 24 MP photo: 35-75 ms stalls of every other thread; see
# benchmarks/images.py): larger images are made in worker processes so the window never
# waits, smaller ones here, where starting a process would cost more than the work.
IN_PROCESS_PIXELS = 2_000_000
PER_IMAGE_SECONDS = 120  # a worker that takes longer is stopped and the image left out


def _small(data: bytes) -> bool:
    """Whether the header announces an image small enough to make in this process."""
    from PIL import Image

    kind = sniff_media(data[:64])
    if kind not in _IMAGE_KINDS:
        return True  # audio, video: sent as they are
    if kind == ".heic":
        _open_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                return image.width * image.height <= IN_PROCESS_PIXELS
    except Exception:  # whatever it is, ``process`` says so from a worker
        return False


def _work(data: bytes, settings: ImageSettings, name: str) -> tuple[bytes, str, int, int]:
    """What a worker process runs (named, so the pool can send it by reference)."""
    return process(data, settings, name)


def _in_workers(jobs: list[_Job]):
    """Yield ``(job, result or ImagePrepError)`` as worker processes finish them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = max(1, min(len(jobs), len(os.sched_getaffinity(0)), 4))
    # Spawned, not forked: the app has threads (Qt's among them) that a fork would copy
    # mid-work.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    stuck = False
    try:
        futures = [
            (job, pool.submit(_work, job.data, job.settings, job.source.name)) for job in jobs
        ]
        for job, future in futures:
            try:
                yield job, future.result(timeout=None if stuck else PER_IMAGE_SECONDS)
            except ImagePrepError as error:
                yield job, error
            except TimeoutError:
                stuck = True
                yield (
                    job,
                    ImagePrepError(
                        f"{job.source.name} took over {PER_IMAGE_SECONDS} s to prepare; left out"
                    ),
                )
            except (BrokenProcessPool, OSError) as error:
                yield job, ImagePrepError(f"{job.source.name} could not be prepared ({error})")
    finally:
        if stuck:
            # A worker that does not finish would keep the pool's shutdown waiting forever.
            for worker in list(getattr(pool, "_processes", {}).values()):
                worker.terminate()
        pool.shutdown(wait=not stuck, cancel_futures=True)

"""The image a site or a blog receives, made from the post's original at export/publish time:
turned upright from its EXIF orientation, stripped of metadata (GPS position, camera serial,
owner) unless the writer keeps it, no larger than the target's limit (never enlarged),
re-encoded, in a format every target takes (HEIC and AVIF become JPEG).

The original file is never written. Results are cached by the original's content hash and
the settings, so a second export or publish of the same post processes nothing.

Pillow does all the parsing (``pillow-heif`` for HEIC); nothing here reads image formats by
hand. Pillow holds the GIL for long stretches (measured in ``benchmarks/images.py``), so
large images are made in worker processes, side by side.

This module is the entry point the exporters, publishers and the window use; its parts:
image_settings (what the writer chose), image_pillow (the Pillow pipeline), image_cache (made
images kept by content hash) and image_workers (large images in worker processes).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from smugdesk.publish.image_cache import ImageCache
from smugdesk.publish.image_pillow import _IMAGE_KINDS, _open_heif, describe, process, sent_name
from smugdesk.publish.image_settings import (
    DEFAULT_MAX_SIDE,
    DEFAULT_QUALITY,
    PREP_VERSION,
    ImagePrepError,
    ImageSettings,
    Prepared,
    blog_settings,
    blog_shows_excerpts,
    human_size,
    keep_metadata_for,
    settings_from,
)
from smugdesk.publish.image_workers import IN_PROCESS_PIXELS, PER_IMAGE_SECONDS, _in_workers, _small

__all__ = [
    "DEFAULT_MAX_SIDE",
    "DEFAULT_QUALITY",
    "IN_PROCESS_PIXELS",
    "MAX_SOURCE_BYTES",
    "PER_IMAGE_SECONDS",
    "PREP_VERSION",
    "SMALLER_WIDTH",
    "_IMAGE_KINDS",
    "ImageCache",
    "ImagePrepError",
    "ImageSettings",
    "Prepared",
    "_open_heif",
    "blog_settings",
    "blog_shows_excerpts",
    "describe",
    "human_size",
    "keep_metadata_for",
    "prepare",
    "prepare_all",
    "process",
    "sent_name",
    "settings_from",
    "smaller_version",
]

MAX_SOURCE_BYTES = 200 * 1024 * 1024  # a phone's RAW-sized HEIC is far below this


@dataclass(frozen=True)
class _Job:
    source: Path
    data: bytes
    name: str
    key: str
    settings: ImageSettings


def _read(source: Path, settings: ImageSettings) -> _Job:
    try:
        size = source.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise ImagePrepError(
                f"{source.name} is {human_size(size)}; files over "
                f"{human_size(MAX_SOURCE_BYTES)} are not sent"
            )
        data = source.read_bytes()
    except OSError as error:
        raise ImagePrepError(f"{source.name} cannot be read ({error.strerror or error})") from None
    key = f"{hashlib.sha256(data).hexdigest()}-{settings.key()}"
    return _Job(source, data, sent_name(source), key, settings)


def _from_cache(job: _Job, cache: ImageCache | None) -> Prepared | None:
    cached = cache.get(job.key) if cache else None
    if cached is None:
        return None
    out, meta = cached
    return Prepared(
        job.source, job.name, out, meta["mime"], meta["width"], meta["height"], len(job.data), False
    )


def _made(job: _Job, result: tuple[bytes, str, int, int], cache: ImageCache | None) -> Prepared:
    out, mime, width, height = result
    if cache:
        cache.put(job.key, out, {"mime": mime, "width": width, "height": height})
    return Prepared(job.source, job.name, out, mime, width, height, len(job.data), True)


def prepare(source: Path, settings: ImageSettings, cache: ImageCache | None = None) -> Prepared:
    """The target's version of ``source`` (a file already checked to be the post's own),
    made in this thread."""
    job = _read(source, settings.checked())
    found = _from_cache(job, cache)
    if found is not None:
        return found
    return _made(job, process(job.data, job.settings, source.name), cache)


def prepare_all(
    sources: Iterable[Path],
    settings: ImageSettings,
    cache: ImageCache | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    keep: Callable[[Path], bool] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[dict[Path, Prepared], dict[Path, ImagePrepError]]:
    """Prepare many images: cached ones read back, small ones made here, large ones in
    worker processes side by side. Returns what was made and, apart, what could not be
    (each with its one-line reason); stops early (with what it has) once ``cancelled()``."""
    settings = settings.checked()
    paths = list(dict.fromkeys(sources))
    made: dict[Path, Prepared] = {}
    failed: dict[Path, ImagePrepError] = {}
    large: list[_Job] = []
    done = 0

    def step(path: Path) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(paths), f"Prepared {path.name}")

    for path in paths:
        if cancelled is not None and cancelled():
            return made, failed
        wanted = settings
        if keep is not None and keep(path):
            wanted = ImageSettings(settings.max_side, settings.quality, True)
        try:
            job = _read(path, wanted)
            found = _from_cache(job, cache)
            if found is None and _small(job.data):
                found = _made(job, process(job.data, wanted, path.name), cache)
        except ImagePrepError as error:
            failed[path] = error
            step(path)
            continue
        if found is None:
            large.append(job)
        else:
            made[path] = found
            step(path)
    for job, outcome in _in_workers(large) if large else ():
        if cancelled is not None and cancelled():
            break  # the pool drops what has not started
        if isinstance(outcome, ImagePrepError):
            failed[job.source] = outcome
        else:
            made[job.source] = _made(job, outcome, cache)
        step(job.source)
    return {p: made[p] for p in paths if p in made}, failed


SMALLER_WIDTH = 1024  # the extra width written for a srcset (phones, narrow windows)


def smaller_version(
    prepared: Prepared, width: int = SMALLER_WIDTH, cache: ImageCache | None = None
) -> Prepared | None:
    """A narrower copy of a prepared image for a ``srcset``, made from the prepared one (so
    it carries no more metadata than it); None when the image is not much wider."""
    if prepared.width < width * 1.25 or prepared.mime not in (
        "image/jpeg",
        "image/png",
        "image/webp",
    ):
        return None
    side = round(width * max(prepared.width, prepared.height) / prepared.width)
    settings = ImageSettings(side, DEFAULT_QUALITY, keep_metadata=True).checked()
    key = f"{hashlib.sha256(prepared.data).hexdigest()}-{settings.key()}"
    stem, suffix = os.path.splitext(prepared.name)
    job = _Job(prepared.source, prepared.data, f"{stem}-{width}w{suffix}", key, settings)
    found = _from_cache(job, cache)
    if found is None:
        found = _made(job, process(prepared.data, settings, prepared.name), cache)
    return found

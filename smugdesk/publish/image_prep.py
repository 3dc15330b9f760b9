"""The image a site or a blog receives, made from the post's original at export/publish time:
turned upright from its EXIF orientation, stripped of metadata (GPS position, camera serial,
owner) unless the writer keeps it, no larger than the target's limit (never enlarged),
re-encoded, in a format every target takes (HEIC and AVIF become JPEG).

The original file is never written. Results are cached by the original's content hash and
the settings, so a second export or publish of the same post processes nothing.

Pillow does all the parsing (``pillow-heif`` for HEIC); nothing here reads image formats by
hand. Pillow holds the GIL for long stretches (measured in ``benchmarks/images.py``), so
large images are made in worker processes, side by side.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smugdesk.core.assets import sniff_media
from smugdesk.core.config import cache_dir
from smugdesk.core.errors import SmugdeskError

DEFAULT_MAX_SIDE = 2048
DEFAULT_QUALITY = 85
MAX_SOURCE_BYTES = 200 * 1024 * 1024  # a phone's RAW-sized HEIC is far below this
# Bump when the processing changes, so cached results made the old way are not reused.
PREP_VERSION = "1"

# Sniffed kind of the original -> (Pillow's name for it, the format sent, its suffix, mime).
_IMAGE_KINDS: dict[str, tuple[str, str, str, str]] = {
    ".jpg": ("JPEG", "JPEG", ".jpg", "image/jpeg"),
    ".png": ("PNG", "PNG", ".png", "image/png"),
    ".gif": ("GIF", "GIF", ".gif", "image/gif"),
    ".webp": ("WEBP", "WEBP", ".webp", "image/webp"),
    ".heic": ("HEIF", "JPEG", ".jpg", "image/jpeg"),
    ".avif": ("AVIF", "JPEG", ".jpg", "image/jpeg"),
}


class ImagePrepError(SmugdeskError):
    """An image cannot be made ready for a target (damaged, too large, not what it says)."""


@dataclass(frozen=True)
class ImageSettings:
    """How the images of one target are made: the long side's limit in pixels, the encoder's
    quality (1-95) and whether the original's metadata is kept."""

    max_side: int = DEFAULT_MAX_SIDE
    quality: int = DEFAULT_QUALITY
    keep_metadata: bool = False

    def checked(self) -> ImageSettings:
        if not 16 <= int(self.max_side) <= 20000:
            raise ImagePrepError(
                f"the image size limit must be from 16 to 20000 pixels, not {self.max_side}"
            )
        if not 1 <= int(self.quality) <= 95:
            raise ImagePrepError(f"the image quality must be from 1 to 95, not {self.quality}")
        return ImageSettings(int(self.max_side), int(self.quality), bool(self.keep_metadata))

    def key(self) -> str:
        keep = "keep" if self.keep_metadata else "strip"
        return f"v{PREP_VERSION}-{self.max_side}-{self.quality}-{keep}"


@dataclass(frozen=True)
class Prepared:
    """One image as the target receives it."""

    source: Path
    name: str  # the file name to use on the target (the suffix follows the content)
    data: bytes
    mime: str
    width: int
    height: int
    original_bytes: int
    processed: bool  # False when it came from the cache (or is sent as it is)

    def saving(self) -> str:
        """What the processing saved, as a person reads it: "3.7 MB → 412 KB"."""
        return f"{human_size(self.original_bytes)} → {human_size(len(self.data))}"


def human_size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"


def sent_name(source: Path) -> str:
    """The name the target's copy gets: the original's stem, the suffix of what is sent
    (a HEIC photo arrives as .jpg; a PNG misnamed .jpg as .png). Audio and video keep
    their name."""
    try:
        with source.open("rb") as stream:
            kind = sniff_media(stream.read(64))
    except OSError:
        kind = None
    if kind in _IMAGE_KINDS:
        return f"{source.stem}{_IMAGE_KINDS[kind][2]}"
    return source.name


_heif_ready = False


def _open_heif() -> None:
    global _heif_ready
    if not _heif_ready:
        from pillow_heif import register_heif_opener

        register_heif_opener()
        _heif_ready = True


def process(
    data: bytes, settings: ImageSettings, name: str = "the image"
) -> tuple[bytes, str, int, int]:
    """Make the target's image from an original's bytes: ``(data, mime, width, height)``.
    Audio, video and animations are returned unchanged (a re-encode would lose frames)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    kind = sniff_media(data[:64])
    if kind not in _IMAGE_KINDS:
        return data, _media_mime(kind), 0, 0
    pillow_name, out_format, _suffix, mime = _IMAGE_KINDS[kind]
    if kind == ".heic":
        _open_heif()
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; both are refused.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[pillow_name])
            if getattr(image, "n_frames", 1) > 1:
                return data, mime, image.width, image.height
            if image.format == "JPEG":
                # Decode at 1/2, 1/4 or 1/8 scale when that is still larger than the
                # limit: a 24-megapixel photo decodes several times faster.
                image.draft(image.mode, _fit(image.size, settings.max_side))
            exif = image.getexif()
            icc = image.info.get("icc_profile")
            image.thumbnail((settings.max_side, settings.max_side), Image.Resampling.LANCZOS)
            image = ImageOps.exif_transpose(image) or image
            return (*_encode(image, out_format, settings, exif, icc), image.width, image.height)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            limit = f"{Image.MAX_IMAGE_PIXELS:,}" if Image.MAX_IMAGE_PIXELS else "the limit"
            raise ImagePrepError(
                f"{name} says it is larger than {limit} pixels; refused, as it could "
                "exhaust the memory (a decompression bomb, or a scan that needs shrinking first)"
            ) from None
        except UnidentifiedImageError:
            raise ImagePrepError(
                f"{name} is not a {pillow_name} image that can be read, "
                "whatever its first bytes say"
            ) from None
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise ImagePrepError(f"{name} is damaged or cut short ({error})") from None


def _fit(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    width, height = size
    scale = min(1.0, max_side / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _encode(image: Any, out_format: str, settings: ImageSettings, exif: Any, icc: Any):
    from PIL import Image

    extra: dict[str, Any] = {}
    if icc:
        extra["icc_profile"] = icc  # colour, not the writer's data: kept so colours stay true
    if settings.keep_metadata and exif:
        exif[0x0112] = 1  # the pixels are upright now
        extra["exif"] = exif.tobytes()
    mime = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
    if out_format == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            if "A" in image.getbands() or image.mode == "P":
                # JPEG has no transparency: what was transparent becomes white, not black.
                rgba = image.convert("RGBA")
                background = Image.new("RGB", rgba.size, (255, 255, 255))
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            else:
                image = image.convert("RGB")
        # Optimized Huffman tables: a quarter smaller for 30% more time; progressive
        # costs twice that again and saves nothing more (benchmarks/images.py).
        extra.update(quality=settings.quality, optimize=True)
    elif out_format == "WEBP":
        extra.update(quality=settings.quality, method=4)
    elif out_format == "PNG":
        extra.update(compress_level=6)
        if "transparency" in image.info:
            extra["transparency"] = image.info["transparency"]
    elif out_format == "GIF" and "transparency" in image.info:
        extra["transparency"] = image.info["transparency"]
    out = io.BytesIO()
    image.save(out, format=out_format, **extra)
    return out.getvalue(), mime[out_format]


def _media_mime(kind: str | None) -> str:
    return {
        ".mp4": "video/mp4",
        ".webm": "video/webm",
        ".mp3": "audio/mpeg",
        ".ogg": "audio/ogg",
        ".wav": "audio/wav",
    }.get(kind or "", "application/octet-stream")


class ImageCache:
    """Processed images by (original's content hash, settings): a cache, safe to delete."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir() / "images"

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.bin", self.folder / f"{key}.json"

    def get(self, key: str) -> tuple[bytes, dict] | None:
        data_path, meta_path = self._paths(key)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = data_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("sha256") != hashlib.sha256(data).hexdigest():
            return None  # half-written or tampered with: made again
        return data, meta

    def put(self, key: str, data: bytes, meta: dict) -> None:
        data_path, meta_path = self._paths(key)
        record = {**meta, "sha256": hashlib.sha256(data).hexdigest()}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # No fsync: an entry cut short by a power cut fails its hash and is made again.
            for path, content in ((data_path, data), (meta_path, json.dumps(record).encode())):
                partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
                partial.write_bytes(content)
                os.replace(partial, path)
        except OSError:
            pass  # a cache that cannot be written costs only time


# Pillow holds the GIL for the whole of a JPEG encode and for tens of milliseconds at a time
# while decoding (a 24 MP photo: 35-75 ms stalls of every other thread; see
# benchmarks/images.py): larger images are made in worker processes so the window never
# waits, smaller ones here, where starting a process would cost more than the work.
IN_PROCESS_PIXELS = 2_000_000
PER_IMAGE_SECONDS = 120  # a worker that takes longer is stopped and the image left out


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


def keep_metadata_for(meta: Any, base: Path) -> Callable[[Path], bool]:
    """The writer's choice in the post's front matter: ``keep_metadata: true`` keeps every
    image's metadata, ``keep_metadata: [photo.jpg, ...]`` only those files' (by name or by
    path relative to the post)."""
    value = meta.get("keep_metadata") if hasattr(meta, "get") else None
    if value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes")):
        return lambda _path: True
    if isinstance(value, list | tuple):
        names = {str(item).strip() for item in value if str(item).strip()}

        def chosen(path: Path) -> bool:
            try:
                relative = path.relative_to(os.path.realpath(base)).as_posix()
            except ValueError:
                relative = ""
            return path.name in names or relative in names

        return chosen
    return lambda _path: False


def settings_from(options: dict[str, Any]) -> ImageSettings:
    """Image settings from an exporter's options (``image_size``, ``image_quality``,
    ``keep_metadata``), defaults for any missing."""
    return ImageSettings(
        int(options.get("image_size") or DEFAULT_MAX_SIDE),
        int(options.get("image_quality") or DEFAULT_QUALITY),
        bool(options.get("keep_metadata") or False),
    ).checked()


def _blog_entry(account: str) -> dict:
    from smugdesk.core.config import config_dir

    try:
        entries = json.loads((config_dir() / "images.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entry = entries.get(account) if isinstance(entries, dict) else None
    return entry if isinstance(entry, dict) else {}


def blog_settings(account: str) -> ImageSettings:
    """A blog's image settings from ``images.json`` in the config folder
    (``{"Ward Notes": {"image_size": 1600, "keep_metadata": false}}``); defaults otherwise."""
    try:
        return settings_from(_blog_entry(account))
    except (TypeError, ValueError, ImagePrepError):
        return ImageSettings()


def blog_shows_excerpts(account: str) -> bool:
    """Whether the blog lists posts by their summary (``"shows_excerpts": true`` in the
    same file): the check then asks for one."""
    return _blog_entry(account).get("shows_excerpts") is True


def describe(path: Path) -> str:
    """One line about a photo for the image dialog, from its header only: its size, its
    pixels and whether it records a place ("4000×3000, 3.7 MB; records where it was taken
    (GPS): removed when the post goes out"). Empty when it is not an image Pillow reads."""
    from PIL import Image

    try:
        with path.open("rb") as stream:
            kind = sniff_media(stream.read(64))
        if kind not in _IMAGE_KINDS:
            return ""
        if kind == ".heic":
            _open_heif()
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=[_IMAGE_KINDS[kind][0]]) as image:
                width, height = image.size
                exif = image.getexif()
                located = bool(exif.get_ifd(0x8825)) if exif else False
                personal = any(exif.get(tag) for tag in (0x013B, 0x8298, 0xA431, 0xA435))
        size = human_size(path.stat().st_size)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "claims more pixels than smugdesk opens: it will not be sent"
    except Exception:  # a damaged file: the check and the export say so
        return ""
    said = f"{width}×{height}, {size}"
    if located:
        said += "; records where it was taken (GPS): removed when the post goes out"
    elif personal:
        said += "; names its owner or camera: removed when the post goes out"
    return said


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

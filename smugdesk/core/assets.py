"""A post's own images: copied into ``<post>.assets/`` beside it, under safe unique names.

The original file stays where it was; the post refers to the copy by a relative path, so the
drafts folder can move, sync or be exported as a whole.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import slugify
from smugdesk.core.store import atomic_write

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")
MAX_IMAGE_BYTES = 50 * 1024 * 1024

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)


class ImageError(SmugdeskError):
    """An image could not be added to the post."""


def assets_dir(post_path: Path) -> Path:
    return post_path.parent / f"{post_path.stem}.assets"


def sniff_image(head: bytes) -> str | None:
    """The suffix an image's first bytes say it is, or None when they are not an image."""
    for signature, suffix in _SIGNATURES:
        if head.startswith(signature):
            return suffix
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    if head[4:12] in (b"ftypavif", b"ftypavis"):
        return ".avif"
    text = head[:1024].lstrip().lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return ".svg"
    return None


# What an export or an upload may carry: raster images, audio and video, told by content.
# SVG is not among them: it can carry scripts, and nothing here cleans it.
SENDABLE_MEDIA = (".png", ".jpg", ".gif", ".webp", ".avif", ".heic", ".mp4", ".webm", ".mp3")
SENDABLE_MEDIA += (".ogg", ".wav")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1")


def sniff_media(head: bytes) -> str | None:
    """Like ``sniff_image``, and also audio and video: the suffix the first bytes say."""
    image = sniff_image(head)
    if image is not None:
        return image
    if head[4:8] == b"ftyp":
        return ".heic" if head[8:12] in _HEIF_BRANDS else ".mp4"  # mp4, m4a, mov
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return ".webm"  # Matroska/WebM
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return ".mp3"
    if head.startswith(b"OggS"):
        return ".ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return ".wav"
    return None


def safe_name(name: str, suffix: str) -> str:
    """A file name that is safe on every file system and in a URL."""
    stem = slugify(Path(name).stem) or "image"
    return f"{stem[:60]}{suffix}"


def _unique(folder: Path, name: str) -> Path:
    candidate = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def import_image_file(source: Path, post_path: Path) -> str:
    """Copy an image file into the post's assets folder; returns the path to write in the
    Markdown (relative to the post, with forward slashes)."""
    source = Path(source)
    try:
        size = source.stat().st_size
        with source.open("rb") as stream:
            head = stream.read(2048)
    except OSError as error:
        raise ImageError(f"cannot read {source.name}: {error.strerror or error}") from None
    if size > MAX_IMAGE_BYTES:
        raise ImageError(
            f"{source.name} is {size / 1_048_576:.0f} MB; images over 50 MB are refused"
        )
    suffix = sniff_image(head)
    if suffix is None:
        raise ImageError(
            f"{source.name} is not an image smugdesk knows (PNG, JPEG, GIF, WebP, SVG, AVIF)"
        )
    if suffix == ".jpg" and source.suffix.lower() == ".jpeg":
        suffix = ".jpeg"  # the content decides the type; the writer's spelling is kept
    folder = assets_dir(post_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _unique(folder, safe_name(source.name, suffix))
        shutil.copy2(source, target)
    except OSError as error:
        raise ImageError(f"could not copy {source.name}: {error.strerror or error}") from None
    return target.relative_to(post_path.parent).as_posix()


def import_image_bytes(data: bytes, post_path: Path, name_hint: str = "pasted-image") -> str:
    """Store image data (a paste from the clipboard) in the post's assets folder."""
    suffix = sniff_image(data[:2048])
    if suffix is None:
        raise ImageError("the clipboard holds no image smugdesk can store")
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError("the pasted image is over 50 MB")
    folder = assets_dir(post_path)
    target = _unique(folder, safe_name(name_hint, suffix))
    atomic_write(target, data)
    return target.relative_to(post_path.parent).as_posix()


_CAMERA_NAME = re.compile(
    r"^(img|dsc|dscn|dcim|pxl|photo|image|screenshot|scan|capture)?[\s_-]*[\d_ -]*$", re.IGNORECASE
)


def suggest_alt_text(file_name: str) -> str:
    """A starting point for alt text from a file name; empty when the name says nothing
    (IMG_2041, DSC0001, a date), so the writer is prompted to describe the image."""
    stem = Path(file_name).stem
    if _CAMERA_NAME.match(stem):
        return ""
    words = re.sub(r"[_\-.]+", " ", stem)
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", words)
    words = re.sub(r"\s+", " ", words).strip()
    return words[:1].upper() + words[1:]

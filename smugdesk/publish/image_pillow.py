"""The Pillow pipeline: one original's bytes made into the image a target receives, turned
upright from its EXIF orientation, stripped of metadata (GPS position, camera serial, owner)
unless the writer keeps it, no larger than the target's limit (never enlarged), re-encoded,
in a format every target takes (HEIC and AVIF become JPEG).

Pillow does all the parsing (``pillow-heif`` for HEIC); nothing here reads image formats by
hand. Pillow is imported when an image is first made, not with this module.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

from smugdesk.core.assets import sniff_media
from smugdesk.publish.image_settings import ImagePrepError, ImageSettings, human_size

# Sniffed kind of the original -> (Pillow's name for it, the format sent, its suffix, mime).
_IMAGE_KINDS: dict[str, tuple[str, str, str, str]] = {
    ".jpg": ("JPEG", "JPEG", ".jpg", "image/jpeg"),
    ".png": ("PNG", "PNG", ".png", "image/png"),
    ".gif": ("GIF", "GIF", ".gif", "image/gif"),
    ".webp": ("WEBP", "WEBP", ".webp", "image/webp"),
    ".heic": ("HEIF", "JPEG", ".jpg", "image/jpeg"),
    ".avif": ("AVIF", "JPEG", ".jpg", "image/jpeg"),
}


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

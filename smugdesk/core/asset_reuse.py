"""An image the post already holds, found by its content: choosing the same photo again
(from the camera folder, or a copy elsewhere) reuses the post's copy instead of adding
``photo-2.jpg`` beside it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from smugdesk.core.assets import IMAGE_SUFFIXES

_CHUNK = 1 << 20


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def same_asset(source: Path, assets: Path) -> Path | None:
    """The image in ``assets`` with the same bytes as ``source``, or None. Only files of
    the same size are read, so a folder of large photos is not hashed for nothing."""
    try:
        size = source.stat().st_size
        candidates = [
            path
            for path in sorted(assets.iterdir())
            if path.suffix.lower() in IMAGE_SUFFIXES
            and path.is_file()
            and path.stat().st_size == size
        ]
        if not candidates:
            return None
        for path in candidates:
            if path.resolve() == source.resolve():
                return path  # chosen from the post's own folder
        wanted = content_hash(source)
        for path in candidates:
            if content_hash(path) == wanted:
                return path
    except OSError:
        return None
    return None

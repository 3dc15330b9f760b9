"""The cache of made images, by the original's content hash and the settings: a second
export or publish of the same post processes nothing.

Nothing here imports Pillow or Qt.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from smugdesk.core.config import cache_dir


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

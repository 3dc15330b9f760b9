"""Posts on disk: atomic saves that never leave a half-written file, and conflict checks.

A post remembers the signature (size, mtime) of the file as it last read or wrote it; a save
whose file has a different signature now was changed by another program and is refused with
ConflictError unless the caller says to overwrite.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from smugdesk.core.errors import ConflictError, FrontMatterError, PostReadError, SaveError
from smugdesk.core.post import (
    Post,
    decode_post_bytes,
    mark_saved,
    parse_post,
    serialize_post,
    slugify,
)


@dataclass(frozen=True)
class DiskSignature:
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> DiskSignature | None:
        try:
            status = path.stat()
        except FileNotFoundError:
            return None
        return cls(status.st_size, status.st_mtime_ns)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The temporary file lives in the same folder (a rename across file systems is a copy),
    is fsynced before the rename, and the folder is fsynced after it so the rename itself
    survives a power cut.
    """
    path = Path(path)
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o7777 if path.exists() else None
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise SaveError(f"cannot write in {folder}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise SaveError(f"could not save {path.name}: {error.strerror or error}") from None
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems do not support fsync on folders; the data is already safe
    finally:
        os.close(descriptor)


class PostFile:
    """Where a post lives on disk, with what is needed to save it back faithfully: its line
    endings, and the signature that tells whether another program changed it meanwhile.

    Text passed in and out is LF-normalised; the file keeps the line endings it had.
    """

    def __init__(
        self,
        path: Path | None = None,
        newline: str = "\n",
        signature: DiskSignature | None = None,
    ) -> None:
        self.path = Path(path).absolute() if path is not None else None
        self.newline = newline
        self.signature = signature

    @classmethod
    def read(cls, path: Path) -> tuple[PostFile, str]:
        """Open a post file for editing: its binding and its text. Raises PostReadError."""
        path = Path(path).absolute()
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise PostReadError(f"{path} does not exist") from None
        except IsADirectoryError:
            raise PostReadError(f"{path} is a folder, not a post file") from None
        except OSError as error:
            raise PostReadError(f"cannot read {path}: {error.strerror or error}") from None
        signature = DiskSignature(len(data), path.stat().st_mtime_ns)
        text = decode_post_bytes(data, path.name)
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(path, newline, signature), text.replace("\r\n", "\n")

    def changed_on_disk(self) -> bool:
        """True when the file is no longer the one this post was read from or saved to."""
        if self.path is None or self.signature is None:
            return False
        return DiskSignature.of(self.path) != self.signature

    def save_text(self, text: str, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Write ``text`` atomically. Saving over its own file after another program changed
        it raises ConflictError unless ``overwrite``; a Save As target is the caller's
        choice (its dialog asked about replacing)."""
        target = Path(path).absolute() if path is not None else self.path
        if target is None:
            raise SaveError("this post has no file yet; choose where to save it")
        if target == self.path and not overwrite and self.changed_on_disk():
            raise ConflictError(
                f"{target.name} was changed by another program since it was opened; "
                "saving would overwrite those changes"
            )
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        atomic_write(target, text.encode("utf-8"))
        self.path = target
        self.signature = DiskSignature.of(target)
        return target


def save_post(post: Post, path: Path | None = None, *, overwrite: bool = False) -> Path:
    """Save a Post object (exporters, tests, headless tools) to ``path`` or its own file."""
    binding = PostFile(post.path, "\n", DiskSignature.of(post.path) if post.path else None)
    text = serialize_post(post).replace("\r\n", "\n")
    binding.newline = post.newline
    target = binding.save_text(text, path, overwrite=overwrite)
    post.path = target
    mark_saved(post, text)
    return target


def load_post(path: Path) -> Post:
    """Read a post file. Raises PostReadError / FrontMatterError with a message for people."""
    binding, text = PostFile.read(Path(path))
    try:
        post = parse_post(text, binding.path)
    except FrontMatterError as error:
        raise FrontMatterError(f"{binding.path.name}: {error}") from None
    post.newline = binding.newline
    return post


def unique_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """``folder/stem.md``, or ``stem-2.md``, ``stem-3.md``… when taken."""
    stem = slugify(stem) or "untitled"
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate

"""Reading a post file's bytes without trusting what the drafts folder holds.

A drafts folder is synced, unpacked and shared, so a "post" can be a FIFO (opening it for
reading waits for a writer that never comes), a device, or a 50 MB file. The file is
checked with stat before it is opened, opened without blocking, checked again on the open
descriptor (it may have been swapped in between), and read no further than the size a post
may have.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smugdesk.core.errors import PostReadError
from smugdesk.core.post import MAX_POST_BYTES

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_OPEN_FLAGS |= getattr(os, "O_CLOEXEC", 0)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _check(path: Path, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise PostReadError(f"{path.name} is {_kind(status.st_mode)}, not a post file")
    if status.st_size > MAX_POST_BYTES:
        raise PostReadError(too_large(path.name, status.st_size))


def too_large(name: str, size: int) -> str:
    return (
        f"{name} is {size / 1_048_576:.1f} MB, larger than the "
        f"{MAX_POST_BYTES // 1_048_576} MB a post may be"
    )


def read_post_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most MAX_POST_BYTES, and its status when read.

    Raises PostReadError with a one-line reason for anything else (missing, a folder, a
    FIFO, a device, too large, unreadable).
    """
    path = Path(path)
    try:
        _check(path, os.stat(path))
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise PostReadError(f"{path} does not exist") from None
    except OSError as error:
        raise PostReadError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        _check(path, status)  # the name may point at something else since the stat
        chunks, total = [], 0
        while total <= MAX_POST_BYTES:  # a file still growing stops at the limit too
            chunk = os.read(descriptor, min(1 << 20, MAX_POST_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise PostReadError(f"cannot read {path}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if total > MAX_POST_BYTES:
        raise PostReadError(too_large(path.name, total))
    return b"".join(chunks), status

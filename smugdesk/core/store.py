"""Posts on disk: atomic saves that never leave a half-written file, and conflict checks.

A post remembers the signature (size and a hash of the content) of the file as it last
read or wrote it; a save whose file holds something else now was changed by another program
and is refused with ConflictError unless the caller says to overwrite. The content is
compared, not the modification time: a sync tool that keeps times, a file system that
counts whole seconds, or an edit of the same length within the same tick all still count
as changes, and a mere ``touch`` does not.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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
from smugdesk.core.post_bytes import read_post_bytes

# ".<name>.smugdesk-<8 hex>.tmp" beside the file being written. ".inplace" marks the copy
# made before a hard-linked file is rewritten in place (see atomic_write): left behind, it
# may hold the only whole copy of the new text, so it is recovered, never deleted.
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.smugdesk-[0-9a-f]{8}(?P<inplace>\.inplace)?\.tmp$")
_NAME_ROOM = 120  # of the file's name kept in a temp name: NAME_MAX is 255 bytes
STALE_TEMP_SECONDS = 60  # a save takes milliseconds; an older temp file is a killed save's


# Told of every post saved through PostFile/save_post: (file, LF text, cause). The version
# history listens here (core/history.py install()); a listener never fails a save.
SaveListener = Callable[[Path, str, str], None]
_save_listeners: list[SaveListener] = []


def add_save_listener(listener: SaveListener) -> None:
    if listener not in _save_listeners:
        _save_listeners.append(listener)


def _tell_listeners(path: Path, text: str, cause: str) -> None:
    for listener in list(_save_listeners):
        with contextlib.suppress(Exception):  # the file is safe already; nothing to undo
            listener(path, text, cause)


class ReadOnlyError(ConflictError):
    """The post's file is marked read-only: it is overwritten only when the writer says so."""


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@dataclass(frozen=True)
class DiskSignature:
    size: int
    mtime_ns: int = field(compare=False)  # for display; equality is by content
    digest: str = ""

    @classmethod
    def of(cls, path: Path) -> DiskSignature | None:
        """The signature of the file now, None if it is gone. A file that cannot be read
        (replaced by a FIFO, grown past the limit) gets a signature no content matches."""
        try:
            data, status = read_post_bytes(path)
        except PostReadError:
            try:
                status = os.stat(path)
            except OSError:
                return None
            return cls(status.st_size, status.st_mtime_ns, "unreadable")
        return cls(len(data), status.st_mtime_ns, content_digest(data))


def _temp_name(target: Path, inplace: bool) -> str:
    token = secrets.token_hex(4)
    kind = ".inplace" if inplace else ""
    return f".{target.name[:_NAME_ROOM]}.smugdesk-{token}{kind}.tmp"


def _create_temp(folder: Path, target: Path, mode: int, inplace: bool) -> tuple[int, Path]:
    """A new temporary file in ``folder`` (the target's own: a rename across file systems
    would be a copy, not atomic). ``mode`` passes through the umask like any file the user
    makes; tempfile.mkstemp would make it 0600 and an exported site unreadable to a server."""
    for _attempt in range(20):
        temp = folder / _temp_name(target, inplace)
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, mode), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _real_target(path: Path) -> Path:
    """The file a save writes: through a symbolic link to the file it names, so the link
    stays a link (replacing it would turn it into a copy and leave the real file stale)."""
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def atomic_write(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The new content goes to a temporary file in the same folder, is fsynced, and renamed
    over the old file; the folder is fsynced after the rename so the rename itself survives
    a power cut. An existing file keeps its permissions; a new one gets the umask's (0600
    when ``private``). A symbolic link is followed: the file it names is replaced, the link
    stays.

    A file with other hard links cannot be replaced by a rename without splitting it from
    them (the other names would keep the old text). It is rewritten in place instead, from
    the fsynced temporary copy, which is deleted only once the rewrite is fsynced: a crash
    in between leaves that copy (".inplace.tmp"), and the next start turns it into a post
    beside the original (see ``clean_leftover_temps``), so the new text is never lost.
    """
    target = _real_target(Path(path))
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            old = os.stat(target)
        except FileNotFoundError:
            old = None
        inplace = old is not None and stat.S_ISREG(old.st_mode) and old.st_nlink > 1
        mode = 0o600 if private else 0o666
        handle, temp = _create_temp(folder, target, mode, inplace)
    except OSError as error:
        raise SaveError(f"cannot write in {folder}: {error.strerror or error}") from None
    rewriting = False
    try:
        with os.fdopen(handle, "wb") as stream:
            if old is not None and not private:
                os.fchmod(stream.fileno(), stat.S_IMODE(old.st_mode))
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if inplace:
            descriptor = os.open(target, os.O_WRONLY | os.O_CLOEXEC)
            rewriting = True  # from here on the copy may be the only whole new text
            _rewrite_in_place(descriptor, data)
            os.unlink(temp)
        else:
            os.replace(temp, target)
    except OSError as error:
        why = f"could not save {target.name}: {error.strerror or error}"
        if rewriting:
            raise SaveError(f"{why}; the new text is kept in {temp.name}") from None
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise SaveError(why) from None
    _fsync_folder(folder)


def _rewrite_in_place(descriptor: int, data: bytes) -> None:
    try:
        os.ftruncate(descriptor, 0)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


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


def clean_leftover_temps(drafts: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """After a save was killed: delete the app's own temporary files (by their name pattern
    only, regular files only, older than ``older_than`` seconds so a save running in another
    window is left alone) under ``drafts``. A leftover in-place copy becomes a post beside
    its original, "<name>-recovered.md". Returns the files removed or recovered."""
    done: list[Path] = []
    limit = time.time() - older_than
    for folder, subfolders, names in os.walk(drafts):  # links to folders are not followed
        subfolders[:] = [name for name in subfolders if name != ".git"]
        for name in names:
            match = _TEMP_NAME.match(name)
            if match is None:
                continue
            path = Path(folder) / name
            try:
                status = os.lstat(path)
                if not stat.S_ISREG(status.st_mode) or status.st_mtime > limit:
                    continue
                if match.group("inplace"):
                    original = Path(folder) / match.group("name")
                    recovered = unique_path(
                        Path(folder), f"{original.stem}-recovered", original.suffix or ".md"
                    )
                    os.rename(path, recovered)
                else:
                    os.unlink(path)
            except OSError:
                continue  # someone else's folder, or gone already: not worth failing a start
            done.append(path)
    return done


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
        data, status = read_post_bytes(path)
        signature = DiskSignature(len(data), status.st_mtime_ns, content_digest(data))
        text = decode_post_bytes(data, path.name)
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(path, newline, signature), text.replace("\r\n", "\n")

    def changed_on_disk(self) -> bool:
        """True when the file is no longer the one this post was read from or saved to."""
        if self.path is None or self.signature is None:
            return False
        return DiskSignature.of(self.path) != self.signature

    def save_text(
        self,
        text: str,
        path: Path | None = None,
        *,
        overwrite: bool = False,
        cause: str = "save",
    ) -> Path:
        """Write ``text`` atomically. Saving over its own file after another program changed
        it raises ConflictError, and over its own file marked read-only ReadOnlyError (a
        ConflictError: the same question, "overwrite?"), unless ``overwrite``; a Save As
        target is the caller's choice (its dialog asked about replacing)."""
        target = Path(path).absolute() if path is not None else self.path
        if target is None:
            raise SaveError("this post has no file yet; choose where to save it")
        if target == self.path and not overwrite:
            if self.changed_on_disk():
                raise ConflictError(
                    f"{target.name} was changed by another program since it was opened; "
                    "saving would overwrite those changes"
                )
            if _read_only(target):
                raise ReadOnlyError(
                    f"{target.name} is marked read-only; saving would overwrite it anyway"
                )
        written = text.replace("\n", self.newline) if self.newline != "\n" else text
        data = written.encode("utf-8")
        atomic_write(target, data)
        self.path = target
        try:
            mtime_ns = os.stat(target).st_mtime_ns
        except OSError:
            mtime_ns = 0
        self.signature = DiskSignature(len(data), mtime_ns, content_digest(data))
        _tell_listeners(target, text, cause)
        return target


def _read_only(path: Path) -> bool:
    """Marked read-only by its owner (no write bit: root may write anyway, and should not
    without asking), or not writable by this user."""
    try:
        status = os.stat(path)
    except OSError:
        return False
    return not status.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def save_post(
    post: Post, path: Path | None = None, *, overwrite: bool = False, cause: str = "save"
) -> Path:
    """Save a Post object (exporters, tests, headless tools) to ``path`` or its own file."""
    binding = PostFile(post.path, "\n", DiskSignature.of(post.path) if post.path else None)
    text = serialize_post(post).replace("\r\n", "\n")
    binding.newline = post.newline
    target = binding.save_text(text, path, overwrite=overwrite, cause=cause)
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

"""What the library knows of each post file: found by walking the drafts folder, read once.

Files that cannot be read as posts are still entries, with the reason in ``problem``, so a
writer sees them in the list instead of wondering where a draft went.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import Post, decode_post_bytes, read_post, split_front_matter
from smugdesk.core.post_bytes import read_post_bytes
from smugdesk.core.words import word_count

POST_SUFFIXES = (".md", ".markdown", ".mdown")
TRASH_FOLDER = ".trash"
STATUSES = ("draft", "scheduled", "published")


@dataclass(frozen=True)
class Entry:
    file: str  # the path as text: a listing makes thousands, and Path() is slow to build
    title: str
    slug: str = ""
    date: str = ""  # ISO 8601, sortable as text; "" when the post has none
    status: str = "draft"
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    summary: str = ""
    words: int = 0
    edited_ns: int = 0  # the file's mtime
    size: int = 0
    problem: str = ""  # why the file cannot be opened as a post, or ""
    # Search results only: the title and a piece of the body with the matched words
    # between \x02 and \x03, for the list to highlight.
    title_marked: str = field(default="", compare=False)
    snippet: str = field(default="", compare=False)

    @property
    def path(self) -> Path:
        return Path(self.file)


# Each file's stat relative to its open folder: the kernel does not walk the whole path
# again for each of 50,000 files (15% of a warm listing's check of the folder).
_BY_FOLDER = os.scandir in os.supports_fd and os.stat in os.supports_dir_fd


def walk_posts(drafts: Path) -> Iterator[tuple[str, int, int]]:
    """Every post file under ``drafts`` as (path, size, mtime_ns), stat only: hidden
    folders (the trash, .git) and image folders (``*.assets``) are not walked, and a file
    that cannot be stat'ed is left out."""
    pending = [str(drafts)]
    while pending:
        folder = pending.pop()
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        try:
            found = _posts_in(folder, prefix, pending)
        except OSError:
            continue  # an unreadable subfolder must not hide the rest of the library
        yield from found


def post_folders(drafts: Path, limit: int) -> list[Path]:
    """The drafts folder and the subfolders walk_posts walks, sorted, at most ``limit``:
    what the window watches for changes made by other programs. Only folders are looked at
    (the kind each entry has in the listing, no stat): 41 folders among 50,000 posts in
    25 ms, where a glob of every path took a second."""
    found: list[str] = []
    pending = [str(drafts)]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                found.append(folder)
                for child in listing:
                    name = child.name
                    if name.startswith(".") or name.endswith(".assets"):
                        continue
                    try:
                        if child.is_dir(follow_symlinks=False):
                            pending.append(child.path)
                    except OSError:
                        continue
        except OSError:
            continue
    return [Path(folder) for folder in sorted(found)[:limit]]


def _posts_in(folder: str, prefix: str, pending: list[str]) -> list[tuple[str, int, int]]:
    found = []
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY) if _BY_FOLDER else None
    try:
        with os.scandir(folder if handle is None else handle) as listing:
            children = list(listing)
        for child in children:
            name = child.name
            if name.startswith("."):
                continue
            try:
                if child.is_dir(follow_symlinks=False):
                    if not name.endswith(".assets"):
                        pending.append(prefix + name)
                elif name.lower().endswith(POST_SUFFIXES) and child.is_file():
                    status = child.stat()
                    found.append((prefix + name, status.st_size, status.st_mtime_ns))
            except OSError:
                continue
    finally:
        if handle is not None:
            os.close(handle)
    return found


def status_of(meta_status: object, date: dt.date | None, now: dt.datetime | None = None) -> str:
    """draft / scheduled / published, as a static site would see it: a post marked
    published with a date still ahead is scheduled."""
    text = str(meta_status or "").strip().lower()
    if text in ("publish", "published", "public"):
        if date is not None and _is_future(date, now):
            return "scheduled"
        return "published"
    if text in ("scheduled", "future"):
        return "scheduled"
    return "draft"


def _is_future(date: dt.date, now: dt.datetime | None) -> bool:
    now = now or dt.datetime.now().astimezone()
    if isinstance(date, dt.datetime):
        if date.tzinfo is None:
            return date > now.replace(tzinfo=None)
        return date > now
    return date > now.date()


def outside_link(path: Path, root: Path, real_folders: dict[str, str] | None = None) -> str:
    """Why ``path`` is not read as one of ``root``'s posts: it is a symbolic link (or sits
    in a linked folder) leading out of the drafts folder. "" when it stays inside.

    A synced or unpacked folder can carry a link named like a post to ~/.ssh or
    /etc/passwd; indexing it would put that file's text into searches, snippets and, once
    opened, a publish. Links between posts inside the folder still work.

    ``real_folders`` remembers where folders really are over one batch of files (a
    realpath is an lstat per part of the path; the files of a batch share their folders).
    """
    if not _inside(os.path.abspath(path), os.path.abspath(root)):
        return ""  # a file saved elsewhere on purpose, not one the folder brought
    real = _real_path(path, real_folders)
    if _inside(real, _real_path(root, real_folders, folder=True)):
        return ""
    return f"it is a link to a file outside the drafts folder ({real}); it was not read"


def _real_path(path: Path, real_folders: dict[str, str] | None, folder: bool = False) -> str:
    if real_folders is None:
        return os.path.realpath(path)
    path = os.path.abspath(path)
    if folder:
        real = real_folders.get(path)
        if real is None:
            real = real_folders[path] = os.path.realpath(path)
        return real
    if os.path.islink(path):  # the file itself leads elsewhere: follow it all the way
        return os.path.realpath(path)
    parent, name = os.path.split(path)
    return os.path.join(_real_path(parent, real_folders, folder=True), name)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def read_entry(
    path: Path,
    size: int,
    mtime_ns: int,
    root: Path | None = None,
    real_folders: dict[str, str] | None = None,
) -> tuple[Entry, str]:
    """The entry of one file and the body text to index (empty when unreadable). Never
    raises: whatever the file holds, the library lists it, with the reason if it cannot.
    ``real_folders``: see outside_link."""
    try:
        return _read_entry(path, size, mtime_ns, root, real_folders)
    except Exception as error:  # one hostile file must not take the whole listing down
        return _unreadable(path, size, mtime_ns, f"it cannot be read ({error!r})"), ""


def _read_entry(
    path: Path, size: int, mtime_ns: int, root: Path | None, real_folders: dict[str, str] | None
) -> tuple[Entry, str]:
    refused = outside_link(path, root, real_folders) if root is not None else ""
    if refused:
        return _unreadable(path, size, mtime_ns, refused), ""
    try:
        data, _status = read_post_bytes(path)
        text = decode_post_bytes(data, path.name).replace("\r\n", "\n")
    except SmugdeskError as error:
        return _unreadable(path, size, mtime_ns, str(error)), ""
    problem = ""
    try:
        post = read_post(text, path)
    except SmugdeskError as error:
        problem = str(error)
        post = Post(body=_body_anyway(text), path=path)
    date = post.date
    entry = Entry(
        file=str(path),
        title=post.title,
        slug=post.slug,
        date=date.isoformat() if date else "",
        status=status_of(post.meta.get("status"), date),
        tags=tuple(post.tags),
        categories=tuple(post.categories),
        summary=str(post.meta.get("summary") or post.meta.get("excerpt") or ""),
        words=word_count(post.body),
        edited_ns=mtime_ns,
        size=size,
        problem=problem,
    )
    return entry, post.body


def _body_anyway(text: str) -> str:
    try:
        return split_front_matter(text)[1]
    except SmugdeskError:
        return text


def _unreadable(path: Path, size: int, mtime_ns: int, problem: str) -> Entry:
    return Entry(file=str(path), title=path.stem, size=size, edited_ns=mtime_ns, problem=problem)

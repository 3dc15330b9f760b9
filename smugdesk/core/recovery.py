"""Untitled work that has no file yet, kept safe until it has one.

A window writes the text of a post that has no file into a recovery slot (one small file
per window under the data directory, per drafts folder) at each autosave, and clears the
slot once the post is saved or closed. A process holds a lock on its own slots for as long
as it runs; at the next start, slots whose process is gone (killed, crashed, power cut)
are turned into posts in the drafts folder, so at most the autosave delay of typing is
ever lost. A window closed without saving ("Discard") puts its text in the trash instead.

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from smugdesk.core.errors import SaveError
from smugdesk.core.store import atomic_write, unique_path
from smugdesk.core.words import word_count

try:  # POSIX: a lock the kernel drops when the process dies, however it dies
    import fcntl
except ImportError:  # pragma: no cover (Windows: fall back on the process id)
    fcntl = None

_TITLE = re.compile(r"^title:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_SLOT = re.compile(r"^(?P<owner>[0-9a-f]{32})-(?P<number>\d+)\.json$")


def recovery_dir(drafts: Path) -> Path:
    import platformdirs

    from smugdesk.core.config import APP_NAME

    drafts = Path(drafts).absolute()
    key = hashlib.blake2b(str(drafts).encode("utf-8"), digest_size=6).hexdigest()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "recovery" / key


def title_of(text: str) -> str:
    """The title in the front matter, if any (for names and messages only)."""
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---", 3)
    match = _TITLE.search(text[: end if end != -1 else len(text)])
    return match.group(1).strip("'\"") if match else ""


def body_words(text: str) -> int:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            text = text[end + 5 :]
    return word_count(text)


class _Owner:
    """This process's claim on its slots: a locked file named after a random id."""

    def __init__(self, folder: Path) -> None:
        self.id = uuid.uuid4().hex
        folder.mkdir(parents=True, exist_ok=True)
        self.lock_path = folder / f"{self.id}.lock"
        self._handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        os.write(self._handle, str(os.getpid()).encode())
        if fcntl is not None:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


_owners: dict[Path, _Owner] = {}


def _owner(folder: Path) -> _Owner:
    owner = _owners.get(folder)
    if owner is None:
        owner = _owners[folder] = _Owner(folder)
    return owner


def _alive(folder: Path, owner_id: str) -> bool:
    """Whether the process that wrote ``owner_id``'s slots still runs."""
    lock = folder / f"{owner_id}.lock"
    try:
        handle = os.open(lock, os.O_RDWR | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        if fcntl is None:
            try:
                os.kill(int(os.read(handle, 20) or b"0"), 0)
            except (OSError, ValueError):
                return False
            return True
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True  # held: its process runs
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False
    finally:
        os.close(handle)


class RecoverySlot:
    """Where one window keeps its untitled text between autosaves."""

    _numbers = 0

    def __init__(self, drafts: Path) -> None:
        self.drafts = Path(drafts).absolute()
        self.folder = recovery_dir(self.drafts)
        self._path: Path | None = None

    def write(self, text: str) -> None:
        """Keep ``text`` (atomically, readable by this user only). Raises SaveError."""
        if self._path is None:
            try:
                owner = _owner(self.folder)
            except OSError as error:
                raise SaveError(f"cannot keep a recovery copy: {error.strerror}") from None
            RecoverySlot._numbers += 1
            self._path = self.folder / f"{owner.id}-{RecoverySlot._numbers}.json"
        entry = {
            "drafts": str(self.drafts),
            "time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "text": text,
        }
        atomic_write(self._path, json.dumps(entry).encode("utf-8"), private=True)

    def clear(self) -> None:
        if self._path is not None:
            with contextlib.suppress(OSError):
                self._path.unlink()

    @property
    def path(self) -> Path | None:
        return self._path


@dataclass(frozen=True)
class Recovered:
    path: Path  # the post it became, in the drafts folder
    title: str
    words: int
    written_at: str  # when its last autosave was made (ISO 8601)


def recover(drafts: Path) -> list[Recovered]:
    """Turn the slots of processes that are gone into posts in ``drafts``; each becomes
    "<title>-recovered.md" (or "untitled-recovered.md"), with a version in the history.
    Slots that cannot be read are left where they are."""
    drafts = Path(drafts).absolute()
    folder = recovery_dir(drafts)
    if not folder.is_dir():
        return []
    _use_drafts(drafts)
    mine = _owners[folder].id if folder in _owners else None
    found: list[Recovered] = []
    owners_seen: set[str] = set()
    for slot in sorted(folder.iterdir()):
        match = _SLOT.match(slot.name)
        if match is None or match.group("owner") == mine:
            continue
        owner = match.group("owner")
        if _alive(folder, owner):
            continue
        owners_seen.add(owner)
        try:
            entry = json.loads(slot.read_text(encoding="utf-8"))
            text = str(entry["text"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if text.strip():
            title = title_of(text)
            drafts.mkdir(parents=True, exist_ok=True)
            target = unique_path(drafts, f"{title or 'untitled'}-recovered")
            try:
                atomic_write(target, text.encode("utf-8"))
            except SaveError:
                continue  # the slot stays for the next start
            _record(target, text, "recovered")
            found.append(Recovered(target, title, body_words(text), str(entry.get("time", ""))))
        with contextlib.suppress(OSError):
            slot.unlink()
    # The locks of processes that are gone and left nothing (a clean quit leaves its lock).
    for lock in folder.glob("*.lock"):
        owner = lock.stem
        if owner == mine or any(folder.glob(f"{owner}-*.json")):
            continue
        if owner in owners_seen or not _alive(folder, owner):
            with contextlib.suppress(OSError):
                lock.unlink()
    return found


def keep_in_trash(drafts: Path, text: str) -> Path:
    """The text of an untitled post closed without saving, as a post in the drafts' trash
    (the library's Trash view brings it back). Raises SaveError."""
    from smugdesk.core.library import trash_folder

    _use_drafts(drafts)
    trash = trash_folder(drafts)
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H%M")
    target = unique_path(trash, f"{title_of(text) or 'untitled'} {stamp}")
    atomic_write(target, text.encode("utf-8"))
    _record(target, text, "discarded")
    return target


def _use_drafts(drafts: Path) -> None:
    from smugdesk.core import history

    history.use_drafts(drafts)


def _record(path: Path, text: str, cause: str) -> None:
    from smugdesk.core import history

    with contextlib.suppress(Exception):  # the post is safe on disk; history is a bonus
        history.record(path, text, cause)

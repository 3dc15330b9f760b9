"""The posts that were open when the app last quit (the tabs, in order, and the one shown),
with cursor and scroll positions, so the next start puts the writer back where they were.
A state file, never a secret."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from smugdesk.core.config import APP_NAME
from smugdesk.core.store import atomic_write


@dataclass(frozen=True)
class OpenPost:
    path: str
    cursor: int = 0
    scroll: int = 0


@dataclass(frozen=True)
class SessionState:
    posts: list[OpenPost] = field(default_factory=list)
    current: int = 0  # the index in ``posts`` of the post that was shown


def session_file() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME)) / "session.json"


def load_session_state(path: Path | None = None) -> SessionState:
    """The posts to reopen and which was shown; missing files and a damaged session file
    are skipped quietly (the session is a convenience, the posts are the truth)."""
    try:
        data = json.loads((path or session_file()).read_text(encoding="utf-8"))
        entries = [
            OpenPost(str(e["path"]), int(e.get("cursor", 0)), int(e.get("scroll", 0)))
            for e in data.get("open", [])
        ]
        current = int(data.get("current", 0))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return SessionState()
    shown = entries[current] if 0 <= current < len(entries) else None
    kept = [entry for entry in entries if Path(entry.path).is_file()]
    return SessionState(kept, kept.index(shown) if shown in kept else 0)


def load_session(path: Path | None = None) -> list[OpenPost]:
    """The posts to reopen, in order (see load_session_state)."""
    return load_session_state(path).posts


def save_session(entries: list[OpenPost], path: Path | None = None, *, current: int = 0) -> None:
    data = {"open": [asdict(entry) for entry in entries], "current": current}
    atomic_write(
        path or session_file(), (json.dumps(data, indent=2) + "\n").encode("utf-8"), private=True
    )

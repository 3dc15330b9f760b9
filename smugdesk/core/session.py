"""The posts that were open when the app last quit, with cursor and scroll positions, so
the next start puts the writer back where they were. A state file, never a secret."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

from smugdesk.core.config import APP_NAME
from smugdesk.core.store import atomic_write


@dataclass(frozen=True)
class OpenPost:
    path: str
    cursor: int = 0
    scroll: int = 0


def session_file() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME)) / "session.json"


def load_session(path: Path | None = None) -> list[OpenPost]:
    """The posts to reopen; missing files and a damaged session file are skipped quietly
    (the session is a convenience, the posts are the truth)."""
    try:
        data = json.loads((path or session_file()).read_text(encoding="utf-8"))
        entries = [
            OpenPost(str(e["path"]), int(e.get("cursor", 0)), int(e.get("scroll", 0)))
            for e in data.get("open", [])
        ]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []
    return [entry for entry in entries if Path(entry.path).is_file()]


def save_session(entries: list[OpenPost], path: Path | None = None) -> None:
    data = {"open": [asdict(entry) for entry in entries]}
    atomic_write(
        path or session_file(), (json.dumps(data, indent=2) + "\n").encode("utf-8"), private=True
    )

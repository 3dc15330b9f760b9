"""Where things live: the drafts folder and the app's XDG folders (platformdirs).

No secrets are ever stored here; they go through the OS keyring.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from smugdesk.core.store import atomic_write

APP_NAME = "smugdesk"
DRAFTS_ENV = "SMUGDESK_DRAFTS"


def default_drafts_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "Blog Drafts"


def drafts_dir(cli_value: str | os.PathLike | None = None, preference: str | None = None) -> Path:
    """The drafts folder: ``--drafts`` first, then $SMUGDESK_DRAFTS, then the preference,
    then a folder under the user's documents folder."""
    for candidate in (cli_value, os.environ.get(DRAFTS_ENV), preference):
        if candidate:
            return Path(candidate).expanduser().absolute()
    return default_drafts_dir()


def ensure_drafts_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def user_css_dir() -> Path:
    """Where the writer puts their own preview stylesheets (every *.css, in name order)."""
    return config_dir() / "css"


def user_css() -> str:
    folder = user_css_dir()
    parts = []
    for sheet in sorted(folder.glob("*.css")) if folder.is_dir() else ():
        try:
            parts.append(f"/* {sheet.name} */\n" + sheet.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # an unreadable sheet must not break the preview
    return "\n".join(parts)


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


@dataclass
class Settings:
    """Preferences kept in ``settings.json`` in the config folder. Never secrets."""

    drafts: str = ""
    remote_content_in_preview: bool = False  # embeds load from the network only if allowed
    theme: str = "system"  # "system", "light" or "dark"
    editor_font: str = ""  # empty: the system's fixed-width font
    editor_font_size: int = 0  # 0: the system's size
    recent: list[str] = field(default_factory=list)  # posts, most recent first
    spell_check: bool = True
    spell_language: str = ""  # empty: the system's language when a dictionary has it
    line_width: int = 80  # characters of text per line in the editor; 0: the window's width
    autosave_seconds: int = 2  # after the first unsaved change; at most this much is at risk
    show_library: bool = True  # the library pane, as the writer last left it

    def remember_recent(self, path: Path, keep: int = 10) -> None:
        entry = str(path)
        self.recent = [entry, *(p for p in self.recent if p != entry)][:keep]

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_dir() / "settings.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # missing or damaged: defaults, and the next save repairs it
        known = {f.name: f.type for f in fields(cls)}
        values = {
            key: value
            for key, value in data.items()
            # Annotations are strings here (postponed evaluation): compare type names.
            if key in known and type(value).__name__ == known[key].split("[")[0]
        }
        return cls(**values)

    def save(self, path: Path | None = None) -> None:
        path = path or config_dir() / "settings.json"
        atomic_write(path, (json.dumps(asdict(self), indent=2) + "\n").encode("utf-8"))

"""Where things live: the drafts folder and the app's XDG folders (platformdirs).

No secrets are ever stored here; they go through the OS keyring.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

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


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))

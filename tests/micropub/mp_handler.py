"""The content handler behind the test Micropub server: entries kept for the life of the
server process, looked up by the URL's path, owned by the user who made them.

django-indieweb builds a handler per request from ``INDIEWEB_MICROPUB_HANDLER``; its own
example (``InMemoryMicropubHandler``) keeps entries on that instance, so they vanish after the
request that made them. Here the store is module-level and every instance shares it.

What a real blog engine does and this one does too: ``mp-slug`` picks the URL (``-2``,
``-3``… when taken) and is not kept as a property, ``published`` is set when the client did not
send it, deleted entries can be undeleted, and the list (``q=source`` without ``url``) is
newest first.

The user ``example`` is served by the package's own ``InMemoryMicropubHandler``, made anew
per request exactly as the package does without a configured handler: a create answers 201
and reading the entry back answers 400, as on a server that publishes later than it answers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from typing import Any
from urllib.parse import urlsplit

from indieweb.handlers import (
    InMemoryMicropubHandler,
    MicropubContentHandler,
    MicropubEntry,
    MicropubEntryList,
)

EXAMPLE_USER = "example"
BASE = os.environ.get("SMUGDESK_MICROPUB_BASE", "http://127.0.0.1:8000").rstrip("/")

_lock = threading.Lock()
_entries: dict[str, MicropubEntry] = {}  # path -> entry, oldest first
_deleted: dict[str, MicropubEntry] = {}
_owners: dict[str, str] = {}  # path -> user name


def _path(url: str) -> str:
    return urlsplit(url).path or "/"


def _slug(properties: dict[str, list[Any]]) -> str:
    wanted = next(iter(properties.get("mp-slug") or ()), "")
    slug = re.sub(r"[^a-z0-9]+", "-", str(wanted).lower()).strip("-")
    return slug or f"entry-{len(_entries) + len(_deleted) + 1}"


class SharedEntries(MicropubContentHandler):
    def __init__(self) -> None:
        self.example = InMemoryMicropubHandler()

    @staticmethod
    def _is_example(user) -> bool:
        return getattr(user, "username", "") == EXAMPLE_USER

    def _mine(self, url: str, user, store: dict[str, MicropubEntry]) -> MicropubEntry:
        path = _path(url)
        entry = store.get(path)
        if entry is None or _owners.get(path) != user.username:
            raise ValueError(f"no entry of yours at {path}")
        return entry

    def create_entry(self, properties: dict[str, list[Any]], user) -> MicropubEntry:
        if self._is_example(user):
            return self.example.create_entry(properties, user)
        with _lock:
            base = _slug(properties)
            slug, number = base, 1
            while f"/entries/{slug}/" in _entries or f"/entries/{slug}/" in _deleted:
                number += 1
                slug = f"{base}-{number}"
            path = f"/entries/{slug}/"
            kept = {
                key: list(value) if isinstance(value, list) else [value]
                for key, value in properties.items()
                if not key.startswith("mp-")  # commands to the server, not content
            }
            kept.setdefault("published", [dt.datetime.now(dt.UTC).isoformat(timespec="seconds")])
            entry = MicropubEntry(url=BASE + path, properties=kept)
            _entries[path] = entry
            _owners[path] = user.username
            return entry

    def update_entry(self, url: str, updates: dict[str, Any], user) -> MicropubEntry:
        if self._is_example(user):
            return self.example.update_entry(url, updates, user)
        with _lock:
            entry = self._mine(url, user, _entries)
            for key, values in (updates.get("replace") or {}).items():
                entry.properties[key] = list(values)
            for key, values in (updates.get("add") or {}).items():
                entry.properties.setdefault(key, []).extend(values)
            removal = updates.get("delete") or ()
            if isinstance(removal, dict):
                for key, values in removal.items():
                    kept = [v for v in entry.properties.get(key, []) if v not in values]
                    entry.properties[key] = kept
                    if not kept:
                        entry.properties.pop(key, None)
            else:
                for key in removal:
                    entry.properties.pop(key, None)
            return entry

    def delete_entry(self, url: str, user) -> None:
        if self._is_example(user):
            return self.example.delete_entry(url, user)
        with _lock:
            self._mine(url, user, _entries)
            _deleted[_path(url)] = _entries.pop(_path(url))

    def undelete_entry(self, url: str, user) -> MicropubEntry:
        if self._is_example(user):
            return self.example.undelete_entry(url, user)
        with _lock:
            self._mine(url, user, _deleted)
            entry = _entries[_path(url)] = _deleted.pop(_path(url))
            return entry

    def get_entry(self, url: str, user) -> MicropubEntry | None:
        if self._is_example(user):
            return self.example.get_entry(url, user)
        with _lock:
            path = _path(url)
            if _owners.get(path) != user.username:
                return None
            return _entries.get(path)

    def list_entries(self, user, *, limit=None, offset=0, filter=None) -> MicropubEntryList:
        if self._is_example(user):
            return self.example.list_entries(user, limit=limit, offset=offset, filter=filter)
        with _lock:
            found = [
                entry
                for path, entry in reversed(_entries.items())
                if _owners.get(path) == user.username
            ]
        if filter:
            needle = filter.lower()
            found = [
                entry
                for entry in found
                if needle
                in json.dumps(
                    {"url": entry.url, **entry.properties}, sort_keys=True, ensure_ascii=False
                ).lower()
            ]
        total = len(found)
        found = found[offset:]
        if limit is not None:
            found = found[:limit]
        return MicropubEntryList(entries=found, total=total)


def forget_everything() -> None:
    """Back to a fresh server's store (a server shared by many test sessions, reset by each)."""
    with _lock:
        _entries.clear()
        _deleted.clear()
        _owners.clear()

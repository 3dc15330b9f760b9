"""Thinning: autosaved versions go as they age, the versions a writer chose to make stay.

Autosaved (and reloaded-from-disk) versions are thinned as they age: all from the last hour,
the last of each hour for a day, the last of each day for a month. Versions made by a manual
save, a publish, a download, a restore or a recovery are kept.

Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import time
from array import array

from smugdesk.core.history_database import StoreDatabase

_HOUR = 3600.0
_DAY = 86400.0
_MONTH = 30 * _DAY


class Thinning(StoreDatabase):
    """Dropping aged autosaves, and the chunks no version uses any more."""

    def thin(self, now: float | None = None) -> int:
        """Drop autosaved versions as they age (see the module's docstring); kept causes,
        published versions and each post's newest version stay. Returns how many went."""
        now = time.time() if now is None else now

        def work() -> int:
            db = self.db
            newest = {
                post: version
                for post, version in db.execute(
                    "SELECT post, id FROM versions v WHERE id = (SELECT id FROM versions "
                    "WHERE post = v.post ORDER BY time DESC, id DESC LIMIT 1)"
                )
            }
            marked = {row[0] for row in db.execute("SELECT DISTINCT version FROM marks")}
            seen: set[tuple[int, str, int]] = set()
            doomed: list[int] = []
            # Newest first: the first version met in a bucket is the one kept for it.
            for version, post, when in db.execute(
                "SELECT id, post, time FROM versions WHERE kept = 0 ORDER BY post, time DESC"
            ).fetchall():
                age = now - when
                if age < _HOUR or version in marked or newest.get(post) == version:
                    continue
                if age < _DAY:
                    bucket = ("hour", int(when // _HOUR))
                elif age < _MONTH:
                    bucket = ("day", dt.date.fromtimestamp(when).toordinal())
                else:
                    doomed.append(version)
                    continue
                key = (post, *bucket)
                if key in seen:
                    doomed.append(version)
                else:
                    seen.add(key)
            with db:
                for version in doomed:
                    self._drop(version)
            if doomed:
                # Run to its end by sqlite3_exec: it frees one page per step.
                db.executescript("PRAGMA incremental_vacuum;")
            return len(doomed)

        return self._guarded(work)

    def _drop(self, version_id: int) -> None:
        db = self.db
        row = db.execute("SELECT chunks FROM versions WHERE id = ?", (version_id,)).fetchone()
        if row is None:
            return
        ids = array("I")
        ids.frombytes(row[0])
        db.executemany("UPDATE chunks SET refs = refs - 1 WHERE id = ?", [(i,) for i in ids])
        db.execute("DELETE FROM versions WHERE id = ?", (version_id,))
        # A chunk no version uses goes, and with it its hold on the chunk it was packed with.
        while True:
            gone = db.execute("SELECT id, base FROM chunks WHERE refs <= 0").fetchall()
            if not gone:
                break
            db.executemany("DELETE FROM chunks WHERE id = ?", [(i,) for i, _b in gone])
            db.executemany(
                "UPDATE chunks SET refs = refs - 1 WHERE id = ?",
                [(b,) for _i, b in gone if b is not None],
            )

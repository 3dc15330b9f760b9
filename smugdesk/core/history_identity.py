"""A post's identity in its history: the post id follows the post through renames and moves.

A post's versions are keyed by a post id given at its first version; the id follows the post
when the store is told of a rename (``moved``), and a file appearing under a new name whose
text (or body, below the front matter) is the last version of a post whose file is gone is
taken to be that post moved: a rename in a file manager, a move into the trash or back out of
it keep the history.

Nothing here imports Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

from smugdesk.core.history_chunks import body_of, digest_of
from smugdesk.core.history_database import StoreDatabase

_ADOPT_SECONDS = 60.0


class PostIdentity(StoreDatabase):
    """Finding a post's id by its path, its text or its body; following a rename."""

    def _post_id(self, path: str, digest: bytes | None, body: bytes | None) -> int | None:
        row = self.db.execute("SELECT id FROM posts WHERE path = ?", (path,)).fetchone()
        if row is not None:
            return row[0]
        if digest is None:
            return None
        # A post moved (file manager, trash, restore): its last text under a path now gone.
        candidates = self.db.execute(
            "SELECT id, path FROM posts WHERE last_digest = ? OR body_digest = ? "
            "ORDER BY last_digest = ? DESC, id DESC",
            (digest, body, digest),
        ).fetchall()
        for post, old in candidates:
            if not os.path.lexists(old):
                self.db.execute("UPDATE posts SET path = ? WHERE id = ?", (path, post))
                return post
        return None

    def _adopt_vanished(self, post: int) -> None:
        """A post written under a new name before the old file went (a rename that rewrites
        the title, as the library's Rename does) starts with the body the vanished post
        ended with, within a minute: its versions become this post's."""
        row = self.db.execute(
            "SELECT first_body, created FROM posts WHERE id = ?", (post,)
        ).fetchone()
        if row is None or row[0] is None:
            return
        first_body, created = row
        for other, old in self.db.execute(
            "SELECT p.id, p.path FROM posts p WHERE p.body_digest = ? AND p.id != ? "
            "AND p.created <= ? AND (SELECT max(time) FROM versions WHERE post = p.id) >= ?",
            (first_body, post, created, created - _ADOPT_SECONDS),
        ).fetchall():
            if not os.path.lexists(old):
                self.db.execute("UPDATE versions SET post = ? WHERE post = ?", (post, other))
                self.db.execute("DELETE FROM posts WHERE id = ?", (other,))
                self.db.execute(
                    "UPDATE posts SET first_body = (SELECT first_body FROM posts WHERE id = ?) "
                    "WHERE id = ?",
                    (other, post),
                )

    def post_id(self, path: Path) -> int | None:
        """The id of the post at ``path`` (following a move), None if it has no history."""
        path = Path(path).absolute()

        def find() -> int | None:
            known = self._post_id(str(path), None, None)
            if known is not None:
                with self.db:
                    self._adopt_vanished(known)
                return known
            if not path.is_file():
                return None
            try:
                text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                return None
            with self.db:
                return self._post_id(
                    str(path), digest_of(text.encode()), digest_of(body_of(text).encode())
                )

        return self._guarded(find)

    def moved(self, old: Path, new: Path) -> None:
        """The post at ``old`` is now at ``new`` (a rename the app made, which may also have
        changed its text): its history follows, joined with any version already recorded
        under the new name."""
        old, new = str(Path(old).absolute()), str(Path(new).absolute())
        if old == new:
            return

        def move() -> None:
            with self.db:
                before = self._post_id(old, None, None)
                if before is None:
                    return
                after = self._post_id(new, None, None)
                if after is None:
                    self.db.execute("UPDATE posts SET path = ? WHERE id = ?", (new, before))
                    return
                self.db.execute("UPDATE versions SET post = ? WHERE post = ?", (after, before))
                self.db.execute("DELETE FROM posts WHERE id = ?", (before,))
                self._recent.pop(before, None)

        self._guarded(move)

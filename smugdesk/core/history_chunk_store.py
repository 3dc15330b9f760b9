"""The chunks of a version in the database: zlib-compressed, deduplicated, reference-counted.

Why zlib on chunks: each chunk is stored once (keyed by its BLAKE2 digest), zlib-compressed,
with a reference count; a version costs a row and the ids of its chunks. A git object store
(dulwich) deltas whole files only when packing, which is a batch job; zstd would compress
better but is not in the standard library. zlib on ~KB chunks is fast enough for the save
path (well under a millisecond per chunk).

Nothing here imports Qt.
"""

from __future__ import annotations

import zlib

from smugdesk.core.history_chunks import body_of, digest_of
from smugdesk.core.history_database import HistoryError, StoreDatabase
from smugdesk.core.words import word_count

_MAX_DEPTH = 12  # a chunk compressed against one compressed against one… at most this deep


class ChunkStorage(StoreDatabase):
    """Storing a version's chunks and reading them back."""

    _words: dict[bytes, int]

    def _remember(self, post: int, version: int, chunks: list[bytes], ids: list[int]) -> None:
        self._recent.pop(post, None)
        self._recent[post] = (version, dict(zip(chunks, ids, strict=True)))
        while len(self._recent) > 4:  # a few posts' worth (a manuscript is ~600 KB)
            del self._recent[next(iter(self._recent))]

    def _count_words(self, chunks: list[bytes]) -> int:
        """Words below the front matter, counted per chunk (chunks end at paragraph ends,
        so no word is split) and remembered: a save counts only the chunks it changed."""
        if len(self._words) > 50_000:
            self._words.clear()
        total = 0
        for number, chunk in enumerate(chunks):
            count = self._words.get(chunk)
            if count is None:
                text = chunk.decode("utf-8", "replace")
                count = word_count(body_of(text) if number == 0 else text)
                self._words[chunk] = count
            total += count
        return total

    def _store_chunks(
        self, chunks: list[bytes], previous: list[int], known: dict[bytes, int]
    ) -> list[int]:
        """Store the chunks not stored yet. A new chunk is compressed with the chunk at its
        place in the post's previous version as zlib's dictionary: typing into a paragraph
        then costs tens of bytes, not the paragraph again."""
        db = self.db
        ids: list[int] = []
        reused: list[tuple[int]] = []  # one more reference each, in one statement
        for place, chunk in enumerate(chunks):
            same = known.get(chunk)
            if same is not None:
                reused.append((same,))
                ids.append(same)
                continue
            digest = digest_of(chunk)
            row = db.execute("SELECT id FROM chunks WHERE digest = ?", (digest,)).fetchone()
            if row is not None:
                reused.append((row[0],))
                ids.append(row[0])
                continue
            base = previous[place] if place < len(previous) else None
            if base is None and previous:
                base = previous[-1]
            depth = 0
            if base is not None:
                depth_row = db.execute("SELECT depth FROM chunks WHERE id = ?", (base,)).fetchone()
                if depth_row is None or depth_row[0] >= _MAX_DEPTH:
                    base = None
                else:
                    depth = depth_row[0] + 1
            if base is None:
                data = zlib.compress(chunk, 6)
            else:
                packer = zlib.compressobj(6, zdict=self._chunk_bytes(base))
                data = packer.compress(chunk) + packer.flush()
                db.execute("UPDATE chunks SET refs = refs + 1 WHERE id = ?", (base,))
            ids.append(
                db.execute(
                    "INSERT INTO chunks(digest, refs, data, base, depth) VALUES (?, 1, ?, ?, ?)",
                    (digest, data, base, depth),
                ).lastrowid
            )
        db.executemany("UPDATE chunks SET refs = refs + 1 WHERE id = ?", reused)
        return ids

    def _chunk_bytes(self, chunk_id: int, cache: dict[int, bytes] | None = None) -> bytes:
        """A chunk's bytes, undoing its chain of dictionaries (at most _MAX_DEPTH long)."""
        cache = {} if cache is None else cache
        chain: list[tuple[int, bytes, int | None]] = []
        current: int | None = chunk_id
        while current is not None and current not in cache:
            row = self.db.execute(
                "SELECT data, base FROM chunks WHERE id = ?", (current,)
            ).fetchone()
            if row is None or len(chain) > _MAX_DEPTH + 1:
                raise HistoryError("a part of this version is missing from the history")
            chain.append((current, row[0], row[1]))
            current = row[1]
        for number, data, base in reversed(chain):
            try:
                if base is None:
                    cache[number] = zlib.decompress(data)
                else:
                    unpacker = zlib.decompressobj(zdict=cache[base])
                    cache[number] = unpacker.decompress(data) + unpacker.flush()
            except zlib.error as error:
                raise HistoryError("a part of this version is damaged in the history") from error
        return cache[chunk_id]

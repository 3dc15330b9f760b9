"""How a version's text is cut into chunks, and the digests versions and chunks are keyed by.

A post is cut at blank lines (paragraph ends) into pieces, and pieces are grouped into chunks
of about 1–8 KB whose ends are chosen by the pieces' own content (a hash), so an edit changes
one chunk and leaves the boundaries of all the others where they were. Each chunk is stored
once (keyed by its BLAKE2 digest, see history_chunk_store): a 2,000-word post saved every
2 seconds for an hour stores the chunks that changed, not 1,800 copies
(benchmarks/history.py gives the figures).

Nothing here imports Qt or SQLite.
"""

from __future__ import annotations

import hashlib
import zlib

_MIN_CHUNK = 1024
_MAX_CHUNK = 8192


def _pieces(data: bytes) -> list[bytes]:
    """Paragraphs (each with the blank line after it); a piece longer than a chunk is cut
    at line ends, and a line longer than a chunk into slices. Joined, they are the text."""
    parts = data.split(b"\n\n")
    out: list[bytes] = []
    last = len(parts) - 1
    for number, part in enumerate(parts):
        piece = part + b"\n\n" if number < last else part
        if len(piece) <= _MAX_CHUNK:
            out.append(piece)
            continue
        for line in piece.splitlines(keepends=True):
            if len(line) <= _MAX_CHUNK:
                out.append(line)
            else:
                out.extend(line[i : i + _MAX_CHUNK] for i in range(0, len(line), _MAX_CHUNK))
    return out


def split_chunks(text: str | bytes) -> list[bytes]:
    """The text (UTF-8) as chunks whose ends depend on the content around them, not on
    offsets: an insertion early in a post leaves later chunks the same bytes."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    chunks: list[bytes] = []
    current: list[bytes] = []
    size = 0
    for piece in _pieces(data):
        if size and size + len(piece) > _MAX_CHUNK:
            chunks.append(b"".join(current))
            current, size = [], 0
        current.append(piece)
        size += len(piece)
        # Ends where a piece's own hash says so: about one piece in four, past the minimum.
        if size >= _MIN_CHUNK and zlib.crc32(piece) & 3 == 0:
            chunks.append(b"".join(current))
            current, size = [], 0
    if current or not chunks:
        chunks.append(b"".join(current))
    return chunks


def text_digest(text: str) -> bytes:
    """The digest a version of ``text`` is stored under."""
    return digest_of(text.replace("\r\n", "\n").encode("utf-8"))


def digest_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def body_of(text: str) -> str:
    """The text below the front matter: what stays the same when only the title changes."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end != -1:
            return text[end + 5 :]
    return text

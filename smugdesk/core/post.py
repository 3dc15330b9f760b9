"""A post: YAML front matter plus a Markdown body, read and written without losing anything.

The front matter is parsed with ruamel.yaml's round-trip loader so that keys we do not know,
their order, comments and quoting survive a save. When the metadata was not changed at all,
the original front-matter text is written back byte for byte.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smugdesk.core.errors import FrontMatterError, PostReadError
from smugdesk.core.quick_front import read_plain_front

if TYPE_CHECKING:  # imported where used: ruamel.yaml costs 20 ms the first paint can skip
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

# Past this size a "post" is almost certainly not one (a video, a database dump) and would
# make the editor crawl; refusing it with a message beats freezing.
MAX_POST_BYTES = 8 * 1024 * 1024

KNOWN_KEYS = ("title", "date", "tags", "categories", "status", "slug", "summary")

_FENCE = "---"
_FIRST_HEADING = re.compile(r"#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_LATER_HEADING = re.compile(r"\n#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_CLOSING_FENCES = ("---", "...")


def round_trip_yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long title or summary onto two lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@dataclass
class Post:
    """Front matter and body of one post. ``meta`` is an ordered, comment-keeping mapping."""

    body: str = ""
    meta: CommentedMap = field(default_factory=lambda: _commented_map())
    path: Path | None = None
    newline: str = "\n"
    # The front matter exactly as read, and a snapshot of what it parsed to: if ``meta``
    # still equals the snapshot, the original text is written back untouched.
    _raw_front: str | None = field(default=None, repr=False)
    _meta_as_read: Any = field(default=None, repr=False)

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        if value not in (None, ""):
            return str(value)
        # The first "# Heading" line; found after its newline, since a pattern starting
        # with "^" is tried at every character of a manuscript (5 ms per preview update).
        match = _FIRST_HEADING.match(self.body) if self.body.startswith("#") else None
        match = match or _LATER_HEADING.search(self.body)
        if match:
            return match.group(1)
        if self.path is not None:
            return self.path.stem
        return ""

    @property
    def slug(self) -> str:
        """The front matter's ``slug``, else the file name (stable when the title is
        reworded, as Jekyll does it), else one made from the title."""
        for candidate in (self.meta.get("slug"), self.path.stem if self.path else None):
            if candidate not in (None, "") and slugify(str(candidate)):
                return slugify(str(candidate))
        return slugify(self.title) or "post"

    @property
    def date(self) -> dt.date | None:
        return parse_date(self.meta.get("date"))

    @property
    def tags(self) -> list[str]:
        return _as_list(self.meta.get("tags"))

    @property
    def categories(self) -> list[str]:
        return _as_list(self.meta.get("categories"))

    def set(self, key: str, value: Any) -> None:
        """Set a front-matter key, appending it after the existing ones when new."""
        self.meta[key] = value

    def copy(self) -> Post:
        return copy.deepcopy(self)


def slugify(text: str) -> str:
    """A URL-safe slug: lower case ASCII letters, digits and hyphens."""
    import unicodedata

    normal = unicodedata.normalize("NFKD", text)
    ascii_text = normal.encode("ascii", "ignore").decode("ascii").lower()
    ascii_text = ascii_text.replace("'", "").replace("\u2019", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:80].rstrip("-")


def parse_date(value: Any) -> dt.date | None:
    """A date from front matter: a YAML date/timestamp, or an ISO string."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    return None


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None and str(item) != ""]
    return [str(value)]


def split_front_matter(text: str) -> tuple[str | None, str, str | None]:
    """``(front matter text or None, body, closing fence line)`` of LF-normalised text.

    Raises FrontMatterError when a front matter is opened and never closed.
    """
    # Line by line with find(), not split(): the preview calls this on every keystroke, and
    # splitting a manuscript into lines to join its body again costs 2.5 ms.
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip() != _FENCE:
        if first.rstrip() == "+++":
            raise FrontMatterError(
                "TOML front matter (+++) is not supported yet; use YAML between --- lines"
            )
        return None, text, None
    position = first_end + 1
    while first_end >= 0:
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        if line.rstrip() in _CLOSING_FENCES:
            body = "" if end < 0 else text[end + 1 :]
            return text[first_end + 1 : position - 1], body, line
        if end < 0:
            break
        position = end + 1
    raise FrontMatterError("the front matter starts with --- but has no closing --- line")


def body_of(text: str) -> str:
    """The body of post text even when its front matter is broken (for a live preview)."""
    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    try:
        return split_front_matter(normal)[1]
    except FrontMatterError:
        return normal


def _commented_map() -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap()


def read_post(text: str, path: Path | None = None) -> Post:
    """``parse_post`` for reading only: plain front matter (nearly every post's) is read
    without the YAML parser, into a plain dict, so the post cannot be written back exactly;
    anything else goes to ``parse_post`` (its values, its error messages)."""
    front, body, _closing = split_front_matter(text.replace("\r\n", "\n").removeprefix("\ufeff"))
    if front is None:
        return Post(body=body, path=path)
    meta = read_plain_front(front)
    if meta is None:
        return parse_post(text, path)
    return Post(body=body, meta=meta, path=path)  # type: ignore[arg-type]


def parse_post(text: str, path: Path | None = None) -> Post:
    """Split ``text`` into front matter and body. Raises FrontMatterError on broken YAML."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    newline = "\r\n" if "\r\n" in text else "\n"
    normal = text.replace("\r\n", "\n").removeprefix("\ufeff")
    raw_front, body, closing = split_front_matter(normal)
    if raw_front is None:
        return Post(body=body, path=path, newline=newline)
    try:
        loaded = round_trip_yaml().load(raw_front) if raw_front.strip() else None
    except YAMLError as error:
        raise FrontMatterError(_yaml_message(error)) from None
    except (ValueError, TypeError) as error:  # ruamel.yaml trips on some values, e.g. "._"
        raise FrontMatterError(
            f"a value in the front matter cannot be read ({error}); put it in quotes"
        ) from None
    if loaded is None:
        loaded = CommentedMap()
    if not isinstance(loaded, CommentedMap):
        raise FrontMatterError(
            f"the front matter must be a list of 'key: value' lines, not a {type(loaded).__name__}"
        )
    return Post(
        body=body,
        meta=loaded,
        path=path,
        newline=newline,
        _raw_front=f"{raw_front}\n{closing}" if raw_front else closing,
        _meta_as_read=_plain(loaded),
    )


def _yaml_message(error: YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    # +2: the opening --- is line 1 of the file and ruamel counts from 0.
    where = f" at line {mark.line + 2}" if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    hint = ""
    if "mapping values are not allowed" in problem:
        hint = " (a value that contains ': ' must be put in quotes)"
    return f"the front matter is not valid YAML{where}: {problem}{hint}"


def _plain(value: Any) -> Any:
    """A comparable, detached copy of parsed YAML (ruamel's types compare by value)."""
    if isinstance(value, dict):
        return [(str(key), _plain(item)) for key, item in value.items()]
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return (type(value).__name__, str(value))


def serialize_post(post: Post) -> str:
    """The file text of ``post``, in the line endings it was read with."""
    if post._raw_front is not None and _plain(post.meta) == post._meta_as_read:
        front = f"{_FENCE}\n{post._raw_front}\n"
    elif len(post.meta):
        stream = io.StringIO()
        round_trip_yaml().dump(post.meta, stream)
        front = f"{_FENCE}\n{stream.getvalue()}{_FENCE}\n"
    else:
        front = ""
    text = front + post.body
    if post.newline != "\n":
        text = text.replace("\n", post.newline)
    return text


def mark_saved(post: Post, text: str) -> None:
    """After a save, the written front matter becomes the new 'as read' state."""
    fresh = parse_post(text, post.path)
    post._raw_front = fresh._raw_front
    post._meta_as_read = fresh._meta_as_read


def decode_post_bytes(data: bytes, name: str = "the file") -> str:
    """Bytes of a post file as text, or PostReadError saying plainly why not."""
    if len(data) > MAX_POST_BYTES:
        raise PostReadError(
            f"{name} is {len(data) / 1_048_576:.1f} MB, larger than the "
            f"{MAX_POST_BYTES // 1_048_576} MB a post may be"
        )
    if b"\x00" in data[:8192]:
        raise PostReadError(f"{name} looks like a binary file, not a Markdown post")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PostReadError(
            f"{name} is not valid UTF-8 text (bad byte at line {line}); "
            "re-save it as UTF-8 in the program that wrote it"
        ) from None


def new_post_text(date: dt.datetime | None = None) -> str:
    """The text of a fresh draft, with an empty title for the writer to fill in."""
    stamp = (date or dt.datetime.now().astimezone()).replace(microsecond=0)
    return (
        "---\ntitle: \n"
        f"date: {stamp.isoformat(sep=' ')}\n"
        "tags: []\ncategories: []\nstatus: draft\n---\n\n"
    )


def new_post(title: str = "", date: dt.datetime | None = None) -> Post:
    """A fresh draft with the keys every static site generator understands."""
    meta = _commented_map()
    meta["title"] = title
    # A datetime (not a string) so YAML writes it unquoted, as Jekyll and Hugo expect.
    meta["date"] = (date or dt.datetime.now().astimezone()).replace(microsecond=0)
    meta["tags"] = []
    meta["categories"] = []
    meta["status"] = "draft"
    return Post(body="", meta=meta)

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

# Front matter is a few lines of metadata. These bounds refuse what no post needs and a
# hostile file uses to hang or exhaust the app: a 400-byte "billion laughs" (aliases to
# aliases) expands to 10⁹ nodes wherever the values are walked or printed, and a few
# thousand "[" overflow the stack of any recursive walk.
MAX_FRONT_CHARS = 64 * 1024
MAX_YAML_DEPTH = 40
MAX_YAML_NODES = 5_000  # counted as if every alias were a copy of what it names
MAX_YAML_ALIASES = 200

KNOWN_KEYS = ("title", "date", "tags", "categories", "status", "slug", "summary")

_FENCE = "---"
_FIRST_HEADING = re.compile(r"#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_LATER_HEADING = re.compile(r"\n#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_CLOSING_FENCES = ("---", "...")


def round_trip_yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Composer = _bounded_composer()
    yaml.max_depth = MAX_YAML_DEPTH
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long title or summary onto two lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _bounded_composer() -> type:
    """ruamel.yaml's composer, refusing a document before its aliases can be expanded.

    Composing keeps an alias as a second reference to one node, so the cost of an alias
    bomb is paid later, by whoever walks the values as a tree. The composer therefore counts
    nodes as that walk would (an alias costs the expanded size of what it names, computed
    once per node) and stops at MAX_YAML_NODES; an alias to a node still being composed
    (a loop) is refused outright.
    """
    from ruamel.yaml.composer import Composer, ComposerError
    from ruamel.yaml.events import AliasEvent
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    class LimitError(ComposerError):
        beyond_limit = True

    def refuse(problem: str, mark: Any) -> None:
        raise LimitError(None, None, problem, mark)

    class BoundedComposer(Composer):
        def compose_document(self) -> Any:
            self._nodes = 0
            self._aliases = 0
            self._open: list[str] = []  # anchors of the nodes being composed
            self._sizes: dict[int, int] = {}
            return super().compose_document()

        def compose_node(self, parent: Any, index: Any) -> Any:
            event = self.parser.peek_event()
            if isinstance(event, AliasEvent):
                self._aliases += 1
                if self._aliases > MAX_YAML_ALIASES:
                    refuse(f"more than {MAX_YAML_ALIASES} aliases (*name)", event.start_mark)
                if event.anchor in self._open:
                    refuse(f"an alias *{event.anchor} inside what it names", event.start_mark)
                node = super().compose_node(parent, index)
                self._count(self._expanded(node), event.start_mark)
                return node
            self._open.append(event.anchor)
            try:
                node = super().compose_node(parent, index)
            finally:
                self._open.pop()
            self._count(1, event.start_mark)
            return node

        def _count(self, nodes: int, mark: Any) -> None:
            self._nodes += nodes
            if self._nodes > MAX_YAML_NODES:
                refuse(
                    f"more than {MAX_YAML_NODES:,} values once its aliases are expanded",
                    mark,
                )

        def _expanded(self, node: Any) -> int:
            known = self._sizes.get(id(node))
            if known is not None:
                return known
            # Depth is bounded by max_depth, so this recursion is too.
            if isinstance(node, SequenceNode):
                size = 1 + sum(self._expanded(item) for item in node.value)
            elif isinstance(node, MappingNode):
                size = 1 + sum(self._expanded(k) + self._expanded(v) for k, v in node.value)
            else:
                size = 1
            self._sizes[id(node)] = min(size, MAX_YAML_NODES + 1)
            return self._sizes[id(node)]

    return BoundedComposer


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


# The post formats WordPress knows (``format: aside`` in the front matter).
WORDPRESS_FORMATS = (
    "standard",
    "aside",
    "chat",
    "gallery",
    "link",
    "image",
    "quote",
    "status",
    "video",
    "audio",
)


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
    try:
        meta = read_plain_front(front)
    except ValueError:  # e.g. a number past Python's 4,300 digits: let the parser say so
        meta = None
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
    if len(raw_front) > MAX_FRONT_CHARS:
        raise FrontMatterError(
            f"the front matter is {len(raw_front) // 1024:,} KB, more than the "
            f"{MAX_FRONT_CHARS // 1024} KB metadata may take"
        )
    _check_flow_depth(raw_front)
    try:
        loaded = round_trip_yaml().load(raw_front) if raw_front.strip() else None
    except YAMLError as error:
        raise FrontMatterError(_yaml_message(error)) from None
    except (ValueError, TypeError) as error:  # ruamel.yaml trips on some values, e.g. "._"
        raise FrontMatterError(
            f"a value in the front matter cannot be read ({error}); put it in quotes"
        ) from None
    except Exception as error:  # hostile YAML gets a message, never a traceback
        raise FrontMatterError(
            f"the front matter cannot be read ({type(error).__name__}: {error})"
        ) from None
    if loaded is None:
        loaded = CommentedMap()
    _check_values(loaded)
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


# Python refuses to turn an int of more than 4,300 digits into text (a guard against
# quadratic conversion); such a value would raise wherever a title or tag is shown.
_MAX_INT_BITS = 14_000


def _check_values(loaded: Any) -> None:
    """Refuse values that parse but cannot be shown. The walk is bounded: the composer
    already refused documents of more than MAX_YAML_NODES values."""
    pending, seen = [loaded], set()
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, (list, tuple, set)):
            pending.extend(value)
        elif isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
            raise FrontMatterError(
                "a number in the front matter has more than 4,000 digits; put it in quotes"
            )


_BRACKETS = re.compile(r"[\[\]{}]")


def _check_flow_depth(front: str) -> None:
    """Refuse deeply nested [ and { before ruamel.yaml scans them: its scanner revisits every
    open bracket at each token (5,000 nested "[" take 2 s, 250,000 would take hours), long
    before its composer's depth limit is reached. Brackets inside quotes count too: no
    real front matter has 40 of them open at once."""
    depth = 0
    for match in _BRACKETS.finditer(front):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_YAML_DEPTH:
                line = front.count("\n", 0, match.start()) + 2
                raise FrontMatterError(
                    f"the front matter is refused at line {line}: it has lists or mappings "
                    f"nested more than {MAX_YAML_DEPTH} levels deep"
                )
        elif depth:
            depth -= 1


def _yaml_message(error: YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    # +2: the opening --- is line 1 of the file and ruamel counts from 0.
    where = f" at line {mark.line + 2}" if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if type(error).__name__ == "MaxDepthExceededError":
        problem = f"lists or mappings nested more than {MAX_YAML_DEPTH} levels deep"
    if getattr(error, "beyond_limit", False) or "nested more than" in problem:
        return f"the front matter is refused{where}: it has {problem}"
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

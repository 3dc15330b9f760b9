"""A blog's categories (with their hierarchy), tags and authors, fetched from the blog and
kept per account in the cache folder, so completion works offline (no Qt here).

The cache is kept per account (by its name, which is unique): a blog that cannot be reached
still completes from it, whatever its address. Removing an account forgets it (``forget``),
so a new account given the same name starts without the old blog's terms. A damaged cache
file is treated as absent: it is only a copy of what the blog has."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from smugdesk.core.accounts import Account
from smugdesk.core.config import cache_dir
from smugdesk.core.store import atomic_write

STALE_AFTER = dt.timedelta(hours=12)
_FORMAT = 1


def term_key(name: str) -> str:
    """A term name as blogs compare them: unescaped (WordPress sends "Q&amp;A"), NFC, case
    folded, outer spaces trimmed."""
    return unicodedata.normalize("NFC", html.unescape(name)).casefold().strip()


@dataclass(frozen=True)
class Category:
    name: str
    parent: str = ""  # the parent category's name, "" at the top


@dataclass
class BlogTerms:
    categories: list[Category] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    fetched: str = ""  # ISO time, UTC
    formats: list[str] = field(default_factory=list)  # post formats the theme shows

    def age(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        try:
            when = dt.datetime.fromisoformat(self.fetched)
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)  # written by hand or by an older version
        return (now or dt.datetime.now(dt.UTC)) - when

    def stale(self, now: dt.datetime | None = None) -> bool:
        age = self.age(now)
        return age is None or age > STALE_AFTER

    def category_names(self) -> list[str]:
        return [c.name for c in self.categories]

    def tree(self) -> list[tuple[int, Category]]:
        """The categories in the blog's editor order: each under its parent, with its depth;
        siblings by name. A parent that is missing (or a loop) puts a category at the top."""
        names = {c.name for c in self.categories}
        children: dict[str, list[Category]] = {}
        for category in self.categories:
            parent = category.parent if category.parent in names else ""
            children.setdefault(parent, []).append(category)
        shown: list[tuple[int, Category]] = []
        seen: set[str] = set()

        def walk(parent: str, depth: int) -> None:
            for category in sorted(children.get(parent, []), key=lambda c: term_key(c.name)):
                if category.name in seen:
                    continue
                seen.add(category.name)
                shown.append((depth, category))
                walk(category.name, depth + 1)

        walk("", 0)
        for category in self.categories:  # in a loop: never reached from the top
            if category.name not in seen:
                seen.add(category.name)
                shown.append((0, category))
        return shown


def cache_key(account: Account) -> str:
    return hashlib.sha256(account.name.encode("utf-8")).hexdigest()[:24]


def cache_path(account: Account) -> Path:
    return cache_dir() / "terms" / f"{cache_key(account)}.json"


def forget(account: Account) -> None:
    cache_path(account).unlink(missing_ok=True)


def rename(old: Account, new: Account) -> None:
    """The terms follow an account renamed."""
    if old.name != new.name and cache_path(old).exists():
        with contextlib.suppress(OSError):  # only a copy: fetched again when missing
            cache_path(old).replace(cache_path(new))


def save(account: Account, terms: BlogTerms) -> Path:
    path = cache_path(account)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": _FORMAT, "account": account.name, "url": account.url, **asdict(terms)}
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def load(account: Account) -> BlogTerms | None:
    """The terms last fetched for this blog, or None (never fetched, or the file is not one
    this version wrote)."""
    try:
        data = json.loads(cache_path(account).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        return None
    categories = [
        Category(str(item.get("name", "")), str(item.get("parent", "")))
        for item in data.get("categories") or ()
        if isinstance(item, dict) and item.get("name")
    ]
    return BlogTerms(
        categories=categories,
        tags=_strings(data.get("tags")),
        authors=_strings(data.get("authors")),
        fetched=str(data.get("fetched", "")),
        formats=_strings(data.get("formats")),
    )


def _strings(value) -> list[str]:
    return [str(v) for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def fetch(account: Account, secret: str, timeout: float = 30.0) -> BlogTerms:
    """The blog's terms now, from its publisher's ``fetch_terms``; a kind of blog whose
    publisher cannot list them gives empty lists."""
    from smugdesk.publish.remote import make_publisher

    publisher = make_publisher(account, secret, timeout)
    lister = getattr(publisher, "fetch_terms", None)
    terms = lister() if callable(lister) else BlogTerms()
    terms.fetched = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return terms


def refresh(account: Account, secret: str, timeout: float = 30.0) -> BlogTerms:
    """Fetch the blog's terms and keep them in the cache."""
    terms = fetch(account, secret, timeout)
    save(account, terms)
    return terms


def merged(*lists: Iterable[str]) -> list[str]:
    """Names from several lists, each once (as blogs compare names), sorted for reading."""
    seen: dict[str, str] = {}
    for names in lists:
        for name in names:
            name = html.unescape(name).strip()
            if name:
                seen.setdefault(term_key(name), name)
    return sorted(seen.values(), key=term_key)


def new_terms(typed: Iterable[str], known: Iterable[str]) -> list[str]:
    """The typed names the blog does not have yet: publishing will create them."""
    have = {term_key(name) for name in known}
    fresh: dict[str, str] = {}
    for name in typed:
        key = term_key(name)
        if key and key not in have:
            fresh.setdefault(key, name.strip())
    return list(fresh.values())


def remember_made(account: Account, made: list[tuple[str, str]]) -> None:
    """Terms a publish created go into the blog's cached list at once, so the form stops
    calling them new (the next fetch would say the same). Nothing cached: nothing to do."""
    known = load(account)
    if known is None or not made:
        return
    for kind, name in made:
        if kind == "tag" and new_terms([name], known.tags):
            known.tags.append(name)
        elif kind == "category" and new_terms([name], known.category_names()):
            known.categories.append(Category(name))
    with contextlib.suppress(OSError):  # only a copy: fetched again when missing
        save(account, known)


def made_note(made: list[tuple[str, str]]) -> str:
    """One sentence naming the terms a publish created: [("tag", "x"), ("category", "y")]."""
    parts = [f"the {kind} “{name}”" for kind, name in made]
    return "New on the blog, created by this publish: " + ", ".join(parts) + "."

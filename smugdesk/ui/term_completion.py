"""Tags and categories at hand in the post details: completion of the comma-separated lists
from the post's blog (its cached terms) and every tag used in the drafts folder, and the
names the blog does not have yet, which publishing will create."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget

from smugdesk.core.accounts import Account
from smugdesk.publish.terms import BlogTerms, merged, new_terms


def split_names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class TermCompleter(QCompleter):
    """Completes the name being typed after the last comma, and puts the chosen name in its
    place, keeping the names before it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = QStringListModel(self)
        self.setModel(self.names)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def set_names(self, names: list[str]) -> None:
        if self.names.stringList() != names:
            self.names.setStringList(names)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [path.rpartition(",")[2].lstrip()]

    def pathFromIndex(self, index) -> str:  # noqa: N802 (Qt's name)
        chosen = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        widget = self.widget()
        typed = widget.text() if widget is not None and hasattr(widget, "text") else ""
        before, comma, _last = typed.rpartition(",")
        return f"{before}{comma} {chosen}" if comma else chosen


@dataclass
class Vocabulary:
    """What the form completes from: the post's blog and its terms (None when never fetched),
    and the tags used across the drafts folder."""

    blog: str = ""
    terms: BlogTerms | None = None
    drafts_tags: list[str] = field(default_factory=list)
    kind: str = ""  # the blog's kind of account

    def tag_words(self) -> list[str]:
        return merged(self.terms.tags if self.terms else [], self.drafts_tags)

    def category_words(self) -> list[str]:
        if self.kind == "micropub":  # one list: categories go with the tags
            return self.tag_words()
        return merged(self.terms.category_names() if self.terms else [])

    def to_create(self, tags_text: str, categories_text: str) -> list[tuple[str, str]]:
        """(tag/category, name) the blog does not have: a publish will create them. Empty
        when the blog's terms are not known (nothing can be said then)."""
        if self.terms is None or self.kind == "micropub":
            return []  # unknown, or a blog whose categories are free words
        made = [("tag", name) for name in new_terms(split_names(tags_text), self.terms.tags)]
        made += [
            ("category", name)
            for name in new_terms(split_names(categories_text), self.terms.category_names())
        ]
        return made


def blog_for_post(places_accounts: list[str], accounts: list[Account]) -> Account | None:
    """The blog a post's terms come from: the first blog it is published on that is still an
    account, else the only account there is."""
    by_name = {account.name: account for account in accounts}
    for name in places_accounts:
        if name in by_name:
            return by_name[name]
    return accounts[0] if len(accounts) == 1 else None

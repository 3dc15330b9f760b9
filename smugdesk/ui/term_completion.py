"""Tags and categories at hand in the post details: completion of the comma-separated lists
from the post's blog (its cached terms) and every tag used in the drafts folder, and the
names the blog does not have yet, which publishing will create."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QTreeWidget, QTreeWidgetItem, QWidget

from smugdesk.core.accounts import Account
from smugdesk.publish.terms import BlogTerms, merged, new_terms, term_key


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


class CategoryTree(QTreeWidget):
    """The blog's categories as a checkable tree, each under its parent, as in the blog's
    own editor; ``chosen`` gives the field's new list when a box is ticked or cleared."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setHeaderHidden(True)
        self.setAccessibleName(self.tr("Categories"))
        self.setRootIsDecorated(True)
        self._typed: list[str] = []
        self.itemChanged.connect(self._changed)

    def fill(self, blog: BlogTerms, typed: str) -> None:
        """The tree for ``blog`` with the names in ``typed`` (the field's text) ticked."""
        self._typed = split_names(typed)
        ticked = {term_key(name) for name in self._typed}
        self.blockSignals(True)
        self.clear()
        parents: list[QTreeWidgetItem] = []
        for depth, category in blog.tree():
            del parents[depth:]
            owner = parents[-1] if parents else self.invisibleRootItem()
            item = QTreeWidgetItem(owner, [category.name])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticks = term_key(category.name) in ticked
            item.setCheckState(0, Qt.CheckState.Checked if ticks else Qt.CheckState.Unchecked)
            parents.append(item)
        self.expandAll()
        self.blockSignals(False)

    def items(self) -> list[QTreeWidgetItem]:
        """Every category, in the order shown (each before its children)."""
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            for row in range(item.childCount()):
                found.append(item.child(row))
                walk(item.child(row))

        walk(self.invisibleRootItem())
        return found

    def _changed(self, item: QTreeWidgetItem, _column: int) -> None:
        name = item.text(0)
        kept = [n for n in self._typed if term_key(n) != term_key(name)]
        if item.checkState(0) == Qt.CheckState.Checked:
            kept.append(name)
        self._typed = kept
        self.chosen.emit(", ".join(kept))


def blog_for_post(places_accounts: list[str], accounts: list[Account]) -> Account | None:
    """The blog a post's terms come from: the first blog it is published on that is still an
    account, else the only account there is."""
    by_name = {account.name: account for account in accounts}
    for name in places_accounts:
        if name in by_name:
            return by_name[name]
    return accounts[0] if len(accounts) == 1 else None

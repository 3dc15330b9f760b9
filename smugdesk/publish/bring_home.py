"""Finishing a conflict from the command line: the blog's version of a post comes home next
to the draft holding it, with a unified diff to read, or replaces that draft (the old text
goes to the library's trash, restorable). No Qt."""

from __future__ import annotations

import difflib
from pathlib import Path

from smugdesk.core.accounts import Account
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.library import trash_post
from smugdesk.core.post import serialize_post
from smugdesk.core.store import atomic_write, load_post
from smugdesk.publish.download import _drafts_with_ids, remote_to_post, save_server_copy
from smugdesk.publish.remote import RemotePost


def local_draft(drafts: Path, account: Account, remote: RemotePost) -> Path | None:
    """The draft that records ``remote`` as its place on ``account``, if one does."""
    return _drafts_with_ids(drafts, account.name).get(remote.id)


def copy_beside(remote: RemotePost, draft: Path | None, drafts: Path) -> Path:
    """The blog's version as a new draft next to ``draft`` (or in ``drafts``): a plain copy
    that records no place, so publishing it can never replace anything."""
    beside = draft or drafts / f"{remote.slug or 'post'}.md"
    drafts.mkdir(parents=True, exist_ok=True)
    return save_server_copy(remote, beside)


def body_diff(draft: Path, copy: Path) -> str:
    """What differs between the draft's text and the blog's, as a unified diff."""
    mine = load_post(draft).body.strip().splitlines()
    theirs = load_post(copy).body.strip().splitlines()
    lines = difflib.unified_diff(mine, theirs, f"{draft.name} (yours)", copy.name, lineterm="")
    return "\n".join(lines)


def refresh_draft(draft: Path, remote: RemotePost, account: Account, drafts: Path) -> Path:
    """Replace ``draft`` with the blog's version, keeping the blog's (the writer chose it):
    the old text goes to the trash first, and the draft records the server's stamp, so
    the next publish is an ordinary update. Returns where the old text went."""
    post = remote_to_post(remote, account)
    try:
        trashed = trash_post(drafts, draft)
    except SmugdeskError as error:
        raise SmugdeskError(f"{draft.name} was not refreshed: {error}") from None
    atomic_write(draft, serialize_post(post).encode("utf-8"))
    return trashed.path

"""Publishing a post that is saved on disk (the CLI, the queue): read it, publish it, and
record the outcome in it with an atomic save that refuses if the file changed meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smugdesk.core.accounts import Account
from smugdesk.core.front_edit import set_values
from smugdesk.core.post import parse_post
from smugdesk.core.store import PostFile
from smugdesk.publish.base import Progress, no_progress
from smugdesk.publish.publishing import Outcome, publish_post
from smugdesk.publish.queue import PublishQueue
from smugdesk.publish.remote import OfflineError, make_publisher


def publish_file(
    path: Path,
    account: Account,
    secret: str,
    *,
    status: str | None = None,
    overwrite: bool = False,
    recreate: bool = False,
    drafts: Path | None = None,
    queue: PublishQueue | None = None,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
) -> Outcome:
    """No network: the post joins ``queue`` (if given) and OfflineError is raised as is."""
    binding, text = PostFile.read(path)
    post = parse_post(text, binding.path)
    publisher = make_publisher(account, secret)
    try:
        outcome = publish_post(
            post,
            account,
            publisher,
            status=status,
            overwrite=overwrite,
            recreate=recreate,
            drafts=drafts,
            progress=progress,
            cancelled=cancelled,
        )
    except OfflineError as error:
        if queue is not None:
            queue.add(path, account.name, status or "", str(error))
        raise
    sent = set_values(text, outcome.front).text
    binding.save_text(sent, cause="publish")
    _mark_published(binding.path, sent, account.name)
    if queue is not None:
        queue.remove(path, account.name)
    return outcome


def _mark_published(path: Path, text: str, blog: str) -> None:
    """The version the blog received, marked with its name in the post's history."""
    from smugdesk.core import history  # brings sqlite3: only once something was published

    history.record(path, text, "publish", blog)

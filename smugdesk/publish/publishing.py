"""One publish of one post to one account, whatever the kind of blog: images uploaded once,
links and embeds in the target's idiom, create or update, conflicts and deletions on the
server detected, and what happened returned as front-matter changes for the caller to save.

Nothing here writes the draft: the caller applies ``Outcome.front`` to the text (the UI as an
undoable edit, the CLI as an atomic save), so a failed publish leaves the draft untouched.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smugdesk.core.accounts import Account
from smugdesk.core.config import cache_dir
from smugdesk.core.drafts import path_for_slug
from smugdesk.core.embeds import parse_embed
from smugdesk.core.errors import SmugdeskError
from smugdesk.core.figures import figures_in_html
from smugdesk.core.markdown_source import replace_url_paragraphs, rewrite_targets
from smugdesk.core.post import WORDPRESS_FORMATS, Post, parse_date
from smugdesk.core.render import POST_PREFIX, Renderer
from smugdesk.core.store import load_post
from smugdesk.publish.base import Progress, no_progress
from smugdesk.publish.image_prep import (
    ImageCache,
    blog_settings,
    human_size,
    keep_metadata_for,
    prepare_all,
)
from smugdesk.publish.media_cache import MediaCache, content_hash
from smugdesk.publish.pending import PendingCreates, post_key
from smugdesk.publish.published_state import KEY, Placement, now_stamp, placement, with_placement
from smugdesk.publish.remote import (
    AuthError,
    CancelledError,
    OfflineError,
    Payload,
    Publisher,
    PublishError,
    RefusedError,
    RemoteMissingError,
    RemotePost,
    guess_mime,
)
from smugdesk.publish.site import local_image, skipped_images
from smugdesk.publish.slugs import blog_slug

EXCERPT_KEYS = ("summary", "excerpt", "description")
FEATURED_KEYS = ("image", "featured_image", "cover")
# Front-matter status → what the server is asked for; and back after a publish.
_ASK = {"published": "publish", "publish": "publish", "scheduled": "future", "future": "future"}
_LOCAL = {"publish": "published", "future": "scheduled", "private": "published", "draft": "draft"}


class RemoteChangedError(PublishError):
    """The server's copy was edited since the last publish: overwriting would lose that."""

    def __init__(self, remote: RemotePost, recorded: Placement) -> None:
        super().__init__(
            "the post was changed on the blog since smugdesk last published it "
            f"(server: {remote.modified or 'unknown'}, then: {recorded.modified or 'unknown'})"
        )
        self.remote = remote
        self.recorded = recorded


@dataclass
class Outcome:
    remote: RemotePost
    created: bool
    front: dict[str, Any]  # front-matter keys to set in the draft
    uploaded: int = 0  # images sent now (cached ones not counted)
    notes: list[str] = field(default_factory=list)


def asked_status(post: Post, status: str | None) -> str:
    if status:
        return "future" if status == "scheduled" else status
    return _ASK.get(str(post.meta.get("status") or "").lower(), "draft")


def post_datetime(post: Post) -> dt.datetime | None:
    value = parse_date(post.meta.get("date"))
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(9, 0))
    return value if value.tzinfo else value.astimezone()


def post_format(post: Post) -> str:
    """The post's WordPress format (``format: aside``), or "" to leave the blog's as it is
    (a value WordPress does not know is not sent: the check names it)."""
    value = str(post.meta.get("format") or "").strip().lower()
    return value if value in WORDPRESS_FORMATS else ""


def _first_text(post: Post, keys: tuple[str, ...]) -> str:
    for key in keys:
        value = post.meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


class _Job:
    def __init__(self, post, account, publisher, progress, cancelled, media_folder, drafts):
        self.post = post
        self.account = account
        self.publisher = publisher
        self.progress = progress
        self.cancelled = cancelled
        self.cache = MediaCache(account.name, media_folder)
        self.pending = PendingCreates(account.name, media_folder or cache_dir() / "media")
        self.drafts = drafts
        self.base = post.path.parent if post.path else Path.cwd()
        self.uploaded = 0
        self.notes: list[str] = []

    def check_cancel(self) -> None:
        if self.cancelled():
            raise CancelledError("publishing was cancelled; the draft is unchanged")

    def images(self) -> list[Path]:
        found: list[Path] = []

        def note(target: str, is_image: bool) -> None:
            path = local_image(target, self.base) if is_image else None
            if path and path not in found:
                found.append(path)

        rewrite_targets(self.post.body, note)
        # Files outside the post's folder, or not images, never leave the machine: say which.
        self.notes.extend(
            f"not uploaded: {item}" for item in skipped_images(self.post.body, self.base)
        )
        featured = self.featured_path()
        if featured and featured not in found:
            found.append(featured)
        return found

    def featured_path(self) -> Path | None:
        if not self.publisher.capabilities.featured_image:
            return None
        name = _first_text(self.post, FEATURED_KEYS)
        return local_image(name, self.base) if name else None

    def upload_all(self, paths: list[Path], steps: int) -> dict[Path, Any]:
        """Upload the blog's versions of the images (made from the originals: upright,
        without metadata unless kept, no larger than the blog's limit), each once."""
        self.check_cancel()
        self.progress(0, steps, f"Preparing {len(paths)} image(s)")
        made, failed = prepare_all(
            paths,
            blog_settings(self.account.name),
            ImageCache(),
            lambda done, total, _said: self.progress(
                0, steps, f"Preparing image {done} of {total}"
            ),
            keep=keep_metadata_for(self.post.meta, self.base),
            cancelled=self.cancelled,
        )
        self.check_cancel()
        self.notes.extend(f"not uploaded: {error}" for error in failed.values())
        if made:
            before = sum(item.original_bytes for item in made.values())
            after = sum(len(item.data) for item in made.values())
            count = f"{len(made)} image{'s' if len(made) != 1 else ''}"
            self.notes.append(f"images: {count}, {human_size(before)} → {human_size(after)}")
        sent = {}
        for number, path in enumerate(paths, start=1):
            self.check_cancel()
            if path not in made:
                continue
            prepared = made[path]
            self.progress(
                number - 1,
                steps,
                f"Uploading image {number} of {len(paths)}: {prepared.name} ({prepared.saving()})",
            )
            digest = content_hash(prepared.data)
            media = self.cache.get(digest)
            if media is not None and not self.still_there(media):
                self.notes.append(
                    f"{path.name} was gone from the blog's media library: uploaded it again"
                )
                media = None
            if media is None:
                self.check_cancel()
                mime = prepared.mime
                if mime == "application/octet-stream":
                    mime = guess_mime(path)
                media = self.publisher.upload(prepared.name, prepared.data, mime)
                self.cache.put(digest, media)
                self.uploaded += 1
            sent[path] = media
        return sent

    def still_there(self, media: Any) -> bool:
        """A cached upload is reused only if the blog still has it (a writer may have
        deleted it from the media library); publishers that cannot tell are trusted."""
        check = getattr(self.publisher, "media_exists", None)
        if check is None:
            return True
        self.check_cancel()
        return bool(check(media.id))

    def other_post_url(self, slug: str) -> str:
        path = path_for_slug(self.drafts, slug) if self.drafts else None
        try:
            other = load_post(path) if path else None
        except SmugdeskError:
            other = None
        place = placement(other, self.account.name) if other else None
        if place is None or not place.url:
            raise PublishError(
                f"this post links to the draft “{slug}”, which is not on "
                f"{self.account.name} yet; publish that post first"
            )
        return place.url

    def html(self, sent: dict[Path, Any]) -> str:
        def target(value: str, is_image: bool) -> str | None:
            if value.startswith(POST_PREFIX):
                return self.other_post_url(value[len(POST_PREFIX) :])
            path = local_image(value, self.base) if is_image else None
            return sent[path].url if path in sent else None

        def embed(url: str) -> str | None:
            if self.publisher.embed_style == "url" and parse_embed(url):
                return f"<p>{url}</p>"  # the blog turns a URL alone in a paragraph into a player
            return None

        body = replace_url_paragraphs(rewrite_targets(self.post.body, target), embed)
        # A captioned, aligned or sized image as WordPress's image block writes it.
        return figures_in_html(Renderer(embeds="iframe").render(body), wordpress=True)

    def payload(self, status: str, sent: dict[Path, Any]) -> Payload:
        caps = self.publisher.capabilities
        featured = self.featured_path()
        date = post_datetime(self.post) if caps.scheduled or status != "future" else None
        return Payload(
            title=self.post.title,
            html=self.html(sent),
            # A blog that cannot schedule gets a draft: never more public, nor sooner, than asked.
            status=status if caps.scheduled or status != "future" else "draft",
            slug=blog_slug(self.post, self.account.name) if caps.slug else "",
            excerpt=_first_text(self.post, EXCERPT_KEYS) if caps.excerpt else "",
            date=date,
            tags=self.post.tags if caps.tags else [],
            # A blog without categories of its own may still take them (Micropub: in its one
            # category list, with the tags); the publisher decides.
            categories=self.post.categories,
            featured_media=sent[featured].id if featured in sent else "",
            format=post_format(self.post),
        )


def publish_post(
    post: Post,
    account: Account,
    publisher: Publisher,
    *,
    status: str | None = None,
    overwrite: bool = False,
    recreate: bool = False,
    progress: Progress = no_progress,
    cancelled: Callable[[], bool] = lambda: False,
    drafts: Path | None = None,
    media_folder: Path | None = None,
) -> Outcome:
    """Create or update ``post`` on ``account``. Raises ``RemoteChangedError`` (unless
    ``overwrite``) when the server copy was edited since the last publish and
    ``RemoteMissingError`` (unless ``recreate``) when it was deleted there."""
    job = _Job(post, account, publisher, progress, cancelled, media_folder, drafts)
    wanted = asked_status(post, status)
    recorded = None if recreate else placement(post, account.name)
    images = job.images()
    steps = len(images) + 2
    if recorded is not None:
        job.check_cancel()
        progress(0, steps, "Checking the post on the blog")
        current = publisher.get(recorded.id)
        if current is None:
            raise RemoteMissingError(
                f"the post was deleted from {account.name} since it was published; "
                "publish it again to create it anew"
            )
        if not overwrite and recorded.modified and current.modified != recorded.modified:
            raise RemoteChangedError(current, recorded)
    sent = job.upload_all(images, steps)
    payload = job.payload(wanted, sent)
    job.check_cancel()
    if recorded is not None:
        progress(steps - 2, steps, "Updating the post")
        remote, created = publisher.update(recorded.id, payload), False
    else:
        progress(steps - 2, steps, "Creating the post")
        remote, created = _create_once(job, payload), True
    progress(steps - 1, steps, "Recording where it went")
    there = remote.status or payload.status
    place = Placement(remote.id, remote.url, now_stamp(), remote.modified, there, remote.slug)
    front: dict[str, Any] = {KEY: with_placement(post, account.name, place)}
    if not str(post.meta.get("blog") or "").strip():
        front["blog"] = account.name  # the blog a draft is for, from its first publish on
    local = _LOCAL.get(there)
    if local and str(post.meta.get("status") or "") != local:
        front["status"] = local
    progress(steps, steps, "Published")
    notes = job.notes + _taken_notes(publisher)
    return Outcome(remote, created, front, job.uploaded, notes)


def _taken_notes(publisher: Publisher) -> list[str]:
    notes = getattr(publisher, "notes", None)
    if not isinstance(notes, list):
        return []
    taken = list(notes)
    notes.clear()
    return taken


FOUND_NOTE = (
    "The blog's answer to the create was lost ({why}); smugdesk found the post it had made "
    "and recorded it instead of creating another."
)


def _create_once(job: _Job, payload: Payload) -> RemotePost:
    """Create the post once, whatever the network does. Any answer after the create went out
    other than a clear refusal (a timeout, a dropped connection, a 5xx, a gateway's HTML
    page, an answer of the wrong shape) means it may exist: look for it before anything
    creates it again — now, and at the next publish if the look fails too."""
    publisher = job.publisher
    key = post_key(job.post.path, payload.slug)
    earlier = job.pending.marker(key)
    if earlier is not None:
        payload.marker = earlier
        job.check_cancel()
        try:
            found = _look(publisher, payload)
        except PublishError as error:
            # Creating without knowing could make the twin this note exists to prevent.
            said = (
                "an earlier publish of this post may have made it on the blog, and smugdesk "
                f"cannot check: {error}"
            )
            raise _same_kind(error, said) from None
        if found is not None:
            job.pending.settled(key)
            job.notes.append(FOUND_NOTE.format(why="at an earlier publish"))
            return found
    payload.marker = job.pending.sending(key, earlier)
    job.check_cancel()
    try:
        made = publisher.create(payload)
    except (AuthError, RefusedError, CancelledError):
        job.pending.settled(key)  # refused outright: nothing was made
        raise
    except PublishError as error:
        lost = error
        try:
            found = _look(publisher, payload)
        except PublishError as look_error:
            found = None
            if isinstance(look_error, OfflineError):
                lost = look_error  # the site is gone now: the post can wait in the queue
        if found is not None:
            job.pending.settled(key)
            job.notes.append(FOUND_NOTE.format(why=lost))
            return found
        said = (
            f"{lost}. The post may have been made anyway: the next publish looks for it "
            "on the blog before creating it again"
        )
        raise _same_kind(lost, said) from None
    job.pending.settled(key)
    return made


def _same_kind(error: PublishError, message: str) -> PublishError:
    """``message`` as the same kind of error: an OfflineError still queues the post."""
    try:
        return type(error)(message)
    except TypeError:
        return PublishError(message)


def _look(publisher: Publisher, payload: Payload) -> RemotePost | None:
    """The post a lost create made, if the blog has it, else None; raises the PublishError
    of a look that could not be made (the caller decides what not knowing means)."""
    accepts = inspect.signature(publisher.find).parameters
    extra: dict[str, Any] = {}
    if "marker" in accepts:
        extra["marker"] = payload.marker
    if "date" in accepts:
        extra["date"] = payload.date
    return publisher.find(payload.slug, payload.title, **extra)

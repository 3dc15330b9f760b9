"""Post files as a writer handles them: new, rename, duplicate, move to trash and back.

Nothing is ever deleted: "delete" moves the post (and its ``<name>.assets`` folder) into a
``.trash`` folder inside the drafts folder, with a note of where it came from, and restore
puts it back. Every write is atomic, and an operation that cannot finish leaves the files
as they were.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from smugdesk.core.assets import assets_dir as assets_folder
from smugdesk.core.errors import SaveError, SmugdeskError
from smugdesk.core.library_scan import TRASH_FOLDER
from smugdesk.core.post import new_post, slugify
from smugdesk.core.store import atomic_write, load_post, save_post, unique_path

_ORIGINS = ".origins.json"  # in the trash folder: trashed name -> where it was, and when
_PRIVATE_KEYS = ("published", "export")  # a copy has not been published or exported


class LibraryError(SmugdeskError):
    pass


@dataclass(frozen=True)
class TrashedPost:
    path: Path  # in the trash
    original: Path  # where restore puts it (or next to it, if that name is taken again)
    trashed_at: str  # ISO 8601

    @property
    def name(self) -> str:
        return self.original.name


def create_post(drafts: Path, title: str, folder: Path | None = None) -> Path:
    """A new draft with ``title``, saved under a unique file name made from it."""
    title = title.strip()
    if not title:
        raise LibraryError("a new post needs a title")
    target = Path(folder or drafts)
    target.mkdir(parents=True, exist_ok=True)
    post = new_post(title)
    post.path = unique_path(target, slugify(title) or "untitled")
    return save_post(post, post.path)


def rename_post(path: Path, title: str) -> Path:
    """Give a post a new title and the file name that goes with it (its images folder
    follows). A post already published keeps its slug, so its URL does not change."""
    title = title.strip()
    if not title:
        raise LibraryError("the title cannot be empty")
    path = Path(path)
    post = load_post(path)
    was_public = bool(post.meta.get("published")) or str(post.meta.get("status")) in (
        "published",
        "publish",
    )
    if was_public and not post.meta.get("slug"):
        post.set("slug", post.slug)
    post.set("title", title)
    stem = slugify(title) or "untitled"
    target = path if stem == path.stem else unique_path(path.parent, stem, path.suffix)
    old_assets, new_assets = assets_folder(path), assets_folder(target)
    if target != path and old_assets.is_dir():
        post.body = _relink_assets(post.body, old_assets.name, new_assets.name)
    save_post(post, target, overwrite=target == path)
    if target != path:
        if old_assets.is_dir():
            os.replace(old_assets, new_assets)
        path.unlink()
    return target


def duplicate_post(path: Path) -> Path:
    """A copy beside the original, titled "… (copy)", back to draft, never published, with
    its own copy of the images."""
    path = Path(path)
    post = load_post(path)
    post.set("title", f"{post.title} (copy)")
    for key in _PRIVATE_KEYS:
        if key in post.meta:
            del post.meta[key]
    if "slug" in post.meta:
        del post.meta["slug"]
    if "status" in post.meta:
        post.set("status", "draft")  # published or scheduled: the copy was neither
    target = unique_path(path.parent, f"{path.stem}-copy", path.suffix)
    old_assets, new_assets = assets_folder(path), assets_folder(target)
    if old_assets.is_dir():
        shutil.copytree(old_assets, new_assets)
        post.body = _relink_assets(post.body, old_assets.name, new_assets.name)
    post.path = None
    return save_post(post, target)


def _relink_assets(body: str, old: str, new: str) -> str:
    """Image links into the post's own folder follow the folder's new name."""
    for opener in ("](", '="', "='", "]: "):
        body = body.replace(f"{opener}{old}/", f"{opener}{new}/")
    return body


# ----- trash ---------------------------------------------------------------------------
def trash_folder(drafts: Path) -> Path:
    return Path(drafts) / TRASH_FOLDER


def trash_post(drafts: Path, path: Path) -> TrashedPost:
    """Move a post and its images folder to the trash. Returns where it went."""
    drafts, path = Path(drafts).absolute(), Path(path).absolute()
    if not path.is_file():
        raise LibraryError(f"{path.name} is not there any more")
    trash = trash_folder(drafts)
    trash.mkdir(exist_ok=True)
    target = _free_name(trash / path.name)
    origins = _read_origins(trash)
    origins[target.name] = {
        "original": _relative(drafts, path),
        "trashed_at": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
    }
    # The note first: a crash between the two leaves a harmless extra line, never a post
    # in the trash that does not know its way home.
    _write_origins(trash, origins)
    try:
        os.replace(path, target)
    except OSError as error:
        raise LibraryError(f"could not move {path.name} to the trash: {error.strerror}") from None
    assets = assets_folder(path)
    if assets.is_dir():
        os.replace(assets, assets_folder(target))
    note = origins[target.name]
    return TrashedPost(target, drafts / note["original"], note["trashed_at"])


def trashed_posts(drafts: Path) -> list[TrashedPost]:
    """What is in the trash, most recently trashed first."""
    trash = trash_folder(drafts)
    if not trash.is_dir():
        return []
    origins = _read_origins(trash)
    found = []
    for item in trash.iterdir():
        if item.name.startswith(".") or not item.is_file():
            continue
        note = origins.get(item.name, {})
        original = Path(drafts) / note.get("original", item.name)
        found.append(TrashedPost(item, original, note.get("trashed_at", "")))
    return sorted(found, key=lambda post: post.trashed_at, reverse=True)


def restore_post(drafts: Path, trashed: TrashedPost) -> Path:
    """Put a trashed post back where it was (beside it under a new name if that place was
    taken meanwhile). Never replaces a file: returns where the post went."""
    trash = trash_folder(drafts)
    original = trashed.original
    original.parent.mkdir(parents=True, exist_ok=True)
    target = _move_to_free_name(trashed.path, original)
    assets = assets_folder(trashed.path)
    if assets.is_dir() and not assets_folder(target).exists():
        os.replace(assets, assets_folder(target))
    origins = _read_origins(trash)
    origins.pop(trashed.path.name, None)
    _write_origins(trash, origins)
    return target


_MOVE_ATTEMPTS = 20


def _move_to_free_name(source: Path, wanted: Path) -> Path:
    """Move ``source`` to ``wanted`` or the first free ``name-N`` beside it, never over an
    existing file: the move is a hard link (which fails on a taken name, even one taken
    after the check by another program) and then an unlink. Where hard links are not
    possible (FAT, some network shares) a rename after the check is all there is."""
    for _attempt in range(_MOVE_ATTEMPTS):
        target = _free_name(wanted)
        try:
            os.link(source, target, follow_symlinks=False)
        except FileExistsError:
            continue  # taken between the check and the link: try the next name
        except OSError:
            return _rename(source, target)
        try:
            os.unlink(source)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise LibraryError(f"could not restore {wanted.name}: {error.strerror}") from None
        return target
    raise LibraryError(f"could not restore {wanted.name}: no free name beside it")


def _rename(source: Path, target: Path) -> Path:
    try:
        os.replace(source, target)
    except OSError as error:
        raise LibraryError(f"could not restore {target.name}: {error.strerror}") from None
    return target


def _free_name(path: Path) -> Path:
    """``path``, or ``name-2.md``, ``name-3.md``… beside it: the writer's own file name is
    kept as it is (not made into a slug). A dangling link counts as taken."""
    candidate, number = path, 2
    while os.path.lexists(candidate) or assets_folder(candidate).exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _relative(drafts: Path, path: Path) -> str:
    try:
        return str(path.relative_to(drafts))
    except ValueError:
        return path.name  # a post from elsewhere comes back to the drafts folder's top


def _read_origins(trash: Path) -> dict:
    try:
        data = json.loads((trash / _ORIGINS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_origins(trash: Path, origins: dict) -> None:
    try:
        atomic_write(trash / _ORIGINS, json.dumps(origins, indent=1).encode("utf-8"))
    except SaveError as error:
        raise LibraryError(f"could not write the trash's notes: {error}") from None

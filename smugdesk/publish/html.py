"""Standalone HTML page: the post with its stylesheet inlined and its images beside it."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from smugdesk.core.post import Post
from smugdesk.core.render import Renderer, render_page, render_post
from smugdesk.core.store import atomic_write
from smugdesk.publish.base import ExportError, ExportResult, Option, Progress, no_progress

_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


def local_image_path(src: str, base: Path) -> Path | None:
    """The file an ``<img src>`` points at, when it is a local file that exists."""
    parts = urlsplit(src)
    if parts.scheme not in ("", "file") or parts.netloc or not parts.path:
        return None
    path = Path(unquote(parts.path))
    candidate = path if path.is_absolute() else base / path
    return candidate if candidate.is_file() else None


def copy_images(
    body_html: str, source_dir: Path, out_dir: Path, assets: str
) -> tuple[str, list[Path]]:
    """Copy local images next to the page; keep clean relative paths, move others to ``assets``."""
    written: list[Path] = []
    taken: dict[Path, str] = {}

    def place(match: re.Match) -> str:
        prefix, quote, src = match.groups()
        found = local_image_path(src, source_dir)
        if found is None:
            return match.group(0)
        found = found.resolve()
        if found not in taken:
            relative = Path(unquote(urlsplit(src).path))
            inside = not relative.is_absolute() and ".." not in relative.parts
            target_rel = relative.as_posix() if inside else f"{assets}/{found.name}"
            target = out_dir / target_rel
            if target.resolve() != found:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(found, target)
            written.append(target)
            taken[found] = target_rel
        return f"{prefix}{quote}{taken[found]}{quote}"

    return _IMG_SRC.sub(place, body_html), written


class HtmlExporter:
    name = "html"
    label = "Standalone HTML page"
    options = (
        Option("assets", str, "images", "folder for images that are not already beside the post"),
        Option("lang", str, "en", "language of the page (the html lang attribute)"),
    )

    def available(self) -> tuple[bool, str]:
        return True, ""

    def export(
        self,
        post: Post,
        destination: Path,
        options: dict[str, Any],
        progress: Progress = no_progress,
    ) -> ExportResult:
        destination = Path(destination)
        try:
            destination.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ExportError(f"cannot create {destination}: {error.strerror or error}") from None
        progress(0, 3, "Rendering")
        # Other drafts exported the same way sit beside this page as <slug>.html.
        rendered = render_post(post, Renderer(resolve_post=lambda slug: f"{slug}.html"))
        source_dir = post.path.parent if post.path else Path.cwd()
        progress(1, 3, "Copying images")
        try:
            body, written = copy_images(
                rendered.body_html, source_dir, destination, options["assets"]
            )
        except OSError as error:
            raise ExportError(f"could not copy an image: {error}") from None
        page = render_page(replace(rendered, body_html=body), lang=options["lang"])
        progress(2, 3, "Writing the page")
        target = destination / f"{post.slug}.html"
        atomic_write(target, page.encode("utf-8"))
        progress(3, 3, "Done")
        return ExportResult(location=str(target), written=[target, *written])

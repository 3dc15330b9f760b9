"""What every exporter is: a name, a label, typed options, and ``export``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from smugdesk.core.errors import SmugdeskError
from smugdesk.core.post import Post

# progress(done, total, message); exporters call it between steps so the UI can show it.
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:
    """The progress callback used when nobody is watching."""


class ExportError(SmugdeskError):
    """An export failed; the message says what to do about it. The post is untouched."""


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    help: str


@dataclass
class ExportResult:
    location: str  # a file path or a URL
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the writer: what was left out, why


@runtime_checkable
class Exporter(Protocol):
    name: str
    label: str
    options: tuple[Option, ...]

    def available(self) -> tuple[bool, str]:
        """Whether it can run here, and if not, why."""
        ...

    def export(
        self, post: Post, destination: Path, options: dict[str, Any], progress: Progress
    ) -> ExportResult: ...


def resolve_options(exporter: Exporter, given: dict[str, str | Any]) -> dict[str, Any]:
    """Options with defaults filled in and text values (from ``--set``) converted."""
    known = {option.name: option for option in exporter.options}
    unknown = sorted(set(given) - set(known))
    if unknown:
        names = ", ".join(known) or "none"
        raise ExportError(
            f"{exporter.name} has no option {', '.join(unknown)} (its options: {names})"
        )
    values = {name: option.default for name, option in known.items()}
    for name, value in given.items():
        option = known[name]
        if isinstance(value, str) and option.type is bool:
            value = value.strip().lower() in ("1", "true", "yes", "on")
        elif isinstance(value, str) and option.type is not str:
            try:
                value = option.type(value)
            except ValueError:
                raise ExportError(
                    f"option {name} expects {option.type.__name__}, got {value!r}"
                ) from None
        values[name] = value
    return values

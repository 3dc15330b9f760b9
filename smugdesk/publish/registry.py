"""Discovery of exporters through the ``smugdesk.exporters`` entry-point group.

Discovery runs once and is cached. A plug-in that fails to import or to construct, or
takes too long to, is reported by name with its reason and skipped (see ``plugins``); a
second exporter with a name already taken is reported and refused rather than silently
shadowing the first. A third-party exporter is kept behind ``GuardedExporter``, so that
its ``available()`` or ``export()`` going wrong is a message, not the end of the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from smugdesk.publish.base import Exporter, ExportError
from smugdesk.publish.plugins import PluginError, PluginRefusedError, guarded, load_group

GROUP = "smugdesk.exporters"


@dataclass(frozen=True)
class Registry:
    exporters: dict[str, Exporter]
    problems: tuple[str, ...]

    def get(self, name: str) -> Exporter:
        try:
            return self.exporters[name]
        except KeyError:
            known = ", ".join(sorted(self.exporters)) or "none"
            raise ExportError(f"no exporter called {name!r} (installed: {known})") from None


class GuardedExporter:
    """A third-party exporter: its name, label and options read once when loaded, its
    calls made under guard. Anything else is looked up on the plug-in itself."""

    def __init__(self, inner: Any, name: str, label: str, options: tuple) -> None:
        self._inner = inner
        self.name = name
        self.label = label
        self.options = options

    def available(self) -> tuple[bool, str]:
        try:
            answer = guarded(self._inner.available)
        except PluginError as failure:
            return False, f"its availability check failed ({failure})"
        if not (isinstance(answer, tuple) and len(answer) == 2):
            return False, f"its availability check answered {answer!r}"
        return bool(answer[0]), str(answer[1])

    def export(self, post: Any, destination: Path, options: dict[str, Any], progress: Any):
        try:
            return guarded(lambda: self._inner.export(post, destination, options, progress))
        except PluginError as failure:
            raise ExportError(f"the {self.name} exporter failed: {failure}") from None

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._inner, attribute)


def _make_exporter(factory: Any, point: Any) -> Exporter:
    """The exporter an entry point names, checked (under the plug-in guard)."""
    exporter = factory()
    if not isinstance(exporter, Exporter):
        raise PluginRefusedError(
            "it is not an exporter (it needs name, label, options, available and export)"
        )
    if exporter.name != point.name:
        raise PluginRefusedError(
            f"it calls itself {exporter.name!r}, not {point.name!r} as it is registered"
        )
    if point.value.startswith("smugdesk."):
        return exporter  # smugdesk's own code: nothing to guard
    return GuardedExporter(
        exporter, str(exporter.name), str(exporter.label), tuple(exporter.options)
    )


@lru_cache(maxsize=1)
def registry() -> Registry:
    found, problems = load_group(GROUP, "exporter", _make_exporter)
    return Registry({item.name: item.obj for item in found}, tuple(problems))

"""Discovery of exporters through the ``smugdesk.exporters`` entry-point group.

Discovery runs once and is cached. A plug-in that fails to import or to construct is
reported by name with its error and skipped; a second exporter with a name already taken is
reported and refused rather than silently shadowing the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from smugdesk.publish.base import Exporter, ExportError

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


def _discovery_order(point) -> tuple[bool, str, str]:
    """smugdesk's own exporters first, so no plug-in can take a built-in's name."""
    dist = point.dist.name if point.dist else ""
    return (dist != "smugdesk", dist, point.name)


@lru_cache(maxsize=1)
def registry() -> Registry:
    from importlib.metadata import entry_points  # 30 ms: only when exporters are wanted

    exporters: dict[str, Exporter] = {}
    problems: list[str] = []
    for point in sorted(entry_points(group=GROUP), key=_discovery_order):
        source = f"{point.name} ({point.value})"
        if point.name in exporters:
            problems.append(f"exporter {source} refused: the name {point.name!r} is already taken")
            continue
        try:
            exporter = point.load()()
        except Exception as error:  # a broken plug-in must never take the app down
            problems.append(f"exporter {source} could not be loaded: {error!r}")
            continue
        if not isinstance(exporter, Exporter):
            problems.append(
                f"exporter {source} is not an exporter (it needs name, label, options, "
                "available and export)"
            )
            continue
        if exporter.name != point.name:
            problems.append(
                f"exporter {source} refused: it calls itself {exporter.name!r}, "
                f"not {point.name!r} as it is registered"
            )
            continue
        exporters[point.name] = exporter
    return Registry(exporters, tuple(problems))

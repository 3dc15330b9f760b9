"""Files shipped in ``resources/`` (installed as the ``smugdesk.resources`` package)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_resource(name: str) -> str:
    return resources.files("smugdesk.resources").joinpath(name).read_text(encoding="utf-8")

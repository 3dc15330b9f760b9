from __future__ import annotations

import pytest

from smugdesk.publish.base import ExportError, Option, resolve_options
from smugdesk.publish.html import HtmlExporter
from smugdesk.publish.registry import registry


def test_the_builtin_html_exporter_is_found_through_entry_points():
    found = registry()
    assert isinstance(found.exporters["html"], HtmlExporter)
    assert found.problems == ()
    with pytest.raises(ExportError, match="installed: html"):
        found.get("nope")


class Typed:
    name = "typed"
    options = (
        Option("draft", bool, False, "keep as draft"),
        Option("depth", int, 2, "levels"),
        Option("label", str, "x", "a label"),
    )


def test_options_get_defaults_and_converted_text_values():
    assert resolve_options(Typed, {}) == {"draft": False, "depth": 2, "label": "x"}
    assert resolve_options(Typed, {"draft": "yes", "depth": "5"}) == {
        "draft": True,
        "depth": 5,
        "label": "x",
    }
    with pytest.raises(ExportError, match="expects int"):
        resolve_options(Typed, {"depth": "deep"})
    with pytest.raises(ExportError, match="has no option colour"):
        resolve_options(Typed, {"colour": "red"})

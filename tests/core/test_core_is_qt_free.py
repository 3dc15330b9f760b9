"""The core, the exporters and the CLI must work where Qt cannot even be imported."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCKER = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        blocked = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in self.blocked:
                raise ImportError(f"Qt is blocked in this test: {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    """
)


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BLOCKER + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_core_publish_and_cli_import_and_run_without_qt(tmp_path):
    post = tmp_path / "p.md"
    post.write_text("---\ntitle: Hi\n---\n*Hello*\n", encoding="utf-8")
    result = run(
        f"""
        import smugdesk.core, smugdesk.publish
        for package in (smugdesk.core, smugdesk.publish):
            for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
                importlib.import_module(info.name)
        import smugdesk.cli, smugdesk.app
        from smugdesk.publish.registry import registry
        assert "html" in registry().exporters, registry()
        assert smugdesk.app.main(["render", {str(post)!r}]) == 0
        assert smugdesk.app.main(["export", {str(post)!r}, "--to", "html",
                                  "--out", {str(tmp_path / "out")!r}]) == 0
        assert not [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
        """
    )
    assert result.returncode == 0, result.stderr
    assert "<em>Hello</em>" in result.stdout
    assert (tmp_path / "out" / "p.html").exists()


def test_the_blocker_really_blocks_qt():
    result = run("import PySide6.QtWidgets")
    assert result.returncode != 0
    assert "Qt is blocked in this test" in result.stderr

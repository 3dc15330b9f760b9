"""Plug-ins cannot take the app down. tests/plugins/smugdesk-broken, really installed, holds
plug-ins that call sys.exit at import, raise at import (an error, KeyboardInterrupt), never
finish importing, raise from their ``name`` property or constructor, exit from
``available()`` or ``export()``, and one that claims the WordPress publisher's name. Each is
named with its reason; the built-ins and the plug-ins that work keep working; a real Ctrl+C
still stops the command line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smugdesk.core.post import parse_post
from smugdesk.publish import plugins
from smugdesk.publish.base import ExportError, resolve_options
from smugdesk.publish.html import HtmlExporter
from smugdesk.publish.registry import registry
from smugdesk.publish.remote import publisher_kinds

BROKEN = Path(__file__).parent.parent / "plugins" / "smugdesk-broken"
DEADLINE = 0.5  # seconds a third-party plug-in may take to load, in these tests
BUILTIN_EXPORTERS = ["html", "hugo", "hugo-git", "jekyll", "jekyll-git", "pelican", "pelican-git"]
WORKING_PLUGINS = ["checks-exit", "export-exits", "slow-export"]  # load fine, fail in use


@pytest.fixture(scope="module")
def plugin_dir(tmp_path_factory) -> Path:
    """``pip install`` the broken plug-ins into a folder of their own."""
    target = tmp_path_factory.mktemp("site-packages")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    command += ["--no-build-isolation", "--target", str(target), str(BROKEN)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return target


@pytest.fixture
def installed(plugin_dir, monkeypatch):
    """The broken plug-ins on this process's path, discovery starting afresh."""
    monkeypatch.syspath_prepend(str(plugin_dir))
    monkeypatch.setenv(plugins.DEADLINE_ENV, str(DEADLINE))
    registry.cache_clear()
    publisher_kinds.cache_clear()
    yield plugin_dir
    registry.cache_clear()
    publisher_kinds.cache_clear()


def within(seconds: float, call):
    def give_up(_signal, _frame):
        raise AssertionError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return call()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


EXPORTER_PROBLEMS = [
    "exporter exits-at-import (smugdesk_broken_exit:Exporter) could not be loaded: "
    "it called sys.exit(3)",
    "exporter raises-at-import (smugdesk_broken_raise:Exporter) could not be loaded: "
    "RuntimeError: cannot find its configuration file",
    "exporter interrupts-at-import (smugdesk_broken_interrupt:Exporter) could not be "
    "loaded: KeyboardInterrupt",
    f"exporter sleeps-at-import (smugdesk_broken_slow:Exporter) skipped: it took longer "
    f"than {DEADLINE:g} s to load",
    "exporter sleeps-too (smugdesk_broken_slow:Other) skipped: its module "
    "smugdesk_broken_slow is still loading",
    "exporter bad-name (smugdesk_broken_parts:BadName) could not be loaded: "
    "RuntimeError: no name today",
    "exporter constructor-exits (smugdesk_broken_parts:ConstructorExits) could not be "
    "loaded: it called sys.exit(6)",
]


def test_every_broken_exporter_is_named_with_its_reason_and_the_rest_work(installed, tmp_path):
    started = time.perf_counter()
    found = within(10, registry)  # a broken deadline fails here instead of hanging
    elapsed = time.perf_counter() - started
    assert sorted(found.problems) == sorted(EXPORTER_PROBLEMS)
    assert sorted(found.exporters) == sorted(
        [*BUILTIN_EXPORTERS, "checks-exit", "export-exits", "slow-export"]
    )
    # One deadline for the sleeper; its second entry point does not wait again.
    assert elapsed < DEADLINE + 2, elapsed
    assert isinstance(found.exporters["html"], HtmlExporter)  # built-ins unwrapped

    post = parse_post("---\ntitle: Still here\n---\nBody\n")
    checks = found.get("checks-exit")
    assert checks.available() == (
        False,
        "its availability check failed (it called sys.exit(4))",
    )
    with pytest.raises(ExportError, match=r"^the export-exits exporter failed: .*exit\(5\)"):
        found.get("export-exits").export(post, tmp_path, {}, lambda *_: None)
    html = found.get("html")
    result = html.export(post, tmp_path / "site", resolve_options(html, {}), lambda *_: None)
    assert Path(result.location).exists()


def test_broken_publishers_are_skipped_and_the_built_ins_keep_their_names(installed):
    from smugdesk.publish.wordpress import WordPressPublisher

    kinds = publisher_kinds()
    assert kinds["wordpress"] is WordPressPublisher  # not the impostor
    assert {"wordpress", "metaweblog", "micropub"} <= set(kinds)
    assert not {"exits-at-import", "sleeps-at-import"} & set(kinds)
    reported = plugins.problems()
    assert (
        "publisher exits-at-import (smugdesk_broken_exit:Publisher) could not be loaded: "
        "it called sys.exit(3)"
    ) in reported
    assert any(line.startswith("publisher sleeps-at-import") for line in reported)
    assert (
        "publisher wordpress (smugdesk_broken_parts:Impostor) refused: the name "
        "'wordpress' is already taken"
    ) in reported


def test_the_built_ins_load_without_a_worker_thread(monkeypatch):
    """The deadline is for third-party code only: start-up does not pay for it."""

    def no_thread(*args, **kwargs):
        raise AssertionError("a built-in was loaded in a worker thread")

    monkeypatch.setattr(plugins.threading, "Thread", no_thread)
    registry.cache_clear()
    try:
        assert sorted(registry().exporters) == BUILTIN_EXPORTERS
    finally:
        registry.cache_clear()


def smugdesk(plugin_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(plugin_dir), **env)
    env[plugins.DEADLINE_ENV] = str(DEADLINE)
    return subprocess.run(
        [sys.executable, "-m", "smugdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_the_command_line_reports_broken_plugins_and_keeps_working(plugin_dir, tmp_path):
    listing = smugdesk(plugin_dir, "exporters")
    assert listing.returncode == 0, listing.stderr
    assert "Traceback" not in listing.stderr
    names = [line.split()[0] for line in listing.stdout.splitlines()]
    assert names == sorted([*BUILTIN_EXPORTERS, *WORKING_PLUGINS])
    assert "its availability check failed (it called sys.exit(4))" in listing.stdout
    for problem in EXPORTER_PROBLEMS:
        assert f"smugdesk: warning: {problem}\n" in listing.stderr
    post = tmp_path / "hello.md"
    post.write_text("---\ntitle: Hello\n---\nBody\n", encoding="utf-8")
    out = tmp_path / "out"
    html = smugdesk(plugin_dir, "export", str(post), "--to", "html", "--out", str(out))
    assert html.returncode == 0 and html.stdout.strip().endswith("hello.html"), html.stderr
    bad = smugdesk(plugin_dir, "export", str(post), "--to", "export-exits", "--out", str(out))
    assert bad.returncode == 1
    assert bad.stderr.splitlines()[-1] == (
        "smugdesk: the export-exits exporter failed: it called sys.exit(5)"
    )


def interrupted(
    plugin_dir: Path, tmp_path: Path, signal_from: str, deadline: float, *args: str
) -> tuple[int, str]:
    """Run the CLI, press Ctrl+C (SIGINT) once a slow plug-in creates the file named by the
    environment variable ``signal_from`` (it is running then)."""
    marker = tmp_path / "slow-plugin-started"
    env = dict(os.environ, PYTHONPATH=str(plugin_dir), **{signal_from: str(marker)})
    env[plugins.DEADLINE_ENV] = str(deadline)
    process = subprocess.Popen(
        [sys.executable, "-m", "smugdesk", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists():
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)  # not a 120 s deadline
    finally:
        process.kill()
    return process.returncode, err


def test_a_real_ctrl_c_still_stops_the_command_line_while_a_plugin_loads(plugin_dir, tmp_path):
    returncode, err = interrupted(
        plugin_dir, tmp_path, "SMUGDESK_TEST_SLOW_MARKER", 120, "exporters"
    )
    assert returncode not in (0, 1) and err.rstrip().endswith("KeyboardInterrupt")


def test_a_real_ctrl_c_stops_an_export_through_a_plugin(plugin_dir, tmp_path):
    post = tmp_path / "hello.md"
    post.write_text("---\ntitle: Hello\n---\nBody\n", encoding="utf-8")
    args = ("export", str(post), "--to", "slow-export", "--out", str(tmp_path / "out"))
    returncode, err = interrupted(
        plugin_dir, tmp_path, "SMUGDESK_TEST_EXPORT_MARKER", DEADLINE, *args
    )
    # Stopped as the user asked, not reported as the plug-in failing (exit status 1).
    assert returncode not in (0, 1) and err.rstrip().endswith("KeyboardInterrupt")
    assert "exporter failed" not in err

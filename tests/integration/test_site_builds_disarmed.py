"""A hostile post exported to a real Hugo (raw HTML allowed: ``unsafe = true``), Jekyll
(kramdown) and Pelican site, built by the real generator: no page has a live javascript:,
vbscript:, data: or file: address. The same post exported without the disarming step gives
live ones in each (checked too, so the test means something)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from link_attacks import attack_contexts, live_dangerous_attributes

from smugdesk.core.post import parse_post
from smugdesk.publish import site as site_module
from smugdesk.publish.base import resolve_options
from smugdesk.publish.registry import registry

ATTACKS = "\n\n".join(
    attack_contexts("&#106;avascript:alert(1)")
    + attack_contexts("javascript:alert(2)")
    + ["<javascript:alert(3)>", "[escaped](javascript\\:alert(4))"]
)
POST = f"---\ntitle: Attack\ndate: 2026-01-02 10:00:00+00:00\nstatus: published\n---\n\n{ATTACKS}\n"


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"


def _export(name: str, site: Path, tmp_path: Path) -> None:
    path = tmp_path / "drafts" / "attack.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(POST, encoding="utf-8")
    exporter = registry().get(name)
    exporter.export(parse_post(POST, path), site, resolve_options(exporter, {}))


def _hugo(site: Path, tmp_path: Path) -> str:
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(
        'baseURL = "https://blog.example/"\ntitle = "Test"\n'
        "[markup.goldmark.renderer]\nunsafe = true\n",
        encoding="utf-8",
    )
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}")
    for name in ("list.html", "index.html"):
        (site / "layouts" / "_default" / name).write_text("{{ .Title }}")
    _export("hugo", site, tmp_path)
    _run(["hugo", "--source", str(site), "--destination", str(site / "public")], tmp_path)
    return (site / "public" / "posts" / "attack" / "index.html").read_text(encoding="utf-8")


def _jekyll(site: Path, tmp_path: Path) -> str:
    (site / "_layouts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Test\n", encoding="utf-8")
    (site / "_layouts" / "post.html").write_text("{{ content }}", encoding="utf-8")
    _export("jekyll", site, tmp_path)
    _run(["jekyll", "build", "--source", str(site), "--destination", str(site / "_site")], site)
    [page] = (site / "_site").rglob("attack.html")
    return page.read_text(encoding="utf-8")


def _pelican(site: Path, tmp_path: Path) -> str:
    site.mkdir(parents=True)
    (site / "pelicanconf.py").write_text(
        "AUTHOR = 'A'\nSITENAME = 'Test'\nPATH = 'content'\nTIMEZONE = 'UTC'\n"
        "ARTICLE_URL = '{slug}.html'\nARTICLE_SAVE_AS = '{slug}.html'\n"
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\n",
        encoding="utf-8",
    )
    _export("pelican", site, tmp_path)
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    _run(command, site)
    return (site / "output" / "attack.html").read_text(encoding="utf-8")


BUILDS = [
    pytest.param(_hugo, marks=pytest.mark.skipif(not shutil.which("hugo"), reason="no hugo here")),
    pytest.param(
        _jekyll, marks=pytest.mark.skipif(not shutil.which("jekyll"), reason="no jekyll here")
    ),
    pytest.param(_pelican),
]


@pytest.mark.parametrize("build", BUILDS)
def test_the_built_site_has_no_live_dangerous_address(build, tmp_path, monkeypatch):
    page = build(tmp_path / "site", tmp_path)
    assert "alert(1)" in page or "alert" in page  # the post is there, disarmed
    assert live_dangerous_attributes(page) == [], page

    monkeypatch.setattr(site_module, "disarm_markdown", lambda text: text)
    undefended = build(tmp_path / "undefended", tmp_path)
    assert live_dangerous_attributes(undefended), "the attack post is not an attack here"

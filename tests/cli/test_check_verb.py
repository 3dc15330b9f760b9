"""``smugdesk check POST.md`` run as a static-site user runs it before a build: a separate
process, its exit status and its output (plain and --json)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PIL import Image


def smugdesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "smugdesk", *args], capture_output=True, text=True, timeout=60
    )


def write(tmp_path: Path, body: str, front: str = "title: Night\n") -> Path:
    (tmp_path / "p.assets").mkdir(exist_ok=True)
    Image.new("RGB", (40, 30)).save(tmp_path / "p.assets" / "ward.png")
    path = tmp_path / "p.md"
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


def test_a_clean_post_exits_0(tmp_path):
    done = smugdesk("check", str(write(tmp_path, "![The ward](p.assets/ward.png)")))
    assert done.returncode == 0, done.stderr
    assert "nothing to report" in done.stdout


def test_warnings_alone_exit_0_and_are_listed_with_their_place(tmp_path):
    done = smugdesk("check", str(write(tmp_path, "![](p.assets/ward.png)")))
    assert done.returncode == 0, done.stderr
    assert (
        f"{tmp_path / 'p.md'}:5:1: warning: the image p.assets/ward.png has no alt" in done.stdout
    )


def test_an_error_exits_1(tmp_path):
    done = smugdesk("check", str(write(tmp_path, "![Gone](p.assets/gone.png)")))
    assert done.returncode == 1
    assert "error: the image p.assets/gone.png does not exist" in done.stdout


def test_json_output_is_machine_readable(tmp_path):
    path = write(tmp_path, "Hi <b>there</b> ![](p.assets/gone.png)", front='title: ""\n')
    done = smugdesk("check", str(path), "--json", "--to", "hugo")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["errors"] == 1 and report["warnings"] == 4
    found = {(item["code"], item["line"]) for item in report["findings"]}
    assert ("empty-title", 2) in found and ("raw-html", 5) in found
    assert ("missing-image", 5) in found and ("no-alt-text", 5) in found
    first = report["findings"][0]
    assert set(first) == {"severity", "code", "message", "line", "column", "offset", "length"}


def test_a_broken_post_says_so_in_one_line(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    done = smugdesk("check", str(path))
    assert done.returncode == 1
    assert done.stderr.startswith("smugdesk: ") and "Traceback" not in done.stderr
    missing = smugdesk("check", str(tmp_path / "none.md"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr

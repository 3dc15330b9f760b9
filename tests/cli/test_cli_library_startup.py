"""'smugdesk list' and 'search' start quickly: they load neither Markdown nor the other
verbs' modules (history, accounts, checks), which took longer to import than a warm list
of thousands of posts takes to print."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("markdown", "smugdesk.core.render", "smugdesk.core.history", "smugdesk.core.accounts")
PROBE = """
import json, sys
from smugdesk import cli
code = cli.main(sys.argv[1:])
print(json.dumps([code, sorted(m for m in sys.modules if m.startswith({heavy!r}))]))
"""


def loaded_by(*args: str) -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    return code, modules, done.stdout


def test_list_and_search_load_no_other_verbs_modules(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("---\ntitle: Night ward\n---\nThe ward at night.\n")
    code, modules, out = loaded_by("list", "--json", "--drafts", str(drafts))
    assert code == 0 and modules == [] and '"title": "Night ward"' in out
    code, modules, out = loaded_by("search", "ward", "--drafts", str(drafts))
    assert code == 0 and modules == [] and "Night ward" in out
    code, modules, _out = loaded_by("render", str(drafts / "a.md"))  # the others still work
    assert code == 0 and "markdown" in modules

"""Run mutmut on some modules in a scratch copy of the project, and print each module's kill
rate (docs/testing.md).

    python scripts/mutation_run.py smugdesk/core/embeds.py --tests tests/core/test_embed_urls.py

The copy holds the files git tracks (as committed with --head, else as they are in the
working tree), with ``[tool.mutmut]`` narrowed to the modules and tests given, so a run costs
what those tests cost, and never touches the checkout's own ``mutants/``. mutmut runs with
``nice -n 19`` and one child (``--children``): the machine is shared. ``--servers`` starts
WordPress and the Micropub server once for the run (scripts/mutation_servers.py), so the tests
that publish to them are not left out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mutation_report import print_summary, results, summarize  # noqa: E402


def tracked_files(head: bool) -> list[str]:
    args = (
        ["ls-tree", "-r", "--name-only", "HEAD"]
        if head
        else ["ls-files", "-co", "--exclude-standard"]
    )
    out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return [line for line in out.stdout.splitlines() if line]


def make_copy(target: Path, head: bool) -> None:
    for name in tracked_files(head):
        source = ROOT / name
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if head:
            blob = subprocess.run(
                ["git", "show", f"HEAD:{name}"], cwd=ROOT, capture_output=True, check=True
            )
            destination.write_bytes(blob.stdout)
        elif source.is_file():
            shutil.copy2(source, destination)


def narrow_config(pyproject: Path, modules: list[str], tests: list[str]) -> None:
    text = pyproject.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^only_mutate = .*$", "only_mutate = " + json.dumps(modules), text)
    text = re.sub(
        r"(?m)^pytest_add_cli_args_test_selection = .*$",
        "pytest_add_cli_args_test_selection = " + json.dumps(tests),
        text,
    )
    pyproject.write_text(text, encoding="utf-8")


def run(
    modules: list[str],
    tests: list[str],
    head: bool,
    keep: Path | None,
    servers: bool = False,
    children: int = 1,
) -> dict[str, dict]:
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    workdir = keep or Path(tempfile.mkdtemp(prefix="smugdesk-mutants-"))
    try:
        if not (workdir / "pyproject.toml").exists():
            make_copy(workdir, head)
        narrow_config(workdir / "pyproject.toml", modules, tests)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        started = time.monotonic()
        log = workdir / "mutmut.log"
        command = [mutmut, "run", "--max-children", str(children)]
        if servers:  # WordPress and Micropub started once, reused by every session
            command = [sys.executable, str(ROOT / "scripts" / "mutation_servers.py"), *command]
        with log.open("w", encoding="utf-8") as output:
            subprocess.run(
                ["nice", "-n", "19", *command],
                cwd=workdir,
                env=env,
                check=False,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        summary = summarize(results(workdir, mutmut))
        summary["_seconds"] = round(time.monotonic() - started)  # type: ignore[assignment]
        if not any(m.get("killed") or m.get("survived") for k, m in summary.items() if k[0] != "_"):
            # mutmut stops when the tests fail unmutated, or find nothing to run: say why
            tail = log.read_text(encoding="utf-8", errors="replace").replace("\r", "\n")
            print("mutmut tested no mutant; the end of its output:", file=sys.stderr)
            print("\n".join(tail.splitlines()[-40:]), file=sys.stderr)
        return summary
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="+", help="module paths, e.g. smugdesk/core/embeds.py")
    parser.add_argument("--tests", nargs="+", required=True, help="test files or folders")
    parser.add_argument(
        "--head", action="store_true", help="mutate the last commit, not the work tree"
    )
    parser.add_argument("--keep", type=Path, help="work in (and keep) this folder")
    parser.add_argument("--json", type=Path, help="also write the summary here")
    parser.add_argument(
        "--servers",
        action="store_true",
        help="start WordPress and Micropub once so the tests that publish take part",
    )
    parser.add_argument("--children", type=int, default=1, help="mutmut's --max-children")
    args = parser.parse_args()
    summary = run(args.modules, args.tests, args.head, args.keep, args.servers, args.children)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print_summary(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

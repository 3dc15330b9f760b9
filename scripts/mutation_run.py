"""Run mutmut on some modules in a scratch copy of the project, and print each module's kill
rate (docs/testing.md).

    python scripts/mutation_run.py smugdesk/core/embeds.py --tests tests/core/test_embed_urls.py

The copy holds the files git tracks (as committed with --head, else as they are in the
working tree), with ``[tool.mutmut]`` narrowed to the modules and tests given, so a run costs
what those tests cost, and never touches the checkout's own ``mutants/``. mutmut runs with
``nice -n 19`` and one child: the machine is shared.
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
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout", "segfault"}  # the tests noticed the change
COUNTED = KILLED | {"survived"}  # "no tests" mutants are reported apart


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


def module_of(mutant: str) -> str:
    # "smugdesk.core.embeds.x__seconds__mutmut_3" → "smugdesk/core/embeds.py"
    dotted = mutant.split(".x_")[0].split(".xǁ")[0]
    return dotted.replace(".", "/") + ".py"


def results(workdir: Path, mutmut: str) -> dict[str, str]:
    out = subprocess.run(
        [mutmut, "results", "--all", "true"],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    found = {}
    for line in out.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status.strip()
    return found


def summarize(found: dict[str, str]) -> dict[str, dict]:
    per_module: dict[str, Counter] = defaultdict(Counter)
    survivors: dict[str, list[str]] = defaultdict(list)
    for name, status in found.items():
        module = module_of(name)
        per_module[module][status] += 1
        if status == "survived":
            survivors[module].append(name)
    summary = {}
    for module, counts in sorted(per_module.items()):
        counted = sum(counts[s] for s in COUNTED)
        killed = sum(counts[s] for s in KILLED)
        summary[module] = {
            "killed": killed,
            "survived": counts["survived"],
            "no_tests": counts["no tests"],
            "other": {k: v for k, v in counts.items() if k not in COUNTED | {"no tests"}},
            "rate": round(killed / counted, 3) if counted else None,
            "survivors": sorted(survivors[module]),
        }
    return summary


def run(modules: list[str], tests: list[str], head: bool, keep: Path | None) -> dict[str, dict]:
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    workdir = keep or Path(tempfile.mkdtemp(prefix="smugdesk-mutants-"))
    try:
        if not (workdir / "pyproject.toml").exists():
            make_copy(workdir, head)
        narrow_config(workdir / "pyproject.toml", modules, tests)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        started = time.monotonic()
        subprocess.run(
            ["nice", "-n", "19", mutmut, "run", "--max-children", "1"],
            cwd=workdir,
            env=env,
            check=False,
            stdout=subprocess.DEVNULL if not os.environ.get("MUTATION_VERBOSE") else None,
        )
        summary = summarize(results(workdir, mutmut))
        summary["_seconds"] = round(time.monotonic() - started)  # type: ignore[assignment]
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
    args = parser.parse_args()
    summary = run(args.modules, args.tests, args.head, args.keep)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    for module, figures in summary.items():
        if module.startswith("_"):
            continue
        rate = "n/a" if figures["rate"] is None else f"{figures['rate']:.0%}"
        print(
            f"{module}: {rate} killed ({figures['killed']} killed, {figures['survived']} survived,"
            f" {figures['no_tests']} not covered)"
        )
        for name in figures["survivors"]:
            print(f"    survived: {name}")
    print(f"{summary['_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Kill rate per module of the last mutmut run in this folder (``make mutants`` ends with it).

    python scripts/mutation_report.py [--json FILE]

Killed counts mutants the tests noticed (a failure or a timeout); survived, those they did
not. Mutants no test reaches are reported apart ("not covered"), and so are mutants judged
equivalent in docs/testing.md, which no test can kill.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

KILLED = {"killed", "timeout", "segfault"}  # the tests noticed the change
COUNTED = KILLED | {"survived"}  # "no tests" mutants are reported apart


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


def print_summary(summary: dict) -> None:
    for module, figures in summary.items():
        if module.startswith("_"):
            continue
        rate = "n/a" if figures["rate"] is None else f"{figures['rate']:.1%}"
        print(
            f"{module}: {rate} killed ({figures['killed']} killed, {figures['survived']} "
            f"survived, {figures['no_tests']} not covered)"
        )
        for name in figures["survivors"]:
            print(f"    survived: {name}")
    if "_seconds" in summary:
        print(f"{summary['_seconds']} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the summary here")
    args = parser.parse_args()
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    summary = summarize(results(Path.cwd(), mutmut))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print_summary(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The mutation check CI runs (.ci/run): a fixed sample of the functions that guard embeds,
front matter, saves, trash and restore, mutated and tested in a scratch copy; fails when a
module's kill rate falls below its floor, and names the mutants that survived.

    python scripts/mutation_ci.py     # about 2.5 minutes with one child on 2 shared cores

The floors are the rates measured when the sample was chosen (docs/testing.md), less about
one mutant's worth: a new test may raise them, a change that lets mutants through fails CI. The
equivalent mutants of the sample (docs/testing.md) count as survivors here, so a floor below
100% is expected. MUTATION_CHILDREN sets mutmut's --max-children (default 1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mutation_report import print_summary, results, summarize  # noqa: E402
from mutation_run import make_copy, narrow_config  # noqa: E402

# module → (the functions sampled ("Class.method" for a method), their tests, the floor)
SAMPLE = {
    "smugdesk/core/embeds.py": (
        ["_youtube", "_vimeo_id"],
        ["tests/core/test_embed_urls.py"],
        0.95,  # 145/151 measured; the 6 survivors are equivalent (docs/testing.md)
    ),
    "smugdesk/core/quick_front.py": (
        ["_scalar", "_date", "read_plain_front"],
        ["tests/core/test_quick_front.py"],
        0.97,  # 2 survivors, both equivalent (docs/testing.md)
    ),
    # What keeps a post from being overwritten or lost: the save, its conflict check and
    # its cleanup; trash and restore.
    "smugdesk/core/store.py": (
        [
            "atomic_write",
            "_create_temp",
            "_temp_name",
            "clean_leftover_temps",
            "PostFile.changed_on_disk",
            "PostFile.save_text",
        ],
        ["tests/core/test_store_guards.py", "tests/core/test_store_promises.py"],
        0.95,  # 210/219 measured; the 9 survivors are equivalent (docs/testing.md)
    ),
    "smugdesk/core/library.py": (
        ["trash_post", "trashed_posts", "restore_post", "_move_to_free_name", "_free_name"],
        ["tests/core/test_library_ops.py", "tests/core/test_library_promises.py"],
        0.97,  # 160/163 measured; the 3 survivors are equivalent on Linux (docs/testing.md)
    ),
}


def mangled(function: str) -> str:
    """mutmut's name for a function ("x_name") or a method ("xǁClassǁname")."""
    owner, _, name = function.rpartition(".")
    return f"xǁ{owner}ǁ{name}" if owner else f"x_{name}"


def mutant_globs() -> list[str]:
    globs = []
    for module, (functions, _tests, _floor) in SAMPLE.items():
        dotted = module.removesuffix(".py").replace("/", ".")
        globs += [f"{dotted}.{mangled(name)}__mutmut_*" for name in functions]
    return globs


def sampled_only(found: dict[str, str]) -> dict[str, str]:
    return {
        name: status
        for name, status in found.items()
        if any(
            f".{mangled(function)}__mutmut_" in name
            for functions, _tests, _floor in SAMPLE.values()
            for function in functions
        )
    }


def main() -> int:
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    children = os.environ.get("MUTATION_CHILDREN", "1")
    workdir = Path(tempfile.mkdtemp(prefix="smugdesk-mutation-ci-"))
    started = time.monotonic()
    try:
        make_copy(workdir, head=False)
        tests = sorted({test for _f, tests, _floor in SAMPLE.values() for test in tests})
        narrow_config(workdir / "pyproject.toml", list(SAMPLE), tests)
        done = subprocess.run(
            ["nice", "-n", "19", mutmut, "run", "--max-children", children, *mutant_globs()],
            cwd=workdir,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            check=False,
        )
        summary = summarize(sampled_only(results(workdir, mutmut)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    summary["_seconds"] = round(time.monotonic() - started)
    print_summary(summary)
    failed = []
    for module, (_functions, _tests, floor) in SAMPLE.items():
        figures = summary.get(module)
        if figures is None or figures["rate"] is None:
            failed.append(f"{module}: no mutant was tested (mutmut said: {done.stdout[-500:]})")
        elif figures["rate"] < floor:
            failed.append(f"{module}: {figures['rate']:.1%} killed, below the floor of {floor:.0%}")
    for line in failed:
        print("MUTATION CHECK FAILED:", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up, measured from outside: process start to window shown (its first paint), and
to the first preview in its DOM, opening a 2,000-word post; peak memory (the largest
resident size each process reached, summed over the app and its QtWebEngine helpers).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/startup.py [RUNS]

With ReText's environment (``bash benchmarks/setup_retext.sh``) present, ReText is started
the same way on the same post, in the same run, and the ratios are printed.
"""

from __future__ import annotations

import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RETEXT_PYTHON = HERE.parent / "build" / "bench-retext-venv" / "bin" / "python"
sys.path.insert(0, str(HERE))

from sample_docs import document  # noqa: E402

RETEXT_WEBENGINE = "[General]\nuseWebEngine=true\ndefaultPreviewState=live-preview\n"


def run_child(python: str, probe: str, post: Path, home: Path, **extra: str) -> dict:
    env = dict(os.environ, **extra)
    env.update(
        BENCH_T0=repr(time.time()),
        BENCH_POST=str(post),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_DATA_HOME=str(home / "data"),
        HOME=str(home),
    )
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    done = subprocess.run(
        [python, str(HERE / probe)], env=env, capture_output=True, text=True, timeout=120
    )
    for line in done.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise RuntimeError(f"{probe} gave no figures:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def summary(rows: list[dict], key: str) -> str:
    values = [row[key] for row in rows if row.get(key) is not None]
    return f"{statistics.median(values):6.2f}" if values else "   n/a"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    # As an installed app has them (pip compiles a wheel's modules; ReText's are): without
    # bytecode, an editable install under PYTHONDONTWRITEBYTECODE compiles ~70 modules on
    # every start (~0.1 s), which is not what a user's start costs.
    import smugdesk

    compileall.compile_dir(Path(smugdesk.__file__).parent, quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="smugdesk-startup-"))
    post = folder / "drafts" / "two-thousand-words.md"
    post.parent.mkdir(parents=True)
    post.write_text(document(2000), encoding="utf-8")
    ours = [
        run_child(sys.executable, "startup_probe.py", post, folder / f"s{i}") for i in range(runs)
    ]
    print(f"smugdesk, {runs} runs, 2,000-word post (median):")
    print(f"  window shown        {summary(ours, 'window_s')} s")
    print(f"  first preview       {summary(ours, 'preview_s')} s")
    print(f"  peak memory         {summary(ours, 'peak_mb')} MB ({ours[0]['processes']} processes)")
    if not RETEXT_PYTHON.exists():
        print("ReText: not set up (bash benchmarks/setup_retext.sh)")
        return
    theirs = [
        run_child(str(RETEXT_PYTHON), "retext_probe.py", post, folder / f"r{i}")
        for i in range(runs)
    ]
    print(f"ReText {theirs[0]['version']}, same post, same machine (median):")
    print(f"  window shown        {summary(theirs, 'window_s')} s")
    print(f"  peak memory         {summary(theirs, 'peak_mb')} MB")
    ratio = statistics.median(r["window_s"] for r in theirs) / statistics.median(
        r["window_s"] for r in ours
    )
    print(f"  ReText / smugdesk, window shown: {ratio:.2f}x")
    # Like for like: ReText opening with its live preview in QtWebEngine, as smugdesk does.
    homes = [folder / f"w{i}" for i in range(runs)]
    for home in homes:
        conf = home / "config" / "ReText project" / "ReText.conf"
        conf.parent.mkdir(parents=True)
        conf.write_text(RETEXT_WEBENGINE, encoding="utf-8")
    live = [
        run_child(str(RETEXT_PYTHON), "retext_probe.py", post, home, BENCH_SETTLE_MS="2000")
        for home in homes
    ]
    print("ReText with its live preview in QtWebEngine (median):")
    print(f"  window shown        {summary(live, 'window_s')} s")
    print(f"  peak memory         {summary(live, 'peak_mb')} MB ({live[0]['processes']} processes)")


if __name__ == "__main__":
    main()

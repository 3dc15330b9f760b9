"""What the preview costs in memory, per process: the window with a 2,000-word post open,
then a 100,000-word manuscript edited 500 times.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/preview_memory.py [EDITS] [--post-only]
    sh benchmarks/as_user.sh smugbench benchmarks/preview_memory.py --post-only   # sandbox on

For every process (the app and QtWebEngine's: zygotes, renderer; the GPU work runs in the
app's process) it prints the peak resident size (VmHWM: what startup.py sums, counting the
pages of shared libraries once per process) and the proportional set size (PSS, from
/proc/PID/smaps_rollup: shared pages divided among the processes sharing them, what the
machine really gives). Then the page process's growth over EDITS (default 500)
one-character edits in the middle of the manuscript, each waited for (the page's own
callback), and again after 3 s idle. QTWEBENGINE_CHROMIUM_FLAGS adds flags, as for the app;
SMUGDESK_BENCH_NO_FLAGS=1 leaves out the preview's own (ui/application.py): "before";
--post-only stops after the 2,000-word figures.

As root Chromium's sandbox must be off (QTWEBENGINE_DISABLE_SANDBOX, set here), and the app
then also starts without zygotes: not what a writer runs. For the writer's figures, run it
as a non-root user (benchmarks/as_user.sh). Each table says whether the sandbox was on: the
renderer in its own user, PID and network namespaces, under a seccomp filter, without
--no-sandbox.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="smugdesk-bench-"))

from PySide6.QtCore import QEventLoop, QTimer
from sample_docs import document

from smugdesk.ui import application
from smugdesk.ui.main_window import MainWindow
from smugdesk.ui.preview import WORLD


def wait_until(condition, timeout: float = 120.0) -> None:
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not catch up")
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def pause(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def processes() -> list[int]:
    """This process and all it started, parents first."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [os.getpid()]
    while pending:
        pid = pending.pop(0)
        found.append(pid)
        pending.extend(sorted(children.get(pid, [])))
    return found


def arguments(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")


def parent_of(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def kind_of(pid: int) -> str:
    """What the process is. A zygote's forks keep its command line, so the tree tells:
    the app starts the zygotes; the sandboxed one is first the init of its PID namespace,
    whose child is the zygote proper, whose children are the renderers."""
    if pid == os.getpid():
        return "app (with the GPU thread)"
    given = arguments(pid)
    kind = next((a[7:] for a in given if a.startswith("--type=")), "?")
    if kind != "zygote":
        return kind
    if "--no-zygote-sandbox" in given:
        return "unsandboxed zygote"
    depth, parent = 0, parent_of(pid)
    while parent != os.getpid() and depth < 5:
        depth, parent = depth + 1, parent_of(parent)
    return ["zygote's namespace init", "zygote", "renderer (zygote's fork)"][min(depth, 2)]


def sandbox(rows: list[dict]) -> str:
    """Whether the page process runs in Chromium's sandbox, from what the kernel shows."""
    renderer = page_process(rows)
    if renderer is None:
        return "no page process"
    mine, its = Path("/proc/self/ns"), Path(f"/proc/{renderer}/ns")
    own = [n for n in ("user", "pid", "net") if (mine / n).readlink() != (its / n).readlink()]
    status = Path(f"/proc/{renderer}/status").read_text()
    seccomp = "Seccomp:\t2" in status
    flag = "--no-sandbox" in arguments(renderer)
    on = len(own) == 3 and seccomp and not flag
    return (
        f"{'ON' if on else 'OFF'} (page process {renderer}, uid {os.getuid()}: own namespaces"
        f" {'/'.join(own) or 'none'}; seccomp filter {'yes' if seccomp else 'no'};"
        f" --no-sandbox {'given' if flag else 'not given'})"
    )


def figures(pid: int) -> dict:
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()

    def field(lines: list[str], name: str) -> float:
        line = next(line for line in lines if line.startswith(name + ":"))
        return int(line.split()[1]) / 1024

    return {
        "pid": pid,
        "kind": kind_of(pid),
        "hwm": field(status, "VmHWM"),
        "rss": field(status, "VmRSS"),
        "pss": field(rollup, "Pss"),
        "anon": field(rollup, "Pss_Anon"),
    }


def table(title: str) -> list[dict]:
    rows = [figures(pid) for pid in processes()]
    print(title)
    for row in rows:
        print(
            f"  {row['pid']:7} {row['kind']:26} peak {row['hwm']:6.0f} MB  now {row['rss']:6.0f}"
            f" MB  PSS {row['pss']:6.0f} MB (anonymous {row['anon']:5.0f} MB)"
        )
    print(
        f"  all {len(rows)} processes: peak {sum(r['hwm'] for r in rows):.0f} MB (sum of VmHWM),"
        f" PSS {sum(r['pss'] for r in rows):.0f} MB",
    )
    print(f"  sandbox {sandbox(rows)}; load average {os.getloadavg()[0]:.1f}", flush=True)
    return rows


def page_process(rows: list[dict]) -> int | None:
    """The renderer (the preview has one page)."""
    pages = [row for row in rows if row["kind"].startswith("renderer")]
    return max(pages, key=lambda row: row["rss"])["pid"] if pages else None


def main() -> None:
    post_only = "--post-only" in sys.argv
    given = [a for a in sys.argv[1:] if a != "--post-only"]
    edits = int(given[0]) if given else 500
    if os.environ.get("SMUGDESK_BENCH_NO_FLAGS"):  # "before": none of the preview's own
        application.PREVIEW_FLAGS = application.UNSANDBOXED_FLAGS = ()
        application.SANDBOXED_FLAGS = ()
    print("flags:", " ".join(application.webengine_flags()) or "(none)")
    app = application.create_application()
    folder = Path(tempfile.mkdtemp(prefix="smugdesk-memory-"))
    small = folder / "two-thousand-words.md"
    small.write_text("---\ntitle: Small\n---\n" + document(2000), encoding="utf-8")
    window = MainWindow(folder)
    window.resize(1280, 800)
    window.show()
    window.open_path(small)
    wait_until(lambda: window.preview_is_current)
    pause(3)  # the helpers settle, as startup.py waits before reading
    table("2,000-word post open:")
    if post_only:
        window.editor.document().setModified(False)
        sys.stdout.flush()
        os._exit(0)

    big = folder / "manuscript.md"
    big.write_text("---\ntitle: Manuscript\n---\n" + document(100000), encoding="utf-8")
    window.open_path(big)
    wait_until(lambda: window.preview_is_current)
    pause(3)
    rows = table("100,000-word manuscript open:")
    renderer = page_process(rows)
    before = figures(renderer)
    editor = window.editor
    middle = len(editor.toPlainText()) // 2
    start = time.perf_counter()
    for _ in range(edits):
        cursor = editor.textCursor()
        cursor.setPosition(middle)
        editor.setTextCursor(cursor)
        editor.textCursor().insertText("x")
        wait_until(lambda: window.preview_is_current)
    seconds = time.perf_counter() - start
    after = figures(renderer)
    pause(3)
    idle = figures(renderer)
    print(
        f"page process over {edits} edits ({seconds:.1f} s): resident {before['rss']:.0f} → "
        f"{after['rss']:.0f} MB (+{after['rss'] - before['rss']:.0f}), peak +"
        f"{after['hwm'] - before['hwm']:.0f} MB; after 3 s idle {idle['rss']:.0f} MB "
        f"(+{idle['rss'] - before['rss']:.0f})",
        flush=True,
    )
    took: list = []
    window.preview.page().runJavaScript(
        "typeof gc === 'function' ? (() => { const t = performance.now(); gc();"
        " return performance.now() - t; })() : -1",
        WORLD,
        took.append,
    )
    wait_until(lambda: bool(took))
    if took[0] >= 0:
        print(f"one collection (gc()) in the page at 100,000 words: {took[0]:.0f} ms")
    table("after the edits:")
    editor.document().setModified(False)
    window.close()
    app.processEvents()
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()

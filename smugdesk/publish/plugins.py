"""Loading plug-ins (exporters, publishers) so that none of them can take the app down.

A plug-in is code someone else wrote, run at import. Whatever it does there, the app
carries on without it and says why, naming it: an exception of any kind (BaseException
included: ``sys.exit`` at import, a stray ``KeyboardInterrupt``, ``GeneratorExit``), a
``name`` property or constructor that raises, an import that never finishes. Only a real
Ctrl+C from the user, which Python delivers to the main thread, still stops the program.

Third-party plug-ins are imported in a worker thread the caller waits on for at most
``deadline()`` seconds; one that takes longer is reported as slow and skipped (the thread is
left to finish or hang on its own: Python cannot stop it, and nothing waits for it). The
built-ins (smugdesk's own distribution and package) are imported directly: start-up does
not pay for a thread it does not need.

``os._exit``, a crash in a C extension or a plug-in that eats all memory cannot be caught
in-process; those would need plug-ins in another process.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

DEADLINE_ENV = "SMUGDESK_PLUGIN_SECONDS"
DEFAULT_DEADLINE = 5.0

_problems: list[str] = []  # every plug-in problem met in this process, for the UI and CLI
_problems_lock = threading.Lock()
# Module → the worker still importing it. Importing it again would wait on that import's
# module lock, so it is skipped at once until the worker is done.
_stuck: dict[str, threading.Thread] = {}


class PluginError(Exception):
    """A plug-in could not be loaded or used; the message says why, for a person."""


class PluginRefusedError(PluginError):
    """A plug-in loaded but is not what its entry point promises."""


class _TooSlowError(Exception):
    def __init__(self, worker: threading.Thread) -> None:
        super().__init__()
        self.worker = worker


@dataclass(frozen=True)
class Loaded:
    name: str  # the entry point's name
    value: str  # "module:attribute"
    obj: Any  # what ``make`` returned
    builtin: bool


def deadline() -> float:
    """Seconds a third-party plug-in may take to load (SMUGDESK_PLUGIN_SECONDS)."""
    try:
        seconds = float(os.environ.get(DEADLINE_ENV, DEFAULT_DEADLINE))
    except ValueError:
        return DEFAULT_DEADLINE
    return seconds if seconds > 0 else DEFAULT_DEADLINE


def reason(error: BaseException) -> str:
    """What went wrong, in one line."""
    if isinstance(error, SystemExit):
        return f"it called sys.exit({error.code!r})"
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def guarded(call: Callable[[], Any]) -> Any:
    """``call()``, with anything it raises (but a real Ctrl+C) as PluginError."""
    try:
        return call()
    except KeyboardInterrupt:
        if threading.current_thread() is threading.main_thread():
            raise  # the user pressed Ctrl+C: stop, as they asked
        raise PluginError("KeyboardInterrupt") from None  # raised by the plug-in itself
    except PluginError:
        raise
    except BaseException as error:
        raise PluginError(reason(error)) from None


def problems() -> tuple[str, ...]:
    """Every plug-in problem reported so far in this process."""
    with _problems_lock:
        return tuple(_problems)


def _report(problem: str) -> str:
    with _problems_lock:
        if problem not in _problems:
            _problems.append(problem)
    return problem


def _dist_name(point: Any) -> str:
    """The name of the distribution that declares ``point`` (reads its METADATA file: ask
    once); "" when it has none or its metadata cannot be read."""
    try:
        dist = getattr(point, "dist", None)
        return str(dist.name) if dist is not None else ""
    except Exception:  # a damaged dist-info is the plug-in's problem, not discovery's
        return ""


def is_builtin(point: Any, dist_name: str | None = None) -> bool:
    """One of smugdesk's own: from its distribution and its package."""
    name = _dist_name(point) if dist_name is None else dist_name
    return name == "smugdesk" and point.value.startswith("smugdesk.")


def _in_worker(work: Callable[[], Any], seconds: float, name: str) -> Any:
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = guarded(work)
        except PluginError as failure:
            box["failure"] = failure

    worker = threading.Thread(target=run, name=f"plugin {name}", daemon=True)
    worker.start()
    worker.join(seconds)  # a real Ctrl+C interrupts this wait in the main thread
    if worker.is_alive():
        raise _TooSlowError(worker)
    if "failure" in box:
        raise box["failure"]
    return box["value"]


def load_group(
    group: str,
    kind: str,
    make: Callable[[Any, Any], Any] = lambda loaded, _point: loaded,
    points: Iterable[Any] | None = None,
) -> tuple[list[Loaded], list[str]]:
    """Every plug-in of an entry-point ``group`` that loads, and a line per one that does
    not. ``make(loaded object, entry point)`` turns what the entry point names into what
    the caller keeps (an exporter instance, checked); it runs under the same guard and
    deadline as the import, and raises PluginRefusedError to turn a plug-in away. A name already
    taken (built-ins come first) is refused before its plug-in is imported."""
    if points is None:
        from importlib.metadata import entry_points  # 30 ms: only when plug-ins are wanted

        points = entry_points(group=group)
    seconds = deadline()
    found: list[Loaded] = []
    problems_here: list[str] = []
    taken: set[str] = set()
    # smugdesk's own plug-ins first, so no plug-in can take a built-in's name.
    listed = []
    for point in points:
        dist = _dist_name(point)
        listed.append((not is_builtin(point, dist), dist, point.name, point))
    listed.sort(key=lambda item: item[:3])
    for third_party, _dist, _name, point in listed:
        source = f"{kind} {point.name} ({point.value})"
        builtin = not third_party
        module = point.value.partition(":")[0].strip()
        if point.name in taken:
            problem = f"{source} refused: the name {point.name!r} is already taken"
        elif module in _stuck and _stuck[module].is_alive():
            # Importing it again would wait on the stuck import's module lock.
            problem = f"{source} skipped: its module {module} is still loading"
        else:
            problem = ""
            try:
                if builtin:
                    obj = guarded(lambda point=point: make(point.load(), point))
                else:
                    obj = _in_worker(lambda point=point: make(point.load(), point), seconds, source)
            except _TooSlowError as slow:
                _stuck[module] = slow.worker
                problem = f"{source} skipped: it took longer than {seconds:g} s to load"
            except PluginRefusedError as refusal:
                problem = f"{source} refused: {refusal}"
            except PluginError as failure:
                problem = f"{source} could not be loaded: {failure}"
            else:
                taken.add(point.name)
                found.append(Loaded(point.name, point.value, obj, builtin))
        if problem:
            problems_here.append(_report(problem))
    return found, problems_here

"""Network and disk work off the UI thread: ``run_later`` runs a function in a thread and
hands its result (or the SmugdeskError it raised) to a callback on the UI thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from smugdesk.core.errors import SmugdeskError


class _Relay(QObject):
    done = Signal(object)
    progress = Signal(int, int, str)


def run_later(
    parent: QObject,
    work: Callable[[Callable[[int, int, str], None]], Any],
    done: Callable[[Any], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    name: str = "smugdesk-background",
) -> _Relay:
    """``work(progress)`` runs in a thread; ``done(result_or_error)`` on the UI thread. An
    unexpected exception arrives as a SmugdeskError naming it, never as a crash."""
    relay = _Relay(parent)
    relay.done.connect(done)
    relay.done.connect(relay.deleteLater)
    if on_progress is not None:
        relay.progress.connect(on_progress)

    def progress(done_steps: int, total: int, message: str) -> None:
        with contextlib.suppress(RuntimeError):
            relay.progress.emit(done_steps, total, message)

    def body() -> None:
        try:
            result = work(progress)
        except SmugdeskError as error:
            result = error
        except Exception as error:  # a bug in a plug-in or a library must not take the app down
            result = SmugdeskError(f"unexpected error: {error!r}")
        with contextlib.suppress(RuntimeError):  # the window that asked was closed meanwhile
            relay.done.emit(result)

    threading.Thread(target=body, name=name, daemon=True).start()
    return relay

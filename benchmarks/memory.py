"""Peak resident memory of this process and every process it started (QtWebEngine's)."""

from __future__ import annotations

import os
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def peak_mb() -> tuple[float, int]:
    """(sum of VmHWM in MB, number of processes), for this process and its descendants."""
    pending, total, count = [os.getpid()], 0, 0
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                total += int(line.split()[1])
                count += 1
        pending.extend(_children(pid))
    return total / 1024, count

"""Posts and files more than one test folder uses.

A module of its own, imported by name: test modules must never ``from conftest import``,
since every test folder has a ``conftest.py`` and the one Python finds first depends on
which folders pytest collected before (tests/ui's, when it ran first)."""

from __future__ import annotations

from pathlib import Path

PIXEL = (Path(__file__).parent / "ui" / "pixel.png").read_bytes()  # a real 1x1 PNG
VIDEO = "dQw4w9WgXcQ"

POST = f"""---
title: "Why our clinic films its own answers"
date: 2026-11-20 09:30:00+01:00
tags: [video, patients]
categories: [outreach]
status: published
summary: Short videos answer what leaflets cannot.
audience: clinicians  # our own key
---

We started filming answers to the questions patients ask most, as the
[earlier post](post:first-steps) promised.

![The ward at dawn](clinic-films.assets/ward.png)

https://www.youtube.com/watch?v={VIDEO}

```text
https://youtu.be/{VIDEO}
```

**Update:** the series is now on the hospital's site too.
"""

EARLIER = """---
title: First steps
date: 2026-10-01 08:00:00+02:00
tags: [video]
categories: [outreach]
status: published
---

Where it started.
"""

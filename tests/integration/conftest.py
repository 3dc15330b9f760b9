from __future__ import annotations

from pathlib import Path

import pytest

PIXEL = (Path(__file__).parent.parent / "ui" / "pixel.png").read_bytes()
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


@pytest.fixture
def drafts(tmp_path) -> Path:
    folder = tmp_path / "drafts"
    (folder / "clinic-films.assets").mkdir(parents=True)
    (folder / "clinic-films.assets" / "ward.png").write_bytes(PIXEL)
    (folder / "clinic-films.md").write_text(POST, encoding="utf-8")
    (folder / "first-steps.md").write_text(EARLIER, encoding="utf-8")
    return folder

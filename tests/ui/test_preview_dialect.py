"""The dialect in the real preview: MathML is drawn by Chromium itself (no script, nothing
fetched, inside the sandbox's CSP), struck text and task boxes reach the page."""

from __future__ import annotations

import json

from PySide6.QtGui import QTextCursor
from qt_helpers import run_js, wait_preview

POST = """---
title: Dialect
---

Update: ~~twelve~~ fourteen beds, see www.example.org.

- [ ] buy film
- [x] book the visit
  - two spaces in

Energy $E=mc^2$ and a fraction:

$$
\\frac{a}{b}
$$
"""

PROBE = """JSON.stringify((() => {
  const body = document.getElementById('sd-body');
  const maths = [...body.querySelectorAll('math')];
  const block = body.querySelector('math[display=block]');
  const frac = block && block.querySelector('mfrac');
  const box = frac ? frac.getBoundingClientRect() : {width: 0, height: 0};
  return {
    maths: maths.length,
    mathml: maths.every(m => m instanceof MathMLElement),
    fraction: [box.width, box.height],
    struck: body.querySelectorAll('del').length,
    boxes: body.querySelectorAll('input[type=checkbox][disabled]').length,
    checked: body.querySelectorAll('input[type=checkbox]:checked').length,
    nested: body.querySelectorAll('li > ul > li').length,
    scripts: body.querySelectorAll('script').length,
    links: [...body.querySelectorAll('a')].map(a => a.getAttribute('href')),
  };
})())"""


def test_math_struck_text_and_task_boxes_render_in_the_preview(qtbot, window):
    window.editor.setPlainText(POST)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    wait_preview(qtbot, window)
    qtbot.waitUntil(lambda: json.loads(run_js(qtbot, window, PROBE))["maths"] == 2)
    found = json.loads(run_js(qtbot, window, PROBE))
    assert found["mathml"]  # Chromium parsed them as MathML elements
    width, height = found["fraction"]
    assert width > 0 and height > 10  # a fraction laid out as a fraction: two rows tall
    assert found["struck"] == 1 and found["boxes"] == 2 and found["checked"] == 1
    assert found["nested"] == 1
    assert found["scripts"] == 0
    assert found["links"] == ["http://www.example.org"]

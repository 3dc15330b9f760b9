"""Math in a site's Markdown: kept as the writer's TeX (``$…$``, ``$$…$$``) for a site with
its own math set-up (MathJax, KaTeX, Hugo's passthrough), or written as MathML for a site
with none, which every current browser draws without a script.

The math is found as the preview finds it (arithmatex's own patterns, blocks separated by
blank lines, nothing inside fenced code or code spans), and the MathML is disarmed like
the rest of the exported source.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pymdownx.arithmatex import (
    RE_BRACKET_BLOCK,
    RE_BRACKET_INLINE,
    RE_DOLLAR_BLOCK,
    RE_SMART_DOLLAR_INLINE,
    RE_TEX_BLOCK,
)

from smugdesk.core.html_safety import disarm_html
from smugdesk.core.math_markup import tex_to_mathml
from smugdesk.publish.base import Option

MATH_OPTION = Option(
    "mathml",
    bool,
    False,
    "write math as MathML, for a site with no math set-up of its own (else the $ source)",
)
# Goldmark leaves raw HTML out unless the site allows it: MathML is raw HTML to it.
MATH_OPTION_HUGO = replace(
    MATH_OPTION, help=MATH_OPTION.help + "; needs markup.goldmark.renderer.unsafe = true"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BLOCK = re.compile(rf"(?s)\A\s*(?:{RE_DOLLAR_BLOCK}|{RE_BRACKET_BLOCK}|{RE_TEX_BLOCK})[ ]*\Z")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_MATH_INLINE = re.compile(f"{RE_SMART_DOLLAR_INLINE}|{RE_BRACKET_INLINE}")


def math_as_mathml(body: str) -> str:
    """``body`` with each piece of math the preview renders replaced by its MathML."""
    out: list[str] = []
    fence = ""
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(_converted("\n".join(paragraph)))
            paragraph.clear()

    for line in body.split("\n"):
        if fence:
            out.append(line)
            if line.strip() == fence:
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            out.append(line)
        elif not line.strip() or line.startswith(("    ", "\t")):
            flush()  # a blank line ends a block; indented code is left alone
            out.append(line)
        else:
            paragraph.append(line)
    flush()
    return "\n".join(out)


def _converted(block: str) -> str:
    whole = _BLOCK.match(block)
    if whole:
        tex = whole.group("math") or whole.group("math2") or whole.group("math3") or ""
        mathml = tex_to_mathml(tex, display=True)
        return block if mathml is None else disarm_html(f'<div class="math">{mathml}</div>')

    # Code spans first, as the renderer does (its backtick pattern runs before the math
    # one, and the math patterns never cross the placeholder left in their place).
    spans: list[str] = []

    def stash(match: re.Match) -> str:
        spans.append(match.group(0))
        return f"\x02{len(spans) - 1}\x03"

    def inline(match: re.Match) -> str:
        tex = match.group(3) or match.group(6)
        if not tex:
            return match.group(0)  # escaped backslashes before a dollar: as written
        mathml = tex_to_mathml(tex, display=False)
        return match.group(0) if mathml is None else disarm_html(mathml)

    text = _MATH_INLINE.sub(inline, _CODE_SPAN.sub(stash, block))
    return re.sub("\x02(\\d+)\x03", lambda m: spans[int(m.group(1))], text)

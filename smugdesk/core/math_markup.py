"""Math written as TeX (``$…$``, ``$$…$$``, ``\\(…\\)``, ``\\[…\\]``) shown as MathML, which
Chromium and every current browser draw natively: no script, no web font, nothing fetched,
so the sandboxed preview and an exported page show it offline.

``pymdownx.arithmatex`` finds the math (its rules for when a dollar is money); its generic
output is then swapped for MathML made by ``latex2mathml``. What cannot be converted is
shown as its TeX, never an error.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from latex2mathml.converter import convert
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

MATH_CLASS = "arithmatex"
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
# arithmatex's own options: generic output, no wrapping, so the element holds the TeX alone.
ARITHMATEX_CONFIG = {
    "generic": True,
    "tex_inline_wrap": ["", ""],
    "tex_block_wrap": ["", ""],
}


def tex_to_mathml(tex: str, display: bool) -> str | None:
    """MathML for ``tex``, or None when latex2mathml cannot read it."""
    try:
        return convert(tex.strip(), display="block" if display else "inline")
    except Exception:  # a third-party parser: any failure means "show the TeX"
        return None


class _ToMathML(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # Only the two tags arithmatex makes, looked up by ElementTree itself (a manuscript
        # has tens of thousands of elements).
        found = [
            e for tag in ("span", "div") for e in root.iter(tag) if e.get("class") == MATH_CLASS
        ]
        for element in found:
            display = element.tag == "div"
            text = element.text or ""
            # The block form is escaped by arithmatex itself; the inline form is not.
            tex = html.unescape(text) if display else text
            # What a preprocessor stashed (a shortcode typed inside the math) is math text
            # again: the stash's numbering differs between a chunk and the whole post.
            tex = _STASHED.sub(lambda m: self._stashed(int(m.group(1))), tex)
            mathml = tex_to_mathml(tex, display)
            if mathml is None:
                code = etree.Element("code")
                code.text = AtomicString(tex.strip())
                element.text = None
                element.append(code)
                continue
            element.text = self.md.htmlStash.store(mathml)

    def _stashed(self, index: int) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        return str(blocks[index]) if index < len(blocks) else ""


class MathMLExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        # After the inline pass (20) has made the math elements; the stash is put back by
        # the raw HTML postprocessor, before the link disarming that runs last.
        md.treeprocessors.register(_ToMathML(md), "smugdesk_mathml", 19)

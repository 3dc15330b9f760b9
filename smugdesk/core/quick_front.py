"""A fast reader for the plain front matter nearly every post has, for the library index.

A full YAML parse costs 1.5–2.5 ms a post, which is 20 s over a 10,000-post folder. Front
matter is almost always ``key: value`` lines, flow lists and ``- item`` lists; those are read
here in microseconds. Anything else (nesting, multi-line or escaped strings, anchors, tags,
odd numbers) returns None and the caller uses the real YAML parser, so the result is never a
guess: the tests compare both readers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*$")
_NULLS = {"", "~", "null", "Null", "NULL"}
# What YAML reads with a tag of its own (a merge key, the "value" key), not as a string.
_SPECIAL = {"=", "<<"}
# Tabs (ruamel.yaml refuses them in many places a space is fine), characters YAML forbids or
# reads as line breaks (NEL, LS, PS), and a byte-order mark inside the text.
_STEP_ASIDE_CHARS = re.compile(
    "[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)
_MAX_KEY = 128  # YAML caps implicit keys at 1024 characters; long ones go to the parser
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_BOOLS["FALSE"] = False
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
# Looks like a number, a date or a time YAML would type: leave those to the real parser.
# ("._" too: ruamel.yaml takes it for a float and fails, and the form must say so.)
_TYPED = re.compile(r"[-+]?(?:\.?[0-9]|\._|\.(?:inf|Inf|INF|nan|NaN|NAN)$)|0[box]")
# Dates and times as Jekyll, Hugo and Pelican write them, read into the same date or
# datetime YAML gives.
# ASCII digits only ("\d" takes other scripts' digits, which YAML reads as text). More than
# six digits of a second are rounded by ruamel.yaml: those go to it.
_DATE = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:(?:[Tt]|[ ]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})"
    r"(\.[0-9]{1,6})?[ ]*(Z|[-+][0-9]{1,2}(?::[0-9]{2})?)?)?"
)
_PLAIN_START_FORBIDDEN = set("&*!|>{}[]%@`\"',?:-#")


def _scalar(text: str) -> tuple[bool, Any]:
    """(understood, value) of one scalar."""
    if text.startswith('"'):
        inner = text[1:-1]
        if len(text) < 2 or not text.endswith('"') or '"' in inner or "\\" in inner:
            return False, None
        return True, inner
    if text.startswith("'"):
        inner = text[1:-1]
        if len(text) < 2 or not text.endswith("'") or "'" in inner.replace("''", ""):
            return False, None
        return True, inner.replace("''", "'")
    if " #" in text:
        text = text[: text.index(" #")].rstrip()
    if text in _NULLS:
        return True, None
    if text in _SPECIAL:
        return False, None
    if text in _BOOLS:
        return True, _BOOLS[text]
    if _INT.fullmatch(text):
        return True, int(text)
    if _DATE.fullmatch(text):
        return _date(text)
    if text[0] in _PLAIN_START_FORBIDDEN or ": " in text or text.endswith(":"):
        return False, None
    if _TYPED.match(text):
        return False, None
    return True, text


def _date(text: str) -> tuple[bool, Any]:
    day, hour, minute, second, fraction, zone = _DATE.fullmatch(text).groups()
    try:
        if hour is None:
            return True, dt.date.fromisoformat(day)
        if zone == "Z":
            zone = "+00:00"
        elif zone:
            hours, _, minutes = zone[1:].partition(":")
            zone = f"{zone[0]}{int(hours):02d}:{minutes or '00'}"
        # Python 3.11's fromisoformat takes 1-6 digits of a second as YAML does.
        stamp = f"{day}T{int(hour):02d}:{minute}:{second}{fraction or ''}{zone or ''}"
        return True, dt.datetime.fromisoformat(stamp)
    except ValueError:
        return False, None


def _flow_list(text: str) -> tuple[bool, list | None]:
    inner = text[1:-1].strip()
    if not text.endswith("]") or any(mark in inner for mark in "[]{}#"):
        return False, None
    if not inner:
        return True, []
    items = []
    for part in inner.split(","):
        part = part.strip()
        if not part:
            return False, None  # "[a,,b]" and trailing commas: let YAML decide
        ok, value = _scalar(part)  # refuses ": " in a plain item, as YAML does
        if not ok:
            return False, None
        items.append(value)
    return True, items


def read_plain_front(front: str) -> dict[str, Any] | None:
    """The mapping of a simple front matter, or None when it needs the real YAML parser."""
    if _STEP_ASIDE_CHARS.search(front):
        return None
    result: dict[str, Any] = {}
    open_list: list | None = None
    list_indent: str | None = None
    for line in front.split("\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t-":
            item = _ITEM.fullmatch(line)
            if open_list is None or item is None or not item.group(1):
                return None
            # One list, one indentation: a deeper "- " continues the item before it.
            indent = line[: len(line) - len(line.lstrip(" "))]
            if list_indent is None:
                list_indent = indent
            elif indent != list_indent:
                return None
            ok, value = _scalar(item.group(1))
            if not ok:
                return None
            open_list.append(value)
            continue
        match = _KEY.fullmatch(line)
        if match is None or match.group(1) in result:
            return None
        key, rest = match.group(1), match.group(2) or ""
        if len(key) > _MAX_KEY or _scalar(key) != (True, key):
            return None  # "true:" and "null:" are a boolean and a null key, not strings
        open_list, list_indent = None, None
        if rest == "" or rest.startswith("#"):
            open_list = []
            result[key] = _PendingList(open_list)
            continue
        if rest.startswith("["):
            ok, value = _flow_list(rest)
        else:
            ok, value = _scalar(rest)
        if not ok:
            return None
        result[key] = value
    return {
        key: value.resolve() if isinstance(value, _PendingList) else value
        for key, value in result.items()
    }


class _PendingList:
    """A key with nothing after its colon: a block list if items follow, else null."""

    def __init__(self, items: list) -> None:
        self.items = items

    def resolve(self) -> list | None:
        return self.items or None

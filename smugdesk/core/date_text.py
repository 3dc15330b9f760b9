"""A post's date as the writer wrote it, so a date picked from a calendar is written back
in the same shape: a date alone stays a date alone; a time keeps its separator, its
seconds (or their absence) and its offset from UTC as written."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_DATE_TEXT = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})"
    r"(?:(?P<sep>[ T])(?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?P<fraction>\.\d+)?)?"
    r"(?P<space>\s*)(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


@dataclass(frozen=True)
class DateShape:
    time: bool = True  # a time follows the date
    separator: str = " "  # " " or "T"
    seconds: bool = False
    fraction: str = ""  # ".5", kept as written (a picker does not set fractions)
    offset: str = ""  # "", "Z", "+01:00", "+0100", as written
    space: str = ""  # between the time and the offset, as written


# A date field left empty gets what the form's placeholder shows: "2025-03-01 09:30".
EMPTY_SHAPE = DateShape()


@dataclass(frozen=True)
class DateText:
    day: dt.date
    time: dt.time
    shape: DateShape


def read_date_text(text: str) -> DateText | None:
    """The date, time and shape of ``text``; None when it is not an ISO date."""
    match = _DATE_TEXT.fullmatch(text.strip())
    if match is None:
        return None
    try:
        day = dt.date.fromisoformat(match["day"])
        if match["sep"] is None:
            return DateText(day, dt.time(), DateShape(time=False))
        time = dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
    except ValueError:  # 2025-02-30, 25:00
        return None
    shape = DateShape(
        time=True,
        separator=match["sep"],
        seconds=match["second"] is not None,
        fraction=match["fraction"] or "",
        offset=match["offset"] or "",
        space=match["space"] if match["offset"] else "",
    )
    return DateText(day, time, shape)


def write_date_text(shape: DateShape, day: dt.date, time: dt.time) -> str:
    """``day`` and ``time`` written in ``shape``."""
    if not shape.time:
        return day.isoformat()
    clock = f"{time.hour:02d}:{time.minute:02d}"
    if shape.seconds:
        clock += f":{time.second:02d}{shape.fraction}"
    offset = f"{shape.space}{shape.offset}" if shape.offset else ""
    return f"{day.isoformat()}{shape.separator}{clock}{offset}"


def date_in_old_shape(old: object, value: object, typed: str) -> object:
    """The value to write for a date the writer set, in the YAML shape the post already
    used: a ``T`` and a ``Z`` kept (ruamel's timestamp keeps them as hints), a time
    without seconds kept as the text it was (YAML reads that as text, not a timestamp).
    For core.front_edit.set_field."""
    if not isinstance(value, dt.datetime):
        return value
    if isinstance(old, str) and read_date_text(typed) is not None:
        return typed.strip()
    from ruamel.yaml.timestamp import TimeStamp

    if isinstance(old, TimeStamp) and value.utcoffset() == old.utcoffset():
        new = old.replace(
            year=value.year,
            month=value.month,
            day=value.day,
            hour=value.hour,
            minute=value.minute,
            second=value.second,
            microsecond=value.microsecond,
        )
        new._yaml = dict(old._yaml)  # ruamel's own round-trip hints: T, Z
        return new
    return value

"""Events over time: the bins behind the chronology's histogram.

Each event counts once, in the bin of its earliest possible day (``2025-02`` counts in February
2025, ``2017/2021`` in 2017). Events whose start is open or unknown (``../2019``) have no
earliest day and are left out. Bins are months when the events span at most three years, years
otherwise, with the empty bins in between kept so the picture shows gaps.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from fto_tui.model import Event

__all__ = ["MONTHLY_SPAN", "Bin", "bins", "merge"]

MONTHLY_SPAN = 36
"""Bins are months when the first and last events fall within this many months."""

Unit = Literal["month", "year"]
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Bin:
    """``count`` events whose earliest day falls from ``start`` to ``end`` (both included)."""

    start: dt.date
    end: dt.date
    unit: Unit
    count: int

    @property
    def label(self) -> str:
        """``Feb 2025``, ``2019``, or for merged bins ``Jan–Mar 2025``, ``2010–2019``."""
        first = _label(self.start, self.unit)
        last_start = _bin_start(self.end, self.unit)
        if last_start == self.start:
            return first
        last = _label(last_start, self.unit)
        if self.unit == "month" and self.start.year == self.end.year:
            return f"{_MONTHS[self.start.month - 1]}–{last}"
        return f"{first}–{last}"


def _label(day: dt.date, unit: Unit) -> str:
    if unit == "year":
        return f"{day.year}"
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _bin_start(day: dt.date, unit: Unit) -> dt.date:
    return dt.date(day.year, 1, 1) if unit == "year" else dt.date(day.year, day.month, 1)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _from_month_index(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_end(index: int) -> dt.date:
    year, month = divmod(index, 12)
    if month == 11:
        return dt.date(year, 12, 31)
    return _from_month_index(index + 1) - dt.timedelta(days=1)


def bins(events: Iterable[Event], max_bins: int | None = None) -> list[Bin]:
    """Events counted by month or year, in date order, empty bins included.

    With ``max_bins``, consecutive bins are merged (see :func:`merge`) so there are at most
    that many. No dated events: an empty list.
    """
    days = [day for day in (event.date.earliest for event in events) if day is not None]
    if not days:
        return []
    first, last = min(days), max(days)
    result: list[Bin]
    if _month_index(last) - _month_index(first) < MONTHLY_SPAN:
        counts = Counter(_month_index(day) for day in days)
        result = [
            Bin(_from_month_index(index), _month_end(index), "month", counts[index])
            for index in range(_month_index(first), _month_index(last) + 1)
        ]
    else:
        by_year = Counter(day.year for day in days)
        result = [
            Bin(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", by_year[year])
            for year in range(first.year, last.year + 1)
        ]
    if max_bins is not None:
        result = merge(result, max_bins)
    return result


def merge(found: list[Bin], max_bins: int) -> list[Bin]:
    """At most ``max_bins`` bins: groups of the same number of consecutive bins summed.

    Groups start at round numbers where they can (years at multiples of the group size), so
    a century of years merged by ten gives decades. The last group may be shorter.
    """
    if max_bins < 1:
        raise ValueError("max_bins must be at least 1")
    if len(found) <= max_bins:
        return list(found)
    size = -(-len(found) // max_bins)
    # Align groups to round numbers, which may need one more group than ``max_bins``.
    first = found[0]
    offset = first.start.year % size if first.unit == "year" else _month_index(first.start) % size
    if -(-(len(found) + offset) // size) > max_bins:
        offset = 0
    merged: list[Bin] = []
    group_start = 0
    index = size - offset
    for boundary in [*range(index, len(found), size), len(found)]:
        group = found[group_start:boundary]
        if group:
            merged.append(
                Bin(group[0].start, group[-1].end, first.unit, sum(b.count for b in group))
            )
        group_start = boundary
    return merged

"""A compact picture of events over time, drawn with block characters above a short axis.

The counting is :func:`fto_tui.chronology.bins`; this widget only draws. Counting a large
chronology (more than ``COUNT_IN_BACKGROUND_ABOVE`` events) runs in a thread worker, so showing
a big briefing does not wait for it: the picture is drawn when the counts arrive. Merging the
counts to the width (:func:`fto_tui.chronology.merge`) is cheap and done when drawing.

Labels are made by the program (month and year names, counts), never taken from briefing text,
and are rendered as literal :class:`Content` all the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on, work
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from fto_tui.chronology import Bin, bins, merge
from fto_tui.model import Event

__all__ = ["BLOCKS", "Histogram", "axis_line", "bar_lines"]

BLOCKS = " ▁▂▃▄▅▆▇█"
"""Eighths of a cell, from empty to full."""
MAX_CELLS_PER_BIN = 4
COUNT_IN_BACKGROUND_ABOVE = 2_000


def bar_lines(counts: Sequence[int], rows: int = 2, cell_width: int = 1) -> list[str]:
    """The bars for ``counts``, top line first, each bin ``cell_width`` characters wide.

    The tallest bar fills every row; any non-zero count shows at least ``▁``; zero is blank.
    """
    if rows < 1 or cell_width < 1:
        raise ValueError("rows and cell_width must be at least 1")
    peak = max(counts, default=0)
    levels = rows * 8
    heights = [0 if n <= 0 or peak <= 0 else max(1, -(-n * levels // peak)) for n in counts]
    lines = []
    for row in range(rows - 1, -1, -1):  # the top row first
        floor = row * 8
        lines.append("".join(BLOCKS[min(8, max(0, h - floor))] * cell_width for h in heights))
    return lines


def axis_line(found: Sequence[Bin], width: int) -> str:
    """``Jan 2023     peak 4     Feb 2025`` fitted to ``width``, dropping what does not fit."""
    if not found:
        return ""
    first, last = found[0].label, found[-1].label
    peak = f"peak {max(b.count for b in found)}"
    if len(found) == 1:
        options = [f"{first}  {peak}", first]
    else:
        options = [_spread(width, first, peak, last), _spread(width, first, last), first]
    for option in options:
        if option and len(option) <= width:
            return option
    return options[-1][: max(0, width)]


def _spread(width: int, *parts: str) -> str:
    """``parts`` spread over ``width`` (first at the left, last at the right), or ``""``."""
    gap = width - sum(len(part) for part in parts)
    slots = len(parts) - 1
    if gap < 2 * slots:
        return ""
    out = parts[0]
    for number, part in enumerate(parts[1:], start=1):
        share = gap // slots + (1 if number <= gap % slots else 0)
        out += " " * share + part
    return out


class Histogram(Widget):
    """Events per month or year (months when they span three years or less).

    ``set_events`` takes the events shown in the chronology; undated ones and those with an
    open or unknown start are not counted. ``rows`` bar lines sit above one axis line.
    """

    DEFAULT_CSS = """
    Histogram {
        height: auto;
        padding: 0 1;
    }
    """

    def __init__(
        self,
        events: Sequence[Event] = (),
        *,
        rows: int = 2,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.rows = rows
        self._events: tuple[Event, ...] = tuple(events)
        self._counted: list[Bin] = bins(self._events)
        self._merged: tuple[int, list[Bin]] | None = None

    class Counted(Message):
        """A background count finished: ``counted`` are the bins of ``events``."""

        def __init__(self, events: tuple[Event, ...], counted: list[Bin]) -> None:
            super().__init__()
            self.events = events
            self.counted = counted

    @property
    def events(self) -> tuple[Event, ...]:
        return self._events

    @property
    def counted(self) -> list[Bin]:
        """The bins drawn (before merging to the width): of the events, once counted."""
        return self._counted

    def set_events(self, events: Sequence[Event]) -> None:
        """Show these events (a new sequence replaces the old).

        A large chronology is counted in a worker; the old picture stays until it is done."""
        self._events = tuple(events)
        if len(self._events) > COUNT_IN_BACKGROUND_ABOVE:
            self._count(self._events)
        else:
            self._show(bins(self._events))

    # A description of our own: Textual's default is the repr of every argument.
    @work(thread=True, exclusive=True, exit_on_error=False, group="histogram", description="count")
    def _count(self, events: tuple[Event, ...]) -> None:
        counted = bins(events)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Counted(events, counted))

    @on(Counted)
    def _counted_in_background(self, message: Counted) -> None:
        message.stop()
        if message.events is self._events:
            self._show(message.counted)

    def _show(self, counted: list[Bin]) -> None:
        self._counted = counted
        self._merged = None
        self.refresh(layout=True)

    def bins_for(self, width: int) -> list[Bin]:
        """The bins drawn at ``width`` cells: merged when there are more bins than cells."""
        width = max(1, width)
        if self._merged is None or self._merged[0] != width:
            self._merged = (width, merge(self._counted, width) if self._counted else [])
        return self._merged[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.rows + 1 if self.bins_for(width) else 1

    def render(self) -> Content:
        width = self.content_region.width or self.size.width
        found = self.bins_for(width)
        if not found:
            return Content.styled("No dated events.", "$text-muted")
        cell_width = max(1, min(MAX_CELLS_PER_BIN, width // len(found)))
        lines = [
            Content.styled(line, "$primary")
            for line in bar_lines([b.count for b in found], self.rows, cell_width)
        ]
        bars_width = cell_width * len(found)
        first_last = len(found[0].label) + len(found[-1].label) + 2
        axis_width = bars_width if bars_width >= first_last else width
        lines.append(Content.styled(axis_line(found, axis_width), "$text-muted"))
        return Content("\n").join(lines)

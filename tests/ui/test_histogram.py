"""The chronology's histogram: bars over an axis, merged to fit, literal rendering."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region

from fto_tui.dates import EdtfDate
from fto_tui.model import Event
from fto_tui.problems import Position
from fto_tui.ui.widgets.histogram import BLOCKS, Histogram, axis_line, bar_lines

AT = Position("t.yaml", 1, 1)


def events(*dates: str) -> list[Event]:
    return [
        Event(id=f"e{n}", date=EdtfDate.parse(text), title="[@click=app.quit]x[/]", origin=AT)
        for n, text in enumerate(dates)
    ]


class HistogramApp(App[None]):
    def __init__(self, width: int | None = None) -> None:
        super().__init__()
        self.histogram_width = width

    def compose(self) -> ComposeResult:
        histogram = Histogram(id="histogram")
        if self.histogram_width is not None:
            histogram.styles.width = self.histogram_width
        yield histogram


def shown(widget: Histogram) -> list[str]:
    """The widget's lines, without its one-cell padding on the left and trailing spaces."""
    width, height = widget.outer_size
    lines = widget.render_lines(Region(0, 0, width, height))
    return ["".join(segment.text for segment in line)[1:].rstrip() for line in lines]


def test_bar_lines() -> None:
    assert bar_lines([0, 1, 2, 4], rows=1) == [" ▂▄█"]
    top, bottom = bar_lines([0, 1, 8, 16], rows=2)
    assert bottom == " ▁██"
    assert top == "   █"
    assert bar_lines([1, 2], rows=1, cell_width=3) == ["▄▄▄███"]
    assert bar_lines([], rows=2) == ["", ""]
    assert bar_lines([1, 100], rows=1) == ["▁█"]  # small counts stay visible


def test_axis_line() -> None:
    from fto_tui.chronology import bins

    found = bins(events("2025-01-02", "2025-03-01", "2025-03-02"))
    assert axis_line(found, 40) == "Jan 2025" + " " * 9 + "peak 2" + " " * 9 + "Mar 2025"
    assert axis_line(found, 18) == "Jan 2025  Mar 2025"
    assert axis_line(found, 10) == "Jan 2025"
    assert axis_line(found, 4) == "Jan "
    (single,) = bins(events("2025-01-02"))
    assert axis_line([single], 30) == "Jan 2025  peak 1"
    assert axis_line([], 30) == ""


async def test_empty_then_events() -> None:
    app = HistogramApp()
    async with app.run_test(size=(80, 24)) as pilot:
        histogram = app.query_one(Histogram)
        await pilot.pause()
        assert shown(histogram) == ["No dated events."]
        histogram.set_events(events("2025-01-02", "2025-03-01", "2025-03-02", "../2019"))
        await pilot.pause()
        lines = shown(histogram)
        assert len(lines) == 3  # two bar rows and the axis
        top, bottom, axis = lines
        assert bottom.startswith("████    ████")  # Jan: 1 of 2, Feb: 0, Mar: 2, 4 cells each
        assert top.startswith("        ████")
        assert axis.startswith("Jan 2025") and axis.endswith("Mar 2025")
        assert "[" not in "".join(lines)
        histogram.set_events([])
        await pilot.pause()
        assert shown(histogram) == ["No dated events."]


async def test_many_years_merged_to_fit() -> None:
    app = HistogramApp(width=30)
    async with app.run_test(size=(80, 24)) as pilot:
        histogram = app.query_one(Histogram)
        histogram.set_events(events("1900", "1950", "2024", "2025"))
        await pilot.pause()
        top, bottom, axis = shown(histogram)
        width = histogram.content_region.width
        assert len(histogram.bins_for(width)) <= width
        assert 0 < len(bottom) <= width
        assert set(top + bottom) <= set(BLOCKS)
        assert axis.startswith("1900")
        assert axis.endswith("2025")


async def test_one_bar_row() -> None:
    class OneRow(App[None]):
        def compose(self) -> ComposeResult:
            yield Histogram(events("2025-02-20"), rows=1)

    async with OneRow().run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        histogram = pilot.app.query_one(Histogram)
        assert shown(histogram) == ["████", "Feb 2025  peak 1"]
        assert histogram.size.height == 2

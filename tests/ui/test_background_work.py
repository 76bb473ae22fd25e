"""Work kept off the interface's thread on large briefings: search and the histogram's bins."""

from __future__ import annotations

import pytest

from fto_tui.chronology import bins
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens import search as search_screen
from fto_tui.ui.screens.reader import ReaderScreen
from fto_tui.ui.screens.search import SearchScreen
from fto_tui.ui.widgets import histogram as histogram_module
from fto_tui.ui.widgets.histogram import Histogram
from tests.ui.factories import SAMPLE
from tests.ui.helpers import settle

SIZE = (120, 40)


async def test_background_search_shows_the_hits_of_what_is_typed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_screen, "BACKGROUND_ABOVE", 0)
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.background
        await pilot.press(*"gang")
        await settle(app, pilot)
        assert screen.shown_query == "gang"
        assert screen.results.hits and screen.results.hits[0].entity_id == "south-gang"
        await pilot.press(*" truce")
        await settle(app, pilot)
        assert [hit.entity_id for hit in screen.results.hits] == ["old-truce"]
        # Hits that arrive for a query no longer typed are dropped.
        stale = app.reader.search_index().search("gang")
        screen.post_message(SearchScreen.Found("gang", stale))
        await settle(app, pilot)
        assert [hit.entity_id for hit in screen.results.hits] == ["old-truce"]
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current == "old-truce"


async def test_histogram_bins_are_counted_in_a_worker_and_drawn_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(histogram_module, "COUNT_IN_BACKGROUND_ABOVE", 0)
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        histogram = app.reader.query_one(Histogram)
        events = app.reader.pane(Pane.CHRONOLOGY).items
        assert events and histogram.events == tuple(events)
        assert histogram.counted and histogram.counted == bins(histogram.events)
        assert "peak" in histogram.render().plain
        # Counts that arrive for events no longer shown are dropped.
        histogram.post_message(Histogram.Counted((), []))
        await settle(app, pilot)
        assert histogram.counted == bins(histogram.events)

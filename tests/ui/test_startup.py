"""Start-up: what the reader defers while it draws its first screen is back once it has."""

from __future__ import annotations

import gc

from fto_tui.ui.app import FtoBriefApp
from tests.ui.helpers import settle


async def test_the_garbage_collector_runs_again_once_the_first_screen_is_drawn() -> None:
    assert gc.isenabled()
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.collection.organisations
        assert gc.isenabled()
    assert gc.isenabled()


async def test_the_garbage_collector_runs_again_if_the_reader_stops_at_once() -> None:
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)):
        app.exit()
    assert gc.isenabled()

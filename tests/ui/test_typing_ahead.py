"""Keys typed faster than the screen changes, as a quick typist or a paste sends them, all
arrive where the person meant them: none is lost to the pane or dialog being left."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens.search import SearchScreen
from tests.ui.factories import SAMPLE
from tests.ui.helpers import highlighted_id, pane, settle

SIZE = (120, 40)
_CHARACTERS = {"slash": "/", "escape": None}


def burst(app: FtoBriefApp, *keys: str) -> None:
    """Queue every key at once, without waiting for any to be handled."""
    for key in keys:
        app.post_message(events.Key(key, _CHARACTERS.get(key, key if len(key) == 1 else None)))


async def test_a_pane_key_then_a_move_moves_in_the_new_pane() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = highlighted_id(app, Pane.SPEAKERS)
        organisation = highlighted_id(app, Pane.ORGANISATIONS)
        burst(app, "2", "j")
        await pilot.pause(0.3)
        assert app.screen.focused is pane(app, Pane.SPEAKERS)
        assert highlighted_id(app, Pane.SPEAKERS) != first
        assert highlighted_id(app, Pane.ORGANISATIONS) == organisation


async def test_search_keeps_what_is_typed_right_after_the_slash() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        burst(app, "slash", "d", "r", "o", "n", "e")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "drone"


async def test_escape_then_quit_quits() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        burst(app, "slash", "x", "escape", "q")
        await pilot.pause(0.3)
        assert not app.is_running

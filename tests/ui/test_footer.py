"""The footer: the keys that apply where the focus is, clickable, with their tooltips."""

from __future__ import annotations

from textual.pilot import Pilot

from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.screens.help import HelpScreen
from fto_tui.ui.screens.reader import ReaderScreen
from fto_tui.ui.widgets.footer import ReaderFooter
from tests.ui.factories import SAMPLE
from tests.ui.helpers import settle


def _footer(app: FtoBriefApp) -> ReaderFooter:
    return app.reader.query_one(ReaderFooter)


def _text(footer: ReaderFooter) -> str:
    return footer.render_line(0).text


def _column(footer: ReaderFooter, label: str) -> int:
    """The column of the middle of ``label`` in the footer."""
    text = _text(footer)
    assert label in text, text
    return text.index(label) + len(label) // 2


def _enabled(footer: ReaderFooter, description: str) -> bool:
    (key,) = [key for key in footer.keys if key.description == description]
    return key.enabled


async def test_the_first_frame_shows_the_keys_of_the_focused_pane() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        footer = _footer(app)
        text = _text(footer)
        assert text.startswith(" ⏎ Open  / Search  n Narrow  ⌫ Back")
        assert text.rstrip().endswith("▏^p palette")
        assert len(text) == 120
        # One key per action: backspace is shown for Back, not alt+left as well.
        assert [key.description for key in footer.keys].count("Back") == 1


async def test_keys_that_do_not_apply_are_shown_disabled_and_follow_the_reader() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        footer = _footer(app)
        assert not _enabled(footer, "Back")
        app.reader.open_entity("north-cartel")
        app.reader.open_entity("jane-minister")
        await settle(app, pilot)
        assert _enabled(footer, "Back")


async def test_clicking_a_key_runs_it() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        footer = _footer(app)
        await pilot.click(ReaderFooter, offset=(_column(footer, "? Help"), 0))
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_clicking_a_disabled_key_does_nothing() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        footer = _footer(app)
        current = app.reader.current
        await pilot.click(ReaderFooter, offset=(_column(footer, "⌫ Back"), 0))
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current == current


async def test_hovering_a_key_shows_its_tooltip_and_highlights_it() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        footer = _footer(app)
        before = footer.render_line(0)
        await pilot.hover(ReaderFooter, offset=(_column(footer, "/ Search"), 0))
        await pilot.pause()
        assert footer.tooltip == "Search names, aliases, roles, quotes, events and sources"
        assert footer.render_line(0).text == before.text
        assert list(footer.render_line(0)) != list(before)
        await _hover_elsewhere(pilot)
        assert footer.tooltip is None
        assert list(footer.render_line(0)) == list(before)


async def _hover_elsewhere(pilot: Pilot[int]) -> None:
    await pilot.hover("#detail", offset=(5, 5))
    await pilot.pause()


async def test_small_terminals_get_the_compact_footer() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        footer = _footer(app)
        assert footer.compact
        assert _text(footer).startswith("⏎ Open / Search n Narrow")
        # The command palette's key stays visible on the right, over keys that do not fit.
        assert _text(footer).rstrip().endswith("▏^p palette")
        await pilot.click(ReaderFooter, offset=(_column(footer, "^p"), 0))
        await settle(app, pilot)
        assert app.screen.id == "--command-palette"

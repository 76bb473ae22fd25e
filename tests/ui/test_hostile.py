"""Names that are markup, actions or terminal escapes show literally and trigger nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens.reader import ReaderScreen
from tests.ui.factories import HOSTILE, OSC52, hostile_collection
from tests.ui.helpers import lines, pane, settle

CONTROL = ("\x1b", "\x07", "\x9b", "\u202e")


def _clean(text: str) -> None:
    for char in CONTROL:
        assert char not in text


async def test_hostile_names_from_a_file_render_literally_and_clicks_do_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a screenshot action, if ever run, would write here
    app = FtoBriefApp([str(HOSTILE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        organisations = pane(app, Pane.ORGANISATIONS)
        shown = "\n".join(lines(organisations))
        assert "[bold]x[/]" in shown
        assert "[@click=app.quit]q[/]" in shown
        assert "Bidi \\u202eevil" in shown
        for row in range(3):
            await pilot.click(organisations, offset=(2, row + 1))
            await pilot.click(organisations, offset=(8, row + 1))
            assert app.is_running
            detail = "\n".join(lines(app.reader.detail))
            _clean(detail)
        assert "ticket [OOHCS-1234] and [ok] stay visible" in detail or app.reader.current
        await pilot.click(pane(app, Pane.SPEAKERS), offset=(3, 1))
        assert app.reader.current == "click-speaker"
        assert "[@click=app.screenshot('f','d')]shot[/]" in "\n".join(lines(app.reader.detail))
        await pilot.click(pane(app, Pane.CHRONOLOGY), offset=(20, 4))
        assert app.is_running
        assert list(tmp_path.iterdir()) == []
        assert isinstance(app.screen, ReaderScreen)


async def test_escapes_in_names_are_made_visible_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.show_collection(hostile_collection())
        await pilot.pause()
        organisations = pane(app, Pane.ORGANISATIONS)
        shown = "\n".join(lines(organisations))
        _clean(shown)
        assert OSC52.replace("\x1b", "\\u001b").replace("\x07", "\\u0007") in shown
        for row in range(3):
            await pilot.click(organisations, offset=(4, row + 1))
            _clean("\n".join(lines(app.reader.detail)))
        # Follow every link of the last detail with the mouse and the keyboard.
        app.reader.open_entity("osc-org")
        await pilot.pause()
        app.reader.detail.focus()
        for _ in range(6):
            await pilot.press("down", "enter")
            _clean("\n".join(lines(app.reader.detail)))
            await pilot.press("backspace")
        for which in Pane:
            _clean("\n".join(lines(pane(app, which))))
        # Notifications and the status line stay literal too.
        app.reader.narrowed_to = None
        await pilot.press("3", "n")
        title = app.reader.pane_box(Pane.CHRONOLOGY).border_title
        assert title is not None
        _clean(str(title))
        await pilot.press("slash", *"clip", "enter")
        assert app.reader.current == "osc-org"
        assert app.is_running
        assert list(tmp_path.iterdir()) == []


async def test_the_command_palette_shows_hostile_names_literally() -> None:
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.show_collection(hostile_collection())
        await pilot.press("ctrl+p", *"click")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.reader.current in ("click-org", "click-speaker")

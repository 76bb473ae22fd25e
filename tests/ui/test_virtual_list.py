"""The panes draw only what is on screen, whatever the number of items."""

from __future__ import annotations

import pytest

from fto_tui.ui import rows
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.widgets import entity_list
from tests.ui.factories import many_organisations
from tests.ui.helpers import highlighted_id, pane, settle


async def test_a_pane_of_100k_items_renders_only_visible_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[str] = []

    def counting_row(entity: object) -> object:
        drawn.append(entity.id)  # type: ignore[attr-defined]
        return rows.row(entity)  # type: ignore[arg-type]

    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(entity_list, "row", counting_row)
        app.show_collection(many_organisations(100_000))
        await pilot.pause()
        organisations = pane(app, Pane.ORGANISATIONS)
        height = organisations.scrollable_content_region.height
        assert len(organisations.items) == 100_000
        assert 0 < len(set(drawn)) <= height
        drawn.clear()
        await pilot.press("end")
        await pilot.pause()
        assert highlighted_id(app, Pane.ORGANISATIONS) == "org-099999"
        assert 0 < len(set(drawn)) <= height
        assert "org-099999" in drawn
        await pilot.press("pageup")
        assert highlighted_id(app, Pane.ORGANISATIONS) == f"org-{99_999 - height:06d}"
        await pilot.press("enter")
        assert app.reader.current == f"org-{99_999 - height:06d}"


async def test_the_command_palette_runs_actions_too() -> None:
    from tests.ui.factories import SAMPLE

    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("j")  # South Gang highlighted
        await pilot.press("ctrl+p", *"Narrow")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.narrowed_to == "south-gang"


async def test_the_scrollbar_follows_the_items_and_the_size() -> None:
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        organisations = pane(app, Pane.ORGANISATIONS)
        app.show_collection(many_organisations(3))
        await pilot.pause()
        assert not organisations.show_vertical_scrollbar
        app.show_collection(many_organisations(500))
        await settle(app, pilot)
        assert organisations.show_vertical_scrollbar
        assert organisations.max_scroll_y == 500 - organisations.scrollable_content_region.height
        await pilot.press("end")
        await pilot.pause()
        assert organisations.scroll_offset.y == organisations.max_scroll_y
        # Taller: the scrollable range shrinks and the view stays at its end.
        await pilot.resize_terminal(120, 60)
        await settle(app, pilot)
        assert organisations.max_scroll_y == 500 - organisations.scrollable_content_region.height
        assert organisations.scroll_offset.y == organisations.max_scroll_y
        app.show_collection(many_organisations(3))
        await settle(app, pilot)
        assert not organisations.show_vertical_scrollbar
        assert organisations.scroll_offset.y == 0

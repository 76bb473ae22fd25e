"""Starting the reader under Pilot and reading what it shows."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget

from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.widgets.entity_list import EntityList


async def settle(app: FtoBriefApp, pilot: Pilot[int]) -> None:
    """Let workers finish and their messages be handled."""
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def pane(app: FtoBriefApp, which: Pane) -> EntityList:
    return app.reader.pane(which)


def lines(widget: Widget) -> list[str]:
    """The text a line-API widget shows, line by line."""
    return [widget.render_line(y).text for y in range(widget.scrollable_content_region.height)]


def highlighted_id(app: FtoBriefApp, which: Pane) -> str | None:
    entity = pane(app, which).highlighted
    return entity.id if entity is not None else None

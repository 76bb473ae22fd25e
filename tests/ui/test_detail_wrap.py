"""Wrapped text in the detail view is never cropped when a scrollbar appears."""

from __future__ import annotations

from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.widgets.detail_view import DetailView, wrap_hanging


async def test_text_rewraps_when_the_scrollbar_narrows_the_detail() -> None:
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.collection.organisations:
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press("enter")  # Tren de Aragua: long enough to need a scrollbar
        await pilot.pause()
        detail = app.reader.detail
        assert detail.max_scroll_y > 0
        width = detail.scrollable_content_region.width
        lines = [detail.render_line(y).text for y in range(detail.size.height)]
        assert all(len(line.rstrip()) <= width for line in lines)
        # Every word of the description is there whole, wherever the lines break.
        text = " ".join(" ".join(line.split()) for line in lines)
        description = app.collection.get("tren-de-aragua").description  # type: ignore[union-attr]
        assert " ".join(description.split()) in text, lines


def _wrapped_to_its_width(detail: DetailView) -> bool:
    """Each paragraph is drawn in the lines that wrapping it to the width drawn gives."""
    width = detail.scrollable_content_region.width
    for index, block in enumerate(detail.document.blocks):
        if block.wrap:
            lines = wrap_hanging(block.render(), max(1, width - block.indent), block.hang)
            if detail.item_height(index) != len(lines):
                return False
            for offset, line in enumerate(lines):
                drawn = detail.render_item_line(index, offset, width, False).text
                if drawn.rstrip() != (" " * block.indent + line.plain).rstrip():
                    return False
    return True


async def test_text_is_wrapped_to_the_width_drawn_as_the_terminal_changes_size() -> None:
    app = FtoBriefApp([], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.collection.organisations:
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.reader.detail
        assert detail.show_vertical_scrollbar
        assert _wrapped_to_its_width(detail)
        # Tall enough for the whole text: the scrollbar goes and the text takes its place.
        await pilot.resize_terminal(120, 200)
        await pilot.pause()
        await pilot.pause()
        assert not detail.show_vertical_scrollbar
        assert _wrapped_to_its_width(detail)
        for size in ((120, 30), (100, 40), (130, 45)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            assert detail.show_vertical_scrollbar
            assert _wrapped_to_its_width(detail), size

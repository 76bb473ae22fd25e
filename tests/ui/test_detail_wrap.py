"""Wrapped text in the detail view is never cropped when a scrollbar appears."""

from __future__ import annotations

from fto_tui.ui.app import FtoBriefApp


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

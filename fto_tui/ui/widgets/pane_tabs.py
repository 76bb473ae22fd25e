"""A one-line tab strip naming the panes, shown when the terminal is too small for all three."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from fto_tui.ui.panes import PANES, Pane


class PaneTabs(Widget):
    DEFAULT_CSS = """
    PaneTabs { height: 1; background: $panel; }
    """

    class Chosen(Message):
        def __init__(self, pane: Pane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._active = Pane.ORGANISATIONS
        self._spans: list[tuple[int, int, Pane]] = []

    def set_active(self, pane: Pane) -> None:
        if pane is not self._active:
            self._active = pane
            self.refresh()

    def render(self) -> Content:
        parts: list[Content] = []
        position = 0
        self._spans = []
        for pane in PANES:
            label = f" {pane.number} {pane.title} "
            style = "bold reverse" if pane is self._active else "dim"
            parts.append(Content.styled(label, style))
            self._spans.append((position, position + len(label), pane))
            position += len(label) + 1
            parts.append(Content(" "))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, pane in self._spans:
            if start <= event.x < end:
                event.stop()
                self.post_message(self.Chosen(pane))
                return

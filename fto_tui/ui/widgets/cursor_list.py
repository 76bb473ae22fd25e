"""A virtual list with a cursor, on Textual's line API.

Only the lines on screen are ever rendered, straight from the model, so a list of 100,000
items costs no more to show than a list of ten. Items may be several lines high (the detail
view's paragraphs) and some may be skipped by the cursor (headings, gaps). Subclasses say how
many items there are, where each sits, and how to draw one line of one item; they post their
own messages from :meth:`cursor_moved` and :meth:`chosen`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


def content_strip(content: Content, width: int, style: Style | None = None) -> Strip:
    """One line of ``content``, cut or padded to exactly ``width`` cells, over ``style``.

    Made as one strip (each strip carries a set of caches, and a screen has hundreds of
    lines); only a line too long for ``width`` goes through Textual's cutting."""
    segments = list(content.render_segments())
    length = Segment.get_line_length(segments)
    if length > width:
        segments = list(Strip(segments, length).adjust_cell_length(width))
    elif length < width:
        segments.append(Segment(" " * (width - length)))
    if style is not None:
        segments = list(Segment.apply_style(segments, style))
    return Strip(segments, width)


class CursorList(ScrollView, can_focus=True):
    """A scrolling list of items drawn line by line, with a keyboard and mouse cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("home", "cursor_first", "First", show=False, id="list.first"),
        Binding("end", "cursor_last", "Last", show=False, id="list.last"),
        Binding("pageup", "page_up_cursor", "Page up", show=False, id="list.page-up"),
        Binding("pagedown", "page_down_cursor", "Page down", show=False, id="list.page-down"),
        Binding("enter", "choose", "Open", id="list.choose"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"cursor-list--cursor", "cursor-list--cursor-blurred"}

    DEFAULT_CSS = """
    CursorList {
        overflow-x: hidden;
        overflow-y: auto;
        & > .cursor-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .cursor-list--cursor-blurred { background: $block-cursor-blurred-background; }
    }
    """

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._cursor = -1
        self._drawing_style: Style | None = None
        self._scrollbars_for: tuple[object, ...] | None = None

    # -- what subclasses provide ----------------------------------------------------------

    def item_count(self) -> int:
        raise NotImplementedError

    def item_top(self, index: int) -> int:
        """The first line of item ``index``."""
        return index

    def item_height(self, index: int) -> int:
        return 1

    def item_at_line(self, line: int) -> int:
        """The item drawn on ``line``, or -1 past the end."""
        return line if 0 <= line < self.item_count() else -1

    def total_lines(self) -> int:
        return self.item_count()

    def selectable(self, index: int) -> bool:
        return True

    def render_item_line(self, index: int, offset: int, width: int, selected: bool) -> Strip:
        raise NotImplementedError

    def cursor_moved(self, index: int) -> None:
        """Called when the cursor lands on a new item (post a message here)."""

    def chosen(self, index: int) -> None:
        """Called when the item under the cursor is chosen with Enter or a click."""

    # -- state ----------------------------------------------------------------------------

    @property
    def cursor(self) -> int:
        """The index of the item under the cursor, -1 when there is none."""
        return self._cursor

    @property
    def line_style(self) -> Style:
        """The widget's own style, that every line is drawn over."""
        if self._drawing_style is not None:
            return self._drawing_style
        return self.rich_style

    def cursor_style(self) -> Style:
        name = "cursor-list--cursor" if self.has_focus else "cursor-list--cursor-blurred"
        return self.get_component_rich_style(name)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Textual's ScrollView compares the scrollable size the layout passes in (the
        # region's) with the widget's own, which for a list of lines never match: every
        # layout pass updated and redrew the scrollbars, and so drew the screen once more.
        # Update them when what decides them changed: the sizes, or the scrollbar styles.
        styles = self.styles
        key = (
            size,
            self.virtual_size,
            container_size,
            styles.overflow_y,
            styles.scrollbar_size_vertical,
        )
        if key == self._scrollbars_for:
            return False
        self._scrollbars_for = key
        return super()._size_updated(size, virtual_size, container_size, layout)

    def refresh_layout(self) -> None:
        """Call after the items changed: resizes the scrollable area and redraws.

        Lines are cut to the width, never scrolled sideways, so the scrollable area has no
        width of its own: a new width (the first layout, a resize) then needs no second
        layout pass, only a redraw."""
        self.virtual_size = Size(0, self.total_lines())
        self.refresh()

    def move_cursor(self, index: int, *, scroll: bool = True, notify: bool = True) -> None:
        count = self.item_count()
        index = -1 if count == 0 else max(0, min(index, count - 1))
        changed = index != self._cursor
        self._cursor = index
        if scroll and index >= 0:
            self.scroll_to_item(index)
        self.refresh()
        if changed and notify and index >= 0:
            self.cursor_moved(index)

    def scroll_to_item(self, index: int) -> None:
        top = self.item_top(index)
        height = self.item_height(index)
        view = self.scrollable_content_region.height
        if view <= 0:
            return
        y = self.scroll_offset.y
        if top < y or height > view:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + height > y + view:
            self.scroll_to(y=top + height - view, animate=False, immediate=True)

    def _next_selectable(self, start: int, step: int) -> int:
        index = start
        count = self.item_count()
        while 0 <= index < count:
            if self.selectable(index):
                return index
            index += step
        return -1

    # -- drawing --------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style is worked out from all its ancestors: once per redraw, then.
        self._drawing_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._drawing_style = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index = self.item_at_line(line)
        if index < 0:
            return Strip.blank(width, self.line_style)
        offset = line - self.item_top(index)
        return self.render_item_line(index, offset, width, index == self._cursor)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        # Textual redraws a widget whose size changed; the scrollable height is all that may
        # need updating here (a redraw on top of that would draw every pane twice at start).
        self.virtual_size = Size(0, self.total_lines())
        if self._cursor >= 0:
            self.call_after_refresh(self.scroll_to_item, self._cursor)

    # -- keys and mouse -------------------------------------------------------------------

    def _visible(self, index: int) -> bool:
        top = self.item_top(index)
        y = self.scroll_offset.y
        return top < y + self.scrollable_content_region.height and top + self.item_height(index) > y

    def _step(self, direction: int) -> None:
        """Move to the next selectable item if it is on screen, else scroll a line towards it.

        Long text between two links is thus read line by line instead of jumped over."""
        if self._cursor < 0:
            target = self._next_selectable(0, 1)
        else:
            target = self._next_selectable(self._cursor + direction, direction)
        if target >= 0 and self._visible(target):
            self.move_cursor(target)
            return
        y = self.scroll_offset.y
        new_y = max(0, min(y + direction, self.max_scroll_y))
        if new_y != y:
            self.scroll_to(y=new_y, animate=False, immediate=True)
        if target >= 0 and (new_y == y or self._visible(target)):
            self.move_cursor(target)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_first(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)
        target = self._next_selectable(0, 1)
        if target >= 0:
            self.move_cursor(target)

    def action_cursor_last(self) -> None:
        self.scroll_to(y=self.total_lines(), animate=False, immediate=True)
        target = self._next_selectable(self.item_count() - 1, -1)
        if target >= 0:
            self.move_cursor(target)

    def _page(self, direction: int) -> None:
        view = max(1, self.scrollable_content_region.height)
        line = (self.item_top(self._cursor) if self._cursor >= 0 else 0) + direction * view
        line = max(0, min(line, self.total_lines() - 1))
        self.scroll_to(y=self.scroll_offset.y + direction * view, animate=False, immediate=True)
        index = self.item_at_line(line)
        if index < 0:
            return
        target = self._next_selectable(index, direction)
        if target < 0:
            target = self._next_selectable(index, -direction)
        if target >= 0:
            self.move_cursor(target)

    def action_page_up_cursor(self) -> None:
        self._page(-1)

    def action_page_down_cursor(self) -> None:
        self._page(1)

    def action_choose(self) -> None:
        if self._cursor >= 0 and self.selectable(self._cursor):
            self.chosen(self._cursor)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = self.item_at_line(self.scroll_offset.y + offset.y)
        if index < 0 or not self.selectable(index):
            return
        event.stop()
        self.focus()
        self.move_cursor(index)
        self.chosen(index)

"""The detail of one entity: wrapped paragraphs, with a cursor that moves between links.

Up/down move to the next link or source when it is on screen and otherwise scroll a line, so
long text reads like a page. Enter or a click on a link posts :class:`DetailView.LinkChosen`.

A document with a lot of text (a description of megabytes) is wrapped in a thread worker, so
the interface never waits for it: meanwhile each paragraph shows its first line, and the
wrapped text replaces it when ready.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from textual import events, work
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.worker import get_current_worker

from fto_tui.model import Citation, Source
from fto_tui.problems import Position
from fto_tui.ui.details import Block, Document
from fto_tui.ui.widgets.cursor_list import CursorList, content_strip

_STYLES = ("title", "heading", "link")
"""Block styles with a component class; the others ("source", "text", "gap") are drawn in the
view's own style (each component class is styled again whenever the view is)."""
_PLAIN = Style()
#: A document with more characters of wrapped text than this is wrapped in a worker.
BIG_TEXT = 100_000


#: Lines longer than this many characters are wrapped a piece at a time, so that wrapping
#: a description of megabytes can be stopped between pieces.
PIECE = 20_000


class WrapCancelled(Exception):
    """The wrapping was no longer wanted."""


def _never() -> bool:
    return False


def _wrap_line(line: Content, width: int, cancelled: Callable[[], bool]) -> list[Content]:
    """``line`` wrapped to ``width``; a long one a piece at a time, each piece's last
    (partial) line carried into the next, so the result is the same as wrapping it whole."""
    plain = line.plain
    if len(plain) <= PIECE:
        return line.wrap(width)
    lines: list[Content] = []
    carry = Content("")
    start = 0
    while len(plain) - start > PIECE:
        cut = plain.rfind(" ", start + PIECE // 2, start + PIECE)
        if cut < 0:
            cut = start + PIECE
        wrapped = Content.assemble(carry, line[start:cut]).wrap(width)
        lines += wrapped[:-1]
        carry = wrapped[-1] if wrapped else Content("")
        start = cut
        if cancelled():
            raise WrapCancelled
    return lines + Content.assemble(carry, line[start:]).wrap(width)


def wrap_hanging(
    content: Content, width: int, hang: int = 0, cancelled: Callable[[], bool] = _never
) -> list[Content]:
    """Wrap each line of ``content`` to ``width``; the continuation lines of a line are
    indented like the line itself, or by ``hang`` cells if that is more. ``cancelled`` is
    asked between the pieces of a long line (see :data:`PIECE`)."""
    lines: list[Content] = []
    for line in content.split("\n"):
        plain = line.plain
        lead = len(plain) - len(plain.lstrip(" "))
        indent = min(max(lead, hang), max(0, width - 10))
        wrapped = _wrap_line(line, width, cancelled)
        if len(wrapped) <= 1:
            lines.append(wrapped[0] if wrapped else Content(""))
            continue
        first = wrapped[0]
        lines.append(first)
        if not indent:
            lines += wrapped[1:]
            continue
        rest = line[len(first.plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]
        pad = Content(" " * indent)
        lines += [
            Content.assemble(pad, part)
            for part in _wrap_line(rest, max(1, width - indent), cancelled)
        ]
    return lines or [Content("")]


def wrap_document(
    document: Document, width: int, cancelled: Callable[[], bool] = _never
) -> tuple[list[int], dict[int, list[Content]]]:
    """Where each block of ``document`` starts and its wrapped lines, at ``width``."""
    tops = [0]
    wrapped: dict[int, list[Content]] = {}
    for index, block in enumerate(document.blocks):
        if block.wrap:
            room = max(1, width - block.indent)
            lines = wrap_hanging(block.render(), room, block.hang, cancelled)
            wrapped[index] = lines
            height = len(lines)
        else:
            height = 1
        tops.append(tops[-1] + height)
    return tops, wrapped


class DetailView(CursorList):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        *(f"detail-view--{style}" for style in _STYLES),
    }

    DEFAULT_CSS = """
    DetailView {
        & > .detail-view--title { text-style: bold; color: $text-primary; }
        & > .detail-view--heading { text-style: bold; color: $text-secondary; }
        & > .detail-view--link { color: $text-accent; }
    }
    """

    class LinkChosen(Message):
        """The user chose a link to ``entity_id``."""

        def __init__(self, detail: DetailView, entity_id: str) -> None:
            super().__init__()
            self.detail = detail
            self.entity_id = entity_id

        @property
        def control(self) -> DetailView:
            return self.detail

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._document = Document("Detail", ())
        self._tops: list[int] = [0]
        self._wrapped: dict[int, list[Content]] = {}
        self._layout_width = -1
        self._laid_out_for: tuple[int, bool] = (-1, False)
        self._wraps: dict[int, tuple[list[int], dict[int, list[Content]]]] = {}
        self._big = False
        self._wrapping: set[int] = set()

    @property
    def document(self) -> Document:
        return self._document

    @property
    def place(self) -> tuple[int, int]:
        """Where the reader is: (scroll offset, cursor), for :meth:`show` to come back to."""
        return self.scroll_offset.y, self.cursor

    def show(self, document: Document, place: tuple[int, int] | None = None) -> None:
        """Show ``document`` from its top with no link chosen yet, or at ``place``."""
        self._document = document
        self._layout_width = -1
        self._laid_out_for = (-1, False)
        self._wraps.clear()
        self._wrapping.clear()
        self._big = (
            sum(
                len(block.content.plain)
                for block in document.blocks
                if block.wrap and isinstance(block.content, Content)
            )
            > BIG_TEXT
        )
        self.border_title = document.label
        self._lay_out()
        self._cursor = -1
        scroll_y, cursor = place if place is not None else (0, -1)
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        if scroll_y:
            # The new height is known to the scrollbars only after the next layout.
            self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False, immediate=True)
        if 0 <= cursor < self.item_count() and self.selectable(cursor):
            self.move_cursor(cursor, scroll=False, notify=False)
        self.refresh()

    def current_source(self) -> tuple[Source, Citation | None] | None:
        """The source under the cursor, else the document's first source."""
        if self.cursor >= 0:
            block = self._document.blocks[self.cursor]
            if block.source is not None:
                return block.source, block.citation
        if self._document.sources:
            return self._document.sources[0]
        for block in self._document.blocks:
            if block.source is not None:
                return block.source, block.citation
        return None

    def current_origin(self) -> Position | None:
        """Where the block under the cursor is written, when it is not the item's position
        (a role that one of several files gives), else None."""
        if 0 <= self.cursor < len(self._document.blocks):
            return self._document.blocks[self.cursor].origin
        return None

    def links(self) -> list[str]:
        """The ids the document links to, in order (for tests and the command palette)."""
        return [block.target for block in self._document.blocks if block.target is not None]

    def select_link(self, entity_id: str) -> bool:
        for index, block in enumerate(self._document.blocks):
            if block.target == entity_id:
                self.move_cursor(index)
                return True
        return False

    # -- layout ---------------------------------------------------------------------------

    def _lay_out(self) -> None:
        """Wrap the document to the width it will be drawn at.

        Where the text will not fit the height, that is the width left beside the vertical
        scrollbar that it brings, so the scrollbar's arrival does not wrap it all again."""
        region = self.scrollable_content_region
        self._laid_out_for = (region.width, self.show_vertical_scrollbar)
        if not self.size.width:
            # Not laid out yet: the first resize wraps the text, once, to the real width.
            self._tops = list(range(len(self._document.blocks) + 1))
            self._wrapped = {}
            self._layout_width = -1
            super().refresh_layout()
            return
        width = region.width
        if self.show_vertical_scrollbar:
            width += self.scrollbar_size_vertical
        scrollbar = self.styles.scrollbar_size_vertical
        if self._big and self.styles.overflow_y == "auto" and width > scrollbar:
            width -= scrollbar  # so much text surely needs the scrollbar: wrap it once
        tops, wrapped = self._wrap(width)
        if (
            not self._big
            and tops[-1] > region.height
            and self.styles.overflow_y == "auto"
            and width > scrollbar
        ):
            width -= scrollbar
            tops, wrapped = self._wrap(width)
        if width == self._layout_width:
            return  # as wrapped already (the scrollbar came or went as expected)
        self._layout_width = width
        self._tops = tops
        self._wrapped = wrapped
        super().refresh_layout()

    def _wrap(self, width: int) -> tuple[list[int], dict[int, list[Content]]]:
        """Where each block starts and its wrapped lines, at ``width`` (kept for the document
        shown, as the same widths come back when the scrollbar comes and goes). A big
        document is wrapped in a worker; meanwhile each paragraph shows its first line."""
        if width in self._wraps:
            return self._wraps[width]
        if self._big:
            if width not in self._wrapping:
                self._wrapping.clear()  # a worker for another width is cancelled
                self._wrapping.add(width)
                self._wrap_in_background(self._document, width)
            return self._first_lines(width)
        if len(self._wraps) >= 4:
            self._wraps.clear()
        self._wraps[width] = layout = wrap_document(self._document, width)
        return layout

    def _first_lines(self, width: int) -> tuple[list[int], dict[int, list[Content]]]:
        tops = [0]
        wrapped: dict[int, list[Content]] = {}
        for index, block in enumerate(self._document.blocks):
            if block.wrap:
                room = max(1, width - block.indent)
                first = block.render()[: room * 2].split("\n")[0]
                wrapped[index] = [first.truncate(room, ellipsis=True)]
            tops.append(tops[-1] + 1)
        return tops, wrapped

    @work(thread=True, group="detail-wrap", exclusive=True)
    def _wrap_in_background(self, document: Document, width: int) -> None:
        worker = get_current_worker()
        try:
            layout = wrap_document(document, width, lambda: worker.is_cancelled)
        except WrapCancelled:
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._wrapped_in_background, document, width, layout)

    def _wrapped_in_background(
        self, document: Document, width: int, layout: tuple[list[int], dict[int, list[Content]]]
    ) -> None:
        if document is not self._document:
            return  # another document is shown now
        self._wrapping.discard(width)
        if len(self._wraps) >= 4:
            self._wraps.clear()
        self._wraps[width] = layout
        scroll_y = self.scroll_offset.y
        self._layout_width = -1
        self._laid_out_for = (-1, False)
        self._lay_out()
        self.scroll_to(y=scroll_y, animate=False, immediate=True)
        self.refresh()

    def _layout_is_stale(self) -> bool:
        region = self.scrollable_content_region
        return (region.width, self.show_vertical_scrollbar) != self._laid_out_for

    def refresh_layout(self) -> None:
        if self._layout_is_stale():
            self._lay_out()  # wraps the text again if need be, then comes back here
            return
        super().refresh_layout()

    def on_resize(self, event: events.Resize) -> None:
        if self._layout_is_stale():
            self._lay_out()
        super().on_resize(event)

    def render_line(self, y: int) -> Strip:
        # A vertical scrollbar that comes or goes changes the width without resizing the
        # widget; wrap again (if the layout did not expect it) rather than crop each line.
        if self._layout_is_stale():
            self._lay_out()
        return super().render_line(y)

    # -- CursorList -----------------------------------------------------------------------

    def item_count(self) -> int:
        return len(self._document.blocks)

    def item_top(self, index: int) -> int:
        return self._tops[index]

    def item_height(self, index: int) -> int:
        return self._tops[index + 1] - self._tops[index]

    def total_lines(self) -> int:
        return self._tops[-1]

    def item_at_line(self, line: int) -> int:
        if line < 0 or line >= self._tops[-1]:
            return -1
        return bisect_right(self._tops, line) - 1

    def selectable(self, index: int) -> bool:
        return self._document.blocks[index].selectable

    def render_item_line(self, index: int, offset: int, width: int, selected: bool) -> Strip:
        block: Block = self._document.blocks[index]
        if block.wrap:
            content = self._wrapped[index][offset]
        else:
            content = block.render().truncate(max(1, width - block.indent), ellipsis=True)
        if block.indent:
            content = Content.assemble(Content(" " * block.indent), content)
        style = (
            self.get_component_rich_style(f"detail-view--{block.style}")
            if block.style in _STYLES
            else _PLAIN
        )
        if selected:
            style = style + self.cursor_style()
        return content_strip(content, width, self.line_style + style)

    def chosen(self, index: int) -> None:
        target = self._document.blocks[index].target
        if target is not None:
            self.post_message(self.LinkChosen(self, target))

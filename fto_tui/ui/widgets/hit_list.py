"""Search results, two lines each: what was found, and the matching words in context."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.message import Message
from textual.strip import Strip

from fto_tui.search import SearchHit
from fto_tui.ui.safe import highlighted, one_line
from fto_tui.ui.widgets.cursor_list import CursorList, content_strip


class HitList(CursorList):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        "hit-list--snippet",
        "hit-list--empty",
    }
    DEFAULT_CSS = """
    HitList {
        & > .hit-list--snippet { color: $text-muted; }
        & > .hit-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    class Chosen(Message):
        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hits: Sequence[SearchHit] = ()
        self.empty_text = "Type to search names, quotes, events and sources."

    @property
    def hits(self) -> Sequence[SearchHit]:
        return self._hits

    @property
    def highlighted_hit(self) -> SearchHit | None:
        return self._hits[self.cursor] if 0 <= self.cursor < len(self._hits) else None

    def set_hits(self, hits: Sequence[SearchHit], empty_text: str) -> None:
        self._hits = hits
        self.empty_text = empty_text
        self.refresh_layout()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.move_cursor(0 if hits else -1, notify=False)

    def item_count(self) -> int:
        return len(self._hits)

    def item_top(self, index: int) -> int:
        return index * 2

    def item_height(self, index: int) -> int:
        return 2

    def total_lines(self) -> int:
        return len(self._hits) * 2

    def item_at_line(self, line: int) -> int:
        return line // 2 if 0 <= line < len(self._hits) * 2 else -1

    def render_line(self, y: int) -> Strip:
        if not self._hits:
            width = self.scrollable_content_region.width
            if y == 0:
                style = self.get_component_rich_style("hit-list--empty")
                return content_strip(Content(self.empty_text), width, style)
            return Strip.blank(width, self.line_style)
        return super().render_line(y)

    def render_item_line(self, index: int, offset: int, width: int, selected: bool) -> Strip:
        hit = self._hits[index]
        if offset == 0:
            content = Content.assemble(
                Content.styled(f"{hit.kind.value:<13}", "dim"),
                Content.styled(one_line(hit.title), "bold"),
            )
            base = self.line_style
        else:
            content = Content.assemble(
                Content(" " * 13),
                Content.styled(f"{one_line(hit.field)}: ", "dim"),
                highlighted(hit.snippet, hit.match_start, hit.match_end, "bold underline"),
            )
            base = self.line_style + self.get_component_rich_style("hit-list--snippet")
        content = content.truncate(width, ellipsis=True)
        style = base + self.cursor_style() if selected else base
        return content_strip(content, width, style)

    def chosen(self, index: int) -> None:
        self.post_message(self.Chosen(self._hits[index]))

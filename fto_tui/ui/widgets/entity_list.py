"""A pane listing entities (organisations, speakers or events), one line each, virtualised."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.content import Content
from textual.message import Message
from textual.strip import Strip

from fto_tui.model import Entity
from fto_tui.ui.rows import row
from fto_tui.ui.widgets.cursor_list import CursorList, content_strip


class EntityList(CursorList):
    """Lists entities; rows are drawn from the model only when they come into view.

    Posts :class:`EntityList.Highlighted` when the cursor moves and
    :class:`EntityList.Selected` on Enter or a click.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *CursorList.COMPONENT_CLASSES,
        "entity-list--empty",
    }

    DEFAULT_CSS = """
    EntityList > .entity-list--empty { color: $text-muted; text-style: italic; }
    """

    class Highlighted(Message):
        def __init__(self, entity_list: EntityList, entity: Entity) -> None:
            super().__init__()
            self.entity_list = entity_list
            self.entity = entity

        @property
        def control(self) -> EntityList:
            return self.entity_list

    class Selected(Message):
        def __init__(self, entity_list: EntityList, entity: Entity) -> None:
            super().__init__()
            self.entity_list = entity_list
            self.entity = entity

        @property
        def control(self) -> EntityList:
            return self.entity_list

    def __init__(
        self,
        empty_text: str = "Nothing here.",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: Sequence[Entity] = ()
        self._index_of: dict[str, int] | None = None
        self.empty_text = empty_text
        self.marks: Callable[[str], str] | None = None
        """Marks to put in front of an item's row, by its id (new, changed, bookmarked)."""

    @property
    def items(self) -> Sequence[Entity]:
        return self._items

    @property
    def highlighted(self) -> Entity | None:
        return self._items[self.cursor] if 0 <= self.cursor < len(self._items) else None

    def set_items(self, items: Sequence[Entity], cursor: int = 0) -> None:
        """Show ``items`` (kept by reference, never copied) with the cursor at ``cursor``."""
        self._items = items
        self._index_of = None
        self.refresh_layout()
        self.move_cursor(cursor if items else -1, notify=False)
        if not items:
            self.scroll_to(y=0, animate=False, immediate=True)

    def index_of(self, entity_id: str) -> int:
        """Where the entity with ``entity_id`` is listed, or -1."""
        if self._index_of is None:
            self._index_of = {entity.id: index for index, entity in enumerate(self._items)}
        return self._index_of.get(entity_id, -1)

    def select_id(self, entity_id: str) -> bool:
        """Put the cursor on ``entity_id`` (without posting messages); False if not listed."""
        index = self.index_of(entity_id)
        if index < 0:
            return False
        self.move_cursor(index, notify=False)
        return True

    # -- CursorList -----------------------------------------------------------------------

    def item_count(self) -> int:
        return len(self._items)

    def item_at_line(self, line: int) -> int:
        return line if 0 <= line < len(self._items) else -1

    def render_line(self, y: int) -> Strip:
        if not self._items:
            width = self.scrollable_content_region.width
            if y == 0:
                style = self.get_component_rich_style("entity-list--empty")
                return content_strip(Content(self.empty_text), width, style)
            return Strip.blank(width, self.line_style)
        return super().render_line(y)

    def render_item_line(self, index: int, offset: int, width: int, selected: bool) -> Strip:
        entity = self._items[index]
        content = row(entity)
        mark = self.marks(entity.id) if self.marks is not None else ""
        if mark:
            content = Content.assemble(Content.styled(f"{mark} ", "bold"), content)
        content = content.truncate(width, ellipsis=True)
        style = self.cursor_style() if selected else self.line_style
        return content_strip(content, width, style)

    def cursor_moved(self, index: int) -> None:
        self.post_message(self.Highlighted(self, self._items[index]))

    def chosen(self, index: int) -> None:
        self.post_message(self.Selected(self, self._items[index]))

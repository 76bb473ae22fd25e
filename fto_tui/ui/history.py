"""Browser-like navigation history: where the reader has been, back and forward.

Pure data, no Textual. The reader pushes every entity it shows with :meth:`History.visit`;
``Backspace``/``alt+left`` call :meth:`back` and ``alt+right`` :meth:`forward`.
"""

from __future__ import annotations

from collections.abc import Callable


class History:
    """A list of visited entity ids with a position in it.

    Visiting an id drops everything after the current position (as a browser does), and
    visiting the id already current changes nothing. The list is capped at ``limit`` entries,
    the oldest going first.
    """

    __slots__ = ("_items", "_limit", "_position")

    def __init__(self, limit: int = 200) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self._items: list[str] = []
        self._position = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        return self._items[self._position] if self._position >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._position < len(self._items) - 1

    def visit(self, entity_id: str) -> None:
        if self.current == entity_id:
            return
        del self._items[self._position + 1 :]
        self._items.append(entity_id)
        if len(self._items) > self._limit:
            del self._items[: len(self._items) - self._limit]
        self._position = len(self._items) - 1

    def back(self) -> str | None:
        """Step back and return the id now current, or None (and stay) at the start."""
        if not self.can_go_back:
            return None
        self._position -= 1
        return self.current

    def forward(self) -> str | None:
        """Step forward and return the id now current, or None (and stay) at the end."""
        if not self.can_go_forward:
            return None
        self._position += 1
        return self.current

    def prune(self, exists: Callable[[str], bool]) -> None:
        """Forget ids that no longer exist (after a reload), keeping the position sensible."""
        collapsed: list[str] = []
        position = -1
        for index, item in enumerate(self._items):
            if exists(item) and (not collapsed or collapsed[-1] != item):
                collapsed.append(item)
            if index == self._position:
                position = len(collapsed) - 1
        self._items = collapsed
        self._position = max(position, 0) if collapsed else -1

    def __len__(self) -> int:
        return len(self._items)

    def entries(self) -> tuple[str, ...]:
        return tuple(self._items)

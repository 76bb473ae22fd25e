"""Messages that cross the reader: loading results posted by workers to the app.

Widgets declare their own messages (``EntityList.Selected``, ``DetailView.LinkChosen``); the
ones here come from background workers, which post them to the app from their threads.
(Plain classes rather than dataclasses: they are made when the reader starts, and a
dataclass takes a good part of a millisecond to make.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from fto_tui.loader import FileLoad, LoadResult
    from fto_tui.search import SearchIndex
    from fto_tui.ui.open_files import Assembly


class BriefingsLoaded(Message):
    """Paths given at start or through the open dialog were read (``result.files``)."""

    def __init__(self, result: LoadResult, opened: bool, search: SearchIndex | None = None) -> None:
        super().__init__()
        self.result = result
        self.opened = opened
        """True when the user opened them (ctrl+o), False for the files given at start."""
        self.search = search
        """The search over ``result.collection``, built in the worker (None when opened)."""


class FilesReread(Message):
    """Already open files were read again (after ``r`` or a change on disk)."""

    def __init__(self, loads: Sequence[FileLoad], deleted: Sequence[str]) -> None:
        super().__init__()
        self.loads = loads
        self.deleted = deleted


class Assembled(Message):
    """The open files were assembled anew (after a reload, or files opened with ctrl+o)."""

    def __init__(
        self, assembly: Assembly, generation: int, search: SearchIndex, announce: bool
    ) -> None:
        super().__init__()
        self.assembly = assembly
        self.generation = generation
        self.search = search
        self.announce = announce
        """True when the user opened files: their errors are shown at once."""


class FilesChanged(Message):
    """The watcher saw files change on disk (they have stopped changing)."""

    def __init__(self, changed: Sequence[str], deleted: Sequence[str]) -> None:
        super().__init__()
        self.changed = changed
        self.deleted = deleted

"""Messages that cross the reader: loading results posted by workers to the app.

Widgets declare their own messages (``EntityList.Selected``, ``DetailView.LinkChosen``); the
ones here come from background workers, which post them to the app from their threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from fto_tui.loader import FileLoad, LoadResult
    from fto_tui.search import SearchIndex


@dataclass
class BriefingsLoaded(Message):
    """Paths given at start or through the open dialog were read (``result.files``)."""

    result: LoadResult
    opened: bool
    """True when the user opened them (ctrl+o), False for the files given at start."""
    search: SearchIndex | None = None
    """The search over ``result.collection``, built in the worker (None when opened)."""


@dataclass
class FilesReread(Message):
    """Already open files were read again (after ``r`` or a change on disk)."""

    loads: Sequence[FileLoad]
    deleted: Sequence[str]


@dataclass
class Combined(Message):
    """The last good loads of all open files were merged into one collection."""

    result: LoadResult
    generation: int
    search: SearchIndex


@dataclass
class FilesChanged(Message):
    """The watcher saw files change on disk (they have stopped changing)."""

    changed: Sequence[str]
    deleted: Sequence[str]

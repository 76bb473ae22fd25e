"""The briefing files the reader has open, each with its last good load.

Pure data, no Textual. A file whose new version fails to load keeps showing its last good one;
a deleted file keeps its last content. :meth:`OpenFiles.good_loads` is what gets combined into
the collection on screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fto_tui.problems import Problem

if TYPE_CHECKING:
    from fto_tui.loader import FileLoad


class OpenFiles:
    """Open paths in the order they were opened, their last good loads and latest problems."""

    __slots__ = ("_deleted", "_good", "_latest", "_order")

    def __init__(self) -> None:
        self._order: list[str] = []
        self._good: dict[str, FileLoad] = {}
        self._latest: dict[str, tuple[Problem, ...]] = {}
        self._deleted: set[str] = set()

    def accept(self, load: FileLoad) -> bool:
        """Record a fresh load of a file. It replaces the last good one only if it has no
        errors; its problems become the file's latest either way. Returns ``load.ok``."""
        if load.path not in self._latest:
            self._order.append(load.path)
        self._latest[load.path] = load.problems
        self._deleted.discard(load.path)
        if load.ok:
            self._good[load.path] = load
        return load.ok

    def mark_deleted(self, path: str) -> bool:
        """Note that ``path`` is gone from disk; its last good content stays. Returns whether
        there was content to keep."""
        if path in self._latest:
            self._deleted.add(path)
        return path in self._good

    @property
    def paths(self) -> tuple[str, ...]:
        """Every open path, broken ones included (they are watched for a fix)."""
        return tuple(self._order)

    @property
    def shown_paths(self) -> tuple[str, ...]:
        """Paths whose content is on screen (those with a good load)."""
        return tuple(path for path in self._order if path in self._good)

    def is_deleted(self, path: str) -> bool:
        return path in self._deleted

    def has_good(self, path: str) -> bool:
        return path in self._good

    def good_loads(self) -> tuple[FileLoad, ...]:
        return tuple(self._good[path] for path in self._order if path in self._good)

    def problems(self, paths: Iterable[str] | None = None) -> tuple[Problem, ...]:
        """The latest problems of ``paths`` (all open files by default)."""
        wanted = self._order if paths is None else [p for p in paths if p in self._latest]
        return tuple(problem for path in wanted for problem in self._latest[path])

    def __contains__(self, path: object) -> bool:
        return path in self._latest

    def __len__(self) -> int:
        return len(self._order)

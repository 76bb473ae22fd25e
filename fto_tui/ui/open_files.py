"""The briefing files the reader has open: each file's latest load and its last good one.

Pure data, no Textual. :meth:`OpenFiles.assemble` decides what the reader shows and reports,
through the loader's one function for that (:func:`fto_tui.loader.assemble`):

- the problems reported are always those of the files as they are now (the latest loads),
  exactly what ``check`` reports for them;
- a file whose latest load has an error of any kind (in the file itself, or in a reference it
  makes) is shown as it last was without errors; one that has had no load without errors yet
  is shown as far as it is valid, as ``check`` and ``export`` do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fto_tui.index import Collection
from fto_tui.problems import Problem

if TYPE_CHECKING:
    from fto_tui.loader import FileLoad, LoadResult


class Assembly:
    """What the open files come to: the collection shown, the problems of the files as they
    are now, and the files shown in their last good version instead."""

    __slots__ = ("collection", "last_good", "problems")

    def __init__(
        self, collection: Collection, problems: tuple[Problem, ...], last_good: tuple[str, ...]
    ) -> None:
        self.collection = collection
        self.problems = problems
        self.last_good = last_good

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


class OpenFiles:
    """Open paths in the order they were opened, their latest and last good loads."""

    __slots__ = ("_deleted", "_good", "_latest", "_order", "_shown")

    def __init__(self) -> None:
        self._order: list[str] = []
        self._latest: dict[str, FileLoad] = {}
        self._good: dict[str, FileLoad] = {}
        self._shown: dict[str, FileLoad] = {}
        self._deleted: set[str] = set()

    def accept(self, load: FileLoad) -> bool:
        """Record a fresh load of a file (it is what is on disk now). Returns ``load.ok``."""
        if load.path not in self._latest:
            self._order.append(load.path)
        self._latest[load.path] = load
        self._deleted.discard(load.path)
        return load.ok

    def assemble(
        self, loose: Sequence[Problem] = (), current: LoadResult | None = None
    ) -> Assembly:
        """Assemble the open files (see the module's docstring). ``current`` is the result of
        assembling the latest loads with ``loose``, when the caller has it already."""
        from fto_tui.loader import assemble

        latest = [self._latest[path] for path in self._order]
        if current is None:
            current = assemble(latest, loose)
        erring = {p.path for p in current.problems if p.is_error}
        shown: list[FileLoad] = []
        last_good: list[str] = []
        for load in latest:
            good = self._good.get(load.path)
            if load.path not in erring:
                self._good[load.path] = good = load
            if load.path in erring and good is not None and good is not load:
                shown.append(good)
                last_good.append(load.path)
            else:
                shown.append(load)
        self._shown = {load.path: load for load in shown}
        collection = current.collection if not last_good else assemble(shown).collection
        return Assembly(collection, current.problems, tuple(last_good))

    def mark_deleted(self, path: str) -> bool:
        """Note that ``path`` is gone from disk; its last content stays. Returns whether
        there was content to keep."""
        if path in self._latest:
            self._deleted.add(path)
        shown = self._shown.get(path, self._latest.get(path))
        return shown is not None and not shown.failed

    @property
    def paths(self) -> tuple[str, ...]:
        """Every open path, broken ones included (they are watched for a fix)."""
        return tuple(self._order)

    @property
    def shown_paths(self) -> tuple[str, ...]:
        """Paths whose content is on screen (all but those nothing could be read from)."""
        return tuple(
            path
            for path in self._order
            if (shown := self._shown.get(path, self._latest[path])) is not None and not shown.failed
        )

    def is_deleted(self, path: str) -> bool:
        return path in self._deleted

    def has_good(self, path: str) -> bool:
        return path in self._good

    def problems(self, paths: Iterable[str] | None = None) -> tuple[Problem, ...]:
        """The latest problems found in ``paths`` themselves (all open files by default)."""
        wanted = self._order if paths is None else [p for p in paths if p in self._latest]
        return tuple(problem for path in wanted for problem in self._latest[path].problems)

    def __contains__(self, path: object) -> bool:
        return path in self._latest

    def __len__(self) -> int:
        return len(self._order)

"""Notice when loaded briefing files change on disk, once they have stopped changing.

The watcher only calls ``os.stat``: it never opens a file, so a FIFO or a device named
``*.yaml`` cannot block it. A file's signature is (device, inode, size, modification and
status-change times in nanoseconds, mode): a file made unreadable (``chmod``, ``chown``)
changes its mode or status-change time, not its modification time. An editor that saves
by writing a temporary file and renaming it over the old one changes the inode; a program
writing in place changes size and time, possibly many times while it writes. Either way a
change is reported only once the signature has stayed the same for ``settle`` seconds, so a
reader never parses a half-written file because of the watcher.

The caller polls (a timer every half second or so is plenty); the clock is injectable so tests
need not sleep.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["FileChange", "FileWatcher", "Signature", "signature"]

Signature = tuple[int, int, int, int, int, int]
"""(st_dev, st_ino, st_size, st_mtime_ns, st_ctime_ns, st_mode)."""

ChangeKind = Literal["modified", "deleted", "created"]
_EPSILON = 1e-6  # clock readings are floats: 0.3 s + 0.1 s counts as 0.4 s


@dataclass(frozen=True)
class FileChange:
    """``path`` (exactly as given to the watcher) was modified, deleted or created."""

    path: str
    kind: ChangeKind


def signature(path: str) -> Signature | None:
    """The file's signature, or None when it cannot be stat'ed (missing, a symlink loop, no
    permission on a directory on the way...)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL in the path
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_mode)


class _State:
    __slots__ = ("reported", "seen", "since")

    def __init__(self, current: Signature | None, now: float) -> None:
        self.reported = current  # the last state the caller knows of
        self.seen = current  # the last state observed
        self.since = now  # when ``seen`` was first observed


class FileWatcher:
    """Poll a set of files for changes that have settled."""

    def __init__(
        self,
        paths: Iterable[str | os.PathLike[str]],
        settle: float = 0.4,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settle = settle
        self._clock = clock
        self._states: dict[str, _State] = {}
        self.set_paths(paths)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(self._states)

    def set_paths(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Watch exactly ``paths`` from now on.

        Paths already watched keep their state (a change in progress is still reported);
        new ones start from how they are now, so adding a file reports nothing until it
        changes (or, if it is missing now, until it appears).
        """
        now = self._clock()
        states: dict[str, _State] = {}
        for raw in paths:
            path = os.fspath(raw)
            if path in states:
                continue
            states[path] = self._states.get(path) or _State(signature(path), now)
        self._states = states

    def poll(self) -> list[FileChange]:
        """The changes that have settled since the last poll, in the order of the paths.

        A deleted file is reported once as ``deleted``; when it comes back, as ``created``.
        A file replaced quickly (missing only for a moment) is reported as ``modified``.
        """
        now = self._clock()
        changes: list[FileChange] = []
        for path, state in self._states.items():
            current = signature(path)
            if current != state.seen:
                state.seen = current
                state.since = now
            if current == state.reported or now - state.since + _EPSILON < self.settle:
                continue
            if current is None:
                kind: ChangeKind = "deleted"
            elif state.reported is None:
                kind = "created"
            else:
                kind = "modified"
            state.reported = current
            changes.append(FileChange(path, kind))
        return changes

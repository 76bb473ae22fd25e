"""The reader's side of the memory: the store, what it holds for the items shown, and the
changes since they were last read.

:class:`ReaderMemory` belongs to the app. Opening the store and comparing a newly shown
collection with what was last read run in thread workers; what they find is kept here (every
annotation, and the changes by item id), so drawing a pane or a detail never waits for the
database. Saving a note, a bookmark or tags is one small transaction on the main thread (a
row or a few; another reader's write holds the lock for as long), and a failure is reported,
never raised.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from fto_tui.index import Collection
from fto_tui.model import Entity

if TYPE_CHECKING:
    # The store (and sqlite3) are imported by the worker that opens it, after the first frame.
    from textual.app import App

    from fto_tui.memory.changes import Change
    from fto_tui.memory.store import Annotation, ItemInfo, SeenItem, Store
    from fto_tui.search import SearchHit


def entities(collection: Collection) -> Iterator[Entity]:
    yield from collection.organisations
    yield from collection.speakers
    yield from collection.events
    yield from collection.quotes
    yield from collection.sources


def item_info(entity: Entity) -> ItemInfo:
    from fto_tui.memory.changes import seen_item
    from fto_tui.memory.store import ItemInfo

    item = seen_item(entity)
    return ItemInfo(item.item_id, item.file, item.kind, item.about, item.fingerprint)


class ReaderMemory:
    """Notes, bookmarks, tags and changes for the reader (see the module's description)."""

    def __init__(self, app: App[int], data_dir: str | None = None) -> None:
        self.app = app
        self.data_dir = data_dir
        self.store: Store | None = None
        self.opened = False
        self.notice: str | None = None
        self.annotations: dict[str, Annotation] = {}
        self.changes: dict[str, Change] = {}
        self._current: dict[str, SeenItem] = {}
        self._shown: tuple[Collection, tuple[str, ...]] | None = None
        self._generation = 0
        self._saves = 0
        """How many saves this reader has made (annotations read before one are stale)."""
        self.on_change: Callable[[], None] = lambda: None
        """Called on the main thread whenever the annotations or changes change."""
        self._waiting: list[Callable[[], object]] = []

    # -- opening --------------------------------------------------------------------------

    def open(self) -> None:
        self.app.run_worker(
            self._open, thread=True, group="memory-open", exit_on_error=False, name="open memory"
        )

    def _open(self) -> None:
        from fto_tui.memory.store import open_store

        store = open_store(self.data_dir)
        notice = None
        annotations: list[Annotation] = []
        if store is None:
            from fto_tui.memory.store import unavailable_notice

            notice = unavailable_notice(self.data_dir)
        else:
            notice = store.notice
            annotations = store.annotations()
        self.app.call_from_thread(self._opened, store, notice, annotations)

    def _opened(self, store: Store | None, notice: str | None, found: list[Annotation]) -> None:
        self.store = store
        self.opened = True
        self.notice = notice
        self.annotations = {a.item_id: a for a in found}
        if notice:
            self.app.notify(notice, title="Notes", severity="warning", timeout=10, markup=False)
        if self._shown is not None:
            self.shown(*self._shown)
        self.on_change()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def after_open(self, action: Callable[[], object]) -> None:
        """Run ``action`` once the store is open (now, if it is): a key pressed while the
        store is still being opened is acted on, not lost."""
        if self.opened:
            action()
        else:
            self._waiting.append(action)

    @property
    def writable(self) -> bool:
        return self.store is not None and self.store.writable

    def why_not_writable(self) -> str:
        if not self.opened:
            return "Notes are still being opened; try again in a moment."
        if self.store is not None:
            return self.notice or "Notes are read-only: the data directory cannot be written."
        return self.notice or "Notes are off."

    # -- changes --------------------------------------------------------------------------

    def shown(self, collection: Collection, files: tuple[str, ...]) -> None:
        """A collection is on screen: compare it with what was last read (in a worker)."""
        files = tuple(os.path.abspath(path) for path in files)
        self._shown = (collection, files)
        if self.store is None:
            return
        self._generation += 1
        generation, store, saves = self._generation, self.store, self._saves

        def work() -> None:
            from fto_tui.memory.changes import compare, seen_item
            from fto_tui.memory.store import StoreError

            current = {e.id: seen_item(e) for e in entities(collection)}
            known = store.known_files()
            first_time = [path for path in files if path not in known]
            if first_time and store.writable:
                fresh = set(first_time)
                # If this cannot be saved, the file is taken as opened first next time.
                with contextlib.suppress(StoreError):
                    store.start_files(first_time, [i for i in current.values() if i.file in fresh])
                known = store.known_files()
            found = compare(current.values(), store.seen(), known, files)
            # Read again: another reader open at the same time may have saved notes.
            annotations = store.annotations()
            self.app.call_from_thread(
                self._compared, generation, current, found, (saves, annotations)
            )

        self.app.run_worker(
            work, thread=True, group="memory-changes", exclusive=True, exit_on_error=False
        )

    def _compared(
        self,
        generation: int,
        current: dict[str, SeenItem],
        found: list[Change],
        annotations: tuple[int, list[Annotation]],
    ) -> None:
        if generation != self._generation:
            return
        saves, read = annotations
        if saves == self._saves:
            self.annotations = {a.item_id: a for a in read}
        self._current = current
        before = set(self.changes)
        self.changes = {change.item.item_id: change for change in found}
        if set(self.changes) - before:
            counts = self.counts()
            words = ", ".join(
                f"{counts[kind]} {kind}" for kind in ("new", "changed", "gone") if kind in counts
            )
            self.app.notify(
                f"Since you last read: {words}. U lists them.", title="Changes", timeout=8
            )
        self.on_change()

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for change in self.changes.values():
            counts[change.kind] = counts.get(change.kind, 0) + 1
        return counts

    def mark_read(self, item_id: str) -> bool:
        """Remember one item as read now; False (with a notice) if that cannot be saved."""
        change = self.changes.get(item_id)
        if change is None:
            return True
        if not self._save(lambda store: self._mark(store, [change])):
            return False
        del self.changes[item_id]
        self.on_change()
        return True

    def mark_all_read(self) -> None:
        """Remember every changed, new and gone item as read (in a worker: there may be many)."""
        if self.store is None or not self.store.writable:
            self.app.notify(self.why_not_writable(), severity="warning", markup=False)
            return
        store, changes = self.store, list(self.changes.values())

        def work() -> None:
            from fto_tui.memory.store import StoreError

            try:
                self._mark(store, changes)
            except StoreError as exc:
                self.app.call_from_thread(self._failed, exc)
                return
            self.app.call_from_thread(self._all_marked, changes)

        self.app.run_worker(work, thread=True, group="memory-write", exit_on_error=False)

    def _all_marked(self, changes: list[Change]) -> None:
        for change in changes:
            self.changes.pop(change.item.item_id, None)
        self.app.notify(f"Marked {len(changes)} item(s) read.")
        self.on_change()

    @staticmethod
    def _mark(store: Store, changes: list[Change]) -> None:
        from fto_tui.memory.changes import GONE

        store.mark_read(
            [c.item for c in changes if c.kind != GONE],
            [c.item.item_id for c in changes if c.kind == GONE],
        )

    # -- notes, bookmarks, tags -----------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        self.app.notify(str(exc), title="Not saved", severity="error", markup=False)

    def _save(self, change: Callable[[Store], object]) -> bool:
        if self.store is None or not self.store.writable:
            self.app.notify(self.why_not_writable(), severity="warning", markup=False)
            return False
        from fto_tui.memory.store import StoreError

        try:
            change(self.store)
        except StoreError as exc:
            self._failed(exc)
            return False
        return True

    def _reload(self, item_id: str) -> None:
        self._saves += 1
        assert self.store is not None
        found = self.store.annotation(item_id)
        if found is None:
            self.annotations.pop(item_id, None)
        else:
            self.annotations[item_id] = found
        self.on_change()

    def save_note(self, entity: Entity, text: str) -> bool:
        if not self._save(lambda store: store.save_note(item_info(entity), text)):
            return False
        self._reload(entity.id)
        return True

    def toggle_bookmark(self, entity: Entity) -> bool | None:
        """Whether the item is bookmarked now; None if that could not be saved."""
        result: list[bool] = []
        if not self._save(lambda store: result.append(store.toggle_bookmark(item_info(entity)))):
            return None
        self._reload(entity.id)
        return result[0]

    def set_tags(self, entity: Entity, tags: list[str]) -> bool:
        if not self._save(lambda store: store.set_tags(item_info(entity), tags)):
            return False
        self._reload(entity.id)
        return True

    def fingerprint(self, entity: Entity) -> str:
        """The entity's fingerprint (worked out by the comparison worker where it could be)."""
        known = self._current.get(entity.id)
        if known is not None:
            return known.fingerprint
        from fto_tui.memory.fingerprint import fingerprint

        return fingerprint(entity)

    def annotation(self, item_id: str) -> Annotation | None:
        return self.annotations.get(item_id)

    def search(self, query: str) -> list[SearchHit]:
        from fto_tui.memory.finding import search_notes

        return search_notes(list(self.annotations.values()), query)

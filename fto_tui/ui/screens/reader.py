"""The main screen: organisations, speakers and chronology panes beside a detail view.

The screen decides what each pane and the detail show; the panes and the detail only post
messages (``EntityList.Selected``, ``DetailView.LinkChosen``). The app hands it a new
collection after every load with :meth:`ReaderScreen.show_collection`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget

from fto_tui.index import Collection
from fto_tui.model import Entity, Event
from fto_tui.ui.details import citation_text, document_for, overview
from fto_tui.ui.history import History
from fto_tui.ui.memory_actions import MEMORY_BINDINGS, MemoryActions, annotated, row_mark
from fto_tui.ui.panes import PANES, Pane, can_narrow_to, keep_index, pane_for, pane_items
from fto_tui.ui.rows import entity_title
from fto_tui.ui.safe import one_line
from fto_tui.ui.widgets.detail_view import DetailView
from fto_tui.ui.widgets.entity_list import EntityList
from fto_tui.ui.widgets.footer import ReaderFooter
from fto_tui.ui.widgets.histogram import Histogram
from fto_tui.ui.widgets.pane_tabs import PaneTabs
from fto_tui.ui.widgets.status_line import StatusLine, status_variants

if TYPE_CHECKING:
    from fto_tui.search import SearchIndex

COMPACT_WIDTH = 100
COMPACT_HEIGHT = 30
_EMPTY = {
    Pane.ORGANISATIONS: "No organisations loaded.",
    Pane.SPEAKERS: "No speakers loaded.",
    Pane.CHRONOLOGY: "No events.",
}


def pane_title(pane: Pane, count: int, narrowed_to: str | None = None) -> Content:
    """A pane's border title; ``narrowed_to`` is briefing text, shown literally."""
    parts: list[Content | str] = [f"{pane.number} {pane.title}"]
    if narrowed_to is not None:
        parts += [": ", Content(narrowed_to)]
    parts.append(f" ({count})")
    return Content.assemble(*parts)


class ReaderScreen(MemoryActions):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "tab",
            "cycle(1)",
            "Next pane",
            show=False,
            id="reader.next-pane",
            tooltip="Move to the next pane (organisations, speakers, chronology, detail)",
        ),
        Binding(
            "shift+tab",
            "cycle(-1)",
            "Previous pane",
            show=False,
            id="reader.previous-pane",
            tooltip="Move to the previous pane",
        ),
        Binding(
            "1",
            "focus_pane('organisations')",
            "Organisations",
            show=False,
            id="reader.organisations",
            priority=True,
        ),
        Binding(
            "2",
            "focus_pane('speakers')",
            "Speakers",
            show=False,
            id="reader.speakers",
            priority=True,
            tooltip="Go to the speakers pane",
        ),
        Binding(
            "3",
            "focus_pane('chronology')",
            "Chronology",
            show=False,
            id="reader.chronology",
            priority=True,
            tooltip="Go to the chronology pane",
        ),
        Binding(
            "4",
            "focus_detail",
            "Detail",
            show=False,
            id="reader.detail",
            priority=True,
            tooltip="Go to the detail view and its links",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="reader.search",
            priority=True,
            tooltip="Search names, aliases, roles, quotes, events and sources",
        ),
        Binding(
            "n",
            "toggle_narrow",
            "Narrow",
            id="reader.narrow",
            tooltip="Show only the events of the selected organisation or speaker (again: all)",
        ),
        Binding(
            "backspace,alt+left",
            "back",
            "Back",
            id="reader.back",
            tooltip="Go back to the previous item, like a browser",
        ),
        Binding(
            "alt+right",
            "forward",
            "Forward",
            show=False,
            id="reader.forward",
            tooltip="Go forward again after going back",
        ),
        Binding(
            "o",
            "open_source",
            "Open URL",
            id="reader.open-source",
            tooltip="Open the source's web address in the browser",
        ),
        Binding(
            "c",
            "copy_citation",
            "Copy citation",
            show=False,
            id="reader.copy-citation",
            tooltip="Copy the source's citation to the clipboard",
        ),
        Binding(
            "e",
            "edit",
            "Edit",
            id="reader.edit",
            tooltip="Open the selected item's file at its line in $VISUAL or $EDITOR",
        ),
        *MEMORY_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.collection = Collection()
        self.files: tuple[str, ...] = ()
        self.history = History()
        self.narrowed_to: str | None = None
        self.active_pane = Pane.ORGANISATIONS
        self._last_narrowable: str | None = None
        self._search_index: SearchIndex | None = None
        self._ready = False
        self._places: dict[str, tuple[int, int]] = {}
        """Where the reader was in each item left, for back and forward."""
        self._pending: tuple[Collection, Sequence[str], int, int, SearchIndex | None] | None = None
        self._could_edit = False

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield PaneTabs(id="pane-tabs")
        with Horizontal(id="main"):
            with Vertical(id="panes"):
                yield EntityList(_EMPTY[Pane.ORGANISATIONS], id=Pane.ORGANISATIONS.widget_id)
                yield EntityList(_EMPTY[Pane.SPEAKERS], id=Pane.SPEAKERS.widget_id)
                with Vertical(id="chronology-box"):
                    yield Histogram(id="histogram")
                    yield EntityList(_EMPTY[Pane.CHRONOLOGY], id=Pane.CHRONOLOGY.widget_id)
            yield DetailView(id="detail")
        yield StatusLine(id="status")
        yield ReaderFooter()

    def on_mount(self) -> None:
        for pane in PANES:
            self.pane_box(pane).border_title = pane_title(pane, 0)
            self.pane(pane).marks = self._row_mark
        self.detail.show(overview(self.collection, self.files))
        self.set_focus(self.pane(Pane.ORGANISATIONS))
        self._apply_size(self.size.width, self.size.height)
        self._ready = True
        if self._pending is not None:
            self.show_collection(*self._pending)
            self._pending = None
        # The footer's keys now, so that the first frame shows them (not a frame later).
        self.query_one(ReaderFooter).show_keys()

    def on_resize(self, event: events.Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        compact = width < COMPACT_WIDTH or height < COMPACT_HEIGHT
        self.set_class(compact, "-compact")
        self.query_one(ReaderFooter).compact = compact
        self._show_active_pane()

    @property
    def compact(self) -> bool:
        return self.has_class("-compact")

    def _show_active_pane(self) -> None:
        for pane in PANES:
            self.pane_box(pane).display = not self.compact or pane is self.active_pane
        self.query_one(PaneTabs).set_active(self.active_pane)

    # -- parts ----------------------------------------------------------------------------

    def pane(self, pane: Pane) -> EntityList:
        return self.query_one(f"#{pane.widget_id}", EntityList)

    def pane_box(self, pane: Pane) -> Widget:
        """The bordered box of a pane (the chronology's holds the histogram too)."""
        if pane is Pane.CHRONOLOGY:
            return self.query_one("#chronology-box")
        return self.pane(pane)

    @property
    def detail(self) -> DetailView:
        return self.query_one(DetailView)

    @property
    def current(self) -> str | None:
        """The id of the entity in the detail view (None for the overview)."""
        return self.detail.document.entity_id

    # -- data -----------------------------------------------------------------------------

    def show_collection(
        self,
        collection: Collection,
        files: Sequence[str],
        errors: int = 0,
        warnings: int = 0,
        search: SearchIndex | None = None,
    ) -> None:
        """Show a newly loaded collection, keeping the selection where items still exist.

        ``search`` is the collection's search index if it was built already."""
        if not self._ready:
            self._pending = (collection, files, errors, warnings, search)
            return
        self.collection = collection
        self.files = tuple(files)
        self._search_index = search
        if self.narrowed_to is not None and self.narrowed_to not in collection:
            self.narrowed_to = None
        for pane in PANES:
            entity_list = self.pane(pane)
            old = entity_list.highlighted
            items = pane_items(collection, pane, self.narrowed_to)
            index = keep_index(items, old.id if old else None, entity_list.cursor)
            entity_list.set_items(items, max(index, 0))
        self._update_titles()
        self.history.prune(collection.__contains__)
        current = self.current
        if current is not None and current in collection:
            self._show_detail(current, self.detail.place)
        else:
            self.detail.show(overview(collection, self.files))
        self.query_one(StatusLine).show(
            status_variants(self.files, collection.counts(), errors, warnings)
        )
        self.refresh_bindings()

    def _update_titles(self) -> None:
        for pane in PANES:
            count = len(self.pane(pane).items)
            narrowed = None
            if pane is Pane.CHRONOLOGY and self.narrowed_to is not None:
                entity = self.collection.get(self.narrowed_to)
                narrowed = entity_title(entity) if entity is not None else self.narrowed_to
            self.pane_box(pane).border_title = pane_title(pane, count, narrowed)
        self.query_one(Histogram).set_events(self.pane(Pane.CHRONOLOGY).items)  # type: ignore[arg-type]

    # -- navigation -----------------------------------------------------------------------

    def open_entity(self, entity_id: str, *, record: bool = True) -> bool:
        """Show ``entity_id`` in the detail and select it in its own pane.

        Going back or forward (``record`` false) returns to where the reader was in it."""
        entity = self.collection.get(entity_id)
        if entity is None:
            self.notify("That item is not in the loaded briefings.", severity="warning")
            return False
        if self.current is not None:
            self._places[self.current] = self.detail.place
        self._select_in_pane(entity)
        self._show_detail(entity_id, None if record else self._places.get(entity_id))
        if record:
            self.history.visit(entity_id)
        self.refresh_bindings()
        return True

    def _show_detail(self, entity_id: str, place: tuple[int, int] | None = None) -> None:
        entity = self.collection.get(entity_id)
        if entity is not None:
            document = document_for(entity, self.collection)
            memory = self.memory
            if memory is not None:
                document = annotated(
                    document,
                    memory.annotation(entity_id),
                    memory.changes.get(entity_id),
                    memory.fingerprint(entity),
                )
            self.detail.show(document, place)
            if can_narrow_to(entity):
                self._last_narrowable = entity.id

    def _select_in_pane(self, entity: Entity) -> None:
        pane = pane_for(entity.entity_kind)
        if pane is None:
            return
        entity_list = self.pane(pane)
        if not entity_list.select_id(entity.id) and isinstance(entity, Event):
            # Not in the narrowed chronology: widen it so the event can be shown.
            self._set_narrow(None)
            entity_list.select_id(entity.id)
        self._activate(pane)

    def _activate(self, pane: Pane) -> None:
        self.active_pane = pane
        self._show_active_pane()

    # Focus moves with set_focus, at once: Widget.focus() waits for the next turn of the event
    # loop, so a key typed right after ("2 j") would still reach the previous pane.
    def action_focus_pane(self, name: str) -> None:
        pane = Pane(name)
        self._activate(pane)
        self.set_focus(self.pane(pane))

    def action_focus_detail(self) -> None:
        self.set_focus(self.detail)

    def action_cycle(self, step: int) -> None:
        order: list[Widget] = [*(self.pane(pane) for pane in PANES), self.detail]
        focused = self.focused
        position = order.index(focused) if focused in order else -1
        target = order[(position + step) % len(order)]
        if isinstance(target, EntityList):
            self._activate(PANES[order.index(target)])
        self.set_focus(target)

    def action_back(self) -> None:
        entity_id = self.history.back()
        if entity_id is not None:
            self.open_entity(entity_id, record=False)

    def action_forward(self) -> None:
        entity_id = self.history.forward()
        if entity_id is not None:
            self.open_entity(entity_id, record=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return True if self.history.can_go_back else None
        if action == "forward":
            return True if self.history.can_go_forward else None
        if action in ("open_source", "copy_citation"):
            return True if self.detail.current_source() is not None else None
        if action == "edit":
            self._could_edit = self.edit_target() is not None
            return True if self._could_edit else None
        return True

    # -- memory ---------------------------------------------------------------------------

    def memory_target(self) -> Entity | None:
        """The item ``a``, ``m``, ``t`` and ``u`` act on: the one highlighted in the focused
        pane, else the one in the detail view."""
        focused = self.focused
        if isinstance(focused, EntityList):
            return focused.highlighted
        return self.collection.get(self.current) if self.current else None

    def _row_mark(self, item_id: str) -> str:
        return row_mark(self.memory, item_id)

    def memory_changed(self) -> None:
        """Notes, bookmarks, tags or changes changed: redraw the rows and the detail."""
        if not self._ready:
            return
        for pane in PANES:
            self.pane(pane).refresh()
        current = self.current
        if current is not None and current in self.collection:
            self._show_detail(current, self.detail.place)

    # -- narrowing ------------------------------------------------------------------------

    def action_toggle_narrow(self) -> None:
        if self.narrowed_to is not None:
            self._set_narrow(None)
            return
        target = self._narrow_target()
        if target is None or target not in self.collection:
            self.notify("Select an organisation or speaker first.", severity="warning")
            return
        self._set_narrow(target)
        self._activate(Pane.CHRONOLOGY)

    def _narrow_target(self) -> str | None:
        """The organisation or speaker the chronology would narrow to: the one highlighted in
        the active pane, else the one in the detail, else the last one highlighted."""
        if self.active_pane is not Pane.CHRONOLOGY:
            highlighted = self.pane(self.active_pane).highlighted
            if highlighted is not None:
                return highlighted.id
        shown = self.collection.get(self.current) if self.current else None
        if shown is not None and can_narrow_to(shown):
            return shown.id
        return self._last_narrowable

    def _set_narrow(self, target: str | None) -> None:
        self.narrowed_to = target
        chronology = self.pane(Pane.CHRONOLOGY)
        old = chronology.highlighted
        items = pane_items(self.collection, Pane.CHRONOLOGY, target)
        index = keep_index(items, old.id if old else None, 0)
        chronology.set_items(items, max(index, 0))
        self._update_titles()

    # -- sources --------------------------------------------------------------------------

    def action_open_source(self) -> None:
        found = self.detail.current_source()
        if found is None:
            self.notify("Nothing here cites a source.", severity="warning")
            return
        source, _citation = found
        if source.link is None:
            self.notify("This source has no http or https address to open.", severity="warning")
            return
        self.app.open_url(source.link)

    def action_copy_citation(self) -> None:
        found = self.detail.current_source()
        if found is None:
            self.notify("Nothing here cites a source.", severity="warning")
            return
        self.app.copy_to_clipboard(citation_text(*found))
        self.notify("Citation copied to the clipboard.")

    # -- editing --------------------------------------------------------------------------

    def edit_target(self) -> Entity | None:
        """The item ``e`` edits: the one highlighted in the focused pane, else the one in the
        detail view; None when that is nothing, or an item not read from a file."""
        focused = self.focused
        entity: Entity | None
        if isinstance(focused, EntityList):
            entity = focused.highlighted
        else:
            entity = self.collection.get(self.current) if self.current else None
        if entity is None or entity.origin is None or not entity.origin.path:
            return None
        return entity

    def action_edit(self) -> None:
        origin = self.detail.current_origin() if self.focused is self.detail else None
        if origin is not None:
            self.edit_at(origin.path, origin.line)  # a role or relation from another file
            return
        entity = self.edit_target()
        if entity is None or entity.origin is None:
            self.notify("Select an item read from a file first.", severity="warning")
            return
        self.edit_at(entity.origin.path, entity.origin.line)

    def edit_at(self, path: str, line: int) -> None:
        """Open the user's editor on ``path`` at ``line``; the reader shows what changed."""
        from fto_tui.editor import EditorError, choose_editor, editor_command
        from fto_tui.ui.editing import run_editor

        if not os.path.isfile(path):
            self.notify(
                f"{one_line(path)} is not there any more.", severity="warning", markup=False
            )
            return
        editor = choose_editor(os.environ)
        if editor is None:
            self.notify(
                "No editor found: set $VISUAL or $EDITOR (nano and vi are not installed).",
                severity="error",
            )
            return
        try:
            command = editor_command(editor, path, line)
        except EditorError as exc:
            self.notify(
                f"Cannot run the editor: {one_line(str(exc))}", severity="error", markup=False
            )
            return
        failure = run_editor(self.app, command)
        if failure is not None:
            self.notify(failure, severity="error", markup=False)
        edited = getattr(self.app, "file_edited", None)
        if callable(edited):
            edited(path)

    # -- search ---------------------------------------------------------------------------

    def action_search(self) -> None:
        from fto_tui.ui.screens.search import BACKGROUND_ABOVE, SearchScreen

        def jump(entity_id: str | None) -> None:
            if entity_id is not None:
                self.open_entity(entity_id)
                entity = self.collection.get(entity_id)
                pane = pane_for(entity.entity_kind) if entity is not None else None
                self.set_focus(self.pane(pane) if pane is not None else self.detail)

        background = len(self.collection) > BACKGROUND_ABOVE
        memory = self.memory
        notes = memory.search if memory is not None and memory.annotations else None
        screen = SearchScreen(self.search_index(), background=background, notes=notes)
        self.app.push_screen(screen, jump)

    def search_index(self) -> SearchIndex:
        if self._search_index is None:
            from fto_tui.search import SearchIndex

            self._search_index = SearchIndex(self.collection)
        return self._search_index

    # -- messages from the panes ----------------------------------------------------------

    @on(EntityList.Highlighted)
    def _highlighted(self, message: EntityList.Highlighted) -> None:
        if can_narrow_to(message.entity):
            self._last_narrowable = message.entity.id
        self._refresh_edit_binding()

    def _refresh_edit_binding(self) -> None:
        """Refresh the footer only when whether ``e`` applies has changed."""
        can_edit = self.edit_target() is not None
        if can_edit != self._could_edit:
            self._could_edit = can_edit
            self.refresh_bindings()

    @on(EntityList.Selected)
    def _selected(self, message: EntityList.Selected) -> None:
        self.open_entity(message.entity.id)

    @on(DetailView.LinkChosen)
    def _link_chosen(self, message: DetailView.LinkChosen) -> None:
        self.open_entity(message.entity_id)

    @on(PaneTabs.Chosen)
    def _tab_chosen(self, message: PaneTabs.Chosen) -> None:
        self.action_focus_pane(message.pane.value)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for pane in PANES:
            if event.widget is self.pane(pane):
                self.active_pane = pane
                self.query_one(PaneTabs).set_active(pane)

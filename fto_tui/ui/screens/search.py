"""The search dialog: results narrow as you type; Enter jumps to the chosen item.

Over a large collection (``background=True``) each query runs in a thread worker, the newest
replacing any still running, and its hits are posted back: typing never waits for a search,
and results that no longer match what is typed are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from fto_tui.search import SearchHit, SearchIndex
from fto_tui.ui.widgets.hit_list import HitList

LIMIT = 200
BACKGROUND_ABOVE = 5_000
"""Collections with more entities than this are searched in a thread worker."""


class SearchScreen(ModalScreen[str | None]):
    """Dismisses with the chosen entity's id, or None on Escape."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center middle;
    }
    #search-dialog {
        width: 90%;
        max-width: 110;
        height: 85%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    #search-label {
        color: $text-muted;
    }
    #search-results {
        height: 1fr;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", id="search.cancel", priority=True),
        Binding("down", "move(1)", "Next result", show=False, id="search.next"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.previous"),
        Binding("pagedown", "page(1)", "Next page", show=False, id="search.next-page"),
        Binding("pageup", "page(-1)", "Previous page", show=False, id="search.previous-page"),
    ]

    @dataclass
    class Found(Message):
        """A background search finished: the hits for ``query``."""

        query: str
        hits: list[SearchHit]

    def __init__(
        self,
        index: SearchIndex,
        query: str = "",
        *,
        background: bool = False,
        notes: Callable[[str], list[SearchHit]] | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        self.notes = notes
        """Searches the user's notes and tags; their hits come first."""
        self._query = query
        self.background = background
        self.shown_query: str | None = None
        """The query whose results are on screen (None before the first)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            label = "Search names, aliases, roles, quotes, events and sources"
            if self.notes is not None:
                label += ", and your notes and tags"
            yield Static(label, id="search-label", markup=False)
            yield Input(self._query, placeholder="Search…", id="search-input")
            yield HitList(id="search-results")

    def on_mount(self) -> None:
        search_input = self.query_one(Input)
        search_input.cursor_position = len(search_input.value)
        self.set_focus(search_input)
        self._run(search_input.value)

    def on_key(self, event: events.Key) -> None:
        """Characters typed right after '/' (a fast typist's '/drone') can reach the screen
        before its input has focus: they go into the input rather than being lost."""
        if not (event.is_printable and event.character):
            return
        event.stop()
        inputs = self.query(Input)
        if inputs:
            inputs.first().insert_text_at_cursor(event.character)
        else:
            self._query += event.character

    @property
    def results(self) -> HitList:
        return self.query_one(HitList)

    def _run(self, query: str) -> None:
        if query.strip() and self.background:
            self._search_in_background(query)
            return
        self._show(query, self._search(query) if query.strip() else [])

    def _search(self, query: str) -> list[SearchHit]:
        hits = self.index.search(query, limit=LIMIT)
        if self.notes is None:
            return hits
        noted = self.notes(query)
        found = {hit.entity_id for hit in noted}
        return [*noted, *(hit for hit in hits if hit.entity_id not in found)][:LIMIT]

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search_in_background(self, query: str) -> None:
        hits = self._search(query)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, hits))

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.query == self.query_one(Input).value:
            self._show(message.query, message.hits)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        self.shown_query = query
        if not query.strip():
            empty = "Type to search names, quotes, events and sources."
        else:
            empty = "Nothing matches."
        self.results.set_hits(hits, empty)
        count = len(hits)
        label = f"{count}{'+' if count >= LIMIT else ''} found" if query.strip() else "Search"
        self.query_one("#search-dialog").border_title = label

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._run(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        hit = self.results.highlighted_hit
        if hit is not None:
            self.dismiss(hit.entity_id)

    @on(HitList.Chosen)
    def _chosen(self, message: HitList.Chosen) -> None:
        self.dismiss(message.hit.entity_id)

    def action_move(self, step: int) -> None:
        if step > 0:
            self.results.action_cursor_down()
        else:
            self.results.action_cursor_up()

    def action_page(self, step: int) -> None:
        if step > 0:
            self.results.action_page_down_cursor()
        else:
            self.results.action_page_up_cursor()

    def action_cancel(self) -> None:
        self.dismiss(None)

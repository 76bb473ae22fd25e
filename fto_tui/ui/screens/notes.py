"""The Notes view: every note, bookmark and tag, filterable; Enter jumps to the item.

A note whose item is no longer in the loaded briefings is listed as orphaned, with the words
of the item it was written about; it is kept (never deleted) and shown here in full.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from fto_tui.memory.store import Annotation
from fto_tui.search import fold
from fto_tui.ui.safe import one_line, visible


def annotation_row(annotation: Annotation, orphaned: bool) -> Content:
    """One line of the Notes view: marks, kind, the item's words, tags, the note's start."""
    parts: list[Content | str] = [
        Content.styled("*" if annotation.bookmarked else " ", "bold"),
        Content.styled("n " if annotation.note is not None else "  ", "bold"),
        Content.styled(f"{annotation.kind:<12.12} ", "dim"),
    ]
    if orphaned:
        parts.append(Content.styled("orphaned ", "bold $text-warning"))
    parts.append(Content(one_line(annotation.about)))
    if annotation.tags:
        parts.append(Content.styled(f"  [{one_line(', '.join(annotation.tags))}]", "italic"))
    if annotation.note is not None:
        parts.append(Content.styled(f"  {one_line(annotation.note.text)}", "dim"))
    return Content.assemble(*parts)


def annotation_detail(annotation: Annotation, orphaned: bool) -> Content:
    """Everything about one annotated item, as literal text."""
    lines: list[Content] = [Content.styled(one_line(annotation.about), "bold")]
    facts = f"{annotation.kind} · id {one_line(annotation.item_id)} · {one_line(annotation.file)}"
    lines.append(Content.styled(facts, "dim"))
    if orphaned:
        lines.append(
            Content.styled(
                "Orphaned: this item is no longer in the loaded briefings. The note is kept.",
                "$text-warning",
            )
        )
    if annotation.bookmarked:
        lines.append(Content("Bookmarked"))
    if annotation.tags:
        lines.append(Content(f"Tags: {one_line(', '.join(annotation.tags))}"))
    if annotation.note is not None:
        lines.append(Content.styled(f"Note (written {annotation.note.updated}):", "bold"))
        lines.append(Content(visible(annotation.note.text, keep_newlines=True)))
    return Content("\n").join(lines)


def _haystack(annotation: Annotation) -> str:
    note = annotation.note.text if annotation.note is not None else ""
    parts = [annotation.about, annotation.kind, *annotation.tags, note]
    if annotation.bookmarked:
        parts.append("bookmarked")
    return fold(" ".join(parts))


class NotesScreen(ModalScreen[str | None]):
    """Dismisses with the id of the item to show, or None."""

    CSS_PATH = "memory.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="notes.close", priority=True),
        Binding("down", "move(1)", "Next", show=False, id="notes.next"),
        Binding("up", "move(-1)", "Previous", show=False, id="notes.previous"),
    ]

    def __init__(self, annotations: Sequence[Annotation], present: Container[str]) -> None:
        super().__init__()
        self.annotations = list(annotations)
        self.present = present
        self.shown: list[Annotation] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-dialog"):
            yield Input(placeholder="Filter notes, tags and names…", id="notes-filter")
            yield OptionList(id="notes-list")
            with VerticalScroll(id="notes-preview"):
                yield Static(id="notes-detail")
            yield Static("enter show the item · escape close", id="notes-help", markup=False)

    def on_mount(self) -> None:
        self._filter("")
        self.set_focus(self.query_one(Input))

    def orphaned(self, annotation: Annotation) -> bool:
        return annotation.item_id not in self.present

    def _filter(self, text: str) -> None:
        words = fold(text).split()
        self.shown = [a for a in self.annotations if all(w in _haystack(a) for w in words)]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            [Option(annotation_row(a, self.orphaned(a)), id=a.item_id) for a in self.shown]
        )
        orphans = sum(1 for a in self.annotations if self.orphaned(a))
        title = f"Notes ({len(self.shown)} of {len(self.annotations)}"
        self.query_one("#notes-dialog").border_title = title + (
            f", {orphans} orphaned)" if orphans else ")"
        )
        if self.shown:
            options.highlighted = 0
        self._preview()

    def _preview(self) -> None:
        index = self.query_one(OptionList).highlighted
        detail = self.query_one("#notes-detail", Static)
        if index is None or not 0 <= index < len(self.shown):
            empty = "No notes, bookmarks or tags yet: a writes a note, m bookmarks, t tags."
            detail.update(empty if not self.annotations else "Nothing matches.")
            return
        annotation = self.shown[index]
        detail.update(annotation_detail(annotation, self.orphaned(annotation)))

    @on(Input.Changed, "#notes-filter")
    def _changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._preview()

    @on(Input.Submitted, "#notes-filter")
    def _submitted(self) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.shown):
            return
        annotation = self.shown[index]
        if self.orphaned(annotation):
            self.notify(
                "That item is no longer in the loaded briefings; its note is kept here.",
                severity="warning",
            )
            return
        self.dismiss(annotation.item_id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

"""The Changes view: what is new, changed or gone since you last read, field by field.

Enter shows the item (a gone item has nothing to show); ``u`` marks the highlighted item read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from fto_tui.memory.changes import GONE, Change
from fto_tui.ui.memory_actions import CHANGE_MARKS
from fto_tui.ui.safe import one_line, visible


def change_row(change: Change) -> Content:
    return Content.assemble(
        Content.styled(f"{CHANGE_MARKS[change.kind]} {change.kind:<8}", "bold"),
        Content.styled(f"{change.item.kind:<12.12} ", "dim"),
        Content(one_line(change.item.about)),
    )


def change_detail(change: Change) -> Content:
    """The change field by field: each field's text before and after."""
    lines = [
        Content.styled(one_line(change.item.about), "bold"),
        Content.styled(f"{change.kind} · {change.item.kind} · {one_line(change.item.file)}", "dim"),
    ]
    for field in change.fields:
        lines.append(Content.styled(field.name, "bold"))
        if field.before is not None:
            lines.append(
                Content.assemble(
                    Content.styled("  was: ", "$text-error"),
                    visible(field.before, keep_newlines=True),
                )
            )
        if field.after is not None:
            lines.append(
                Content.assemble(
                    Content.styled("  now: ", "$text-success"),
                    visible(field.after, keep_newlines=True),
                )
            )
    return Content("\n").join(lines)


class ChangesScreen(ModalScreen[str | None]):
    """Dismisses with the id of the item to show, or None."""

    CSS_PATH = "memory.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="changes.close", priority=True),
        Binding(
            "u",
            "mark_read",
            "Mark read",
            id="changes.mark-read",
            tooltip="Mark the highlighted item read",
        ),
    ]

    def __init__(self, changes: Sequence[Change], mark_read: Callable[[str], bool]) -> None:
        super().__init__()
        self.changes = list(changes)
        self._mark_read = mark_read

    def compose(self) -> ComposeResult:
        with Vertical(id="changes-dialog"):
            yield OptionList(id="changes-list")
            with VerticalScroll(id="changes-preview"):
                yield Static(id="changes-detail")
            yield Static(
                "enter show the item · u mark read · escape close", id="changes-help", markup=False
            )

    def on_mount(self) -> None:
        self._fill(0)
        self.set_focus(self.query_one(OptionList))

    def _fill(self, highlight: int) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(change_row(c)) for c in self.changes])
        self.query_one(
            "#changes-dialog"
        ).border_title = f"Changed since you last read ({len(self.changes)})"
        if self.changes:
            options.highlighted = min(highlight, len(self.changes) - 1)
        self._preview()

    def _preview(self) -> None:
        index = self.query_one(OptionList).highlighted
        detail = self.query_one("#changes-detail", Static)
        if index is None or not 0 <= index < len(self.changes):
            detail.update("Nothing new, changed or gone since you last read.")
        else:
            detail.update(change_detail(self.changes[index]))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._preview()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        change = self.changes[event.option_index]
        if change.kind == GONE:
            self.notify(
                "That item is gone from the briefings; u marks it read.", severity="warning"
            )
            return
        self.dismiss(change.item.item_id)

    def action_mark_read(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self.changes):
            return
        if self._mark_read(self.changes[index].item.item_id):
            del self.changes[index]
            self._fill(index)

    def action_close(self) -> None:
        self.dismiss(None)

"""Edit an item's tags: one line, tags separated by commas; Enter saves, Escape cancels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from fto_tui.ui.safe import one_line


def parse_tags(text: str) -> list[str]:
    return [tag.strip() for tag in text.split(",") if tag.strip()]


class TagsScreen(ModalScreen[list[str] | None]):
    """Dismisses with the tags typed, or None on Escape."""

    CSS_PATH = "memory.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="tags.cancel", priority=True),
    ]

    def __init__(self, about: str, tags: Sequence[str]) -> None:
        super().__init__()
        self.about = about
        self.tags = tuple(tags)

    def compose(self) -> ComposeResult:
        with Vertical(id="tags-dialog"):
            yield Static(
                Content.assemble("Tags of ", Content.styled(one_line(self.about), "bold")),
                id="tags-about",
            )
            yield Input(", ".join(self.tags), placeholder="tag, another tag", id="tags-input")
            yield Static("enter save · escape cancel · commas separate tags", markup=False)

    def on_mount(self) -> None:
        self.query_one("#tags-dialog").border_title = "Tags"
        self.set_focus(self.query_one(Input))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)

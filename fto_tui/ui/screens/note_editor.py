"""The note editor: a multi-line text area over the reader, for the note on one item.

``ctrl+s`` saves (the screen stays open if saving fails, so nothing typed is lost); Escape
closes, asking first when there are unsaved changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from fto_tui.ui.safe import one_line


class NoteEditorScreen(ModalScreen[str | None]):
    """Dismisses with the saved text, or None when closed without saving."""

    CSS_PATH = "memory.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="note.save",
            priority=True,
            tooltip="Save the note (an empty note is removed)",
        ),
        Binding(
            "escape",
            "close",
            "Close",
            id="note.close",
            priority=True,
            tooltip="Close the editor (asks first if the note has unsaved changes)",
        ),
    ]

    def __init__(self, about: str, text: str, save: Callable[[str], bool]) -> None:
        super().__init__()
        self.about = about
        self.saved_text = text
        self._save = save

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Static(
                Content.assemble("Note on ", Content.styled(one_line(self.about), "bold")),
                id="note-about",
            )
            yield TextArea(self.saved_text, id="note-text", soft_wrap=True, tab_behavior="indent")
            yield Static("ctrl+s save · escape close", id="note-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note-dialog").border_title = "Note"
        area = self.text_area
        area.move_cursor(area.document.end)
        self.set_focus(area)

    @property
    def text_area(self) -> TextArea:
        return self.query_one(TextArea)

    @property
    def changed(self) -> bool:
        return self.text_area.text != self.saved_text

    def action_save(self) -> None:
        text = self.text_area.text
        if self._save(text):
            self.saved_text = text
            self.dismiss(text)

    def action_close(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        from fto_tui.ui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard the changes to this note?", "Discard", "Keep editing"),
            answered,
        )

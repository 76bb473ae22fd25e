"""The help screen: every key binding, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, Sequence[BindingType]]


def binding_rows(
    bindings: Sequence[BindingType], key_display: Callable[[Binding], str]
) -> list[tuple[str, str]]:
    """(keys, description) for each action, keys that do the same thing joined with ' / '."""
    by_action: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        keys, _ = by_action.setdefault(binding.action, ([], binding.description or binding.action))
        shown = key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for keys, description in by_action.values()]


def help_content(sections: Iterable[Section], key_display: Callable[[Binding], str]) -> Content:
    lines: list[Content] = []
    for title, bindings in sections:
        rows = binding_rows(bindings, key_display)
        if not rows:
            continue
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, "bold"))
        width = max(len(keys) for keys, _ in rows)
        for keys, description in rows:
            lines.append(
                Content.assemble(Content.styled(f"  {keys:<{width}}  ", "bold"), description)
            )
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    #help-dialog {
        width: auto;
        max-width: 90%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 2;
    }
    #help-text {
        width: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        content = help_content(self.sections, self.app.get_key_display)
        with VerticalScroll(id="help-dialog") as dialog:
            dialog.border_title = "Keys"
            dialog.border_subtitle = "Escape closes"
            yield Static(content, id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)

"""The problems view: diagnostics in the ``path:line:col: severity: message`` form of ``check``.

Paths and messages quote briefing text (names, ids, values), so every line is built as literal
:class:`Content` with control characters made visible; nothing here is parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from fto_tui.problems import Problem
from fto_tui.ui.safe import visible

ERROR_STYLE = "bold $text-error"
WARNING_STYLE = "bold $text-warning"


def problem_line(problem: Problem) -> Content:
    """One problem as ``Problem.format()`` shows it, with its severity styled."""
    text = problem.format()
    head = f"{problem.position}: "
    severity = problem.severity.value
    if not text.startswith(head + severity):  # pragma: no cover - format() changed shape
        return Content(visible(text))
    rest = text[len(head) + len(severity) :]
    style = ERROR_STYLE if problem.is_error else WARNING_STYLE
    return Content.assemble(
        Content(visible(head)), Content.styled(severity, style), Content(visible(rest))
    )


def problems_content(problems: Sequence[Problem]) -> Content:
    """All problems, errors first (each group in the order given), one per line."""
    ordered = [p for p in problems if p.is_error] + [p for p in problems if not p.is_error]
    return Content("\n").join(problem_line(p) for p in ordered)


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts) or "No problems"


class ProblemsScreen(ModalScreen[None]):
    """A dismissable, scrollable list of problems (Escape, Enter, q or the button close it)."""

    DEFAULT_CSS = """
    ProblemsScreen {
        align: center middle;
    }
    #problems-dialog {
        width: 90%;
        max-width: 120;
        height: auto;
        max-height: 90%;
        border: round $error;
        border-title-color: $text-error;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    #problems-summary {
        color: $text-muted;
    }
    #problems-scroll {
        height: auto;
        max-height: 60vh;
        margin: 1 0;
    }
    #problems-text {
        width: 1fr;
    }
    #problems-close {
        width: auto;
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="problems.close"),
    ]

    def __init__(self, problems: Sequence[Problem], title: str) -> None:
        super().__init__()
        self.problems = tuple(problems)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-dialog") as dialog:
            dialog.border_title = Content(visible(self.title_text))
            dialog.border_subtitle = Content("Escape closes")
            yield Static(Content(summary(self.problems)), id="problems-summary")
            with VerticalScroll(id="problems-scroll"):
                yield Static(problems_content(self.problems), id="problems-text")
            yield Button(Content("Close"), id="problems-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#problems-scroll", VerticalScroll).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

"""The problems view: diagnostics in the ``path:line:col: severity: message`` form of ``check``,
one per line, with a cursor to go to the item a problem is in or edit the file there.

Paths and messages quote briefing text (names, ids, values), so every line is built as literal
:class:`Content` with control characters made visible; nothing here is parsed as markup.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from fto_tui.problems import Category, Problem
from fto_tui.ui.safe import visible

ERROR_STYLE = "bold $text-error"
WARNING_STYLE = "bold $text-warning"


def problem_line(problem: Problem) -> Content:
    """One problem as ``Problem.format()`` shows it, built from its fields (not parsed from
    the formatted text), with its severity styled."""
    rest = f": {problem.message}" + (f" — {problem.hint}" if problem.hint else "")
    style = ERROR_STYLE if problem.is_error else WARNING_STYLE
    return Content.assemble(
        Content(visible(f"{problem.position}: ")),
        Content.styled(problem.severity.value, style),
        Content(visible(rest)),
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
    text = ", ".join(parts) or "No problems"
    counts = Counter(p.category for p in problems)
    if len(counts) > 1:
        text += (
            " ("
            + ", ".join(f"{counts[c]} {_CATEGORY_WORDS[c]}" for c in Category if counts[c])
            + ")"
        )
    return text


_CATEGORY_WORDS = {
    Category.FILE: "in files",
    Category.REFERENCE: "in references between files",
    Category.MERGE: "in merging files",
    Category.SETTINGS: "in the settings",
}


class ProblemChoice:
    """What the user chose in the problems view: to see the item a problem is in, or to
    ``edit`` the file at the problem's line."""

    __slots__ = ("edit", "problem")

    def __init__(self, problem: Problem, edit: bool) -> None:
        self.problem = problem
        self.edit = edit


class ProblemsScreen(ModalScreen[ProblemChoice | None]):
    """The problems, one per line with a cursor: Enter shows the item a problem is in, ``e``
    opens the editor at its line; Escape, q or the button close it. There is one at a time:
    :meth:`show` replaces what it lists when the problems change."""

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
    #problems-list {
        height: auto;
        max-height: 60vh;
        margin: 1 0;
        border: none;
        padding: 0;
        background: $surface;
    }
    #problems-close {
        width: auto;
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="problems.close"),
        Binding(
            "e",
            "edit",
            "Edit",
            id="problems.edit",
            tooltip="Open the editor at the highlighted problem's line",
        ),
        Binding(
            "enter",
            "jump",
            "Go to item",
            id="problems.jump",
            tooltip="Show the item the highlighted problem is in",
        ),
    ]

    def __init__(self, problems: Sequence[Problem], title: str) -> None:
        super().__init__()
        self.problems = tuple(problems)
        self.title_text = title

    @property
    def ordered(self) -> list[Problem]:
        """The problems as listed: errors first, each group in the order given."""
        return [p for p in self.problems if p.is_error] + [
            p for p in self.problems if not p.is_error
        ]

    def compose(self) -> ComposeResult:
        with Vertical(id="problems-dialog") as dialog:
            dialog.border_title = Content(visible(self.title_text))
            dialog.border_subtitle = Content("Enter: go to item · e: edit · Escape closes")
            yield Static(Content(summary(self.problems)), id="problems-summary")
            yield OptionList(*self._options(), id="problems-list")
            yield Button(Content("Close"), id="problems-close", variant="primary")

    def _options(self) -> list[Option]:
        return [Option(problem_line(p)) for p in self.ordered]

    def on_mount(self) -> None:
        listing = self.query_one("#problems-list", OptionList)
        listing.highlighted = 0 if self.problems else None
        listing.focus()

    def show(self, problems: Sequence[Problem], title: str) -> None:
        """List ``problems`` instead (the current ones), keeping the cursor's place."""
        self.problems = tuple(problems)
        self.title_text = title
        if not self.is_mounted:
            return
        self.query_one("#problems-dialog").border_title = Content(visible(title))
        self.query_one("#problems-summary", Static).update(Content(summary(self.problems)))
        listing = self.query_one("#problems-list", OptionList)
        place = listing.highlighted or 0
        listing.clear_options()
        listing.add_options(self._options())
        if self.problems:
            listing.highlighted = min(place, len(self.problems) - 1)

    def _highlighted(self) -> Problem | None:
        index = self.query_one("#problems-list", OptionList).highlighted
        ordered = self.ordered
        return ordered[index] if index is not None and index < len(ordered) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_jump()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_jump(self) -> None:
        problem = self._highlighted()
        self.dismiss(ProblemChoice(problem, edit=False) if problem is not None else None)

    def action_edit(self) -> None:
        problem = self._highlighted()
        if problem is not None:
            self.dismiss(ProblemChoice(problem, edit=True))

    def action_close(self) -> None:
        self.dismiss(None)

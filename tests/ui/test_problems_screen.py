"""The problems view lists diagnostics literally, one per line with a cursor: Enter chooses the
item a problem is in, e the editor at its line; Escape, q or the button close it."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import OptionList

from fto_tui.problems import Position, Problem, Severity
from fto_tui.ui.screens.problems import (
    ProblemChoice,
    ProblemsScreen,
    problem_line,
    problems_content,
)

HOSTILE = Problem(
    Position("[bold]x[/].yaml", 3, 7),
    Severity.ERROR,
    "unknown-id",
    "unknown speaker '[@click=app.quit]q[/]'\x1b]0;owned\x07",
    hint="did you mean '[/]'?",
)
WARNING = Problem(Position("b.yaml", 1, 1), Severity.WARNING, "no-source", "cites no source")


class ProblemsApp(App[None]):
    def __init__(self, problems: tuple[Problem, ...], title: str = "Problems") -> None:
        super().__init__()
        self.problems = problems
        self.title_text = title
        self.dismissed: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(ProblemsScreen(self.problems, self.title_text), self.dismissed.append)


def screen_text(app: App[None]) -> str:
    """Everything the terminal would show, as plain text, one line per row."""
    update = app.screen._compositor.render_full_update()
    return "\n".join(
        "".join(segment.text for strip in row for segment in strip) for row in update.strips
    )


def widget_text(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    width, height = widget.size
    lines = widget.render_lines(Region(0, 0, width, height))
    return "\n".join("".join(segment.text for segment in line) for line in lines)


def test_line_matches_check_output() -> None:
    assert problem_line(WARNING).plain == WARNING.format()
    assert problem_line(HOSTILE).plain == (
        "[bold]x[/].yaml:3:7: error: unknown speaker '[@click=app.quit]q[/]'"
        "\\u001b]0;owned\\u0007 — did you mean '[/]'?"
    )


def test_errors_come_first_and_are_styled_apart() -> None:
    content = problems_content([WARNING, HOSTILE])
    first, second = content.plain.split("\n")
    assert first.startswith("[bold]x[/].yaml:3:7: error:")
    assert second == WARNING.format()
    error_style = problem_line(HOSTILE).spans[0].style
    warning_style = problem_line(WARNING).spans[0].style
    assert error_style != warning_style


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_keys_dismiss(key: str) -> None:
    app = ProblemsApp((HOSTILE, WARNING))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, ProblemsScreen)
        assert app.dismissed == [None]
        assert app.is_running


@pytest.mark.parametrize(("key", "edit"), [("enter", False), ("e", True)])
async def test_enter_chooses_the_item_and_e_the_editor(key: str, edit: bool) -> None:
    app = ProblemsApp((WARNING, HOSTILE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", key)  # errors are listed first: the warning is second
        await pilot.pause()
        (choice,) = app.dismissed
        assert isinstance(choice, ProblemChoice)
        assert (choice.problem, choice.edit) == (WARNING, edit)


async def test_show_replaces_what_the_view_lists() -> None:
    app = ProblemsApp((HOSTILE, WARNING))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        screen.show((WARNING,), "Later")
        await pilot.pause()
        assert screen.query_one(OptionList).option_count == 1
        text = screen_text(app)
        assert "Later" in text and "1 warning" in text and "unknown speaker" not in text


async def test_button_dismisses() -> None:
    app = ProblemsApp((WARNING,))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#problems-close")
        await pilot.pause()
        assert app.dismissed == [None]


async def test_hostile_text_is_shown_literally_and_does_nothing() -> None:
    app = ProblemsApp((HOSTILE, WARNING), title="[/] Could not load [@click=app.quit]x[/]")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#problems-list", OptionList)
        shown = " ".join(widget_text(listing).split())
        assert "[bold]x[/].yaml:3:7: error: unknown speaker '[@click=app.quit]q[/]'" in shown
        assert "\\u001b]0;owned\\u0007 — did you mean '[/]'?" in shown
        screen = screen_text(app)
        assert "[/] Could not load [@click=app.quit]x[/]" in screen  # the title
        assert "1 error, 1 warning" in screen
        assert "\x1b" not in screen and "\x07" not in screen
        # Clicking the text where the injected action would be chooses the problem; it does
        # not quit.
        await pilot.click("#problems-list", offset=(40, 0))
        await pilot.pause()
        assert app.is_running
        assert [type(choice) for choice in app.dismissed] == [ProblemChoice]


async def test_many_problems_scroll() -> None:
    many = tuple(
        Problem(Position("big.yaml", n, 1), Severity.ERROR, "x", f"problem {n}")
        for n in range(1, 200)
    )
    app = ProblemsApp(many)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#problems-list", OptionList)
        assert listing.has_focus
        assert listing.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert listing.scroll_y == listing.max_scroll_y
        assert listing.highlighted == 198
        assert app.screen.query_one("#problems-close").region.bottom <= 24


def test_the_summary_counts_problems_by_category() -> None:
    from fto_tui.problems import Category
    from fto_tui.ui.screens.problems import summary

    merge = WARNING.in_category(Category.MERGE)
    assert summary([HOSTILE, WARNING]) == "1 error, 1 warning"
    assert summary([HOSTILE, merge]) == "1 error, 1 warning (1 in files, 1 in merging files)"

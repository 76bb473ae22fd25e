"""The problems view lists diagnostics literally and closes on Escape, Enter, q or its button."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from fto_tui.problems import Position, Problem, Severity
from fto_tui.ui.screens.problems import ProblemsScreen, problem_line, problems_content

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


@pytest.mark.parametrize("key", ["escape", "enter", "q"])
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
        text = app.screen.query_one("#problems-text", Static)
        shown = " ".join(widget_text(text).split())
        assert "[bold]x[/].yaml:3:7: error: unknown speaker '[@click=app.quit]q[/]'" in shown
        assert "\\u001b]0;owned\\u0007 — did you mean '[/]'?" in shown
        screen = screen_text(app)
        assert "[/] Could not load [@click=app.quit]x[/]" in screen  # the title
        assert "1 error, 1 warning" in screen
        assert "\x1b" not in screen and "\x07" not in screen
        # Clicking the text where the injected action would be does not quit.
        await pilot.click("#problems-text", offset=(40, 0))
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, ProblemsScreen)


async def test_many_problems_scroll() -> None:
    many = tuple(
        Problem(Position("big.yaml", n, 1), Severity.ERROR, "x", f"problem {n}")
        for n in range(1, 200)
    )
    app = ProblemsApp(many)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        scroll = app.screen.query_one("#problems-scroll")
        assert scroll.has_focus
        assert scroll.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        assert app.screen.query_one("#problems-close").region.bottom <= 24

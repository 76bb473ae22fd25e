"""The status line: which files are loaded, how much is in them, and any problems."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.widget import Widget

from fto_tui.ui.safe import one_line


def status_content(
    files: Sequence[str],
    counts: Mapping[str, int],
    errors: int = 0,
    warnings: int = 0,
    loading: bool = False,
) -> Content:
    """The status text. File names are shown without their folders (the overview has them)."""
    if loading:
        return Content("Loading…")
    names = ", ".join(one_line(os.path.basename(path)) for path in files) or "no briefing loaded"
    parts: list[Content | str | tuple[str, str]] = [
        (names, "bold"),
        "  │  ",
        f"{counts.get('organisations', 0)} organisations · {counts.get('speakers', 0)} speakers · "
        f"{counts.get('quotes', 0)} quotes · {counts.get('events', 0)} events",
    ]
    if errors or warnings:
        found = []
        if errors:
            found.append(f"{errors} error{'s' if errors != 1 else ''}")
        if warnings:
            found.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
        style = "bold $error" if errors else "bold $warning"
        parts += ["  │  ", (", ".join(found) + " (p to show)", style)]
    return Content.assemble(*parts)


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("Loading…")

    def show(self, content: Content) -> None:
        self._content = content
        self.refresh()

    @property
    def text(self) -> str:
        return self._content.plain

    def render(self) -> Content:
        return self._content

"""The status line: which files are loaded, how much is in them, and any problems.

Until the first load is shown it is a progress indicator: a spinner turning beside "Loading…".
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget

from fto_tui.ui.safe import one_line

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
_WORDS = (
    ("organisations", "orgs"),
    ("speakers", "speakers"),
    ("quotes", "quotes"),
    ("events", "events"),
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def status_variants(
    files: Sequence[str],
    counts: Mapping[str, int],
    errors: int = 0,
    warnings: int = 0,
) -> list[Content]:
    """The status text, longest first; the widget shows the first that fits its width.
    File names are shown without their folders (the overview has them)."""
    names = ", ".join(one_line(os.path.basename(path)) for path in files) or "no briefing loaded"
    found = []
    if errors:
        found.append(_plural(errors, "error"))
    if warnings:
        found.append(_plural(warnings, "warning"))
    style = "bold $error" if errors else "bold $warning"
    variants = []
    for long_words, problems_hint in ((True, " (p to show)"), (False, " (p)")):
        counts_text = " · ".join(
            f"{counts.get(key, 0)} {key if long_words else short}" for key, short in _WORDS
        )
        parts: list[Content | str | tuple[str, str]] = [counts_text]
        if found:
            parts += ["  │  ", (", ".join(found) + problems_hint, style)]
        parts += ["  │  ", (names, "bold")]
        variants.append(Content.assemble(*parts))
    return variants


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; color: $foreground; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._frame = 0
        self._variants = self._loading()
        self._spinner: Timer | None = None

    @property
    def spinning(self) -> bool:
        """True until the first :meth:`show`: the spinner turns."""
        return self._spinner is not None

    def _loading(self) -> list[Content]:
        return [Content.assemble((SPINNER[self._frame], "bold $accent"), " Loading…")]

    def on_mount(self) -> None:
        if self._variants[0].plain.endswith("Loading…"):
            self._spinner = self.set_interval(0.1, self._turn)

    def _turn(self) -> None:
        self._frame = (self._frame + 1) % len(SPINNER)
        self._variants = self._loading()
        self.refresh()

    def show(self, variants: list[Content]) -> None:
        if self._spinner is not None:
            self._spinner.stop()
            self._spinner = None
        self._variants = variants
        self.refresh()

    @property
    def text(self) -> str:
        return self._variants[0].plain

    def render(self) -> Content:
        width = self.content_region.width
        for variant in self._variants:
            if variant.cell_length <= width:
                return variant
        return self._variants[-1].truncate(width, ellipsis=True)

"""Text the terminal and Rich would measure differently is drawn so that both agree (the
reader's text; exports and JSON keep the characters as written)."""

from __future__ import annotations

import unicodedata

import pytest
from rich.cells import cell_len

from fto_tui.ui.safe import visible
from fto_tui.visible import MAX_MARKS


def _terminal_width(text: str) -> int:
    """What a terminal such as tmux counts: each character on its own."""
    return sum(cell_len(char) for char in text)


@pytest.mark.parametrize("text", ["I ❤️ it", "☎️ call", "✔️ done", "⚠️ warning", "plain", "café"])
def test_rich_and_the_terminal_agree_on_the_width(text: str) -> None:
    shown = visible(text)
    assert cell_len(shown) == _terminal_width(shown)


def test_a_heart_keeps_its_heart() -> None:
    assert visible("I ❤️ it") == "I ❤ it"


def test_long_runs_of_combining_marks_are_capped_visibly() -> None:
    shown = visible("e" + "\u0301" * 2000 + "x")
    assert shown == "e" + "\u0301" * MAX_MARKS + f"\\u0301×{2000 - MAX_MARKS}x"
    longest = max(
        len(run) for run in "".join("m" if unicodedata.combining(c) else " " for c in shown).split()
    )
    assert longest <= MAX_MARKS


@pytest.mark.parametrize("text", ["ế", "Việt Nam", "שָׁלוֹם", "مُحَمَّد", "ที่นี่"])
def test_ordinary_accented_text_is_unchanged(text: str) -> None:
    assert visible(text) == text

"""Control, bidi and invisible characters in briefing text are shown as visible codes."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fto_tui.ui.safe import highlighted, literal, one_line, visible

KEPT = {"\t", "\n", "\u200c", "\u200d"}
HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def test_plain_text_is_unchanged() -> None:
    text = "Cártel de Sinaloa — «Los Chapitos» 😀 [bold]x[/] 中文"
    assert visible(text) is text


def test_escape_sequences_become_visible() -> None:
    osc52 = "\x1b]52;c;ZXZpbA==\x07"
    assert visible(osc52) == "\\u001b]52;c;ZXZpbA==\\u0007"
    assert visible("a\x1b[31mred") == "a\\u001b[31mred"
    assert visible("nul\x00") == "nul\\u0000"


def test_del_and_c1_become_visible() -> None:
    assert visible("\x7f") == "\\u007f"
    assert visible("\x9b31m") == "\\u009b31m"
    assert visible("\x85") == "\\u0085"


@pytest.mark.parametrize(
    "char", ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
)
def test_bidi_embeddings_and_overrides(char: str) -> None:
    assert visible(f"abc{char}def") == f"abc\\u{ord(char):04x}def"


@pytest.mark.parametrize("char", ["\u2066", "\u2067", "\u2068", "\u2069", "\u061c"])
def test_bidi_isolates_and_arabic_letter_mark(char: str) -> None:
    assert visible(char) == f"\\u{ord(char):04x}"


def test_line_and_paragraph_separators() -> None:
    assert visible("a\u2028b\u2029c") == "a\\u2028b\\u2029c"
    assert visible("a\u2028b", keep_newlines=True) == "a\\u2028b"


def test_invisible_format_characters() -> None:
    assert visible("zero\u200bwidth") == "zero\\u200bwidth"
    assert visible("\ufeffbom") == "\\ufeffbom"
    assert visible("soft\u00adhyphen") == "soft\\u00adhyphen"
    assert visible("\u3164") == "\\u3164"


def test_astral_characters_use_long_form() -> None:
    assert visible("tag\U000e0041") == "tag\\U000e0041"


def test_newlines_only_where_allowed() -> None:
    assert visible("one\ntwo") == "one\\u000atwo"
    assert visible("one\ntwo", keep_newlines=True) == "one\ntwo"
    assert visible("cr\r\n", keep_newlines=True) == "cr\\u000d\n"


def test_tabs_and_joiners_kept() -> None:
    assert visible("a\tb") == "a\tb"
    # Persian uses ZWNJ inside words; emoji sequences use ZWJ.
    assert visible("می\u200cخواهم") == "می\u200cخواهم"
    assert visible("👩\u200d💻") == "👩\u200d💻"


def test_every_hidden_category_is_covered() -> None:
    """Compare with the Unicode database: nothing invisible or controlling slips through."""
    missed = []
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        hidden = unicodedata.category(char) in HIDDEN_CATEGORIES and char not in KEPT
        if hidden and visible(char) == char:
            missed.append(f"U+{point:04X}")
    assert missed == []


@given(st.text())
def test_output_never_contains_hidden_characters(text: str) -> None:
    for char in visible(text):
        assert char in KEPT - {"\n"} or unicodedata.category(char) not in HIDDEN_CATEGORIES


@given(st.text())
def test_multi_line_output_keeps_only_newlines_extra(text: str) -> None:
    shown = visible(text, keep_newlines=True)
    assert shown.count("\n") == text.count("\n")
    assert visible(text) == shown.replace("\n", "\\u000a")


def test_one_line_collapses_whitespace() -> None:
    assert one_line("  first line\n  second\t\tline \n") == "first line second line"
    assert one_line("a\x1bb\nc") == "a\\u001bb c"


def test_literal_is_not_markup() -> None:
    content = literal("[bold]x[/] [@click=app.quit]q[/]\x1b")
    assert content.plain == "[bold]x[/] [@click=app.quit]q[/]\\u001b"
    assert content.spans == []
    styled = literal("[b]x", style="bold")
    assert styled.plain == "[b]x"


def test_highlighted_keeps_match_after_expansion() -> None:
    text = "\x1b[31m cartel here"
    start = text.index("cartel")
    content = highlighted(text, start, start + len("cartel"), style="bold")
    assert content.plain == "\\u001b[31m cartel here"
    (span,) = [s for s in content.spans if s.start != s.end]
    assert content.plain[span.start : span.end] == "cartel"


def test_highlighted_clamps_bad_offsets() -> None:
    assert highlighted("abc", -5, 99).plain == "abc"
    assert highlighted("abc", 2, 1).plain == "abc"

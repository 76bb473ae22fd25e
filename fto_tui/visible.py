"""Control, bidi and invisible characters made visible as ``\\uXXXX`` text.

Briefings come from other people: a string that reaches a terminal, a browser or a
spreadsheet with an escape sequence or a bidi override in it can act on it or read differently
from what it is. Every place that shows briefing text (the reader, ``check``'s diagnostics,
the exports) runs it through :func:`visible`, the one definition of which characters those are.
"""

from __future__ import annotations

import re

__all__ = ["one_line", "visible", "visible_in_json"]

# Characters made visible (always):
# - C0 controls except TAB (LF only when the caller does not allow several lines), DEL, C1;
# - every format character (Unicode category Cf): soft hyphen, Arabic letter mark, zero-width
#   space, LRM/RLM, the bidi embeddings, overrides and isolates, word joiner and invisible
#   operators, BOM, interlinear annotation, tag characters... except ZERO WIDTH NON-JOINER and
#   ZERO WIDTH JOINER, which Persian, Indic scripts and emoji sequences need;
# - LINE SEPARATOR and PARAGRAPH SEPARATOR (which PyYAML also counts as line breaks);
# - lone surrogates (which cannot be encoded for the terminal at all): those that stand for a
#   byte that was not UTF-8 in a file name (U+DC80-U+DCFF, Python's "surrogateescape") show
#   as that byte, ``\xff``; any other as ``\udxxx``;
# - the Hangul fillers that show as blank space (used for "invisible" names).
# tests/test_safe.py checks this list against the Unicode database's categories.
_ALWAYS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ud800-\udfff\ufeff\ufff9-\ufffb\u3164\uffa0"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_MULTI_LINE = re.compile(f"[{_ALWAYS}]")

# Text whose width Rich and the terminal measure differently, which garbles the screen (pane
# borders shift, stale characters stay):
# - VARIATION SELECTOR-16 (emoji presentation): Rich counts "❤️" (U+2764 U+FE0F) as two cells,
#   many terminals (tmux) as one. It is dropped: "❤" is one cell for both.
# - Long runs of combining marks (a letter with 2,000 accents): terminals keep only a few per
#   cell. Up to MAX_MARKS are kept; the rest of the run shows as the first one's code and a
#   count (``\u0301×1996``). The blocks of combining marks that such text is made from.
MAX_MARKS = 4
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_WIDTH = re.compile(f"\ufe0f|[{_MARKS}]{{{MAX_MARKS + 1},}}")
_MARK = re.compile(f"[{_MARKS}]")  # one mark: quicker to look for first
_SINGLE_LINE = re.compile(f"[{_ALWAYS}\n]")


def _code(match: re.Match[str]) -> str:
    point = ord(match.group())
    if 0xDC80 <= point <= 0xDCFF:
        return f"\\x{point - 0xDC00:02x}"
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def visible(s: str, keep_newlines: bool = False, *, drawn: bool = False) -> str:
    """``s`` with control, bidi and invisible format characters shown as ``\\uXXXX`` text.

    Tabs are kept (Textual and Rich expand them to spaces). Line feeds are kept only when
    ``keep_newlines`` is true, for widgets that show several lines; otherwise they show as
    ``\\u000a`` so a single-line row stays one line. Carriage returns always show as
    ``\\u000d``. Zero-width (non-)joiners are kept: scripts and emoji need them. With
    ``drawn`` (text the reader draws in a layout), text the terminal and Rich would measure
    differently is also made the same width for both (see ``_WIDTH``).
    """
    pattern = _MULTI_LINE if keep_newlines else _SINGLE_LINE
    if drawn and ("\ufe0f" in s or _MARK.search(s) is not None):
        s = _WIDTH.sub(_same_width, s)
    if pattern.search(s) is None:
        return s
    return pattern.sub(_code, s)


def _same_width(match: re.Match[str]) -> str:
    run = match.group()
    if run == "\ufe0f":
        return ""
    return f"{run[:MAX_MARKS]}\\u{ord(run[MAX_MARKS]):04x}×{len(run) - MAX_MARKS}"


def _json_code(match: re.Match[str]) -> str:
    point = ord(match.group())
    if 0xD800 <= point <= 0xDFFF:
        # A lone surrogate is no character: JSON readers refuse or replace it. Its visible
        # text is written instead (``\xff`` for an undecodable byte of a file name).
        return "\\" + _code(match)
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


def visible_in_json(text: str) -> str:
    """JSON text with the same characters written as JSON escapes (``\\uXXXX``, surrogate
    pairs above U+FFFF), so it still decodes to the same values. Line breaks are kept. Lone
    surrogates, which no JSON reader can take, are written as their visible text instead."""
    return _MULTI_LINE.sub(_json_code, text)


def one_line(s: str, *, drawn: bool = False) -> str:
    """``s`` made visible, on one line: every run of white space (line breaks included)
    becomes one space. The characters :func:`visible` shows as codes (U+2028, U+0085...) are
    shown, never taken for white space, in the reader and the exports alike."""
    return " ".join(visible(s, keep_newlines=True, drawn=drawn).split())

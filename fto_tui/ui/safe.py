"""Make briefing text safe to show: invisible and terminal-control characters become visible.

Briefings come from other people. A string that reaches the terminal with an escape sequence in it
can set the window title, write the clipboard (OSC 52) or recolour the screen, and bidi overrides
can make text read differently from what it is. Textual passes these through even with markup
off, so every briefing string is run through :func:`visible` before it is rendered: each such
character is replaced by its code as plain text (``\\x1b`` shows as ``\\u001b``).

This makes text safe from the terminal's point of view only. It is still data, never markup:
render the result with ``Content(...)`` / ``Text(...)`` (or the helpers below), never with an API
that parses markup.
"""

from __future__ import annotations

import re

from textual.content import Content

__all__ = ["highlighted", "literal", "one_line", "visible"]

# Characters made visible (always):
# - C0 controls except TAB (LF only when the caller does not allow several lines), DEL, C1;
# - every format character (Unicode category Cf): soft hyphen, Arabic letter mark, zero-width
#   space, LRM/RLM, the bidi embeddings, overrides and isolates, word joiner and invisible
#   operators, BOM, interlinear annotation, tag characters... except ZERO WIDTH NON-JOINER and
#   ZERO WIDTH JOINER, which Persian, Indic scripts and emoji sequences need;
# - LINE SEPARATOR and PARAGRAPH SEPARATOR (which PyYAML also counts as line breaks);
# - lone surrogates (which cannot be encoded for the terminal at all);
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
_SINGLE_LINE = re.compile(f"[{_ALWAYS}\n]")
_WHITESPACE = re.compile(r"\s+")


def _code(match: re.Match[str]) -> str:
    point = ord(match.group())
    return f"\\u{point:04x}" if point <= 0xFFFF else f"\\U{point:08x}"


def visible(s: str, keep_newlines: bool = False) -> str:
    """``s`` with control, bidi and invisible format characters shown as ``\\uXXXX`` text.

    Tabs are kept (Textual and Rich expand them to spaces). Line feeds are kept only when
    ``keep_newlines`` is true, for widgets that show several lines; otherwise they show as
    ``\\u000a`` so a single-line row stays one line. Carriage returns always show as
    ``\\u000d``. Zero-width (non-)joiners are kept: scripts and emoji need them.
    """
    pattern = _MULTI_LINE if keep_newlines else _SINGLE_LINE
    if pattern.search(s) is None:
        return s
    return pattern.sub(_code, s)


def one_line(s: str) -> str:
    """``s`` on one line: runs of whitespace (line breaks included) become one space, then
    :func:`visible`. For list rows and titles showing text that may span lines."""
    return visible(_WHITESPACE.sub(" ", s).strip())


def literal(s: str, style: str = "", keep_newlines: bool = False) -> Content:
    """Briefing text as a :class:`Content` that is rendered literally, optionally styled.

    ``style`` is the program's own style (never briefing text)."""
    text = visible(s, keep_newlines=keep_newlines)
    return Content.styled(text, style) if style else Content(text)


def highlighted(
    s: str, start: int, end: int, style: str = "reverse", keep_newlines: bool = False
) -> Content:
    """``s`` as literal :class:`Content` with ``s[start:end]`` styled (e.g. a search match).

    The three parts are made visible separately, so the highlight stays on the matched text
    even when characters before it are expanded to ``\\uXXXX``."""
    start = max(0, min(start, len(s)))
    end = max(start, min(end, len(s)))
    before = visible(s[:start], keep_newlines)
    match = visible(s[start:end], keep_newlines)
    after = visible(s[end:], keep_newlines)
    return Content.assemble(Content(before), Content.styled(match, style), Content(after))

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

from textual.content import Content

from fto_tui import visible as _text

__all__ = ["highlighted", "literal", "one_line", "visible"]


def visible(s: str, keep_newlines: bool = False) -> str:
    """:func:`fto_tui.visible.visible` for text drawn on screen: also made the same width for
    Rich and the terminal (no emoji variation selector, combining marks capped)."""
    return _text.visible(s, keep_newlines, drawn=True)


def one_line(s: str) -> str:
    """:func:`fto_tui.visible.one_line` for text drawn on screen (see :func:`visible`)."""
    return _text.one_line(s, drawn=True)


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

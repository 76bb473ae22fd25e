"""Briefing text as Markdown that means only itself.

Every character that CommonMark or GitHub-flavoured Markdown could read as structure, emphasis,
a link, an entity or raw HTML is escaped with a backslash, so a name such as ``[x](javascript:)``
or ``<img onerror=...>`` shows as the characters written.
"""

from __future__ import annotations

import re

from fto_tui.export.common import one_line, visible

# ASCII punctuation that starts emphasis, code, links, images, autolinks, HTML, entities,
# headings, tables, strikethrough or math; escaping any ASCII punctuation is valid CommonMark.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!$@])")
# What GitHub-flavoured Markdown links without any syntax (extended autolinks): a scheme's
# "://", "www." and e-mail addresses ("@", escaped above). An escaped ':' or '.' splits the
# text where the autolink would be recognised, and still shows as the same character.
_BARE_LINK = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)|(?<![A-Za-z0-9])(www)(\.)", re.IGNORECASE)
# At the start of a line: list items, ordered lists, block quotes, setext underlines.
_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")
_URL = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f]+", re.IGNORECASE)


def inline(text: str) -> str:
    """``text`` on one line, escaped for use anywhere in a Markdown line."""
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    escaped = _BARE_LINK.sub(lambda m: "\\:" if m[1] else f"{m[2]}\\.", escaped)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def block(text: str) -> list[str]:
    """``text`` as escaped paragraphs: blank lines separate them, other line breaks fold."""
    paragraphs = re.split(r"\n\s*\n", visible(text).replace("\r\n", "\n"))
    return [inline(p) for p in paragraphs if p.strip()]


def autolink(url: str) -> str | None:
    """``<url>`` for a plain http or https address, else None (the caller shows no link): an
    address with a character :func:`~fto_tui.visible.visible` would show as a code (a bidi
    override, a zero-width space) is not plain."""
    return f"<{url}>" if _URL.fullmatch(url) and visible(url) == url else None

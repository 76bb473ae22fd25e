"""The chronology as CSV, one event per row, for spreadsheets.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula, and a formula can fetch URLs or run commands. Every such cell
gets a leading apostrophe, which spreadsheets read as "this is text".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from fto_tui.export.common import name_of, names_of, one_line
from fto_tui.index import Collection
from fto_tui.model import Citation, Event

COLUMNS = (
    "date",
    "date_display",
    "as_written",
    "title",
    "description",
    "participants",
    "places",
    "tags",
    "sources",
    "id",
    "about",
    "confidence",
)
SEPARATOR = "; "

# The ASCII triggers and their full-width forms, which some spreadsheets also accept.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(cell: str) -> str:
    """``cell``, prefixed with ``'`` if a spreadsheet would run it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _sources(collection: Collection, citations: Iterable[Citation]) -> str:
    """Each cited source's title, with the locator in brackets."""
    cited = []
    for citation in citations:
        text = name_of(collection, citation.source)
        if citation.locator:
            text += f" ({citation.locator})"
        cited.append(text)
    return SEPARATOR.join(cited)


def _row(collection: Collection, event: Event) -> list[str]:
    return [
        event.date.text.strip(),
        event.date.display(),
        event.as_written or "",
        event.title,
        event.description or "",
        SEPARATOR.join(names_of(collection, event.participants)),
        SEPARATOR.join(event.places),
        SEPARATOR.join(event.tags),
        _sources(collection, event.citations),
        event.id,
        SEPARATOR.join(names_of(collection, event.about)),
        event.confidence or "",
    ]


def to_csv(collection: Collection) -> str:
    """The chronology in date order, with a header row; CRLF line ends, as RFC 4180 has it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for event in collection.chronology:
        writer.writerow([neutralise(one_line(cell)) for cell in _row(collection, event)])
    return buffer.getvalue()

"""One-line renderings of entities for the list panes and search results.

Every piece of briefing text goes through :func:`fto_tui.ui.safe.one_line`, so a row is always
one line of literal text; styles come from the program, never from the briefing.
"""

from __future__ import annotations

from typing import assert_never

from textual.content import Content

from fto_tui.dates import EdtfDate
from fto_tui.model import Entity, Event, Organisation, Quote, QuoteKind, Source, Speaker
from fto_tui.ui.safe import one_line

DATE_WIDTH = 16
"""Cells given to the date column of the chronology (longer dates push the title along)."""


def date_text(date: EdtfDate | None) -> str:
    return one_line(date.display()) if date is not None else "undated"


def entity_title(entity: Entity) -> str:
    """The entity's name as one line of visible text (a quote's text, an event's title...)."""
    match entity:
        case Source() | Event():
            return one_line(entity.title)
        case Quote():
            return one_line(entity.text)
        case Organisation() | Speaker():
            return one_line(entity.name)
        case _:
            assert_never(entity)


def row(entity: Entity) -> Content:
    """The row showing ``entity`` in its pane."""
    match entity:
        case Organisation():
            parts: list[Content] = [Content(one_line(entity.name))]
            if entity.aliases:
                parts.append(Content.styled(f"  {one_line(', '.join(entity.aliases))}", "dim"))
            return Content.assemble(*parts)
        case Speaker():
            parts = [Content(one_line(entity.name))]
            if entity.roles:
                parts.append(Content.styled(f"  {one_line(entity.roles[0].title)}", "dim"))
            return Content.assemble(*parts)
        case Event():
            date = date_text(entity.date)
            return Content.assemble(
                Content.styled(date.ljust(DATE_WIDTH - 1) + " ", "bold"),
                Content(one_line(entity.title)),
            )
        case Quote():
            # Only the speaker's own words go in quotation marks; reported speech says so.
            if entity.kind is QuoteKind.PARAPHRASE:
                words = Content.assemble(
                    Content.styled("reported: ", "italic dim"), Content(one_line(entity.text))
                )
            else:
                words = Content(f"“{one_line(entity.text)}”")
            return Content.assemble(Content.styled(f"{date_text(entity.date)}  ", "dim"), words)
        case Source():
            return Content(one_line(entity.title))
        case _:
            assert_never(entity)

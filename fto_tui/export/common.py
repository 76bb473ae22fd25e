"""What every export format shares: visible control characters, names for ids, numbered sources.

Briefings come from other people. Before briefing text goes into a document that someone will
open in a browser, an editor or a spreadsheet, control characters and bidirectional overrides are
replaced by their code as plain text (``\\u202e``), as the reader does on screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from fto_tui.index import Collection
from fto_tui.model import Citation, Source
from fto_tui.visible import visible as _visible


def visible(text: str) -> str:
    """``text`` with control and invisible formatting characters shown as ``\\uXXXX``
    (line breaks kept)."""
    return _visible(text, keep_newlines=True)


def one_line(text: str) -> str:
    """``text`` made visible and with every run of white space (line breaks too) as one space."""
    return " ".join(visible(text).split())


def name_of(collection: Collection, entity_id: str) -> str:
    """The name (or title, or text) of the entity with ``entity_id``; the id if it is unknown."""
    entity = collection.get(entity_id)
    return entity.name if entity is not None else entity_id


def names_of(collection: Collection, entity_ids: Iterable[str]) -> list[str]:
    return [name_of(collection, i) for i in entity_ids]


class SourceNumbers:
    """Sources numbered 1, 2, 3... in the order the collection lists them."""

    def __init__(self, collection: Collection) -> None:
        self.sources: tuple[Source, ...] = collection.sources
        self._numbers = {source.id: n for n, source in enumerate(self.sources, start=1)}

    def number(self, source_id: str) -> int | None:
        return self._numbers.get(source_id)

    def numbered(self) -> list[tuple[int, Source]]:
        return list(enumerate(self.sources, start=1))

    def cited(self, citations: Iterable[Citation]) -> list[tuple[int, Citation]]:
        """The citations whose source is known, with the source's number."""
        found: list[tuple[int, Citation]] = []
        for citation in citations:
            number = self._numbers.get(citation.source)
            if number is not None:
                found.append((number, citation))
        return found

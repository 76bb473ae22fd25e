"""What every export format shares: visible control characters, names for ids, numbered sources.

Briefings come from other people. Before briefing text goes into a document that someone will
open in a browser, an editor or a spreadsheet, control characters and bidirectional overrides are
replaced by their code as plain text (``\\u202e``), as the reader does on screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from fto_tui.index import Collection
from fto_tui.model import Citation, Identifier, Source
from fto_tui.schema import RELATION_WORDS, Record, Text
from fto_tui.visible import one_line as one_line  # shared with the reader
from fto_tui.visible import visible as _visible


def visible(text: str) -> str:
    """``text`` with control and invisible formatting characters shown as ``\\uXXXX``
    (line breaks kept)."""
    return _visible(text, keep_newlines=True)


def capitalised(text: str) -> str:
    """``text`` with its first letter upper case and the rest as written (``FBI notice``
    stays so, where ``str.capitalize`` would give ``Fbi notice``)."""
    return text[:1].upper() + text[1:]


def name_of(collection: Collection, entity_id: str) -> str:
    """The name (or title, or text) of the entity with ``entity_id``, or for a designation its
    programme and holder; the id if it is unknown."""
    entity = collection.get(entity_id)
    if entity is not None:
        return entity.name
    held = collection.designation(entity_id)
    if held is not None:
        holder, designation = held
        return f"{designation.programme} ({designation.authority}) of {holder.name}"
    return entity_id


def reverse_words(relation_type: str) -> str:
    """How a relation reads from the organisation it names ("backs" for ``backed-by``)."""
    return RELATION_WORDS.get(relation_type, (relation_type, relation_type))[1]


def other_texts(value: object, record: Record, shown: Iterable[str]) -> list[tuple[str, str]]:
    """(label, text) for each declared text field of ``value`` that the export does not show
    in a way of its own (``shown``): a new optional text field is exported, labelled with its
    name, with no change to any exporter."""
    found = []
    skip = set(shown)
    for spec in record.fields:
        if isinstance(spec.type, Text) and spec.name not in skip:
            text = getattr(value, spec.name, None)
            if text:
                found.append((spec.name.replace("_", " ").capitalize(), text))
    return found


def identifiers_text(identifiers: Iterable[Identifier]) -> str:
    return ", ".join(f"{i.scheme} {i.value}" for i in identifiers)


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

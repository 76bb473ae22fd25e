"""The three list panes and what each shows: pure logic, no Textual.

The reader has an organisations pane, a speakers pane and a chronology pane. Which entities a
pane lists, which pane an entity belongs to and how ``Tab`` cycles them live here, so they can be
tested without running the app.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from fto_tui.index import Collection
from fto_tui.model import Entity, EntityKind, Organisation, Speaker


class Pane(enum.Enum):
    ORGANISATIONS = "organisations"
    SPEAKERS = "speakers"
    CHRONOLOGY = "chronology"

    @property
    def title(self) -> str:
        return _TITLES[self]

    @property
    def number(self) -> int:
        return PANES.index(self) + 1

    @property
    def widget_id(self) -> str:
        return f"pane-{self.value}"


_TITLES = {
    Pane.ORGANISATIONS: "Organisations",
    Pane.SPEAKERS: "Speakers",
    Pane.CHRONOLOGY: "Chronology",
}

PANES: tuple[Pane, ...] = tuple(Pane)

_PANE_OF_KIND = {
    EntityKind.ORGANISATION: Pane.ORGANISATIONS,
    EntityKind.SPEAKER: Pane.SPEAKERS,
    EntityKind.EVENT: Pane.CHRONOLOGY,
}


def pane_for(kind: EntityKind) -> Pane | None:
    """The pane that lists entities of ``kind`` (quotes and sources have none)."""
    return _PANE_OF_KIND.get(kind)


def can_narrow_to(entity: Entity | None) -> bool:
    """Whether the chronology can be narrowed to ``entity`` (an organisation or speaker)."""
    return isinstance(entity, Organisation | Speaker)


def pane_items(
    collection: Collection, pane: Pane, narrowed_to: str | None = None
) -> Sequence[Entity]:
    """What ``pane`` lists: organisations and speakers in briefing order, events by date.

    ``narrowed_to`` (an organisation or speaker id) restricts the chronology to the events
    that entity took part in; it is ignored for the other panes.
    """
    if pane is Pane.ORGANISATIONS:
        return collection.organisations
    if pane is Pane.SPEAKERS:
        return collection.speakers
    if narrowed_to is not None:
        return collection.events_of(narrowed_to)
    return collection.timeline


def keep_index(items: Sequence[Entity], wanted_id: str | None, old_index: int) -> int:
    """Where a pane's cursor goes after its items changed.

    On the item with ``wanted_id`` if it is still listed; otherwise at the same place, clamped
    to the new length; -1 when the pane is empty.
    """
    if not items:
        return -1
    if wanted_id is not None:
        for index, entity in enumerate(items):
            if entity.id == wanted_id:
                return index
    return max(0, min(old_index, len(items) - 1))

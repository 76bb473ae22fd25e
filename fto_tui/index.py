"""Everything loaded, indexed: lookup by id, backlinks, quotes by speaker and subject, chronology.

A :class:`Collection` is built once by the loader and never changes; a reload builds a new one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fto_tui.model import (
    BriefingInfo,
    Citation,
    Entity,
    EntityKind,
    Event,
    Organisation,
    Quote,
    Source,
    Speaker,
)


@dataclass(frozen=True, slots=True)
class Backlink:
    """``entity`` mentions the indexed id in its ``field`` (``speaker``, ``about``, ...)."""

    entity: Entity
    field: str


def _newest_first(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    dated = [q for q in quotes if q.date is not None]
    undated = [q for q in quotes if q.date is None]
    dated.sort(key=lambda q: q.date.sort_key if q.date else (0, 0), reverse=True)
    return (*dated, *undated)


def _by_date(events: Iterable[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=lambda e: (e.date.sort_key, e.title.casefold())))


def _mentions(entity: Entity) -> Iterator[tuple[str, str]]:
    """(field, id) for every reference an entity makes."""
    if isinstance(entity, Organisation):
        for relation in entity.relations:
            yield "relations", relation.organisation
    elif isinstance(entity, Speaker):
        for role in entity.roles:
            if role.organisation:
                yield "roles", role.organisation
        for org in entity.affiliations:
            yield "affiliations", org
    elif isinstance(entity, Quote):
        yield "speaker", entity.speaker
        for about in entity.about:
            yield "about", about
    elif isinstance(entity, Event):
        for participant in entity.participants:
            yield "participants", participant
    for citation in citations_of(entity):
        yield "sources", citation.source


def citations_of(entity: Entity) -> tuple[Citation, ...]:
    """All citations an entity makes, its nested designations, relations and roles included."""
    if isinstance(entity, Source):
        return ()
    found = list(entity.citations)
    if isinstance(entity, Organisation):
        for designation in entity.designations:
            found.extend(designation.citations)
        for relation in entity.relations:
            found.extend(relation.citations)
    elif isinstance(entity, Speaker):
        for role in entity.roles:
            found.extend(role.citations)
    return tuple(dict.fromkeys(found))


class Collection:
    """An immutable, indexed view of one or more loaded briefings."""

    __slots__ = (
        "_backlinks",
        "_by_id",
        "_chronology",
        "_events_of",
        "_quotes_about",
        "_quotes_by",
        "briefings",
        "events",
        "organisations",
        "quotes",
        "sources",
        "speakers",
    )

    def __init__(
        self,
        briefings: Iterable[BriefingInfo] = (),
        sources: Iterable[Source] = (),
        organisations: Iterable[Organisation] = (),
        speakers: Iterable[Speaker] = (),
        quotes: Iterable[Quote] = (),
        events: Iterable[Event] = (),
    ) -> None:
        self.briefings: tuple[BriefingInfo, ...] = tuple(briefings)
        self.sources: tuple[Source, ...] = tuple(sources)
        self.organisations: tuple[Organisation, ...] = tuple(organisations)
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        self.quotes: tuple[Quote, ...] = tuple(quotes)
        self.events: tuple[Event, ...] = tuple(events)

        by_id: dict[str, Entity] = {}
        for group in (self.sources, self.organisations, self.speakers, self.quotes, self.events):
            for entity in group:
                by_id.setdefault(entity.id, entity)
        self._by_id = by_id

        backlinks: defaultdict[str, list[Backlink]] = defaultdict(list)
        quotes_by: defaultdict[str, list[Quote]] = defaultdict(list)
        quotes_about: defaultdict[str, list[Quote]] = defaultdict(list)
        events_of: defaultdict[str, list[Event]] = defaultdict(list)
        for entity in by_id.values():
            seen: set[tuple[str, str]] = set()
            for field, target in _mentions(entity):
                if (field, target) in seen:
                    continue
                seen.add((field, target))
                backlinks[target].append(Backlink(entity, field))
        for quote in self.quotes:
            quotes_by[quote.speaker].append(quote)
            for about in dict.fromkeys(quote.about):
                quotes_about[about].append(quote)
        for event in self.events:
            for participant in dict.fromkeys(event.participants):
                events_of[participant].append(event)
        self._backlinks = {k: tuple(v) for k, v in backlinks.items()}
        self._quotes_by = {k: _newest_first(v) for k, v in quotes_by.items()}
        self._quotes_about = {k: _newest_first(v) for k, v in quotes_about.items()}
        self._events_of = {k: _by_date(v) for k, v in events_of.items()}
        self._chronology = _by_date(self.events)

    # -- lookup ---------------------------------------------------------------------------

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def kind_of(self, entity_id: str) -> EntityKind | None:
        entity = self._by_id.get(entity_id)
        return entity.entity_kind if entity is not None else None

    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    # -- relations ------------------------------------------------------------------------

    def backlinks(self, entity_id: str) -> tuple[Backlink, ...]:
        """Everything that mentions ``entity_id``, in load order."""
        return self._backlinks.get(entity_id, ())

    def quotes_by(self, speaker_id: str) -> tuple[Quote, ...]:
        """A speaker's quotes, newest first (undated ones last)."""
        return self._quotes_by.get(speaker_id, ())

    def quotes_about(self, entity_id: str) -> tuple[Quote, ...]:
        """Quotes whose ``about`` names the entity, newest first."""
        return self._quotes_about.get(entity_id, ())

    def events_of(self, entity_id: str) -> tuple[Event, ...]:
        """Events the organisation or speaker took part in, in date order."""
        return self._events_of.get(entity_id, ())

    def people_of(self, organisation_id: str) -> tuple[Speaker, ...]:
        """Speakers with a role in, or an affiliation with, the organisation."""
        return tuple(
            link.entity
            for link in self.backlinks(organisation_id)
            if isinstance(link.entity, Speaker) and link.field in ("roles", "affiliations")
        )

    def sources_of(self, entity: Entity) -> tuple[tuple[Source, Citation], ...]:
        """The sources an entity cites, resolved, with the citation's locator."""
        resolved: list[tuple[Source, Citation]] = []
        for citation in citations_of(entity):
            source = self._by_id.get(citation.source)
            if isinstance(source, Source):
                resolved.append((source, citation))
        return tuple(resolved)

    @property
    def chronology(self) -> tuple[Event, ...]:
        """All events, sorted by earliest possible day, then by precision, then by title."""
        return self._chronology

    def counts(self) -> dict[str, int]:
        return {
            "organisations": len(self.organisations),
            "speakers": len(self.speakers),
            "quotes": len(self.quotes),
            "events": len(self.events),
            "sources": len(self.sources),
        }

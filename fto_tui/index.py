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
        for designation in entity.designations:
            found.extend(designation.citations)
    return tuple(dict.fromkeys(found))


class Collection:
    """An immutable, indexed view of one or more loaded briefings.

    Lookup by id is ready at once; the relation indexes (backlinks, quotes by speaker and by
    subject, events by participant, the chronology) are built on first use, so that opening a
    large briefing does not wait for indexes the first screen does not need.
    """

    __slots__ = (
        "_by_id",
        "_chronology",
        "_index",
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
        *,
        by_id: dict[str, Entity] | None = None,
    ) -> None:
        self.briefings: tuple[BriefingInfo, ...] = tuple(briefings)
        self.sources: tuple[Source, ...] = tuple(sources)
        self.organisations: tuple[Organisation, ...] = tuple(organisations)
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        self.quotes: tuple[Quote, ...] = tuple(quotes)
        self.events: tuple[Event, ...] = tuple(events)
        if by_id is None:
            by_id = {}
            for group in (
                self.sources,
                self.organisations,
                self.speakers,
                self.quotes,
                self.events,
            ):
                for entity in group:
                    by_id.setdefault(entity.id, entity)
        self._by_id = by_id
        self._index: _Relations | None = None
        self._chronology: tuple[Event, ...] | None = None

    @property
    def _relations(self) -> _Relations:
        if self._index is None:
            self._index = _Relations(self)
        return self._index

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
        return self._relations.backlinks.get(entity_id, ())

    def quotes_by(self, speaker_id: str) -> tuple[Quote, ...]:
        """A speaker's quotes, newest first (undated ones last)."""
        return self._relations.quotes_by.get(speaker_id, ())

    def quotes_about(self, entity_id: str) -> tuple[Quote, ...]:
        """Quotes whose ``about`` names the entity, newest first."""
        return self._relations.quotes_about.get(entity_id, ())

    def events_of(self, entity_id: str) -> tuple[Event, ...]:
        """Events the organisation or speaker took part in, in date order."""
        return self._relations.events_of.get(entity_id, ())

    def people_of(self, organisation_id: str) -> tuple[Speaker, ...]:
        """Speakers with a role in, or an affiliation with, the organisation."""
        people = (
            link.entity
            for link in self.backlinks(organisation_id)
            if isinstance(link.entity, Speaker) and link.field in ("roles", "affiliations")
        )
        return tuple(dict.fromkeys(people))

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
        if self._chronology is None:
            self._chronology = _by_date(self.events)
        return self._chronology

    def counts(self) -> dict[str, int]:
        return {
            "organisations": len(self.organisations),
            "speakers": len(self.speakers),
            "quotes": len(self.quotes),
            "events": len(self.events),
            "sources": len(self.sources),
        }


class _Relations:
    """The relation indexes of a collection, built in one pass."""

    __slots__ = ("backlinks", "events_of", "quotes_about", "quotes_by")

    def __init__(self, collection: Collection) -> None:
        backlinks: defaultdict[str, list[Backlink]] = defaultdict(list)
        quotes_by: defaultdict[str, list[Quote]] = defaultdict(list)
        quotes_about: defaultdict[str, list[Quote]] = defaultdict(list)
        events_of: defaultdict[str, list[Event]] = defaultdict(list)
        for entity in collection._by_id.values():
            seen: set[tuple[str, str]] = set()
            for field, target in _mentions(entity):
                if (field, target) in seen:
                    continue
                seen.add((field, target))
                backlinks[target].append(Backlink(entity, field))
        for quote in collection.quotes:
            quotes_by[quote.speaker].append(quote)
            for about in dict.fromkeys(quote.about):
                quotes_about[about].append(quote)
        for event in collection.events:
            for participant in dict.fromkeys(event.participants):
                events_of[participant].append(event)
        self.backlinks = {k: tuple(v) for k, v in backlinks.items()}
        self.quotes_by = {k: _newest_first(v) for k, v in quotes_by.items()}
        self.quotes_about = {k: _newest_first(v) for k, v in quotes_about.items()}
        self.events_of = {k: _by_date(v) for k, v in events_of.items()}

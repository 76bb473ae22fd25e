"""Everything loaded, indexed: lookup by id, backlinks, quotes by speaker and subject, chronology.

A :class:`Collection` is built once by the loader and never changes; a reload builds a new one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from fto_tui.acts import acts_of
from fto_tui.merge import Conflict, Merged
from fto_tui.model import (
    BriefingInfo,
    Citation,
    Designation,
    DesignationAct,
    Entity,
    EntityKind,
    Event,
    Organisation,
    Quote,
    Relation,
    Source,
    Speaker,
)
from fto_tui.problems import Position
from fto_tui.schema import RECORD_OF, Either, ListOf, Record, Ref


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


def _mentions(entity: Entity) -> list[tuple[str, str]]:
    """(field, id) for every reference an entity makes, as the format declares them; a
    reference inside a nested record (a relation's organisation) is under the entity's field
    that holds the record (``relations``)."""
    found: list[tuple[str, str]] = []
    _references(entity, RECORD_OF[type(entity)], None, found)
    found.extend(("sources", citation.source) for citation in citations_of(entity))
    return found


#: For each record: its fields holding references (name, whether a list) and its fields
#: holding records (name, the record), as declared; citations left out.
_Walk = tuple[tuple[tuple[str, bool], ...], tuple[tuple[str, Record], ...]]
_WALKS: dict[int, _Walk] = {}


def _walk(record: Record) -> _Walk:
    walk = _WALKS.get(id(record))
    if walk is None:
        refs: list[tuple[str, bool]] = []
        nested: list[tuple[str, Record]] = []
        for spec in record.fields:
            typ = spec.type
            if isinstance(typ, Either) or spec.name in ("source", "sources"):
                continue
            item = typ.item if isinstance(typ, ListOf) else typ
            if isinstance(item, Ref):
                refs.append((spec.name, isinstance(typ, ListOf)))
            elif isinstance(item, Record):
                nested.append((spec.name, item))
        walk = _WALKS[id(record)] = (tuple(refs), tuple(nested))
    return walk


def _references(
    value: object, record: Record, field: str | None, found: list[tuple[str, str]]
) -> None:
    refs, nested = _walk(record)
    for name, many in refs:
        held = getattr(value, name)
        if many:
            found.extend((field or name, target) for target in held)
        elif held is not None:
            found.append((field or name, held))
    for name, item in nested:
        held = getattr(value, name)
        if held is None or held == ():
            continue
        for part in held if type(held) is tuple else (held,):
            _references(part, item, field or name, found)


def designations_of(
    entities: Iterable[Entity],
) -> Iterator[tuple[Organisation | Speaker, Designation]]:
    """Every designation that has an id, with who holds it."""
    for entity in entities:
        if isinstance(entity, Organisation | Speaker):
            for designation in entity.designations:
                if designation.id is not None:
                    yield entity, designation


def citations_of(entity: Entity) -> tuple[Citation, ...]:
    """All citations an entity makes, those of its nested records (designations, relations,
    roles, revocations, amendments, variants) included."""
    if isinstance(entity, Source):
        return ()
    found: list[Citation] = []
    _citations(entity, RECORD_OF[type(entity)], found)
    return tuple(dict.fromkeys(found))


def _citations(value: object, record: Record, found: list[Citation]) -> None:
    citations: tuple[Citation, ...] = getattr(value, "citations", ())
    found.extend(citations)
    for name, item in _walk(record)[1]:
        held = getattr(value, name)
        if held is None or held == ():
            continue
        for part in held if type(held) is tuple else (held,):
            _citations(part, item, found)


def quote_voice(quote: Quote, collection: Collection) -> str:
    """Who said a quote, in words: the speaker's or organisation's name (the id when it names
    nothing loaded), the attribution, or both ("a senior official, Ministry of Defence")."""
    names = []
    if quote.attribution:
        names.append(quote.attribution)
    if quote.speaker is not None:
        speaker = collection.get(quote.speaker)
        names.append(speaker.name if isinstance(speaker, Speaker | Organisation) else quote.speaker)
    return ", ".join(names)


class Collection:
    """An immutable, indexed view of one or more loaded briefings.

    Lookup by id is ready at once; the relation indexes (backlinks, quotes by speaker and by
    subject, events by participant, the chronology) are built on first use, so that opening a
    large briefing does not wait for indexes the first screen does not need.
    """

    __slots__ = (
        "_acts",
        "_by_id",
        "_chronology",
        "_index",
        "_merged",
        "_timeline",
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
        merged: dict[str, Merged] | None = None,
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
        self._merged = merged or {}
        self._index: _Relations | None = None
        self._chronology: tuple[Event, ...] | None = None
        self._acts: dict[str, DesignationAct] | None = None
        self._timeline: tuple[Event, ...] | None = None

    @property
    def _relations(self) -> _Relations:
        if self._index is None:
            self._index = _Relations(self)
        return self._index

    # -- lookup ---------------------------------------------------------------------------

    def get(self, entity_id: str) -> Entity | None:
        """The entity with ``entity_id``: one written in a briefing, or a chronology entry
        derived from a designation."""
        entity = self._by_id.get(entity_id)
        if entity is None and "~" in entity_id:
            return self._designation_acts.get(entity_id)
        return entity

    @property
    def acts(self) -> tuple[DesignationAct, ...]:
        """The chronology entries derived from designations (listings, revocations,
        amendments), in load order."""
        return tuple(self._designation_acts.values())

    @property
    def _designation_acts(self) -> dict[str, DesignationAct]:
        if self._acts is None:
            self._acts = {}
            for act in acts_of((*self.organisations, *self.speakers)):
                self._acts.setdefault(act.id, act)
        return self._acts

    def designation(self, designation_id: str) -> tuple[Organisation | Speaker, Designation] | None:
        """The designation with ``designation_id``, with who holds it."""
        return self._relations.designations.get(designation_id)

    def relations_to(self, organisation_id: str) -> tuple[tuple[Organisation, Relation], ...]:
        """Relations other organisations declare to this one, with who declares each: the
        other side of every relation (Iran 'backs' the Houthis, who are 'backed by' Iran)."""
        return self._relations.relations_to.get(organisation_id, ())

    def events_about(self, designation_id: str) -> tuple[Event, ...]:
        """Events written as being about a designation, in date order."""
        return self._relations.events_about.get(designation_id, ())

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def kind_of(self, entity_id: str) -> EntityKind | None:
        entity = self._by_id.get(entity_id)
        return entity.entity_kind if entity is not None else None

    @property
    def by_id(self) -> Mapping[str, Entity]:
        """Every entity by id (read only)."""
        return self._by_id

    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    # -- provenance -----------------------------------------------------------------------

    def definitions(self, entity_id: str) -> tuple[Entity, ...]:
        """Each file's definition of an entity, in load order (one for most entities; several
        when files by different people each say something about it)."""
        merged = self._merged.get(entity_id)
        if merged is not None:
            return merged.definitions
        entity = self._by_id.get(entity_id)
        return (entity,) if entity is not None else ()

    def conflicts(self, entity_id: str) -> tuple[Conflict, ...]:
        """The fields of an entity to which two files give different values."""
        merged = self._merged.get(entity_id)
        return merged.conflicts if merged is not None else ()

    def entity_at(self, position: Position) -> str | None:
        """The id of the entity whose definition holds ``position`` (the last one defined
        in that file at or above its line), or None."""
        best: tuple[int, str] | None = None
        for entity_id in self._by_id:
            for definition in self.definitions(entity_id):
                origin = definition.origin
                if origin.path != position.path or origin.line > position.line:
                    continue
                if best is None or origin.line > best[0]:
                    best = (origin.line, entity_id)
        return best[1] if best is not None else None

    def merged_ids(self) -> tuple[str, ...]:
        """The ids of entities defined in more than one file."""
        return tuple(self._merged)

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
        """Events the organisation or speaker took part in, in date order, the acts of its
        designations included."""
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
        """All events written in the briefings, sorted by earliest possible day, then by
        precision, then by title (what the exports list as the chronology)."""
        if self._chronology is None:
            self._chronology = _by_date(self.events)
        return self._chronology

    @property
    def timeline(self) -> tuple[Event, ...]:
        """The chronology with the acts of every designation (listings, revocations,
        amendments) as entries of their own, in the same order: what the reader lists."""
        if self._timeline is None:
            acts = self.acts
            self._timeline = _by_date((*self.events, *acts)) if acts else self.chronology
        return self._timeline

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

    __slots__ = (
        "backlinks",
        "designations",
        "events_about",
        "events_of",
        "quotes_about",
        "quotes_by",
        "relations_to",
    )

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
            if quote.speaker is not None:
                quotes_by[quote.speaker].append(quote)
            for about in dict.fromkeys(quote.about):
                quotes_about[about].append(quote)
        events_about: defaultdict[str, list[Event]] = defaultdict(list)
        relations_to: defaultdict[str, list[tuple[Organisation, Relation]]] = defaultdict(list)
        for event in (*collection.events, *collection.acts):
            for participant in dict.fromkeys(event.participants):
                events_of[participant].append(event)
            if not isinstance(event, DesignationAct):
                for about in dict.fromkeys(event.about):
                    events_about[about].append(event)
        for organisation in collection.organisations:
            for relation in organisation.relations:
                relations_to[relation.organisation].append((organisation, relation))
        self.designations: dict[str, tuple[Organisation | Speaker, Designation]] = {}
        holders: tuple[Entity, ...] = (*collection.organisations, *collection.speakers)
        for holder, designation in designations_of(holders):
            assert designation.id is not None
            self.designations.setdefault(designation.id, (holder, designation))
        self.events_about = {k: _by_date(v) for k, v in events_about.items()}
        self.relations_to = {k: tuple(v) for k, v in relations_to.items()}
        self.backlinks = {k: tuple(v) for k, v in backlinks.items()}
        self.quotes_by = {k: _newest_first(v) for k, v in quotes_by.items()}
        self.quotes_about = {k: _newest_first(v) for k, v in quotes_about.items()}
        self.events_of = {k: _by_date(v) for k, v in events_of.items()}

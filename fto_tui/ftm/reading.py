"""Read a FollowTheMoney entity stream into the briefing model.

An FtM file holds one JSON object per line: ``{"id", "schema", "properties": {name: [values]}}``
plus, in OpenSanctions' exports, ``datasets``, ``referents``, ``first_seen`` and ``last_seen``.
Entities are mapped by the schema hierarchy (:mod:`fto_tui.ftm.hierarchy`, generated from the
``followthemoney`` library), never by name lists:

* legal entities (``Organization``, ``Company``, ``PublicBody`` ...) become organisations and
  ``Person`` entities people;
* a ``Sanction`` becomes a designation of the organisation or person it names;
* the edges ``Membership``, ``Directorship``, ``Associate``, ``Family``, ``Ownership`` and
  ``UnknownLink`` become relations between organisations and roles of people;
* an ``Event`` with a date becomes an event;
* documents become sources, cited where an entity names them as ``proof``; otherwise each
  ``sourceUrl`` (with ``publisher``) becomes a source; each dataset becomes a source too, and
  the dataset citation's locator keeps the FtM id, ``first_seen``, ``last_seen`` and
  ``referents``.

Everything else is counted per schema and reported once. Lines that are not entities, unknown
schemata and references to ids the file does not hold are problems at the JSON line, never
exceptions. Several lines with one id are fragments of one entity and are merged, as FtM does.
"""

from __future__ import annotations

import functools
import hashlib
import os
import zlib
from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

import msgspec

from fto_tui.dates import DateError, EdtfDate
from fto_tui.ftm.hierarchy import EDGES, SCHEMATA
from fto_tui.model import (
    BriefingInfo,
    Citation,
    Designation,
    Event,
    Organisation,
    Relation,
    Role,
    Source,
    Speaker,
)
from fto_tui.problems import Position, Problem, error, warning
from fto_tui.record import Record
from fto_tui.references import MAX_PROBLEMS

#: Each mapped edge schema: the word for a role it gives a person, and the relation type it
#: gives between two organisations. Subschemata of these map the same way.
EDGE_WORDS: dict[str, tuple[str, str]] = {
    "Membership": ("member", "member-of"),
    "Directorship": ("director", "director-of"),
    "Ownership": ("owner", "owner-of"),
    "Associate": ("associate", "associate-of"),
    "Family": ("relative", "relative-of"),
    "UnknownLink": ("linked to", "linked-to"),
}
_ROLE_PROPERTIES = ("role", "relationship")
_DESCRIPTION_PROPERTIES = ("summary", "description", "notes")
_ALIAS_PROPERTIES = ("name", "alias", "previousName", "weakAlias", "abbreviation")
_OTHER_NAMES = frozenset(_ALIAS_PROPERTIES[1:])
_MISSING = "(not given)"
_R = TypeVar("_R", bound=Record)


class Entity(msgspec.Struct):
    """One line of an FtM stream; other keys (``caption``, ``target`` ...) are ignored."""

    id: str
    schema: str
    properties: dict[str, list[str]] = {}
    caption: str | None = None
    datasets: list[str] = []
    referents: list[str] = []
    first_seen: str | None = None
    last_seen: str | None = None


class FtmContent(Record, frozen=True):
    """What one FtM file holds, in the briefing model's records."""

    problems: tuple[Problem, ...]
    info: BriefingInfo | None = None
    sources: tuple[Source, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    events: tuple[Event, ...] = ()


def decompress(path: str, data: bytes, max_bytes: int) -> bytes | Problem:
    """The gunzipped bytes of ``data`` (several members allowed), refusing more than
    ``max_bytes`` of output, so that a small file that inflates without end is refused."""
    out: list[bytes] = []
    total = 0
    rest = data
    try:
        while rest:
            inflater = zlib.decompressobj(wbits=31)
            chunk = inflater.decompress(rest, max_bytes + 1 - total)
            while True:
                total += len(chunk)
                out.append(chunk)
                if total > max_bytes:
                    return error(
                        Position(path),
                        "file-too-large",
                        f"file is larger than the limit of {max_bytes:,} bytes once decompressed",
                        "split it into several files; a directory loads them together",
                    )
                if not inflater.unconsumed_tail:
                    break
                chunk = inflater.decompress(inflater.unconsumed_tail, max_bytes + 1 - total)
            if not inflater.eof:
                return error(Position(path), "unreadable", "gzip data ends early (truncated)")
            rest = inflater.unused_data.lstrip(b"\0")
    except zlib.error as exc:
        return error(Position(path), "unreadable", f"not valid gzip data: {exc}")
    return b"".join(out)


def read_lines(path: str, data: bytes) -> tuple[list[tuple[int, Entity]], list[Problem]]:
    """The entities of ``data`` with their line numbers; a problem for every line that is not
    one (blank lines are skipped)."""
    decoder = msgspec.json.Decoder(Entity)
    entities: list[tuple[int, Entity]] = []
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            entities.append((number, decoder.decode(line)))
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            problems.append(
                warning(
                    Position(path, number),
                    "ftm-malformed",
                    f"line skipped: not an FtM entity ({exc})",
                    'each line holds one JSON object: {"id", "schema", "properties"}',
                )
            )
    return entities, problems


class _Kind:
    ORGANISATION = "organisation"
    PERSON = "person"
    SANCTION = "sanction"
    EVENT = "event"
    EDGE = "edge"
    DOCUMENT = "document"
    OTHER = "other"


@functools.cache
def kind_of_schema(name: str) -> str:
    """Where an entity of the schema called ``name`` belongs (see :func:`kind_of`)."""
    return kind_of(SCHEMATA[name])


def kind_of(schema: frozenset[str]) -> str:
    """Where an entity of the schema (given as all the schemata it is) belongs."""
    if "Sanction" in schema:
        return _Kind.SANCTION
    if "Person" in schema:
        return _Kind.PERSON
    if "LegalEntity" in schema:
        return _Kind.ORGANISATION
    if "Event" in schema:
        return _Kind.EVENT
    if any(edge in schema for edge in EDGE_WORDS):
        return _Kind.EDGE
    if "Document" in schema:
        return _Kind.DOCUMENT
    return _Kind.OTHER


@functools.cache
def _edge_name(schema: str) -> str:
    """Which of :data:`EDGE_WORDS` the edge schema called ``schema`` is."""
    return next(edge for edge in EDGE_WORDS if edge in SCHEMATA[schema])


def _date(values: Iterable[str]) -> EdtfDate | None:
    for value in values:
        date = _parse_date(value[:10])
        if date is not None:
            return date
    return None


@functools.lru_cache(maxsize=1 << 16)
def _parse_date(text: str) -> EdtfDate | None:
    """A date as FtM writes it (an ISO prefix), or None; the same dates recur across a large
    file's entities, and a parsed date is an immutable record they can share."""
    try:
        return EdtfDate.parse(text)
    except DateError:
        return None


def _period(props: dict[str, list[str]]) -> EdtfDate | None:
    start = _first_date(props.get("startDate", ()))
    end = _first_date(props.get("endDate", ()))
    if start is None and end is None:
        return _date(props.get("date", ()))
    return _parse_date(f"{start or ''}/{end or ''}") or _date(p for p in (start, end) if p)


def _first_date(values: Iterable[str]) -> str | None:
    date = _date(values)
    return date.text if date is not None else None


def _first(props: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        values = props.get(name)
        if values:
            for value in values:
                if value and not value.isspace():
                    return value
    return None


def _all(props: dict[str, list[str]], *names: str) -> list[str]:
    """The values of the properties ``names``, in order, each once, blank ones left out."""
    found: list[str] = []
    for name in names:
        values = props.get(name)
        if values:
            found.extend(values)
    if not found:
        return found
    return [v for v in dict.fromkeys(found) if v and not v.isspace()]


def _text(props: dict[str, list[str]], *names: str) -> str | None:
    values = _all(props, *names)
    return "\n\n".join(values) if values else None


class _Reader:
    """One file's mapping: sources made as entities cite them, problems as they are found."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.sources: dict[str, Source] = {}
        self.problems: list[Problem] = []
        self.unmapped: Counter[str] = Counter()
        self.first_unmapped: int | None = None
        self.reported = 0
        #: Ids of the file's documents, which are sources that ``proof`` cites.
        self.documents: set[str] = set()
        self.dataset_cache: dict[tuple[object, ...], tuple[Citation, ...]] = {}
        self.url_citations: dict[str, Citation] = {}

    def problem(self, problem: Problem) -> None:
        self.reported += 1
        if self.reported < MAX_PROBLEMS:
            self.problems.append(problem)
        elif self.reported == MAX_PROBLEMS:
            self.problems.append(
                warning(
                    problem.position,
                    "too-many-problems",
                    f"stopped after {MAX_PROBLEMS} problems in this file",
                )
            )

    def skip(self, what: str, line: int) -> None:
        self.unmapped[what] += 1
        if self.first_unmapped is None or line < self.first_unmapped:
            self.first_unmapped = line

    def citations(self, line: int, entity: Entity) -> tuple[Citation, ...]:
        """The sources ``entity`` cites: the documents it names as ``proof``, else its
        ``sourceUrl``s; and its datasets."""
        props = entity.properties
        proofs = props.get("proof")
        found = [Citation(p) for p in proofs if p in self.documents] if proofs else []
        urls = None if found else props.get("sourceUrl")
        if urls:
            publisher = _first(props, "publisher")
            for url in urls:
                cited = self.url_citations.get(url)
                if cited is None:
                    source_id = "ftm-url-" + hashlib.sha1(url.encode()).hexdigest()[:12]
                    self.sources[source_id] = Source(
                        source_id,
                        _host(url),
                        Position(self.path, line),
                        publisher=publisher,
                        url=url,
                    )
                    cited = self.url_citations[url] = Citation(source_id)
                found.append(cited)
        if entity.datasets:
            found.extend(self.dataset_citations(line, entity))
        return tuple(found)

    def dataset_citations(self, line: int, entity: Entity) -> tuple[Citation, ...]:
        """Citations of the entity's datasets; the locator keeps ``first_seen``, ``last_seen``
        and ``referents``. Entities seen over the same days share one citation record."""
        key = (tuple(entity.datasets), entity.first_seen, entity.last_seen, *entity.referents)
        cited = self.dataset_cache.get(key)
        if cited is not None:
            return cited
        facts = []
        if entity.first_seen:
            facts.append(f"first seen {entity.first_seen}")
        if entity.last_seen:
            facts.append(f"last seen {entity.last_seen}")
        if entity.referents:
            facts.append("referents " + ", ".join(entity.referents))
        locator = "; ".join(facts) or None
        found = []
        for dataset in entity.datasets:
            source_id = f"ftm-dataset-{dataset}"
            if source_id not in self.sources:
                self.sources[source_id] = Source(
                    source_id,
                    dataset,
                    Position(self.path, line),
                    kind="dataset",
                    notes="A FollowTheMoney dataset, as the file names it.",
                )
            found.append(Citation(source_id, locator))
        cited = self.dataset_cache[key] = tuple(found)
        return cited


def _host(url: str) -> str:
    """The host part of ``url`` (what a source list shows as its title), or the whole URL."""
    _scheme, sep, rest = url.partition("://")
    host = rest.split("/", 1)[0].rpartition("@")[2] if sep else ""
    return host or url


def _names(entity: Entity) -> tuple[str, tuple[str, ...]]:
    props = entity.properties
    names = props.get("name") or []
    if len(names) > 1 or not props.keys().isdisjoint(_OTHER_NAMES):
        names = _all(props, *_ALIAS_PROPERTIES)
    name = entity.caption or (names[0] if names else entity.id)
    return name, tuple(n for n in names if n != name)


def _merge_fragments(
    reader: _Reader, lines: list[tuple[int, Entity]]
) -> dict[str, tuple[int, Entity]]:
    """Entities by id; later fragments of an id add their values to the first."""
    by_id: dict[str, tuple[int, Entity]] = {}
    for line, entity in lines:
        if entity.schema not in SCHEMATA:
            reader.problem(
                warning(
                    Position(reader.path, line),
                    "ftm-unknown-schema",
                    f"line skipped: unknown FtM schema '{entity.schema}'",
                    "the FollowTheMoney model has no schema of this name",
                )
            )
            continue
        earlier = by_id.get(entity.id)
        if earlier is None:
            by_id[entity.id] = (line, entity)
            continue
        first = earlier[1]
        for name, values in entity.properties.items():
            merged = first.properties.setdefault(name, [])
            merged.extend(v for v in values if v not in merged)
        first.datasets.extend(d for d in entity.datasets if d not in first.datasets)
        first.referents.extend(r for r in entity.referents if r not in first.referents)
    return by_id


def read(path: str, data: bytes) -> FtmContent:
    """The briefing content of an FtM stream's bytes. Never raises for bad input."""
    reader = _Reader(path)
    lines, malformed = read_lines(path, data)
    for problem in malformed:
        reader.problem(problem)
    entities = _merge_fragments(reader, lines)
    kinds = {entity_id: kind_of_schema(e.schema) for entity_id, (_, e) in entities.items()}
    reader.documents = {i for i, kind in kinds.items() if kind == _Kind.DOCUMENT}
    for entity_id in reader.documents:
        line, entity = entities[entity_id]
        reader.sources[entity_id] = _document(reader, line, entity)

    organisations: dict[str, Organisation] = {}
    speakers: dict[str, Speaker] = {}
    events: list[Event] = []
    designations: dict[str, list[Designation]] = {}
    relations: dict[str, list[Relation]] = {}
    roles: dict[str, list[Role]] = {}
    for entity_id, (line, entity) in entities.items():
        kind = kinds[entity_id]
        if kind == _Kind.ORGANISATION:
            organisations[entity_id] = _organisation(reader, line, entity)
        elif kind == _Kind.PERSON:
            speakers[entity_id] = _speaker(reader, line, entity)
        elif kind == _Kind.EVENT:
            event = _event(reader, line, entity, kinds)
            if event is None:
                reader.skip("Event without a date", line)
            else:
                events.append(event)
        elif kind == _Kind.OTHER:
            reader.skip(entity.schema, line)

    def ends(line: int, entity: Entity, prop: str) -> list[tuple[str, str]]:
        found = []
        for target in entity.properties.get(prop, ()):
            target_kind = kinds.get(target)
            if target_kind is not None:
                found.append((target, target_kind))
            else:
                reader.problem(
                    warning(
                        Position(path, line),
                        "ftm-dangling-reference",
                        f"{entity.schema} '{entity.id}' refers to '{target}' in '{prop}', "
                        "which this file does not hold; the link is left out",
                    )
                )
        return found

    def name_of(entity_id: str) -> str:
        found = organisations.get(entity_id) or speakers.get(entity_id)
        return found.name if found is not None else entity_id

    for _entity_id, (line, entity) in entities.items():
        kind = kinds[_entity_id]
        if kind == _Kind.SANCTION:
            targets = ends(line, entity, "entity")
            if not entity.properties.get("entity"):
                reader.skip("Sanction naming no entity", line)
            for target, target_kind in targets:
                if target_kind in (_Kind.ORGANISATION, _Kind.PERSON):
                    designation = _designation(reader, line, entity)
                    designations.setdefault(target, []).append(designation)
                else:
                    reader.skip(f"Sanction on {entities[target][1].schema}", line)
        elif kind == _Kind.EDGE:
            edge = _edge_name(entity.schema)
            source_prop, target_prop = EDGES[entity.schema]
            role_word, relation_type = EDGE_WORDS[edge]
            label = _first(entity.properties, *_ROLE_PROPERTIES) or role_word
            citations = reader.citations(line, entity)
            period = _period(entity.properties)
            origin = Position(path, line)
            mapped = False
            sources = ends(line, entity, source_prop)
            targets = ends(line, entity, target_prop)
            for one, one_kind in sources:
                for other, other_kind in targets:
                    pair = {one_kind, other_kind}
                    if pair == {_Kind.ORGANISATION}:
                        relations.setdefault(one, []).append(
                            Relation(
                                label if edge == "UnknownLink" else relation_type,
                                other,
                                origin,
                                period,
                                notes=_text(entity.properties, "description", "summary")
                                or (None if label in (role_word, relation_type) else label),
                                citations=citations,
                            )
                        )
                    elif pair == {_Kind.ORGANISATION, _Kind.PERSON}:
                        holder, body = (one, other) if one_kind == _Kind.PERSON else (other, one)
                        roles.setdefault(holder, []).append(
                            Role(label, origin, body, period, citations)
                        )
                    elif pair == {_Kind.PERSON}:
                        roles.setdefault(one, []).append(
                            Role(f"{label}: {name_of(other)}", origin, None, period, citations)
                        )
                        roles.setdefault(other, []).append(
                            Role(f"{role_word}: {name_of(one)}", origin, None, period, citations)
                        )
                    else:
                        continue
                    mapped = True
            if not mapped and sources and targets:
                reader.skip(f"{entity.schema} between other entities", line)

    for listed_id, found in designations.items():
        if listed_id in organisations:
            organisations[listed_id] = _with(organisations[listed_id], designations=tuple(found))
        else:
            speakers[listed_id] = _with(speakers[listed_id], designations=tuple(found))
    for org_id, found_relations in relations.items():
        org = organisations[org_id]
        organisations[org_id] = _with(org, relations=(*org.relations, *found_relations))
    for person_id, found_roles in roles.items():
        person = speakers[person_id]
        speakers[person_id] = _with(person, roles=(*person.roles, *found_roles))

    if reader.unmapped:
        counts = ", ".join(f"{count} {what}" for what, count in sorted(reader.unmapped.items()))
        total = sum(reader.unmapped.values())
        reader.problems.append(
            warning(
                Position(path, reader.first_unmapped or 1),
                "ftm-not-mapped",
                f"{total} FtM entit{'y' if total == 1 else 'ies'} with no place in a briefing "
                f"(not shown): {counts}",
                "see the FollowTheMoney mapping in the documentation",
            )
        )
    if not entities:
        reader.problems.insert(
            0,
            error(
                Position(path),
                "ftm-malformed",
                "no FtM entities in file",
                "an FtM file holds one JSON entity per line, not one JSON document",
            ),
        )
    return FtmContent(
        problems=tuple(reader.problems),
        info=_info(path, lines),
        sources=tuple(reader.sources.values()),
        organisations=tuple(organisations.values()),
        speakers=tuple(speakers.values()),
        events=tuple(events),
    )


def _with(record: _R, **changes: object) -> _R:
    return msgspec.structs.replace(record, **changes)


def _info(path: str, lines: list[tuple[int, Entity]]) -> BriefingInfo:
    datasets = sorted({d for _, e in lines for d in e.datasets})
    seen = [e.last_seen for _, e in lines if e.last_seen]
    title = os.path.basename(path)
    return BriefingInfo(
        path=path,
        title=f"{title} (FollowTheMoney)",
        as_of=_date([max(seen)]) if seen else None,
        summary=f"Datasets: {', '.join(datasets)}" if datasets else None,
        origin=Position(path),
    )


def _organisation(reader: _Reader, line: int, entity: Entity) -> Organisation:
    props = entity.properties
    name, aliases = _names(entity)
    return Organisation(
        id=entity.id,
        name=name,
        origin=Position(reader.path, line),
        aliases=aliases,
        kind=entity.schema,
        based_in=tuple(_all(props, "country", "jurisdiction", "mainCountry")),
        activities=tuple(_all(props, "sector")),
        founded=_date(props.get("incorporationDate", ())),
        description=_description(entity),
        citations=reader.citations(line, entity),
    )


def _speaker(reader: _Reader, line: int, entity: Entity) -> Speaker:
    props = entity.properties
    name, aliases = _names(entity)
    origin = Position(reader.path, line)
    return Speaker(
        id=entity.id,
        name=name,
        origin=origin,
        aliases=aliases,
        description=_description(entity),
        roles=tuple(Role(title, origin) for title in _all(props, "position")),
        citations=reader.citations(line, entity),
    )


_FactTable = tuple[tuple[str, tuple[str, ...]], ...]
_ENTITY_FACTS: _FactTable = (
    ("Born", ("birthDate",)),
    ("Died", ("deathDate",)),
    ("Nationality", ("nationality", "citizenship")),
    ("Dissolved", ("dissolutionDate",)),
    ("Status", ("status",)),
    ("Registration", ("registrationNumber", "idNumber", "taxNumber")),
    ("Topics", ("topics",)),
)
_SANCTION_FACTS: _FactTable = (
    ("Programme id", ("programId",)),
    ("Listed", ("listingDate",)),
    ("Provisions", ("provisions",)),
    ("Status as listed", ("status",)),
    ("Duration", ("duration",)),
    ("Summary", ("summary", "description")),
)
_ENTITY_FACT_NAMES = frozenset(n for _, names in _ENTITY_FACTS for n in names)
_SANCTION_FACT_NAMES = frozenset(n for _, names in _SANCTION_FACTS for n in names)


def _facts(
    props: dict[str, list[str]], table: _FactTable, names_in: frozenset[str], joiner: str
) -> list[str]:
    """``Label: values`` for each row of ``table`` (whose property names are ``names_in``)
    whose properties have values."""
    if props.keys().isdisjoint(names_in):
        return []
    found = []
    for label, names in table:
        if len(names) == 1:
            values = props.get(names[0])
            if values and len(values) > 1:
                values = _all(props, names[0])
        else:
            values = _all(props, *names)
        if values:
            found.append(f"{label}: {joiner.join(values)}")
    return found


def _description(entity: Entity) -> str | None:
    props = entity.properties
    facts = "; ".join(_facts(props, _ENTITY_FACTS, _ENTITY_FACT_NAMES, ", "))
    text = _text(props, *_DESCRIPTION_PROPERTIES)
    if facts and text:
        return f"{facts}\n\n{text}"
    return facts or text


def _designation(reader: _Reader, line: int, entity: Entity) -> Designation:
    props = entity.properties
    notes = _facts(props, _SANCTION_FACTS, _SANCTION_FACT_NAMES, "; ")
    start = _date(props.get("startDate", ())) or _date(props.get("listingDate", ()))
    end = _date(props.get("endDate", ()))
    return Designation(
        authority=_first(props, "authority", "publisher") or _MISSING,
        programme=_first(props, "program", "programId") or _MISSING,
        origin=Position(reader.path, line),
        basis=_text(props, "reason"),
        date=start,
        end=end,
        status="expired" if end is not None and _past(end) else "active",
        notes="\n".join(notes) or None,
        citations=reader.citations(line, entity),
    )


def _document(reader: _Reader, line: int, entity: Entity) -> Source:
    props = entity.properties
    return Source(
        id=entity.id,
        title=_first(props, "title", "name", "fileName") or entity.caption or entity.id,
        origin=Position(reader.path, line),
        publisher=_first(props, "publisher"),
        url=_first(props, "sourceUrl"),
        kind=entity.schema.lower(),
        published=_date(props.get("publishedAt", ()) or props.get("date", ())),
        notes=_text(props, "summary", "description", "notes"),
    )


def _past(date: EdtfDate) -> bool:
    import datetime as dt

    latest = date.latest
    return latest is not None and latest < dt.date.today()


def _event(reader: _Reader, line: int, entity: Entity, kinds: dict[str, str]) -> Event | None:
    props = entity.properties
    date = _period(props)
    if date is None:
        return None
    participants = [
        i for i in _all(props, "involved", "organizer") if kinds.get(i) in _PARTICIPANTS
    ]
    return Event(
        id=entity.id,
        date=date,
        title=_first(props, "name", "summary") or entity.caption or entity.id,
        origin=Position(reader.path, line),
        description=_text(props, "description", "summary", "notes"),
        participants=tuple(participants),
        places=tuple(_all(props, "country")),
        tags=tuple(_all(props, "keywords")),
        citations=reader.citations(line, entity),
    )


_PARTICIPANTS = (_Kind.ORGANISATION, _Kind.PERSON)

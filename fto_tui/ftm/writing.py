"""Write a briefing collection as a FollowTheMoney entity stream (``export --format ftm``).

Each entity is built as FtM's JSON form and then passed through the ``followthemoney``
library (the optional ``fto-brief[ftm]`` extra), which checks the schema and every property
and cleans the values as FtM tools expect them; what it writes is the library's own form of
the entity. The mapping, and what cannot be carried, is in ``docs/ftm.md``:

* sources → ``Document`` (``Article`` for articles), cited from entities through ``proof``
  and ``sourceUrl``;
* organisations → ``Organization`` (``Company`` for companies); people → ``Person``;
* designations → ``Sanction``; relations → ``Membership``, ``Ownership``, ``Directorship`` or
  ``UnknownLink``; roles in an organisation and affiliations → ``Membership``, other roles →
  the person's ``position``;
* events → ``Event``; quotes → ``Note`` on the speaker (FtM has no schema for speech).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from fto_tui.dates import DatePoint, EdtfDate
from fto_tui.ftm import INSTALL_HINT
from fto_tui.index import Collection
from fto_tui.model import Citation, Designation, Organisation, Source, Speaker
from fto_tui.visible import visible_in_json

Properties = dict[str, list[str]]

#: Relation types carried by an FtM edge schema (the organisation is the edge's first end);
#: every other type becomes an ``UnknownLink`` whose ``role`` is the type.
_RELATION_EDGES = {
    "member-of": ("Membership", "member", "organization"),
    "owner-of": ("Ownership", "owner", "asset"),
    "director-of": ("Directorship", "director", "organization"),
}
#: Organisation kinds written as a more specific FtM schema than ``Organization`` (the kinds a
#: briefing uses, and the schema names the FtM reader keeps as kinds).
_ORGANISATION_SCHEMATA = {"company": "Company", "publicbody": "PublicBody"}
_ARTICLE_KINDS = ("article", "news", "press-release", "report")


class MissingLibrary(RuntimeError):
    """The ``followthemoney`` library is not installed; the message says how to install it."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


def _point(point: DatePoint | None) -> str | None:
    """A date point as FtM's ISO prefix (``2021``, ``2021-05``, ``2021-05-03``); qualifiers
    (uncertain, approximate) cannot be carried. A partly unspecified year has no ISO form."""
    if point is None or point.unspecified_year_digits or not 0 < point.year <= 9999:
        return None
    text = f"{point.year:04d}"
    if point.month is not None:
        text += f"-{point.month:02d}"
        if point.day is not None:
            text += f"-{point.day:02d}"
    return text


def _dates(date: EdtfDate | None, start: str = "startDate", end: str = "endDate") -> Properties:
    if date is None:
        return {}
    first = _point(date.start)
    last = _point(date.end) if date.is_interval else None
    found: Properties = {}
    if first:
        found[start] = [first]
    if last:
        found[end] = [last]
    return found


def _set(props: Properties, name: str, *values: str | None) -> None:
    kept = [v for v in values if v]
    if kept:
        props.setdefault(name, []).extend(kept)


class _Writer:
    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.sources = {source.id: source for source in collection.sources}

    def cite(self, props: Properties, citations: tuple[Citation, ...]) -> None:
        for citation in citations:
            source = self.sources.get(citation.source)
            if source is None:
                continue
            _set(props, "proof", source.id)
            _set(props, "sourceUrl", source.url)

    def entities(self) -> Iterator[dict[str, Any]]:
        collection = self.collection
        for source in collection.sources:
            yield self.source(source)
        for org in collection.organisations:
            yield from self.organisation(org)
        for speaker in collection.speakers:
            yield from self.person(speaker)
        for event in collection.events:
            props: Properties = {"name": [event.title]}
            _set(props, "description", event.description)
            _set(props, "involved", *event.participants)
            _set(props, "keywords", *event.tags)
            _set(props, "notes", *(f"Place: {p}" for p in event.places))
            props.update(_dates(event.date))
            self.cite(props, event.citations)
            yield _entity(event.id, "Event", props)
        for quote in collection.quotes:
            props = {"description": [quote.text]}
            _set(props, "entity", quote.speaker)
            _set(props, "summary", quote.context)
            _set(props, "notes", quote.notes, f"{quote.kind.value} quote")
            if quote.attribution:
                _set(props, "notes", f"Attributed to {quote.attribution}")
            if quote.date is not None:
                _set(props, "notes", f"Said on {quote.date.text}")
            self.cite(props, quote.citations)
            yield _entity(quote.id, "Note", props)

    def source(self, source: Source) -> dict[str, Any]:
        schema = "Article" if (source.kind or "").lower() in _ARTICLE_KINDS else "Document"
        props: Properties = {"title": [source.title]}
        _set(props, "publisher", source.publisher)
        _set(props, "sourceUrl", source.url)
        _set(props, "notes", source.notes)
        if source.published is not None:
            _set(props, "publishedAt", _point(source.published.start))
        return _entity(source.id, schema, props)

    def organisation(self, org: Organisation) -> Iterator[dict[str, Any]]:
        props: Properties = {"name": [org.name]}
        _set(props, "alias", *org.aliases)
        _set(props, "country", *org.based_in)
        _set(props, "sector", *org.activities)
        _set(props, "description", org.description)
        _set(props, "notes", *(f"Active in: {place}" for place in org.active_in))
        if org.founded is not None:
            _set(props, "incorporationDate", _point(org.founded.start))
        self.cite(props, org.citations)
        yield _entity(
            org.id, _ORGANISATION_SCHEMATA.get((org.kind or "").lower(), "Organization"), props
        )
        yield from self.sanctions(org.id, org.designations)
        for number, relation in enumerate(org.relations, start=1):
            schema, one, other = _RELATION_EDGES.get(
                relation.type, ("UnknownLink", "subject", "object")
            )
            edge: Properties = {one: [org.id], other: [relation.organisation]}
            if schema == "UnknownLink":
                edge["role"] = [relation.type]
            _set(edge, "description", relation.notes)
            edge.update(_dates(relation.period))
            self.cite(edge, relation.citations)
            yield _entity(f"{org.id}-relation-{number}", schema, edge)

    def person(self, speaker: Speaker) -> Iterator[dict[str, Any]]:
        props: Properties = {"name": [speaker.name]}
        _set(props, "alias", *speaker.aliases)
        _set(props, "description", speaker.description)
        _set(props, "position", *(r.title for r in speaker.roles if not r.organisation))
        self.cite(props, speaker.citations)
        yield _entity(speaker.id, "Person", props)
        yield from self.sanctions(speaker.id, speaker.designations)
        for number, role in enumerate(speaker.roles, start=1):
            if not role.organisation:
                continue
            edge: Properties = {
                "member": [speaker.id],
                "organization": [role.organisation],
                "role": [role.title],
            }
            edge.update(_dates(role.period))
            self.cite(edge, role.citations)
            yield _entity(f"{speaker.id}-role-{number}", "Membership", edge)
        for number, org_id in enumerate(speaker.affiliations, start=1):
            edge = {"member": [speaker.id], "organization": [org_id], "role": ["affiliated"]}
            yield _entity(f"{speaker.id}-affiliation-{number}", "Membership", edge)

    def sanctions(
        self, entity_id: str, designations: tuple[Designation, ...]
    ) -> Iterator[dict[str, Any]]:
        for number, designation in enumerate(designations, start=1):
            props: Properties = {
                "entity": [entity_id],
                "authority": [designation.authority],
                "program": [designation.programme],
                "status": [designation.status],
            }
            _set(props, "reason", designation.basis)
            _set(props, "summary", designation.notes)
            if designation.date is not None:
                _set(props, "startDate", _point(designation.date.start))
            if designation.end is not None:
                _set(props, "endDate", _point(designation.end.start))
            self.cite(props, designation.citations)
            yield _entity(f"{entity_id}-designation-{number}", "Sanction", props)


def _entity(entity_id: str, schema: str, props: Properties) -> dict[str, Any]:
    return {"id": entity_id, "schema": schema, "properties": props}


def to_ftm(collection: Collection) -> str:
    """``collection`` as an FtM entity stream, one JSON object per line, each checked and
    cleaned by the ``followthemoney`` library. :class:`MissingLibrary` when it is absent."""
    try:
        from followthemoney import model
    except ImportError:
        raise MissingLibrary() from None
    lines = []
    for data in _Writer(collection).entities():
        schema = model.get(data["schema"])
        assert schema is not None, data["schema"]
        for name in data["properties"]:
            if schema.get(name) is None:  # a mapping error, never the briefing's fault
                raise ValueError(f"FtM schema {schema.name} has no property {name!r}")
        proxy = model.get_proxy(data, cleaned=False)
        text = json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True)
        lines.append(visible_in_json(text) + "\n")
    return "".join(lines)

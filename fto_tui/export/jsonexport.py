"""A briefing collection as JSON: the resolved model in a documented, versioned shape.

The shape is described in ``docs/export-json.md``; ``FORMAT`` and ``VERSION`` name it. A change
that removes or retypes a key raises the version; adding keys does not.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, assert_never

from fto_tui import __version__
from fto_tui.dates import EdtfDate
from fto_tui.index import Collection
from fto_tui.model import BriefingInfo, Citation, Entity, Source, web_link
from fto_tui.problems import Position, json_text
from fto_tui.schema import (
    RECORD_OF,
    Choice,
    Date,
    Either,
    Field,
    FieldType,
    Identifiers,
    ListOf,
    Record,
    Ref,
    Slug,
    Text,
    Url,
)

FORMAT = "fto-brief-export"
VERSION = 1

Json = dict[str, Any]


def date_json(date: EdtfDate | None) -> Json | None:
    """``{"edtf", "display", "earliest", "latest", "precision"}``; ends open or unknown are null."""
    if date is None:
        return None
    earliest, latest = date.earliest, date.latest
    return {
        "edtf": date.text.strip(),
        "display": date.display(),
        "earliest": earliest.isoformat() if earliest else None,
        "latest": latest.isoformat() if latest else None,
        "precision": date.precision.name.lower(),
    }


def _position(origin: Position | None) -> Json | None:
    if origin is None:
        return None
    return {"path": origin.path, "line": origin.line, "column": origin.column}


class _Resolver:
    def __init__(self, collection: Collection) -> None:
        self.collection = collection

    def ref(self, entity_id: str) -> Json:
        """An id with the kind and name of what it names (null when it names nothing); a
        designation is named by its programme and holder."""
        entity = self.collection.get(entity_id)
        if entity is None and (held := self.collection.designation(entity_id)) is not None:
            holder, designation = held
            return {
                "id": entity_id,
                "kind": "designation",
                "name": f"{designation.programme} ({designation.authority}) of {holder.name}",
            }
        return {
            "id": entity_id,
            "kind": entity.entity_kind.value if entity is not None else None,
            "name": entity.name if entity is not None else None,
        }

    def refs(self, entity_ids: Iterable[str]) -> list[Json]:
        return [self.ref(i) for i in entity_ids]

    def citations(self, citations: Iterable[Citation]) -> list[Json]:
        found = []
        for citation in citations:
            source = self.collection.get(citation.source)
            found.append(
                {
                    "source": citation.source,
                    "title": source.name if isinstance(source, Source) else None,
                    "locator": citation.locator,
                }
            )
        return found

    # -- entities ------------------------------------------------------------------------

    def briefing(self, info: BriefingInfo) -> Json:
        return {
            "path": info.path,
            "title": info.title,
            "as_of": date_json(info.as_of),
            "summary": info.summary,
            "authors": list(info.authors),
            "language": info.language,
            "position": _position(info.origin),
        }

    def record(self, value: Any, record: Record) -> Json:
        """A model record as JSON, driven by its declaration: every declared field, under its
        own name, in the declared order (format v1's fields first, so that a v1 export keeps
        its order, then later ones); citations as ``citations``; then ``position``."""
        out: Json = {}
        for spec in _ordered(record):
            if spec.name == "source":
                continue
            if spec.name == "sources":
                out["citations"] = self.citations(value.citations)
                continue
            out[spec.name] = self.value(getattr(value, spec.name), spec.type)
            if isinstance(spec.type, Url):
                out[_LINKS[spec.name]] = web_link(getattr(value, spec.name))
        out["position"] = _position(value.origin)
        return out

    def value(self, value: Any, typ: FieldType) -> Any:
        match typ:
            case Text() | Slug() | Url():
                return value
            case Choice():
                return value.value if isinstance(value, enum.Enum) else value
            case Date():
                return date_json(value)
            case Ref():
                return self.ref(value) if value is not None else None
            case ListOf():
                return [self.value(item, typ.item) for item in value]
            case Record():
                return self.record(value, typ) if value is not None else None
            case Identifiers():
                return {identifier.scheme: identifier.value for identifier in value}
            case Either():
                raise ValueError("citations are exported as 'citations'")
            case _:
                assert_never(typ)

    def entity(self, entity: Entity) -> Json:
        return self.record(entity, RECORD_OF[type(entity)])


#: The key that says whether a URL field is offered as a link (http or https).
_LINKS = {"url": "link", "archive_url": "archive_link"}


def _ordered(record: Record) -> list[Field]:
    return sorted(record.fields, key=lambda spec: spec.since)


def to_document(collection: Collection) -> Json:
    """The export as a JSON-ready dictionary."""
    r = _Resolver(collection)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"fto-brief {__version__}",
        "counts": collection.counts(),
        "briefings": [r.briefing(b) for b in collection.briefings],
        "sources": [r.entity(s) for s in collection.sources],
        "organisations": [r.entity(o) for o in collection.organisations],
        "speakers": [r.entity(s) for s in collection.speakers],
        "quotes": [r.entity(q) for q in collection.quotes],
        "events": [r.entity(e) for e in collection.events],
        "chronology": [e.id for e in collection.chronology],
    }


def to_json(collection: Collection) -> str:
    """The export as JSON text (UTF-8, indented, ending in a newline)."""
    return json_text(to_document(collection)) + "\n"

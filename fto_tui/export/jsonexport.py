"""A briefing collection as JSON: the resolved model in a documented, versioned shape.

The shape is described in ``docs/export-json.md``; ``FORMAT`` and ``VERSION`` name it. A change
that removes or retypes a key raises the version; adding keys does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fto_tui import __version__
from fto_tui.dates import EdtfDate
from fto_tui.index import Collection
from fto_tui.model import (
    BriefingInfo,
    Citation,
    Designation,
    Event,
    Organisation,
    Quote,
    Relation,
    Role,
    Source,
    Speaker,
)
from fto_tui.problems import Position

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
        """An id with the kind and name of what it names (null when it names nothing)."""
        entity = self.collection.get(entity_id)
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

    def source(self, source: Source) -> Json:
        return {
            "id": source.id,
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            "link": source.link,
            "kind": source.kind,
            "published": date_json(source.published),
            "accessed": date_json(source.accessed),
            "notes": source.notes,
            "position": _position(source.origin),
        }

    def designation(self, d: Designation) -> Json:
        return {
            "authority": d.authority,
            "programme": d.programme,
            "basis": d.basis,
            "date": date_json(d.date),
            "as_written": d.as_written,
            "end": date_json(d.end),
            "status": d.status,
            "notes": d.notes,
            "citations": self.citations(d.citations),
            "position": _position(d.origin),
        }

    def relation(self, r: Relation) -> Json:
        return {
            "type": r.type,
            "organisation": self.ref(r.organisation),
            "period": date_json(r.period),
            "notes": r.notes,
            "citations": self.citations(r.citations),
            "position": _position(r.origin),
        }

    def organisation(self, org: Organisation) -> Json:
        return {
            "id": org.id,
            "name": org.name,
            "aliases": list(org.aliases),
            "kind": org.kind,
            "based_in": list(org.based_in),
            "active_in": list(org.active_in),
            "activities": list(org.activities),
            "founded": date_json(org.founded),
            "description": org.description,
            "designations": [self.designation(d) for d in org.designations],
            "relations": [self.relation(r) for r in org.relations],
            "citations": self.citations(org.citations),
            "position": _position(org.origin),
        }

    def role(self, role: Role) -> Json:
        return {
            "title": role.title,
            "organisation": self.ref(role.organisation) if role.organisation else None,
            "period": date_json(role.period),
            "citations": self.citations(role.citations),
            "position": _position(role.origin),
        }

    def speaker(self, speaker: Speaker) -> Json:
        return {
            "id": speaker.id,
            "name": speaker.name,
            "aliases": list(speaker.aliases),
            "description": speaker.description,
            "roles": [self.role(r) for r in speaker.roles],
            "affiliations": self.refs(speaker.affiliations),
            "citations": self.citations(speaker.citations),
            "position": _position(speaker.origin),
        }

    def quote(self, quote: Quote) -> Json:
        return {
            "id": quote.id,
            "speaker": self.ref(quote.speaker) if quote.speaker is not None else None,
            "text": quote.text,
            "kind": quote.kind.value,
            "date": date_json(quote.date),
            "as_written": quote.as_written,
            "context": quote.context,
            "audience": quote.audience,
            "about": self.refs(quote.about),
            "notes": quote.notes,
            "citations": self.citations(quote.citations),
            "position": _position(quote.origin),
        }

    def event(self, event: Event) -> Json:
        return {
            "id": event.id,
            "date": date_json(event.date),
            "title": event.title,
            "as_written": event.as_written,
            "description": event.description,
            "participants": self.refs(event.participants),
            "places": list(event.places),
            "tags": list(event.tags),
            "citations": self.citations(event.citations),
            "position": _position(event.origin),
        }


def to_document(collection: Collection) -> Json:
    """The export as a JSON-ready dictionary."""
    r = _Resolver(collection)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"fto-brief {__version__}",
        "counts": collection.counts(),
        "briefings": [r.briefing(b) for b in collection.briefings],
        "sources": [r.source(s) for s in collection.sources],
        "organisations": [r.organisation(o) for o in collection.organisations],
        "speakers": [r.speaker(s) for s in collection.speakers],
        "quotes": [r.quote(q) for q in collection.quotes],
        "events": [r.event(e) for e in collection.events],
        "chronology": [e.id for e in collection.chronology],
    }


def to_json(collection: Collection) -> str:
    """The export as JSON text (UTF-8, indented, ending in a newline)."""
    return json.dumps(to_document(collection), indent=2, ensure_ascii=False) + "\n"

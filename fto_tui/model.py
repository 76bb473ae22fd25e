"""The briefing model: immutable records for what a briefing describes.

Every entity has an ``id`` (a slug, unique across everything loaded) and the ``origin`` where it
is defined. References between entities are ids; a :class:`~fto_tui.index.Collection` resolves
them. Nothing here parses or renders.
"""

from __future__ import annotations

import enum

from fto_tui.dates import EdtfDate
from fto_tui.problems import Position
from fto_tui.record import Record


class QuoteKind(enum.Enum):
    DIRECT = "direct"
    PARAPHRASE = "paraphrase"


class EntityKind(enum.Enum):
    SOURCE = "source"
    ORGANISATION = "organisation"
    SPEAKER = "speaker"
    QUOTE = "quote"
    EVENT = "event"
    DESIGNATION = "designation"


class Citation(Record, frozen=True):
    """A reference to a source, with an optional locator (page, paragraph, timestamp)."""

    source: str
    locator: str | None = None


class BriefingInfo(Record, frozen=True):
    """The ``briefing:`` block of one file."""

    path: str
    title: str
    as_of: EdtfDate | None = None
    summary: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    origin: Position | None = None


class Source(Record, frozen=True):
    id: str
    title: str
    origin: Position
    publisher: str | None = None
    url: str | None = None
    kind: str | None = None
    published: EdtfDate | None = None
    accessed: EdtfDate | None = None
    notes: str | None = None

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.SOURCE

    @property
    def name(self) -> str:
        return self.title

    @property
    def link(self) -> str | None:
        """The URL if it is safe to offer as a link (http or https), else None."""
        if self.url and self.url.lower().startswith(("http://", "https://")):
            return self.url
        return None


class Designation(Record, frozen=True):
    """A listing of an organisation by an authority (modelled on FollowTheMoney's Sanction)."""

    authority: str
    programme: str
    origin: Position
    basis: str | None = None
    date: EdtfDate | None = None
    as_written: str | None = None
    end: EdtfDate | None = None
    status: str = "active"
    notes: str | None = None
    citations: tuple[Citation, ...] = ()


class Relation(Record, frozen=True):
    """A relation from one organisation to another (``split-from``, ``allied-with``, ...)."""

    type: str
    organisation: str
    origin: Position
    period: EdtfDate | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()


class Organisation(Record, frozen=True):
    id: str
    name: str
    origin: Position
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    based_in: tuple[str, ...] = ()
    active_in: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    founded: EdtfDate | None = None
    description: str | None = None
    designations: tuple[Designation, ...] = ()
    relations: tuple[Relation, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.ORGANISATION


class Role(Record, frozen=True):
    """A position a speaker holds or held, optionally in an organisation, over a period."""

    title: str
    origin: Position
    organisation: str | None = None
    period: EdtfDate | None = None
    citations: tuple[Citation, ...] = ()


class Speaker(Record, frozen=True):
    id: str
    name: str
    origin: Position
    aliases: tuple[str, ...] = ()
    description: str | None = None
    roles: tuple[Role, ...] = ()
    affiliations: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.SPEAKER


class Quote(Record, frozen=True):
    id: str
    speaker: str
    text: str
    origin: Position
    kind: QuoteKind = QuoteKind.DIRECT
    date: EdtfDate | None = None
    as_written: str | None = None
    context: str | None = None
    audience: str | None = None
    about: tuple[str, ...] = ()
    notes: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.QUOTE

    @property
    def name(self) -> str:
        return self.text


class Event(Record, frozen=True):
    id: str
    date: EdtfDate
    title: str
    origin: Position
    as_written: str | None = None
    description: str | None = None
    participants: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.EVENT

    @property
    def name(self) -> str:
        return self.title


Entity = Source | Organisation | Speaker | Quote | Event


def without_origin(value: object) -> object:
    """A value's content, for comparing two definitions: positions left out, at every level
    (an organisation's designations and relations have positions of their own)."""
    if isinstance(value, Record):
        return tuple(
            (name, without_origin(getattr(value, name)))
            for name in value.__struct_fields__
            if name != "origin"
        )
    if isinstance(value, tuple):
        return tuple(without_origin(item) for item in value)
    return value

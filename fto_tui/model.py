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


class Identifier(Record, frozen=True):
    """An identifier in another data set: ``scheme`` (``wikidata``, ``opensanctions``) and the
    identifier ``value`` in it."""

    scheme: str
    value: str


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
    archive_url: str | None = None
    via: str | None = None
    identifiers: tuple[Identifier, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.SOURCE

    @property
    def name(self) -> str:
        return self.title

    @property
    def link(self) -> str | None:
        """The URL if it is safe to offer as a link (http or https), else None."""
        return web_link(self.url)

    @property
    def archive_link(self) -> str | None:
        """The archived copy's URL if it is safe to offer as a link, else None."""
        return web_link(self.archive_url)


def web_link(url: str | None) -> str | None:
    """``url`` if it is an http or https address, else None."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


class Revocation(Record, frozen=True):
    """The end of a designation by an act of its own."""

    origin: Position
    announced: EdtfDate | None = None
    date: EdtfDate | None = None
    as_written: str | None = None
    by: str | None = None
    reason: str | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()


class Amendment(Record, frozen=True):
    """A change to a designation (an alias added, a new name)."""

    date: EdtfDate
    change: str
    origin: Position
    as_written: str | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()


class Designation(Record, frozen=True):
    """A listing of an organisation or person by an authority (modelled on FollowTheMoney's
    Sanction)."""

    authority: str
    programme: str
    origin: Position
    id: str | None = None
    basis: str | None = None
    announced: EdtfDate | None = None
    date: EdtfDate | None = None
    as_written: str | None = None
    end: EdtfDate | None = None
    status: str = "active"
    revocation: Revocation | None = None
    amendments: tuple[Amendment, ...] = ()
    restores: str | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()


class Relation(Record, frozen=True):
    """A relation from one organisation to another (``split-from``, ``allied-with``, ...)."""

    type: str
    organisation: str
    origin: Position
    period: EdtfDate | None = None
    asserted_by: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()
    confidence: str | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def disputed(self) -> bool:
        return bool(self.disputed_by)


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
    identifiers: tuple[Identifier, ...] = ()
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
    designations: tuple[Designation, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.SPEAKER


class Variant(Record, frozen=True):
    """Another wording of a quote's words, as another source prints them."""

    text: str
    origin: Position
    original: str | None = None
    translated_by: str | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()


class Quote(Record, frozen=True):
    """Words said by a speaker, by an organisation (a statement), or by someone unnamed
    (``attribution``); at least one of ``speaker`` and ``attribution`` is given."""

    id: str
    speaker: str | None
    text: str
    origin: Position
    kind: QuoteKind = QuoteKind.DIRECT
    attribution: str | None = None
    language: str | None = None
    original: str | None = None
    translated_by: str | None = None
    variants: tuple[Variant, ...] = ()
    date: EdtfDate | None = None
    as_written: str | None = None
    context: str | None = None
    audience: str | None = None
    about: tuple[str, ...] = ()
    confidence: str | None = None
    notes: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def translated(self) -> bool:
        """Whether ``text`` is a translation (and so not the words as spoken)."""
        return self.translated_by is not None

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
    about: tuple[str, ...] = ()
    confidence: str | None = None
    citations: tuple[Citation, ...] = ()

    @property
    def entity_kind(self) -> EntityKind:
        return EntityKind.EVENT

    @property
    def name(self) -> str:
        return self.title


class DesignationAct(Event, frozen=True):
    """A chronology entry derived from a designation: its listing (``designated``, or
    ``restored`` for a re-designation), its ``revoked`` revocation, or one ``amended``
    amendment. Never written in a briefing; its id holds a ``~`` so that it cannot clash with
    a written id."""

    act: str = "designated"
    holder: str = ""
    designation: Designation | None = None


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

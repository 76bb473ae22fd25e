"""The briefing format, declared once.

The validator walks these declarations, ``fto-brief schema`` turns them into a JSON Schema, and
the format guide documents them: one description, three uses. Field names here are the format's
names; :mod:`fto_tui.validate` maps them onto the model.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from fto_tui import model
from fto_tui.model import EntityKind

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Text:
    """Free text, as written."""

    example: str | None = None


@dataclass(frozen=True, slots=True)
class Slug:
    """An id: lower-case letters and digits in words joined by hyphens."""


@dataclass(frozen=True, slots=True)
class Date:
    """An EDTF (level 0-1) date, interval or qualified date."""


@dataclass(frozen=True, slots=True)
class Url:
    """A web address; only http and https ones are shown as links."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One of a fixed set of words."""

    values: tuple[str, ...]
    what: str
    #: The enumeration the model keeps the value as (text when None).
    enum: type[enum.Enum] | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """The id of another entity of one of ``kinds``."""

    kinds: tuple[EntityKind, ...]


@dataclass(frozen=True, slots=True)
class Identifiers:
    """A mapping of identifier schemes (lower-case words: ``wikidata``, ``opensanctions``,
    ``ofac``, ``federal-register``) to the identifier in that scheme, as text."""

    example: str = "wikidata: Q1234567"


@dataclass(frozen=True, slots=True)
class ListOf:
    item: FieldType


@dataclass(frozen=True, slots=True)
class Either:
    """A scalar of type ``scalar`` or a mapping of type ``record`` (a citation)."""

    scalar: Ref
    record: Record


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: FieldType
    description: str
    required: bool = False
    default: str | None = None
    #: The format version that added the field (v1 files never use a v2 field).
    since: int = 1


@dataclass(frozen=True, slots=True)
class Record:
    """A mapping with known fields. ``what`` names it in messages ("organisation")."""

    what: str
    fields: tuple[Field, ...]
    description: str = ""
    entity: EntityKind | None = None
    #: Fields of which at least one must be given (a quote's speaker or attribution).
    one_of: tuple[str, ...] = ()
    #: The model record built from it: its attributes are the fields' names (``source`` and
    #: ``sources`` become ``citations``), and ``origin``, where it is written.
    model: type | None = None
    _by_name: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update({f.name: f for f in self.fields})

    def get(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def nested(self) -> tuple[Field, ...]:
        """The fields that hold records of their own (designations, a revocation), not
        counting citations."""
        return tuple(
            spec
            for spec in self.fields
            if isinstance(spec.type, Record)
            or (isinstance(spec.type, ListOf) and isinstance(spec.type.item, Record))
        )


FieldType = Text | Slug | Date | Url | Choice | Ref | ListOf | Either | Identifiers | Record

ORGANISATION_KINDS = (
    "cartel",
    "gang",
    "criminal-organisation",
    "armed-group",
    "terrorist-organisation",
    "government",
    "government-body",
    "intelligence-agency",
    "law-enforcement",
    "military",
    "political-party",
    "news-outlet",
    "international-organisation",
    "company",
    "ngo",
    "other",
)
DESIGNATION_STATUSES = ("active", "proposed", "revoked", "expired", "delisted")
RELATION_TYPES = (
    "split-from",
    "faction-of",
    "part-of",
    "successor-of",
    "allied-with",
    "rival-of",
    "affiliated-with",
    "member-of",
    "backed-by",
    "at-war-with",
)

#: How a relation reads from each side: from the organisation that declares it ("backed by"),
#: and from the organisation it names ("backs": Iran backs the Houthis).
RELATION_WORDS: dict[str, tuple[str, str]] = {
    "split-from": ("split from", "splinter group"),
    "faction-of": ("faction of", "faction"),
    "part-of": ("part of", "part"),
    "successor-of": ("successor of", "predecessor of"),
    "allied-with": ("allied with", "allied with"),
    "rival-of": ("rival of", "rival of"),
    "affiliated-with": ("affiliated with", "affiliate"),
    "member-of": ("member of", "member"),
    "backed-by": ("backed by", "backs"),
    "at-war-with": ("at war with", "at war with"),
}
CONFIDENCES = ("high", "moderate", "low")
QUOTE_KINDS = ("direct", "paraphrase")
QUOTE_CONTEXTS = (
    "statement",
    "press-briefing",
    "press-conference",
    "interview",
    "remarks",
    "speech",
    "social-media",
    "testimony",
    "press-release",
    "report",
    "other",
)

SOURCE_REF = Ref((EntityKind.SOURCE,))
ORGANISATION_REF = Ref((EntityKind.ORGANISATION,))
SPEAKER_REF = Ref((EntityKind.SPEAKER,))
PARTICIPANT_REF = Ref((EntityKind.ORGANISATION, EntityKind.SPEAKER))
SUBJECT_REF = Ref(
    (EntityKind.ORGANISATION, EntityKind.SPEAKER, EntityKind.EVENT, EntityKind.DESIGNATION)
)
VOICE_REF = Ref((EntityKind.ORGANISATION, EntityKind.SPEAKER))
WITNESS_REF = Ref((EntityKind.SOURCE, EntityKind.SPEAKER, EntityKind.ORGANISATION))
DESIGNATION_REF = Ref((EntityKind.DESIGNATION,))
TEXTS = ListOf(Text())

CITATION = Record(
    "citation",
    (
        Field("source", SOURCE_REF, "The id of the source.", required=True),
        Field("locator", Text("paragraph 4"), "Where in the source: page, paragraph, timestamp."),
    ),
    "A source with a locator.",
)

#: Fields every citing item carries: one source, or a list of them (not both).
CITES = (
    Field("source", SOURCE_REF, "The id of the one source this item cites."),
    Field(
        "sources",
        ListOf(Either(SOURCE_REF, CITATION)),
        "The sources this item cites: ids, or mappings with a source and a locator.",
    ),
)

AS_WRITTEN = Field(
    "as_written", Text("this week"), "The date in the source's own words, e.g. 'on Wednesday'."
)
IDENTIFIERS = Field(
    "identifiers",
    Identifiers(),
    "Identifiers in other data sets, by scheme: wikidata, opensanctions, ofac...",
    since=2,
)
CONFIDENCE = Field(
    "confidence",
    Choice(CONFIDENCES, "confidence"),
    "How sure the author is of it: high, moderate or low.",
    since=2,
)

BRIEFING = Record(
    "briefing",
    (
        Field("title", Text(), "The briefing's title.", required=True),
        Field("as_of", Date(), "The date the briefing describes the world as of."),
        Field("summary", Text(), "A short summary in the author's words."),
        Field("authors", TEXTS, "Who wrote the briefing."),
        Field("language", Text("en"), "The language of the briefing's text (BCP 47 tag)."),
    ),
    "Metadata about this briefing file.",
)

SOURCE = Record(
    "source",
    (
        Field("id", Slug(), "The source's id, used by citations.", required=True),
        Field("title", Text(), "The title of the article, notice, record...", required=True),
        Field("publisher", Text("BBC News"), "Who published it."),
        Field("url", Url(), "Where to read it (http or https)."),
        Field("kind", Text("article"), "article, government-notice, executive-order, statement..."),
        Field("published", Date(), "When it was published."),
        Field("accessed", Date(), "When the author read it."),
        Field("notes", Text(), "Anything a reader should know about the source."),
        Field("archive_url", Url(), "An archived copy (e.g. on the Wayback Machine).", since=2),
        Field(
            "via",
            SOURCE_REF,
            "The source this one reprints or relays (a wire story in a newspaper).",
            since=2,
        ),
        IDENTIFIERS,
    ),
    "A document that claims in the briefing rest on.",
    EntityKind.SOURCE,
    model=model.Source,
)

REVOCATION = Record(
    "revocation",
    (
        Field("announced", Date(), "When the revocation was announced."),
        Field("date", Date(), "When the revocation took effect."),
        AS_WRITTEN,
        Field("by", Text("Secretary of State"), "Who revoked it."),
        Field("reason", Text(), "Why, in the words of the source or the author."),
        Field("notes", Text(), "Notes."),
        *CITES,
    ),
    "The end of a designation by an act of its own.",
    model=model.Revocation,
)

AMENDMENT = Record(
    "amendment",
    (
        Field("date", Date(), "When the amendment took effect.", required=True),
        Field(
            "change", Text("added the alias Jabhat Fath al-Sham"), "What changed.", required=True
        ),
        AS_WRITTEN,
        Field("notes", Text(), "Notes."),
        *CITES,
    ),
    "A change to a designation: an alias added, a new name.",
    model=model.Amendment,
)

DESIGNATION = Record(
    "designation",
    (
        Field(
            "id",
            Slug(),
            "The designation's id, for a later designation's 'restores' and a quote's or "
            "event's 'about'.",
            since=2,
        ),
        Field("authority", Text("US Department of State"), "Who designated.", required=True),
        Field(
            "programme",
            Text("Foreign Terrorist Organization (FTO)"),
            "The list or programme.",
            required=True,
        ),
        Field("basis", Text("Immigration and Nationality Act, section 219"), "The legal basis."),
        Field("announced", Date(), "When the designation was announced.", since=2),
        Field("date", Date(), "When the designation took effect."),
        AS_WRITTEN,
        Field("end", Date(), "When it ended, if it did."),
        Field(
            "status",
            Choice(DESIGNATION_STATUSES, "designation status"),
            "Whether it is in force.",
            default="active",
        ),
        Field(
            "revocation",
            REVOCATION,
            "Its revocation, if it was revoked.",
            since=2,
        ),
        Field(
            "amendments",
            ListOf(AMENDMENT),
            "Changes made to it since (aliases added, renamings).",
            since=2,
        ),
        Field(
            "restores",
            DESIGNATION_REF,
            "The id of an earlier, revoked designation that this one restores.",
            since=2,
        ),
        Field("notes", Text(), "Notes."),
        *CITES,
    ),
    "A listing of an organisation or person by an authority (sanctions, terrorist lists).",
    model=model.Designation,
)

RELATION = Record(
    "relation",
    (
        Field(
            "type",
            Choice(RELATION_TYPES, "relation type"),
            "How this organisation relates to the other.",
            required=True,
        ),
        Field("organisation", ORGANISATION_REF, "The other organisation's id.", required=True),
        Field("period", Date(), "When the relation held."),
        Field(
            "asserted_by",
            ListOf(WITNESS_REF),
            "Who asserts it: sources, speakers or organisations.",
            since=2,
        ),
        Field(
            "disputed_by",
            ListOf(WITNESS_REF),
            "Who disputes or denies it: sources, speakers or organisations.",
            since=2,
        ),
        CONFIDENCE,
        Field("notes", Text(), "Notes."),
        *CITES,
    ),
    "A relation from this organisation to another.",
    model=model.Relation,
)

ORGANISATION = Record(
    "organisation",
    (
        Field("id", Slug(), "The organisation's id.", required=True),
        Field("name", Text("Tren de Aragua"), "Its name.", required=True),
        Field("aliases", TEXTS, "Other names it goes by."),
        Field("kind", Choice(ORGANISATION_KINDS, "organisation kind"), "What kind of body it is."),
        Field("based_in", TEXTS, "Countries where it is based."),
        Field("active_in", TEXTS, "Countries where it operates."),
        Field("activities", TEXTS, "What it does (drug trafficking, migrant smuggling...)."),
        Field("founded", Date(), "When it was founded."),
        Field("description", Text(), "A short description in the author's words."),
        Field("designations", ListOf(DESIGNATION), "Its designations by authorities."),
        Field("relations", ListOf(RELATION), "Its relations to other organisations."),
        IDENTIFIERS,
        *CITES,
    ),
    "A group, body or outlet the briefing is about or mentions.",
    EntityKind.ORGANISATION,
    model=model.Organisation,
)

ROLE = Record(
    "role",
    (
        Field("title", Text("Secretary of State"), "The position.", required=True),
        Field("organisation", ORGANISATION_REF, "The organisation it is held in."),
        Field("period", Date(), "When it was held, e.g. 2025-01-20/.. for an ongoing role."),
        *CITES,
    ),
    "A position a speaker holds or held.",
    model=model.Role,
)

SPEAKER = Record(
    "speaker",
    (
        Field("id", Slug(), "The speaker's id.", required=True),
        Field("name", Text("Marco Rubio"), "Their name.", required=True),
        Field("aliases", TEXTS, "Other names or spellings."),
        Field("description", Text(), "A short description."),
        Field("roles", ListOf(ROLE), "Positions held."),
        Field("affiliations", ListOf(ORGANISATION_REF), "Organisations they belong to."),
        Field(
            "designations",
            ListOf(DESIGNATION),
            "Their designations by authorities (a leader listed as an SDGT).",
            since=2,
        ),
        IDENTIFIERS,
        *CITES,
    ),
    "A person whose words the briefing reports.",
    EntityKind.SPEAKER,
    model=model.Speaker,
)

VARIANT = Record(
    "variant",
    (
        Field("text", Text(), "The words as this wording gives them.", required=True),
        Field("original", Text(), "The words in the language they were said in.", since=2),
        Field("translated_by", Text("Reuters"), "Who translated this wording.", since=2),
        Field("notes", Text(), "Notes."),
        *CITES,
    ),
    "Another wording of the same words, as another source prints them.",
    model=model.Variant,
)

QUOTE = Record(
    "quote",
    (
        Field("id", Slug(), "The quote's id (derived from speaker and text when absent)."),
        Field(
            "speaker",
            VOICE_REF,
            "Who said it: a speaker, or an organisation for a statement in its name.",
        ),
        Field(
            "attribution",
            Text("a senior State Department official"),
            "Who said it, in the source's words, when no one is named; with 'speaker' too, "
            "who spoke for that organisation.",
            since=2,
        ),
        Field(
            "text",
            Text(),
            "The words, exactly as the source prints them (a translation if 'translated_by' "
            "is given).",
            required=True,
        ),
        Field(
            "kind",
            Choice(QUOTE_KINDS, "quote kind", model.QuoteKind),
            "direct (the words as spoken) or paraphrase (reported speech).",
            default="direct",
        ),
        Field("language", Text("ar"), "The language the words were said in (BCP 47 tag).", since=2),
        Field("original", Text(), "The words in the language they were said in.", since=2),
        Field(
            "translated_by",
            Text("Reuters"),
            "Who translated the words in 'text' (an agency, the source, the author): "
            "'text' is then a translation, not the words as spoken.",
            since=2,
        ),
        Field(
            "variants",
            ListOf(VARIANT),
            "Other wordings of the same words, each with its own sources.",
            since=2,
        ),
        Field("date", Date(), "When it was said."),
        AS_WRITTEN,
        Field("context", Choice(QUOTE_CONTEXTS, "quote context"), "Where it was said."),
        Field("audience", Text("White House reporters"), "To whom."),
        Field(
            "about",
            ListOf(SUBJECT_REF),
            "Ids of organisations, speakers, events or designations it is about.",
        ),
        CONFIDENCE,
        Field("notes", Text(), "Notes, e.g. [sic] remarks."),
        *CITES,
    ),
    "Words a speaker said, directly or as reported.",
    EntityKind.QUOTE,
    one_of=("speaker", "attribution"),
    model=model.Quote,
)

EVENT = Record(
    "event",
    (
        Field("id", Slug(), "The event's id (derived from date and title when absent)."),
        Field("date", Date(), "When it happened, at its true precision.", required=True),
        Field("title", Text(), "What happened, in a line.", required=True),
        AS_WRITTEN,
        Field("description", Text(), "More detail."),
        Field("participants", ListOf(PARTICIPANT_REF), "Organisations and speakers involved."),
        Field("places", TEXTS, "Where it happened."),
        Field("tags", TEXTS, "Free keywords."),
        Field(
            "about",
            ListOf(DESIGNATION_REF),
            "Ids of designations it is about (a listing, a revocation).",
            since=2,
        ),
        CONFIDENCE,
        *CITES,
    ),
    "Something that happened, for the chronology.",
    EntityKind.EVENT,
    model=model.Event,
)

#: The sections of a briefing file, in the order they are read.
SECTIONS: tuple[tuple[str, Record], ...] = (
    ("sources", SOURCE),
    ("organisations", ORGANISATION),
    ("speakers", SPEAKER),
    ("quotes", QUOTE),
    ("events", EVENT),
)

FILE = Record(
    "briefing file",
    (
        Field(
            "briefing",
            BRIEFING,
            "Metadata about this briefing. A briefing split across several files needs it in "
            "one of them only.",
        ),
        *(Field(name, ListOf(record), f"The briefing's {name}.") for name, record in SECTIONS),
    ),
    "A briefing file: one YAML document.",
)


def _records(record: Record, seen: dict[str, Record]) -> None:
    seen.setdefault(record.what, record)
    for spec in record.fields:
        typ = spec.type
        while isinstance(typ, ListOf):
            typ = typ.item
        if isinstance(typ, Either):
            typ = typ.record
        if isinstance(typ, Record) and typ.what not in seen:
            _records(typ, seen)


def all_records() -> tuple[Record, ...]:
    """Every record the format declares, the file first."""
    seen: dict[str, Record] = {}
    _records(FILE, seen)
    return tuple(seen.values())


#: The declaration of each model record that is built from one.
RECORD_OF: dict[type, Record] = {r.model: r for r in all_records() if r.model is not None}
RECORD_OF[model.DesignationAct] = EVENT  # an event derived from a designation

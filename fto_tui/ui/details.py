"""What a detail view shows for each kind of entity, as a list of blocks.

A :class:`Block` is a paragraph of literal text; a block with a ``target`` is a link to another
entity, a block with a ``source`` is one of the item's sources (open its URL, copy its
citation). The :class:`~fto_tui.ui.widgets.detail_view.DetailView` wraps and draws blocks and
lets the cursor move between the links; this module only decides their content and order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import assert_never

from textual.content import Content

from fto_tui.dates import EdtfDate
from fto_tui.index import Collection, citations_of
from fto_tui.merge import given_fields, value_text
from fto_tui.model import (
    BriefingInfo,
    Citation,
    Designation,
    DesignationAct,
    Entity,
    EntityKind,
    Event,
    Identifier,
    Organisation,
    Quote,
    QuoteKind,
    Relation,
    Role,
    Source,
    Speaker,
)
from fto_tui.problems import Position
from fto_tui.schema import RECORD_OF, RELATION_WORDS, Record, Text
from fto_tui.ui.rows import date_text, entity_title, row
from fto_tui.ui.safe import one_line, visible

KIND_LABELS = {
    EntityKind.ORGANISATION: "Organisation",
    EntityKind.SPEAKER: "Speaker",
    EntityKind.QUOTE: "Quote",
    EntityKind.EVENT: "Event",
    EntityKind.SOURCE: "Source",
    EntityKind.DESIGNATION: "Designation",
}


def kind_label(entity: Entity) -> str:
    """What kind of entity it is, in a word ("Organisation"); a chronology entry made from a
    designation is a "Designation"."""
    if isinstance(entity, DesignationAct):
        return KIND_LABELS[EntityKind.DESIGNATION]
    return KIND_LABELS[entity.entity_kind]


class Block:
    """One paragraph of a detail view.

    ``style`` names how it is drawn: ``title``, ``heading``, ``text``, ``link``, ``source``
    or ``gap`` (an empty line). ``wrap`` is false for one-line rows (links) that are cut
    with an ellipsis instead of wrapped. ``indent`` is in cells; ``hang`` is the extra
    indent, in cells, of the lines a wrapped line continues on. ``content`` is the text, or
    (for links, which may be many) a function building it when drawn.

    (A plain class: the reader makes it while starting, and a slotted dataclass takes most
    of a millisecond to make.)
    """

    __slots__ = (
        "citation",
        "content",
        "hang",
        "indent",
        "origin",
        "source",
        "style",
        "target",
        "wrap",
    )

    def __init__(
        self,
        content: Content | Callable[[], Content],
        style: str = "text",
        target: str | None = None,
        source: Source | None = None,
        citation: Citation | None = None,
        wrap: bool = True,
        indent: int = 0,
        hang: int = 0,
        origin: Position | None = None,
    ) -> None:
        self.content = content
        self.style = style
        self.target = target
        self.source = source
        self.citation = citation
        self.wrap = wrap
        self.indent = indent
        self.hang = hang
        self.origin = origin
        """Where what the block says is written, when that is not the item's own position
        (a role one of several files gives): ``e`` on the block opens it there."""

    def __repr__(self) -> str:
        return f"Block({self.content!r}, style={self.style!r}, target={self.target!r})"

    @property
    def selectable(self) -> bool:
        return self.target is not None or self.source is not None

    def render(self) -> Content:
        """The block's text (built now if it is built lazily)."""
        content = self.content
        return content if isinstance(content, Content) else content()


GAP = Block(Content(""), style="gap")


class Document:
    """A whole detail: a label for the border (the program's words), and its blocks."""

    __slots__ = ("blocks", "entity_id", "label", "sources")

    def __init__(
        self,
        label: str,
        blocks: tuple[Block, ...],
        entity_id: str | None = None,
        sources: tuple[tuple[Source, Citation], ...] = (),
    ) -> None:
        self.label = label
        self.blocks = blocks
        self.entity_id = entity_id
        self.sources = sources

    def __repr__(self) -> str:
        return f"Document({self.label!r}, {len(self.blocks)} blocks, entity_id={self.entity_id!r})"


def display_path(path: str) -> str:
    """``path`` as a person would write it: relative to the current folder when inside it,
    with ``~`` for the home folder otherwise."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = path
    if not relative.startswith(os.pardir):
        return one_line(relative)
    home = os.path.expanduser("~")
    if home not in ("~", os.sep) and os.path.abspath(path).startswith(home + os.sep):
        return one_line("~" + os.path.abspath(path)[len(home) :])
    return one_line(path)


def citation_text(source: Source, citation: Citation | None = None) -> str:
    """A plain one-line citation for the clipboard: publisher, title, date, URL, locator."""
    parts = []
    if source.publisher:
        parts.append(one_line(source.publisher))
    parts.append(f"“{one_line(source.title)}”")
    if source.published is not None:
        parts.append(date_text(source.published))
    if source.url:
        parts.append(one_line(source.url))
    if citation is not None and citation.locator:
        parts.append(one_line(citation.locator))
    return ", ".join(parts)


# -- small builders ----------------------------------------------------------------------


def _title(text: str) -> Block:
    return Block(Content(visible(text)), style="title")


def _heading(text: str) -> Block:
    return Block(Content(text), style="heading")


def _text(text: str) -> Block:
    return Block(Content(visible(text, keep_newlines=True)), indent=2)


def _field(label: str, value: str) -> Block:
    return Block(
        Content.assemble(Content.styled(f"{label}: ", "dim"), Content(one_line(value))),
        indent=2,
    )


def _date_with_words(date: EdtfDate | None, as_written: str | None) -> str:
    text = date_text(date)
    if as_written:
        text += f" (“{one_line(as_written)}”)"
    return text


def _link(collection: Collection, target: str, prefix: str = "") -> Block:
    """A link to ``target``; a dangling reference shows the id, marked as missing. A link to
    a designation leads to whoever holds it."""
    entity = collection.get(target)
    held = collection.designation(target) if entity is None else None
    if held is not None:
        holder, designation = held
        words = f"{one_line(designation.programme)} ({one_line(designation.authority)}) of "
        return _link(collection, holder.id, f"{prefix}{words}")
    if entity is None:
        body = Content.assemble(
            Content(one_line(target)), Content.styled("  (not in the loaded briefings)", "dim")
        )
        return Block(Content.assemble(Content(prefix), body), wrap=False, indent=2)
    return Block(
        partial(_link_content, entity, prefix),
        style="link",
        target=target,
        wrap=False,
        indent=2,
    )


def _link_content(entity: Entity, prefix: str) -> Content:
    label = kind_label(entity).lower()
    body = row(entity) if not isinstance(entity, Source) else Content(entity_title(entity))
    return Content.assemble(Content(prefix), body, Content.styled(f"  {label}", "dim"))


def _links(collection: Collection, heading: str, targets: Iterable[str]) -> list[Block]:
    blocks = [_link(collection, target) for target in dict.fromkeys(targets)]
    return [GAP, _heading(f"{heading} ({len(blocks)})"), *blocks] if blocks else []


def _list_field(label: str, values: Sequence[str]) -> list[Block]:
    return [_field(label, ", ".join(values))] if values else []


def _sources(collection: Collection, entity: Entity) -> list[Block]:
    resolved = collection.sources_of(entity)
    # A citation of a source that is not loaded (its file failed, or its definition is
    # invalid) is shown as such: never as "no source cited".
    loaded = {citation.source for _source, citation in resolved}
    missing = [c for c in citations_of(entity) if c.source not in loaded]
    if not resolved and not missing:
        return [GAP, _heading("Sources (0)"), Block(Content.styled("No source cited.", "dim"))]
    blocks: list[Block] = [GAP, _heading(f"Sources ({len(resolved) + len(missing)})")]
    definitions = collection.definitions(entity.id)
    for number, (source, citation) in enumerate(resolved, start=1):
        blocks.append(_source_block(source, citation, number, _cited_in(definitions, citation)))
    for number, citation in enumerate(missing, start=len(resolved) + 1):
        text = f"[{number}] {one_line(citation.source)}: not loaded (p lists the problems)"
        blocks.append(Block(Content.styled(text, "dim"), indent=2, hang=4))
    return blocks


def _cited_in(definitions: Sequence[Entity], citation: Citation) -> str | None:
    """Which files cite ``citation``, when several files define the entity."""
    if len(definitions) < 2:
        return None
    paths = [d.origin.path for d in definitions if citation in citations_of(d)]
    return ", ".join(dict.fromkeys(one_line(os.path.basename(p)) for p in paths)) or None


def _library(collection: Collection, entity: Entity) -> list[Block]:
    """For an entity several files define: where each definition is, and the values they
    disagree on with which file says which."""
    definitions = collection.definitions(entity.id)
    if len(definitions) < 2:
        return []
    blocks = [GAP, _heading(f"Defined in ({len(definitions)} files)")]
    for definition in definitions:
        fields = ", ".join(
            _FIELD_WORDS.get(f, f.replace("_", " ")) for f in given_fields(definition)
        )
        blocks.append(
            Block(
                Content.assemble(
                    Content(one_line(_place(definition.origin))),
                    Content.styled(f"  gives {fields}" if fields else "", "dim"),
                ),
                indent=2,
                hang=2,
            )
        )
    conflicts = collection.conflicts(entity.id)
    if conflicts:
        blocks += [GAP, _heading(f"The files disagree ({len(conflicts)})")]
        for conflict in conflicts:
            label = conflict.field.replace("_", " ").capitalize()
            blocks.append(Block(Content.styled(f"{label}:", "dim"), indent=2))
            for definition in (conflict.first, conflict.other):
                value = value_text(getattr(definition, conflict.field), limit=200)
                blocks.append(
                    Block(
                        Content.assemble(
                            Content(one_line(value)),
                            Content.styled(f"  ({_place(definition.origin)})", "dim"),
                        ),
                        indent=4,
                        hang=2,
                    )
                )
    return blocks


def _located(block: Block, item: Relation | Role) -> Block:
    """``block`` (about a role or relation) opened in the editor where ``item`` is written."""
    block.origin = item.origin
    return block


_FIELD_WORDS = {"citations": "sources"}


def _place(position: Position) -> str:
    return f"{display_path(position.path)}:{position.line}"


def _from(collection: Collection, entity: Entity, origin: Position) -> str:
    """`` (file)`` after a nested item (a role, a designation), when several files define the
    entity: which file says it."""
    if len(collection.definitions(entity.id)) < 2:
        return ""
    return f"  ({one_line(os.path.basename(origin.path))})"


def _source_block(
    source: Source, citation: Citation | None, number: int, cited_in: str | None = None
) -> Block:
    lines: list[Content] = [Content.assemble(f"[{number}] ", Content(one_line(source.title)))]
    facts = []
    if source.publisher:
        facts.append(one_line(source.publisher))
    if source.kind:
        facts.append(one_line(source.kind))
    if source.published is not None:
        facts.append(date_text(source.published))
    if facts:
        lines.append(Content.styled("    " + " · ".join(facts), "dim"))
    if source.url:
        url = one_line(source.url)
        if source.link is None:
            url += "  (not an http/https address: will not be opened)"
        lines.append(Content.styled(f"    {url}", "underline" if source.link else "dim"))
    if citation is not None and citation.locator:
        lines.append(
            Content.assemble(Content.styled("    at: ", "dim"), one_line(citation.locator))
        )
    if cited_in:
        lines.append(Content.styled(f"    cited in {cited_in}", "dim"))
    return Block(
        Content("\n").join(lines),
        style="source",
        source=source,
        citation=citation,
        target=source.id,
        indent=2,
        hang=4,
    )


# -- documents ---------------------------------------------------------------------------


def document_for(entity: Entity, collection: Collection) -> Document:
    """The detail of any entity."""
    match entity:
        case Organisation():
            blocks = _organisation(entity, collection)
        case Speaker():
            blocks = _speaker(entity, collection)
        case Quote():
            blocks = _quote(entity, collection)
        case Event():
            blocks = _event(entity, collection)
        case Source():
            blocks = _source(entity, collection)
        case _:
            assert_never(entity)
    blocks += _other_fields(entity, RECORD_OF[type(entity)])
    blocks.extend(_library(collection, entity))
    if not isinstance(entity, Source):
        blocks.extend(_sources(collection, entity))
    return Document(
        kind_label(entity),
        tuple(blocks),
        entity.id,
        collection.sources_of(entity),
    )


def _organisation(org: Organisation, collection: Collection) -> list[Block]:
    blocks = [_title(one_line(org.name))]
    blocks += _list_field("Also known as", org.aliases)
    if org.kind:
        blocks.append(_field("Kind", org.kind))
    blocks += _list_field("Based in", org.based_in)
    blocks += _list_field("Active in", org.active_in)
    blocks += _list_field("Activities", org.activities)
    if org.founded is not None:
        blocks.append(_field("Founded", date_text(org.founded)))
    if org.description:
        blocks += [GAP, _text(org.description)]
    blocks += _identifiers(org.identifiers)
    blocks += _designations(org.designations, collection, org)
    if org.relations:
        blocks += [GAP, _heading(f"Relations ({len(org.relations)})")]
        for relation in org.relations:
            prefix = f"{one_line(relation.type)}{_from(collection, org, relation.origin)}: "
            link = _link(collection, relation.organisation, prefix)
            blocks.append(
                _located(link, relation) if _from(collection, org, relation.origin) else link
            )
            blocks += _relation_facts(relation, collection)
    others = collection.relations_to(org.id)
    if others:
        blocks += [GAP, _heading(f"Relations of others to it ({len(others)})")]
        for declarer, relation in others:
            words = RELATION_WORDS.get(relation.type, (relation.type, relation.type))[1]
            blocks.append(_link(collection, declarer.id, f"{words}: "))
            blocks += _relation_facts(relation, collection)
    blocks += _links(collection, "People", (p.id for p in collection.people_of(org.id)))
    blocks += _links(collection, "Statements", (q.id for q in collection.quotes_by(org.id)))
    blocks += _links(collection, "Quotes about it", (q.id for q in collection.quotes_about(org.id)))
    blocks += _links(collection, "Events", (e.id for e in collection.events_of(org.id)))
    return blocks


def _speaker(speaker: Speaker, collection: Collection) -> list[Block]:
    speaker_files = collection.definitions(speaker.id)
    blocks = [_title(one_line(speaker.name))]
    blocks += _list_field("Also known as", speaker.aliases)
    if speaker.description:
        blocks += [GAP, _text(speaker.description)]
    if speaker.roles:
        blocks += [GAP, _heading(f"Roles ({len(speaker.roles)})")]
        for role in speaker.roles:
            period = f"  ({date_text(role.period)})" if role.period is not None else ""
            period += _from(collection, speaker, role.origin)
            if role.organisation:
                link = _link(collection, role.organisation, f"{one_line(role.title)}{period}, ")
                blocks.append(_located(link, role) if len(speaker_files) > 1 else link)
            else:
                blocks.append(Block(Content(f"{one_line(role.title)}{period}"), indent=2))
    blocks += _links(collection, "Affiliations", speaker.affiliations)
    blocks += _identifiers(speaker.identifiers)
    blocks += _designations(speaker.designations, collection, speaker)
    blocks += _links(collection, "Quotes", (q.id for q in collection.quotes_by(speaker.id)))
    blocks += _links(
        collection, "Quotes about them", (q.id for q in collection.quotes_about(speaker.id))
    )
    blocks += _links(collection, "Events", (e.id for e in collection.events_of(speaker.id)))
    return blocks


def quote_kind_words(quote: Quote) -> str:
    """What kind of words a quote gives: a translation is never "the words as spoken"."""
    if quote.kind is QuoteKind.PARAPHRASE:
        kind = "paraphrase (reported speech, not the speaker's own words)"
        if quote.translated_by:
            kind += f", translated by {one_line(quote.translated_by)}"
        return kind
    if quote.translated_by:
        return f"direct, in translation (translated by {one_line(quote.translated_by)})"
    return "direct (the words as spoken)"


def _quote(quote: Quote, collection: Collection) -> list[Block]:
    if quote.kind is QuoteKind.PARAPHRASE:
        # Reported speech is never dressed in quotation marks.
        words = Content(visible(quote.text, keep_newlines=True))
    else:
        words = Content(f"“{visible(quote.text, keep_newlines=True)}”")
    blocks = [Block(words, style="title"), GAP]
    if quote.attribution:
        blocks.append(_field("Attributed to", quote.attribution))
    if quote.speaker is not None:
        label = "On behalf of: " if quote.attribution else "Said by: "
        blocks.append(_link(collection, quote.speaker, label))
    blocks.append(_field("Kind", quote_kind_words(quote)))
    if quote.language:
        blocks.append(_field("Language", quote.language))
    if quote.original:
        blocks.append(_field("Original", quote.original))
    if quote.date is not None or quote.as_written:
        blocks.append(_field("Date", _date_with_words(quote.date, quote.as_written)))
    if quote.context:
        blocks.append(_field("Context", quote.context))
    if quote.audience:
        blocks.append(_field("Audience", quote.audience))
    if quote.confidence:
        blocks.append(_field("Confidence", quote.confidence))
    if quote.notes:
        blocks.append(_field("Notes", quote.notes))
    if quote.variants:
        blocks += [GAP, _heading(f"Other wordings ({len(quote.variants)})")]
        for variant in quote.variants:
            blocks.append(_text(f"“{variant.text}”"))
            if variant.original:
                blocks.append(_field("  Original", variant.original))
            if variant.translated_by:
                blocks.append(_field("  Translated by", variant.translated_by))
            if variant.notes:
                blocks.append(_field("  Notes", variant.notes))
            blocks += _cited(variant.citations, collection, "  ")
    blocks += _links(collection, "About", quote.about)
    return blocks


def _event(event: Event, collection: Collection) -> list[Block]:
    blocks = [
        _title(one_line(event.title)),
        _field("Date", _date_with_words(event.date, event.as_written)),
    ]
    blocks += _list_field("Places", event.places)
    blocks += _list_field("Tags", event.tags)
    if event.confidence:
        blocks.append(_field("Confidence", event.confidence))
    if event.description:
        blocks += [GAP, _text(event.description)]
    if isinstance(event, DesignationAct):
        blocks += [GAP, _heading("From the designation of")]
        blocks.append(_link(collection, event.holder))
    blocks += _links(collection, "Participants", event.participants)
    blocks += _links(collection, "About", event.about)
    blocks += _links(
        collection, "Quotes about it", (q.id for q in collection.quotes_about(event.id))
    )
    return blocks


def _source(source: Source, collection: Collection) -> list[Block]:
    blocks = [_title(one_line(source.title))]
    if source.publisher:
        blocks.append(_field("Publisher", source.publisher))
    if source.kind:
        blocks.append(_field("Kind", source.kind))
    if source.published is not None:
        blocks.append(_field("Published", date_text(source.published)))
    if source.accessed is not None:
        blocks.append(_field("Accessed", date_text(source.accessed)))
    if source.archive_url:
        archive = one_line(source.archive_url)
        if source.archive_link is None:
            archive += "  (not an http/https address: will not be opened)"
        blocks.append(_field("Archived copy", archive))
    blocks += _identifiers(source.identifiers)
    if source.via:
        blocks.append(_link(collection, source.via, "Relays: "))
    blocks += [GAP, _source_block(source, None, 1)]
    if source.notes:
        blocks += [GAP, _text(source.notes)]
    citing = [link.entity.id for link in collection.backlinks(source.id) if link.field == "sources"]
    blocks += _links(collection, "Cited by", citing)
    return blocks


def _identifiers(identifiers: Sequence[Identifier]) -> list[Block]:
    if not identifiers:
        return []
    return [_field("Identifiers", " · ".join(f"{i.scheme} {i.value}" for i in identifiers))]


def _cited(citations: Sequence[Citation], collection: Collection, indent: str) -> list[Block]:
    """A nested item's own sources, by title, on one line."""
    if not citations:
        return []
    titles = []
    for citation in citations:
        source = collection.get(citation.source)
        title = source.name if isinstance(source, Source) else citation.source
        titles.append(f"{title} ({citation.locator})" if citation.locator else title)
    return [_field(f"{indent}Sources", "; ".join(titles))]


def _designations(
    designations: Sequence[Designation], collection: Collection, owner: Entity
) -> list[Block]:
    if not designations:
        return []
    blocks = [GAP, _heading(f"Designations ({len(designations)})")]
    for designation in designations:
        line = f"{one_line(designation.authority)}: {one_line(designation.programme)}"
        line += _from(collection, owner, designation.origin)
        blocks.append(Block(Content(line), indent=2))
        if designation.basis:
            blocks.append(_field("  Basis", designation.basis))
        if designation.announced is not None:
            blocks.append(_field("  Announced", date_text(designation.announced)))
        if designation.date is not None:
            when = _date_with_words(designation.date, designation.as_written)
            label = "  Took effect" if designation.announced is not None else "  Date"
            blocks.append(_field(label, when))
        if designation.end is not None:
            blocks.append(_field("  Ended", date_text(designation.end)))
        blocks.append(_field("  Status", designation.status))
        if designation.restores:
            blocks.append(_link(collection, designation.restores, "    Restores: "))
        revocation = designation.revocation
        if revocation is not None:
            blocks.append(_field("  Revoked", revocation.by or ""))
            if revocation.announced is not None:
                blocks.append(_field("    Announced", date_text(revocation.announced)))
            if revocation.date is not None or revocation.as_written:
                when = _date_with_words(revocation.date, revocation.as_written)
                blocks.append(_field("    Took effect", when))
            if revocation.reason:
                blocks.append(_field("    Reason", revocation.reason))
            if revocation.notes:
                blocks.append(_field("    Notes", revocation.notes))
            blocks += _cited(revocation.citations, collection, "    ")
        for amendment in designation.amendments:
            when = _date_with_words(amendment.date, amendment.as_written)
            blocks.append(_field("  Amended", f"{when}: {one_line(amendment.change)}"))
            if amendment.notes:
                blocks.append(_field("    Notes", amendment.notes))
            blocks += _cited(amendment.citations, collection, "    ")
        if designation.notes:
            blocks.append(_field("  Notes", designation.notes))
        if designation.id:
            about = [q.id for q in collection.quotes_about(designation.id)]
            about += [e.id for e in collection.events_about(designation.id)]
            for target in about:
                blocks.append(_link(collection, target, "    About it: "))
    return blocks


def _relation_facts(relation: Relation, collection: Collection) -> list[Block]:
    blocks = []
    if relation.period is not None:
        blocks.append(_field("    Period", date_text(relation.period)))
    for target in relation.asserted_by:
        blocks.append(_link(collection, target, "    Asserted by: "))
    for target in relation.disputed_by:
        blocks.append(_link(collection, target, "    Disputed by: "))
    if relation.confidence:
        blocks.append(_field("    Confidence", relation.confidence))
    if relation.notes:
        blocks.append(_field("    Notes", relation.notes))
    return blocks


def _other_fields(entity: Entity, record: Record) -> list[Block]:
    """Text fields the format declares that no part of this view shows by name: a new
    optional text field is shown, labelled with its name, with no change here."""
    blocks = []
    for spec in record.fields:
        if isinstance(spec.type, Text) and spec.name not in _SHOWN_BY_NAME:
            value = getattr(entity, spec.name, None)
            if value:
                blocks.append(_field(spec.name.replace("_", " ").capitalize(), value))
    return blocks


#: The text fields the views above show in their own way.
_SHOWN_BY_NAME = frozenset(
    {
        "name",
        "title",
        "text",
        "description",
        "publisher",
        "kind",
        "notes",
        "as_written",
        "audience",
        "attribution",
        "language",
        "original",
        "translated_by",
    }
)


def overview(collection: Collection, files: Sequence[str]) -> Document:
    """The detail shown before anything is opened: the loaded briefings and how to start."""
    blocks: list[Block] = []
    for info in collection.briefings:
        blocks += _briefing(info)
    if not collection.briefings:
        blocks.append(_title("No briefing loaded"))
        if files:
            blocks.append(_text("The files given could not be loaded; press p to see why."))
    counts = collection.counts()
    blocks += [
        GAP,
        _heading("Loaded"),
        _field("Files", ", ".join(display_path(f) for f in files) if files else "none"),
        Block(
            Content(
                f"{counts['organisations']} organisations, {counts['speakers']} speakers, "
                f"{counts['quotes']} quotes, {counts['events']} events, "
                f"{counts['sources']} sources"
            ),
            indent=2,
        ),
    ]
    # Quotes with no speaker are listed under no one: the overview lists them.
    unnamed = [q.id for q in collection.quotes if q.speaker is None]
    blocks += _links(collection, "Quotes from unnamed speakers", unnamed)
    blocks += [
        GAP,
        _heading("Getting started"),
        _text(
            "Move with the arrows or j/k; Enter opens the selected item here. Tab or 1/2/3 "
            "switch panes, / searches, ? lists every key."
        ),
    ]
    return Document("Briefing", tuple(blocks))


def _briefing(info: BriefingInfo) -> list[Block]:
    blocks = [_title(one_line(info.title))]
    if info.as_of is not None:
        blocks.append(_field("As of", date_text(info.as_of)))
    if info.authors:
        blocks += _list_field("Authors", info.authors)
    blocks.append(_field("File", display_path(info.path)))
    if info.summary:
        blocks += [GAP, _text(info.summary)]
    blocks.append(GAP)
    return blocks

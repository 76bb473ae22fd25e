"""A briefing collection as a Markdown dossier.

Organisations with their designations and relations, speakers with their roles and quotes, the
chronology, and the sources as numbered references (``[1]``, ``[2, paragraph 4]``). All briefing
text goes through :mod:`fto_tui.export.mdtext`, so it cannot create Markdown structure.
"""

from __future__ import annotations

from collections.abc import Iterable

from fto_tui.dates import EdtfDate
from fto_tui.export.common import (
    SourceNumbers,
    capitalised,
    identifiers_text,
    name_of,
    other_texts,
    reverse_words,
)
from fto_tui.export.mdtext import autolink, block, inline
from fto_tui.index import Collection
from fto_tui.model import (
    Citation,
    Designation,
    Entity,
    Event,
    Organisation,
    Quote,
    QuoteKind,
    Relation,
    Source,
    Speaker,
)
from fto_tui.schema import RECORD_OF


def _words(value: str) -> str:
    """``criminal-organisation`` as ``criminal organisation``."""
    return inline(value.replace("-", " "))


def _listing(values: Iterable[str]) -> str:
    return ", ".join(inline(v) for v in values)


def _date(date: EdtfDate | None, as_written: str | None = None) -> str:
    parts = [inline(date.display())] if date is not None else []
    if as_written:
        parts.append(f"(as written: “{inline(as_written)}”)")
    return " ".join(parts)


class _Writer:
    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.numbers = SourceNumbers(collection)
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def cites(self, citations: Iterable[Citation]) -> str:
        marks = []
        for number, citation in self.numbers.cited(citations):
            locator = f", {inline(citation.locator)}" if citation.locator else ""
            marks.append(f"[{number}{locator}]")
        return "; ".join(marks)

    def field(self, label: str, value: str, indent: str = "") -> None:
        if value:
            self.add(f"{indent}- {label}: {value}")

    def others(self, entity: Entity, shown: Iterable[str], indent: str = "") -> None:
        """The entity's declared text fields this export has no place of its own for."""
        for label, text in other_texts(entity, RECORD_OF[type(entity)], shown):
            self.field(label, inline(text), indent)

    def names(self, entity_ids: Iterable[str]) -> str:
        return _listing(name_of(self.collection, i) for i in entity_ids)

    # -- sections ------------------------------------------------------------------------

    def header(self) -> None:
        briefings = self.collection.briefings
        if len(briefings) == 1:
            self.add(f"# {inline(briefings[0].title)}", "")
        else:
            self.add("# Briefing dossier", "")
        for info in briefings:
            if len(briefings) > 1:
                self.add(f"## {inline(info.title)}", "")
            facts = []
            if info.as_of is not None:
                facts.append(f"As of {inline(info.as_of.display())}")
            if info.authors:
                facts.append(f"by {_listing(info.authors)}")
            if facts:
                self.add(" · ".join(facts), "")
            for paragraph in block(info.summary or ""):
                self.add(paragraph, "")

    def organisations(self) -> None:
        if not self.collection.organisations:
            return
        self.add("## Organisations", "")
        for organisation in self.collection.organisations:
            self.organisation(organisation)

    def organisation(self, org: Organisation) -> None:
        self.add(f"### {inline(org.name)}", "")
        self.field("Kind", _words(org.kind) if org.kind else "")
        self.field("Also known as", _listing(org.aliases))
        self.field("Based in", _listing(org.based_in))
        self.field("Active in", _listing(org.active_in))
        self.field("Activities", _listing(org.activities))
        self.field("Founded", _date(org.founded))
        self.field("Identifiers", inline(identifiers_text(org.identifiers)))
        self.others(org, _SHOWN)
        self.field("Sources", self.cites(org.citations))
        self.add("")
        for paragraph in block(org.description or ""):
            self.add(paragraph, "")
        self.designations(org.designations)
        if org.relations:
            self.add("#### Relations", "")
            for relation in org.relations:
                self.relation(relation)
            self.add("")
        others = self.collection.relations_to(org.id)
        if others:
            self.add("#### Relations of others to it", "")
            for declarer, relation in others:
                self.relation(relation, reverse_words(relation.type), declarer.id)
            self.add("")
        self.statements(org.id)

    def statements(self, speaker_id: str) -> None:
        quotes = self.collection.quotes_by(speaker_id)
        if quotes:
            self.add("#### Statements", "")
            for quote in quotes:
                self.quote(quote)
            self.add("")

    def designations(self, designations: Iterable[Designation]) -> None:
        designations = tuple(designations)
        if designations:
            self.add("#### Designations", "")
            for designation in designations:
                self.designation(designation)
            self.add("")

    def designation(self, d: Designation) -> None:
        self.add(f"- {inline(d.authority)}: {inline(d.programme)}")
        self.field("Id", inline(d.id or ""), "  ")
        self.field("Basis", inline(d.basis or ""), "  ")
        self.field("Announced", _date(d.announced), "  ")
        took_effect = "Took effect" if d.announced is not None else "Date"
        self.field(took_effect, _date(d.date, d.as_written), "  ")
        self.field("Ended", _date(d.end), "  ")
        self.field("Status", inline(d.status), "  ")
        self.field("Restores", inline(name_of(self.collection, d.restores or "")), "  ")
        if d.revocation is not None:
            r = d.revocation
            self.add("  - Revoked")
            self.field("Announced", _date(r.announced), "    ")
            self.field("Took effect", _date(r.date, r.as_written), "    ")
            self.field("By", inline(r.by or ""), "    ")
            self.field("Reason", inline(r.reason or ""), "    ")
            self.field("Notes", inline(r.notes or ""), "    ")
            self.field("Sources", self.cites(r.citations), "    ")
        for amendment in d.amendments:
            when = _date(amendment.date, amendment.as_written)
            self.add(f"  - Amended {when}: {inline(amendment.change)}")
            self.field("Notes", inline(amendment.notes or ""), "    ")
            self.field("Sources", self.cites(amendment.citations), "    ")
        self.field("Notes", inline(d.notes or ""), "  ")
        self.field("Sources", self.cites(d.citations), "  ")

    def relation(self, r: Relation, words: str | None = None, other_id: str | None = None) -> None:
        """A relation as its holder declares it, or from the other side (``words`` naming
        ``other_id``, the holder)."""
        other = inline(name_of(self.collection, other_id or r.organisation))
        line = f"- {inline(words) if words else _words(r.type)} {other}"
        if r.period is not None:
            line += f" ({inline(r.period.display())})"
        if r.disputed_by:
            line += " (disputed)"
        self.add(line)
        self.field("Asserted by", self.names(r.asserted_by), "  ")
        self.field("Disputed by", self.names(r.disputed_by), "  ")
        self.field("Confidence", inline(r.confidence or ""), "  ")
        self.field("Notes", inline(r.notes or ""), "  ")
        self.field("Sources", self.cites(r.citations), "  ")

    def speakers(self) -> None:
        if not self.collection.speakers:
            return
        self.add("## Speakers", "")
        for speaker in self.collection.speakers:
            self.speaker(speaker)

    def speaker(self, speaker: Speaker) -> None:
        self.add(f"### {inline(speaker.name)}", "")
        self.field("Also known as", _listing(speaker.aliases))
        for role in speaker.roles:
            text = inline(role.title)
            if role.organisation:
                text += f", {inline(name_of(self.collection, role.organisation))}"
            if role.period is not None:
                text += f" ({inline(role.period.display())})"
            cites = self.cites(role.citations)
            self.field("Role", f"{text} {cites}".rstrip())
        names = [name_of(self.collection, i) for i in speaker.affiliations]
        self.field("Affiliations", _listing(names))
        self.field("Identifiers", inline(identifiers_text(speaker.identifiers)))
        self.others(speaker, _SHOWN)
        self.field("Sources", self.cites(speaker.citations))
        self.add("")
        for paragraph in block(speaker.description or ""):
            self.add(paragraph, "")
        self.designations(speaker.designations)
        quotes = self.collection.quotes_by(speaker.id)
        if quotes:
            self.add("#### Quotes", "")
            for quote in quotes:
                self.quote(quote)
            self.add("")

    def quote(self, quote: Quote) -> None:
        if quote.kind is QuoteKind.DIRECT:
            words = f"“{inline(quote.text)}”"
        else:
            words = f"Reported speech: {inline(quote.text)}"
        said = [_words(quote.context)] if quote.context else []
        if quote.audience:
            said.append(f"to {inline(quote.audience)}")
        if quote.date is not None or quote.as_written:
            said.append(_date(quote.date, quote.as_written))
        line = f"- {words}"
        if said:
            line += f" — {', '.join(said)}"
        cites = self.cites(quote.citations)
        self.add(f"{line} {cites}".rstrip())
        if quote.attribution:
            self.field("Attributed to", inline(quote.attribution), "  ")
        if quote.translated_by:
            self.field("Translation by", inline(quote.translated_by), "  ")
        self.field("Language", inline(quote.language or ""), "  ")
        self.field("Original", inline(quote.original or ""), "  ")
        self.field("Confidence", inline(quote.confidence or ""), "  ")
        self.field("Note", inline(quote.notes or ""), "  ")
        for variant in quote.variants:
            cites = self.cites(variant.citations)
            self.add(f"  - Also worded: “{inline(variant.text)}” {cites}".rstrip())
            self.field("Original", inline(variant.original or ""), "    ")
            self.field("Translation by", inline(variant.translated_by or ""), "    ")
            self.field("Note", inline(variant.notes or ""), "    ")

    def unnamed(self) -> None:
        """Quotes with no speaker: only an attribution ("a State Department official")."""
        quotes = [q for q in self.collection.quotes if q.speaker is None]
        if quotes:
            self.add("## Quotes from unnamed speakers", "")
            for quote in quotes:
                self.quote(quote)
            self.add("")

    def chronology(self) -> None:
        if not self.collection.events:
            return
        self.add("## Chronology", "")
        for event in self.collection.chronology:
            self.event(event)
        self.add("")

    def event(self, event: Event) -> None:
        self.add(f"- **{inline(event.date.display())}** — {inline(event.title)}")
        if event.as_written:
            self.add(f"  - As written: “{inline(event.as_written)}”")
        for paragraph in block(event.description or ""):
            self.add(f"  - {paragraph}")
        names = [name_of(self.collection, i) for i in event.participants]
        self.field("Participants", _listing(names), "  ")
        self.field("Places", _listing(event.places), "  ")
        self.field("Tags", _listing(event.tags), "  ")
        self.field("About", self.names(event.about), "  ")
        self.field("Confidence", inline(event.confidence or ""), "  ")
        self.others(event, _SHOWN, "  ")
        self.field("Sources", self.cites(event.citations), "  ")

    def sources(self) -> None:
        if not self.collection.sources:
            return
        self.add("## Sources", "")
        for number, source in self.numbers.numbered():
            self.add(f"[{number}] {self.reference(source)}", "")

    def reference(self, source: Source) -> str:
        parts = [inline(source.title).rstrip(".") + "."]
        if source.publisher:
            parts.append(inline(source.publisher).rstrip(".") + ".")
        if source.kind:
            parts.append(f"{capitalised(_words(source.kind))}.")
        if source.published is not None:
            parts.append(f"Published {inline(source.published.display())}.")
        if source.accessed is not None:
            parts.append(f"Accessed {inline(source.accessed.display())}.")
        link = autolink(source.link) if source.link else None
        if link:
            parts.append(link)
        if source.archive_link:
            parts.append(f"Archived: {autolink(source.archive_link)}")
        elif source.archive_url:
            parts.append(f"Archived (not linked): {inline(source.archive_url)}")
        if source.via:
            parts.append(f"Via {inline(name_of(self.collection, source.via))}.")
        if source.identifiers:
            parts.append(f"Identifiers: {inline(identifiers_text(source.identifiers))}.")
        for label, text in other_texts(source, RECORD_OF[Source], _SHOWN):
            parts.append(f"{label}: {inline(text)}.")
        if source.notes:
            parts.append(f"Notes: {inline(source.notes)}")
        return " ".join(parts)


#: Text fields shown above in a way of their own.
_SHOWN = frozenset(
    {"name", "title", "text", "description", "publisher", "kind", "notes", "as_written"}
    | {"audience", "attribution", "language", "original", "translated_by"}
)


def to_markdown(collection: Collection) -> str:
    """The collection as a Markdown document (UTF-8 text, ending in one newline)."""
    writer = _Writer(collection)
    writer.header()
    writer.organisations()
    writer.speakers()
    writer.unnamed()
    writer.chronology()
    writer.sources()
    text = "\n".join(writer.lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"

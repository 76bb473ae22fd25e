"""A briefing collection as a Markdown dossier.

Organisations with their designations and relations, speakers with their roles and quotes, the
chronology, and the sources as numbered references (``[1]``, ``[2, paragraph 4]``). All briefing
text goes through :mod:`fto_tui.export.mdtext`, so it cannot create Markdown structure.
"""

from __future__ import annotations

from collections.abc import Iterable

from fto_tui.dates import EdtfDate
from fto_tui.export.common import SourceNumbers, name_of
from fto_tui.export.mdtext import autolink, block, inline
from fto_tui.index import Collection
from fto_tui.model import (
    Citation,
    Designation,
    Event,
    Organisation,
    Quote,
    QuoteKind,
    Relation,
    Source,
    Speaker,
)


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
        self.field("Sources", self.cites(org.citations))
        self.add("")
        for paragraph in block(org.description or ""):
            self.add(paragraph, "")
        if org.designations:
            self.add("#### Designations", "")
            for designation in org.designations:
                self.designation(designation)
            self.add("")
        if org.relations:
            self.add("#### Relations", "")
            for relation in org.relations:
                self.relation(relation)
            self.add("")

    def designation(self, d: Designation) -> None:
        self.add(f"- {inline(d.authority)}: {inline(d.programme)}")
        self.field("Basis", inline(d.basis or ""), "  ")
        self.field("Date", _date(d.date, d.as_written), "  ")
        self.field("Ended", _date(d.end), "  ")
        self.field("Status", inline(d.status), "  ")
        self.field("Notes", inline(d.notes or ""), "  ")
        self.field("Sources", self.cites(d.citations), "  ")

    def relation(self, r: Relation) -> None:
        other = inline(name_of(self.collection, r.organisation))
        line = f"- {_words(r.type)} {other}"
        if r.period is not None:
            line += f" ({inline(r.period.display())})"
        self.add(line)
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
        self.field("Sources", self.cites(speaker.citations))
        self.add("")
        for paragraph in block(speaker.description or ""):
            self.add(paragraph, "")
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
        self.field("Note", inline(quote.notes or ""), "  ")

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
            parts.append(f"{_words(source.kind).capitalize()}.")
        if source.published is not None:
            parts.append(f"Published {inline(source.published.display())}.")
        if source.accessed is not None:
            parts.append(f"Accessed {inline(source.accessed.display())}.")
        link = autolink(source.link) if source.link else None
        if link:
            parts.append(link)
        if source.notes:
            parts.append(f"Notes: {inline(source.notes)}")
        return " ".join(parts)


def to_markdown(collection: Collection) -> str:
    """The collection as a Markdown document (UTF-8 text, ending in one newline)."""
    writer = _Writer(collection)
    writer.header()
    writer.organisations()
    writer.speakers()
    writer.chronology()
    writer.sources()
    text = "\n".join(writer.lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"

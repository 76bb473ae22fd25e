"""A briefing collection as one self-contained HTML page.

The page needs nothing else: the style sheet is inline, there are no scripts, images or fonts to
fetch, and a Content-Security-Policy forbids any the text might smuggle in. Every briefing string
goes through :func:`html.escape`; only http and https addresses become links, and those open
without a referrer or a handle on this page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from fto_tui.dates import EdtfDate
from fto_tui.export.common import (
    SourceNumbers,
    capitalised,
    identifiers_text,
    name_of,
    other_texts,
    reverse_words,
    visible,
)
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
from fto_tui.schema import RECORD_OF

# EDTF forms that are also valid HTML datetime values.
_HTML_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?")

_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

_STYLE = """
:root { color-scheme: light dark; --muted: #666; --rule: #ccc; }
@media (prefers-color-scheme: dark) { :root { --muted: #aaa; --rule: #444; } }
body { font: 16px/1.5 system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { border-bottom: 1px solid var(--rule); margin-top: 2.5rem; }
h3 { margin-bottom: 0.25rem; }
.meta, .cite, .as-written { color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid var(--rule); }
.paraphrase { font-style: italic; }
ol.chronology { list-style: none; padding: 0; }
ol.chronology > li { margin-bottom: 1rem; }
.when { font-weight: 600; }
ol.sources { padding-left: 2.5rem; }
a { overflow-wrap: anywhere; }
"""


def _e(text: str) -> str:
    """Briefing text, escaped for element content and attribute values alike."""
    return html.escape(visible(text), quote=True)


def _words(value: str) -> str:
    return _e(value.replace("-", " "))


def _join(values: Iterable[str]) -> str:
    return ", ".join(_e(v) for v in values)


def _date(date: EdtfDate | None, as_written: str | None = None) -> str:
    parts = []
    if date is not None and _HTML_DATE.fullmatch(date.text.strip()):
        parts.append(f'<time datetime="{_e(date.text.strip())}">{_e(date.display())}</time>')
    elif date is not None:
        parts.append(_e(date.display()))
    if as_written:
        parts.append(f'<span class="as-written">(as written: “{_e(as_written)}”)</span>')
    return " ".join(parts)


def _anchor(entity_id: str) -> str:
    return f"e-{_e(entity_id)}"


def _paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    chunks = [c.strip() for c in text.replace("\r\n", "\n").split("\n\n")]
    return [f"<p>{_e(' '.join(c.split()))}</p>" for c in chunks if c]


class _Page:
    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.numbers = SourceNumbers(collection)
        self.out: list[str] = []

    def add(self, *parts: str) -> None:
        self.out.extend(parts)

    def ref(self, entity_id: str) -> str:
        """An in-page link to an entity, by its name."""
        name = _e(name_of(self.collection, entity_id))
        if entity_id not in self.collection:
            return name
        return f'<a href="#{_anchor(entity_id)}">{name}</a>'

    def cites(self, citations: Iterable[Citation]) -> str:
        marks = []
        for number, citation in self.numbers.cited(citations):
            locator = f", {_e(citation.locator)}" if citation.locator else ""
            marks.append(f'[<a href="#source-{number}">{number}</a>{locator}]')
        return f'<span class="cite">{"; ".join(marks)}</span>' if marks else ""

    def refs(self, entity_ids: Iterable[str]) -> str:
        return ", ".join(self.ref(i) for i in entity_ids)

    def others(self, value: object, shown: Iterable[str]) -> list[tuple[str, str]]:
        """Rows for the declared text fields this export has no place of its own for."""
        record = RECORD_OF[type(value)]
        return [(_e(label), _e(text)) for label, text in other_texts(value, record, shown)]

    def facts(self, rows: Iterable[tuple[str, str]]) -> None:
        shown = [(label, value) for label, value in rows if value]
        if shown:
            self.add("<dl>")
            self.add(*(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in shown))
            self.add("</dl>")

    # -- sections ------------------------------------------------------------------------

    def header(self) -> None:
        self.add("<header>")
        briefings = self.collection.briefings
        title = briefings[0].title if len(briefings) == 1 else "Briefing dossier"
        self.add(f"<h1>{_e(title)}</h1>")
        for info in briefings:
            if len(briefings) > 1:
                self.add(f"<h2>{_e(info.title)}</h2>")
            meta = []
            if info.as_of is not None:
                meta.append(f"As of {_date(info.as_of)}")
            if info.authors:
                meta.append(f"by {_join(info.authors)}")
            if meta:
                self.add(f'<p class="meta">{" · ".join(meta)}</p>')
            self.add(*_paragraphs(info.summary))
        self.add("</header>")

    def organisations(self) -> None:
        if not self.collection.organisations:
            return
        self.add('<section id="organisations">', "<h2>Organisations</h2>")
        for org in self.collection.organisations:
            self.organisation(org)
        self.add("</section>")

    def organisation(self, org: Organisation) -> None:
        self.add(f'<article id="{_anchor(org.id)}">', f"<h3>{_e(org.name)}</h3>")
        self.facts(
            [
                ("Kind", _words(org.kind) if org.kind else ""),
                ("Also known as", _join(org.aliases)),
                ("Based in", _join(org.based_in)),
                ("Active in", _join(org.active_in)),
                ("Activities", _join(org.activities)),
                ("Founded", _date(org.founded)),
                ("Identifiers", _e(identifiers_text(org.identifiers))),
                *self.others(org, _SHOWN),
                ("Sources", self.cites(org.citations)),
            ]
        )
        self.add(*_paragraphs(org.description))
        self.designations(org.designations)
        if org.relations:
            self.add("<h4>Relations</h4>", "<ul>")
            for relation in org.relations:
                self.relation(relation)
            self.add("</ul>")
        others = self.collection.relations_to(org.id)
        if others:
            self.add("<h4>Relations of others to it</h4>", "<ul>")
            for declarer, relation in others:
                self.relation(relation, reverse_words(relation.type), declarer.id)
            self.add("</ul>")
        self.statements(org.id)
        self.add("</article>")

    def statements(self, speaker_id: str) -> None:
        quotes = self.collection.quotes_by(speaker_id)
        if quotes:
            self.add("<h4>Statements</h4>")
            for quote in quotes:
                self.quote(quote)

    def designations(self, designations: tuple[Designation, ...]) -> None:
        if designations:
            self.add("<h4>Designations</h4>", "<ul>")
            for designation in designations:
                self.designation(designation)
            self.add("</ul>")

    def designation(self, d: Designation) -> None:
        anchor = f' id="{_anchor(d.id)}"' if d.id else ""
        self.add(f"<li{anchor}><strong>{_e(d.authority)}</strong>: {_e(d.programme)}")
        revocation = d.revocation
        revoked = ""
        if revocation is not None:
            parts = [f"took effect {_date(revocation.date, revocation.as_written)}"]
            if revocation.announced is not None:
                parts.insert(0, f"announced {_date(revocation.announced)}")
            if revocation.by:
                parts.append(f"by {_e(revocation.by)}")
            if revocation.reason:
                parts.append(f"reason: {_e(revocation.reason)}")
            if revocation.notes:
                parts.append(f"notes: {_e(revocation.notes)}")
            revoked = "; ".join(parts) + " " + self.cites(revocation.citations)
        amendments = [
            f"{_date(a.date, a.as_written)}: {_e(a.change)}"
            + (f" ({_e(a.notes)})" if a.notes else "")
            + f" {self.cites(a.citations)}"
            for a in d.amendments
        ]
        self.facts(
            [
                ("Basis", _e(d.basis or "")),
                ("Announced", _date(d.announced)),
                (
                    "Took effect" if d.announced is not None else "Date",
                    _date(d.date, d.as_written),
                ),
                ("Ended", _date(d.end)),
                ("Status", _e(d.status)),
                ("Restores", self.ref(d.restores) if d.restores else ""),
                ("Revoked", revoked.strip()),
                ("Amended", "<br>".join(a.strip() for a in amendments)),
                ("Notes", _e(d.notes or "")),
                ("Sources", self.cites(d.citations)),
            ]
        )
        self.add("</li>")

    def relation(self, r: Relation, words: str | None = None, other_id: str | None = None) -> None:
        """A relation as its holder declares it, or from the other side (``words`` naming
        ``other_id``, the holder)."""
        period = f" ({_date(r.period)})" if r.period is not None else ""
        disputed = ' <span class="meta">(disputed)</span>' if r.disputed_by else ""
        said = _e(words) if words else _words(r.type)
        self.add(f"<li>{said} {self.ref(other_id or r.organisation)}{period}{disputed}")
        self.facts(
            [
                ("Asserted by", self.refs(r.asserted_by)),
                ("Disputed by", self.refs(r.disputed_by)),
                ("Confidence", _e(r.confidence or "")),
                ("Notes", _e(r.notes or "")),
                ("Sources", self.cites(r.citations)),
            ]
        )
        self.add("</li>")

    def speakers(self) -> None:
        if not self.collection.speakers:
            return
        self.add('<section id="speakers">', "<h2>Speakers</h2>")
        for speaker in self.collection.speakers:
            self.speaker(speaker)
        self.add("</section>")

    def speaker(self, speaker: Speaker) -> None:
        self.add(f'<article id="{_anchor(speaker.id)}">', f"<h3>{_e(speaker.name)}</h3>")
        roles = []
        for role in speaker.roles:
            text = _e(role.title)
            if role.organisation:
                text += f", {self.ref(role.organisation)}"
            if role.period is not None:
                text += f" ({_date(role.period)})"
            roles.append(f"{text} {self.cites(role.citations)}".rstrip())
        self.facts(
            [
                ("Also known as", _join(speaker.aliases)),
                ("Roles", "<br>".join(roles)),
                ("Affiliations", ", ".join(self.ref(i) for i in speaker.affiliations)),
                ("Identifiers", _e(identifiers_text(speaker.identifiers))),
                *self.others(speaker, _SHOWN),
                ("Sources", self.cites(speaker.citations)),
            ]
        )
        self.add(*_paragraphs(speaker.description))
        self.designations(speaker.designations)
        quotes = self.collection.quotes_by(speaker.id)
        if quotes:
            self.add("<h4>Quotes</h4>")
            for quote in quotes:
                self.quote(quote)
        self.add("</article>")

    def quote(self, quote: Quote) -> None:
        said = [_words(quote.context)] if quote.context else []
        if quote.audience:
            said.append(f"to {_e(quote.audience)}")
        if quote.date is not None or quote.as_written:
            said.append(_date(quote.date, quote.as_written))
        cites = self.cites(quote.citations)
        attribution = " — ".join(part for part in (", ".join(said), cites) if part)
        self.add(f'<figure id="{_anchor(quote.id)}">')
        if quote.kind is QuoteKind.DIRECT:
            self.add(f"<blockquote><p>“{_e(quote.text)}”</p></blockquote>")
        else:
            self.add(
                '<p class="paraphrase"><span class="meta">Reported speech:</span> '
                f"{_e(quote.text)}</p>"
            )
        lang = f' lang="{_e(quote.language)}"' if quote.language else ""
        original = f"<span{lang}>{_e(quote.original)}</span>" if quote.original else ""
        notes = [
            f"{label}: {html_text}"
            for label, html_text in (
                ("Attributed to", _e(quote.attribution or "")),
                ("Translation by", _e(quote.translated_by or "")),
                ("Language", _e(quote.language or "")),
                ("Original", original),
                ("Confidence", _e(quote.confidence or "")),
                ("Note", _e(quote.notes or "")),
            )
            if html_text
        ]
        for variant in quote.variants:
            also = f"Also worded: “{_e(variant.text)}”"
            if variant.original:
                also += f" (original: {_e(variant.original)})"
            if variant.translated_by:
                also += f" (translation by {_e(variant.translated_by)})"
            if variant.notes:
                also += f" ({_e(variant.notes)})"
            notes.append(f"{also} {self.cites(variant.citations)}".rstrip())
        if attribution or notes:
            note = "".join(f'<br><span class="meta">{n}</span>' for n in notes)
            self.add(f"<figcaption>{attribution}{note}</figcaption>")
        self.add("</figure>")

    def unnamed(self) -> None:
        """Quotes with no speaker: only an attribution ("a State Department official")."""
        quotes = [q for q in self.collection.quotes if q.speaker is None]
        if quotes:
            self.add('<section id="unnamed">', "<h2>Quotes from unnamed speakers</h2>")
            for quote in quotes:
                self.quote(quote)
            self.add("</section>")

    def chronology(self) -> None:
        if not self.collection.events:
            return
        self.add('<section id="chronology">', "<h2>Chronology</h2>", '<ol class="chronology">')
        for event in self.collection.chronology:
            self.event(event)
        self.add("</ol>", "</section>")

    def event(self, event: Event) -> None:
        self.add(
            f'<li id="{_anchor(event.id)}"><span class="when">'
            f"{_date(event.date, event.as_written)}</span> — {_e(event.title)}"
        )
        self.add(*_paragraphs(event.description))
        self.facts(
            [
                ("Participants", ", ".join(self.ref(i) for i in event.participants)),
                ("Places", _join(event.places)),
                ("Tags", _join(event.tags)),
                ("About", self.refs(event.about)),
                ("Confidence", _e(event.confidence or "")),
                *self.others(event, _SHOWN),
                ("Sources", self.cites(event.citations)),
            ]
        )
        self.add("</li>")

    def sources(self) -> None:
        if not self.collection.sources:
            return
        self.add('<section id="sources">', "<h2>Sources</h2>", '<ol class="sources">')
        for number, source in self.numbers.numbered():
            self.add(f'<li id="source-{number}" value="{number}">{self.reference(source)}</li>')
        self.add("</ol>", "</section>")

    def reference(self, source: Source) -> str:
        parts = [f"<cite>{_e(source.title)}</cite>."]
        if source.publisher:
            parts.append(f"{_e(source.publisher)}.")
        if source.kind:
            parts.append(f"{capitalised(_words(source.kind))}.")
        if source.published is not None:
            parts.append(f"Published {_date(source.published)}.")
        if source.accessed is not None:
            parts.append(f"Accessed {_date(source.accessed)}.")
        if source.link:
            url = _e(source.link)
            parts.append(f'<a href="{url}" rel="noopener noreferrer">{url}</a>')
        elif source.url:
            parts.append(f'<span class="meta">Address (not linked): {_e(source.url)}</span>')
        if source.archive_link:
            url = _e(source.archive_link)
            parts.append(f'Archived: <a href="{url}" rel="noopener noreferrer">{url}</a>')
        elif source.archive_url:
            parts.append(
                f'<span class="meta">Archived (not linked): {_e(source.archive_url)}</span>'
            )
        if source.via:
            parts.append(f"Via {self.ref(source.via)}.")
        if source.identifiers:
            parts.append(f"Identifiers: {_e(identifiers_text(source.identifiers))}.")
        parts += [f"{label}: {text}." for label, text in self.others(source, _SHOWN)]
        if source.notes:
            parts.append(f'<br><span class="meta">Notes: {_e(source.notes)}</span>')
        return " ".join(parts)


#: Text fields shown above in a way of their own.
_SHOWN = frozenset(
    {"name", "title", "text", "description", "publisher", "kind", "notes", "as_written"}
    | {"audience", "attribution", "language", "original", "translated_by"}
)


def to_html(collection: Collection) -> str:
    """The collection as a complete HTML5 document."""
    page = _Page(collection)
    briefings = collection.briefings
    title = briefings[0].title if len(briefings) == 1 else "Briefing dossier"
    language = briefings[0].language if len(briefings) == 1 and briefings[0].language else "en"
    page.add(
        "<!DOCTYPE html>",
        f'<html lang="{_e(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    )
    page.header()
    page.add("<main>")
    page.organisations()
    page.speakers()
    page.unnamed()
    page.chronology()
    page.sources()
    page.add("</main>", "</body>", "</html>")
    return "\n".join(page.out) + "\n"

"""The user's notes, bookmarks and tags written out to share: Markdown, JSON, or a section of
the Markdown and HTML exports. Every piece of text is escaped as the exports escape briefing
text (a note is the user's text, but it is still text, never markup)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Container, Sequence

from fto_tui.export.common import visible
from fto_tui.export.mdtext import block, inline
from fto_tui.memory.store import Annotation

FORMATS = ("markdown", "json")


def _is_orphan(annotation: Annotation, present: Container[str] | None) -> bool:
    return present is not None and annotation.item_id not in present


def _facts(
    annotation: Annotation,
    present: Container[str] | None,
    escape: Callable[[str], str],
    item: str,
) -> list[str]:
    """What is known of an annotated item, each fact escaped by ``escape``."""
    facts = [f"Item {item} in {escape(annotation.file)}"]
    if _is_orphan(annotation, present):
        facts.append("Orphaned: the item is no longer in the briefings")
    if annotation.bookmarked:
        facts.append("Bookmarked")
    if annotation.tags:
        facts.append("Tags: " + ", ".join(escape(tag) for tag in annotation.tags))
    return facts


def markdown_section(
    annotations: Sequence[Annotation], present: Container[str] | None = None, level: int = 2
) -> list[str]:
    """Markdown lines: a heading, then each annotated item with its bookmark, tags and note.

    ``present`` holds the ids of the items loaded now: the others are marked orphaned."""
    hashes = "#" * level
    lines = [f"{hashes} Notes", ""]
    if not annotations:
        return [*lines, "No notes, bookmarks or tags.", ""]
    for annotation in annotations:
        lines.append(f"{hashes}# {inline(annotation.kind.title())}: {inline(annotation.about)}")
        lines.append("")
        item = f"`{annotation.item_id.replace('`', '')}`"
        facts = _facts(annotation, present, inline, item)
        if annotation.note is not None:
            facts.append(f"Note written {inline(annotation.note.updated)}")
        lines += [f"- {fact}" for fact in facts]
        lines.append("")
        if annotation.note is not None:
            for paragraph in block(annotation.note.text):
                lines += [f"> {paragraph}", ">"]
            if lines[-1] == ">":
                lines.pop()
            lines.append("")
    return lines


def to_markdown(annotations: Sequence[Annotation], present: Container[str] | None = None) -> str:
    return "\n".join(markdown_section(annotations, present, level=1)).rstrip("\n") + "\n"


def to_json(annotations: Sequence[Annotation], present: Container[str] | None = None) -> str:
    document = {
        "format": "fto-brief-notes",
        "version": 1,
        "items": [
            {
                "id": a.item_id,
                "kind": a.kind,
                "about": a.about,
                "file": a.file,
                "orphaned": _is_orphan(a, present) if present is not None else None,
                "bookmarked": a.bookmarked,
                "tags": list(a.tags),
                "note": None
                if a.note is None
                else {
                    "text": a.note.text,
                    "fingerprint": a.note.fingerprint,
                    "created": a.note.created,
                    "updated": a.note.updated,
                },
            }
            for a in annotations
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def html_section(annotations: Sequence[Annotation], present: Container[str] | None = None) -> str:
    """An HTML ``<section>`` of the notes, for the end of the HTML export."""
    parts = ['<section id="notes">', "<h2>Notes</h2>"]
    if not annotations:
        parts.append("<p>No notes, bookmarks or tags.</p>")
    for a in annotations:
        parts.append(f"<article><h3>{_e(a.kind.title())}: {_e(a.about)}</h3>")
        facts = _facts(a, present, _e, f"<code>{_e(a.item_id)}</code>")
        parts.append(f'<p class="meta">{"; ".join(facts)}</p>')
        if a.note is not None:
            for paragraph in a.note.text.replace("\r\n", "\n").split("\n\n"):
                if paragraph.strip():
                    parts.append(f"<blockquote><p>{_e(paragraph)}</p></blockquote>")
        parts.append("</article>")
    parts.append("</section>")
    return "\n".join(parts)


def with_notes(document: str, fmt: str, section_of: dict[str, str]) -> str:
    """An export's text with the notes section added at its end (Markdown and HTML)."""
    if fmt == "markdown":
        return document.rstrip("\n") + "\n\n" + section_of["markdown"].rstrip("\n") + "\n"
    if fmt == "html":
        head, found, tail = document.rpartition("</main>")
        if found:
            return f"{head}{section_of['html']}\n</main>{tail}"
    return document

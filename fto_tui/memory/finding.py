"""Search the user's notes and tags, as the briefings' search does (case and accents ignored,
every word of the query in the same field), giving hits of the same kind."""

from __future__ import annotations

from collections.abc import Iterable

from fto_tui.memory.store import Annotation
from fto_tui.model import EntityKind
from fto_tui.search import SearchHit, fold, make_snippet


def _kind(name: str) -> EntityKind:
    try:
        return EntityKind(name)
    except ValueError:
        return EntityKind.ORGANISATION


def search_notes(annotations: Iterable[Annotation], query: str, limit: int = 50) -> list[SearchHit]:
    """Annotated items whose note or tags hold every word of ``query`` (one hit per item)."""
    words = fold(query).split()
    if not words:
        return []
    hits: list[SearchHit] = []
    for annotation in annotations:
        fields = []
        if annotation.note is not None:
            fields.append(("note", annotation.note.text))
        if annotation.tags:
            fields.append(("tags", ", ".join(annotation.tags)))
        for field, text in fields:
            folded = fold(text)
            if all(word in folded for word in words):
                snippet, start, end = make_snippet(" ".join(text.split()), words[0])
                hits.append(
                    SearchHit(
                        annotation.item_id,
                        _kind(annotation.kind),
                        annotation.about,
                        field,
                        snippet,
                        start,
                        end,
                    )
                )
                break
        if len(hits) >= limit:
            break
    return hits

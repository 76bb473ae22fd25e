"""Command palette providers: go to any entity by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from fto_tui.index import Collection
from fto_tui.model import Entity

if TYPE_CHECKING:
    from fto_tui.search import SearchIndex
from fto_tui.ui.details import kind_label
from fto_tui.ui.rows import entity_title

MAX_TITLE = 80
MAX_DISCOVERED = 100
FUZZY_LIMIT = 5_000
"""Up to this many entities, every one is fuzzy-matched; beyond, the search index picks the
candidates (fuzzy matching 100,000 names on every key press would stall the palette)."""
MAX_HITS = 100


def _label(entity: Entity) -> str:
    title = entity_title(entity)
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


def highlight(matcher: Matcher, text: str) -> Content:
    """``text`` as literal Content with the fuzzy-matched characters styled.

    ``Matcher.highlight`` parses its argument as markup, so it must never see briefing text."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize("bold underline", offset, offset + 1)
    return content


class EntityCommands(Provider):
    """Every organisation, speaker, event, quote and source, by name."""

    def _entities(self) -> Iterator[Entity]:
        collection: Collection | None = getattr(self.app, "collection", None)
        if collection is None:
            return
        yield from collection.organisations
        yield from collection.speakers
        yield from collection.events
        yield from collection.sources
        yield from collection.quotes

    def _open(self) -> Callable[[str], object]:
        return self.app.open_entity  # type: ignore[attr-defined,no-any-return]

    async def discover(self) -> Hits:
        open_entity = self._open()
        for count, entity in enumerate(self._entities()):
            if count >= MAX_DISCOVERED:
                return
            yield DiscoveryHit(
                Content(_label(entity)),
                partial(open_entity, entity.id),
                text=_label(entity),
                help=f"Open {kind_label(entity).lower()}",
            )

    def _candidates(self, query: str) -> Iterator[Entity]:
        collection: Collection | None = getattr(self.app, "collection", None)
        if collection is None:
            return
        if len(collection) <= FUZZY_LIMIT:
            yield from self._entities()
            return
        search_index: Callable[[], SearchIndex] = self.app.reader.search_index  # type: ignore[attr-defined]
        for hit in search_index().search(query, limit=MAX_HITS):
            entity = collection.get(hit.entity_id)
            if entity is not None:
                yield entity

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        open_entity = self._open()
        scored: list[tuple[float, int, Entity, str]] = []
        for position, entity in enumerate(self._candidates(query)):
            label = _label(entity)
            score = matcher.match(label)
            if score > 0:
                scored.append((score, position, entity, label))
        scored.sort(key=lambda item: (-item[0], item[1]))
        for score, _, entity, label in scored[:MAX_HITS]:
            yield Hit(
                score,
                highlight(matcher, label),
                partial(open_entity, entity.id),
                text=label,
                help=f"Open {kind_label(entity).lower()}",
            )

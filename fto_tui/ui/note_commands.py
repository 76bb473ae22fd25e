"""The command palette's notes: each note, bookmark and tag, by the item's words and the note."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from fto_tui.ui.commands import highlight
from fto_tui.ui.safe import one_line

if TYPE_CHECKING:
    from fto_tui.memory.store import Annotation
    from fto_tui.ui.memory import ReaderMemory

MAX_LABEL = 80


def _label(annotation: Annotation) -> str:
    parts = [one_line(annotation.about)]
    if annotation.tags:
        parts.append(f"[{one_line(', '.join(annotation.tags))}]")
    if annotation.note is not None:
        parts.append(f"— {one_line(annotation.note.text)}")
    label = " ".join(parts)
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


class NoteCommands(Provider):
    """Go to an item by its note or tags."""

    def _annotations(self) -> list[Annotation]:
        memory: ReaderMemory | None = getattr(self.app, "memory", None)
        return list(memory.annotations.values()) if memory is not None else []

    def _open(self) -> Callable[[str], object]:
        return self.app.open_entity  # type: ignore[attr-defined,no-any-return]

    async def discover(self) -> Hits:
        open_entity = self._open()
        for annotation in self._annotations()[:50]:
            label = _label(annotation)
            yield DiscoveryHit(
                Content(label), partial(open_entity, annotation.item_id), text=label, help="Note"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        open_entity = self._open()
        for annotation in self._annotations():
            label = _label(annotation)
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    highlight(matcher, label),
                    partial(open_entity, annotation.item_id),
                    text=label,
                    help="Your note" if annotation.note is not None else "Bookmarked or tagged",
                )

"""The reader's keys for the memory: ``a`` note, ``m`` bookmark, ``t`` tags, ``u`` mark read,
``A`` the Notes view, ``U`` the Changes view; and what the memory adds to a detail and a row.

:class:`MemoryActions` is mixed into the main screen, which supplies ``collection``,
``open_entity`` and the item the keys act on (:meth:`memory_target`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen

from fto_tui.model import Entity
from fto_tui.ui.details import GAP, Block, Document
from fto_tui.ui.safe import one_line, visible

if TYPE_CHECKING:
    # Imported where used: the memory (and sqlite3) loads in a worker after the first frame.
    from fto_tui.index import Collection
    from fto_tui.memory.changes import Change
    from fto_tui.memory.store import Annotation
    from fto_tui.ui.memory import ReaderMemory

BOOKMARK_MARK = "*"
CHANGE_MARKS = {"new": "+", "changed": "~", "gone": "-"}
"""The mark of each kind of change (``fto_tui.memory.changes``), in the panes and views."""

MEMORY_BINDINGS: list[BindingType] = [
    Binding(
        "a",
        "note",
        "Note",
        show=False,
        id="reader.note",
        tooltip="Write or edit your note on the selected item",
    ),
    Binding(
        "m",
        "bookmark",
        "Bookmark",
        show=False,
        id="reader.bookmark",
        tooltip="Bookmark the selected item, or remove its bookmark",
    ),
    Binding("t", "tags", "Tags", show=False, id="reader.tags", tooltip="Edit the item's tags"),
    Binding(
        "u",
        "mark_read",
        "Mark read",
        show=False,
        id="reader.mark-read",
        tooltip="Mark the selected item read (it is no longer shown as new or changed)",
    ),
    Binding(
        "A",
        "notes_view",
        "Notes",
        show=False,
        id="reader.notes-view",
        tooltip="List your notes, bookmarks and tags (orphaned ones too)",
    ),
    Binding(
        "U",
        "changes_view",
        "Changes",
        show=False,
        id="reader.changes-view",
        tooltip="List what is new, changed or gone since you last read",
    ),
]


def row_mark(memory: ReaderMemory | None, item_id: str) -> str:
    """The marks in front of an item's row: ``+`` new, ``~`` changed, ``*`` bookmarked."""
    if memory is None:
        return ""
    marks = ""
    change = memory.changes.get(item_id)
    if change is not None:
        marks += CHANGE_MARKS[change.kind]
    annotation = memory.annotations.get(item_id)
    if annotation is not None and annotation.bookmarked:
        marks += BOOKMARK_MARK
    return marks


def annotated(
    document: Document, annotation: Annotation | None, change: Change | None, fingerprint: str
) -> Document:
    """``document`` with the user's bookmark, tags and note, and what changed, under its title."""
    blocks: list[Block] = []
    if annotation is not None:
        facts = []
        if annotation.bookmarked:
            facts.append("Bookmarked")
        if annotation.tags:
            facts.append("Tags: " + ", ".join(annotation.tags))
        if facts:
            blocks.append(Block(Content.styled(one_line(" · ".join(facts)), "italic")))
        note = annotation.note
        if note is not None:
            blocks += [GAP, Block(Content("Your note"), style="heading")]
            for paragraph in note.text.splitlines() or [""]:
                blocks.append(Block(Content(visible(paragraph))))
            if note.fingerprint != fingerprint:
                blocks.append(
                    Block(
                        Content.styled(
                            "The item has changed since this note was written.", "dim italic"
                        )
                    )
                )
    if change is not None:
        new = change.kind == "new"
        title = "New since you last read" if new else "Changed since you last read"
        blocks += [GAP, Block(Content(title), style="heading")]
        if not new:
            for field in change.fields:
                before = one_line(field.before) if field.before is not None else "(not set)"
                after = one_line(field.after) if field.after is not None else "(not set)"
                blocks.append(
                    Block(
                        Content.assemble(
                            Content.styled(f"{field.name}: ", "bold"), before, " → ", after
                        )
                    )
                )
        blocks.append(Block(Content.styled("u marks it read", "dim")))
    if not blocks:
        return document
    head, rest = document.blocks[:1], document.blocks[1:]
    return Document(
        document.label, (*head, *blocks, GAP, *rest), document.entity_id, document.sources
    )


class MemoryActions(Screen[None]):
    """The memory's actions of the main screen, which derives from this class (its
    ``BINDINGS`` list :data:`MEMORY_BINDINGS`)."""

    collection: Collection

    def memory_target(self) -> Entity | None:  # supplied by the screen
        raise NotImplementedError

    def open_entity(self, entity_id: str, *, record: bool = True) -> bool:
        raise NotImplementedError

    @property
    def memory(self) -> ReaderMemory | None:
        memory: ReaderMemory | None = getattr(self.app, "memory", None)
        return memory

    def _until_open(self, action: Callable[[], None]) -> bool:
        """True if the store is still being opened: ``action`` then runs once it is."""
        memory = self.memory
        if memory is None or memory.opened:
            return False
        memory.after_open(action)
        return True

    def _memory_and_target(self) -> tuple[ReaderMemory, Entity] | None:
        memory = self.memory
        entity = self.memory_target()
        if memory is None:
            self.notify("Notes are off.", severity="warning")
            return None
        if entity is None:
            self.notify("Select an item first.", severity="warning")
            return None
        return memory, entity

    def action_note(self) -> None:
        if self._until_open(self.action_note):
            return
        from fto_tui.ui.screens.note_editor import NoteEditorScreen

        found = self._memory_and_target()
        if found is None:
            return
        memory, entity = found
        if not memory.writable:
            self.notify(memory.why_not_writable(), severity="warning", markup=False)
            return
        annotation = memory.annotation(entity.id)
        text = annotation.note.text if annotation is not None and annotation.note else ""

        def save(new_text: str) -> bool:
            return memory.save_note(entity, new_text)

        def saved(result: str | None) -> None:
            if result is not None:
                self.notify("Note saved." if result.strip() else "Note removed.")

        about = getattr(entity, "name", entity.id)
        self.app.push_screen(NoteEditorScreen(about, text, save), saved)

    def action_bookmark(self) -> None:
        if self._until_open(self.action_bookmark):
            return
        found = self._memory_and_target()
        if found is None:
            return
        memory, entity = found
        now = memory.toggle_bookmark(entity)
        if now is not None:
            self.notify("Bookmarked." if now else "Bookmark removed.")

    def action_tags(self) -> None:
        if self._until_open(self.action_tags):
            return
        from fto_tui.ui.screens.tags import TagsScreen

        found = self._memory_and_target()
        if found is None:
            return
        memory, entity = found
        if not memory.writable:
            self.notify(memory.why_not_writable(), severity="warning", markup=False)
            return
        annotation = memory.annotation(entity.id)

        def chosen(tags: list[str] | None) -> None:
            if tags is not None and memory.set_tags(entity, tags):
                self.notify(f"Tags saved ({len(set(tags))}).")

        about = getattr(entity, "name", entity.id)
        current = annotation.tags if annotation is not None else ()
        self.app.push_screen(TagsScreen(about, current), chosen)

    def action_mark_read(self) -> None:
        if self._until_open(self.action_mark_read):
            return
        found = self._memory_and_target()
        if found is None:
            return
        memory, entity = found
        if entity.id not in memory.changes:
            self.notify("Nothing new or changed here since you last read it.")
            return
        if memory.mark_read(entity.id):
            self.notify("Marked read.")

    def action_notes_view(self) -> None:
        if self._until_open(self.action_notes_view):
            return
        from fto_tui.ui.screens.notes import NotesScreen

        memory = self.memory
        if memory is None:
            return
        annotations = list(memory.annotations.values())
        self.app.push_screen(NotesScreen(annotations, self.collection), self._jump)

    def action_changes_view(self) -> None:
        if self._until_open(self.action_changes_view):
            return
        from fto_tui.ui.screens.changes import ChangesScreen

        memory = self.memory
        if memory is None:
            return
        changes = sorted(memory.changes.values(), key=lambda c: (c.kind, c.item.kind, c.item.about))
        self.app.push_screen(ChangesScreen(changes, memory.mark_read), self._jump)

    def action_mark_all_read(self) -> None:
        if self._until_open(self.action_mark_all_read):
            return
        memory = self.memory
        if memory is not None:
            memory.mark_all_read()

    def _jump(self, item_id: str | None) -> None:
        if item_id is not None:
            self.open_entity(item_id)

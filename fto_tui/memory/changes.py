"""Changed since you last read: the items that are new, changed or gone, field by field.

The reader remembers each item as last read (:class:`~fto_tui.memory.store.SeenItem`). An item
is *changed* when its fingerprint differs from the one remembered, *new* when nothing is
remembered of it but its file was opened before, and *gone* when it was remembered in a file
that is open now but is no longer there. The items of a file opened for the first time are
neither: they are remembered as read (a baseline), not reported.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fto_tui.memory.fingerprint import about_text, encode_fields, fingerprint_of, item_fields
from fto_tui.memory.store import SeenItem
from fto_tui.model import Entity

NEW = "new"
CHANGED = "changed"
GONE = "gone"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an item, before and after (None where it was not set)."""

    name: str
    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class Change:
    kind: str
    """``new``, ``changed`` or ``gone``."""
    item: SeenItem
    """The item as it is now (as it was last read, for a gone item)."""
    fields: tuple[FieldChange, ...] = ()


def seen_item(entity: Entity) -> SeenItem:
    """The entity as it would be remembered once read (its file as an absolute path, so that
    the reader started from another folder knows it)."""
    encoded = encode_fields(item_fields(entity))
    return SeenItem(
        entity.id,
        os.path.abspath(entity.origin.path) if entity.origin and entity.origin.path else "",
        entity.entity_kind.value,
        about_text(entity),
        fingerprint_of(encoded),
        encoded.decode("utf-8"),
    )


def field_changes(before: str, after: str) -> tuple[FieldChange, ...]:
    """The fields that differ between two remembered items (their ``fields`` JSON)."""
    old: dict[str, str] = json.loads(before) if before else {}
    new: dict[str, str] = json.loads(after) if after else {}
    names = list(dict.fromkeys([*old, *new]))
    return tuple(
        FieldChange(name, old.get(name), new.get(name))
        for name in names
        if old.get(name) != new.get(name)
    )


def compare(
    current: Iterable[SeenItem],
    seen: Mapping[str, SeenItem],
    known_files: Iterable[str],
    open_files: Iterable[str],
) -> list[Change]:
    """What is new, changed or gone in ``current`` against what was last read.

    ``known_files`` are the files opened before; ``open_files`` those open now (only their
    remembered items can be gone)."""
    known = set(known_files)
    open_now = set(open_files)
    found: list[Change] = []
    present: set[str] = set()
    for item in current:
        present.add(item.item_id)
        before = seen.get(item.item_id)
        if before is None:
            if item.file in known:
                found.append(Change(NEW, item, field_changes("", item.fields)))
        elif before.fingerprint != item.fingerprint:
            found.append(Change(CHANGED, item, field_changes(before.fields, item.fields)))
    for item_id, before in seen.items():
        if item_id not in present and before.file in open_now:
            found.append(Change(GONE, before, field_changes(before.fields, "")))
    return found

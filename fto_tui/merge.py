"""Several files' definitions of one entity, merged into one (the library rule).

Briefings by different people extend each other: two files may both define a speaker, each
saying what it knows. The rule is generic over a record's declared fields, so a field added
to a record merges with no new code here:

* a list field (a tuple) is every definition's items together, in load order, an item said
  twice kept once (nested records compared without their positions);
* a single-valued field given by one definition and left out by another (``None`` or the
  field's default) is taken from the one that gives it;
* two different values for a single-valued field are a :class:`Conflict`: the first is kept
  and shown first, and the conflict names the field and both definitions.

Nothing a file says is dropped without a trace: the merged entity is built from the
definitions, which are kept (:attr:`Merged.definitions`), so the reader can say which file
says what, and each nested record (a role, a designation) keeps its own position.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import msgspec

from fto_tui.dates import EdtfDate
from fto_tui.model import Entity, without_origin

#: Fields that are not the entity's content: its id (the same in every definition) and
#: where it is defined (each definition keeps its own).
_NOT_CONTENT = frozenset({"id", "origin"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two definitions of one entity give different values for ``field``; ``first`` is the
    definition whose value is kept."""

    field: str
    first: Entity
    other: Entity

    @property
    def values(self) -> tuple[object, object]:
        return getattr(self.first, self.field), getattr(self.other, self.field)


@dataclass(frozen=True, slots=True)
class Merged:
    """One entity merged from several definitions (in load order)."""

    entity: Entity
    definitions: tuple[Entity, ...]
    conflicts: tuple[Conflict, ...]


def _unset(value: object, field: msgspec.structs.FieldInfo) -> bool:
    """Whether a definition leaves a single-valued field out (no value, or the default)."""
    if value is None:
        return True
    return field.default is not msgspec.NODEFAULT and value == field.default


def merge(definitions: Sequence[Entity]) -> Merged:
    """Merge definitions of one entity (all of one kind, at least one) by the rule above."""
    first = definitions[0]
    if len(definitions) == 1:
        return Merged(first, (first,), ())
    values: dict[str, Any] = {}
    conflicts: list[Conflict] = []
    for field in msgspec.structs.fields(type(first)):
        name = field.name
        if name in _NOT_CONTENT:
            continue
        given = [(definition, getattr(definition, name)) for definition in definitions]
        if isinstance(given[0][1], tuple):
            values[name] = _union(value for _definition, value in given)
            continue
        said = [(definition, value) for definition, value in given if not _unset(value, field)]
        if not said:
            continue
        kept_by, kept = said[0]
        values[name] = kept
        content = without_origin(kept)
        differing: list[tuple[Entity, object]] = []
        for definition, value in said[1:]:
            other = without_origin(value)
            if other != content and all(other != without_origin(v) for _d, v in differing):
                differing.append((definition, other))
                conflicts.append(Conflict(name, kept_by, definition))
    merged = msgspec.structs.replace(first, **values)
    return Merged(merged, tuple(definitions), tuple(conflicts))


def _union(groups: Any) -> tuple[object, ...]:
    """Every group's items in order, each item (compared without positions) once."""
    seen: set[object] = set()
    items: list[object] = []
    for group in groups:
        for item in group:
            key = without_origin(item)
            if key in seen:
                continue
            seen.add(key)
            items.append(item)
    return tuple(items)


def said_by(definitions: Sequence[Entity], field: str, value: object) -> tuple[Entity, ...]:
    """The definitions that give ``value`` for ``field`` (as an item of a list field, or as
    the field's value), compared without positions."""
    wanted = without_origin(value)
    found = []
    for definition in definitions:
        given = getattr(definition, field)
        items = given if isinstance(given, tuple) else (given,)
        if any(without_origin(item) == wanted for item in items):
            found.append(definition)
    return tuple(found)


def value_text(value: object, limit: int = 60) -> str:
    """A field's value in a message, in quotes (cut to ``limit`` characters)."""
    if isinstance(value, EdtfDate):
        text = value.text
    elif isinstance(value, enum.Enum):
        text = str(value.value)
    else:
        text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def given_fields(definition: Entity) -> tuple[str, ...]:
    """The content fields a definition gives (those not left out or at their default)."""
    names = []
    for field in msgspec.structs.fields(type(definition)):
        if field.name in _NOT_CONTENT:
            continue
        value = getattr(definition, field.name)
        if value == () or (not field.required and _unset(value, field)):
            continue
        names.append(field.name)
    return tuple(names)

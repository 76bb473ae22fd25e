"""What an item says, without where it says it: readable fields and a fingerprint.

A note records the fingerprint of the item it was written about, and the reader remembers the
fingerprint of every item last read; comparing fingerprints tells whether an item changed.
Positions (``origin``) are left out at every level, so moving an item within its file, or
editing the lines above it, changes nothing.
"""

from __future__ import annotations

import enum
import hashlib

import msgspec

from fto_tui.model import Entity
from fto_tui.record import Record


def _readable(value: object) -> str:
    """A field's value as plain text (dates as written, lists joined, records as key: value)."""
    if isinstance(value, str):
        return value
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, int | float):  # bool is an int
        return str(value)
    if isinstance(value, tuple):
        return "; ".join(_readable(item) for item in value)
    if isinstance(value, Record):
        text = getattr(value, "text", None)
        if isinstance(text, str) and type(value).__name__ == "EdtfDate":
            return text
        return ", ".join(f"{name}: {text}" for name, text in _set_fields(value).items())
    return "" if value is None else str(value)


def _set_fields(record: Record) -> dict[str, str]:
    fields: dict[str, str] = {}
    for name in record.__struct_fields__:
        value = getattr(record, name)
        if name != "origin" and value is not None and value != ():
            fields[name] = _readable(value)
    return fields


def item_fields(entity: Entity) -> dict[str, str]:
    """Every field the item sets, by name, as readable text (positions left out)."""
    return _set_fields(entity)


def encode_fields(fields: dict[str, str]) -> bytes:
    """The fields as JSON with sorted keys: the same content gives the same bytes."""
    return msgspec.json.encode(fields, order="sorted")


def fingerprint_of(encoded: bytes) -> str:
    """The fingerprint of fields encoded by :func:`encode_fields`."""
    return hashlib.sha256(encoded).hexdigest()[:32]


def fingerprint(entity: Entity) -> str:
    """A hash of the item's content without positions: equal exactly when the content is."""
    return fingerprint_of(encode_fields(item_fields(entity)))


def about_text(entity: Entity) -> str:
    """The words an item is known by (a name, a title, a quote's text), kept with a note so that
    an orphaned note still says what it was about."""
    for name in ("name", "title", "text"):
        value = getattr(entity, name, None)
        if isinstance(value, str):
            return value
    return entity.id

"""The base of the core's immutable records (positions, problems, dates, entities).

Records are :class:`msgspec.Struct` classes: created quickly, held compactly, and read back
from the parse cache as arrays of values rather than maps of field names. They hold only
strings, numbers, enums, tuples and other records, so they can never form a reference cycle
and are left out of the cyclic garbage collector's work (``gc=False``): a large briefing's
hundreds of thousands of records cost the collector nothing while it runs or at exit.
"""

from __future__ import annotations

from typing import Any

import msgspec


class _DataclassFields:
    """``__dataclass_fields__`` for records, worked out on first use, so that
    ``dataclasses.is_dataclass()`` and ``dataclasses.fields()`` still describe them for code
    written when they were dataclasses."""

    def __init__(self) -> None:
        self._by_class: dict[type[Record], dict[str, Any]] = {}

    def __get__(self, instance: object, owner: type[Record]) -> dict[str, Any]:
        found = self._by_class.get(owner)
        if found is None:
            import dataclasses

            shape: Any = dataclasses.make_dataclass(owner.__name__, owner.__struct_fields__)
            found = self._by_class[owner] = dict(shape.__dataclass_fields__)
        return found


class Record(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """An immutable record: fields in order, compared and hashed by value."""

    __dataclass_fields__ = _DataclassFields()

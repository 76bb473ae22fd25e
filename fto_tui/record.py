"""The base of the core's immutable records (positions, problems, dates, entities).

Records are :class:`msgspec.Struct` classes: created quickly, held compactly, and read back
from the parse cache as arrays of values rather than maps of field names. They hold only
strings, numbers, enums, tuples and other records, so they can never form a reference cycle
and are left out of the cyclic garbage collector's work (``gc=False``): a large briefing's
hundreds of thousands of records cost the collector nothing while it runs or at exit.
"""

from __future__ import annotations

import msgspec


class Record(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """An immutable record: fields in order, compared and hashed by value."""

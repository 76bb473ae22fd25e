"""What one file refers to, and the words for it.

A file's references are only collected while it is read; :func:`fto_tui.loader.assemble` checks
them once every file is loaded. This module is small on purpose: reopening files from the parse
cache needs it, but not the parser or the validator.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from fto_tui.model import EntityKind
from fto_tui.record import Record

#: Stop reporting after this many problems in one file (while validating it, and again while
#: checking its references).
MAX_PROBLEMS = 200

_KIND_WORDS = {
    EntityKind.SOURCE: "source",
    EntityKind.ORGANISATION: "organisation",
    EntityKind.SPEAKER: "speaker",
    EntityKind.QUOTE: "quote",
    EntityKind.EVENT: "event",
    EntityKind.DESIGNATION: "designation",
}


def kind_word(kinds: tuple[EntityKind, ...]) -> str:
    words = [_KIND_WORDS[k] for k in kinds]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


_KIND_BITS = {kind: 1 << i for i, kind in enumerate(EntityKind)}
_KINDS_OF_MASK: dict[int, tuple[EntityKind, ...]] = {}


@functools.cache
def kinds_mask(kinds: tuple[EntityKind, ...]) -> int:
    return sum(_KIND_BITS[kind] for kind in kinds)


def kinds_of_mask(mask: int) -> tuple[EntityKind, ...]:
    kinds = _KINDS_OF_MASK.get(mask)
    if kinds is None:
        kinds = _KINDS_OF_MASK[mask] = tuple(k for k in EntityKind if mask & _KIND_BITS[k])
    return kinds


class References(Record, frozen=True):
    """The references one file makes, to check once everything is loaded.

    Kept column by column (the target id, a bit mask of the entity kinds it may name, and its
    line and column), because a large briefing makes hundreds of thousands of references and
    this form is small to cache and quick to check.
    """

    targets: tuple[str, ...] = ()
    kinds: tuple[int, ...] = ()
    lines: tuple[int, ...] = ()
    columns: tuple[int, ...] = ()

    def __len__(self) -> int:
        return len(self.targets)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    import difflib

    # Only a close guess helps: 'reinstated' is not a misspelling of 'delisted' (0.67).
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.7)
    return f"did you mean '{close[0]}'?" if close else None

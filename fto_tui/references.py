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


def valid_references(references: References) -> bool:
    """Whether ``references`` holds what reading a file can make: columns of one length, kind
    masks naming at least one kind and nothing else, positions from line 1 and column 1. A
    parse cache entry that does not is dropped, never used."""
    count = len(references.targets)
    if not len(references.kinds) == len(references.lines) == len(references.columns) == count:
        return False
    every = kinds_mask(tuple(EntityKind))
    return (
        all(mask > 0 and not mask & ~every for mask in set(references.kinds))
        and min(references.lines, default=1) >= 1
        and min(references.columns, default=1) >= 1
    )


#: Up to this many candidates, every one is compared with the unknown word.
SMALL = 2000
#: Beyond that, this many neighbours on each side of the word, in the candidates sorted as
#: written and sorted by their reversed text (so that a typo near either end still leaves a
#: shared prefix or suffix to find them by).
NEIGHBOURS = 100
#: Words longer than this get no hint: comparing them costs too much to be worth it.
MAX_WORD = 200


class Suggestions:
    """ "Did you mean" hints among a fixed set of candidates, at a bounded cost per word.

    Each hint compares the word with at most ``4 * NEIGHBOURS`` candidates (all of them when
    there are no more than ``SMALL``), so that with hundreds of thousands of ids the hints
    never cost more than the load."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.candidates = list(dict.fromkeys(candidates))
        self._forward: list[str] | None = None
        self._backward: list[str] | None = None

    def _near(self, word: str) -> list[str]:
        import bisect

        if self._forward is None or self._backward is None:
            self._forward = sorted(self.candidates)
            self._backward = sorted(c[::-1] for c in self.candidates)
        near: dict[str, None] = {}
        for ordered, key, turn in (
            (self._forward, word, False),
            (self._backward, word[::-1], True),
        ):
            at = bisect.bisect_left(ordered, key)
            for found in ordered[max(0, at - NEIGHBOURS) : at + NEIGHBOURS]:
                near[found[::-1] if turn else found] = None
        return list(near)

    def candidates_for(self, word: str) -> list[str]:
        """The candidates ``word`` is compared with."""
        if len(word) > MAX_WORD:
            return []
        if len(self.candidates) <= SMALL:
            return self.candidates
        return self._near(word)

    def hint(self, word: str) -> str | None:
        import difflib

        # Only a close guess helps: 'reinstated' is not a misspelling of 'delisted' (0.67).
        close = difflib.get_close_matches(word, self.candidates_for(word), n=1, cutoff=0.7)
        return f"did you mean '{close[0]}'?" if close else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    return Suggestions(candidates).hint(word)

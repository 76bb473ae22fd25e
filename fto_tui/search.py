"""Search everything loaded: names, aliases, roles, quotes, events, descriptions and sources.

Matching ignores case and accents (``cartel`` finds ``Cártel``) and every word of the query must
occur in the same field. One hit per entity, ranked:

1. fields that name things (names, aliases, role titles, event and source titles, publishers)
   before running text (quotes, descriptions, activities);
2. within names: the field starting with the query, then every word matching at the start of a
   word, then matches inside words; within text: start of a word before inside a word;
3. then by field (name before alias before role...), kind and load order.

The index is a list of pre-folded strings scanned per query: simple, and fast enough at 100k
quotes (the scan stops early once enough of the best class of hit is found).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, repeat, tee
from operator import contains
from typing import assert_never

from fto_tui.index import Collection, quote_voice
from fto_tui.model import Entity, EntityKind, Event, Organisation, Quote, Source, Speaker
from fto_tui.schema import RECORD_OF, ListOf, Record, Text

__all__ = ["SearchHit", "SearchIndex", "fold"]

SNIPPET_WIDTH = 80
"""Longest snippet, in characters, not counting the ellipses."""
_CONTEXT_BEFORE = 24
_ELLIPSIS = "…"
_WHITESPACE = re.compile(r"\s+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")

# Field ranks inside the names tier (lower ranks first).
_NAME_FIELDS = {"name": 0, "title": 0, "alias": 1, "role": 2, "publisher": 3}
_KIND_ORDER = {
    EntityKind.ORGANISATION: 0,
    EntityKind.SPEAKER: 1,
    EntityKind.EVENT: 2,
    EntityKind.QUOTE: 3,
    EntityKind.SOURCE: 4,
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entity found, with the field that matched and a short window of it.

    ``title`` names the entity (for a quote, its speaker's name). ``snippet`` is plain text on
    one line (whitespace runs collapsed), at most about 80 characters with ``…`` where it was
    cut; ``snippet[match_start:match_end]`` is the match of the query's first word.
    """

    entity_id: str
    kind: EntityKind
    title: str
    field: str
    snippet: str
    match_start: int
    match_end: int


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding one character at a time, filled as characters are met."""

    def __missing__(self, point: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(point).casefold())
        folded = "".join(
            c if unicodedata.category(c)[0] in "LNM" else " "
            for c in decomposed
            if not unicodedata.combining(c)
        )
        self[point] = folded
        return folded


_FOLD = _FoldTable()


_ASCII_FOLD = {point: _FOLD[point] for point in range(128)}


def _fold_run(run: re.Match[str]) -> str:
    return run.group().translate(_FOLD)


def fold(text: str) -> str:
    """Text for matching: case-folded, compatibility-decomposed, accents and other combining
    marks removed, and every character that is not a letter or digit turned into a space.

    So ``Cártel`` folds to ``cartel``, ``Straße`` to ``strasse`` and ``al-Qaeda`` to ``al qaeda``.
    Folding works character by character (``fold(s) == "".join(map(fold, s))``), which is what
    lets a match in folded text be mapped back to the original for the snippet.
    """
    if not text.isascii():
        # Fold the non-ASCII characters first: accented Latin text then takes the fast path.
        text = _NON_ASCII_RUN.sub(_fold_run, text)
    return text.translate(_ASCII_FOLD)


@dataclass(frozen=True, slots=True)
class _Entry:
    entity_id: str
    kind: EntityKind
    title: str
    field: str
    text: str


def _fields(entity: Entity) -> Iterator[tuple[bool, str, str]]:
    """(is a name, field, text) for every searchable field of an entity."""
    match entity:
        case Organisation():
            yield True, "name", entity.name
            for alias in entity.aliases:
                yield True, "alias", alias
            if entity.description:
                yield False, "description", entity.description
            for activity in entity.activities:
                yield False, "activity", activity
        case Speaker():
            yield True, "name", entity.name
            for alias in entity.aliases:
                yield True, "alias", alias
            for role in entity.roles:
                yield True, "role", role.title
            if entity.description:
                yield False, "description", entity.description
        case Quote():
            yield False, "text", entity.text
        case Source():
            yield True, "title", entity.title
            if entity.publisher:
                yield True, "publisher", entity.publisher
        case Event():
            yield True, "title", entity.title
            if entity.description:
                yield False, "description", entity.description
        case _:
            assert_never(entity)
    yield from _declared_texts(entity, RECORD_OF[type(entity)])


#: Fields searched above with a rank of their own (a role's title is a name).
_RANKED = frozenset({"name", "title", "text", "publisher", "description"})
_RANKED_NESTED = frozenset({("role", "title")})
_TextPlan = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, Record], ...]]
_TEXT_PLANS: dict[tuple[int, bool], _TextPlan] = {}


def _text_plan(record: Record, top: bool) -> _TextPlan:
    """A record's text fields not searched above, each with its label, and its fields that
    hold records, as declared. Fields of nested records are labelled with the record's name."""
    plan = _TEXT_PLANS.get((id(record), top))
    if plan is None:
        texts = tuple(
            (spec.name, spec.name.replace("_", " ") if top else record.what)
            for spec in record.fields
            if isinstance(spec.type, Text)
            and not (top and spec.name in _RANKED)
            and (record.what, spec.name) not in _RANKED_NESTED
        )
        nested = []
        for spec in record.nested:
            typ = spec.type.item if isinstance(spec.type, ListOf) else spec.type
            assert isinstance(typ, Record)
            nested.append((spec.name, typ))
        plan = _TEXT_PLANS[(id(record), top)] = (texts, tuple(nested))
    return plan


def _declared_texts(
    value: object, record: Record, top: bool = True
) -> Iterator[tuple[bool, str, str]]:
    """Every other text field the format declares (notes, originals, variant wordings,
    designations and relations), found through the declaration: a new text field is searched
    with no change here."""
    texts, nested = _text_plan(record, top)
    for name, label in texts:
        text = getattr(value, name)
        if text:
            yield False, label, text
    for name, typ in nested:
        held = getattr(value, name)
        if held:
            for item in held if type(held) is tuple else (held,):
                yield from _declared_texts(item, typ, False)


#: Texts scanned in one go. Each scan loops in C and holds the interpreter lock throughout, so
#: a search running beside the interface scans in slices: between them the interface can draw.
_SLICE = 16_384


def _having(positions: Iterable[int], texts: list[str], needle: str) -> Iterator[int]:
    """The positions whose text contains ``needle``, lazily, in order (looping in C)."""
    if isinstance(positions, range) and positions.step == 1:
        window = texts[positions.start : positions.stop]  # a copy of references: quick
        return compress(positions, map(contains, window, repeat(needle)))
    keep, look = tee(positions)
    return compress(keep, map(contains, map(texts.__getitem__, look), repeat(needle)))


class _Tier:
    """Entries of one tier, in rank order, with their folded text (led by a space, so that
    ``" " + word in text`` means the word starts a word)."""

    __slots__ = ("entries", "folded")

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        self.folded = [" " + fold(entry.text) for entry in entries]

    def rank(
        self, words: Sequence[str], need: int, taken: set[str], field_start: bool
    ) -> list[_Entry]:
        """The best ``need`` entries containing every word, one per entity not in ``taken``.

        Classes, best first: (names only) the field starts with the first word and every word
        starts a word; every word starts a word; every word occurs. Within a class entries keep
        their order. Adds the entities chosen to ``taken``.
        """
        texts = self.folded
        longest_first = sorted(words, key=len, reverse=True)
        candidates: list[int] = []
        for start in range(0, len(texts), _SLICE):
            found: Iterable[int] = range(start, min(start + _SLICE, len(texts)))
            for word in longest_first:
                found = _having(found, texts, word)
            candidates.extend(found)
        if not candidates:
            return []
        starting: Iterable[int] = candidates
        for word in words:
            starting = _having(starting, texts, " " + word)
        classes: list[Iterable[int]]
        if field_start:
            starting = list(starting)
            lead = " " + words[0]
            classes = [[i for i in starting if texts[i].startswith(lead)], starting, candidates]
        else:
            classes = [starting, candidates]
        chosen: list[_Entry] = []
        for positions in classes:
            for position in positions:
                entry = self.entries[position]
                if entry.entity_id in taken:
                    continue
                taken.add(entry.entity_id)
                chosen.append(entry)
                if len(chosen) >= need:
                    return chosen
        return chosen


class SearchIndex:
    """A search over one :class:`Collection`, built once (a reload builds a new one)."""

    __slots__ = ("_names", "_texts")

    def __init__(self, collection: Collection) -> None:
        names: list[tuple[tuple[int, int, int], _Entry]] = []
        texts: list[_Entry] = []
        groups: tuple[Sequence[Entity], ...] = (
            collection.organisations,
            collection.speakers,
            collection.events,
            collection.quotes,
            collection.sources,
        )
        seq = 0
        for group in groups:
            for entity in group:
                title = _title(entity, collection)
                kind = entity.entity_kind
                for is_name, field, text in _fields(entity):
                    entry = _Entry(entity.id, kind, title, field, text)
                    if is_name:
                        names.append(((_NAME_FIELDS[field], _KIND_ORDER[kind], seq), entry))
                    else:
                        texts.append(entry)
                    seq += 1
        names.sort(key=lambda item: item[0])
        self._names = _Tier([entry for _, entry in names])
        self._texts = _Tier(texts)

    def search(self, query: str, limit: int = 200) -> list[SearchHit]:
        """Entities matching every word of ``query``, best first, at most ``limit``."""
        words = fold(query).split()
        if not words or limit <= 0:
            return []
        taken: set[str] = set()
        entries = self._names.rank(words, limit, taken, field_start=True)
        if len(entries) < limit:
            entries += self._texts.rank(words, limit - len(entries), taken, field_start=False)
        return [_hit(entry, words[0]) for entry in entries]


def _title(entity: Entity, collection: Collection) -> str:
    if isinstance(entity, Quote):
        return quote_voice(entity, collection)
    return entity.name


def _hit(entry: _Entry, word: str) -> SearchHit:
    snippet, start, end = make_snippet(entry.text, word)
    return SearchHit(entry.entity_id, entry.kind, entry.title, entry.field, snippet, start, end)


def _original_position(text: str, folded: int) -> int:
    """The index in ``text`` of the character whose folding gives ``fold(text)[folded]``."""
    shift = 0  # folded index - original index, so far
    for found in _NON_ASCII.finditer(text):  # ASCII characters fold to one character each
        index = found.start()
        if index + shift > folded:
            break
        size = len(_FOLD[ord(found.group())])
        if folded < index + shift + size:
            return index
        shift += size - 1
    return folded - shift


def make_snippet(text: str, word: str, width: int = SNIPPET_WIDTH) -> tuple[str, int, int]:
    """A one-line window of ``text`` around the folded ``word`` -> (snippet, start, end).

    Prefers an occurrence at the start of a word. When the word cannot be found (it should
    always be), the snippet is the start of the text with an empty match.
    """
    folded = " " + fold(text)
    at = folded.find(" " + word) + 1 if word else 0
    if at == 0:
        at = folded.find(word) if word else -1
    if at <= 0:
        start = end = 0
    else:
        start = _original_position(text, at - 1)
        end = _original_position(text, at - 2 + len(word)) + 1
    # A window of the original text: some context before the match, then up to ``width``.
    window_start = max(0, min(start - _CONTEXT_BEFORE, len(text) - width))
    if window_start > 0:
        space = text.find(" ", window_start, start)
        if space != -1:
            window_start = space + 1
    window_end = min(len(text), max(window_start + width, end))
    if window_end < len(text):
        space = text.rfind(" ", end, window_end)
        if space != -1:
            window_end = space
    end = min(end, window_end)
    before = _WHITESPACE.sub(" ", text[window_start:start]).lstrip()
    match = _WHITESPACE.sub(" ", text[start:end])
    after = _WHITESPACE.sub(" ", text[end:window_end]).rstrip()
    if not match:
        after = (before + after).lstrip()
        before = ""
    lead = _ELLIPSIS if window_start > 0 else ""
    trail = _ELLIPSIS if window_end < len(text) else ""
    snippet_start = len(lead) + len(before)
    return (
        f"{lead}{before}{match}{after}{trail}",
        snippet_start,
        snippet_start + len(match),
    )

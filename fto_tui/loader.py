"""Load briefing files and directories into one indexed :class:`~fto_tui.index.Collection`.

``load()`` is what the command line and the reader call. It is three steps, each usable alone
so that the reader can reload one file and keep the last good version of the others:

* :func:`discover` turns the paths given into briefing files;
* :func:`load_file` reads, parses and validates one file into a :class:`FileLoad`;
* :func:`combine` merges several files' entities, resolves references across them and indexes.
"""

from __future__ import annotations

import gc
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fto_tui.cache import ParseCache, content_key
from fto_tui.ftm import FTM_SUFFIXES, is_ftm_path
from fto_tui.index import Collection, designations_of
from fto_tui.model import (
    BriefingInfo,
    Designation,
    Entity,
    EntityKind,
    Event,
    Organisation,
    Quote,
    Source,
    Speaker,
    without_origin,
)
from fto_tui.problems import Position, Problem, error
from fto_tui.reading import DEFAULT_MAX_BYTES, decode, read_bytes
from fto_tui.record import Record
from fto_tui.references import (
    MAX_PROBLEMS,
    References,
    Suggestions,
    kind_word,
    kinds_mask,
    kinds_of_mask,
)

if TYPE_CHECKING:
    from fto_tui.validate import FileContent

YAML_SUFFIXES = (".yaml", ".yml")
#: What a directory is searched for: YAML briefings and FollowTheMoney entity streams.
BRIEFING_SUFFIXES = (*YAML_SUFFIXES, *FTM_SUFFIXES)
#: Did-you-mean hints are worked out for this many unknown references per file (each one
#: compares against every id of the kinds wanted).
_SUGGESTIONS = 20


class FileLoad(Record, frozen=True):
    """One file's result: its entities, the references they make, and its problems."""

    path: str
    problems: tuple[Problem, ...]
    info: BriefingInfo | None = None
    sources: tuple[Source, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    references: References = References()

    @property
    def ok(self) -> bool:
        """True when the file has no errors (warnings allowed) and can be shown."""
        return not any(p.is_error for p in self.problems)

    def entities(self) -> Iterator[Entity]:
        yield from self.sources
        yield from self.organisations
        yield from self.speakers
        yield from self.quotes
        yield from self.events


class LoadResult(Record, frozen=True):
    collection: Collection
    problems: tuple[Problem, ...]
    files: tuple[FileLoad, ...] = ()

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def bundled_paths() -> list[Path]:
    """The briefings shipped with the program."""
    here = Path(__file__).resolve().parent
    for folder in (here / "briefings", here.parent / "briefings"):
        if folder.is_dir():
            return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    return []


def _walk(root: str) -> Iterator[str]:
    """Briefing files below ``root``, in sorted order, never following symbolic links to
    directories; a linked file counts only when its target is inside ``root``."""
    real_root = os.path.realpath(root)
    stack = [root]
    seen: set[tuple[int, int]] = set()
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder, follow_symlinks=False)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry.path)
                    continue
                if not entry.name.endswith(BRIEFING_SUFFIXES):
                    continue
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if os.path.commonpath([real_root, target]) != real_root:
                        continue
                yield entry.path
            except (OSError, ValueError):
                continue
        stack.extend(reversed(subfolders))


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[Problem]]:
    """Files to load for ``paths`` (files, or directories searched recursively)."""
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(path: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in paths:
        path = os.fspath(raw)
        try:
            info = os.stat(path)
        except OSError:
            add(path)  # reading it reports the precise reason
            continue
        if stat.S_ISDIR(info.st_mode):
            found = list(_walk(path))
            if not found:
                problems.append(
                    error(
                        Position(path),
                        "missing-file",
                        "no .yaml or .yml files (nor FtM entity files) in this directory",
                    )
                )
            for file in found:
                add(file)
        else:
            add(path)
    return files, problems


def load_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: ParseCache | None = None,
) -> FileLoad:
    """Read, parse and validate one briefing file. Never raises for bad input.

    With a ``cache``, a file whose path and bytes were loaded before is not parsed again.
    """
    name = os.fspath(path)
    data = read_bytes(name, max_bytes)
    if isinstance(data, Problem):
        return FileLoad(name, (data,))
    # Millions of short-lived objects make the cyclic collector run constantly; nothing made
    # here forms cycles, so pause it while parsing or decoding.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        key = content_key(name, data) if cache is not None else ""
        if cache is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        result = _parse(name, data, max_bytes=max_bytes)
        if cache is not None:
            cache.put(key, result)
        return result
    finally:
        if was_enabled:
            gc.enable()


def _parse(
    name: str, data: bytes, *, fast: bool = True, max_bytes: int = DEFAULT_MAX_BYTES
) -> FileLoad:
    # The parsers and the validator are imported here, not above: reopening files from the
    # cache, as the reader does at start-up, needs none of them.
    if is_ftm_path(name):
        return _parse_ftm(name, data, max_bytes)
    from fto_tui import fastload
    from fto_tui.validate import Validator
    from fto_tui.yamltree import compose

    source = decode(name, data)
    if isinstance(source, Problem):
        return FileLoad(name, (source,))
    if fast and len(data) >= fastload.MIN_BYTES:
        clean = fastload.content(source, data)
        if clean is not None:
            return _file_load(name, (), clean)
    del data
    root = compose(source)
    if isinstance(root, Problem):
        return FileLoad(name, (root,))
    validator = Validator(source)
    content = validator.run(root)
    return _file_load(name, tuple(validator.problems), content)


def _parse_ftm(name: str, data: bytes, max_bytes: int) -> FileLoad:
    """A FollowTheMoney entity stream (gzipped when its name ends in ``.gz``)."""
    from fto_tui.ftm import reading

    if name.lower().endswith(".gz"):
        unpacked = reading.decompress(name, data, max_bytes)
        if isinstance(unpacked, Problem):
            return FileLoad(name, (unpacked,))
        data = unpacked
    content = reading.read(name, data)
    return FileLoad(
        path=name,
        problems=content.problems,
        info=content.info,
        sources=content.sources,
        organisations=content.organisations,
        speakers=content.speakers,
        events=content.events,
    )


def _file_load(name: str, problems: tuple[Problem, ...], content: FileContent) -> FileLoad:
    return FileLoad(
        path=name,
        problems=problems,
        info=content.info,
        sources=tuple(content.sources),
        organisations=tuple(content.organisations),
        speakers=tuple(content.speakers),
        quotes=tuple(content.quotes),
        events=tuple(content.events),
        references=content.references,
    )


def combine(files: Sequence[FileLoad]) -> LoadResult:
    """Merge files into one collection; report conflicting definitions and dangling refs.

    An entity defined identically in several files appears once. Where definitions differ, or
    one file defines an id twice, the first is kept and the later one is reported.
    """
    collection, chosen, problems = _merge(files)
    problems += _check_references(files, chosen)
    return LoadResult(collection, tuple(problems), tuple(files))


def _merge(
    files: Sequence[FileLoad],
) -> tuple[Collection, dict[str, Entity], list[Problem]]:
    """The files' entities in one collection (and by id), and the conflicting definitions."""
    problems: list[Problem] = []
    chosen: dict[str, Entity] = {}
    kept: dict[EntityKind, list[Entity]] = {kind: [] for kind in EntityKind}
    for file in files:
        for kind, group in (
            (EntityKind.SOURCE, file.sources),
            (EntityKind.ORGANISATION, file.organisations),
            (EntityKind.SPEAKER, file.speakers),
            (EntityKind.QUOTE, file.quotes),
            (EntityKind.EVENT, file.events),
        ):
            keep = kept[kind]
            for entity in group:
                first = chosen.setdefault(entity.id, entity)
                if first is entity:
                    keep.append(entity)
                    continue
                if (
                    first.origin.path != entity.origin.path
                    and first.entity_kind is kind
                    and without_origin(first) == without_origin(entity)
                ):
                    continue
                problems.append(_conflict(first, entity))

    collection = Collection(
        briefings=[f.info for f in files if f.info is not None],
        sources=kept[EntityKind.SOURCE],  # type: ignore[arg-type]
        organisations=kept[EntityKind.ORGANISATION],  # type: ignore[arg-type]
        speakers=kept[EntityKind.SPEAKER],  # type: ignore[arg-type]
        quotes=kept[EntityKind.QUOTE],  # type: ignore[arg-type]
        events=kept[EntityKind.EVENT],  # type: ignore[arg-type]
        by_id=chosen,
    )
    return collection, chosen, problems


def _check_references(files: Sequence[FileLoad], chosen: Mapping[str, Entity]) -> list[Problem]:
    """Problems with the references ``files`` make, against the entities ``chosen`` by id."""
    problems: list[Problem] = []
    by_kind: dict[EntityKind, list[str]] | None = None
    suggesters: dict[int, Suggestions] = {}
    reported: Counter[str] = Counter()
    kind_bits = {kind: kinds_mask((kind,)) for kind in EntityKind}
    bits = {entity_id: kind_bits[entity.entity_kind] for entity_id, entity in chosen.items()}
    designations: dict[str, Designation] = {}
    for holder, designation in designations_of(chosen.values()):
        assert designation.id is not None
        first_origin = (
            chosen[designation.id].origin
            if designation.id in chosen
            else designations[designation.id].origin
            if designation.id in designations
            else None
        )
        if first_origin is not None:
            problems.append(
                error(
                    designation.origin,
                    "duplicate-id",
                    f"designation id '{designation.id}' of '{holder.id}' is already used",
                    f"first defined at {first_origin}",
                )
            )
            continue
        designations[designation.id] = designation
    for designation_id in designations:
        bits[designation_id] = kind_bits[EntityKind.DESIGNATION]
    for file in files:
        refs = file.references
        located: References | None = refs if len(refs.lines) == len(refs) else None
        for index, (target, mask) in enumerate(zip(refs.targets, refs.kinds, strict=True)):
            if bits.get(target, 0) & mask:
                continue
            found = chosen.get(target)
            kinds = kinds_of_mask(mask)
            if located is None:
                located = _locate_references(file)
            position = (
                Position(file.path, located.lines[index], located.columns[index])
                if located.lines
                else Position(file.path)
            )
            reported[file.path] += 1
            if reported[file.path] > MAX_PROBLEMS:
                continue
            if reported[file.path] == MAX_PROBLEMS:
                problems.append(
                    error(
                        position,
                        "too-many-problems",
                        f"stopped after {MAX_PROBLEMS} reference problems in this file",
                    )
                )
                continue
            wanted = kind_word(kinds)
            found_kind = (
                found.entity_kind.value
                if found is not None
                else "designation"
                if target in designations
                else None
            )
            if found_kind is not None:
                problems.append(
                    error(
                        position,
                        "wrong-reference",
                        f"'{target}' is {_a(found_kind)} {found_kind}, not {_a(wanted)} {wanted}",
                    )
                )
                continue
            hint = None
            if reported[file.path] <= _SUGGESTIONS:
                if by_kind is None:
                    by_kind = {kind: [] for kind in EntityKind}
                    for entity_id, entity in chosen.items():
                        by_kind[entity.entity_kind].append(entity_id)
                    by_kind[EntityKind.DESIGNATION].extend(designations)
                suggestions = suggesters.get(mask)
                if suggestions is None:
                    suggestions = Suggestions(i for k in kinds for i in by_kind[k])
                    suggesters[mask] = suggestions
                hint = suggestions.hint(target)
            problems.append(
                error(position, "unknown-reference", f"unknown {wanted} '{target}'", hint)
            )
    return problems


def _locate_references(file: FileLoad) -> References:
    """Where ``file``'s references are written. The fast path leaves that out (only a
    reference problem needs it), so the file is read again by the precise path; if it has
    changed since, and its references with it, no positions are found."""
    data = read_bytes(file.path, DEFAULT_MAX_BYTES)
    if isinstance(data, Problem):
        return References()
    found = _parse(file.path, data, fast=False).references
    same = found.targets == file.references.targets and found.kinds == file.references.kinds
    return found if same else References()


def _conflict(first: Entity, entity: Entity) -> Problem:
    what = entity.entity_kind.value
    if first.entity_kind is not entity.entity_kind:
        message = f"id '{entity.id}' is already used by {first.entity_kind.value} here"
    elif first.origin.path == entity.origin.path:
        message = f"duplicate {what} id '{entity.id}'"
    else:
        message = f"{what} '{entity.id}' is defined differently in another file"
    return error(entity.origin, "duplicate-id", message, f"first defined at {first.origin}")


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def sort_problems(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(problems, key=lambda p: (p.path, p.line, p.column)))


def load(
    paths: Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: ParseCache | None = None,
) -> LoadResult:
    """Load files and directories (the bundled briefings when ``paths`` is empty).

    Files with errors are reported and left out of the collection; the others are combined.
    With ``strict``, warnings are reported as errors.
    """
    names, problems = discover(paths or bundled_paths())
    loads = [load_file(name, max_bytes=max_bytes, cache=cache) for name in names]
    good = [f for f in loads if f.ok]
    # References are checked across everything read, broken files' valid parts included, so
    # that one run reports as much as it can; only files without errors are shown.
    collection, chosen, conflicts = _merge(loads)
    checked = [*conflicts, *_check_references(loads, chosen)]
    if len(good) < len(loads):
        collection = _merge(good)[0]
    everything = [*problems, *(p for f in loads for p in f.problems), *checked]
    if strict:
        everything = [p.strict() for p in everything]
    return LoadResult(collection, sort_problems(everything), tuple(loads))

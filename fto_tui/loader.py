"""Load briefing files and directories into one indexed :class:`~fto_tui.index.Collection`.

``load()`` is what the command line calls. It is three steps, each usable alone, so that the
reader can read one file again and assemble the open files anew:

* :func:`discover` turns the paths given into briefing files;
* :func:`load_file` reads, parses and validates one file into a :class:`FileLoad`;
* :func:`assemble` decides what is loaded and what is reported: it merges the files' entities
  (several files may define one entity, :mod:`fto_tui.merge`), checks the references across
  them, indexes the result and files every problem under its category.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from fto_tui.cache import ParseCache, content_key
from fto_tui.ftm import FTM_SUFFIXES, is_ftm_path
from fto_tui.index import Collection, designations_of
from fto_tui.merge import Conflict, Merged, merge, value_text
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
)
from fto_tui.problems import Category, Position, Problem, error, warning
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
    failed_ids: tuple[str, ...] = ()
    """Ids the file defines but whose definition is invalid (or, when the file could not be
    parsed at all, the ids its text appears to define)."""

    @property
    def ok(self) -> bool:
        """True when the file has no errors (warnings allowed)."""
        return not any(p.is_error for p in self.problems)

    @property
    def failed(self) -> bool:
        """True when nothing could be read from the file (it is unreadable, or not YAML)."""
        return (
            not self.ok
            and self.info is None
            and not self.references
            and not any(True for _ in self.entities())
        )

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
        return FileLoad(name, (root,), failed_ids=ids_in_text(source.text))
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
        failed_ids=tuple(content.failed_ids),
    )


_ID_LINE = re.compile(r"""^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([A-Za-z0-9][\w.-]*)""", re.M)


def ids_in_text(text: str) -> tuple[str, ...]:
    """The ids a file's text appears to define (``id: x`` lines), for a file that could not be
    parsed: references into it are then reported as such, not as unknown ids."""
    return tuple(dict.fromkeys(_ID_LINE.findall(text)))


def assemble(
    files: Sequence[FileLoad], loose: Sequence[Problem] = (), *, strict: bool = False
) -> LoadResult:
    """What is loaded and what is reported, for files already read: every file's valid
    content, merged (:mod:`fto_tui.merge`) and indexed, and every problem, each filed under
    its category. ``check``, ``export`` and the reader all get their collection and their
    problems from here, whatever the path (start, reload, a file opened later).

    ``loose`` are problems found before any file was read (a folder without briefings).
    With ``strict``, warnings are reported as errors.
    """
    collection, merge_problems = _merge(files)
    everything = [
        *loose,
        *(p for f in files for p in f.problems),
        *merge_problems,
        *_check_references(files, collection),
    ]
    if strict:
        everything = [p.strict() for p in everything]
    return LoadResult(collection, order_problems(everything, files), tuple(files))


def _merge(files: Sequence[FileLoad]) -> tuple[Collection, list[Problem]]:
    """The files' entities in one collection, several files' definitions of one id merged;
    the problems found doing so (an id defined twice in one file, or used by two kinds of
    entity, and conflicting values)."""
    problems: list[Problem] = []
    chosen: dict[str, Entity] = {}
    kept: dict[EntityKind, list[Entity]] = {kind: [] for kind in EntityKind}
    # Only ids defined more than once get a list of their definitions: most have one.
    more: dict[str, list[Entity]] = {}
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
                found = more.setdefault(entity.id, [first])
                if first.entity_kind is not kind or any(
                    d.origin.path == entity.origin.path for d in found
                ):
                    problems.append(_duplicate(first, entity))
                else:
                    found.append(entity)
    merged: dict[str, Merged] = {}
    for entity_id, definitions in more.items():
        if len(definitions) > 1:
            result = merged[entity_id] = merge(definitions)
            chosen[entity_id] = result.entity
            problems.extend(_conflict(result.entity, c) for c in result.conflicts)
    if merged:
        for kind, entities in kept.items():
            kept[kind] = [chosen[e.id] if e.id in merged else e for e in entities]
    collection = Collection(
        briefings=_briefings(files),
        sources=kept[EntityKind.SOURCE],  # type: ignore[arg-type]
        organisations=kept[EntityKind.ORGANISATION],  # type: ignore[arg-type]
        speakers=kept[EntityKind.SPEAKER],  # type: ignore[arg-type]
        quotes=kept[EntityKind.QUOTE],  # type: ignore[arg-type]
        events=kept[EntityKind.EVENT],  # type: ignore[arg-type]
        by_id=chosen,
        merged=merged,
    )
    return collection, problems


def _briefings(files: Sequence[FileLoad]) -> list[BriefingInfo]:
    """The briefings the files belong to, each once: files of one briefing split across
    several files need only one ``briefing:`` header, and headers repeating one title (and
    date) are one briefing, listed at its first file."""
    found: dict[tuple[str, object], BriefingInfo] = {}
    for file in files:
        info = file.info
        if info is not None:
            found.setdefault((info.title, info.as_of), info)
    return list(found.values())


def _check_references(files: Sequence[FileLoad], collection: Collection) -> list[Problem]:
    """Problems with the references ``files`` make, against the entities of ``collection``.

    A reference to an id whose definition is there but invalid is not reported (the
    definition's own error is). References into a file that failed to load are reported once
    per referring file, naming that file, with no did-you-mean pointing elsewhere.
    """
    problems: list[Problem] = []
    by_kind: dict[EntityKind, list[str]] | None = None
    suggesters: dict[int, Suggestions] = {}
    reported: Counter[str] = Counter()
    kind_bits = {kind: kinds_mask((kind,)) for kind in EntityKind}
    chosen = collection.by_id
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
                    category=Category.MERGE,
                )
            )
            continue
        designations[designation.id] = designation
    for designation_id in designations:
        bits[designation_id] = kind_bits[EntityKind.DESIGNATION]
    failed = [file for file in files if file.failed]
    attempted = {entity_id: file for file in files for entity_id in file.failed_ids}
    into_failed: dict[tuple[str, str], tuple[Position, str, int]] = {}
    for file in files:
        refs = file.references
        located: References | None = refs if len(refs.lines) == len(refs) else None
        for index, (target, mask) in enumerate(zip(refs.targets, refs.kinds, strict=True)):
            if bits.get(target, 0) & mask:
                continue
            found = chosen.get(target)
            definer = attempted.get(target) if found is None else None
            if definer is not None and not definer.failed:
                continue  # defined but invalid: its definition's error says so
            kinds = kinds_of_mask(mask)
            if located is None:
                located = _locate_references(file)
            position = (
                Position(file.path, located.lines[index], located.columns[index])
                if located.lines
                else Position(file.path)
            )
            if definer is not None:
                key = (file.path, definer.path)
                first = into_failed.get(key)
                if first is None:
                    into_failed[key] = (position, target, 1)
                else:
                    into_failed[key] = (first[0], first[1], first[2] + 1)
                continue
            reported[file.path] += 1
            if reported[file.path] > MAX_PROBLEMS:
                continue
            if reported[file.path] == MAX_PROBLEMS:
                problems.append(
                    error(
                        position,
                        "too-many-problems",
                        f"stopped after {MAX_PROBLEMS} reference problems in this file",
                        category=Category.REFERENCE,
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
                        category=Category.REFERENCE,
                    )
                )
                continue
            hint: str | None = None
            if failed:
                # The id may be defined in a file that could not be read: pointing at a
                # similar id elsewhere would mislead.
                names = ", ".join(os.path.basename(f.path) for f in failed[:3])
                hint = f"{names} failed to load and may define it"
            elif reported[file.path] <= _SUGGESTIONS:
                if by_kind is None:
                    by_kind = {kind: [] for kind in EntityKind}
                    for entity_id, defined in chosen.items():
                        by_kind[defined.entity_kind].append(entity_id)
                    by_kind[EntityKind.DESIGNATION].extend(designations)
                suggestions = suggesters.get(mask)
                if suggestions is None:
                    suggestions = Suggestions(i for k in kinds for i in by_kind[k])
                    suggesters[mask] = suggestions
                hint = suggestions.hint(target)
            problems.append(
                error(
                    position,
                    "unknown-reference",
                    f"unknown {wanted} '{target}'",
                    hint,
                    category=Category.REFERENCE,
                )
            )
    for (_path, failed_path), (position, target, count) in into_failed.items():
        cause = next(f for f in files if f.path == failed_path).problems[0].position
        more = f" and {count - 1} more reference{'s' if count > 2 else ''}" if count > 1 else ""
        problems.append(
            error(
                position,
                "failed-reference",
                f"'{target}'{more} defined in {os.path.basename(failed_path)}, "
                f"which failed to load at {cause.line}:{cause.column}",
                "fix that file first",
                category=Category.REFERENCE,
            )
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


def _duplicate(first: Entity, entity: Entity) -> Problem:
    what = entity.entity_kind.value
    if first.entity_kind is not entity.entity_kind:
        message = f"id '{entity.id}' is already used by {first.entity_kind.value} here"
    else:
        message = f"duplicate {what} id '{entity.id}'"
    return error(
        entity.origin,
        "duplicate-id",
        message,
        f"first defined at {first.origin}",
        category=Category.MERGE,
    )


def _conflict(entity: Entity, conflict: Conflict) -> Problem:
    """Two files give one field of an entity different values."""
    kept, other = conflict.values
    return warning(
        conflict.other.origin,
        "conflict",
        f"{entity.entity_kind.value} '{entity.id}': '{conflict.field}' is {value_text(other)} "
        f"here but {value_text(kept)} at {conflict.first.origin}",
        "both are shown; the first file's value is listed first",
        category=Category.MERGE,
    )


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def order_problems(
    problems: Iterable[Problem], files: Sequence[FileLoad] = ()
) -> tuple[Problem, ...]:
    """Problems in the order they are shown: first the errors of files that could not be
    loaded at all (the cause of anything that follows), then by file, line and column."""
    failed = {f.path for f in files if f.failed}
    return tuple(
        sorted(
            problems,
            key=lambda p: (
                not (p.path in failed and p.category is Category.FILE),
                p.path,
                p.line,
                p.column,
            ),
        )
    )


def load(
    paths: Sequence[str | os.PathLike[str]],
    *,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: ParseCache | None = None,
) -> LoadResult:
    """Load files and directories (the bundled briefings when ``paths`` is empty).

    Every file's valid content is loaded, a file with errors included (its problems say what
    was left out); see :func:`assemble`. With ``strict``, warnings are reported as errors.
    """
    names, problems = discover(paths or bundled_paths())
    loads = [load_file(name, max_bytes=max_bytes, cache=cache) for name in names]
    return assemble(loads, problems, strict=strict)

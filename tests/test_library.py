"""A library of briefings: files by different people extend each other (``fto_tui.merge``).

The merge rule is generic over a record's declared fields; the tests here build values for
every field of every kind of entity from the records' own type declarations, so a field added
to a record is covered with no new test code.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import msgspec
import msgspec.inspect as mi
import pytest

from fto_tui import cache as cache_module
from fto_tui.dates import EdtfDate
from fto_tui.loader import FileLoad, assemble, load, load_file
from fto_tui.merge import given_fields, merge, said_by
from fto_tui.model import Citation, Entity, Role, Speaker, without_origin
from fto_tui.problems import Category, Position, Severity

ENTITY_KINDS: tuple[type[Any], ...] = typing.get_args(Entity)
NOT_CONTENT = ("id", "origin")


def sample(info: mi.Type, n: int) -> Any:
    """A value of the declared type, different for each ``n`` and never the type's default."""
    if isinstance(info, mi.StrType):
        return f"value {n}"
    if isinstance(info, mi.IntType):
        return n + 2
    if isinstance(info, mi.BoolType):
        return True
    if isinstance(info, mi.EnumType):
        members = list(info.cls)
        return members[(n + 1) % len(members)]
    if isinstance(info, mi.LiteralType):
        return info.values[(n + 1) % len(info.values)]
    if isinstance(info, mi.UnionType):
        return sample(next(t for t in info.types if not isinstance(t, mi.NoneType)), n)
    if isinstance(info, mi.VarTupleType):
        return (sample(info.item_type, n),)
    if isinstance(info, mi.StructType):
        if info.cls is EdtfDate:
            return EdtfDate.parse(str(2000 + n))
        if info.cls is Position:
            return Position(f"file{n}.yaml", n + 3, 5)
        return info.cls(**{f.name: sample(f.type, n) for f in info.fields if f.required})
    raise AssertionError(f"no sample for {info!r}: teach sample() the new type")


def field_value(field: mi.Field, n: int) -> Any:
    """A value for ``field`` that is not its default (a file that gives it says something)."""
    return next(v for v in (sample(field.type, k) for k in range(n, n + 8)) if v != field.default)


def minimal(cls: type[Any], path: str, **values: Any) -> Any:
    """An entity with only its required fields (the same in every file), defined in ``path``."""
    fields = {f.name: sample(f.type, 0) for f in mi.type_info(cls).fields if f.required}
    fields.update(id="shared", origin=Position(path, 4, 5))
    fields.update(values)
    return cls(**fields)


def content_fields() -> list[tuple[type[Any], mi.Field]]:
    return [
        (cls, field)
        for cls in ENTITY_KINDS
        for field in mi.type_info(cls).fields
        if field.name not in NOT_CONTENT
    ]


FIELDS = content_fields()
FIELD_IDS = [f"{cls.__name__}.{field.name}" for cls, field in FIELDS]


@pytest.mark.parametrize(("cls", "field"), FIELDS, ids=FIELD_IDS)
def test_a_value_given_by_one_file_is_taken(cls: type[Any], field: mi.Field) -> None:
    value = field_value(field, 1)
    given = minimal(cls, "b.yaml", **{field.name: value})
    for order in ((minimal(cls, "a.yaml"), given), (given, minimal(cls, "a.yaml"))):
        merged = merge(order)
        if field.required:
            # Both give a value: the same one here, different ones are a conflict.
            assert merged.conflicts != () or getattr(order[0], field.name) == value
            continue
        assert getattr(merged.entity, field.name) == value
        assert merged.conflicts == ()
        assert field.name in given_fields(given)
        assert field.name not in given_fields(minimal(cls, "a.yaml"))
        assert said_by(
            merged.definitions, field.name, value[0] if field.name in _lists(cls) else value
        ) == (given,)


def _lists(cls: type[Any]) -> set[str]:
    return {f.name for f in mi.type_info(cls).fields if isinstance(f.type, mi.VarTupleType)}


@pytest.mark.parametrize(
    ("cls", "field"),
    [(c, f) for c, f in FIELDS if isinstance(f.type, mi.VarTupleType)],
    ids=[
        i
        for i, (_c, f) in zip(FIELD_IDS, FIELDS, strict=True)
        if isinstance(f.type, mi.VarTupleType)
    ],
)
def test_list_fields_are_combined_with_duplicates_removed(cls: type[Any], field: mi.Field) -> None:
    own, shared = sample(field.type, 1)[0], sample(field.type, 2)[0]
    # The same item written in another file (its position differs) is one item.
    shared_elsewhere = _moved(shared, "b.yaml")
    first = minimal(cls, "a.yaml", **{field.name: (own, shared)})
    second = minimal(cls, "b.yaml", **{field.name: (shared_elsewhere, sample(field.type, 3)[0])})
    merged = merge((first, second))
    combined = getattr(merged.entity, field.name)
    assert [without_origin(v) for v in combined] == [
        without_origin(v) for v in (own, shared, sample(field.type, 3)[0])
    ]
    assert merged.conflicts == ()
    assert said_by(merged.definitions, field.name, shared) == (first, second)


def _moved(value: Any, path: str) -> Any:
    if isinstance(value, msgspec.Struct) and "origin" in value.__struct_fields__:
        return msgspec.structs.replace(value, origin=Position(path, 40, 7))
    return value


def _two_values(field: mi.Field) -> bool:
    """Whether a single-valued field can be given two different values that are not its
    default (a yes/no field, or a choice of two with one the default, cannot)."""
    if isinstance(field.type, mi.VarTupleType):
        return False
    return bool(field_value(field, 1) != field_value(field, 2))


SINGLE = [(c, f) for c, f in FIELDS if _two_values(f)]


@pytest.mark.parametrize(
    ("cls", "field"), SINGLE, ids=[f"{c.__name__}.{f.name}" for c, f in SINGLE]
)
def test_two_values_of_one_field_are_a_conflict(cls: type[Any], field: mi.Field) -> None:
    kept, other = field_value(field, 1), field_value(field, 2)
    first = minimal(cls, "a.yaml", **{field.name: kept})
    second = minimal(cls, "b.yaml", **{field.name: other})
    merged = merge((first, second))
    assert getattr(merged.entity, field.name) == kept
    (conflict,) = merged.conflicts
    assert (conflict.field, conflict.first, conflict.other) == (field.name, first, second)
    assert conflict.values == (kept, other)


def test_the_sample_values_cover_every_declared_field() -> None:
    # Guards the generic tests: each entity kind has list and single-valued fields to merge.
    for cls in ENTITY_KINDS:
        names = {f.name for f in mi.type_info(cls).fields}
        assert {"id", "origin"} <= names
    assert len(FIELDS) >= 40
    assert len(SINGLE) >= 20


# -- through the loader -------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


SOURCES_A = "sources:\n  - id: src-a\n    title: A\n"
SOURCES_B = "sources:\n  - id: src-b\n    title: B\n"


def test_two_files_extend_one_speaker_and_each_value_keeps_its_position(tmp_path: Path) -> None:
    a = write(
        tmp_path,
        "a.yaml",
        "briefing:\n  title: A\n"
        + SOURCES_A
        + "speakers:\n  - id: s\n    name: S\n    aliases: [Es]\n"
        "    roles:\n      - title: Minister\n        source: src-a\n    source: src-a\n",
    )
    b = write(
        tmp_path,
        "b.yaml",
        "briefing:\n  title: B\n"
        + SOURCES_B
        + "speakers:\n  - id: s\n    name: S\n    description: Said by B.\n"
        "    aliases: [Es, Ess]\n"
        "    roles:\n      - title: Envoy\n        source: src-b\n    source: src-b\n",
    )
    result = load([a, b])
    assert result.problems == ()
    speaker = result.collection.get("s")
    assert isinstance(speaker, Speaker)
    assert speaker.aliases == ("Es", "Ess")
    assert speaker.description == "Said by B."
    assert [(r.title, r.origin.path, r.citations) for r in speaker.roles] == [
        ("Minister", str(a), (Citation("src-a"),)),
        ("Envoy", str(b), (Citation("src-b"),)),
    ]
    assert speaker.citations == (Citation("src-a"), Citation("src-b"))
    definitions = result.collection.definitions("s")
    assert [d.origin.path for d in definitions] == [str(a), str(b)]
    assert [d.origin.path for d in said_by(definitions, "citations", Citation("src-b"))] == [str(b)]
    assert [d.origin.path for d in said_by(definitions, "aliases", "Es")] == [str(a), str(b)]
    assert speaker.origin.path == str(a)


def test_a_briefing_split_across_files_needs_one_header_and_is_listed_once(tmp_path: Path) -> None:
    head = "briefing:\n  title: One briefing\n  as_of: 2025-02\n"
    sources = write(tmp_path, "sources.yaml", head + SOURCES_A)
    organisations = write(
        tmp_path,
        "organisations.yaml",
        "organisations:\n  - id: o\n    name: O\n    source: src-a\n",
    )
    again = write(
        tmp_path, "speakers.yaml", head + "speakers:\n  - id: s\n    name: S\n    source: src-a\n"
    )
    result = load([sources, organisations, again])
    assert result.problems == ()
    assert [b.title for b in result.collection.briefings] == ["One briefing"]


def test_a_bad_date_leaves_out_the_date_not_the_files_sources(tmp_path: Path) -> None:
    sources = write(
        tmp_path,
        "sources.yaml",
        "briefing:\n  title: T\nsources:\n  - id: src\n    title: S\n    published: 2025-02-30\n"
        "  - id: other\n    title: O\n",
    )
    quotes = write(
        tmp_path,
        "quotes.yaml",
        "speakers:\n  - id: s\n    name: S\n    source: src\n"
        "quotes:\n  - id: q\n    speaker: s\n    text: Words.\n    sources: [src, other]\n",
    )
    result = load([sources, quotes])
    assert [p.code for p in result.problems] == ["bad-date"]
    quote = result.collection.get("q")
    assert quote is not None
    assert [s.id for s, _c in result.collection.sources_of(quote)] == ["src", "other"]
    # One function decides: assembling the same loads again gives the same result.
    again = assemble(result.files)
    assert again.problems == result.problems
    assert again.collection.counts() == result.collection.counts()


def test_a_syntax_error_in_one_of_four_files_comes_first(tmp_path: Path) -> None:
    write(tmp_path, "a-sources.yaml", "briefing:\n  title: T\n" + SOURCES_A)
    write(
        tmp_path,
        "organisations.yaml",
        "organisations:\n  - id: o1\n    name: One\n    source: src-a\n"
        "  - id: o2\n    name: [Two\n  - id: o3\n    name: Three\n",
    )
    write(
        tmp_path,
        "b-speakers.yaml",
        "speakers:\n"
        + "".join(
            f"  - id: s{n}\n    name: S\n    affiliations: [o1, o2, o3]\n    source: src-a\n"
            for n in range(10)
        ),
    )
    write(
        tmp_path,
        "c-events.yaml",
        "events:\n  - id: e\n    date: 2025\n    title: E\n    participants: [o1, s1]\n"
        "    source: src-a\n",
    )
    result = load([tmp_path])
    first = result.problems[0]
    assert (first.code, Path(first.path).name) == ("yaml-syntax", "organisations.yaml")
    by_file = {Path(p.path).name: p for p in result.problems[1:]}
    assert len(result.problems) == 3, [p.format() for p in result.problems]
    assert by_file["b-speakers.yaml"].code == "failed-reference"
    assert "29 more references defined in organisations.yaml" in by_file["b-speakers.yaml"].message
    assert by_file["c-events.yaml"].code == "failed-reference"
    assert all(p.category is Category.REFERENCE for p in result.problems[1:])


def test_a_reference_to_an_invalid_definition_reports_the_definition_only(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.yaml",
        "briefing:\n  title: T\n"
        + SOURCES_A
        + "organisations:\n  - id: nameless\n    source: src-a\n"
        "speakers:\n  - id: s\n    name: S\n    affiliations: [nameless]\n    source: src-a\n",
    )
    result = load([path])
    assert [(p.code, p.message) for p in result.problems] == [
        ("missing-field", "organisation is missing required field 'name'")
    ]


def test_problems_carry_their_category(tmp_path: Path) -> None:
    a = write(
        tmp_path,
        "a.yaml",
        "briefing:\n  title: T\n" + SOURCES_A + "  - id: src-a\n    title: Again\n",
    )
    b = write(
        tmp_path,
        "b.yaml",
        "sources:\n  - id: src-a\n    title: Other\n"
        "speakers:\n  - id: s\n    name: S\n    source: nope\n"
        "  - id: t\n    name: T\n    source: src-a\n    titel: x\n",
    )
    result = load([a, b])
    assert {(p.code, p.category) for p in result.problems} == {
        ("duplicate-id", Category.MERGE),
        ("conflict", Category.MERGE),
        ("unknown-reference", Category.REFERENCE),
        ("unknown-key", Category.FILE),
    }
    assert {p.code: p.severity for p in result.problems}["conflict"] is Severity.WARNING


def test_every_record_the_cache_stores_is_in_the_cache_fingerprint() -> None:
    # A field added to any record a cached FileLoad holds changes the fingerprint, so an entry
    # written by older code (another record shape) is never read.
    modules: set[str] = set()

    def walk(info: mi.Type, seen: set[type[Any]]) -> None:
        if isinstance(info, mi.StructType):
            if info.cls in seen:
                return
            seen.add(info.cls)
            modules.add(info.cls.__module__)
            for field in info.fields:
                walk(field.type, seen)
        elif isinstance(info, mi.UnionType):
            for t in info.types:
                walk(t, seen)
        elif isinstance(info, mi.VarTupleType | mi.ListType):
            walk(info.item_type, seen)
        elif isinstance(info, mi.EnumType):
            modules.add(info.cls.__module__)

    walk(mi.type_info(FileLoad), set())
    assert modules >= {"fto_tui.model", "fto_tui.problems", "fto_tui.loader"}
    for module in modules:
        assert module.removeprefix("fto_tui.") in cache_module._LOADING_MODULES, module


def test_a_cache_entry_of_another_record_shape_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.yaml", "briefing:\n  title: T\n" + SOURCES_A)
    store = cache_module.ParseCache(tmp_path / "cache")
    load_file(path, cache=store)
    # Another version of the loading code (a record with another field) has another
    # fingerprint: it misses the entry and parses the file again.
    monkeypatch.setattr(cache_module, "_fingerprint", "f" * 16)
    other = cache_module.ParseCache(tmp_path / "cache")
    key = cache_module.content_key(str(path), path.read_bytes())
    assert store.get(key) is not None
    assert other.get(key) is None


def test_roles_of_one_speaker_from_two_files_stay_two_roles() -> None:
    a = Role("Minister", Position("a.yaml", 5, 9))
    b = Role("Minister", Position("b.yaml", 8, 9), period=EdtfDate.parse("2025"))
    first = Speaker("s", "S", Position("a.yaml", 3, 5), roles=(a,))
    second = Speaker("s", "S", Position("b.yaml", 6, 5), roles=(b,))
    assert merge((first, second)).entity.roles == (a, b)


# -- done when: a briefing by someone else opens with the bundled one --------------------------

HOUTHIS = Path(__file__).parent / "data" / "library" / "houthis.yaml"


def test_a_second_briefing_opens_with_the_bundled_one_without_a_single_problem() -> None:
    from fto_tui.loader import bundled_paths

    bundled = [str(p) for p in bundled_paths()]
    result = load([*bundled, str(HOUTHIS)])
    assert result.problems == (), [p.format() for p in result.problems]
    collection = result.collection
    assert len(collection.briefings) == len(bundled) + 1
    shared = {"marco-rubio", "donald-trump", "us-department-of-state", "white-house", "ansarallah"}
    assert shared <= set(collection.merged_ids())
    for entity_id in shared:
        paths = [d.origin.path for d in collection.definitions(entity_id)]
        assert paths[-1] == str(HOUTHIS) and set(paths[:-1]) <= set(bundled), entity_id
    # The group's designations: what both files say, each with its own position.
    group = collection.get("ansarallah")
    assert group is not None
    files = {d.origin.path for d in group.designations}  # type: ignore[union-attr]
    assert str(HOUTHIS) in files and files - {str(HOUTHIS)}

    rubio = collection.get("marco-rubio")
    assert isinstance(rubio, Speaker)
    # Each role is cited to the sources of the file it comes from, and keeps its position.
    roles = {role.title: role for role in rubio.roles}
    assert roles["Secretary of State"].origin.path in bundled
    assert roles["Acting National Security Adviser"].origin.path == str(HOUTHIS)
    assert roles["Acting National Security Adviser"].citations == (
        Citation("test-white-house-2025-05-adviser"),
    )
    sources = [s.id for s, _c in collection.sources_of(rubio)]
    assert "test-state-2025-03-ansarallah-fto" in sources
    assert any(s.startswith("bbc-news") for s in sources)
    definitions = collection.definitions("marco-rubio")
    for citation in rubio.citations:
        (sayer,) = said_by(definitions, "citations", citation)
        if citation.source.startswith("test-"):
            assert sayer.origin.path == str(HOUTHIS)
        else:
            assert sayer.origin.path in bundled
    # What only one file says is taken: the description from the bundled briefing.
    assert rubio.description == definitions[0].description

    state = collection.get("us-department-of-state")
    assert state is not None and "Department of State" in state.aliases  # type: ignore[union-attr]
    trump = collection.get("donald-trump")
    assert isinstance(trump, Speaker)
    assert "President Trump" in trump.aliases
    assert len(trump.roles) == len(definitions_of(collection, "donald-trump")[0].roles)
    # Quotes and events from both briefings are together.
    assert "test-rubio-ansar-allah-listing" in {q.id for q in collection.quotes_by("marco-rubio")}


def definitions_of(collection: Any, entity_id: str) -> tuple[Any, ...]:
    return tuple(collection.definitions(entity_id))


def test_check_reports_the_two_briefings_clean() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "fto_tui", "check", "briefings", str(HOUTHIS)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[1],
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr

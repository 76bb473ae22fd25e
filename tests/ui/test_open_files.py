"""Open files: the problems are always the latest loads'; what is shown is each file's last
load without errors of any kind (in the file, or in a reference it makes), else its valid part."""

from __future__ import annotations

from fto_tui.loader import FileLoad, assemble
from fto_tui.model import EntityKind, Relation
from fto_tui.problems import Position, error, warning
from fto_tui.references import References, kinds_mask
from fto_tui.ui.open_files import OpenFiles
from tests.ui.factories import organisation


def _good(path: str, *names: str) -> FileLoad:
    return FileLoad(path, (), organisations=tuple(organisation(n) for n in names))


def _broken(path: str) -> FileLoad:
    return FileLoad(path, (error(Position(path, 3, 4), "yaml", "bad"),))


def _names(files: OpenFiles) -> list[str]:
    return [o.id for o in files.assemble().collection.organisations]


def test_a_good_load_is_shown_and_a_broken_one_keeps_the_last_good() -> None:
    files = OpenFiles()
    first = _good("a.yaml", "one")
    assert files.accept(first)
    assert _names(files) == ["one"]
    assert not files.accept(_broken("a.yaml"))
    assembly = files.assemble()
    assert [o.id for o in assembly.collection.organisations] == ["one"]
    assert assembly.last_good == ("a.yaml",)
    assert [p.format() for p in assembly.problems] == ["a.yaml:3:4: error: bad"]
    assert [p.format() for p in files.problems()] == ["a.yaml:3:4: error: bad"]


def test_a_broken_reference_keeps_the_last_good_version_too() -> None:
    files = OpenFiles()
    files.accept(_good("a.yaml", "one"))
    files.assemble()
    org = organisation("two")
    dangling = org.__class__(
        id=org.id,
        name=org.name,
        origin=org.origin,
        relations=(Relation("rival-of", "nobody", org.origin),),
    )
    refs = References(("nobody",), (kinds_mask((EntityKind.ORGANISATION,)),), (5,), (7,))
    files.accept(FileLoad("a.yaml", (), organisations=(dangling,), references=refs))
    assembly = files.assemble()
    assert [o.id for o in assembly.collection.organisations] == ["one"]
    assert [p.code for p in assembly.problems] == ["unknown-reference"]
    assert assembly.last_good == ("a.yaml",)


def test_a_file_broken_from_the_start_is_open_but_not_shown() -> None:
    files = OpenFiles()
    files.accept(_good("a.yaml", "one"))
    files.accept(_broken("b.yaml"))
    files.assemble()
    assert files.paths == ("a.yaml", "b.yaml")
    assert files.shown_paths == ("a.yaml",)
    assert "b.yaml" in files and "c.yaml" not in files


def test_the_problems_are_what_check_reports_for_the_latest_loads() -> None:
    files = OpenFiles()
    loads = [_good("a.yaml", "one"), _broken("b.yaml")]
    for load in loads:
        files.accept(load)
    assert files.assemble().problems == assemble(loads).problems


def test_a_fixed_file_replaces_its_problems() -> None:
    files = OpenFiles()
    files.accept(_broken("a.yaml"))
    files.assemble()
    fixed = FileLoad("a.yaml", (warning(Position("a.yaml"), "no-source", "w"),))
    assert files.accept(fixed)
    assert [p.code for p in files.assemble().problems] == ["no-source"]
    assert files.has_good("a.yaml")


def test_a_deleted_file_keeps_its_content() -> None:
    files = OpenFiles()
    load = _good("a.yaml", "one")
    files.accept(load)
    files.assemble()
    assert files.mark_deleted("a.yaml")
    assert files.is_deleted("a.yaml")
    assert _names(files) == ["one"]
    assert not files.mark_deleted("never-opened.yaml")


def test_the_open_files_keep_the_opening_order() -> None:
    files = OpenFiles()
    a, b = _good("a.yaml", "one"), _good("b.yaml", "two")
    files.accept(a)
    files.accept(b)
    files.accept(_good("a.yaml", "one", "three"))
    assert _names(files) == ["one", "three", "two"]

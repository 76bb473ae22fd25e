"""Open files keep their last good load when a new version breaks or the file goes away."""

from __future__ import annotations

from fto_tui.loader import FileLoad
from fto_tui.problems import Position, error, warning
from fto_tui.ui.open_files import OpenFiles
from tests.ui.factories import organisation


def _good(path: str, *names: str) -> FileLoad:
    return FileLoad(path, (), organisations=tuple(organisation(n) for n in names))


def _broken(path: str) -> FileLoad:
    return FileLoad(path, (error(Position(path, 3, 4), "yaml", "bad"),))


def test_a_good_load_is_shown_and_a_broken_one_keeps_the_last_good() -> None:
    files = OpenFiles()
    first = _good("a.yaml", "one")
    assert files.accept(first)
    assert not files.accept(_broken("a.yaml"))
    assert files.good_loads() == (first,)
    assert [p.format() for p in files.problems()] == ["a.yaml:3:4: error: bad"]


def test_a_file_broken_from_the_start_is_open_but_not_shown() -> None:
    files = OpenFiles()
    files.accept(_good("a.yaml", "one"))
    files.accept(_broken("b.yaml"))
    assert files.paths == ("a.yaml", "b.yaml")
    assert files.shown_paths == ("a.yaml",)
    assert "b.yaml" in files and "c.yaml" not in files


def test_a_fixed_file_replaces_its_problems() -> None:
    files = OpenFiles()
    files.accept(_broken("a.yaml"))
    fixed = FileLoad("a.yaml", (warning(Position("a.yaml"), "no-source", "w"),))
    assert files.accept(fixed)
    assert files.good_loads() == (fixed,)
    assert [p.code for p in files.problems()] == ["no-source"]


def test_a_deleted_file_keeps_its_content() -> None:
    files = OpenFiles()
    load = _good("a.yaml", "one")
    files.accept(load)
    assert files.mark_deleted("a.yaml")
    assert files.is_deleted("a.yaml")
    assert files.good_loads() == (load,)
    assert not files.mark_deleted("never-opened.yaml")


def test_good_loads_keep_the_opening_order() -> None:
    files = OpenFiles()
    a, b = _good("a.yaml", "one"), _good("b.yaml", "two")
    files.accept(a)
    files.accept(b)
    newer_a = _good("a.yaml", "one", "three")
    files.accept(newer_a)
    assert files.good_loads() == (newer_a, b)

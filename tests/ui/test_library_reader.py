"""The reader on several briefings: merged items, conflicts, problems that stay the same."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from fto_tui.loader import load
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens.problems import ProblemsScreen
from fto_tui.ui.screens.reader import ReaderScreen
from tests.ui.factories import DATA
from tests.ui.helpers import lines, pane, settle

SIZE = (120, 40)
LIBRARY = DATA / "library"


def detail_text(app: FtoBriefApp) -> str:
    return "\n".join(lines(app.reader.detail))


async def test_the_reader_shows_both_values_of_a_conflict_and_which_file_says_which() -> None:
    app = FtoBriefApp([str(LIBRARY / "first.yaml"), str(LIBRARY / "second.yaml")], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")  # nothing pops up for a warning, but be sure
        assert isinstance(app.screen, ReaderScreen)
        assert [s.id for s in pane(app, Pane.SPEAKERS).items] == ["ana-example"]
        app.reader.open_entity("ana-example")
        await pilot.pause()
        text = detail_text(app)
        assert "Defined in (2 files)" in text
        squeezed = " ".join(text.split())
        assert "first.yaml:8 gives name, description, roles, sources" in squeezed
        assert "second.yaml:8 gives name, aliases, description, roles, sources" in squeezed
        assert "The files disagree (1)" in text
        first = text.index("'Minister of examples.'")
        second = text.index("'Former minister, now an envoy.'")
        assert first < second
        assert "first.yaml:8" in text[first:second]
        assert "second.yaml:8" in text[second:]
        # Each role, and each source, says which file it comes from.
        assert "Minister of Examples  (" in text and "Envoy for Examples  (" in text
        assert "cited in" in text
        assert "A. Example" in text
        assert "1 warning" in app.reader.query_one("#status").text


async def test_an_unchanged_reload_reports_exactly_what_the_start_did(tmp_path: Path) -> None:
    # a.yaml has an error and defines 's'; b.yaml defines 's' differently.
    (tmp_path / "a.yaml").write_text(
        "briefing:\n  title: A\n  as_of: 2025-02-30\n"
        "speakers:\n  - id: s\n    name: S\n    description: One.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        "speakers:\n  - id: s\n    name: S\n    description: Two.\n", encoding="utf-8"
    )
    expected = load([tmp_path]).problems
    assert len(expected) > 2
    app = FtoBriefApp([str(tmp_path)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert app.screen.problems == expected
        await pilot.press("escape")
        status = app.reader.query_one("#status").text
        counts = app.collection.counts()
        for _ in range(2):
            await pilot.press("r")
            await settle(app, pilot)
            assert app.all_problems() == expected
            assert app.reader.query_one("#status").text == status
            assert app.collection.counts() == counts
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        assert app.screen.problems == expected


async def test_enter_in_the_problems_view_shows_the_item(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "briefing:\n  title: A\nspeakers:\n  - id: s\n    name: S\n"
        "  - id: t\n    name: T\n    description: x\n    source: missing\n",
        encoding="utf-8",
    )
    app = FtoBriefApp([str(path)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("enter")  # the unknown source, in speaker 't'
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current == "t"
        # The source it cites is not loaded: said so, not "no source cited".
        text = detail_text(app)
        assert "missing: not loaded" in text
        assert "No source cited" not in text


async def test_e_in_the_problems_view_opens_the_editor_at_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "briefing:\n  title: A\nspeakers:\n  - id: t\n    name: T\n    source: missing\n",
        encoding="utf-8",
    )
    record = tmp_path / "editor-args"
    editor = tmp_path / "vim"  # an editor told the line as +LINE
    editor.write_text(f'#!/bin/sh\necho "$@" > {record}\n', encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(editor))
    monkeypatch.setenv("EDITOR", str(editor))
    app = FtoBriefApp([str(path)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
    args = record.read_text(encoding="utf-8").split()
    assert str(path) in args
    assert args == ["+6", str(path)]


@pytest.mark.parametrize(
    ("mistake", "replacement"),
    [
        ("a bad date in the file", "    description: Changed.\n    founded: 2025-02-30\n"),
        (
            "an unknown reference",
            "    description: Changed.\n    relations:\n"
            "      - {type: rival-of, organisation: nobody}\n",
        ),
    ],
)
async def test_a_file_saved_with_a_mistake_of_either_kind_shows_its_last_good_version(
    tmp_path: Path, mistake: str, replacement: str
) -> None:
    path = tmp_path / "a.yaml"
    good = "briefing:\n  title: A\norganisations:\n  - id: o\n    name: O\n"
    path.write_text(good + "    description: Before.\n", encoding="utf-8")
    app = FtoBriefApp([str(path)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        path.write_text(good + replacement, encoding="utf-8")
        await pilot.press("r")
        await settle(app, pilot)
        organisation = app.collection.get("o")
        assert organisation is not None
        assert organisation.description == "Before.", mistake  # type: ignore[union-attr]
        assert app.assembly.last_good == (str(path),)
        assert "1 error" in app.reader.query_one("#status").text
        # The problems are those of the file on disk, as check reports them.
        assert app.all_problems() == load([path]).problems
    assert os.path.exists(path)


async def test_a_file_opened_with_ctrl_o_reports_what_the_status_line_counts(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.yaml").write_text(
        "briefing:\n  title: A\n  as_of: 2025-02-30\nspeakers:\n  - id: s\n    name: S\n",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        "speakers:\n  - id: s\n    name: S\n    description: Two.\n", encoding="utf-8"
    )
    app = FtoBriefApp([str(tmp_path / "a.yaml")], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.press("ctrl+o", *str(tmp_path / "b.yaml"), "enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ProblemsScreen)
        expected = load([tmp_path / "a.yaml", tmp_path / "b.yaml"]).problems
        assert screen.problems == expected
        errors = sum(p.is_error for p in expected)
        warnings = len(expected) - errors
        status = app.reader.query_one("#status").text
        assert f"{errors} error" in status and f"{warnings} warning" in status


async def test_e_on_a_role_another_file_gives_opens_that_file_at_the_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fto_tui.loader import bundled_paths
    from fto_tui.model import Speaker

    houthis = Path(__file__).parents[1] / "data" / "library" / "houthis.yaml"
    record = tmp_path / "editor-args"
    editor = tmp_path / "vim"
    editor.write_text(f'#!/bin/sh\necho "$@" > {record}\n', encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(editor))
    app = FtoBriefApp([*map(str, bundled_paths()), str(houthis)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.reader.open_entity("marco-rubio")
        app.reader.detail.focus()
        await pilot.pause()
        rubio = app.collection.get("marco-rubio")
        assert isinstance(rubio, Speaker)
        (role,) = [r for r in rubio.roles if r.organisation == "white-house"]
        assert app.reader.detail.select_link("white-house")
        await pilot.press("e")
        await settle(app, pilot)
    assert record.read_text(encoding="utf-8").split() == [f"+{role.origin.line}", str(houthis)]

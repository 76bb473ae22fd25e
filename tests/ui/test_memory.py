"""The memory in the reader: every key (a, m, t, u, A, U) and view, under Pilot."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from fto_tui.memory.store import FILE_NAME, ItemInfo, open_store
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens.changes import ChangesScreen
from fto_tui.ui.screens.confirm import ConfirmScreen
from fto_tui.ui.screens.note_editor import NoteEditorScreen
from fto_tui.ui.screens.notes import NotesScreen
from fto_tui.ui.screens.search import SearchScreen
from fto_tui.ui.screens.tags import TagsScreen
from tests.ui.helpers import lines, pane, settle

BRIEFING = """\
briefing:
  title: Memory test
organisations:
  - id: alpha
    name: Alpha Front
    description: First description.
  - id: beta
    name: Beta Group
  - id: gamma
    name: Gamma Cell
"""


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "memory.yaml"
    path.write_text(BRIEFING)
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _app(briefing: Path, data: Path) -> FtoBriefApp:
    return FtoBriefApp([str(briefing)], watch=False, data_dir=str(data))


def _messages(app: FtoBriefApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _detail_text(app: FtoBriefApp) -> list[str]:
    return [block.render().plain for block in app.reader.detail.document.blocks]


async def test_a_writes_a_multi_line_note_and_ctrl_s_saves_it(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        await pilot.press(*"Watch [b]this[/b]", "enter", *"second line")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditorScreen)
        assert "Note saved." in _messages(app)
        await pilot.press("enter")
        await pilot.pause()
        text = _detail_text(app)
        assert "Your note" in text and "Watch [b]this[/b]" in text and "second line" in text
    note = open_store(data).note("alpha")  # type: ignore[union-attr]
    assert note is not None and note.text == "Watch [b]this[/b]\nsecond line"
    assert note.file == str(briefing) and note.about == "Alpha Front" and note.fingerprint


async def test_escape_asks_before_discarding_a_changed_note(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditorScreen)
        await pilot.press("a", *"draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.text_area.text == "draft"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, (NoteEditorScreen, ConfirmScreen))
        assert app.memory is not None and app.memory.annotations == {}


async def test_m_toggles_a_bookmark_marked_in_the_pane(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "m")
        await pilot.pause()
        assert "Bookmarked." in _messages(app)
        rows = lines(pane(app, Pane.ORGANISATIONS))
        assert rows[1].startswith("* Beta Group") and rows[0].startswith("Alpha Front")
        assert open_store(data).bookmarked() == {"beta"}  # type: ignore[union-attr]
        await pilot.press("m")
        await pilot.pause()
        assert open_store(data).bookmarked() == set()  # type: ignore[union-attr]
        assert lines(pane(app, Pane.ORGANISATIONS))[1].startswith("Beta Group")


async def test_t_edits_tags(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagsScreen)
        await pilot.press(*"urgent, watch list", "enter")
        await pilot.pause()
        assert open_store(data).tags("alpha") == ("urgent", "watch list")  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        assert "Tags: urgent, watch list" in _detail_text(app)
        await pilot.press("t", "escape")  # Escape leaves them as they were
        await pilot.pause()
        assert open_store(data).tags("alpha") == ("urgent", "watch list")  # type: ignore[union-attr]


def _note(data: Path, item_id: str, about: str, text: str, file: str = "x.yaml") -> None:
    store = open_store(data)
    assert store is not None
    store.save_note(ItemInfo(item_id, file, "organisation", about, "f"), text)


async def test_notes_view_filters_jumps_and_lists_orphans(briefing: Path, data: Path) -> None:
    _note(data, "gamma", "Gamma Cell", "about gamma", str(briefing))
    _note(data, "vanished", "The Vanished Group", "kept forever")
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("A")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert {a.item_id for a in screen.shown} == {"gamma", "vanished"}
        assert "orphaned" in str(screen.query_one("#notes-dialog").border_title)
        await pilot.press(*"vanished")
        await pilot.pause()
        assert [a.item_id for a in screen.shown] == ["vanished"]
        detail = str(screen.query_one("#notes-detail").render())
        assert "The Vanished Group" in detail and "Orphaned" in detail and "kept forever" in detail
        await pilot.press("enter")  # an orphan has nowhere to go: the view stays
        await pilot.pause()
        assert app.screen is screen
        for _ in "vanished":
            await pilot.press("backspace")
        await pilot.press(*"gamma", "enter")
        await pilot.pause()
        assert app.reader.current == "gamma"


async def test_search_and_palette_find_notes(briefing: Path, data: Path) -> None:
    _note(data, "beta", "Beta Group", "smuggling corridor", str(briefing))
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"corridor")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert "your notes and tags" in str(screen.query_one("#search-label").render())
        [hit] = screen.results._hits
        assert (hit.entity_id, hit.field) == ("beta", "note")
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current == "beta"
        from fto_tui.ui.note_commands import NoteCommands

        provider = NoteCommands(app.screen)
        hits = [hit async for hit in provider.search("smuggling")]
        assert len(hits) == 1


def _changed_briefing(briefing: Path) -> None:
    briefing.write_text(
        BRIEFING.replace("First description.", "Second description.").replace(
            "  - id: beta\n    name: Beta Group\n", "  - id: delta\n    name: Delta Wing\n"
        )
    )


async def test_changes_are_marked_listed_and_marked_read(briefing: Path, data: Path) -> None:
    first = _app(briefing, data)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first, pilot)
        assert first.memory is not None and first.memory.changes == {}
    _changed_briefing(briefing)
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.memory is not None
        kinds = {i: c.kind for i, c in app.memory.changes.items()}
        assert kinds == {"alpha": "changed", "delta": "new", "beta": "gone"}
        assert "Since you last read: 1 new, 1 changed, 1 gone. U lists them." in _messages(app)
        rows = lines(pane(app, Pane.ORGANISATIONS))
        assert rows[0].startswith("~ Alpha Front") and rows[1].startswith("+ Delta Wing")
        await pilot.press("enter")
        await pilot.pause()
        text = _detail_text(app)
        assert "Changed since you last read" in text
        assert any("First description." in t and "Second description." in t for t in text)
        await pilot.press("U")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ChangesScreen)
        assert len(screen.changes) == 3
        detail = str(screen.query_one("#changes-detail").render())
        assert "was:" in detail or "now:" in detail
        await pilot.press("u")  # marks the highlighted one read
        await pilot.pause()
        assert len(screen.changes) == 2 and len(app.memory.changes) == 2
        await pilot.press("escape")
        await pilot.pause()
        remaining = set(app.memory.changes)
        if "alpha" in remaining:
            app.reader.pane(Pane.ORGANISATIONS).focus()
            await pilot.press("home", "u")
            await pilot.pause()
            assert "alpha" not in app.memory.changes
        await app.reader.run_action("mark_all_read")
        await settle(app, pilot)
        assert app.memory.changes == {}
        assert lines(pane(app, Pane.ORGANISATIONS))[0].startswith("Alpha Front")
    again = _app(briefing, data)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.memory is not None and again.memory.changes == {}


async def test_the_palette_offers_mark_all_read(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Mark all read" in titles and "Notes" in titles and "Changes" in titles


async def test_u_on_an_unchanged_item_says_so(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing new or changed here since you last read it." in _messages(app)


async def test_an_unusable_data_dir_leaves_the_reader_working(
    briefing: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = _app(briefing, blocker / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert any("Notes are off" in m for m in _messages(app))
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditorScreen)
        await pilot.press("m", "down", "enter")
        await pilot.pause()
        assert app.reader.current == "beta"


async def test_a_corrupt_database_is_named_in_the_notice(briefing: Path, data: Path) -> None:
    data.mkdir()
    (data / FILE_NAME).write_bytes(b"garbage" * 1000)
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        [aside] = data.glob(f"{FILE_NAME}.corrupt-*")
        assert any(str(aside) in m for m in _messages(app))
        await pilot.press("m")
        await pilot.pause()
        assert "Bookmarked." in _messages(app)


async def test_a_newer_database_gives_read_only_notes(briefing: Path, data: Path) -> None:
    _note(data, "alpha", "Alpha Front", "from a newer version")
    with sqlite3.connect(data / FILE_NAME) as db:
        db.execute("PRAGMA user_version = 99")
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert any("newer" in m for m in _messages(app))
        await pilot.press("enter")
        await pilot.pause()
        assert "from a newer version" in _detail_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditorScreen)


async def test_a_note_that_cannot_be_saved_stays_in_the_editor(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a", *"do not lose me")
        await pilot.pause()
        assert app.memory is not None and app.memory.store is not None
        app.memory.store.writable = False  # the data directory became read-only meanwhile
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditorScreen)
        assert app.screen.text_area.text == "do not lose me"
        assert any("read-only" in m for m in _messages(app))


async def test_keys_pressed_while_the_store_opens_are_not_lost(
    briefing: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(briefing, data)
    assert app.memory is not None
    monkeypatch.setattr(app.memory, "open", lambda: None)  # opened below, by hand
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert not app.memory.opened
        await pilot.press("m")
        await pilot.pause()
        assert "Bookmarked." not in _messages(app)
        await asyncio.to_thread(app.memory._open)  # as the worker does
        await settle(app, pilot)
        assert "Bookmarked." in _messages(app)
        assert open_store(data).bookmarked() == {"alpha"}  # type: ignore[union-attr]


async def test_a_reload_shows_notes_another_reader_saved(briefing: Path, data: Path) -> None:
    app = _app(briefing, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        _note(data, "beta", "Beta Group", "saved by the other reader", str(briefing))
        assert app.memory is not None and "beta" not in app.memory.annotations
        await pilot.press("r")
        await settle(app, pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "saved by the other reader" in _detail_text(app)

"""``e`` opens the selected item's file at its line in the user's editor.

The editor here is a small script named ``vim`` (so it is given ``+LINE``) that records its
arguments and, when asked, rewrites the briefing the way a user would. Under Pilot the app is
headless and cannot be suspended: the reader then runs the editor without a terminal (see
``fto_tui/ui/editing.py``), which is what lets these tests see the command it ran.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from fto_tui.config import Config
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from tests.ui.factories import SAMPLE
from tests.ui.helpers import pane, settle

SCRIPT = """\
import json, os, sys
with open(os.environ["FAKE_EDITOR_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
old, new = os.environ.get("FAKE_EDITOR_REPLACE", "").partition("=>")[::2]
if old:
    path = sys.argv[-1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))
sys.exit(int(os.environ.get("FAKE_EDITOR_STATUS", "0")))
"""


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    copy = tmp_path / "sample.yaml"
    shutil.copyfile(SAMPLE, copy)
    return copy


@pytest.fixture
def editor_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Install the recording editor as $EDITOR; the file it records its arguments in."""
    program = tmp_path / "bin" / "vim"
    program.parent.mkdir()
    program.write_text(f"#!{sys.executable}\n{SCRIPT}", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "argv.jsonl"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(program))
    monkeypatch.setenv("FAKE_EDITOR_LOG", str(log))
    return log


def _calls(log: Path) -> list[list[str]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


async def test_e_opens_the_highlighted_item_at_its_line(briefing: Path, editor_log: Path) -> None:
    app = FtoBriefApp([str(briefing)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "down")
        entity = pane(app, Pane.SPEAKERS).highlighted
        assert entity is not None
        await pilot.press("e")
        await settle(app, pilot)
        assert _calls(editor_log) == [[f"+{entity.origin.line}", str(briefing)]]
        assert entity.origin.line > 1
        assert app.is_running
        # The app still answers keys afterwards.
        await pilot.press("1")
        assert app.reader.active_pane is Pane.ORGANISATIONS


async def test_e_in_the_detail_opens_the_item_shown(briefing: Path, editor_log: Path) -> None:
    app = FtoBriefApp([str(briefing)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.reader.open_entity("south-gang")
        await pilot.press("4", "e")
        await settle(app, pilot)
        entity = app.collection.get("south-gang")
        assert entity is not None
        line = entity.origin.line
        assert _calls(editor_log) == [[f"+{line}", str(briefing)]]


async def test_with_reload_off_the_edit_is_read_after_the_editor_exits(
    briefing: Path, editor_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_EDITOR_REPLACE", "name: North Cartel=>name: Edited Cartel")
    app = FtoBriefApp([str(briefing)], config=Config(reload=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app._watcher is None
        await pilot.press("e")
        await settle(app, pilot)
        assert len(_calls(editor_log)) == 1
        edited = app.collection.get("north-cartel")
        assert edited is not None
        assert getattr(edited, "name", None) == "Edited Cartel"


async def test_a_failing_editor_is_a_notification(
    briefing: Path, editor_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_EDITOR_STATUS", "3")
    app = FtoBriefApp([str(briefing)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("exited with status 3" in m for m in messages), messages
        assert app.is_running


async def test_a_missing_editor_is_a_notification(
    briefing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor") + " --wait")
    app = FtoBriefApp([str(briefing)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert any("no-such-editor" in m and "was not found" in m for m in messages), messages
        assert app.is_running


async def test_a_driver_that_cannot_suspend_says_what_to_open(
    briefing: Path, editor_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FtoBriefApp, "is_headless", property(lambda self: False))
    app = FtoBriefApp([str(briefing)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        assert _calls(editor_log) == []
        messages = [n.message for n in app._notifications]
        assert any("cannot be handed over" in m and str(briefing) in m for m in messages)


async def test_edit_is_disabled_without_a_selected_item(editor_log: Path) -> None:
    app = FtoBriefApp([os.devnull], watch=False)  # nothing loaded
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        while len(app.screen_stack) > 1:
            app.pop_screen()
        await pilot.pause()
        assert app.reader.edit_target() is None
        assert app.reader.check_action("edit", ()) is None
        await pilot.press("e")
        await settle(app, pilot)
        assert _calls(editor_log) == []


async def test_edit_binding_has_an_id_a_tooltip_and_shows_in_the_footer() -> None:
    from textual.binding import Binding

    from fto_tui.ui.screens.reader import ReaderScreen

    (binding,) = [b for b in Binding.make_bindings(ReaderScreen.BINDINGS) if b.action == "edit"]
    assert binding.id == "reader.edit"
    assert binding.key == "e"
    assert binding.tooltip
    assert binding.show


async def test_edit_is_in_the_command_palette_with_its_key() -> None:
    app = FtoBriefApp([str(SAMPLE)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert "Edit" in commands
        assert "(key: e)" in commands["Edit"]

"""The open dialog: type a path or pick a YAML file from a tree that never opens files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from fto_tui.ui.screens.open_briefing import (
    BriefingTree,
    OpenBriefingScreen,
    check_path,
    is_listed,
)

MARKUP_NAME = "[bold]x [@click=app.quit]q.yaml"  # no "/" in a file name
ESCAPE_NAME = "esc\x1b]0;owned\x07.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in (
        "a.yaml",
        "b.yml",
        "C.YAML",
        "notes.txt",
        ".hidden.yaml",
        MARKUP_NAME,
        ESCAPE_NAME,
    ):
        (tmp_path / name).write_text("briefing: {title: x}\n")
    (tmp_path / ".hiddendir").mkdir()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.yaml").write_text("briefing: {title: c}\n")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "linkdir").symlink_to(tmp_path)
    (tmp_path / "link.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "missing.yaml")
    return tmp_path


LISTED = [
    "sub",
    MARKUP_NAME,
    "a.yaml",
    "b.yml",
    "C.YAML",
    "esc\\u001b]0;owned\\u0007.yaml",
    "link.yaml",
]


class OpenApp(App[None]):
    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = start
        self.results: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(OpenBriefingScreen(self.start), self.results.append)


async def loaded_tree(pilot: Pilot[None]) -> BriefingTree:
    tree = pilot.app.screen.query_one(BriefingTree)
    for _ in range(100):
        await pilot.pause(0.02)
        if tree.root.children:
            break
    await pilot.pause()
    return tree


def screen_text(app: App[None]) -> str:
    update = app.screen._compositor.render_full_update()
    return "\n".join(
        "".join(segment.text for strip in row for segment in strip) for row in update.strips
    )


def test_is_listed(folder: Path) -> None:
    shown = sorted(p.name for p in folder.iterdir() if is_listed(p))
    assert shown == sorted(
        ["sub", MARKUP_NAME, "a.yaml", "b.yml", "C.YAML", ESCAPE_NAME, "link.yaml"]
    )


def test_check_path(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(folder))
    assert check_path("~/a.yaml") == (folder / "a.yaml", "")
    assert check_path(f"  '{folder / 'b.yml'}' ") == (folder / "b.yml", "")
    assert check_path(str(folder / "sub")) == (folder / "sub", "")
    assert check_path("")[0] is None
    path, problem = check_path(str(folder / "nope.yaml"))
    assert path is None and problem.startswith("No such file or directory")
    path, problem = check_path(str(folder / "fifo.yaml"))
    assert path is None and problem.startswith("Not a regular file")
    assert check_path("bad\x00path")[0] is None


async def test_tree_lists_directories_and_yaml_literally(folder: Path) -> None:
    app = OpenApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await loaded_tree(pilot)
        labels = [str(node.label) for node in tree.root.children]
        assert labels == LISTED
        text = screen_text(app)
        assert "[bold]x [@click=app.quit]q.yaml" in text
        assert "esc\\u001b]0;owned\\u0007.yaml" in text
        assert "\x1b" not in text


async def test_typed_path_with_tilde(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(folder))
    app = OpenApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(Input).has_focus
        await pilot.press(*"~/b.yml", "enter")
        await pilot.pause()
        assert app.results == [str(folder / "b.yml")]


async def test_missing_path_shows_message_and_stays(folder: Path) -> None:
    app = OpenApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one(Input).value = str(folder / "[/]nope.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == []
        assert isinstance(app.screen, OpenBriefingScreen)
        message = app.screen.query_one("#open-message", Static)
        shown = str(message.render())
        assert shown == f"No such file or directory: {folder}/[/]nope.yaml"
        assert "No such file or directory" in screen_text(app)
        await pilot.press("x")  # typing clears the message
        await pilot.pause()
        assert "No such file" not in screen_text(app)


async def test_escape_cancels(folder: Path) -> None:
    app = OpenApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert app.is_running


async def test_selecting_a_file_returns_it(folder: Path) -> None:
    app = OpenApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await loaded_tree(pilot)
        tree.focus()
        node = next(n for n in tree.root.children if str(n.label) == MARKUP_NAME)
        tree.move_cursor(node)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if app.results:
                break
        assert app.results == [str(folder / MARKUP_NAME)]
        assert app.is_running


async def test_selecting_a_directory_expands_it(folder: Path) -> None:
    app = OpenApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = await loaded_tree(pilot)
        tree.focus()
        sub = tree.root.children[0]
        tree.move_cursor(sub)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if sub.children:
                break
        assert [str(n.label) for n in sub.children] == ["c.yaml"]
        assert app.results == []

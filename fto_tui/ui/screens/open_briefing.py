"""Open a briefing from disk: type or paste a path, or pick a file in a directory tree.

The tree lists only directories and regular ``*.yaml`` / ``*.yml`` files, and never opens a
file: FIFOs, devices and broken links named ``*.yaml`` are left out, hidden entries too, and
symbolic links to directories are not listed, so no loop can be walked into. Listing happens in
the tree's worker thread. File names are shown literally, control characters made visible.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text, TextType
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

from fto_tui.ui.safe import visible

YAML_SUFFIXES = (".yaml", ".yml")


def is_listed(path: Path) -> bool:
    """Whether the tree shows ``path``: a visible directory (not a link to one) or a visible
    regular file ending in ``.yaml`` / ``.yml``. Only ``lstat``/``stat`` are called."""
    if path.name.startswith("."):
        return False
    try:
        link = path.lstat()
        if stat.S_ISDIR(link.st_mode):
            return True
        if not path.name.lower().endswith(YAML_SUFFIXES):
            return False
        target = path.stat() if stat.S_ISLNK(link.st_mode) else link
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(target.st_mode)


class BriefingTree(DirectoryTree):
    """A directory tree showing directories and YAML briefings only."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if is_listed(path)]

    def process_label(self, label: TextType) -> Text:
        if isinstance(label, str):
            return Text(visible(label))
        return super().process_label(label)


def check_path(value: str) -> tuple[Path | None, str]:
    """(the path to open, "") or (None, why not) for what the user typed."""
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]  # pasted with quotes around it
    if not text:
        return None, "Type the path of a briefing file or of a directory of briefings."
    path = Path(text).expanduser()
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None, f"No such file or directory: {text}"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return None, f"Not a regular file or directory: {text}"
    return path, ""


class OpenBriefingScreen(ModalScreen[str | None]):
    """Returns the path chosen (``~`` expanded), or None when cancelled with Escape.

    Enter in the input opens what is typed: a YAML file, or a directory (every briefing in
    it). Selecting a file in the tree opens it; selecting a directory expands it.
    """

    DEFAULT_CSS = """
    OpenBriefingScreen {
        align: center middle;
    }
    #open-dialog {
        width: 90%;
        max-width: 100;
        height: 85%;
        border: round $primary;
        border-title-color: $text-primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    #open-help {
        color: $text-muted;
    }
    #open-message {
        color: $text-error;
        height: auto;
    }
    #open-tree {
        height: 1fr;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="open.cancel"),
    ]

    def __init__(self, start: Path) -> None:
        super().__init__()
        self.start = Path(start).expanduser()

    def compose(self) -> ComposeResult:
        with Vertical(id="open-dialog") as dialog:
            dialog.border_title = Content("Open a briefing")
            dialog.border_subtitle = Content("Enter opens · Escape cancels")
            yield Static(
                Content("Type or paste a path (~ works), or pick a YAML file below."),
                id="open-help",
            )
            yield Input(
                placeholder="path/to/briefing.yaml or a directory",
                id="open-path",
                select_on_focus=False,
            )
            yield Static(Content(""), id="open-message")
            yield BriefingTree(self.start, id="open-tree")

    def on_mount(self) -> None:
        self.query_one("#open-path", Input).focus()

    def show_message(self, message: str) -> None:
        self.query_one("#open-message", Static).update(Content(visible(message)))

    @on(Input.Submitted, "#open-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path, problem = check_path(event.value)
        if path is None:
            self.show_message(problem)
            return
        self.dismiss(os.fspath(path))

    @on(Input.Changed, "#open-path")
    def _changed(self, event: Input.Changed) -> None:
        self.show_message("")

    @on(DirectoryTree.FileSelected, "#open-tree")
    def _file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        path, problem = check_path(os.fspath(event.path))
        if path is None:  # gone since it was listed
            self.show_message(problem)
            return
        with self.prevent(Input.Changed):
            self.query_one("#open-path", Input).value = os.fspath(path)
        self.dismiss(os.fspath(path))

    def action_cancel(self) -> None:
        self.dismiss(None)

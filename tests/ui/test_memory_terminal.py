"""End to end: notes written in the installed ``fto-brief`` in a real terminal (tmux) are there
after the reader quits and starts again, and after it is killed with SIGKILL right after a save.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.factories import SAMPLE
from tests.ui.test_terminal import Terminal

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("fto-brief") is None,
    reason="needs tmux and the installed fto-brief command",
)


class Reader:
    """Starts ``fto-brief`` on a copy of the sample briefing, each time in a new tmux server,
    always with the same data directory; records the reader's process id."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.pid_file = folder / "reader.pid"
        shutil.copy(SAMPLE, folder / "sample.yaml")
        self.terminals: list[Terminal] = []

    def start(self) -> Terminal:
        name = f"fto-brief-notes-{uuid.uuid4().hex[:8]}"
        env = {
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_CACHE_HOME": str(self.folder / "cache"),
            "XDG_DATA_HOME": str(self.folder / "xdg-data"),
            "TERM": "xterm-256color",
        }
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        program = shlex.quote(shutil.which("fto-brief") or "fto-brief")
        run = (
            f"echo $$ > {shlex.quote(str(self.pid_file))}; exec env {exports} {program} "
            f"--data-dir {shlex.quote(str(self.data))} sample.yaml"
        )
        command = (
            f"cd {shlex.quote(str(self.folder))} && sh -c {shlex.quote(run)}; "
            "echo fto-brief-exited-$?; sleep 30"
        )
        terminal = Terminal(name)
        subprocess.run(
            terminal.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command),
            check=True,
            env={**os.environ, "TMUX": ""},
        )
        self.terminals.append(terminal)
        return terminal

    def pid(self) -> int:
        return int(self.pid_file.read_text().strip())

    def close(self) -> None:
        for terminal in self.terminals:
            subprocess.run(terminal.tmux("kill-server"), check=False, capture_output=True)


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Reader]:
    started = Reader(tmp_path)
    try:
        yield started
    finally:
        started.close()


def _write_note(terminal: Terminal, text: str) -> None:
    terminal.wait_for("3 organisations")
    terminal.keys("a")
    terminal.wait_for("Note on")
    terminal.keys("-l", text)
    terminal.wait_for(text)
    terminal.keys("C-s")
    terminal.wait_for("Note saved.")


def _note_shown(terminal: Terminal, text: str) -> None:
    terminal.wait_for("3 organisations")
    terminal.keys("Enter")
    screen = terminal.wait_for("Your note")
    assert text in screen


def test_a_note_is_there_after_quitting_and_starting_again(reader: Reader) -> None:
    first = reader.start()
    _write_note(first, "Watch the northern corridor")
    first.keys("q")
    first.wait_for("fto-brief-exited-0")
    _note_shown(reader.start(), "Watch the northern corridor")
    assert (reader.data / "memory.db").is_file()


def test_a_saved_note_survives_sigkill(reader: Reader) -> None:
    first = reader.start()
    _write_note(first, "Saved before the kill")
    os.kill(reader.pid(), signal.SIGKILL)
    first.wait_for("fto-brief-exited-137")
    _note_shown(reader.start(), "Saved before the kill")


def test_two_readers_at_once_both_save_notes(reader: Reader) -> None:
    first = reader.start()
    second = reader.start()
    first.wait_for("3 organisations")
    second.wait_for("3 organisations")
    second.keys("j")
    _write_note(first, "Noted in the first reader")
    _write_note(second, "Noted in the second reader")
    for terminal in (first, second):
        terminal.keys("q")
        terminal.wait_for("fto-brief-exited-0")
    third = reader.start()
    third.wait_for("3 organisations")
    third.keys("A")
    screen = third.wait_for("Notes (2 of 2)")
    assert "Noted in the first reader" in screen and "Noted in the second reader" in screen

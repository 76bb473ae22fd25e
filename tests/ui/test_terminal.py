"""End to end: the installed ``fto-brief`` in a real terminal (tmux), driven with keys."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.factories import SAMPLE

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("fto-brief") is None,
    reason="needs tmux and the installed fto-brief command",
)


class Terminal:
    """A tmux session on its own server (socket), so no running tmux is touched."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> list[str]:
        return ["tmux", "-L", self.name, *args]

    def keys(self, *keys: str) -> None:
        subprocess.run(self.tmux("send-keys", "-t", self.name, *keys), check=True)

    def screen(self) -> str:
        done = subprocess.run(
            self.tmux("capture-pane", "-p", "-t", self.name),
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """The screen once ``text`` is on it (fails with the last screen after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def wait_until_gone(self, text: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while text in (screen := self.screen()):
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} stayed; the screen was:\n{screen}")
            time.sleep(0.1)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    name = f"fto-brief-test-{uuid.uuid4().hex[:8]}"
    briefing = tmp_path / "sample.yaml"
    shutil.copy(SAMPLE, briefing)
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
    program = shlex.quote(shutil.which("fto-brief") or "fto-brief")
    command = (
        f"cd {shlex.quote(str(tmp_path))} && env {exports} {program} sample.yaml; "
        "echo fto-brief-exited-$?; sleep 30"
    )
    terminal = Terminal(name)
    subprocess.run(
        terminal.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command),
        check=True,
        env={**os.environ, "TMUX": ""},
    )
    try:
        yield terminal
    finally:
        subprocess.run(terminal.tmux("kill-server"), check=False, capture_output=True)


def test_the_main_path_with_keys(terminal: Terminal) -> None:
    screen = terminal.wait_for("3 organisations")
    for text in ("1 Organisations (3)", "2 Speakers (2)", "3 Chronology (4)", "North Cartel"):
        assert text in screen
    terminal.keys("j", "Enter")
    screen = terminal.wait_for("Kind: gang")
    assert "South Gang" in screen
    terminal.keys("/")
    terminal.wait_for("Search names")
    terminal.keys("truce")
    terminal.wait_for("1 found")
    terminal.keys("Enter")
    screen = terminal.wait_for("Participants (2)")
    assert "A short truce between the cartel and the gang" in screen
    terminal.keys("BSpace")
    terminal.wait_for("Kind: gang")
    terminal.keys("?")
    screen = terminal.wait_for("Escape closes")
    assert "Next pane" in screen
    terminal.keys("Escape")
    terminal.wait_until_gone("Escape closes")
    terminal.keys("q")
    terminal.wait_for("fto-brief-exited-0")

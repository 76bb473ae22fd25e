"""The command that opens a briefing at a line in the user's editor."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from fto_tui.editor import EditorError, choose_editor, editor_command, editor_name

PATH = "briefings/example.yaml"


@pytest.mark.parametrize(
    ("editor", "expected"),
    [
        ("vi", ["vi", "+12", PATH]),
        ("vim", ["vim", "+12", PATH]),
        ("nvim", ["nvim", "+12", PATH]),
        ("/usr/bin/nvim", ["/usr/bin/nvim", "+12", PATH]),
        ("nano", ["nano", "+12", PATH]),
        ("emacs -nw", ["emacs", "-nw", "+12", PATH]),
        ("emacsclient -t", ["emacsclient", "-t", "+12", PATH]),
        ("micro", ["micro", "+12", PATH]),
        ("kak", ["kak", "+12", PATH]),
        ("hx", ["hx", f"{PATH}:12"]),
        ("helix", ["helix", f"{PATH}:12"]),
        ("code --wait", ["code", "--wait", "--goto", f"{PATH}:12"]),
        ("codium -w", ["codium", "-w", "--goto", f"{PATH}:12"]),
        ("cursor --wait", ["cursor", "--wait", "--goto", f"{PATH}:12"]),
        ("subl -w", ["subl", "-w", f"{PATH}:12"]),
        ("zed --wait", ["zed", "--wait", f"{PATH}:12"]),
        ("'/opt/my editors/vim' -u NONE", ["/opt/my editors/vim", "-u", "NONE", "+12", PATH]),
        ("ed", ["ed", PATH]),
        ("someeditor --flag", ["someeditor", "--flag", PATH]),
    ],
)
def test_command_for_each_editor(editor: str, expected: list[str]) -> None:
    assert editor_command(editor, PATH, 12) == expected


def test_editor_names_ignore_folder_case_and_exe() -> None:
    assert editor_name("/usr/local/bin/nvim") == "nvim"
    assert editor_name("C:/Tools/Code.exe") == "code"
    assert editor_name("C:\\Tools\\hx.exe") == "hx"


def test_a_path_that_looks_like_an_option_or_line_is_made_plain() -> None:
    assert editor_command("vim", "-rf.yaml", 3) == ["vim", "+3", "./-rf.yaml"]
    assert editor_command("nano", "+5.yaml", 3) == ["nano", "+3", "./+5.yaml"]


def test_line_is_at_least_one() -> None:
    assert editor_command("vim", PATH, 0) == ["vim", "+1", PATH]


@pytest.mark.parametrize("editor", ["", "   ", "vim 'unclosed"])
def test_unusable_editor_settings_are_errors(editor: str) -> None:
    with pytest.raises(EditorError):
        editor_command(editor, PATH, 1)


def _which(installed: set[str]) -> Callable[[str], str | None]:
    return lambda name: f"/usr/bin/{name}" if name in installed else None


def test_visual_comes_before_editor() -> None:
    env = {"VISUAL": "code --wait", "EDITOR": "vim"}
    assert choose_editor(env, _which(set())) == "code --wait"


def test_editor_when_visual_is_unset_or_blank() -> None:
    assert choose_editor({"EDITOR": "vim"}, _which(set())) == "vim"
    assert choose_editor({"VISUAL": "  ", "EDITOR": "vim"}, _which(set())) == "vim"


def test_fallbacks_nano_then_vi_then_none() -> None:
    assert choose_editor({}, _which({"nano", "vi"})) == "nano"
    assert choose_editor({}, _which({"vi"})) == "vi"
    assert choose_editor({}, _which(set())) is None


def test_the_editor_module_imports_no_ui_library() -> None:
    probe = (
        "import sys, fto_tui.editor\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"

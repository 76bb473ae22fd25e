"""The command that opens a file at a line in the user's editor.

Pure: it chooses the editor from the environment and builds its argument list; running it (and
handing the terminal over) is the reader's business. Editors are told the line the way each
expects it:

- ``EDITOR +LINE FILE``: vi, vim, nvim, nano, emacs, micro, kak and their relatives;
- ``hx FILE:LINE`` (Helix), and ``subl`` / ``zed`` ``FILE:LINE``;
- ``code --goto FILE:LINE``: Visual Studio Code and its relatives (codium, cursor, ...);
- any other editor gets the file alone.

``$VISUAL`` and ``$EDITOR`` may hold arguments (``"code --wait"``); they are split like a shell
would split them, without running a shell.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Callable, Mapping, Sequence

#: Editors that take ``+LINE`` before the file.
PLUS_LINE = frozenset(
    {
        "vi",
        "vim",
        "nvim",
        "gvim",
        "mvim",
        "view",
        "vis",
        "nano",
        "pico",
        "rnano",
        "emacs",
        "emacsclient",
        "mg",
        "jed",
        "micro",
        "kak",
        "joe",
        "ne",
    }
)
#: Editors that take ``FILE:LINE``.
FILE_COLON_LINE = frozenset({"hx", "helix", "subl", "sublime_text", "zed", "zeditor"})
#: Editors that take ``--goto FILE:LINE`` (Visual Studio Code and its forks).
GOTO = frozenset({"code", "code-insiders", "codium", "vscodium", "cursor", "windsurf", "code-oss"})
#: Tried in order when neither ``$VISUAL`` nor ``$EDITOR`` is set.
FALLBACKS = ("nano", "vi")


class EditorError(ValueError):
    """``$VISUAL`` or ``$EDITOR`` cannot be used (empty, or quoted wrongly)."""


def choose_editor(
    environ: Mapping[str, str],
    which: Callable[[str], str | None] = shutil.which,
) -> str | None:
    """``$VISUAL``, else ``$EDITOR``, else the first of :data:`FALLBACKS` that is installed."""
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            return value
    for fallback in FALLBACKS:
        if which(fallback) is not None:
            return fallback
    return None


def editor_name(program: str) -> str:
    """The editor's name from its program: ``/usr/bin/nvim`` is ``nvim``, ``Code.exe`` ``code``."""
    name = program.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name.removesuffix(".exe")


def split_editor(editor: str) -> list[str]:
    """The program and arguments in an ``$EDITOR`` value."""
    try:
        words = shlex.split(editor)
    except ValueError as exc:
        raise EditorError(f"the editor setting {editor!r} cannot be read: {exc}") from None
    if not words:
        raise EditorError("the editor setting is empty")
    return words


def editor_command(editor: str, path: str, line: int) -> list[str]:
    """The argument list that opens ``path`` at ``line`` (from 1) in ``editor``.

    A relative path that starts with ``-`` or ``+`` is written ``./PATH``, so no editor reads
    it as an option or a line number."""
    words = split_editor(editor)
    if path.startswith(("-", "+")):
        path = os.path.join(".", path)
    line = max(line, 1)
    name = editor_name(words[0])
    if name in PLUS_LINE:
        return [*words, f"+{line}", path]
    if name in FILE_COLON_LINE:
        return [*words, f"{path}:{line}"]
    if name in GOTO:
        return [*words, "--goto", f"{path}:{line}"]
    return [*words, path]


def describe(command: Sequence[str]) -> str:
    """The command as one line a shell would accept (for messages)."""
    return shlex.join(command)

"""Running the user's editor from the reader, with the terminal handed over and back.

The command comes from :mod:`fto_tui.editor`. The editor runs while the app is suspended
(``App.suspend``): the terminal is the editor's until it exits, then the reader redraws.

Where the app cannot be suspended:

- headless (tests, automation), there is no terminal to hand over, so the editor runs with no
  terminal at all (standard input, output and error go nowhere) and the reader waits for it;
  a non-interactive editor command works as usual;
- anywhere else (a driver that cannot suspend, such as a web one), the editor is not run and
  the reader says which file and line to open instead.

Nothing here raises: every failure comes back as a sentence for a notification.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from textual.app import App, SuspendNotSupported

from fto_tui.editor import describe
from fto_tui.ui.safe import one_line


def run_editor(app: App[object], command: Sequence[str]) -> str | None:
    """Run ``command`` with the terminal handed over; ``None`` when it ran and succeeded,
    else what went wrong (plain text, not markup)."""
    program = command[0]
    if shutil.which(program) is None:
        return (
            f"The editor “{one_line(program)}” was not found. "
            "Set $VISUAL or $EDITOR to an editor that is installed."
        )
    try:
        with app.suspend():
            outcome = _run(command, detached=False)
    except SuspendNotSupported:
        if not app.is_headless:
            return "This terminal cannot be handed over to an editor. Run: " + one_line(
                describe(command)
            )
        outcome = _run(command, detached=True)
    if isinstance(outcome, OSError):
        reason = outcome.strerror or str(outcome)
        return f"The editor “{one_line(program)}” could not start: {one_line(reason)}."
    if outcome != 0:
        status = f"signal {-outcome}" if outcome < 0 else f"status {outcome}"
        return f"The editor “{one_line(program)}” exited with {status}."
    return None


def _run(command: Sequence[str], *, detached: bool) -> int | OSError:
    """The editor's exit status, or the error that stopped it starting. Never raises: an
    exception inside ``App.suspend`` would leave the terminal suspended."""
    try:
        if detached:
            completed = subprocess.run(
                list(command),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
        else:
            completed = subprocess.run(list(command), check=False)
    except OSError as exc:
        return exc
    except KeyboardInterrupt:
        return 130
    return completed.returncode

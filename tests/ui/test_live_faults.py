"""The live reader while the briefing file under it is written slowly, replaced by rename,
truncated, deleted, made unreadable, or turned into a directory, a FIFO or a symlink loop.

Each test starts the reader on one file with the watcher on, selects the South Gang, damages
the file and checks that the last good content stays shown, that the user is told (a
notification, or the problems view with a positioned diagnostic), that nothing partial is ever
shown, and that a whole new file is picked up again with the selection kept.

Real time is used only where the watcher needs it: it reports a change once the file has stayed
the same for 0.4 s. The app polls it every 0.1 s here instead of 0.5 s, which makes the tests
quicker and the check for partial documents stricter (more chances to catch one).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast
from textual.worker import Worker

from benchmarks.generate import write as write_large_briefing
from fto_tui.index import Collection
from fto_tui.loader import assemble, load_file
from fto_tui.problems import Problem
from fto_tui.ui import app as app_module
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens.help import HelpScreen
from fto_tui.ui.screens.problems import ProblemsScreen
from fto_tui.ui.screens.reader import ReaderScreen
from fto_tui.ui.widgets.status_line import StatusLine
from fto_tui.watch import FileChange, FileWatcher
from tests.privileges import as_ordinary_root
from tests.ui.factories import SAMPLE
from tests.ui.helpers import highlighted_id, lines, pane

SIZE = (120, 40)
POLL = 0.1
"""How often the app asks the watcher here (0.5 s in the app)."""
LIMIT = 20.0
"""Upper bound, in seconds, for the app to notice a change and show its outcome."""
SETTLE = FileWatcher([]).settle
ORIGINAL = ["North Cartel", "South Gang", "Department of Examples"]
FULL_COUNTS = assemble([load_file(str(SAMPLE))]).collection.counts()
REPO = Path(__file__).resolve().parents[2]


def _python_path() -> str:
    """This repository first, then whatever the caller had."""
    return os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])


def briefing_text(south_gang: str = "South Gang") -> str:
    """The sample briefing, with the South Gang's name changed to tell versions apart."""
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count("name: South Gang\n") == 1
    return text.replace("name: South Gang\n", f"name: {south_gang}\n")


def squeezed(text: str) -> str:
    """``text`` without any white space: soft-wrapped lines compare equal to unwrapped ones."""
    return "".join(text.split())


def names(collection: Collection) -> list[str]:
    return sorted(o.name for o in collection.organisations)


class Live:
    """The running reader on one file, with a record of everything it showed and said."""

    def __init__(self, app: FtoBriefApp, path: Path) -> None:
        self.app = app
        self.path = path
        self.shown: list[Collection] = []
        self.notices: list[tuple[str, str]] = []
        self.workers: list[Worker[Any]] = []
        self._pilot: Pilot[int] | None = None
        show, notify, add_worker = app.show_collection, app.notify, app.workers.add_worker

        def record_show(collection: Collection, *args: Any, **kwargs: Any) -> None:
            self.shown.append(collection)
            show(collection, *args, **kwargs)

        def record_notify(message: str, *args: Any, **kwargs: Any) -> None:
            self.notices.append((str(message), str(kwargs.get("severity", "information"))))
            notify(message, *args, **kwargs)

        def record_worker(worker: Worker[Any], *args: Any, **kwargs: Any) -> None:
            self.workers.append(worker)
            add_worker(worker, *args, **kwargs)

        app.show_collection = record_show  # type: ignore[method-assign]
        app.notify = record_notify  # type: ignore[method-assign,assignment]
        app.workers.add_worker = record_worker  # type: ignore[method-assign]

    @property
    def pilot(self) -> Pilot[int]:
        assert self._pilot is not None
        return self._pilot

    async def until(self, condition: Callable[[], object], what: str) -> None:
        """Let the app run until ``condition()`` holds (failing after :data:`LIMIT` s)."""
        deadline = time.monotonic() + LIMIT
        while not condition():
            assert time.monotonic() < deadline, f"gave up waiting for {what}"
            await self.pilot.pause(0.05)

    async def quiet(self) -> None:
        """Let running workers finish and their messages be handled."""
        for _ in range(2):
            await self.pilot.pause()
            await self.app.workers.wait_for_complete()
        await self.pilot.pause()

    # -- what the app shows -------------------------------------------------------------

    def organisations(self) -> list[str]:
        return [o.name for o in pane(self.app, Pane.ORGANISATIONS).items]

    def screen_lines(self, widget: Widget | None = None) -> list[str]:
        """The rendered screen (or the part ``widget`` covers), as text."""
        strips = self.app.screen._compositor.render_strips()
        if widget is None:
            return [strip.text for strip in strips]
        region = widget.region
        return [
            strips[y].crop(region.x, region.right).text
            for y in range(region.y, region.bottom)
            if y < len(strips)
        ]

    def toasts(self) -> list[str]:
        """The text of the notifications on screen."""
        return [
            " ".join(line.strip("▌ ") for line in self.screen_lines(toast))
            for toast in self.app.screen.query(Toast)
        ]

    def problems_shown(self) -> tuple[Problem, ...]:
        screen = self.app.screen
        return screen.problems if isinstance(screen, ProblemsScreen) else ()

    # -- checks ---------------------------------------------------------------------------

    def assert_last_good(self, south_gang: str = "South Gang") -> None:
        """The briefing as last loaded whole stays on screen, with the South Gang selected."""
        expected = [ORIGINAL[0], south_gang, ORIGINAL[2]]
        assert self.organisations() == expected
        assert sorted(expected) == names(self.app.collection)
        assert self.app.collection.counts() == FULL_COUNTS
        assert highlighted_id(self.app, Pane.ORGANISATIONS) == "south-gang"
        assert self.app.reader.current == "south-gang"
        assert south_gang in "\n".join(lines(self.app.reader.detail))
        assert self.app.open_files.has_good(str(self.path))

    def assert_only_whole_versions_shown(self, *south_gangs: str) -> None:
        """Every collection the app ever showed was a whole version of the file."""
        allowed = [sorted([ORIGINAL[0], name, ORIGINAL[2]]) for name in south_gangs]
        for collection in self.shown:
            assert collection.counts() == FULL_COUNTS
            assert names(collection) in allowed

    def assert_no_errors(self) -> None:
        """No worker failed (their errors do not end the app, so they would go unseen)."""
        failed = [(w.name, w.error) for w in self.workers if w.error is not None]
        assert not failed
        assert self.app.is_running

    async def told_by_problems(self, message: str) -> Problem:
        """The user is told (a notice; the view stays closed while they read on), and the
        problems view, opened with p, shows a positioned diagnostic saying ``message``."""
        await self.until(
            lambda: (
                any("p shows them" in notice for notice, _severity in self.notices)
                or self.problems_shown()
            ),
            "the notice",
        )
        if not self.problems_shown():
            assert isinstance(self.app.screen, ReaderScreen)
            await self.pilot.press("p")
        await self.until(self.problems_shown, "the problems view")
        problems = self.problems_shown()
        assert [p.path for p in problems] == [str(self.path)]
        problem = problems[0]
        assert problem.is_error
        assert (problem.position.line, problem.position.column) == (1, 1)
        expected = f"{self.path}:1:1: error: {message}"
        assert problem.format().startswith(expected)
        await self.pilot.pause()
        on_screen = self.screen_lines(self.app.screen.query_one("#problems-list"))
        assert squeezed(expected) in squeezed("".join(on_screen))
        assert "showing the last good version" in "\n".join(self.screen_lines())
        return problem

    async def dismiss(self) -> None:
        await self.pilot.press("escape")
        await self.until(lambda: isinstance(self.app.screen, ReaderScreen), "the main screen")

    async def restore(self, south_gang: str) -> None:
        """Put a valid file back (whatever is at the path now) and wait until it is shown."""
        if self.path.is_symlink() or not self.path.exists():
            self.path.unlink(missing_ok=True)
        elif self.path.is_dir():
            self.path.rmdir()
        elif not self.path.is_file():
            self.path.unlink()
        else:
            self.path.chmod(0o644)
        self.path.write_text(briefing_text(south_gang), encoding="utf-8")
        await self.until(lambda: south_gang in self.organisations(), "the restored file")
        await self.quiet()
        self.assert_last_good(south_gang)
        assert not [p for p in self.app.open_files.problems() if p.is_error]


@contextmanager
def quick_polling() -> Iterator[None]:
    with mock.patch.object(app_module, "WATCH_INTERVAL", POLL):
        yield


@asynccontextmanager
async def live_reader(path: Path) -> AsyncIterator[Live]:
    """The reader on ``path`` with the watcher on, the South Gang selected."""
    with quick_polling():
        app = FtoBriefApp([str(path)])
        live = Live(app, path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            live._pilot = pilot
            await live.until(lambda: app.collection.organisations, "the first load")
            await live.until(lambda: app._watcher is not None, "the watcher")
            await pilot.press("j", "enter")
            live.assert_last_good()
            yield live
            live.assert_no_errors()


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "briefing.yaml"
    path.write_text(briefing_text(), encoding="utf-8")
    return path


# -- saves --------------------------------------------------------------------------------


def chunks(text: str) -> list[str]:
    """``text`` cut at each top-level key and in the middle of lines."""
    cuts = [0]
    for key in ("sources:", "organisations:", "speakers:", "quotes:", "events:"):
        at = text.index(f"\n{key}") + 1
        cuts += [at - 7, at]
    cuts.append(len(text))
    return [text[a:b] for a, b in itertools.pairwise(cuts) if b > a]


def test_the_chunked_save_passes_through_valid_partial_briefings() -> None:
    """What the next test guards against is real: some prefixes of the save load cleanly."""
    text = briefing_text("South Gang (saved)")
    prefixes = list(itertools.accumulate(chunks(text)))
    assert prefixes[-1] == text
    partial_but_valid = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "prefix.yaml")
        for prefix in prefixes[:-1]:
            path.write_text(prefix, encoding="utf-8")
            loaded = load_file(str(path))
            if loaded.ok:
                partial_but_valid.append(loaded)
    assert len(partial_but_valid) >= 3
    assert all(assemble([f]).collection.counts() != FULL_COUNTS for f in partial_but_valid)


async def test_a_slow_save_in_place_is_shown_only_once_whole(briefing: Path) -> None:
    text = briefing_text("South Gang (saved)")
    async with live_reader(briefing) as live:
        gaps = []
        with briefing.open("r+", encoding="utf-8") as handle:
            handle.truncate(0)
            handle.flush()
            last = time.monotonic()
            for chunk in chunks(text):
                await live.pilot.pause(0.05)
                # At every look during the writes the app still shows the old version.
                live.assert_last_good()
                assert isinstance(live.app.screen, ReaderScreen)
                handle.write(chunk)
                handle.flush()
                now = time.monotonic()
                gaps.append(now - last)
                last = now
        if max(gaps) >= SETTLE:  # only on a machine that stalled for the whole settle time
            pytest.skip(f"the writes stalled for {max(gaps):.2f} s, as long as a finished save")
        await live.until(lambda: "South Gang (saved)" in live.organisations(), "the saved file")
        await live.quiet()
        live.assert_last_good("South Gang (saved)")
        live.assert_only_whole_versions_shown("South Gang", "South Gang (saved)")
        assert isinstance(live.app.screen, ReaderScreen)  # no failed reload on the way
        assert not [p for p in live.app.open_files.problems() if p.is_error]


async def test_a_save_by_write_and_rename_is_picked_up_each_time(briefing: Path) -> None:
    async with live_reader(briefing) as live:
        for version in ("South Gang (renamed)", "South Gang (renamed again)"):
            before = os.stat(briefing).st_ino
            replacement = briefing.with_name(".briefing.yaml.swp")
            replacement.write_text(briefing_text(version), encoding="utf-8")
            replacement.replace(briefing)
            assert os.stat(briefing).st_ino != before
            await live.until(lambda v=version: v in live.organisations(), version)
            await live.quiet()
            live.assert_last_good(version)
        live.assert_only_whole_versions_shown(
            "South Gang", "South Gang (renamed)", "South Gang (renamed again)"
        )
        assert isinstance(live.app.screen, ReaderScreen)


# -- faults ---------------------------------------------------------------------------------


async def test_a_file_truncated_to_empty_keeps_the_last_good_content(briefing: Path) -> None:
    async with live_reader(briefing) as live:
        briefing.write_bytes(b"")
        await live.told_by_problems("the file holds no YAML document")
        live.assert_last_good()
        await live.dismiss()
        live.assert_last_good()
        assert "1 error" in live.app.reader.query_one("#status").text
        await live.restore("South Gang (after truncation)")
        assert "error" not in live.app.reader.query_one("#status").text
        live.assert_only_whole_versions_shown("South Gang", "South Gang (after truncation)")


async def test_the_reload_failed_view_closes_once_the_file_is_fixed(briefing: Path) -> None:
    async with live_reader(briefing) as live:
        briefing.write_bytes(b"")
        await live.told_by_problems("the file holds no YAML document")
        # The reader leaves the view open; the file is fixed behind it.
        await live.restore("South Gang (fixed behind the view)")
        await live.until(lambda: isinstance(live.app.screen, ReaderScreen), "the view to close")
        assert ("Fixed: the reloaded briefing has no errors.", "information") in live.notices
        assert "error" not in live.app.reader.query_one("#status").text


async def test_a_deleted_file_keeps_its_content_and_comes_back(briefing: Path) -> None:
    async with live_reader(briefing) as live:
        briefing.unlink()
        await live.until(lambda: live.notices, "a notice")
        assert live.notices == [
            (f"{briefing} was deleted; its last content stays shown.", "warning")
        ]
        # Wait for the text itself: under load a toast can be on screen before it is drawn.
        notice = squeezed("was deleted; its last content stays shown.")
        await live.until(
            lambda: any(notice in squeezed(toast) for toast in live.toasts()),
            "the notice on screen",
        )
        assert live.app.open_files.is_deleted(str(briefing))
        assert isinstance(live.app.screen, ReaderScreen)
        live.assert_last_good()
        await live.restore("South Gang (re-created)")
        assert not live.app.open_files.is_deleted(str(briefing))
        live.assert_only_whole_versions_shown("South Gang", "South Gang (re-created)")


def make_directory(path: Path) -> None:
    path.unlink()
    path.mkdir()


def make_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def make_symlink_loop(path: Path) -> None:
    other = path.with_name("other.yaml")
    path.unlink()
    os.symlink(other.name, path)
    os.symlink(path.name, other)


@pytest.mark.parametrize(
    ("replace", "message"),
    [
        (make_directory, "cannot read file: it is a directory"),
        (make_fifo, "cannot read file: it is a FIFO, not a regular file"),
        (make_symlink_loop, "cannot read file: too many levels of symbolic links"),
    ],
    ids=["directory", "fifo", "symlink-loop"],
)
async def test_a_file_replaced_by_something_unreadable(
    briefing: Path, replace: Callable[[Path], None], message: str
) -> None:
    async with live_reader(briefing) as live:
        replace(briefing)
        await live.told_by_problems(message)
        live.assert_last_good()
        await live.dismiss()
        # Reloading by hand reads it again without hanging, and says the same.
        await live.pilot.press("r")
        await live.told_by_problems(message)
        await live.dismiss()
        live.assert_last_good()
        assert not live.app.open_files.is_deleted(str(briefing))
        await live.restore("South Gang (restored)")
        live.assert_only_whole_versions_shown("South Gang", "South Gang (restored)")


# -- unreadable -----------------------------------------------------------------------------


def test_the_watcher_notices_a_file_made_unreadable_and_readable_again(briefing: Path) -> None:
    """chmod changes neither size nor modification time; the watcher must still see it (this
    part needs no other user: it only calls stat)."""
    now = [1000.0]
    watcher = FileWatcher([briefing], settle=0.4, clock=lambda: now[0])
    for mode in (0, 0o644):
        briefing.chmod(mode)
        assert watcher.poll() == []  # not settled yet
        now[0] += 0.5
        assert watcher.poll() == [FileChange(str(briefing), "modified")]


async def unreadable_scenario(folder: Path) -> None:
    """Made unreadable in place (chmod 000), then readable with new content. Needs a user that
    permissions apply to: root reads ``chmod 000`` files."""
    path = folder / "briefing.yaml"
    path.write_text(briefing_text(), encoding="utf-8")
    async with live_reader(path) as live:
        path.chmod(0)
        await live.told_by_problems("cannot read file: permission denied")
        live.assert_last_good()
        await live.dismiss()
        await live.restore("South Gang (readable again)")
        live.assert_only_whole_versions_shown("South Gang", "South Gang (readable again)")


def _nobody() -> int | None:
    """The uid of 'nobody' when this process is root and 'nobody' can run this Python (the
    approach of ``tests/test_no_writes.py``)."""
    if os.geteuid() != 0:
        return None
    try:
        uid = pwd.getpwnam("nobody").pw_uid
        subprocess.run(
            [sys.executable, "-c", "import textual, yaml"],
            user=uid,
            check=True,
            timeout=30,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": _python_path()},
        )
    except (KeyError, OSError, subprocess.SubprocessError):
        return None
    return uid


def run_unreadable_scenario_as(
    uid: int | None, python: str = sys.executable, prefix: tuple[str, ...] = ()
) -> None:
    """Run :func:`unreadable_scenario` as ``uid`` (or as root bound by file modes, through
    ``prefix``) in a folder of its own."""
    base = Path(tempfile.mkdtemp(prefix="fto-live-unreadable-"))
    try:
        os.chmod(base, 0o755)
        folder = base / "briefings"
        folder.mkdir()
        if uid is not None:
            os.chown(folder, uid, -1)
        env = {**os.environ, "PYTHONPATH": _python_path(), "PYTHONDONTWRITEBYTECODE": "1"}
        env["HOME"] = str(folder)
        for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            env[variable] = str(folder / variable.lower())
        script = (
            "import asyncio, sys\n"
            "from pathlib import Path\n"
            "from tests.ui.test_live_faults import unreadable_scenario\n"
            "asyncio.run(unreadable_scenario(Path(sys.argv[1])))\n"
        )
        done = subprocess.run(
            [*prefix, python, "-c", script, str(folder)],
            cwd=REPO,
            env=env,
            user=uid,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        for root, dirs, _files in os.walk(base):
            for name in dirs:
                os.chmod(Path(root, name), 0o755)
        for path in base.rglob("*"):
            if path.is_file() and not path.is_symlink():
                path.chmod(0o644)
        shutil.rmtree(base)


async def test_a_file_made_unreadable_keeps_its_content(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        await unreadable_scenario(tmp_path)
        return
    prefix = as_ordinary_root()
    if prefix is not None:
        await asyncio.to_thread(run_unreadable_scenario_as, None, sys.executable, prefix)
        return
    uid = _nobody()
    if uid is None:
        pytest.skip(
            "root reads chmod 000 files, setpriv cannot take that power away here, and the "
            "user 'nobody' cannot run this Python to try it as another user"
        )
    await asyncio.to_thread(run_unreadable_scenario_as, uid)


# -- a large briefing -----------------------------------------------------------------------


async def send_key(app: FtoBriefApp, key: str, character: str | None) -> None:
    """Press ``key`` the way a terminal would, without Pilot's waiting for the process to go
    idle (which, while a worker thread parses, always waits its full second)."""
    event = events.Key(key, character)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)
    await asyncio.sleep(0)


async def handled(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        await asyncio.sleep(0.01)


async def test_keys_work_while_a_large_briefing_loads(tmp_path: Path) -> None:
    path = tmp_path / "large.yaml"
    write_large_briefing(str(path), 5)
    assert path.stat().st_size >= 5_000_000
    app = FtoBriefApp([str(path)], watch=False)
    live = Live(app, path)
    async with app.run_test(size=SIZE) as pilot:
        live._pilot = pilot
        loading = [w for w in live.workers if w.group == "load"]
        assert len(loading) == 1
        assert loading[0].is_running, "the load had already finished: nothing was tested"
        # The status line says it is loading, with a spinner that turns.
        status = app.reader.query_one("#status", StatusLine)
        assert status.spinning and status.text.endswith(" Loading…")
        await handled(lambda: "Loading…" in "".join(live.screen_lines(status)), "the status")
        first = "".join(live.screen_lines(status))
        await handled(lambda: "".join(live.screen_lines(status)) != first, "the spinner to turn")
        # Keys are handled while the file is read: the help opens and closes, panes change.
        await send_key(app, "question_mark", "?")
        await handled(lambda: isinstance(app.screen, HelpScreen), "the help screen")
        assert "Loading…" in status.text
        await send_key(app, "escape", "\x1b")
        await handled(lambda: isinstance(app.screen, ReaderScreen), "the help to close")
        await send_key(app, "2", "2")
        await handled(lambda: app.focused is pane(app, Pane.SPEAKERS), "the speakers pane")
        # All of that happened while the file was still being read.
        assert loading[0].is_running
        assert not app.collection.organisations
        assert status.spinning and status.text.endswith(" Loading…")
        await live.until(lambda: app.collection.organisations, "the large briefing")
        await live.quiet()
        assert len(app.collection.organisations) > 1000
        assert "organisations" in status.text and not status.spinning
        assert isinstance(app.screen, ReaderScreen)
        assert app.focused is pane(app, Pane.SPEAKERS)
        live.assert_no_errors()


async def test_problem_views_from_start_and_reload_both_close_once_the_file_is_fixed(
    tmp_path: Path,
) -> None:
    from fto_tui.ui.screens.problems import ProblemsScreen

    path = tmp_path / "briefing.yaml"
    path.write_text("briefing: [unclosed\n", encoding="utf-8")
    with quick_polling():
        app = FtoBriefApp([str(path)])
        live = Live(app, path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            live._pilot = pilot
            await live.until(lambda: isinstance(app.screen, ProblemsScreen), "the start view")
            await live.until(lambda: app._watcher is not None, "the watcher")
            path.write_bytes(b"")  # broken differently while open: the one view is refreshed
            await live.until(
                lambda: any("no YAML document" in p.message for p in live.problems_shown()),
                "the view to list the new problem",
            )
            assert len(app.screen_stack) == 2
            path.write_text(briefing_text("South Gang (fixed)"), encoding="utf-8")
            await live.until(lambda: "South Gang (fixed)" in live.organisations(), "the fix")
            await live.until(lambda: isinstance(app.screen, ReaderScreen), "the view to close")
            assert ("Fixed: the reloaded briefing has no errors.", "information") in live.notices

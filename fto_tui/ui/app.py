"""The reader application: wires loading, watching and the screens together.

Loading and reloading run in thread workers that post messages back (``messages.py``); the
main screen (``screens/reader.py``) shows whatever collection it is handed. The app keeps the
open files with their last good loads (``open_files.py``), so a file that breaks on disk keeps
showing what it showed before.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from fto_tui.index import Collection
from fto_tui.problems import Category, Problem
from fto_tui.ui.messages import Assembled, BriefingsLoaded, FilesChanged, FilesReread
from fto_tui.ui.open_files import Assembly, OpenFiles
from fto_tui.ui.safe import one_line
from fto_tui.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    # Imported where used: the first screen needs none of these, and start-up time is
    # mostly imports (the loader's are made by the loading worker, off the main thread).
    from textual.command import Provider
    from textual.dom import DOMNode

    from fto_tui.cache import ParseCache
    from fto_tui.config import Config
    from fto_tui.loader import FileLoad
    from fto_tui.search import SearchIndex
    from fto_tui.ui.memory import ReaderMemory
    from fto_tui.ui.screens.help import Section
    from fto_tui.ui.screens.problems import ProblemChoice, ProblemsScreen
    from fto_tui.watch import FileWatcher


def _entity_commands() -> type[Provider]:
    """The command palette's entities, imported when the palette first opens."""
    from fto_tui.ui.commands import EntityCommands

    return EntityCommands


def _note_commands() -> type[Provider]:
    """The command palette's notes, imported when the palette first opens."""
    from fto_tui.ui.note_commands import NoteCommands

    return NoteCommands


WATCH_INTERVAL = 0.5
SMALL_LOAD_BYTES = 1_000_000
"""Files up to this size together are read before the first frame, which then shows them;
larger ones load in a worker while the screen is already up."""


class FtoBriefApp(App[int]):
    """``fto-brief [PATH ...]``: read briefings; the bundled ones when no path is given."""

    TITLE = "fto-brief"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {_entity_commands, _note_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q",
            "quit",
            "Quit",
            id="app.quit",
            tooltip="Quit fto-brief",
        ),
        Binding(
            "question_mark",
            "help",
            "Help",
            id="app.help",
            tooltip="List every key",
        ),
        Binding(
            "r",
            "reload",
            "Reload",
            id="app.reload",
            tooltip="Read the open briefings again from disk",
        ),
        Binding(
            "ctrl+o",
            "open_briefing",
            "Open",
            id="app.open",
            tooltip="Open a briefing file or folder alongside the open ones",
        ),
        Binding(
            "p",
            "show_problems",
            "Problems",
            show=False,
            id="app.problems",
            tooltip="Show the errors and warnings found in the open briefings",
        ),
    ]

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]] = (),
        *,
        watch: bool = True,
        config: Config | None = None,
        config_problems: Sequence[Problem] = (),
        cache: ParseCache | None = None,
        data_dir: str | None = None,
        memory: bool = True,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.paths = [os.fspath(path) for path in paths]
        if config is None:
            from fto_tui.config import Config

            config = Config()
        self.config = config
        self.config_problems = tuple(config_problems)
        self._cache = cache
        watch = watch and self.config.reload
        self.open_files = OpenFiles()
        self.collection = Collection()
        self.loose_problems: tuple[Problem, ...] = ()
        """Problems found before any file was read (a folder given at start holds none)."""
        self.assembly = Assembly(Collection(), (), ())
        self._generation = 0
        self._watch = watch
        self._watcher: FileWatcher | None = None
        self._polling = False
        self._gc_paused = False
        self.memory: ReaderMemory | None = None
        if memory:
            from fto_tui.ui.memory import ReaderMemory

            self.memory = ReaderMemory(self, data_dir)

    def on_unmount(self) -> None:
        if self._gc_paused:
            gc.enable()

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen()

    @property
    def reader(self) -> ReaderScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def on_mount(self) -> None:
        # Building the first screen makes many short-lived objects and few cycles: the
        # collector waits until it is drawn (or the app stops), then runs as usual.
        if gc.isenabled():
            gc.disable()
            # A Python function, not the builtin itself: Textual reads a callback's signature,
            # and for a builtin that means parsing its text signature (a few milliseconds).
            self.call_after_refresh(_enable_gc)
            self._gc_paused = True
        self._apply_config()
        if self.memory is not None:
            # Opened once the first frame is drawn: the store's imports and its first query
            # run in a worker, which would otherwise compete with drawing it.
            self.memory.on_change = self.reader.memory_changed
            self.call_after_refresh(self.memory.open)
        if _small(self.paths):
            self._load_now(self.paths)
        else:
            self.load_paths(self.paths, opened=False)

    def _load_now(self, paths: Sequence[str]) -> None:
        """Read small briefings at once, so the first frame shows them (one draw, not two).

        Their search index is built on first use; anything unexpected goes the worker's way."""
        try:
            from fto_tui.loader import load

            result = load(paths, cache=self._cache)
        except Exception:
            self.load_paths(paths, opened=False)
            return
        # As after a load in the worker (``prepare``): what is loaded now, and everything
        # imported to get here, stays for the life of the reader, so the collector's full
        # passes need not walk it again (each took 15 ms while the first frame was drawn).
        gc.freeze()
        self._loaded(BriefingsLoaded(result, False, None))

    def _apply_config(self) -> None:
        """Theme and key bindings from the settings file; what does not apply is reported."""
        config = self.config
        problems = list(self.config_problems)
        if config.keys or config.theme is not None:
            from fto_tui.config import check_bindings, check_theme

            problems += check_bindings(config, binding_ids())
            problems += check_theme(config, self.available_themes)
        if config.theme is not None and config.theme in self.available_themes:
            self.theme = config.theme
        known = set(binding_ids()) if config.keys else set()
        keymap = {name: keys for name, keys in config.keys.items() if name in known}
        if keymap:
            self.set_keymap(keymap)
        self.config_problems = tuple(
            dict.fromkeys(p.in_category(Category.SETTINGS) for p in problems)
        )
        if self.config_problems:
            self.notify(
                f"The settings file has {len(self.config_problems)} problem(s); p shows them.",
                severity="warning",
                markup=False,
            )

    # -- loading --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_paths(self, paths: Sequence[str], opened: bool) -> None:
        """Read files or directories (the bundled briefings when none is given at start)."""
        from fto_tui.loader import load

        result = load(paths, cache=self._cache)
        search = None if opened else prepare(result.collection)
        if not get_current_worker().is_cancelled:
            self.post_message(BriefingsLoaded(result, opened, search))

    @work(thread=True, exclusive=True, exit_on_error=False, group="reload")
    def reread(self, paths: Sequence[str]) -> None:
        """Read open files again; files gone from disk are reported, not read."""
        from fto_tui.loader import load_file

        loads: list[FileLoad] = []
        deleted: list[str] = []
        for path in paths:
            # lexists: a symlink loop or a dangling link is there, just unreadable; reading
            # it reports why, where ``exists`` would call it deleted.
            if not os.path.lexists(path):
                deleted.append(path)
            else:
                loads.append(load_file(path, cache=self._cache))
        self.post_message(FilesReread(loads, deleted))

    # Described by hand: Textual's default description is the repr of every argument, which
    # for the open files means every entity of every open file.
    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="assemble",
        description="assemble_open_files",
    )
    def assemble_open_files(self, generation: int, announce: bool) -> None:
        assembly = self.open_files.assemble(self.loose_problems)
        search = prepare(assembly.collection)
        if not get_current_worker().is_cancelled:
            self.post_message(Assembled(assembly, generation, search, announce))

    def _reassemble(self, announce: bool = False) -> None:
        self._generation += 1
        self.assemble_open_files(self._generation, announce)

    @on(BriefingsLoaded)
    def _loaded(self, message: BriefingsLoaded) -> None:
        result = message.result
        for file_load in result.files:
            self.open_files.accept(file_load)
        file_paths = {f.path for f in result.files}
        loose = tuple(p for p in result.problems if p.path not in file_paths)
        if message.opened:
            if not result.files and loose:
                self._show_problems(loose, "Could not open")
            else:
                opened = len(result.files)
                self.notify(f"Opened {opened} file{'s' if opened != 1 else ''}.")
                self._reassemble(announce=True)
        else:
            self.loose_problems = loose
            # Nothing was open before: the start's result is the open files' assembly.
            self._apply(self.open_files.assemble(loose, result), message.search, announce=True)
        self._start_watching()

    @on(FilesReread)
    def _reread(self, message: FilesReread) -> None:
        for path in message.deleted:
            if self.open_files.mark_deleted(path):
                self.notify(
                    f"{one_line(path)} was deleted; its last content stays shown.",
                    severity="warning",
                    markup=False,
                )
        for file_load in message.loads:
            self.open_files.accept(file_load)
        if message.loads:
            self._reassemble()

    @on(Assembled)
    def _assembled(self, message: Assembled) -> None:
        if message.generation != self._generation:
            return
        self._apply(message.assembly, message.search, announce=message.announce)

    def _apply(self, assembly: Assembly, search: SearchIndex | None, announce: bool) -> None:
        """Show an assembly of the open files, and tell the user what changed in its problems:
        the problems view, when open, always lists the current ones; it opens by itself only
        at start and for files opened by the user, not while they read on (the status line
        counts the errors, and a notice says where the last good version is shown)."""
        before = self.assembly
        self.assembly = assembly
        self.show_collection(assembly.collection, search)
        view = self._problems_view()
        errors = assembly.errors
        if view is not None:
            if (before.errors and not errors) or not self.all_problems():
                view.dismiss(None)  # what it was opened for is fixed
            else:
                view.show(self.all_problems(), self._problems_title())
        if announce and errors:
            if view is None:
                title = "Nothing could be loaded" if not self.open_files.shown_paths else None
                self._show_problems(self.all_problems(), title or self._problems_title())
            return
        if announce:
            return
        if errors and set(errors) != set(before.errors):
            count = len(errors)
            where = (
                f" Showing the last good version of {_names(assembly.last_good)}."
                if assembly.last_good
                else ""
            )
            self.notify(
                f"{count} error{'s' if count != 1 else ''} in the open briefings.{where} "
                "p shows them.",
                severity="warning",
                markup=False,
            )
        elif before.errors and not errors:
            self.notify("Fixed: the reloaded briefing has no errors.", markup=False)

    def _problems_title(self) -> str:
        last_good = self.assembly.last_good
        if last_good:
            return f"Problems: showing the last good version of {_names(last_good)}"
        return "Problems"

    def _problems_view(self) -> ProblemsScreen | None:
        from fto_tui.ui.screens.problems import ProblemsScreen

        for screen in self.screen_stack:
            if isinstance(screen, ProblemsScreen):
                return screen
        return None

    def show_collection(self, collection: Collection, search: SearchIndex | None = None) -> None:
        """Show ``collection`` (with the open files and their problems in the status line).

        ``search`` is its search index when already built (the loading workers build it)."""
        self.collection = collection
        problems = self.all_problems()
        errors = sum(1 for p in problems if p.is_error)
        self.reader.show_collection(
            collection, self.open_files.shown_paths, errors, len(problems) - errors, search
        )
        if self.memory is not None:
            self.memory.shown(collection, tuple(self.open_files.shown_paths))

    def all_problems(self) -> tuple[Problem, ...]:
        """The settings file's problems, then the open briefings' (as ``check`` lists them)."""
        return (*self.config_problems, *self.assembly.problems)

    # -- watching -------------------------------------------------------------------------

    def _start_watching(self) -> None:
        """Watch every open file (broken ones too, so a fix is picked up)."""
        if not self._watch:
            return
        if self._watcher is None:
            from fto_tui.watch import FileWatcher

            self._watcher = FileWatcher(self.open_files.paths)
            self.set_interval(WATCH_INTERVAL, self._poll)
        else:
            self._watcher.set_paths(self.open_files.paths)

    def _poll(self) -> None:
        if self._watcher is not None and not self._polling:
            self._polling = True
            self.poll_watcher(self._watcher)

    @work(thread=True, exit_on_error=False, group="watch")
    def poll_watcher(self, watcher: FileWatcher) -> None:
        """Ask the watcher (which only calls ``os.stat``) off the main thread."""
        try:
            changes = watcher.poll()
        finally:
            self._polling = False  # a plain assignment: safe from this thread
        if changes:
            changed = [c.path for c in changes if c.kind != "deleted"]
            deleted = [c.path for c in changes if c.kind == "deleted"]
            self.post_message(FilesChanged(changed, deleted))

    @on(FilesChanged)
    def _files_changed(self, message: FilesChanged) -> None:
        paths = [os.fspath(p) for p in [*message.changed, *message.deleted]]
        self.reread([p for p in paths if p in self.open_files])

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Dialogs are opened from the main screen only, not on top of one another."""
        if action in ("open_briefing", "reload", "show_problems", "help"):
            return isinstance(self.screen, ReaderScreen)
        return True

    def open_entity(self, entity_id: str) -> None:
        """Show an entity (from the command palette)."""
        self.reader.open_entity(entity_id)

    def action_reload(self) -> None:
        if not self.open_files.paths:
            self.load_paths(self.paths, opened=False)
            return
        self.notify("Reloading…", timeout=1.5)
        self.reread(self.open_files.paths)

    def file_edited(self, path: str) -> None:
        """The editor opened from the reader has exited: show what it changed in ``path``.

        With live reload on, the watcher notices the change; with it off, read the file now."""
        if not self._watch and path in self.open_files:
            self.reread([path])

    def action_show_problems(self) -> None:
        problems = self.all_problems()
        if not problems:
            self.notify("No problems in the loaded briefings.")
            return
        self._show_problems(problems, self._problems_title())

    def _show_problems(self, problems: Iterable[Problem], title: str) -> None:
        """Show ``problems`` in the problems view: the one open, or a new one."""
        from fto_tui.ui.screens.problems import ProblemsScreen

        view = self._problems_view()
        if view is not None:
            view.show(tuple(problems), title)
            return
        self.push_screen(ProblemsScreen(tuple(problems), title), self._problem_chosen)

    def _problem_chosen(self, choice: ProblemChoice | None) -> None:
        """Enter on a problem shows the item it is in; ``e`` opens the editor at its line."""
        if choice is None:
            return
        problem = choice.problem
        if choice.edit:
            self.reader.edit_at(problem.path, problem.line)
            return
        entity_id = self.collection.entity_at(problem.position)
        if entity_id is None:
            self.notify(
                f"No item at {one_line(str(problem.position))}; e opens the file there.",
                severity="warning",
                markup=False,
            )
            return
        self.reader.open_entity(entity_id)

    def action_open_briefing(self) -> None:
        from fto_tui.ui.screens.open_briefing import OpenBriefingScreen

        def chosen(path: str | None) -> None:
            if path:
                self.load_paths([path], opened=True)

        self.push_screen(OpenBriefingScreen(Path.cwd()), chosen)

    def action_help(self) -> None:
        from fto_tui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        """Every binding of the app, the reader, the lists and the search, for the help screen."""
        from fto_tui.ui.screens.help import HelpScreen
        from fto_tui.ui.screens.open_briefing import OpenBriefingScreen
        from fto_tui.ui.screens.problems import ProblemsScreen
        from fto_tui.ui.screens.search import SearchScreen
        from fto_tui.ui.widgets.cursor_list import CursorList

        return [
            ("Anywhere", [*self.BINDINGS, self._palette_binding()]),
            ("Main screen", ReaderScreen.BINDINGS),
            ("Lists and detail", CursorList.BINDINGS),
            ("Search", SearchScreen.BINDINGS),
            ("Problems view", ProblemsScreen.BINDINGS),
            ("Open dialog", OpenBriefingScreen.BINDINGS),
            *_memory_sections(),
            ("This help", HelpScreen.BINDINGS),
        ]

    def _palette_binding(self) -> Binding:
        return Binding(self.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = self.reader
        for owner, bindings in ((self, self.BINDINGS), (reader, ReaderScreen.BINDINGS)):
            for binding in Binding.make_bindings(bindings):
                if binding.action in ("quit",) or binding.key in ("shift+tab", "alt+left"):
                    continue
                key = self.get_key_display(binding)
                yield SystemCommand(
                    binding.description,
                    f"{binding.tooltip or binding.description} (key: {key})",
                    _runner(owner, binding.action),
                )
        if self.memory is not None:
            yield SystemCommand(
                "Mark all read",
                "Mark every new, changed and gone item read",
                _runner(reader, "mark_all_read"),
            )


def _memory_sections() -> list[Section]:
    """The keys of the note editor, the tags dialog and the Notes and Changes views."""
    from fto_tui.ui.screens.changes import ChangesScreen
    from fto_tui.ui.screens.confirm import ConfirmScreen
    from fto_tui.ui.screens.note_editor import NoteEditorScreen
    from fto_tui.ui.screens.notes import NotesScreen
    from fto_tui.ui.screens.tags import TagsScreen

    return [
        ("Note editor", NoteEditorScreen.BINDINGS),
        ("Tags", TagsScreen.BINDINGS),
        ("Notes view", NotesScreen.BINDINGS),
        ("Changes view", ChangesScreen.BINDINGS),
        ("Questions", ConfirmScreen.BINDINGS),
    ]


def _names(paths: Sequence[str]) -> str:
    return ", ".join(one_line(os.path.basename(path)) for path in paths)


def _enable_gc() -> None:
    gc.enable()


def _small(paths: Sequence[str]) -> bool:
    """Whether ``paths`` are the bundled briefings or regular files of a few hundred
    kilobytes in all (folders, and anything that cannot be looked at, load in a worker)."""
    if not paths:
        return True
    total = 0
    for path in paths:
        try:
            if not os.path.isfile(path):
                return False
            total += os.path.getsize(path)
        except (OSError, ValueError):
            return False
    return total <= SMALL_LOAD_BYTES


def _runner(owner: App[int] | Screen[None], action: str):  # type: ignore[no-untyped-def]
    async def run() -> None:
        await owner.run_action(action)

    return run


def prepare(collection: Collection) -> SearchIndex:
    """Build, off the main thread, what the collection builds lazily on first use (its
    relations and chronology), and the search over it; the first key press then finds them
    ready instead of stalling the interface on a large briefing."""
    from fto_tui.search import SearchIndex

    collection.backlinks("")
    _ = collection.timeline
    search = SearchIndex(collection)
    # What was just loaded lives as long as it is shown: keep the garbage collector's full
    # passes from walking it (on a large briefing each would stall the interface for a
    # fifth of a second). Dropped collections are still freed by reference counting.
    gc.freeze()
    return search


def binding_ids() -> list[str]:
    """Every binding id of the reader, for remapping keys in the settings file."""
    from fto_tui.ui.screens.help import HelpScreen
    from fto_tui.ui.screens.open_briefing import OpenBriefingScreen
    from fto_tui.ui.screens.problems import ProblemsScreen
    from fto_tui.ui.screens.search import SearchScreen
    from fto_tui.ui.widgets.cursor_list import CursorList

    owners: list[type[DOMNode]] = [
        FtoBriefApp,
        ReaderScreen,
        CursorList,
        SearchScreen,
        HelpScreen,
        ProblemsScreen,
        OpenBriefingScreen,
    ]
    bindings = [binding for owner in owners for binding in owner.BINDINGS]
    bindings += [binding for _section, more in _memory_sections() for binding in more]
    ids = (binding.id for binding in Binding.make_bindings(bindings) if binding.id is not None)
    return list(dict.fromkeys(ids))


def run_app(
    paths: list[str],
    *,
    config: Any = None,
    config_problems: Any = (),
    data_dir: Any = None,
) -> int:
    """Run the reader on ``paths`` (the bundled briefings when empty); the exit status.

    ``config`` is the :class:`~fto_tui.config.Config` read from the settings file and
    ``config_problems`` what was wrong with it; ``data_dir`` is where the notes are kept (None:
    the user data directory). (They are typed loosely because the command line
    passes them as optional keyword arguments; anything else is ignored.)
    """
    from fto_tui.cache import ParseCache
    from fto_tui.config import Config

    settings = config if isinstance(config, Config) else None
    problems = [p for p in config_problems if isinstance(p, Problem)]
    app = FtoBriefApp(
        paths,
        config=settings,
        config_problems=problems,
        cache=ParseCache(),
        data_dir=data_dir if isinstance(data_dir, str) else None,
    )
    result = app.run()
    return result if isinstance(result, int) else (app.return_code or 0)


if __name__ == "__main__":
    sys.exit(run_app(sys.argv[1:]))

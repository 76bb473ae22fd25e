"""The ``fto-brief`` command: the reader, ``check``, ``schema``, ``export``, ``new``, ``config``.

Exit codes: 0 valid (warnings allowed), 1 the input has a problem, 2 a usage error.
The reader's modules are imported only when the reader starts, so ``check`` stays quick.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fto_tui import __version__

if TYPE_CHECKING:
    from fto_tui.config import Config
    from fto_tui.memory.store import Annotation
    from fto_tui.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_COMMANDS = ("check", "schema", "export", "new", "config", "notes")


_DATA_DIR_HELP = (
    "where notes, bookmarks, tags and what was read are kept (default: data_dir in the "
    "settings file, else the user data directory)"
)

_CONFIG_HELP = (
    "the settings file to read (default: $FTO_BRIEF_CONFIG, else config.toml in the user "
    "configuration directory; see 'fto-brief config path')"
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fto-brief",
        description="Read structured briefings in the terminal. "
        "With no path, opens the bundled briefings.",
        epilog="Other commands: 'fto-brief check [PATH ...]' validates briefings; "
        "'fto-brief schema' prints the JSON Schema of the format; "
        "'fto-brief export [PATH ...] --format markdown|html|json|csv|ftm [-o OUT]' shares them; "
        "'fto-brief new PATH' writes a starter briefing; "
        "'fto-brief config check|path' checks or finds the settings file; "
        "'fto-brief notes export --format markdown|json' writes out your notes.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or directories")
    parser.add_argument("--config", metavar="PATH", help=_CONFIG_HELP)
    parser.add_argument("--data-dir", metavar="DIR", help=_DATA_DIR_HELP)
    parser.add_argument("--version", action="version", version=f"fto-brief {__version__}")
    return parser


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fto-brief check",
        description="Validate briefings and print problems as path:line:col: severity: message. "
        "With no path, checks the bundled briefings.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or directories")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--no-cache", action="store_true", help="parse every file even if it is unchanged"
    )
    return parser


def _schema_parser() -> argparse.ArgumentParser:
    return _Parser(
        prog="fto-brief schema",
        description="Print the JSON Schema of the briefing format (for editors' YAML support).",
    )


def _export_parser() -> argparse.ArgumentParser:
    from fto_tui.export import FORMATS

    parser = _Parser(
        prog="fto-brief export",
        description="Write briefings as a Markdown dossier, one HTML page, JSON, a CSV "
        "chronology or FollowTheMoney entities (ftm: needs pip install 'fto-brief[ftm]'). "
        "With no path, exports the bundled briefings. Inputs with errors are not "
        "exported: the problems are printed instead.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or directories")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from OUT's ending: .md, .html, .json, .csv, .ftm.json)",
    )
    _output_and_notes(parser)
    parser.add_argument(
        "--with-notes",
        action="store_true",
        help="add your notes, bookmarks and tags at the end (Markdown and HTML)",
    )
    return parser


def _output_and_notes(parser: argparse.ArgumentParser) -> None:
    """``-o OUT``, and where the notes are (``--data-dir``, ``--config``)."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to this file, replacing it in one step (default: standard output)",
    )
    parser.add_argument("--data-dir", metavar="DIR", help=_DATA_DIR_HELP)
    parser.add_argument("--config", metavar="PATH", help=_CONFIG_HELP)


def _notes_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fto-brief notes",
        description="'export' writes your notes, bookmarks and tags as Markdown or JSON. Given "
        "briefings (PATH), notes whose item is no longer in them are marked orphaned.",
    )
    parser.add_argument("action", choices=("export",), help="what to do")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or directories")
    parser.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="default: markdown"
    )
    _output_and_notes(parser)
    return parser


def _new_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fto-brief new",
        description="Write a starter briefing with every section and one example entry each. "
        "Never overwrites a file.",
    )
    parser.add_argument("path", metavar="PATH", help="the file to create (.yaml)")
    return parser


def _config_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fto-brief config",
        description="'check' validates the settings file and prints its problems like "
        "'fto-brief check'; 'path' prints where the settings file is looked for.",
    )
    parser.add_argument("action", choices=("check", "path"), help="what to do")
    parser.add_argument("--config", metavar="PATH", help=_CONFIG_HELP)
    return parser


def _print_problems(problems: Iterable[Problem], stream: TextIO) -> None:
    for problem in problems:
        stream.write(problem.format() + "\n")


def _data_dir(explicit: str | None, config_file: str | None) -> str | None:
    """The data directory: ``--data-dir``, else the settings file's ``data_dir``, else None
    (the user data directory)."""
    if explicit:
        return explicit
    from fto_tui.config import load_config

    settings, _problems = load_config(config_file)
    return settings.data_dir


def _annotations(data_dir: str | None) -> list[Annotation]:
    """The notes kept in ``data_dir`` (none if there is no database there yet)."""
    from fto_tui.memory.store import FILE_NAME, Store, default_data_dir

    folder = Path(data_dir).expanduser() if data_dir else default_data_dir()
    path = folder / FILE_NAME
    if not path.is_file():
        return []
    return Store(path, writable=False).annotations()


def _write_output(command: str, text: str, output: str | None) -> int:
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from fto_tui.writing import replace_atomically

    try:
        replace_atomically(output, text.encode("utf-8"))
    except OSError as exc:
        sys.stderr.write(f"fto-brief {command}: cannot write {output}: {exc.strerror or exc}\n")
        return EXIT_PROBLEMS
    return EXIT_OK


def notes_export(
    paths: Sequence[str], *, output_format: str, output: str | None, data_dir: str | None
) -> int:
    from fto_tui.memory.sharing import to_json, to_markdown

    annotations = _annotations(data_dir)
    present = None
    if paths:
        from fto_tui.loader import load

        present = set(load(paths).collection.ids())
    render = to_json if output_format == "json" else to_markdown
    return _write_output("notes", render(annotations, present), output)


def export(
    paths: Sequence[str],
    *,
    output_format: str | None,
    output: str | None,
    notes: list[Annotation] | None = None,
) -> int:
    from fto_tui.export import export as render
    from fto_tui.export import format_for_suffix
    from fto_tui.loader import load

    if output_format is None and output:
        output_format = format_for_suffix(output)
    if output_format is None:
        _export_parser().error("choose a format with --format (markdown, html, json, csv, ftm)")
    if notes is not None and output_format not in ("markdown", "html"):
        _export_parser().error("--with-notes goes with the markdown and html formats")
    result = load(paths)
    if not result.ok:
        _print_problems(result.problems, sys.stderr)
        errors = len(result.errors)
        sys.stderr.write(
            f"fto-brief export: {errors} error{'s' * (errors != 1)} in the input; nothing written\n"
        )
        return EXIT_PROBLEMS
    if output and _is_input(output, [f.path for f in result.files]):
        _export_parser().error(f"{output} is one of the input briefings; choose another OUT")
    assert output_format is not None
    from fto_tui.ftm.writing import MissingLibrary

    try:
        text = render(result.collection, output_format)
    except MissingLibrary as exc:
        sys.stderr.write(f"fto-brief export: {exc}\n")
        return EXIT_PROBLEMS
    if notes is not None:
        from fto_tui.memory.sharing import html_section, markdown_section, with_notes

        present = set(result.collection.ids())
        section = {
            "markdown": "\n".join(markdown_section(notes, present)),
            "html": html_section(notes, present),
        }
        text = with_notes(text, output_format, section)
    if result.problems:
        warnings = len(result.problems)
        sys.stderr.write(
            f"fto-brief export: {warnings} warning{'s' * (warnings != 1)} (see 'fto-brief check')\n"
        )
    return _write_output("export", text, output)


def _is_input(output: str, inputs: Iterable[str]) -> bool:
    """Whether ``output`` names one of the input files (the same file, or the same path)."""
    real = os.path.realpath(output)
    for path in inputs:
        try:
            if os.path.samefile(output, path):
                return True
        except OSError:
            pass
        if os.path.realpath(path) == real:
            return True
    return False


def new(path: str) -> int:
    from fto_tui.scaffold import write_starter

    try:
        write_starter(path)
    except FileExistsError:
        sys.stderr.write(f"fto-brief new: {path} already exists; not overwriting it\n")
        return EXIT_PROBLEMS
    except OSError as exc:
        sys.stderr.write(f"fto-brief new: cannot write {path}: {exc.strerror or exc}\n")
        return EXIT_PROBLEMS
    if not path.lower().endswith((".yaml", ".yml")):
        sys.stderr.write(
            "fto-brief new: note: in directories, only .yaml and .yml files are read\n"
        )
    sys.stderr.write(
        f"wrote {path}: edit it, then run 'fto-brief check {path}' and 'fto-brief {path}'\n"
    )
    return EXIT_OK


def config(action: str, path: str | None) -> int:
    from fto_tui.config import config_path, load_config

    where, reason = config_path(path)
    if action == "path":
        sys.stdout.write(f"{where}\n")
        exists = "exists" if where.is_file() else "does not exist"
        why = {"--config": "given with --config", "environment": "from $FTO_BRIEF_CONFIG"}
        sys.stderr.write(f"({why.get(reason, 'the default place')}; the file {exists})\n")
        return EXIT_OK
    settings, problems = load_config(path)
    problems = [*problems, *_theme_problems(settings)]
    _print_problems(problems, sys.stdout)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if reason == "default" and not where.exists():
        sys.stderr.write(f"no settings file at {where}: the defaults apply\n")
    else:
        sys.stderr.write(
            f"{where} checked: {errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}\n"
        )
    return EXIT_PROBLEMS if errors else EXIT_OK


def _theme_problems(settings: Config) -> list[Problem]:
    """Check the theme against Textual's built-in themes (the reader adds no others)."""
    from fto_tui.config import check_theme

    if settings.theme is None:
        return []
    from textual.theme import BUILTIN_THEMES

    return check_theme(settings, BUILTIN_THEMES)


def _reader(paths: list[str], config_file: str | None, data_dir: str | None = None) -> int:
    import inspect

    from fto_tui.config import load_config
    from fto_tui.ui.app import run_app

    settings, problems = load_config(config_file)
    if not paths:
        paths = list(settings.paths)
    accepted = inspect.signature(run_app).parameters
    options: dict[str, object] = {}
    if "config" in accepted:
        options["config"] = settings
    if "data_dir" in accepted:
        options["data_dir"] = data_dir or settings.data_dir
    if "config_problems" in accepted:
        options["config_problems"] = tuple(problems)
    elif problems:
        # The reader cannot show them itself: say why it starts with defaults, where the text
        # stays readable after the reader's screen is gone.
        _print_problems(problems, sys.stderr)
        sys.stderr.write("fto-brief: settings with problems were left at their defaults\n")
    status: int = run_app(paths, **options)
    return status


def check(paths: Sequence[str], *, output_format: str, strict: bool, use_cache: bool = True) -> int:
    from fto_tui.cache import ParseCache
    from fto_tui.loader import load
    from fto_tui.problems import json_text

    result = load(paths, strict=strict, cache=ParseCache() if use_cache else None)
    if output_format == "json":
        document = {
            "version": 1,
            "files": [f.path for f in result.files],
            "ok": result.ok,
            "errors": len(result.errors),
            "warnings": len(result.problems) - len(result.errors),
            "problems": [p.as_json() for p in result.problems],
        }
        sys.stdout.write(json_text(document) + "\n")
    else:
        for problem in result.problems:
            sys.stdout.write(problem.format() + "\n")
        errors = len(result.errors)
        warnings = len(result.problems) - errors
        files = len(result.files)
        sys.stderr.write(
            f"{files} file{'s' * (files != 1)} checked: "
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}\n"
        )
    return EXIT_OK if result.ok else EXIT_PROBLEMS


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "check":
            options = _check_parser().parse_args(args[1:])
            return check(
                options.paths,
                output_format=options.format,
                strict=options.strict,
                use_cache=not options.no_cache,
            )
        if args and args[0] == "schema":
            _schema_parser().parse_args(args[1:])
            from fto_tui.jsonschema import json_schema

            sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
            return EXIT_OK
        if args and args[0] == "export":
            options = _export_parser().parse_args(args[1:])
            notes = None
            if options.with_notes:
                notes = _annotations(_data_dir(options.data_dir, options.config))
            return export(
                options.paths, output_format=options.format, output=options.output, notes=notes
            )
        if args and args[0] == "notes":
            options = _notes_parser().parse_args(args[1:])
            return notes_export(
                options.paths,
                output_format=options.format,
                output=options.output,
                data_dir=_data_dir(options.data_dir, options.config),
            )
        if args and args[0] == "new":
            options = _new_parser().parse_args(args[1:])
            return new(options.path)
        if args and args[0] == "config":
            options = _config_parser().parse_args(args[1:])
            return config(options.action, options.config)
        options = _reader_parser().parse_args(args)
        return _reader(list(options.paths), options.config, options.data_dir)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

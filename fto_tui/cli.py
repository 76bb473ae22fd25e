"""The ``fto-brief`` command: the reader, ``check`` and ``schema``.

Exit codes: 0 valid (warnings allowed), 1 the input has a problem, 2 a usage error.
The reader's modules are imported only when the reader starts, so ``check`` stays quick.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from fto_tui import __version__

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

_COMMANDS = ("check", "schema")


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
        "'fto-brief schema' prints the JSON Schema of the format.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="briefing files or directories")
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


def check(paths: Sequence[str], *, output_format: str, strict: bool, use_cache: bool = True) -> int:
    from fto_tui.cache import ParseCache
    from fto_tui.loader import load

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
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
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
        options = _reader_parser().parse_args(args)
        from fto_tui.ui.app import run_app

        return run_app(list(options.paths))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

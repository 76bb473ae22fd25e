"""The user's settings: a TOML file read once at start-up.

Where it is looked for, first match wins: ``--config PATH``, the ``FTO_BRIEF_CONFIG`` environment
variable, then ``config.toml`` in the user configuration directory (``~/.config/fto-brief`` on
Linux). A missing file at the default place means defaults, silently.

Keys::

    theme = "nord"                 # a Textual theme name (the reader checks it)
    reload = true                  # live reload of changed briefings
    paths = ["~/briefings"]        # what the reader opens when no PATH is given
                                   # (relative paths are relative to this file)
    data_dir = "~/fto-notes"       # where notes, bookmarks, tags and what was read are kept
                                   # (default: the user data directory)
    [keys]                         # binding id = key(s), as Textual writes them;
    "app.quit" = "ctrl+q"          # ids hold dots, so they are quoted

:func:`load_config` never raises: a broken file gives the defaults for whatever could not be
read, and :class:`~fto_tui.problems.Problem` records with line and column, as briefings get.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from fto_tui.problems import Position, Problem, error, warning

ENV_VAR = "FTO_BRIEF_CONFIG"
APP_NAME = "fto-brief"
FILE_NAME = "config.toml"
MAX_BYTES = 1024 * 1024

KNOWN_KEYS = ("theme", "keys", "reload", "paths", "data_dir")

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]*?)\s*\]")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings, each at its default unless the file set it validly.

    ``positions`` maps ``"theme"``, ``"reload"``, ``"paths"``, ``"keys"`` and ``"keys.<id>"``
    to where the file sets them, so that later checks (theme names, binding ids) can point there.
    """

    theme: str | None = None
    keys: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    reload: bool = True
    paths: tuple[str, ...] = ()
    data_dir: str | None = None
    path: str | None = None
    positions: Mapping[str, Position] = field(default_factory=lambda: MappingProxyType({}))

    def position_of(self, key: str) -> Position:
        """Where ``key`` (``"theme"``, ``"keys.app.quit"``...) is set, else the file's start."""
        return self.positions.get(key) or Position(self.path or FILE_NAME)


def default_path() -> Path:
    """``config.toml`` in the user configuration directory."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def config_path(
    explicit: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> tuple[Path, str]:
    """The file to read, and why: ``"--config"``, ``"environment"`` or ``"default"``."""
    if explicit is not None and os.fspath(explicit):
        return Path(explicit).expanduser(), "--config"
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser(), "environment"
    return default_path(), "default"


def load_config(
    path: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> tuple[Config, list[Problem]]:
    """Read the configuration (see :func:`config_path`). Never raises for a bad file."""
    where, reason = config_path(path, environ)
    name = str(where)
    try:
        with open(where, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        if reason == "default":
            return Config(), []
        return Config(), [error(Position(name), "missing-file", f"no config file ({reason})")]
    except IsADirectoryError:
        return Config(), [error(Position(name), "unreadable", "this is a directory, not a file")]
    except OSError as exc:
        return Config(), [error(Position(name), "unreadable", exc.strerror or str(exc))]
    if len(data) > MAX_BYTES:
        return Config(), [error(Position(name), "too-large", "larger than 1 MB: not a config")]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Config(), [error(Position(name, line), "encoding", "the file is not UTF-8")]
    return parse_config(text, name)


def parse_config(text: str, path: str) -> tuple[Config, list[Problem]]:
    """Parse and check the text of a configuration file called ``path``."""
    import tomllib  # only when there is a file: the reader's start-up does without

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(path=path), [_syntax_problem(str(exc), text, path)]
    return _Checker(text, path).run(table)


def _syntax_problem(message: str, text: str, path: str) -> Problem:
    found = _TOML_POSITION.search(message)
    if found:
        position = Position(path, int(found[1]), int(found[2]))
        message = message[: found.start()]
    else:
        lines = text.splitlines() or [""]
        position = Position(path, len(lines), len(lines[-1]) + 1)
        message = _TOML_AT_END.sub("", message)
    text = message[:1].lower() + message[1:]
    return error(position, "toml-syntax", f"not valid TOML: {text}")


def key_position(text: str, path: str, key: str, table: str | None = None) -> Position:
    """Where ``key = ...`` is written: in ``[table]`` if given, else before any table.

    TOML parsers give no positions, so this scans the lines: good enough for plain, quoted and
    dotted keys (``keys.quit = ...``) and inline tables; the file's start if nothing matches.
    """
    quoted = rf"(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')"
    assignment = re.compile(rf"^(\s*){quoted}\s*=")
    anywhere = re.compile(rf"(?:^|[\s{{,.]){quoted}\s*=")
    full = key if table is None else f"{table}.{key}"
    current: str | None = None
    header_line: Position | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = re.sub(r"\s*\.\s*", ".", header[1]).replace('"', "").replace("'", "")
            where = Position(path, number, len(line) - len(line.lstrip()) + 1)
            if current == full:
                return where  # the key is a table: [keys]
            if table is not None and current == table and header_line is None:
                header_line = where
            continue
        if current == table:
            found = assignment.match(line)
            if found:
                return Position(path, number, len(found[1]) + 1)
    for number, line in enumerate(text.splitlines(), start=1):
        found = anywhere.search(line)
        if found and not line.lstrip().startswith("#"):
            column = found.start() + 1 + (found[0][0] in " \t{,.")
            return Position(path, number, column)
    return header_line or Position(path)


def _close(word: str, candidates: Iterable[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{match[0]}'?" if match else None


def _type_name(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    return "a table" if isinstance(value, dict) else "a date or time"


class _Checker:
    def __init__(self, text: str, path: str) -> None:
        self.text = text
        self.path = path
        self.problems: list[Problem] = []
        self.positions: dict[str, Position] = {}

    def at(self, key: str, table: str | None = None) -> Position:
        position = key_position(self.text, self.path, key, table)
        self.positions[f"{table}.{key}" if table else key] = position
        return position

    def wrong_type(self, key: str, expected: str, value: object, table: str | None = None) -> None:
        shown = f"{table}.{key}" if table else key
        self.problems.append(
            error(
                self.at(key, table),
                "wrong-type",
                f"'{shown}' must be {expected}; found {_type_name(value)}",
            )
        )

    def run(self, table: dict[str, Any]) -> tuple[Config, list[Problem]]:
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in KNOWN_KEYS:
                self.problems.append(
                    warning(
                        self.at(key),
                        "unknown-key",
                        f"unknown setting '{key}'",
                        _close(key, KNOWN_KEYS),
                    )
                )
                continue
            checked = getattr(self, f"check_{key}")(value)
            if checked is not None:
                values[key] = checked
        config = Config(
            theme=values.get("theme"),
            keys=MappingProxyType(values.get("keys", {})),
            reload=values.get("reload", True),
            paths=values.get("paths", ()),
            data_dir=values.get("data_dir"),
            path=self.path,
            positions=MappingProxyType(dict(self.positions)),
        )
        return config, sorted(self.problems, key=lambda p: (p.line, p.column))

    def check_theme(self, value: object) -> str | None:
        if not isinstance(value, str):
            self.wrong_type("theme", "text (a theme name)", value)
            return None
        if not value.strip():
            self.problems.append(error(self.at("theme"), "missing-value", "'theme' is empty"))
            return None
        self.at("theme")
        return value.strip()

    def check_reload(self, value: object) -> bool | None:
        if not isinstance(value, bool):
            self.wrong_type("reload", "true or false", value)
            return None
        self.at("reload")
        return value

    def check_paths(self, value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.wrong_type("paths", "a list of paths", value)
            return None
        position = self.at("paths")
        if not all(isinstance(item, str) and item.strip() for item in value):
            self.problems.append(
                error(position, "wrong-type", "every entry of 'paths' must be a non-empty path")
            )
            return None
        base = Path(self.path).expanduser().parent
        return tuple(str(base / Path(item).expanduser()) for item in value)

    def check_data_dir(self, value: object) -> str | None:
        if not isinstance(value, str):
            self.wrong_type("data_dir", "text (a folder)", value)
            return None
        if not value.strip():
            self.problems.append(error(self.at("data_dir"), "missing-value", "'data_dir' is empty"))
            return None
        self.at("data_dir")
        return str(Path(self.path).expanduser().parent / Path(value.strip()).expanduser())

    def check_keys(self, value: object) -> dict[str, str] | None:
        if not isinstance(value, dict):
            self.wrong_type("keys", "a table of binding id = key", value)
            return None
        self.at("keys")
        keys: dict[str, str] = {}
        for binding, key in value.items():
            if not isinstance(key, str):
                self.wrong_type(binding, 'text such as "ctrl+e"', key, "keys")
            elif not key.strip():
                self.problems.append(
                    error(self.at(binding, "keys"), "missing-value", f"'keys.{binding}' is empty")
                )
            else:
                self.at(binding, "keys")
                keys[binding] = key.strip()
        return keys


def check_theme(config: Config, themes: Iterable[str]) -> list[Problem]:
    """A warning if the configured theme is not one of ``themes`` (Textual's, for the reader)."""
    names = list(themes)
    if config.theme is None or config.theme in names:
        return []
    return [
        warning(
            config.position_of("theme"),
            "unknown-theme",
            f"unknown theme '{config.theme}'",
            _close(config.theme, names),
        )
    ]


def check_bindings(config: Config, binding_ids: Iterable[str]) -> list[Problem]:
    """Warnings for ``[keys]`` entries that name no binding id of the reader."""
    names = list(binding_ids)
    return [
        warning(
            config.position_of(f"keys.{binding}"),
            "unknown-binding",
            f"unknown binding id '{binding}'",
            _close(binding, names),
        )
        for binding in config.keys
        if binding not in names
    ]

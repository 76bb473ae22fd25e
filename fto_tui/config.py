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
from fto_tui.reading import read_bytes

ENV_VAR = "FTO_BRIEF_CONFIG"
APP_NAME = "fto-brief"
FILE_NAME = "config.toml"
MAX_BYTES = 1024 * 1024

KNOWN_KEYS = ("theme", "keys", "reload", "paths", "data_dir")

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")
#: Modifiers and key names Textual binds (its ``Keys`` values and the names it gives to
#: punctuation), besides any single character and any Unicode character name in lower case
#: with underscores (``question_mark``). tests/test_config.py checks them against Textual.
MODIFIERS = frozenset(("ctrl", "shift", "alt", "meta", "super", "hyper"))
NAMED_KEYS = frozenset(
    (
        "escape",
        "enter",
        "return",
        "tab",
        "space",
        "backspace",
        "left",
        "right",
        "up",
        "down",
        "home",
        "end",
        "insert",
        "delete",
        "pageup",
        "pagedown",
        "slash",
        "backslash",
        "at",
        "minus",
        "plus",
        "underscore",
        *(f"f{n}" for n in range(1, 25)),
    )
)
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
    data = read_bytes(name, MAX_BYTES)
    if isinstance(data, Problem):
        if data.code == "missing-file":
            if reason == "default":
                return Config(), []
            return Config(), [error(Position(name), "missing-file", f"no config file ({reason})")]
        if data.code == "file-too-large":
            return Config(), [error(Position(name), "too-large", "larger than 1 MB: not a config")]
        return Config(), [error(Position(name), "unreadable", data.message)]
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
    except RecursionError:
        return Config(path=path), [
            error(Position(path), "too-deep", "arrays or tables are nested too deeply")
        ]
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
    return KeyPositions(text, path).find(key, table)


#: A key before ``=``: bare (dots allowed, as in a dotted key), or quoted.
_KEY = r"""(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_.-]+))"""
_ASSIGNMENT = re.compile(rf"^(\s*){_KEY}\s*=")
#: A key anywhere on a line: at its start or after a space, ``{``, ``,`` or ``.``.
_ANYWHERE = re.compile(rf"(?:^|(?<=[\s{{,.])){_KEY}\s*=")


def _key_text(match: re.Match[str]) -> str:
    return next(group for group in match.groups()[-3:] if group is not None)


class KeyPositions:
    """Where each key of a settings file is written, found in one pass over its lines (a file
    of many thousand keys must not be read again for each)."""

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        #: (table, key) -> (line, column) of the first ``key =`` in that table.
        self.assignments: dict[tuple[str | None, str], tuple[int, int]] = {}
        #: table name -> (line, column) of its first header.
        self.headers: dict[str, tuple[int, int]] = {}
        #: key -> (line, column) of its first mention as ``key =`` anywhere.
        self.anywhere: dict[str, tuple[int, int]] = {}
        current: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                current = re.sub(r"\s*\.\s*", ".", header[1]).replace('"', "").replace("'", "")
                where = (number, len(line) - len(line.lstrip()) + 1)
                self.headers.setdefault(current, where)
                continue
            if "=" not in line or line.lstrip().startswith("#"):
                continue
            found = _ASSIGNMENT.match(line)
            if found:
                self.assignments.setdefault(
                    (current, _key_text(found)), (number, len(found[1]) + 1)
                )
            for found in _ANYWHERE.finditer(line):
                key = _key_text(found)
                self.anywhere.setdefault(key, (number, found.start() + 1))
                # A dotted key (keys.quit) is also found by its last part.
                if "." in key and found[3] is not None:
                    last = key.rsplit(".", 1)[1]
                    column = found.start() + len(key) - len(last) + 1
                    self.anywhere.setdefault(last, (number, column))

    def find(self, key: str, table: str | None = None) -> Position:
        """Where ``key`` is set in ``table`` (before any table if ``None``): see
        :func:`key_position`."""
        full = key if table is None else f"{table}.{key}"
        candidates = [
            where
            for where in (self.headers.get(full), self.assignments.get((table, key)))
            if where is not None
        ]
        if candidates:
            return Position(self.path, *min(candidates))
        where = self.anywhere.get(key)
        if where is not None:
            return Position(self.path, *where)
        if table is not None and table in self.headers:
            return Position(self.path, *self.headers[table])
        return Position(self.path)


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
        self.keys = KeyPositions(text, path)

    def at(self, key: str, table: str | None = None) -> Position:
        position = self.keys.find(key, table)
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
            elif reason := unbindable(key):
                self.problems.append(
                    error(
                        self.at(binding, "keys"),
                        "unbindable-key",
                        f"'keys.{binding}' cannot be bound: {reason}",
                        'keys are written as Textual names them: "ctrl+e", "f2", "question_mark";'
                        " several are separated by commas",
                    )
                )
            else:
                self.at(binding, "keys")
                keys[binding] = key.strip()
        return keys


def unbindable(keys: str) -> str | None:
    """Why Textual could never match ``keys`` (comma-separated keys), or ``None`` if it can."""
    import unicodedata

    from fto_tui.visible import visible

    for part in keys.split(","):
        key = part.strip()
        shown = visible(key)
        if not key:
            return "a key between commas is empty"
        if len(key) == 1:
            if not key.isprintable():
                return f"'{shown}' is not a key"
            continue
        if any(char.isspace() for char in key):
            return f"'{shown}' has a space in it (the space bar is 'space')"
        *modifiers, name = key.split("+")
        if not name or not all(modifiers):
            return f"'{shown}' has an empty part around '+' (the plus key is 'plus')"
        unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
        if unknown:
            return f"unknown modifier '{visible(unknown[0])}' in '{shown}'"
        if len(name) == 1 or name in NAMED_KEYS:
            continue
        try:
            unicodedata.lookup(name.replace("_", " ").upper())
        except KeyError:
            return f"no key is called '{visible(name)}'"
        if name != name.lower():
            return f"no key is called '{visible(name)}' (key names are lower case)"
    return None


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

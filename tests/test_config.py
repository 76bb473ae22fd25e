"""The settings file: where it is found, what it may say, and positioned problems."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fto_tui.config import (
    ENV_VAR,
    Config,
    check_bindings,
    check_theme,
    config_path,
    key_position,
    load_config,
    parse_config,
)
from fto_tui.problems import Position, Severity

GOOD = """\
# settings
theme = "nord"
reload = false
paths = ["~/briefings", "relative"]

[keys]
quit = "ctrl+q"
"edit" = "e"
"""


def _write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fto_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )


def _isolated_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg")
    env["HOME"] = str(tmp_path / "home")
    env.update(extra)
    return env


# -- finding the file -----------------------------------------------------------------------


def test_defaults_when_the_default_file_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv(ENV_VAR, raising=False)
    where, reason = config_path()
    assert reason == "default"
    assert where == tmp_path / "fto-brief" / "config.toml"
    config, problems = load_config()
    assert problems == []
    assert config == Config()
    assert config.theme is None and config.reload is True
    assert config.paths == () and dict(config.keys) == {}


def test_the_environment_overrides_the_default_and_the_option_overrides_both(
    tmp_path: Path,
) -> None:
    from_env = _write(tmp_path, 'theme = "dracula"\n', "env.toml")
    from_option = _write(tmp_path, 'theme = "monokai"\n', "option.toml")
    environ = {ENV_VAR: str(from_env)}
    assert config_path(None, environ) == (from_env, "environment")
    assert load_config(None, environ)[0].theme == "dracula"
    assert config_path(str(from_option), environ) == (from_option, "--config")
    assert load_config(str(from_option), environ)[0].theme == "monokai"
    # an empty variable counts as unset
    assert config_path(None, {ENV_VAR: ""})[1] == "default"


def test_an_explicit_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "nope.toml")
    assert config == Config()
    assert [(p.code, p.severity) for p in problems] == [("missing-file", Severity.ERROR)]


# -- reading it -----------------------------------------------------------------------------


def test_a_good_file(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    config, problems = load_config(path)
    assert problems == []
    assert config.theme == "nord"
    assert config.reload is False
    assert dict(config.keys) == {"quit": "ctrl+q", "edit": "e"}
    assert config.paths == (
        str(Path("~/briefings").expanduser()),
        str(tmp_path / "relative"),  # relative paths are relative to the settings file
    )
    assert config.path == str(path)
    assert config.position_of("theme") == Position(str(path), 2, 1)
    assert config.position_of("keys") == Position(str(path), 6, 1)
    assert config.position_of("keys.edit") == Position(str(path), 8, 1)


def test_broken_toml_gives_defaults_and_the_position(tmp_path: Path) -> None:
    path = _write(tmp_path, 'theme = "nord"\nreload = tru\n')
    config, problems = load_config(path)
    assert config.theme is None  # nothing from a file that does not parse
    assert len(problems) == 1
    problem = problems[0]
    assert problem.code == "toml-syntax"
    assert problem.is_error
    assert (problem.line, problem.column) == (2, 10)
    assert "(at line" not in problem.message
    assert problem.format().startswith(f"{path}:2:10: error: not valid TOML: ")


def test_broken_toml_at_the_end_of_the_file(tmp_path: Path) -> None:
    _, problems = parse_config('theme = "nord"\nx = """never closed\n', "c.toml")
    assert problems[0].code == "toml-syntax"
    assert problems[0].line == 2
    assert "end of document" not in problems[0].message


def test_unknown_keys_warn_with_did_you_mean() -> None:
    config, problems = parse_config('them = "nord"\nreload = false\n', "c.toml")
    assert config.reload is False  # the rest still applies
    assert [p.format() for p in problems] == [
        "c.toml:1:1: warning: unknown setting 'them' — did you mean 'theme'?"
    ]
    assert problems[0].code == "unknown-key"


def test_wrong_types_are_errors_at_the_key(tmp_path: Path) -> None:
    text = "theme = 3\nreload = 'yes'\n  paths = 'one'\n[keys]\nquit = 5\n  edit = ''\nopen = 'o'\n"
    config, problems = parse_config(text, "c.toml")
    found = [(p.line, p.column, p.code, p.severity) for p in problems]
    assert found == [
        (1, 1, "wrong-type", Severity.ERROR),
        (2, 1, "wrong-type", Severity.ERROR),
        (3, 3, "wrong-type", Severity.ERROR),
        (5, 1, "wrong-type", Severity.ERROR),
        (6, 3, "missing-value", Severity.ERROR),
    ]
    assert "'reload' must be true or false; found text" in problems[1].message
    assert "'keys.quit' must be text" in problems[3].message
    # the good binding still applies, the bad settings are at their defaults
    assert dict(config.keys) == {"open": "o"}
    assert config.theme is None and config.reload is True and config.paths == ()


def test_keys_must_be_a_table_and_paths_a_list_of_text() -> None:
    _, problems = parse_config('keys = "ctrl+q"\npaths = ["a", 3]\n', "c.toml")
    assert [(p.line, p.code) for p in problems] == [(1, "wrong-type"), (2, "wrong-type")]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "nord"\ntheme2 = "\xff"\n')
    config, problems = load_config(path)
    assert config == Config()
    assert [(p.code, p.line) for p in problems] == [("encoding", 2)]


def test_a_directory_is_not_a_config(tmp_path: Path) -> None:
    _, problems = load_config(tmp_path)
    assert [p.code for p in problems] == ["unreadable"]


@pytest.mark.parametrize(
    ("text", "key", "table", "expected"),
    [
        ('theme = "x"\n', "theme", None, (1, 1)),
        ('# theme = "y"\n  "theme" = "x"\n', "theme", None, (2, 3)),
        ('[keys]\ntheme = "q"\n[other]\n', "theme", None, (2, 1)),  # fallback: anywhere
        ('quit = 1\n[keys]\nquit = "q"\n', "quit", "keys", (3, 1)),
        ('[ keys ]\n\n  quit="q"\n', "quit", "keys", (3, 3)),
        ('keys.quit = "q"\n', "quit", "keys", (1, 6)),
        ('keys = {edit = "e", quit = "q"}\n', "quit", "keys", (1, 21)),
        ("[keys]\n", "keys", None, (1, 1)),
        ("nothing = 1\n", "absent", None, (1, 1)),
    ],
)
def test_key_position(text: str, key: str, table: str | None, expected: tuple[int, int]) -> None:
    position = key_position(text, "c.toml", key, table)
    assert (position.line, position.column) == expected


def test_checks_of_theme_and_binding_names() -> None:
    config, _ = parse_config('theme = "nordd"\n[keys]\nqiut = "q"\nedit = "e"\n', "c.toml")
    themes = check_theme(config, ["nord", "dracula"])
    assert [p.format() for p in themes] == [
        "c.toml:1:1: warning: unknown theme 'nordd' — did you mean 'nord'?"
    ]
    bindings = check_bindings(config, ["quit", "edit"])
    assert [p.format() for p in bindings] == [
        "c.toml:3:1: warning: unknown binding id 'qiut' — did you mean 'quit'?"
    ]
    assert check_theme(Config(), ["nord"]) == []
    assert check_bindings(config, ["qiut", "edit"]) == []


# -- the command line -----------------------------------------------------------------------


def test_cli_config_path_follows_the_overrides(tmp_path: Path) -> None:
    env = _isolated_env(tmp_path)
    default = _cli("config", "path", env=env)
    assert default.returncode == 0
    assert default.stdout == f"{tmp_path / 'xdg' / 'fto-brief' / 'config.toml'}\n"
    from_env = _cli("config", "path", env={**env, ENV_VAR: str(tmp_path / "e.toml")})
    assert from_env.stdout == f"{tmp_path / 'e.toml'}\n"
    option = _cli("config", "path", "--config", str(tmp_path / "o.toml"), env=env)
    assert option.stdout == f"{tmp_path / 'o.toml'}\n"


def test_cli_config_check(tmp_path: Path) -> None:
    env = _isolated_env(tmp_path)
    missing = _cli("config", "check", env=env)
    assert missing.returncode == 0
    assert "defaults apply" in missing.stderr

    good = _write(tmp_path, GOOD)
    ok = _cli("config", "check", "--config", str(good), env=env)
    assert ok.returncode == 0, ok.stdout
    assert ok.stdout == ""

    warned = _write(tmp_path, 'them = "nord"\ntheme = "gruvbx"\n', "warn.toml")
    warnings = _cli("config", "check", "--config", str(warned), env=env)
    assert warnings.returncode == 0
    assert warnings.stdout.splitlines() == [
        f"{warned}:1:1: warning: unknown setting 'them' — did you mean 'theme'?",
        f"{warned}:2:1: warning: unknown theme 'gruvbx' — did you mean 'gruvbox'?",
    ]

    broken = _write(tmp_path, "reload = [\n", "broken.toml")
    errors = _cli("config", "check", env={**env, ENV_VAR: str(broken)})
    assert errors.returncode == 1
    assert errors.stdout.startswith(f"{broken}:")
    assert "error: not valid TOML" in errors.stdout


def test_cli_config_usage_errors() -> None:
    assert _cli("config").returncode == 2
    assert _cli("config", "frobnicate").returncode == 2


def _fake_app(monkeypatch: pytest.MonkeyPatch, run_app: object) -> None:
    import types

    module = types.ModuleType("fto_tui.ui.app")
    module.run_app = run_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fto_tui.ui.app", module)


def test_reader_passes_settings_to_a_reader_that_takes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fto_tui.cli import main

    seen: dict[str, object] = {}

    def run_app(paths: list[str], *, config: Config, config_problems: tuple[object, ...]) -> int:
        seen.update(paths=paths, config=config, problems=config_problems)
        return 0

    _fake_app(monkeypatch, run_app)
    path = _write(tmp_path, 'theme = "nord"\npaths = ["a.yaml"]\nreload = 1\n')
    assert main(["--config", str(path)]) == 0
    config = seen["config"]
    assert isinstance(config, Config) and config.theme == "nord"
    assert seen["paths"] == [str(tmp_path / "a.yaml")]  # the default paths, when none given
    assert [p.code for p in seen["problems"]] == ["wrong-type"]  # type: ignore[attr-defined]
    assert main(["x.yaml", "--config", str(path)]) == 0
    assert seen["paths"] == ["x.yaml"]


def test_reader_reports_settings_problems_itself_for_an_older_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from fto_tui.cli import main

    calls: list[list[str]] = []

    def run_app(paths: list[str]) -> int:
        calls.append(paths)
        return 0

    _fake_app(monkeypatch, run_app)
    path = _write(tmp_path, "reload = [\n")
    assert main(["--config", str(path)]) == 0
    assert calls == [[]]
    err = capsys.readouterr().err
    assert f"{path}:1:" in err
    assert "defaults" in err


# -- hostile settings files ---------------------------------------------------------------


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = _write(tmp_path, "x = " + "[" * 1000 + "]" * 1000 + '\ntheme = "nord"\n')
    config, problems = load_config(path)
    assert config == Config(path=str(path))
    assert [p.code for p in problems] == ["too-deep"]


def test_a_fifo_named_by_config_does_not_block(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    results: list[object] = []
    reader = threading.Thread(target=lambda: results.append(load_config(fifo)))
    reader.start()
    reader.join(20)
    if reader.is_alive():  # release the blocked open before failing
        with open(fifo, "wb"):
            pass
        reader.join()
        pytest.fail("reading a FIFO blocked")
    ((config, problems),) = results  # type: ignore[misc]
    assert config == Config()
    assert [p.code for p in problems] == ["unreadable"]


def test_a_link_to_an_endless_device_is_not_read() -> None:
    config, problems = load_config("/dev/zero")
    assert config == Config()
    assert [p.code for p in problems] == ["unreadable"]


def test_key_positions_are_found_in_one_pass_over_the_file() -> None:
    count = 2000
    text = "[keys]\n" + "".join(f'"binding.{i}" = "ctrl+f{i % 24 + 1}"\n' for i in range(count))
    splits: list[int] = []
    original = str.splitlines

    class Counting(str):
        def splitlines(self, keepends: bool = False) -> list[str]:
            splits.append(1)
            return original(self, keepends)

    config, problems = parse_config(Counting(text), "c.toml")
    assert problems == []
    assert len(config.keys) == count
    assert config.position_of("keys.binding.1999") == Position("c.toml", count + 1, 1)
    assert len(splits) <= 2


@pytest.mark.parametrize(
    "keys",
    ["ctrl+e", "e", "E", "?", "question_mark", "f12", "ctrl+shift+up", "j,down", "ctrl+e, f2"],
)
def test_key_strings_textual_can_bind_are_accepted(keys: str) -> None:
    config, problems = parse_config(f'[keys]\n"app.quit" = "{keys}"\n', "c.toml")
    assert problems == []
    assert config.keys == {"app.quit": keys}


@pytest.mark.parametrize(
    "keys",
    ["ctrl+", "a,,b", ",", "ctrl e", "Ctrl+E", "control+e", "F1", "ctrl+nothing", "++", "\\u0007"],
)
def test_key_strings_textual_cannot_bind_are_errors(keys: str) -> None:
    config, problems = parse_config(f'[keys]\n"app.quit" = "{keys}"\n', "c.toml")
    assert [(p.code, p.line) for p in problems] == [("unbindable-key", 2)]
    assert config.keys == {}


def test_every_key_name_accepted_is_one_textual_knows() -> None:
    from textual.keys import Keys, _character_to_key, key_to_character

    from fto_tui.config import NAMED_KEYS

    textual_names = {key.value for key in Keys} | {
        _character_to_key(chr(c)) for c in range(0x21, 0x7F)
    }
    for name in NAMED_KEYS:
        assert name in textual_names or key_to_character(name) is not None, name

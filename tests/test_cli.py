"""The ``fto-brief`` command, run as a separate process: exit codes, output forms, the schema."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

import fto_tui

BRIEFINGS = Path(__file__).resolve().parents[1] / "briefings"
SHIPPED = BRIEFINGS / "fto-designations-2025.yaml"
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): .+$")

GOOD = "briefing:\n  title: Test\nsources:\n  - id: src\n    title: A source\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fto_tui", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def write(tmp_path: Path, text: str, name: str = "b.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_bundled_briefings_is_silent_and_succeeds() -> None:
    result = run("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == []
    assert "0 errors, 0 warnings" in result.stderr


def test_check_the_shipped_briefing_by_path() -> None:
    result = run("check", SHIPPED)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "1 file checked: 0 errors, 0 warnings" in result.stderr


def test_check_a_bad_file_prints_quickfix_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "briefing:\n  title: A\n  title: B\nsources:\n  - id: Bad\n    title: T\n    publsher: x\n",
    )
    result = run("check", path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines == [
        f"{path}:3:3: error: duplicate key 'title' in this briefing"
        " — first given at line 2, column 3",
        f"{path}:5:9: error: 'Bad' is not a valid id"
        " — ids are lower-case words joined by hyphens, like 'bad'",
        f"{path}:7:5: warning: unknown key 'publsher' in a source — did you mean 'publisher'?",
    ]
    for line in lines:
        assert LINE.match(line)
    assert "2 errors, 1 warning" in result.stderr


def test_check_output_is_the_same_when_the_file_is_checked_again(tmp_path: Path) -> None:
    path = write(tmp_path, "briefing:\n  title: T\n  titel: x\n")
    first, second = run("check", path), run("check", path)
    assert first.returncode == second.returncode == 0
    assert (
        first.stdout == second.stdout == f"{path}:3:3: warning: unknown key 'titel' in a "
        "briefing — did you mean 'title'?\n"
    )


def test_check_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    result = run("check", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [f"{path}:1:1: error: cannot read file: no such file"]


def test_check_a_directory(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(
        tmp_path,
        "briefing:\n  title: B\nspeakers:\n  - id: x\n    name: N\n    source: src\n",
        "b.yml",
    )
    result = run("check", tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "2 files checked" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--bogus"),
        ("check", "--format", "xml"),
        ("schema", "extra"),
        ("--bogus",),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "usage:" in result.stderr
    assert "error:" in result.stderr


def test_json_output_carries_every_field(tmp_path: Path) -> None:
    path = write(tmp_path, "briefing:\n  title: T\n  as_of: 2025-02-30\n  titel: x\n")
    result = run("check", "--format", "json", path)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["ok"] is False
    assert document["files"] == [str(path)]
    assert (document["errors"], document["warnings"]) == (1, 1)
    date, key = document["problems"]
    assert date == {
        "path": str(path),
        "line": 3,
        "column": 18,
        "severity": "error",
        "code": "bad-date",
        "message": "'2025-02-30' is not a valid date: February 2025 has 28 days",
        "hint": None,
        "category": "file",
    }
    assert key["code"] == "unknown-key"
    assert key["severity"] == "warning"
    assert (key["line"], key["column"]) == (4, 3)
    assert key["hint"] == "did you mean 'title'?"


def test_json_output_for_a_valid_file(tmp_path: Path) -> None:
    result = run("check", "--format", "json", write(tmp_path, GOOD))
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["ok"] is True
    assert document["problems"] == []


def test_strict_turns_a_warning_into_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "organisations:\n  - id: o\n    name: N\n")
    relaxed = run("check", path)
    assert relaxed.returncode == 0
    assert (
        relaxed.stdout == f"{path}:7:5: warning: organisation 'o' cites no source"
        " — add 'source: <source id>' so readers can check the claim\n"
    )
    strict = run("check", "--strict", path)
    assert strict.returncode == 1
    assert strict.stdout == relaxed.stdout.replace(": warning: ", ": error: ")
    as_json = json.loads(run("check", "--strict", "--format", "json", path).stdout)
    assert [p["severity"] for p in as_json["problems"]] == ["error"]


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = run("schema")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_schema_is_a_valid_draft_07_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def test_schema_accepts_the_shipped_briefing(schema: dict[str, Any]) -> None:
    data = _dates_as_text(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")))
    jsonschema.Draft7Validator(schema).validate(data)


def test_schema_accepts_the_guides_v2_example(schema: dict[str, Any]) -> None:
    guide = (Path(__file__).resolve().parents[1] / "docs" / "briefing-format.md").read_text(
        encoding="utf-8"
    )
    example = re.findall(r"```yaml\n(.*?)```", guide, re.S)[0]
    data = _dates_as_text(yaml.safe_load(example))
    assert data["quotes"][-1].get("speaker") is None  # an unnamed speaker is allowed
    jsonschema.Draft7Validator(schema).validate(data)


def test_schema_accepts_a_file_without_a_briefing_header(schema: dict[str, Any]) -> None:
    # One briefing split across files needs the header in one of them only.
    jsonschema.Draft7Validator(schema).validate({"sources": []})


@pytest.mark.parametrize(
    "data",
    [
        {"briefing": {"title": "T"}, "quotes": [{"text": "t"}]},  # no speaker, no attribution
        {"briefing": {"title": "T"}, "sources": [{"id": "s", "title": "T", "identifiers": ["Q"]}]},
        {"briefing": {}},  # no title
        {"briefing": {"title": "T"}, "sourcess": []},  # unknown key
        {"briefing": {"title": "T"}, "organisations": [{"id": "Bad Id", "name": "N"}]},
        {"briefing": {"title": "T"}, "quotes": [{"speaker": "x", "text": "t", "kind": "said"}]},
        {"briefing": {"title": "T"}, "sources": [{"id": "s", "title": "T", "url": "ftp://x"}]},
    ],
)
def test_schema_rejects_what_the_loader_rejects(schema: dict[str, Any], data: Any) -> None:
    assert list(jsonschema.Draft7Validator(schema).iter_errors(data))


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"fto-brief {fto_tui.__version__}"


def test_installed_console_script() -> None:
    command = shutil.which("fto-brief")
    if command is None:
        pytest.skip("fto-brief is not on PATH")
    result = subprocess.run(
        [command, "check", SHIPPED], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""

"""``fto-brief notes export``, ``export --with-notes``, ``--data-dir`` and ``data_dir``."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from fto_tui.cli import main
from fto_tui.config import parse_config
from fto_tui.memory.store import ItemInfo, open_store

BRIEFING = """\
briefing:
  title: Test
organisations:
  - id: alpha
    name: Alpha Front
"""


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def noted(tmp_path: Path) -> tuple[Path, Path]:
    """A briefing, and a data dir with a note on one of its items and one on a gone item."""
    briefing = tmp_path / "b.yaml"
    briefing.write_text(BRIEFING)
    data = tmp_path / "data"
    store = open_store(data)
    assert store is not None
    store.save_note(
        ItemInfo("alpha", str(briefing), "organisation", "Alpha Front", "x"),
        "<script>alert(1)</script> and [a link](javascript:x)",
    )
    store.save_note(ItemInfo("gone", str(briefing), "organisation", "Gone Group", "x"), "kept")
    return briefing, data


def test_notes_export_markdown_escapes_and_marks_orphans(noted: tuple[Path, Path]) -> None:
    briefing, data = noted
    status, out, _ = _run("notes", "export", str(briefing), "--data-dir", str(data))
    assert status == 0
    assert "\\<script\\>" in out and "\\[a link\\]" in out and "<script>" not in out
    assert "Gone Group" in out and out.count("Orphaned") == 1


def test_notes_export_json(noted: tuple[Path, Path], tmp_path: Path) -> None:
    briefing, data = noted
    target = tmp_path / "notes.json"
    status, _, _ = _run(
        "notes", "export", str(briefing), "--format", "json", "-o", str(target), "--data-dir",
        str(data),
    )  # fmt: skip
    assert status == 0
    items = {item["id"]: item for item in json.loads(target.read_text())["items"]}
    assert items["gone"]["orphaned"] is True and items["alpha"]["orphaned"] is False
    assert items["alpha"]["note"]["text"].startswith("<script>")


def test_notes_export_without_a_database_lists_nothing(tmp_path: Path) -> None:
    status, out, _ = _run("notes", "export", "--data-dir", str(tmp_path / "none"))
    assert status == 0 and "No notes" in out
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_export_with_notes(noted: tuple[Path, Path], fmt: str) -> None:
    briefing, data = noted
    status, out, _ = _run(
        "export", str(briefing), "--format", fmt, "--with-notes", "--data-dir", str(data)
    )
    assert status == 0
    assert "<script>alert" not in out
    assert "Gone Group" in out and "Alpha Front" in out
    status, plain, _ = _run("export", str(briefing), "--format", fmt, "--data-dir", str(data))
    assert "Gone Group" not in plain


def test_export_with_notes_refuses_other_formats(noted: tuple[Path, Path]) -> None:
    briefing, _data = noted
    status, _, err = _run("export", str(briefing), "--format", "csv", "--with-notes")
    assert status == 2 and "--with-notes" in err


def test_the_settings_file_moves_the_data_dir(noted: tuple[Path, Path], tmp_path: Path) -> None:
    _briefing, _data = noted
    settings = tmp_path / "settings.toml"
    settings.write_text('data_dir = "data"\n')
    status, out, _ = _run("notes", "export", "--config", str(settings))
    assert status == 0 and "Gone Group" in out


def test_data_dir_setting_is_checked() -> None:
    config, problems = parse_config('data_dir = "~/notes"\n', "/home/x/settings.toml")
    assert problems == [] and config.data_dir is not None
    assert config.data_dir.endswith("/notes") and "~" not in config.data_dir
    _, problems = parse_config("data_dir = 3\n", "s.toml")
    assert [p.code for p in problems] == ["wrong-type"]
    _, problems = parse_config('data_dir = ""\n', "s.toml")
    assert [p.code for p in problems] == ["missing-value"]


def test_the_reader_gets_the_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def run_app(paths: list[str], *, data_dir: str | None = None) -> int:
        seen["data_dir"] = data_dir
        return 0

    monkeypatch.setattr("fto_tui.ui.app.run_app", run_app)
    assert _run("--data-dir", str(tmp_path / "d"))[0] == 0
    assert seen["data_dir"] == str(tmp_path / "d")
    settings = tmp_path / "settings.toml"
    settings.write_text('data_dir = "elsewhere"\n')
    assert _run("--config", str(settings))[0] == 0
    assert seen["data_dir"] == str(tmp_path / "elsewhere")

"""``fto-brief new``: a starter briefing that checks clean, and never an overwrite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from fto_tui.loader import load
from fto_tui.scaffold import STARTER, write_starter
from fto_tui.schema import SECTIONS
from fto_tui.writing import create_new, replace_atomically


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fto_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_starter_has_every_section_with_one_entry() -> None:
    document = yaml.safe_load(STARTER)
    assert document["briefing"]["title"]
    for name, _record in SECTIONS:
        assert len(document[name]) == 1, name
    assert STARTER.startswith("# yaml-language-server: $schema=")


def test_starter_loads_without_any_problem(tmp_path: Path) -> None:
    path = tmp_path / "starter.yaml"
    write_starter(path)
    result = load([path], strict=True)
    assert result.problems == ()
    counts = result.collection.counts()
    assert counts == {"organisations": 1, "speakers": 1, "quotes": 1, "events": 1, "sources": 1}
    organisation = result.collection.organisations[0]
    assert len(organisation.designations) == 1


def test_write_starter_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my work\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_starter(path)
    assert path.read_text(encoding="utf-8") == "my work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]


def test_write_starter_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(FileExistsError):
        write_starter(link)
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_create_new_falls_back_when_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "new.yaml"
    create_new(path, b"data")
    assert path.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]
    with pytest.raises(FileExistsError):
        create_new(path, b"other")
    assert path.read_bytes() == b"data"


def test_replace_atomically_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    replace_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_cli_new_then_check(tmp_path: Path) -> None:
    path = tmp_path / "fresh.yaml"
    done = _cli("new", str(path))
    assert done.returncode == 0, done.stderr
    assert f"wrote {path}" in done.stderr
    assert path.read_text(encoding="utf-8") == STARTER
    checked = _cli("check", "--strict", str(path))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout == ""
    assert "0 errors, 0 warnings" in checked.stderr


def test_cli_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "taken.yaml"
    path.write_text("briefing:\n  title: mine\n", encoding="utf-8")
    done = _cli("new", str(path))
    assert done.returncode == 1
    assert "already exists" in done.stderr
    assert path.read_text(encoding="utf-8") == "briefing:\n  title: mine\n"


def test_cli_new_reports_a_missing_directory(tmp_path: Path) -> None:
    done = _cli("new", str(tmp_path / "no" / "such" / "dir.yaml"))
    assert done.returncode == 1
    assert "cannot write" in done.stderr


def test_cli_new_needs_a_path() -> None:
    done = _cli("new")
    assert done.returncode == 2
    assert "PATH" in done.stderr

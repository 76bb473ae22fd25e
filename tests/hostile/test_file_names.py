"""File names that are not valid UTF-8 (legal on Linux): every output shows the undecodable
bytes as ``\\xNN`` text, writes valid UTF-8, and the files beside them still load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fto_tui.loader import load
from fto_tui.visible import visible, visible_in_json

GOOD = "briefing:\n  title: Good\nsources:\n  - id: s\n    title: A source\n"
BAD = "briefing:\n  title: Bad name\n"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff\x9b.yaml"), "wb") as handle:
        handle.write(BAD.encode())
    return tmp_path


def _run(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "fto_tui", *args], capture_output=True, cwd=cwd, env=env, timeout=60
    )


def test_undecodable_bytes_show_as_byte_codes() -> None:
    name = os.fsdecode(b"bad\xff.yaml")
    assert visible(name) == "bad\\xff.yaml"
    assert json.loads(visible_in_json(json.dumps(name, ensure_ascii=False))) == "bad\\xff.yaml"


def test_every_file_beside_a_badly_named_one_loads(folder: Path) -> None:
    result = load([str(folder)])
    assert result.ok
    assert len(result.files) == 2
    assert result.collection.get("s") is not None


@pytest.mark.parametrize("cached", [True, False])
def test_check_shows_the_name_with_its_bytes_visible(
    folder: Path, tmp_path: Path, cached: bool
) -> None:
    (folder / "broken.yaml").write_text("briefing: [\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"worse\xfe.yaml"), "wb") as handle:
        handle.write(b"briefing: [\n")
    args = ["check", "."] if cached else ["check", "--no-cache", "."]
    for _ in range(2):  # the second run reads the cache
        done = _run(*args, cwd=folder, cache=tmp_path / "cache")
        assert done.returncode == 1, done.stderr
        out = done.stdout.decode("utf-8")
        assert "worse\\xfe.yaml:2:1: error" in out.replace("./", "")
        assert b"Traceback" not in done.stderr


def test_check_json_writes_the_name_as_visible_text(folder: Path, tmp_path: Path) -> None:
    done = _run("check", "--format", "json", ".", cwd=folder, cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    files = json.loads(done.stdout.decode("utf-8"))["files"]
    assert "./bad\\xff\\x9b.yaml" in files


@pytest.mark.parametrize("to_file", [True, False])
def test_the_json_export_is_valid_utf8_with_the_name_visible(
    folder: Path, tmp_path: Path, to_file: bool
) -> None:
    out = tmp_path / "out.json"
    args = ["-o", str(out)] if to_file else ["--format", "json"]
    done = _run("export", ".", *args, cwd=folder, cache=tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    data = out.read_bytes() if to_file else done.stdout
    text = data.decode("utf-8")
    assert "\\\\xff\\\\x9b" in text
    assert "\x9b" not in text
    json.loads(text)


def test_loading_through_the_cache_as_the_reader_does(folder: Path, tmp_path: Path) -> None:
    from fto_tui.cache import ParseCache

    cache = ParseCache(tmp_path / "cache")
    for _ in range(2):
        result = load([str(folder)], cache=cache)
        assert result.ok
        assert len(result.files) == 2

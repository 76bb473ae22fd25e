"""Nothing is written to a briefing: loading, checking, printing the schema and reading (browse,
reload, quit) leave every byte, modification time and directory entry as it was, and all of it
works on read-only files.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fto_tui.loader import bundled_paths, load
from tests.hostile.generate import make
from tests.privileges import as_ordinary_root

HOSTILE = Path(__file__).parent / "hostile"

Snapshot = dict[str, tuple[str, int, int, int]]


def snapshot(folder: Path) -> Snapshot:
    """Every entry below ``folder``: content digest, modification time, size and mode."""
    found: Snapshot = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root, name)
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
            found[str(path.relative_to(folder))] = (
                digest,
                info.st_mtime_ns,
                info.st_size,
                info.st_mode,
            )
    return found


def _make_briefings(folder: Path) -> None:
    """The shipped briefing, hostile files that load, and broken ones (their paths matter too)."""
    shutil.copy(bundled_paths()[0], folder / "shipped.yaml")
    sub = folder / "more"
    sub.mkdir()
    for name in ("markup-every-field.yaml", "yaml11-lookalikes.yaml", "escaped-bidi.yaml"):
        shutil.copy(HOSTILE / name, sub / name)
    for name in ("crlf.yaml", "utf8-bom.yaml"):
        make(name, sub)
    broken = folder / "broken"
    broken.mkdir()
    for name in ("duplicate-keys.yaml", "alias-bomb-9.yaml"):
        shutil.copy(HOSTILE / name, broken / name)
    make("invalid-utf8.yaml", broken)


def _read_only(folder: Path) -> None:
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            os.chmod(Path(root, name), 0o444)
        for name in dirs:
            os.chmod(Path(root, name), 0o555)
    os.chmod(folder, 0o555)


def _writable(folder: Path) -> None:
    os.chmod(folder, 0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(Path(root, name), 0o755)
        for name in files:
            os.chmod(Path(root, name), 0o644)


@pytest.fixture(params=["writable", "read-only"])
def briefings(request: pytest.FixtureRequest) -> Iterator[Path]:
    """A folder of briefings that other users can read (so a non-root user can be tried)."""
    base = Path(tempfile.mkdtemp(prefix="fto-no-writes-"))
    os.chmod(base, 0o755)
    folder = base / "briefings"
    folder.mkdir()
    _make_briefings(folder)
    if request.param == "read-only":
        _read_only(folder)
    try:
        yield folder
    finally:
        _writable(folder)
        shutil.rmtree(base)


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Cache, configuration and state go to a scratch home, away from the briefings."""
    home = tmp_path / "home"
    home.mkdir()
    for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    return home


def test_loading_writes_nothing(briefings: Path, elsewhere: Path) -> None:
    before = snapshot(briefings)
    result = load([briefings])
    again = load([briefings])
    assert len(result.files) == 9
    # The files nothing could be read from come first (their errors are the cause of others).
    assert [p.code for p in result.errors] == ["alias", "encoding", "duplicate-key"]
    assert result.problems == again.problems
    assert snapshot(briefings) == before


def _nobody() -> int | None:
    """The uid of 'nobody' when this process is root and 'nobody' can run this Python."""
    if os.geteuid() != 0:
        return None
    try:
        uid = pwd.getpwnam("nobody").pw_uid
        subprocess.run([sys.executable, "-c", ""], user=uid, check=True, timeout=30)
    except (KeyError, OSError, subprocess.SubprocessError):
        return None
    return uid


def _cli(
    args: list[str],
    cwd: Path,
    home: Path,
    user: int | None = None,
    prefix: tuple[str, ...] = (),
) -> str:
    env = {**os.environ}
    for variable in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[variable] = str(home / variable.lower())
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "fto_tui", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        user=user,
    )
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_check_and_schema_write_nothing(briefings: Path, elsewhere: Path) -> None:
    before = snapshot(briefings)
    first = _cli(["check", "."], briefings, elsewhere)
    assert "broken/alias-bomb-9.yaml:3:12: error:" in first
    assert _cli(["check", "--format", "json", "--strict", "."], briefings, elsewhere)
    assert _cli(["check", "."], briefings, elsewhere) == first  # from the cache, if any
    assert '"$schema"' in _cli(["schema"], briefings, elsewhere)
    assert snapshot(briefings) == before


def test_another_user_checks_read_only_briefings(briefings: Path) -> None:
    """Root may write anything, so 'read-only' proves little for root: check as root without
    its power over file modes (setpriv), or else as 'nobody', with
    a cache directory it cannot create either. (Run as any other user, the read-only case of
    the tests above already shows it.)"""
    prefix = as_ordinary_root() or ()
    user = None if prefix else _nobody()
    if not prefix and user is None:
        pytest.skip("needs root, and setpriv or a Python that the user 'nobody' may run")
    if os.stat(briefings).st_mode & stat.S_IWUSR:
        _read_only(briefings)
    before = snapshot(briefings)
    unwritable = Path("/proc/fto-brief-no-home")
    out = _cli(["check", str(briefings)], Path("/"), unwritable, user=user, prefix=prefix)
    assert f"{briefings}/broken/duplicate-keys.yaml:4:3: error:" in out
    assert f"{briefings}/shipped.yaml" not in out.replace("warning", "")
    assert snapshot(briefings) == before


async def test_reading_browsing_and_reloading_write_nothing(
    briefings: Path, elsewhere: Path
) -> None:
    app_module = pytest.importorskip("fto_tui.ui.app")
    before = snapshot(briefings)
    app = app_module.FtoBriefApp([briefings], watch=True)
    async with app.run_test(size=(140, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if len(app.screen_stack) > 1:  # the problems of the broken files
            await pilot.press("escape")
            await pilot.pause()
        assert app.collection.organisations
        for key in ("down", "down", "enter", "tab", "down", "enter", "2", "down", "3", "end"):
            await pilot.press(key)
        await pilot.pause()
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        await _use_the_memory(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert snapshot(briefings) == before


async def _use_the_memory(app: Any, pilot: Any) -> None:
    """Every memory key: a note saved, a bookmark, tags, mark read, the Notes and Changes
    views and marking all read (all of it goes to the data directory, none to a briefing)."""
    while len(app.screen_stack) > 1:  # the problems of the broken files, again
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("1", "a", *"a note", "ctrl+s", "m", "t", *"tag", "enter", "u")
    await pilot.pause()
    await pilot.press("A")
    await pilot.pause()
    await pilot.press("escape", "U")
    await pilot.pause()
    await pilot.press("u", "escape")
    await app.reader.run_action("mark_all_read")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.memory.annotations, "the note, bookmark and tags were kept"

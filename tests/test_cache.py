"""The parse cache: hits skip the parser, any byte change misses, damage is ignored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fto_tui import cache as cache_module
from fto_tui import loader
from fto_tui.cache import ParseCache, content_key, default_directory
from fto_tui.loader import load_file

BRIEFING = """\
briefing:
  title: Cache test
sources:
  - id: src
    title: A source
organisations:
  - id: org-a
    name: Organisation A
    source: src
events:
  - date: 2025-02-20
    title: Something happened
    source: src
"""


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    return path


@pytest.fixture
def cache(tmp_path: Path) -> ParseCache:
    return ParseCache(tmp_path / "cache")


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(name: str, data: bytes) -> None:
        raise AssertionError(f"{name} was parsed again")

    monkeypatch.setattr(loader, "_parse", fail)


def _entries(cache: ParseCache) -> list[Path]:
    return sorted(cache.directory.glob("*.msgpack"))


def test_second_load_comes_from_the_cache(
    briefing: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_file(briefing, cache=cache)
    assert first.ok and len(_entries(cache)) == 1
    _forbid_parsing(monkeypatch)
    second = load_file(briefing, cache=cache)
    assert second == first
    assert second.organisations[0].origin.line == 7
    assert second.events[0].date.display() == "20 Feb 2025"


def test_any_change_to_the_bytes_is_seen_even_with_same_size_and_mtime(
    briefing: Path, cache: ParseCache
) -> None:
    load_file(briefing, cache=cache)
    info = briefing.stat()
    changed = BRIEFING.replace("Organisation A", "Organisation B")
    assert len(changed) == len(BRIEFING)
    briefing.write_text(changed, encoding="utf-8")
    os.utime(briefing, ns=(info.st_atime_ns, info.st_mtime_ns))
    again = load_file(briefing, cache=cache)
    assert again.organisations[0].name == "Organisation B"


def test_problems_are_cached_with_the_file(tmp_path: Path, cache: ParseCache) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("briefing:\n  title: x\nevents:\n  - date: 2025-02-30\n    title: y\n")
    first = load_file(path, cache=cache)
    second = load_file(path, cache=cache)
    assert not first.ok
    assert second.problems == first.problems
    assert (second.problems[0].line, second.problems[0].column) == (4, 19)  # at the day


def test_same_bytes_at_another_path_is_another_entry(
    briefing: Path, tmp_path: Path, cache: ParseCache
) -> None:
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(briefing.read_bytes())
    load_file(briefing, cache=cache)
    loaded = load_file(copy, cache=cache)
    assert loaded.organisations[0].origin.path == str(copy)
    assert len(_entries(cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],
        lambda blob: b"",
        lambda blob: b"garbage" * 10,
        lambda blob: blob[:4] + b"0" * 16 + blob[20:],
        lambda blob: blob[:-7] + b"\xff" * 7,
    ],
    ids=["truncated", "empty", "garbage", "other-model", "corrupt-tail"],
)
def test_a_damaged_entry_is_ignored_and_replaced(
    briefing: Path, cache: ParseCache, damage: object
) -> None:
    first = load_file(briefing, cache=cache)
    (entry,) = _entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    again = load_file(briefing, cache=cache)
    assert again == first
    assert cache.get(content_key(str(briefing), briefing.read_bytes())) == first


def test_an_interrupted_write_leaves_no_entry(
    briefing: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(src: str, dst: str) -> None:
        raise OSError("killed before the rename")

    monkeypatch.setattr(cache_module.os, "replace", killed)
    result = load_file(briefing, cache=cache)
    assert result.ok
    assert _entries(cache) == []
    assert list(cache.directory.glob("*.tmp")) == []


def test_the_cache_stays_within_its_size_bound(tmp_path: Path) -> None:
    small = ParseCache(tmp_path / "cache", max_bytes=3000)
    for i in range(6):
        path = tmp_path / f"b{i}.yaml"
        path.write_text(BRIEFING.replace("Cache test", f"Cache test {i}"), encoding="utf-8")
        load_file(path, cache=small)
    entries = _entries(small)
    assert 1 <= len(entries) < 6
    assert sum(e.stat().st_size for e in entries) <= 3000 or len(entries) == 1


def test_an_unwritable_cache_directory_does_not_stop_loading(
    briefing: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    result = load_file(briefing, cache=ParseCache(blocker / "cache"))
    assert result.ok


def test_the_default_directory_honours_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_directory().is_relative_to(tmp_path / "xdg")


def test_check_uses_the_cache_and_can_skip_it(briefing: Path, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    run = [sys.executable, "-m", "fto_tui", "check"]
    first = subprocess.run([*run, "--no-cache", str(briefing)], env=env, capture_output=True)
    assert first.returncode == 0
    assert not (tmp_path / "xdg").exists()
    second = subprocess.run([*run, str(briefing)], env=env, capture_output=True)
    assert second.returncode == 0
    assert len(list((tmp_path / "xdg").rglob("*.msgpack"))) == 1


def test_entries_hold_records_as_arrays_of_values(briefing: Path, cache: ParseCache) -> None:
    load_file(briefing, cache=cache)
    (entry,) = _entries(cache)
    blob = entry.read_bytes()
    assert b"Organisation A" in blob
    for name in (b"aliases", b"designations", b"unspecified_year_digits", b"is_interval"):
        assert name not in blob


def test_an_entry_from_other_loading_code_is_not_read(
    briefing: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_file(briefing, cache=cache)
    key = content_key(str(briefing), briefing.read_bytes())
    assert cache.get(key) is not None
    monkeypatch.setattr(cache_module, "_fingerprint", "0" * 16)
    newer = ParseCache(cache.directory)
    assert newer.get(key) is None
    assert load_file(briefing, cache=newer).ok
    assert newer.get(key) is not None


def test_the_fingerprint_is_worked_out_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    first = cache_module.fingerprint()

    def unreadable(path: str, module: str) -> str:
        raise AssertionError("the loading code was read again")

    monkeypatch.setattr(cache_module, "_digest", unreadable)
    assert cache_module.fingerprint() == first
    assert len(first) == 16


def test_the_fingerprint_digests_compiled_code_when_sources_are_missing(tmp_path: Path) -> None:
    import hashlib

    from fto_tui import model

    source = hashlib.sha256(Path(model.__file__).read_bytes()).hexdigest()
    assert cache_module._digest(str(tmp_path / "model.py"), "model") == source
    assert (
        cache_module._digest(str(tmp_path / "x.py"), "no_such_module")
        == "no_such_module:unreadable"
    )


def test_a_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG directories are a Linux and Unix convention")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert default_directory() == tmp_path / "home" / ".cache" / "fto-brief" / "parsed"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_directory() == tmp_path / "home" / ".cache" / "fto-brief" / "parsed"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_directory() == tmp_path / "xdg" / "fto-brief" / "parsed"


def test_the_default_directory_is_where_platformdirs_puts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for xdg in (None, str(tmp_path / "xdg")):
        if xdg is None:
            monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", xdg)
        expected = Path(platformdirs.user_cache_dir("fto-brief", appauthor=False)) / "parsed"
        assert default_directory() == expected


def _count_scans(cache: ParseCache, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often the cache lists its directory."""
    scans: list[int] = []
    real = os.scandir

    def counting(path: object) -> object:
        if Path(path) == cache.directory:  # type: ignore[arg-type]
            scans.append(1)
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module.os, "scandir", counting)
    original = Path.iterdir

    def counting_iterdir(self: Path) -> object:
        if self == cache.directory:
            scans.append(1)
        return original(self)

    monkeypatch.setattr(Path, "iterdir", counting_iterdir)
    return scans


def test_filling_the_cache_lists_its_directory_once_not_once_per_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ParseCache(tmp_path / "cache")
    scans = _count_scans(cache, monkeypatch)
    for i in range(50):
        path = tmp_path / f"b{i}.yaml"
        path.write_text(BRIEFING.replace("Cache test", f"Cache test {i}"), encoding="utf-8")
        load_file(path, cache=cache)
    assert len(scans) <= 1
    assert len(_entries(cache)) == 50


def test_a_full_cache_trims_below_its_bound_so_scans_stay_rare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = len(
        ParseCache(tmp_path / "probe")._encoder.encode(load_file(_write(tmp_path, 0), cache=None))
    )
    cache = ParseCache(tmp_path / "cache", max_bytes=size * 40)
    scans = _count_scans(cache, monkeypatch)
    for i in range(400):
        load_file(_write(tmp_path, i), cache=cache)
    listed = len(scans)
    entries = _entries(cache)
    assert sum(e.stat().st_size for e in entries) <= size * 40
    # Each trim frees a tenth of the bound (four entries here), so the directory is listed
    # about once every four writes, not at every one.
    assert listed <= 400 // 3


def _write(tmp_path: Path, i: int) -> Path:
    path = tmp_path / f"b{i}.yaml"
    path.write_text(BRIEFING.replace("Cache test", f"Cache test {i:04d}"), encoding="utf-8")
    return path


def _rewrite_entry(entry: Path, change: object) -> None:
    """Changes an entry's payload and writes it back with a correct checksum, as someone able
    to write the cache directory could."""
    import zlib

    blob = entry.read_bytes()
    start = blob.index(b"FTOB") + 4 + 16 + 4
    payload = change(blob[start:])  # type: ignore[operator]
    entry.write_bytes(blob[: start - 4] + zlib.crc32(payload).to_bytes(4, "big") + payload)


def test_an_entry_with_an_impossible_date_is_dropped_and_the_file_parsed_afresh(
    briefing: Path, cache: ParseCache
) -> None:
    first = load_file(briefing, cache=cache)
    (entry,) = _entries(cache)
    # 2025-02-20 is the array [2025, 2, 20, ...]: make it month 13.
    point = b"\xcd\x07\xe9\x02\x14"
    _rewrite_entry(entry, lambda payload: payload.replace(point, b"\xcd\x07\xe9\x0d\x14"))
    assert cache.get(content_key(str(briefing), briefing.read_bytes())) is None
    assert load_file(briefing, cache=cache) == first


def test_an_entry_with_impossible_references_is_dropped(briefing: Path, cache: ParseCache) -> None:
    from fto_tui.loader import FileLoad
    from fto_tui.references import References

    key = content_key(str(briefing), briefing.read_bytes())
    for references in (
        References(targets=("src",), kinds=(0,), lines=(1,), columns=(1,)),
        References(targets=("src",), kinds=(1 << 12,), lines=(1,), columns=(1,)),
        References(targets=("src", "x"), kinds=(1,), lines=(1,), columns=(1,)),
        References(targets=("src",), kinds=(1,), lines=(0,), columns=(1,)),
    ):
        cache.put(key, FileLoad(str(briefing), (), references=references))
        assert cache.get(key) is None


def test_a_fifo_where_an_entry_should_be_is_ignored(briefing: Path, cache: ParseCache) -> None:
    import threading

    first = load_file(briefing, cache=cache)
    (entry,) = _entries(cache)
    entry.unlink()
    os.mkfifo(entry)
    results = []
    reader = threading.Thread(target=lambda: results.append(load_file(briefing, cache=cache)))
    reader.start()
    reader.join(20)
    if reader.is_alive():  # release the blocked open before failing
        with open(entry, "wb"):
            pass
    assert results == [first]


def test_a_link_to_an_endless_device_is_not_read(briefing: Path, cache: ParseCache) -> None:
    first = load_file(briefing, cache=cache)
    (entry,) = _entries(cache)
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert load_file(briefing, cache=cache) == first


def test_an_entry_larger_than_the_cache_bound_is_not_read(tmp_path: Path, briefing: Path) -> None:
    cache = ParseCache(tmp_path / "cache", max_bytes=100)
    key = content_key(str(briefing), briefing.read_bytes())
    cache.directory.mkdir()
    (cache.directory / f"{key}.msgpack").write_bytes(b"FTOB" + b"\0" * 200)
    assert cache.get(key) is None

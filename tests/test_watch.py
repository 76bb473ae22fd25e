"""The file watcher reports settled changes: in-place writes, renames, truncation, deletion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fto_tui.watch import FileChange, FileWatcher, signature


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def briefing(tmp_path: Path) -> Path:
    path = tmp_path / "b.yaml"
    path.write_text("briefing:\n  title: One\n")
    return path


def bump_mtime(path: Path, seconds: int = 5) -> None:
    """Move the modification time on, as a later write would (timestamps can be coarse)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def test_nothing_changes(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], clock=clock)
    for _ in range(3):
        clock.advance(1)
        assert watcher.poll() == []


def test_in_place_write_reported_once_settled(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    with briefing.open("a") as f:
        f.write("sources: []\n")
    assert watcher.poll() == []  # just seen: not settled yet
    clock.advance(0.3)
    assert watcher.poll() == []
    clock.advance(0.1)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]
    clock.advance(1)
    assert watcher.poll() == []


def test_same_size_rewrite_is_noticed(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    briefing.write_text("briefing:\n  title: Two\n")
    bump_mtime(briefing)
    watcher.poll()
    clock.advance(0.5)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]


def test_chunked_write_waits_until_stable(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    with briefing.open("w") as f:  # truncate, then write in chunks while polling
        for chunk in ("briefing:\n", "  title: Long\n", "  summary: more\n"):
            f.write(chunk)
            f.flush()
            assert watcher.poll() == []
            clock.advance(0.3)
    assert watcher.poll() == []  # 0.3 s since the last change
    clock.advance(0.1)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]


def test_editor_write_and_rename(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    old = briefing.stat()
    temp = briefing.with_name(".b.yaml.swp")
    temp.write_text("briefing:\n  title: One\n")  # same size...
    os.utime(temp, ns=(old.st_atime_ns, old.st_mtime_ns))  # ...and same time: only the inode
    os.replace(temp, briefing)
    assert signature(str(briefing)) != (old.st_dev, old.st_ino, old.st_size, old.st_mtime_ns)
    watcher.poll()
    clock.advance(0.4)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]


def test_truncate(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    os.truncate(briefing, 0)
    watcher.poll()
    clock.advance(0.5)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]


def test_delete_once_then_created(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    briefing.unlink()
    assert watcher.poll() == []
    clock.advance(0.5)
    assert watcher.poll() == [FileChange(str(briefing), "deleted")]
    clock.advance(5)
    assert watcher.poll() == []
    briefing.write_text("briefing:\n  title: Back\n")
    assert watcher.poll() == []
    clock.advance(0.5)
    assert watcher.poll() == [FileChange(str(briefing), "created")]
    clock.advance(5)
    assert watcher.poll() == []


def test_brief_absence_is_a_modification(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    content = briefing.read_text()
    briefing.unlink()
    assert watcher.poll() == []
    clock.advance(0.1)
    briefing.write_text(content + "# again\n")
    assert watcher.poll() == []
    clock.advance(0.4)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]


def test_change_undone_before_settling_reports_nothing(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0.4, clock=clock)
    st = briefing.stat()
    content = briefing.read_text()
    briefing.write_text(content + "x")
    bump_mtime(briefing)
    assert watcher.poll() == []
    briefing.write_text(content)
    os.utime(briefing, ns=(st.st_atime_ns, st.st_mtime_ns))
    clock.advance(1)
    assert watcher.poll() == []


def test_missing_at_start_then_created(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "later.yaml"
    watcher = FileWatcher([path], settle=0.4, clock=clock)
    clock.advance(1)
    assert watcher.poll() == []
    path.write_text("briefing:\n  title: Later\n")
    watcher.poll()
    clock.advance(0.4)
    assert watcher.poll() == [FileChange(str(path), "created")]


def test_zero_settle_reports_at_once(briefing: Path, clock: FakeClock) -> None:
    watcher = FileWatcher([briefing], settle=0, clock=clock)
    os.truncate(briefing, 3)
    assert watcher.poll() == [FileChange(str(briefing), "modified")]


def test_only_changed_files_reported_in_path_order(tmp_path: Path, clock: FakeClock) -> None:
    paths = [tmp_path / f"{name}.yaml" for name in "abc"]
    for path in paths:
        path.write_text("briefing: {title: x}\n")
    watcher = FileWatcher([str(p) for p in paths], clock=clock)
    paths[2].unlink()
    os.truncate(paths[0], 0)
    watcher.poll()
    clock.advance(1)
    assert watcher.poll() == [
        FileChange(str(paths[0]), "modified"),
        FileChange(str(paths[2]), "deleted"),
    ]


def test_set_paths(tmp_path: Path, clock: FakeClock) -> None:
    a, b, c = (tmp_path / f"{name}.yaml" for name in "abc")
    for path in (a, b, c):
        path.write_text("briefing: {title: x}\n")
    watcher = FileWatcher([a, b, a], clock=clock)
    assert watcher.paths == (str(a), str(b))
    os.truncate(a, 0)  # a change in progress on a kept path
    os.truncate(b, 0)  # a change on a path about to be dropped
    watcher.poll()
    os.truncate(c, 0)  # c changed before being watched: not a change for the watcher
    watcher.set_paths([a, c])
    assert watcher.paths == (str(a), str(c))
    clock.advance(1)
    assert watcher.poll() == [FileChange(str(a), "modified")]


def test_symlink_loop_counts_as_missing(tmp_path: Path, clock: FakeClock) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert signature(str(loop)) is None
    watcher = FileWatcher([loop], clock=clock)
    clock.advance(1)
    assert watcher.poll() == []


def test_symlinked_file_follows_its_target(briefing: Path, clock: FakeClock) -> None:
    link = briefing.with_name("link.yaml")
    link.symlink_to(briefing)
    watcher = FileWatcher([link], settle=0.4, clock=clock)
    os.truncate(briefing, 1)
    watcher.poll()
    clock.advance(0.4)
    assert watcher.poll() == [FileChange(str(link), "modified")]


def test_fifo_is_never_opened(tmp_path: Path, clock: FakeClock) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)  # opening it would block: the watcher only stats
    watcher = FileWatcher([fifo], clock=clock)
    clock.advance(1)
    assert watcher.poll() == []
    fifo.unlink()
    watcher.poll()
    clock.advance(1)
    assert watcher.poll() == [FileChange(str(fifo), "deleted")]


def test_nul_in_path_is_missing(clock: FakeClock) -> None:
    assert signature("bad\x00.yaml") is None
    watcher = FileWatcher(["bad\x00.yaml"], clock=clock)
    assert watcher.poll() == []

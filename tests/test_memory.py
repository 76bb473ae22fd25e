"""The memory store: notes, bookmarks, tags, what was read; and nothing is ever lost."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fto_tui.loader import load
from fto_tui.memory.changes import CHANGED, GONE, NEW, compare, seen_item
from fto_tui.memory.fingerprint import fingerprint
from fto_tui.memory.schema import MIGRATIONS, VERSION
from fto_tui.memory.sharing import to_json, to_markdown
from fto_tui.memory.store import (
    FILE_NAME,
    ItemInfo,
    SeenItem,
    Store,
    StoreError,
    default_data_dir,
    open_store,
)
from tests.privileges import as_ordinary_root

BRIEFING = """\
briefing:
  title: Test
organisations:
  - id: alpha
    name: Alpha Front
    description: First.
  - id: beta
    name: Beta Group
events:
  - date: 2020-01-02
    title: Something happened
"""


def _info(item_id: str = "alpha", about: str = "Alpha Front") -> ItemInfo:
    return ItemInfo(item_id, "/b/test.yaml", "organisation", about, "f" * 32)


def _store(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "data")
    assert store is not None and store.writable and store.notice is None
    return store


def test_the_database_lives_in_the_data_dir_in_wal_mode(tmp_path: Path) -> None:
    store = _store(tmp_path)
    assert store.path == tmp_path / "data" / FILE_NAME
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION


def test_default_data_dir_honours_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG applies on Linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "fto-brief"


def test_notes_bookmarks_and_tags_are_kept(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.save_note(_info(), "first line\nsecond line")
    assert store.note("alpha") is not None
    assert store.note("alpha").text == "first line\nsecond line"  # type: ignore[union-attr]
    store.save_note(_info(), "changed")
    assert [n.text for n in store.notes()] == ["changed"]
    assert store.toggle_bookmark(_info("beta", "Beta")) is True
    assert store.bookmarked() == {"beta"}
    assert store.set_tags(_info(), ["watch", " urgent ", "watch", ""]) == ("urgent", "watch")
    assert store.tags("alpha") == ("urgent", "watch")
    annotations = {a.item_id: a for a in store.annotations()}
    assert annotations["alpha"].tags == ("urgent", "watch")
    assert annotations["alpha"].note is not None
    assert annotations["beta"].bookmarked and annotations["beta"].about == "Beta"
    assert store.toggle_bookmark(_info("beta", "Beta")) is False
    assert store.annotated_ids() == {"alpha"}
    store.save_note(_info(), "   ")
    assert store.note("alpha") is None


def test_a_note_records_the_file_and_fingerprint_of_its_item(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(BRIEFING)
    entity = load([path]).collection.get("alpha")
    assert entity is not None
    item = seen_item(entity)
    store = _store(tmp_path)
    store.save_note(ItemInfo(item.item_id, item.file, item.kind, item.about, item.fingerprint), "x")
    note = store.note("alpha")
    assert note is not None
    assert note.file == str(path) and note.fingerprint == fingerprint(entity)
    assert note.about == "Alpha Front"


def test_fingerprints_ignore_positions_but_not_content(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(BRIEFING)
    before = load([path]).collection
    path.write_text("# a comment pushes every line down\n\n" + BRIEFING)
    moved = load([path]).collection
    path.write_text(BRIEFING.replace("First.", "First, and more."))
    edited = load([path]).collection
    assert fingerprint(before.get("alpha")) == fingerprint(moved.get("alpha"))  # type: ignore[arg-type]
    assert fingerprint(before.get("alpha")) != fingerprint(edited.get("alpha"))  # type: ignore[arg-type]


def test_changes_new_changed_gone_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(BRIEFING)
    store = _store(tmp_path)
    first = [seen_item(e) for e in load([path]).collection.organisations]
    assert compare(first, store.seen(), store.known_files(), [str(path)]) == []
    store.start_files([str(path)], first)
    path.write_text(
        BRIEFING.replace("First.", "Second.").replace(
            "  - id: beta\n    name: Beta Group\n", "  - id: gamma\n    name: Gamma\n"
        )
    )
    now = [seen_item(e) for e in load([path]).collection.organisations]
    changes = {
        c.item.item_id: c for c in compare(now, store.seen(), store.known_files(), [str(path)])
    }
    assert {i: c.kind for i, c in changes.items()} == {"alpha": CHANGED, "gamma": NEW, "beta": GONE}
    [field] = changes["alpha"].fields
    assert (field.name, field.before, field.after) == ("description", "First.", "Second.")
    store.mark_read(now, gone=["beta"])
    assert compare(now, store.seen(), store.known_files(), [str(path)]) == []


def test_items_of_a_file_opened_elsewhere_are_not_gone(tmp_path: Path) -> None:
    store = _store(tmp_path)
    path = tmp_path / "test.yaml"
    path.write_text(BRIEFING)
    items = [seen_item(e) for e in load([path]).collection.organisations]
    store.start_files([str(path)], items)
    assert compare([], store.seen(), store.known_files(), ["/other.yaml"]) == []


def test_orphaned_notes_are_kept_and_exported_with_their_text(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.save_note(_info("gone-group", "The Gone Group"), "Watch *this*")
    annotations = store.annotations()
    assert [a.item_id for a in annotations] == ["gone-group"]
    markdown = to_markdown(annotations, present={"alpha"})
    assert "Orphaned" in markdown and "The Gone Group" in markdown
    assert "Watch \\*this\\*" in markdown
    document = json.loads(to_json(annotations, present={"alpha"}))
    assert document["items"][0]["orphaned"] is True
    assert document["items"][0]["note"]["text"] == "Watch *this*"


def test_migrates_from_an_older_schema_and_keeps_everything(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with sqlite3.connect(folder / FILE_NAME) as db:
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO notes VALUES ('alpha', 'old note', 'f.yaml', 'organisation', 'Alpha',"
            " 'abc', '2024-01-01', '2024-01-01')"
        )
    store = _store(tmp_path)
    assert store.note("alpha") is not None
    assert store.note("alpha").text == "old note"  # type: ignore[union-attr]
    assert store.seen() == {} and store.known_files() == set()
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == VERSION


def test_a_database_from_a_newer_version_is_read_only(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.save_note(_info(), "kept")
    with sqlite3.connect(store.path) as db:
        db.execute(f"PRAGMA user_version = {VERSION + 1}")
    again = open_store(tmp_path / "data")
    assert again is not None and not again.writable
    assert again.notice is not None and "newer" in again.notice
    assert again.note("alpha") is not None


def test_a_corrupt_database_is_moved_aside_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"this is not a database at all" * 200)
    store = open_store(folder)
    assert store is not None and store.writable
    assert store.notice is not None
    [aside] = folder.glob(f"{FILE_NAME}.corrupt-*")
    assert str(aside) in store.notice
    assert aside.read_bytes().startswith(b"this is not a database")
    store.save_note(_info(), "fresh start")
    assert store.note("alpha") is not None


def test_a_data_dir_that_cannot_be_made_turns_notes_off(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert open_store(blocker / "data") is None


def _in_ordinary_process(code: str) -> subprocess.CompletedProcess[str]:
    prefix = as_ordinary_root() or ()
    if os.geteuid() == 0 and not prefix:
        pytest.skip("root ignores file modes and setpriv is not available")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run(
        [*prefix, sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def test_a_read_only_data_dir_gives_read_only_notes(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.save_note(_info(), "written before")
    folder = tmp_path / "data"
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    try:
        code = (
            "from fto_tui.memory.store import open_store, StoreError, ItemInfo\n"
            f"store = open_store({str(folder)!r})\n"
            "print(store.writable, store.note('alpha').text)\n"
            "print('cannot be written' in store.notice)\n"
            "try:\n"
            "    store.save_note(ItemInfo('alpha', 'f', 'k', 'a', 'x'), 'new')\n"
            "except StoreError:\n"
            "    print('refused')\n"
        )
        done = _in_ordinary_process(code)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "written", "before", "True", "refused"]


def test_two_readers_at_once_both_save(tmp_path: Path) -> None:
    first = _store(tmp_path)
    second = open_store(tmp_path / "data")
    assert second is not None and second.writable
    holder = sqlite3.connect(first.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO files VALUES ('held.yaml', 'now')")
    release = threading.Timer(0.5, holder.commit)
    release.start()
    started = time.monotonic()
    second.save_note(_info("beta", "Beta"), "waited for the other writer")
    assert time.monotonic() - started >= 0.3
    release.join()
    first.save_note(_info(), "from the first")
    assert {n.item_id for n in second.notes()} == {"alpha", "beta"}
    assert first.known_files() == {"held.yaml"}
    holder.close()


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    _store(tmp_path)
    code = (
        "import sys\n"
        "from fto_tui.memory.store import open_store, ItemInfo\n"
        f"store = open_store({str(tmp_path / 'data')!r})\n"
        "for n in range(40):\n"
        "    store.save_note(ItemInfo(f'{sys.argv[1]}-{n}', 'f', 'k', 'a', 'x'), 'note')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    runs = [
        subprocess.Popen([sys.executable, "-c", code, name], env=env, stderr=subprocess.PIPE)
        for name in ("one", "two")
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert len(_store(tmp_path).notes()) == 80


def test_a_saved_note_survives_kill_9(tmp_path: Path) -> None:
    code = (
        "import os, signal\n"
        "from fto_tui.memory.store import open_store, ItemInfo\n"
        f"store = open_store({str(tmp_path / 'data')!r})\n"
        "store.save_note(ItemInfo('alpha', 'f', 'k', 'a', 'x'), 'saved then killed')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL
    note = _store(tmp_path).note("alpha")
    assert note is not None and note.text == "saved then killed"


def test_items_are_remembered_by_absolute_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A briefing opened as 'b.yaml' from its folder, then by its full path from elsewhere,
    is the same file: nothing in it is new or gone."""
    path = tmp_path / "b.yaml"
    path.write_text(BRIEFING)
    store = _store(tmp_path)
    monkeypatch.chdir(tmp_path)
    relative = [seen_item(e) for e in load(["b.yaml"]).collection.organisations]
    assert {item.file for item in relative} == {str(path)}
    store.start_files([str(path)], relative)
    monkeypatch.chdir("/")
    absolute = [seen_item(e) for e in load([str(path)]).collection.organisations]
    assert compare(absolute, store.seen(), store.known_files(), [str(path)]) == []


def test_many_items_are_remembered_in_short_transactions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large first open writes its items in batches: between them another reader's save
    gets the lock; and the file is recorded only once all its items are."""
    store = _store(tmp_path)
    monkeypatch.setattr("fto_tui.memory.store.BATCH", 3)
    transactions = 0
    real = Store._writing

    def counting(self: Store):  # type: ignore[no-untyped-def]
        nonlocal transactions
        transactions += 1
        return real(self)

    monkeypatch.setattr(Store, "_writing", counting)
    items = [SeenItem(f"i{n}", "/f.yaml", "event", "x", "fp", "{}") for n in range(10)]
    store.start_files(["/f.yaml"], items)
    assert transactions == 4 + 1  # ten items in four batches of three or fewer, then the file
    assert len(store.seen()) == 10 and store.known_files() == {"/f.yaml"}


def test_a_write_held_too_long_by_another_reader_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(tmp_path)
    monkeypatch.setattr("fto_tui.memory.store.BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="could not save"):
            store.save_note(_info(), "waits, then gives up")
    finally:
        holder.rollback()
        holder.close()
    store.save_note(_info(), "saved once the other is done")
    assert store.note("alpha") is not None

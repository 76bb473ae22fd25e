"""The reader's memory of what the user wrote and read, in one SQLite database.

One file, ``memory.db``, in the user data directory (``~/.local/share/fto-brief`` on Linux,
``$XDG_DATA_HOME/fto-brief`` when that is set), or wherever ``--data-dir`` or the settings file's
``data_dir`` puts it. It holds notes, bookmarks and tags (by the item's id) and the fingerprint
of each item as last read. Briefing files are never written: this is the only place the reader
keeps anything of the user's.

* WAL journal, ``synchronous=FULL``: a change is on disk when its transaction commits, so a
  reader killed right after a save loses nothing; two readers may use the database at once
  (each waits up to :data:`BUSY_TIMEOUT` seconds for the other's write).
* Every change is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``): a note, a bookmark,
  an item's tags. Remembering many items as read goes in transactions of :data:`BATCH` rows,
  so a reader's save waits at most for one batch of another's.
* :func:`open_store` never raises. A data directory that cannot be written gives a read-only
  store (or none, if there is no database yet); a corrupt database is moved aside, named in the
  notice, and a new one started. :attr:`Store.notice` says what happened, for the reader to show.

Each call opens its own connection, so the store may be used from any thread.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fto_tui.memory.schema import MIGRATIONS, VERSION

APP_NAME = "fto-brief"
FILE_NAME = "memory.db"
BUSY_TIMEOUT = 5.0
"""Seconds a write waits for another reader's write to finish before giving up."""


class StoreError(Exception):
    """A change could not be saved (the message says why, in plain words)."""


@dataclass(frozen=True, slots=True)
class ItemInfo:
    """What is recorded about an item when it is annotated or read."""

    item_id: str
    file: str
    kind: str
    about: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Note:
    item_id: str
    text: str
    file: str
    kind: str
    about: str
    fingerprint: str
    created: str
    updated: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """Everything the user attached to one item: its note, bookmark and tags."""

    item_id: str
    file: str
    kind: str
    about: str
    note: Note | None = None
    bookmarked: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SeenItem:
    """An item as it was when last read: its fingerprint and readable fields."""

    item_id: str
    file: str
    kind: str
    about: str
    fingerprint: str
    fields: str
    """The item's fields as JSON text (name -> readable value)."""


def default_data_dir() -> Path:
    """The user data directory (platformdirs; honours ``XDG_DATA_HOME``)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


class Store:
    """Notes, bookmarks, tags and what was last read; see the module's description."""

    def __init__(self, path: Path, *, writable: bool, notice: str | None = None) -> None:
        self.path = path
        self.writable = writable
        self.notice = notice

    # -- connections ----------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self.writable:
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            db.execute("PRAGMA synchronous=FULL")
        else:
            db = _connect_read_only(self.path)
        return db

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        db = self._connect()
        try:
            yield db
        finally:
            db.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction; StoreError if it cannot be made (read-only, locked, disk full)."""
        if not self.writable:
            raise StoreError(f"notes are read-only: {self.notice or 'the store cannot be written'}")
        try:
            db = self._connect()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.rollback()
                raise
            db.commit()
        except sqlite3.Error as exc:
            raise StoreError(f"could not save to {self.path}: {exc}") from exc
        finally:
            db.close()

    def _rows(self, sql: str, args: Sequence[object] = ()) -> list[tuple[object, ...]]:
        """Rows of a query; none if the database cannot be read (the notice says why)."""
        try:
            with self._reading() as db:
                return list(db.execute(sql, args))
        except sqlite3.Error:
            return []

    # -- notes ----------------------------------------------------------------------------

    def note(self, item_id: str) -> Note | None:
        rows = self._rows(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE item_id = ?", (item_id,))
        return Note(*rows[0]) if rows else None  # type: ignore[arg-type]

    def notes(self) -> list[Note]:
        rows = self._rows(f"SELECT {_NOTE_COLUMNS} FROM notes ORDER BY updated DESC, item_id")
        return [Note(*row) for row in rows]  # type: ignore[arg-type]

    def save_note(self, item: ItemInfo, text: str) -> None:
        """Keep ``text`` as the note on ``item`` (an empty text removes the note)."""
        now = _now()
        with self._writing() as db:
            if not text.strip():
                db.execute("DELETE FROM notes WHERE item_id = ?", (item.item_id,))
                return
            db.execute(
                "INSERT INTO notes"
                " (item_id, text, file, kind, about, fingerprint, created, updated)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (item_id) DO UPDATE SET text = excluded.text,"
                " file = excluded.file, kind = excluded.kind, about = excluded.about,"
                " fingerprint = excluded.fingerprint, updated = excluded.updated",
                (item.item_id, text, item.file, item.kind, item.about, item.fingerprint, now, now),
            )

    # -- bookmarks and tags ---------------------------------------------------------------

    def bookmarked(self) -> set[str]:
        return {str(row[0]) for row in self._rows("SELECT item_id FROM bookmarks")}

    def toggle_bookmark(self, item: ItemInfo) -> bool:
        """Bookmark the item, or remove its bookmark; whether it is bookmarked now."""
        with self._writing() as db:
            gone = db.execute("DELETE FROM bookmarks WHERE item_id = ?", (item.item_id,))
            if gone.rowcount:
                return False
            db.execute(
                "INSERT INTO bookmarks (item_id, file, kind, about, created)"
                " VALUES (?, ?, ?, ?, ?)",
                (item.item_id, item.file, item.kind, item.about, _now()),
            )
            return True

    def tags(self, item_id: str) -> tuple[str, ...]:
        rows = self._rows("SELECT tag FROM tags WHERE item_id = ? ORDER BY tag", (item_id,))
        return tuple(str(row[0]) for row in rows)

    def set_tags(self, item: ItemInfo, tags: Iterable[str]) -> tuple[str, ...]:
        """Replace the item's tags; the tags kept (trimmed, without repeats, sorted)."""
        kept = tuple(sorted({tag.strip() for tag in tags if tag.strip()}))
        with self._writing() as db:
            db.execute("DELETE FROM tags WHERE item_id = ?", (item.item_id,))
            db.executemany(
                "INSERT INTO tags (item_id, tag, file, kind, about) VALUES (?, ?, ?, ?, ?)",
                [(item.item_id, tag, item.file, item.kind, item.about) for tag in kept],
            )
        return kept

    # -- everything about items -----------------------------------------------------------

    def annotated_ids(self) -> set[str]:
        """Ids of the items with a note, a bookmark or a tag."""
        rows = self._rows(
            "SELECT item_id FROM notes UNION SELECT item_id FROM bookmarks"
            " UNION SELECT item_id FROM tags"
        )
        return {str(row[0]) for row in rows}

    def annotation(self, item_id: str) -> Annotation | None:
        found = self._annotations(" WHERE item_id = ?", (item_id,))
        return found[0] if found else None

    def annotations(self) -> list[Annotation]:
        """Every annotated item, newest note first, then bookmarks and tags."""
        return self._annotations("", ())

    def _annotations(self, where: str, args: tuple[str, ...]) -> list[Annotation]:
        notes = {
            str(row[0]): Note(*row)  # type: ignore[arg-type]
            for row in self._rows(
                f"SELECT {_NOTE_COLUMNS} FROM notes{where} ORDER BY updated DESC, item_id", args
            )
        }
        bookmarks = {
            str(row[0]): row
            for row in self._rows(f"SELECT item_id, file, kind, about FROM bookmarks{where}", args)
        }
        tags: dict[str, list[str]] = {}
        tagged: dict[str, tuple[object, ...]] = {}
        for row in self._rows(
            f"SELECT item_id, tag, file, kind, about FROM tags{where} ORDER BY tag", args
        ):
            tags.setdefault(str(row[0]), []).append(str(row[1]))
            tagged[str(row[0])] = row
        found = []
        for item_id in dict.fromkeys([*notes, *bookmarks, *tagged]):
            note = notes.get(item_id)
            if note is not None:
                file, kind, about = note.file, note.kind, note.about
            else:
                row = bookmarks.get(item_id) or tagged[item_id]
                file, kind, about = str(row[-3]), str(row[-2]), str(row[-1])
            found.append(
                Annotation(
                    item_id,
                    file,
                    kind,
                    about,
                    note,
                    item_id in bookmarks,
                    tuple(tags.get(item_id, ())),
                )
            )
        return found

    # -- what was read --------------------------------------------------------------------

    def known_files(self) -> set[str]:
        return {str(row[0]) for row in self._rows("SELECT path FROM files")}

    def seen(self) -> dict[str, SeenItem]:
        """What was last read of every item, by item id."""
        rows = self._rows("SELECT item_id, file, kind, about, fingerprint, fields FROM seen")
        items = (SeenItem(*row) for row in rows)  # type: ignore[arg-type]
        return {item.item_id: item for item in items}

    def start_files(self, files: Iterable[str], items: Iterable[SeenItem]) -> None:
        """Files opened for the first time: remember their items as read, then the files.

        The items go in transactions of :data:`BATCH` rows, so another reader's save never
        waits long for the lock; the files are recorded last, so a baseline cut short (the
        reader killed meanwhile) is simply made again next time."""
        now = _now()
        self._write_seen(items, now)
        with self._writing() as db:
            db.executemany(
                "INSERT OR IGNORE INTO files (path, first_opened) VALUES (?, ?)",
                [(path, now) for path in files],
            )

    def mark_read(self, items: Iterable[SeenItem], gone: Iterable[str] = ()) -> None:
        """Remember ``items`` as read now, and forget the items ``gone`` from the briefings
        (in transactions of :data:`BATCH` rows, like :meth:`start_files`)."""
        self._write_seen(items, _now())
        for batch in _batches([(item_id,) for item_id in gone]):
            with self._writing() as db:
                db.executemany("DELETE FROM seen WHERE item_id = ?", batch)

    def _write_seen(self, items: Iterable[SeenItem], now: str) -> None:
        rows = [(i.item_id, i.file, i.kind, i.about, i.fingerprint, i.fields, now) for i in items]
        for batch in _batches(rows):
            with self._writing() as db:
                db.executemany(
                    "INSERT INTO seen (item_id, file, kind, about, fingerprint, fields, seen_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET"
                    " file = excluded.file, kind = excluded.kind, about = excluded.about,"
                    " fingerprint = excluded.fingerprint, fields = excluded.fields,"
                    " seen_at = excluded.seen_at",
                    batch,
                )


BATCH = 2_000
"""Rows written per transaction when many items are remembered at once."""


def _batches(rows: Sequence[tuple[str, ...]]) -> Iterator[Sequence[tuple[str, ...]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


_NOTE_COLUMNS = "item_id, text, file, kind, about, fingerprint, created, updated"


# -- opening -------------------------------------------------------------------------------


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when even the WAL's shared memory cannot be made."""
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def _migrate(db: sqlite3.Connection) -> int:
    """Bring the database to :data:`VERSION` in one transaction; the version it was at."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        for script in MIGRATIONS[version:]:
            for statement in script.split(";"):
                if statement.strip():
                    db.execute(statement)
        if version < VERSION:
            db.execute(f"PRAGMA user_version = {VERSION}")
        db.commit()
    except BaseException:
        db.rollback()
        raise
    return version


def _check(db: sqlite3.Connection) -> None:
    """Raise sqlite3.DatabaseError unless the database is sound."""
    result = db.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise sqlite3.DatabaseError(f"quick_check: {result[0] if result else 'no answer'}")


def _move_aside(path: Path) -> Path:
    """Rename a corrupt database (and its journal files) out of the way; the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    return aside


def _open_writable(path: Path) -> Store:
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        _check(db)
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > VERSION:
            return Store(
                path,
                writable=False,
                notice=f"{path} was written by a newer fto-brief; notes are read-only",
            )
        _migrate(db)
    finally:
        db.close()
    return Store(path, writable=True)


def _open_read_only(path: Path, why: str) -> Store | None:
    if not path.is_file():
        return None
    try:
        db = _connect_read_only(path)
        try:
            _check(db)
        finally:
            db.close()
    except sqlite3.Error as exc:
        return Store(path, writable=False, notice=f"{why}; and {path} cannot be read: {exc}")
    return Store(path, writable=False, notice=f"{why}: notes are read-only")


def open_store(data_dir: str | os.PathLike[str] | None = None) -> Store | None:
    """The store in ``data_dir`` (the user data directory when None), never raising.

    None when there is no usable store at all (the reader then works without notes);
    :func:`unavailable_notice` says why. A store that is read-only says why in its notice."""
    folder = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
    path = folder / FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _open_read_only(path, f"cannot create {folder}: {_reason(exc)}")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return _open_read_only(path, f"{folder} cannot be written")
    notice = None
    for _attempt in range(2):
        try:
            store = _open_writable(path)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc):
                return _open_read_only(path, f"{path} cannot be written")
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                return _open_read_only(path, f"{path} is busy (another reader holds it)")
            if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
                return _open_read_only(path, f"{path} cannot be opened: {exc}")
            try:
                aside = _move_aside(path)
            except OSError as move_error:
                return Store(
                    path,
                    writable=False,
                    notice=f"{path} is damaged and cannot be moved aside: {_reason(move_error)}",
                )
            notice = f"{path} was damaged ({exc}); it was moved to {aside} and a new one started"
            continue
        except OSError as exc:
            return _open_read_only(path, f"{path} cannot be opened: {_reason(exc)}")
        if notice is not None and store.notice is None:
            store.notice = notice
        return store
    return None


def unavailable_notice(data_dir: str | os.PathLike[str] | None = None) -> str:
    folder = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
    return f"Notes are off: {folder} cannot be created or written, and holds no notes yet."

"""The memory database's tables, version by version.

``PRAGMA user_version`` holds the version a database is at; opening it applies, in one
transaction, every migration after that version. A migration is only ever added, never changed:
a database written by an older fto-brief is brought up to date and keeps everything in it.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: notes, bookmarks and tags, each with the item's file and the words it is known by,
    # so that nothing is lost when the item leaves the briefings.
    """
    CREATE TABLE notes (
        item_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        file TEXT NOT NULL,
        kind TEXT NOT NULL,
        about TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE bookmarks (
        item_id TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        kind TEXT NOT NULL,
        about TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE tags (
        item_id TEXT NOT NULL,
        tag TEXT NOT NULL,
        file TEXT NOT NULL,
        kind TEXT NOT NULL,
        about TEXT NOT NULL,
        PRIMARY KEY (item_id, tag)
    );
    """,
    # 2: what was last read of each item, for "changed since you last read"; and the files
    # ever opened (an item of a file opened for the first time is not "new").
    """
    CREATE TABLE seen (
        item_id TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        kind TEXT NOT NULL,
        about TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        fields TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    CREATE INDEX seen_by_file ON seen (file);
    CREATE TABLE files (
        path TEXT PRIMARY KEY,
        first_opened TEXT NOT NULL
    );
    """,
)

VERSION = len(MIGRATIONS)

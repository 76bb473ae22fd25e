"""The analyst's memory: notes, bookmarks, tags and what was last read, kept per user.

``store`` keeps them in SQLite; ``fingerprint`` says what an item's content is, without
positions; ``changes`` compares the items loaded now with those last read; ``sharing`` writes
the notes out as Markdown or JSON. Nothing here imports the interface.
"""

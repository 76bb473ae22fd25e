"""Exports of a loaded collection: a Markdown dossier, an HTML page, JSON, a CSV chronology and
FollowTheMoney entities.

Each format is a pure function from a :class:`~fto_tui.index.Collection` to text; writing the
text to a file is the command line's job.
"""

from __future__ import annotations

from collections.abc import Callable

from fto_tui.export.csvexport import to_csv
from fto_tui.export.html import to_html
from fto_tui.export.jsonexport import to_json
from fto_tui.export.markdown import to_markdown
from fto_tui.ftm.writing import to_ftm
from fto_tui.index import Collection

__all__ = ["FORMATS", "SUFFIXES", "export", "format_for_suffix"]

_EXPORTERS: dict[str, Callable[[Collection], str]] = {
    "markdown": to_markdown,
    "html": to_html,
    "json": to_json,
    "csv": to_csv,
    "ftm": to_ftm,
}

FORMATS: tuple[str, ...] = tuple(_EXPORTERS)

#: File name endings and the format each suggests (for ``-o`` without ``--format``).
SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".ftm.json": "ftm",
    ".ijson": "ftm",
    ".jsonl": "ftm",
    ".json": "json",
    ".csv": "csv",
}


def format_for_suffix(filename: str) -> str | None:
    """The format a file name's ending suggests, or None."""
    lowered = filename.lower()
    for suffix, fmt in SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return None


def export(collection: Collection, fmt: str) -> str:
    """``collection`` as text in ``fmt`` (one of :data:`FORMATS`); ValueError for others."""
    try:
        exporter = _EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {FORMATS}") from None
    return exporter(collection)

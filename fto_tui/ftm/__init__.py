"""FollowTheMoney (FtM) entity files, read as briefings and written from them.

:mod:`fto_tui.ftm.reading` maps an FtM entity stream (one JSON object per line) onto the
briefing model; :mod:`fto_tui.ftm.writing` does the reverse for ``export --format ftm``. The
mapping both ways, and what it loses, is described in ``docs/ftm.md``.
"""

from __future__ import annotations

#: File name endings of FtM entity streams, plain and gzipped.
FTM_SUFFIXES = (
    ".ftm.json",
    ".ijson",
    ".jsonl",
    ".ftm.json.gz",
    ".ijson.gz",
    ".jsonl.gz",
)

#: The one-line message for a feature that needs the optional ``followthemoney`` library.
INSTALL_HINT = "this needs the followthemoney library: pip install 'fto-brief[ftm]'"


def is_ftm_path(path: str) -> bool:
    """True when ``path``'s ending names an FtM entity stream."""
    return path.lower().endswith(FTM_SUFFIXES)

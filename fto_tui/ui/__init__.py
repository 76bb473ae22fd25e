"""The Textual interface: renders the core model, never parses or scans briefings.

``FtoBriefApp`` and ``run_app`` are imported from :mod:`fto_tui.ui.app` on first use, so that
importing a helper such as :mod:`fto_tui.ui.safe` does not load the whole interface.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FtoBriefApp", "run_app"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from fto_tui.ui import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Model objects for the reader's tests, built directly (no YAML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fto_tui.dates import EdtfDate
from fto_tui.index import Collection
from fto_tui.model import Citation, Event, Organisation, Quote, Source, Speaker
from fto_tui.problems import Position

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "sample.yaml"
HOSTILE = DATA / "hostile.yaml"
BROKEN = DATA / "broken.yaml"

_HERE = Position("factory.yaml", 1, 1)


def organisation(id: str, name: str | None = None, **fields: Any) -> Organisation:
    return Organisation(id=id, name=name or id.replace("-", " ").title(), origin=_HERE, **fields)


def speaker(id: str, name: str | None = None, **fields: Any) -> Speaker:
    return Speaker(id=id, name=name or id.replace("-", " ").title(), origin=_HERE, **fields)


def event(id: str, date: str, title: str | None = None, **fields: Any) -> Event:
    return Event(
        id=id,
        date=EdtfDate.parse(date),
        title=title or id.replace("-", " "),
        origin=_HERE,
        **fields,
    )


def quote(id: str, speaker_id: str, text: str, **fields: Any) -> Quote:
    return Quote(id=id, speaker=speaker_id, text=text, origin=_HERE, **fields)


def source(id: str, title: str | None = None, **fields: Any) -> Source:
    return Source(id=id, title=title or id, origin=_HERE, **fields)


def cites(*source_ids: str) -> tuple[Citation, ...]:
    return tuple(Citation(s) for s in source_ids)


def many_organisations(count: int) -> Collection:
    """A collection with ``count`` organisations (for the virtual list)."""
    return Collection(
        organisations=[organisation(f"org-{i:06d}", f"Organisation {i:06d}") for i in range(count)]
    )


OSC52 = "Clip \x1b]52;c;aGVsbG8=\x07 board"


def hostile_collection() -> Collection:
    """Entities whose names are markup, actions and terminal escapes."""
    src = source("evil-source", "\x1b]0;title\x07[/]", url="https://example.org/[/]")
    return Collection(
        sources=[src],
        organisations=[
            organisation("bold-org", "[bold]x[/]", citations=cites("evil-source")),
            organisation("click-org", "[@click=app.quit]q[/]", citations=cites("evil-source")),
            organisation("osc-org", OSC52, aliases=("\u202eevil",), citations=cites("evil-source")),
        ],
        speakers=[
            speaker(
                "click-speaker", "[@click=app.screenshot('f','d')]s[/]", affiliations=("osc-org",)
            )
        ],
        quotes=[quote("evil-quote", "click-speaker", "[/] said \x9b31m red", about=("osc-org",))],
        events=[
            event("evil-event", "2025-02", "[/bold] \x1b[2J cleared", participants=("osc-org",))
        ],
    )

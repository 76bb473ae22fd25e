"""Pictures of the reader (pytest-textual-snapshot). Update with ``pytest --snapshot-update``
and review the SVG files like code.

Every picture is of fixture data at a fixed size, with no clock on screen, so they are stable.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from fto_tui.ui.app import FtoBriefApp
from tests.ui.factories import BROKEN, DATA, SAMPLE, hostile_collection

Compare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _in_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names on screen are relative to the current folder: keep them machine-free."""
    monkeypatch.chdir(DATA)


def _app(*paths: object) -> FtoBriefApp:
    return FtoBriefApp([str(p) for p in paths], watch=False)


async def _loaded(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _open(entity_id: str, focus_detail: bool = True) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await _loaded(pilot)
        app = pilot.app
        assert isinstance(app, FtoBriefApp)
        app.reader.open_entity(entity_id)
        if focus_detail:
            app.reader.detail.focus()
        await pilot.pause()

    return run


def test_main_screen_120x40(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), terminal_size=(120, 40), run_before=_loaded)


def test_main_screen_80x24(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), terminal_size=(80, 24), run_before=_loaded)


def test_main_screen_80x24_chronology_tab(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), press=["3"], terminal_size=(80, 24), run_before=_loaded)


def test_organisation_detail(snap_compare: Compare) -> None:
    assert snap_compare(
        _app(SAMPLE), press=["down"], terminal_size=(120, 40), run_before=_open("north-cartel")
    )


def test_speaker_detail(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), terminal_size=(120, 40), run_before=_open("jane-minister"))


def test_quote_detail(snap_compare: Compare) -> None:
    assert snap_compare(
        _app(SAMPLE), terminal_size=(120, 40), run_before=_open("minister-on-cartel")
    )


def test_event_detail(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), terminal_size=(120, 40), run_before=_open("designation-day"))


def test_source_detail(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), terminal_size=(120, 40), run_before=_open("daily-report"))


def test_narrowed_chronology(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), press=["j", "n"], terminal_size=(120, 40), run_before=_loaded)


async def _search(pilot: Pilot[Any]) -> None:
    await _loaded(pilot)
    await pilot.press("slash", *"minister")
    await pilot.pause()
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.pause()


def test_search(snap_compare: Compare) -> None:
    assert snap_compare(_app(SAMPLE), terminal_size=(120, 40), run_before=_search)


def test_help(snap_compare: Compare) -> None:
    assert snap_compare(
        _app(SAMPLE), press=["question_mark"], terminal_size=(120, 40), run_before=_loaded
    )


def test_error_view_when_every_file_is_broken(snap_compare: Compare) -> None:
    # A path relative to the data folder, so the picture is the same on every machine.
    assert snap_compare(_app(BROKEN.name), terminal_size=(120, 40), run_before=_loaded)


async def _hostile(pilot: Pilot[Any]) -> None:
    await _loaded(pilot)
    app = pilot.app
    assert isinstance(app, FtoBriefApp)
    app.show_collection(hostile_collection())
    await pilot.pause()
    app.reader.open_entity("osc-org")
    await pilot.pause()


def test_hostile_names_are_literal(snap_compare: Compare) -> None:
    # Without the memory: the made-up collection replaces the bundled briefing's items, which
    # the memory would report gone, in a notice that appears or not depending on timing.
    app = FtoBriefApp([], watch=False, memory=False)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_hostile)


def test_format_v2_organisation_detail(snap_compare: Compare) -> None:
    # Designations announced, revoked, restored and amended; a relation asserted and disputed.
    app = _app(DATA / "story-v2.yaml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_open("river-movement"))


def test_format_v2_translated_statement(snap_compare: Compare) -> None:
    app = _app(DATA / "story-v2.yaml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_open("minister-words"))


def test_an_item_two_files_disagree_on(snap_compare: Compare) -> None:
    # Both values of the conflict, with the file and line of each; roles and sources say
    # which file they come from.
    app = _app(DATA / "library" / "first.yaml", DATA / "library" / "second.yaml")
    assert snap_compare(app, terminal_size=(120, 40), run_before=_open("ana-example"))

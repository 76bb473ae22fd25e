"""The reader driven by keys and mouse (Pilot), on fixture briefings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from fto_tui.ui.screens.help import HelpScreen
from fto_tui.ui.screens.problems import ProblemsScreen
from fto_tui.ui.screens.reader import ReaderScreen
from fto_tui.ui.screens.search import SearchScreen
from fto_tui.ui.widgets.detail_view import DetailView
from tests.ui.factories import BROKEN, SAMPLE
from tests.ui.helpers import highlighted_id, lines, pane, settle

SIZE = (120, 40)


def sample_app() -> FtoBriefApp:
    return FtoBriefApp([str(SAMPLE)], watch=False)


async def test_start_shows_panes_overview_and_status() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert [o.id for o in pane(app, Pane.ORGANISATIONS).items] == [
            "north-cartel",
            "south-gang",
            "state-department",
        ]
        assert len(pane(app, Pane.SPEAKERS).items) == 2
        # The chronology holds the events and the act of the North Cartel's designation.
        assert [e.id for e in pane(app, Pane.CHRONOLOGY).items] == [
            "old-truce",
            "minister-takes-office",
            "north-cartel-designation-1~designated",
            "designation-day",
        ]
        status = reader.query_one("#status").text
        assert "sample.yaml" in status
        assert "3 organisations · 2 speakers · 2 quotes · 3 events" in status
        assert "1 warning" in status
        assert reader.detail.document.label == "Briefing"
        assert app.focused is pane(app, Pane.ORGANISATIONS)
        # All three panes and the detail are on screen at once at 120x40.
        for which in Pane:
            assert reader.pane_box(which).display
            assert reader.pane_box(which).region.height >= 5
        assert reader.detail.region.width >= 60


async def test_keys_move_the_cursor_in_a_pane() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert highlighted_id(app, Pane.ORGANISATIONS) == "north-cartel"
        await pilot.press("j")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "south-gang"
        await pilot.press("down")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "state-department"
        await pilot.press("down")  # stays at the end
        assert highlighted_id(app, Pane.ORGANISATIONS) == "state-department"
        await pilot.press("k")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "south-gang"
        await pilot.press("up")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "north-cartel"
        await pilot.press("end")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "state-department"
        await pilot.press("home")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "north-cartel"
        await pilot.press("pagedown")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "state-department"
        await pilot.press("pageup")
        assert highlighted_id(app, Pane.ORGANISATIONS) == "north-cartel"


async def test_enter_opens_the_detail_and_keeps_focus_in_the_pane() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "enter")
        assert app.reader.current == "south-gang"
        assert app.reader.detail.document.label == "Organisation"
        assert app.focused is pane(app, Pane.ORGANISATIONS)


async def test_tab_and_shift_tab_cycle_panes_and_detail() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        order = [pane(app, p) for p in Pane] + [reader.detail]
        for expected in [*order[1:], order[0]]:
            await pilot.press("tab")
            assert app.focused is expected
        await pilot.press("shift+tab")
        assert app.focused is reader.detail
        await pilot.press("shift+tab")
        assert app.focused is pane(app, Pane.CHRONOLOGY)


async def test_number_keys_jump_to_panes() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("3")
        assert app.focused is pane(app, Pane.CHRONOLOGY)
        await pilot.press("2")
        assert app.focused is pane(app, Pane.SPEAKERS)
        await pilot.press("4")
        assert app.focused is app.reader.detail
        await pilot.press("1")
        assert app.focused is pane(app, Pane.ORGANISATIONS)


async def test_following_links_moves_to_the_item_in_its_pane_and_history_walks_back() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        await pilot.press("enter")  # North Cartel
        await pilot.press("4")
        detail = reader.detail
        # The first link of North Cartel's detail is its rival, the South Gang.
        await pilot.press("down")
        assert detail.document.blocks[detail.cursor].target == "south-gang"
        await pilot.press("enter")
        assert reader.current == "south-gang"
        assert highlighted_id(app, Pane.ORGANISATIONS) == "south-gang"
        assert app.focused is detail
        # Follow on to an event: the chronology pane moves to it.
        assert detail.select_link("designation-day")
        await pilot.press("enter")
        assert reader.current == "designation-day"
        assert highlighted_id(app, Pane.CHRONOLOGY) == "designation-day"
        await pilot.press("backspace")
        assert reader.current == "south-gang"
        await pilot.press("alt+left")
        assert reader.current == "north-cartel"
        await pilot.press("alt+right")
        assert reader.current == "south-gang"
        await pilot.press("alt+right")
        assert reader.current == "designation-day"
        await pilot.press("alt+right")  # nothing further
        assert reader.current == "designation-day"


async def test_quotes_link_to_speaker_and_subjects() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reader = app.reader
        reader.open_entity("minister-on-cartel")
        await pilot.pause()
        assert reader.detail.document.label == "Quote"
        assert reader.detail.links()[:3] == ["jane-minister", "north-cartel", "south-gang"]
        reader.detail.focus()
        await pilot.press("down", "enter")
        assert reader.current == "jane-minister"
        assert highlighted_id(app, Pane.SPEAKERS) == "jane-minister"


async def test_narrowing_the_chronology_to_the_selected_organisation() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        chronology = pane(app, Pane.CHRONOLOGY)
        await pilot.press("j")  # South Gang highlighted
        await pilot.press("n")
        assert app.reader.narrowed_to == "south-gang"
        assert [e.id for e in chronology.items] == ["old-truce", "designation-day"]
        assert "South Gang" in str(app.reader.pane_box(Pane.CHRONOLOGY).border_title)
        await pilot.press("n")
        assert app.reader.narrowed_to is None
        assert len(chronology.items) == 4
        # A speaker narrows too.
        await pilot.press("2", "j", "n")
        assert app.reader.narrowed_to == "joe-reporter"
        assert list(chronology.items) == []


async def test_following_an_event_outside_the_narrowed_chronology_widens_it() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "n")  # narrowed to South Gang
        app.reader.open_entity("minister-takes-office")
        await pilot.pause()
        assert app.reader.narrowed_to is None
        assert highlighted_id(app, Pane.CHRONOLOGY) == "minister-takes-office"


async def test_open_source_url_and_copy_citation(monkeypatch: pytest.MonkeyPatch) -> None:
    app = sample_app()
    opened: list[str] = []
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await pilot.press("enter")  # North Cartel; its first source is the daily report
        await pilot.press("o")
        assert opened == ["https://example.org/designations"]
        await pilot.press("c")
        assert copied == [
            "The Daily Example, “Daily report on the designations”, 20 Feb 2025, "
            "https://example.org/designations, paragraph 2"
        ]
        # The source under the detail's cursor wins; an ftp address is never opened.
        detail = app.reader.detail
        assert detail.select_link("ministry-notice")
        await pilot.press("o")
        assert opened == ["https://example.org/designations"]
        await pilot.press("c")
        assert copied[-1].startswith("Ministry of Examples, “Notice of designation”")


async def test_search_narrows_live_and_enter_jumps_to_the_item() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"gang")
        results = app.screen.results
        assert results.hits and results.hits[0].entity_id == "south-gang"
        before = len(results.hits)
        await pilot.press(*" truce")
        assert [hit.entity_id for hit in results.hits] == ["old-truce"] and before > 1
        await pilot.press(*["backspace"] * 6)
        assert len(results.hits) == before
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current == "south-gang"
        assert highlighted_id(app, Pane.ORGANISATIONS) == "south-gang"
        assert app.focused is pane(app, Pane.ORGANISATIONS)


async def test_search_down_chooses_another_result_and_escape_backs_out() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"minister")
        hits = app.screen.results.hits
        assert len(hits) >= 2
        await pilot.press("down", "enter")
        assert app.reader.current == hits[1].entity_id
        await pilot.press("slash", *"cartel", "escape")
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.current == hits[1].entity_id


async def test_search_for_a_quote_opens_it_in_the_detail() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"every option", "enter")
        assert app.reader.current == "minister-earlier"
        assert app.focused is app.reader.detail


async def test_help_lists_every_binding() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text").render())
        from fto_tui.ui.widgets.cursor_list import CursorList

        for bindings in (app.BINDINGS, ReaderScreen.BINDINGS, CursorList.BINDINGS):
            for binding in bindings:
                assert binding.description in text, binding.description
        assert "Command palette" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_every_binding_has_an_id() -> None:
    from fto_tui.ui.screens.help import HelpScreen as Help
    from fto_tui.ui.widgets.cursor_list import CursorList

    for owner in (FtoBriefApp, ReaderScreen, CursorList, SearchScreen, Help):
        for binding in owner.BINDINGS:
            assert binding.id, (owner, binding)


async def test_q_quits() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_command_palette_opens_any_entity_by_name() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Joe Reporter")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.current == "joe-reporter"
        assert highlighted_id(app, Pane.SPEAKERS) == "joe-reporter"


async def test_mouse_click_opens_a_row_and_follows_a_link() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        speakers = pane(app, Pane.SPEAKERS)
        await pilot.click(speakers, offset=(3, 2))  # second row, inside the border
        assert app.reader.current == "joe-reporter"
        assert app.focused is speakers
        detail = app.reader.detail
        app.reader.open_entity("minister-on-cartel")
        await pilot.pause()
        line = detail.item_top(
            detail.document.blocks.index(
                next(b for b in detail.document.blocks if b.target == "jane-minister")
            )
        )
        await pilot.click(detail, offset=(4, line + 1))
        assert app.reader.current == "jane-minister"


async def test_compact_layout_at_80x24_shows_one_pane_and_tabs() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        reader = app.reader
        assert reader.compact
        assert reader.query_one("#pane-tabs").display
        shown = [p for p in Pane if reader.pane_box(p).display]
        assert shown == [Pane.ORGANISATIONS]
        await pilot.press("2")
        assert [p for p in Pane if reader.pane_box(p).display] == [Pane.SPEAKERS]
        await pilot.press("tab")
        assert [p for p in Pane if reader.pane_box(p).display] == [Pane.CHRONOLOGY]
        # Nothing overlaps and nothing is outside the screen.
        widgets = [reader.pane_box(Pane.CHRONOLOGY), reader.detail, reader.query_one("#status")]
        for widget in widgets:
            assert widget.region.right <= 80 and widget.region.bottom <= 24
            assert widget.region.width > 10 and widget.region.height >= 1
        for a in widgets:
            for b in widgets:
                if a is not b:
                    assert not a.region.overlaps(b.region)
        # Growing the terminal lays the three panes out again.
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not reader.compact
        assert all(reader.pane_box(p).display for p in Pane)


async def test_clicking_a_tab_switches_pane_when_compact() -> None:
    app = sample_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        tabs = app.reader.query_one("#pane-tabs")
        await pilot.click(tabs, offset=(35, 0))  # " 3 Chronology "
        assert app.reader.active_pane is Pane.CHRONOLOGY
        assert app.focused is pane(app, Pane.CHRONOLOGY)


async def test_every_file_broken_at_start_still_opens_and_shows_why() -> None:
    app = FtoBriefApp([str(BROKEN)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        assert any("broken.yaml:6:1" in p.format() for p in app.screen.problems)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert "No briefing loaded" in "\n".join(lines(app.reader.detail))
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)


async def test_a_broken_file_beside_a_good_one_shows_problems_and_the_good_content() -> None:
    app = FtoBriefApp([str(SAMPLE), str(BROKEN)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape")
        assert len(pane(app, Pane.ORGANISATIONS).items) == 3


@pytest.fixture
def copy_of_sample(tmp_path: Path) -> Path:
    target = tmp_path / "briefing.yaml"
    shutil.copy(SAMPLE, target)
    return target


async def test_r_reloads_and_keeps_the_selection(copy_of_sample: Path) -> None:
    app = FtoBriefApp([str(copy_of_sample)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "enter")  # South Gang
        text = copy_of_sample.read_text().replace("name: North Cartel", "name: Northern Cartel")
        copy_of_sample.write_text(text)
        await pilot.press("r")
        await settle(app, pilot)
        names = [o.name for o in pane(app, Pane.ORGANISATIONS).items]
        assert names[0] == "Northern Cartel"
        assert highlighted_id(app, Pane.ORGANISATIONS) == "south-gang"
        assert app.reader.current == "south-gang"


async def test_a_reload_that_fails_keeps_the_last_good_content(copy_of_sample: Path) -> None:
    app = FtoBriefApp([str(copy_of_sample)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        copy_of_sample.write_text(BROKEN.read_text())
        await pilot.press("r")
        await settle(app, pilot)
        # No view pops up while the user reads on: a notice and the status line say it.
        assert isinstance(app.screen, ReaderScreen)
        assert any(
            "Showing the last good version of briefing.yaml. p shows them." in str(n.message)
            for n in app._notifications
        )
        assert len(pane(app, Pane.ORGANISATIONS).items) == 3
        assert "1 error" in app.reader.query_one("#status").text
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        assert all(p.path == str(copy_of_sample) for p in app.screen.problems)
        assert "showing the last good version" in app.screen.title_text


async def test_a_deleted_file_keeps_its_content_with_a_notice(copy_of_sample: Path) -> None:
    app = FtoBriefApp([str(copy_of_sample)], watch=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        copy_of_sample.unlink()
        await pilot.press("r")
        await settle(app, pilot)
        assert len(pane(app, Pane.ORGANISATIONS).items) == 3
        assert any("was deleted" in str(n.message) for n in app._notifications)


async def test_a_file_changed_on_disk_is_reloaded_by_the_watcher(copy_of_sample: Path) -> None:
    app = FtoBriefApp([str(copy_of_sample)])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "j", "enter")  # Joe Reporter
        text = copy_of_sample.read_text().replace("name: Joe Reporter", "name: Joe Writer")
        replacement = copy_of_sample.with_suffix(".tmp")
        replacement.write_text(text)
        replacement.replace(copy_of_sample)  # an editor's write-and-rename
        for _ in range(100):
            await pilot.pause(0.1)
            if pane(app, Pane.SPEAKERS).items[1].name == "Joe Writer":
                break
        await settle(app, pilot)
        assert pane(app, Pane.SPEAKERS).items[1].name == "Joe Writer"
        assert app.reader.current == "joe-reporter"
        assert "Joe Writer" in "\n".join(lines(app.reader.detail))


async def test_the_detail_view_is_a_detail_view() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.reader.detail, DetailView)


async def test_ctrl_o_opens_a_briefing_alongside_what_is_open() -> None:
    from fto_tui.ui.screens.open_briefing import OpenBriefingScreen
    from tests.ui.factories import HOSTILE

    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, OpenBriefingScreen)
        await pilot.press(*str(HOSTILE), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        ids = [o.id for o in pane(app, Pane.ORGANISATIONS).items]
        assert ids[:3] == ["north-cartel", "south-gang", "state-department"]
        assert "bold-org" in ids
        assert "hostile.yaml" in app.reader.query_one("#status").text


async def test_ctrl_o_on_a_broken_file_shows_why_and_keeps_what_was_shown() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o", *str(BROKEN), "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape")
        assert len(pane(app, Pane.ORGANISATIONS).items) == 3


async def test_escape_cancels_the_open_dialog() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+o", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert len(app.open_files) == 1


async def test_a_reload_keeps_the_place_in_the_detail(copy_of_sample: Path) -> None:
    app = FtoBriefApp([str(copy_of_sample)], watch=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "4", "end")
        detail = app.reader.detail
        place = (detail.scroll_offset.y, detail.cursor)
        assert place[0] > 0 and place[1] >= 0
        await pilot.press("r")
        await settle(app, pilot)
        assert (detail.scroll_offset.y, detail.cursor) == place
        # Opening another item starts at its top.
        app.reader.open_entity("south-gang")
        await pilot.pause()
        assert detail.scroll_offset.y == 0 and detail.cursor == -1


async def test_narrowing_right_after_start_uses_the_highlighted_organisation() -> None:
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        assert app.reader.narrowed_to == "north-cartel"
        # From the chronology, n widens it again and narrows to what the detail shows.
        await pilot.press("n")
        app.reader.open_entity("jane-minister")
        await pilot.press("3", "n")
        assert app.reader.narrowed_to == "jane-minister"


async def test_back_returns_to_the_place_in_the_detail() -> None:
    app = sample_app()
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter", "4", "end")
        detail = app.reader.detail
        place = detail.place
        assert place[0] > 0
        target = detail.document.blocks[detail.cursor].target
        await pilot.press("enter")
        assert app.reader.current == target
        assert detail.place == (0, -1)
        await pilot.press("backspace")
        assert app.reader.current == "north-cartel"
        assert detail.place == place

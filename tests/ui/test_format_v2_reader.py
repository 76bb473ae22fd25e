"""The reader with a format v2 briefing: designation acts in the chronology, relations on both
sides, a translated statement by a ministry."""

from __future__ import annotations

from fto_tui.model import DesignationAct
from fto_tui.ui.app import FtoBriefApp
from fto_tui.ui.panes import Pane
from tests.ui.factories import DATA
from tests.ui.helpers import highlighted_id, lines, pane, settle

STORY = DATA / "story-v2.yaml"
SIZE = (120, 40)


def _app() -> FtoBriefApp:
    return FtoBriefApp([str(STORY)], watch=False)


async def test_designation_acts_are_listed_opened_and_narrowed() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        chronology = pane(app, Pane.CHRONOLOGY)
        acts = [e.id for e in chronology.items if isinstance(e, DesignationAct)]
        assert "river-fto-1~revoked" in acts and "river-fto-2~restored" in acts
        # Open the revocation from the chronology: it is shown as a designation's act.
        await pilot.press("3")
        index = [e.id for e in chronology.items].index("river-fto-1~revoked")
        for _ in range(index):
            await pilot.press("j")
        assert highlighted_id(app, Pane.CHRONOLOGY) == "river-fto-1~revoked"
        await pilot.press("enter")
        await pilot.pause()
        detail = app.reader.detail
        assert detail.document.label == "Designation"
        shown = "\n".join(lines(detail))
        assert "River Movement: Listed Organisations designation revoked" in shown
        # Narrowed to the organisation, the chronology keeps its acts.
        await pilot.press("1")
        await pilot.press("n")
        assert app.reader.narrowed_to == "river-movement"
        assert [e.id for e in chronology.items][-1] == "river-fto-2~amended-1"


async def test_a_translated_statement_is_not_called_the_words_as_spoken() -> None:
    app = _app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # Quotes by no named speaker are reachable from the overview.
        overview = "\n".join(lines(app.reader.detail))
        assert "Quotes from unnamed speakers (1)" in overview
        app.reader.open_entity("minister-words")
        await pilot.pause()
        shown = "\n".join(lines(app.reader.detail))
        assert "Said by: Ministry of Foreign Affairs" in shown
        assert "in translation (translated by Wire Agency)" in shown
        assert "the words as spoken" not in shown
        app.reader.open_entity("hill-state")
        await pilot.pause()
        shown = "\n".join(lines(app.reader.detail))
        assert "backs: River Movement" in shown

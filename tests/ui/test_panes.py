"""Which entities each pane lists, and where a pane's cursor goes after a reload."""

from __future__ import annotations

from fto_tui.index import Collection
from fto_tui.model import EntityKind
from fto_tui.ui.panes import PANES, Pane, can_narrow_to, keep_index, pane_for, pane_items
from tests.ui.factories import event, organisation, speaker


def _collection() -> Collection:
    return Collection(
        organisations=[organisation("b-org"), organisation("a-org")],
        speakers=[speaker("someone", affiliations=("a-org",))],
        events=[
            event("late", "2025-02-20", participants=("a-org",)),
            event("early", "2019", participants=("someone",)),
        ],
    )


def test_panes_are_numbered_in_order() -> None:
    assert [pane.number for pane in PANES] == [1, 2, 3]
    assert [pane.title for pane in PANES] == ["Organisations", "Speakers", "Chronology"]


def test_each_listable_kind_has_its_pane() -> None:
    assert pane_for(EntityKind.ORGANISATION) is Pane.ORGANISATIONS
    assert pane_for(EntityKind.SPEAKER) is Pane.SPEAKERS
    assert pane_for(EntityKind.EVENT) is Pane.CHRONOLOGY
    assert pane_for(EntityKind.QUOTE) is None
    assert pane_for(EntityKind.SOURCE) is None


def test_organisations_keep_briefing_order_and_the_chronology_is_by_date() -> None:
    collection = _collection()
    assert [o.id for o in pane_items(collection, Pane.ORGANISATIONS)] == ["b-org", "a-org"]
    assert [e.id for e in pane_items(collection, Pane.CHRONOLOGY)] == ["early", "late"]


def test_the_chronology_narrows_to_an_organisation_or_speaker() -> None:
    collection = _collection()
    assert [e.id for e in pane_items(collection, Pane.CHRONOLOGY, "a-org")] == ["late"]
    assert [e.id for e in pane_items(collection, Pane.CHRONOLOGY, "someone")] == ["early"]
    # Narrowing only applies to the chronology.
    assert len(pane_items(collection, Pane.ORGANISATIONS, "someone")) == 2


def test_only_organisations_and_speakers_can_narrow() -> None:
    collection = _collection()
    assert can_narrow_to(collection.get("a-org"))
    assert can_narrow_to(collection.get("someone"))
    assert not can_narrow_to(collection.get("late"))
    assert not can_narrow_to(None)


def test_keep_index_follows_the_item_clamps_or_empties() -> None:
    items = [organisation("x"), organisation("y"), organisation("z")]
    assert keep_index(items, "z", 0) == 2
    assert keep_index(items, "gone", 1) == 1
    assert keep_index(items, "gone", 9) == 2
    assert keep_index(items, None, -1) == 0
    assert keep_index([], "x", 3) == -1

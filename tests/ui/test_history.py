"""The reader's back/forward history, on its own."""

from __future__ import annotations

import pytest

from fto_tui.ui.history import History


def test_empty_history_has_nowhere_to_go() -> None:
    history = History()
    assert history.current is None
    assert history.back() is None
    assert history.forward() is None
    assert not history.can_go_back and not history.can_go_forward


def test_back_and_forward_walk_the_visits() -> None:
    history = History()
    for item in ("a", "b", "c"):
        history.visit(item)
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.back() is None
    assert history.current == "a"
    assert history.forward() == "b"
    assert history.forward() == "c"
    assert history.forward() is None


def test_visiting_after_going_back_drops_the_forward_entries() -> None:
    history = History()
    for item in ("a", "b", "c"):
        history.visit(item)
    history.back()
    history.back()
    history.visit("d")
    assert history.entries() == ("a", "d")
    assert not history.can_go_forward


def test_visiting_the_current_entry_again_changes_nothing() -> None:
    history = History()
    history.visit("a")
    history.visit("a")
    assert len(history) == 1


def test_history_is_capped_oldest_first() -> None:
    history = History(limit=3)
    for item in "abcde":
        history.visit(item)
    assert history.entries() == ("c", "d", "e")
    assert history.current == "e"


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError):
        History(limit=0)


def test_prune_forgets_what_no_longer_exists_and_keeps_the_position() -> None:
    history = History()
    for item in ("a", "b", "a", "c", "d"):
        history.visit(item)
    history.back()  # at "c"
    history.prune(lambda item: item != "b")
    assert history.entries() == ("a", "c", "d")
    assert history.current == "c"
    assert history.back() == "a"


def test_prune_of_the_current_entry_moves_to_the_one_before() -> None:
    history = History()
    for item in ("a", "b", "c"):
        history.visit(item)
    history.back()  # at "b"
    history.prune(lambda item: item != "b")
    assert history.current == "a"
    assert history.forward() == "c"


def test_prune_of_everything_empties_the_history() -> None:
    history = History()
    history.visit("a")
    history.prune(lambda item: False)
    assert history.current is None
    assert len(history) == 0

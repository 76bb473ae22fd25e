"""The core's records: immutable values, outside the cyclic collector; dates read back from
the cache skip checks they already passed."""

from __future__ import annotations

import gc

import pytest

from fto_tui.dates import DateError, DatePoint, EdtfDate
from fto_tui.model import Citation, Designation, Organisation, Quote, without_origin
from fto_tui.problems import Position, Problem, Severity

HERE = Position("a.yaml", 3, 5)
THERE = Position("b.yaml", 30, 1)


def _organisation(origin: Position, programme: str = "FTO") -> Organisation:
    return Organisation(
        id="org",
        name="Org",
        origin=origin,
        designations=(Designation("US State Department", programme, origin),),
        citations=(Citation("src", "p. 4"),),
    )


def test_records_are_immutable_values() -> None:
    quote = Quote("q", "speaker", "Words", HERE, date=EdtfDate.parse("2025-02-20"))
    with pytest.raises(AttributeError):
        quote.text = "Other words"  # type: ignore[misc]
    same = Quote(
        "q", "speaker", "Words", Position("a.yaml", 3, 5), date=EdtfDate.parse("2025-02-20")
    )
    assert quote == same and hash(quote) == hash(same)
    assert quote != Quote("q", "speaker", "Other words", HERE)
    assert repr(HERE) == "Position(path='a.yaml', line=3, column=5)"
    assert str(HERE) == "a.yaml:3:5"


def test_records_are_left_to_reference_counting() -> None:
    organisation = _organisation(HERE)
    problem = Problem(HERE, Severity.ERROR, "code", "message")
    for record in (organisation, organisation.designations[0], HERE, problem):
        assert not gc.is_tracked(record)
    assert not gc.is_tracked(EdtfDate.parse("2019/2021"))


def test_without_origin_compares_content_at_every_level() -> None:
    assert _organisation(HERE) != _organisation(THERE)
    assert without_origin(_organisation(HERE)) == without_origin(_organisation(THERE))
    assert without_origin(_organisation(HERE)) != without_origin(_organisation(THERE, "SDGT"))


def test_points_are_always_checked() -> None:
    with pytest.raises(DateError):
        DatePoint(2019, 2, 29)
    with pytest.raises(DateError):
        DatePoint(2025, 13)


@pytest.mark.parametrize("year", [1900, 2000, 2023, 2024, 2100, 9996])
def test_february_has_the_days_of_its_year(year: int) -> None:
    import calendar

    days = calendar.monthrange(year, 2)[1]
    assert DatePoint(year, 2, days).day == days
    with pytest.raises(DateError):
        DatePoint(year, 2, days + 1)

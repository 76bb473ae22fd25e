"""Binning events over time for the chronology's histogram."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from fto_tui.chronology import Bin, bins, merge
from fto_tui.dates import EdtfDate
from fto_tui.model import Event
from fto_tui.problems import Position

AT = Position("t.yaml", 1, 1)


def events(*dates: str) -> list[Event]:
    return [
        Event(id=f"e{n}", date=EdtfDate.parse(text), title=text, origin=AT)
        for n, text in enumerate(dates)
    ]


def test_no_events_or_no_dated_ones() -> None:
    assert bins([]) == []
    assert bins(events("../2019")) == []


def test_months_within_three_years_with_gaps_kept() -> None:
    found = bins(events("2025-02-20", "2025-02", "2024-11-05", "2025-02-17/2025-02-20"))
    assert [(b.label, b.count) for b in found] == [
        ("Nov 2024", 1),
        ("Dec 2024", 0),
        ("Jan 2025", 0),
        ("Feb 2025", 3),
    ]
    assert found[0].start == dt.date(2024, 11, 1)
    assert found[0].end == dt.date(2024, 11, 30)
    assert found[-1].end == dt.date(2025, 2, 28)
    assert {b.unit for b in found} == {"month"}


def test_counted_at_earliest_day_open_starts_ignored() -> None:
    found = bins(events("2019?", "2017/2021", "2025-01-20/..", "../2018", "2019-XX"))
    assert [(b.label, b.count) for b in found] == [
        (str(year), count)
        for year, count in [
            (2017, 1),
            (2018, 0),
            (2019, 2),
            (2020, 0),
            (2021, 0),
            (2022, 0),
            (2023, 0),
            (2024, 0),
            (2025, 1),
        ]
    ]


def test_span_boundary_between_months_and_years() -> None:
    # 36 months from Jan 2023 to Dec 2025: still months.
    assert bins(events("2023-01-01", "2025-12-31"))[0].unit == "month"
    assert len(bins(events("2023-01-01", "2025-12-31"))) == 36
    # 37 months: years.
    found = bins(events("2023-01-01", "2026-01-01"))
    assert [(b.label, b.count) for b in found] == [
        ("2023", 1),
        ("2024", 0),
        ("2025", 0),
        ("2026", 1),
    ]


def test_single_day() -> None:
    (only,) = bins(events("2025-02-20"))
    assert only == Bin(dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month", 1)


def test_extreme_years() -> None:
    found = bins(events("0001", "9999-12"))
    assert found[0].start == dt.date(1, 1, 1)
    assert found[-1].end == dt.date(9999, 12, 31)
    assert sum(b.count for b in found) == 2
    assert len(bins(events("9999-12-31"))) == 1


def test_merge_to_at_most_max_bins_aligned_to_round_numbers() -> None:
    found = bins(events("1900", "1999", "1955", "1957"), max_bins=10)
    assert [(b.label, b.count) for b in found] == [
        (f"{decade}–{decade + 9}", 2 if decade == 1950 else 1 if decade in (1900, 1990) else 0)
        for decade in range(1900, 2000, 10)
    ]


@pytest.mark.parametrize("max_bins", [1, 2, 3, 7, 10, 35, 36, 100])
def test_merge_keeps_counts_and_order(max_bins: int) -> None:
    found = bins(events("2023-01-03", "2023-05", "2024-07-01", "2025-12-31", "2025-12"))
    merged = merge(found, max_bins)
    assert len(merged) <= max_bins
    assert sum(b.count for b in merged) == 5
    assert merged[0].start == found[0].start and merged[-1].end == found[-1].end
    for before, after in pairwise(merged):
        assert after.start == before.end + dt.timedelta(days=1)


def test_merged_month_labels() -> None:
    found = merge(bins(events("2025-01-01", "2025-06-30")), 2)
    assert [b.label for b in found] == ["Jan–Mar 2025", "Apr–Jun 2025"]
    found = merge(bins(events("2024-11-01", "2025-02-28")), 1)
    assert [b.label for b in found] == ["Nov 2024–Feb 2025"]


def test_merge_rejects_zero() -> None:
    with pytest.raises(ValueError):
        merge([], 0)

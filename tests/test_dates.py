"""EDTF dates: parsing, spans, precision, display, ordering, errors."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fto_tui.dates import DateError, DatePoint, EdtfDate, Precision

D = dt.date

# text, earliest, latest, precision, display
FORMS: list[tuple[str, D | None, D | None, Precision, str]] = [
    ("2025-02-20", D(2025, 2, 20), D(2025, 2, 20), Precision.DAY, "20 Feb 2025"),
    ("2025-02", D(2025, 2, 1), D(2025, 2, 28), Precision.MONTH, "Feb 2025"),
    ("2024-02", D(2024, 2, 1), D(2024, 2, 29), Precision.MONTH, "Feb 2024"),
    ("2025", D(2025, 1, 1), D(2025, 12, 31), Precision.YEAR, "2025"),
    ("0850", D(850, 1, 1), D(850, 12, 31), Precision.YEAR, "850"),
    ("2001-21", D(2001, 3, 1), D(2001, 5, 31), Precision.SEASON, "Spring 2001"),
    ("2001-22", D(2001, 6, 1), D(2001, 8, 31), Precision.SEASON, "Summer 2001"),
    ("2001-23", D(2001, 9, 1), D(2001, 11, 30), Precision.SEASON, "Autumn 2001"),
    ("2001-24", D(2001, 12, 1), D(2002, 2, 28), Precision.SEASON, "Winter 2001"),
    ("2003-24", D(2003, 12, 1), D(2004, 2, 29), Precision.SEASON, "Winter 2003"),
    ("9999-24", D(9999, 12, 1), D(9999, 12, 31), Precision.SEASON, "Winter 9999"),
    ("2017/2021", D(2017, 1, 1), D(2021, 12, 31), Precision.YEAR, "2017–2021"),
    (
        "2025-02-17/2025-02-20",
        D(2025, 2, 17),
        D(2025, 2, 20),
        Precision.DAY,
        "17–20 Feb 2025",
    ),
    (
        "2025-02-17/2025-03-02",
        D(2025, 2, 17),
        D(2025, 3, 2),
        Precision.DAY,
        "17 Feb – 2 Mar 2025",
    ),
    ("2025-01/2025-03", D(2025, 1, 1), D(2025, 3, 31), Precision.MONTH, "Jan–Mar 2025"),
    (
        "2024-12-30/2025-01-02",
        D(2024, 12, 30),
        D(2025, 1, 2),
        Precision.DAY,
        "30 Dec 2024 – 2 Jan 2025",
    ),
    ("2019-06/2020", D(2019, 6, 1), D(2020, 12, 31), Precision.MONTH, "Jun 2019 – 2020"),
    ("2001-21/2001-23", D(2001, 3, 1), D(2001, 11, 30), Precision.SEASON, "Spring–Autumn 2001"),
    ("2019/2019", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "2019"),
    ("2019~/2021", D(2019, 1, 1), D(2021, 12, 31), Precision.YEAR, "c. 2019 – 2021"),
    ("2019/2021?", D(2019, 1, 1), D(2021, 12, 31), Precision.YEAR, "2019–2021?"),
    ("2025-01-20/..", D(2025, 1, 20), None, Precision.DAY, "since 20 Jan 2025"),
    ("../2019", None, D(2019, 12, 31), Precision.YEAR, "until 2019"),
    ("2025-01-20/", D(2025, 1, 20), None, Precision.DAY, "20 Jan 2025 – ?"),
    ("/2019", None, D(2019, 12, 31), Precision.YEAR, "?–2019"),
    ("2019~", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "c. 2019"),
    ("2019?", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "2019?"),
    ("2019%", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "c. 2019?"),
    ("2025-02-20?", D(2025, 2, 20), D(2025, 2, 20), Precision.DAY, "20 Feb 2025?"),
    ("2001-21~", D(2001, 3, 1), D(2001, 5, 31), Precision.SEASON, "c. Spring 2001"),
    ("201X", D(2010, 1, 1), D(2019, 12, 31), Precision.DECADE, "2010s"),
    ("201X?", D(2010, 1, 1), D(2019, 12, 31), Precision.DECADE, "2010s?"),
    ("20XX", D(2000, 1, 1), D(2099, 12, 31), Precision.CENTURY, "20XX"),
    ("2019-XX", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "2019 (month unknown)"),
    (
        "2019-XX-XX",
        D(2019, 1, 1),
        D(2019, 12, 31),
        Precision.YEAR,
        "2019 (month and day unknown)",
    ),
    ("2019-05-XX", D(2019, 5, 1), D(2019, 5, 31), Precision.MONTH, "May 2019 (day unknown)"),
    ("2019-XX~", D(2019, 1, 1), D(2019, 12, 31), Precision.YEAR, "c. 2019 (month unknown)"),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "precision", "shown"), FORMS)
def test_forms(
    text: str, earliest: D | None, latest: D | None, precision: Precision, shown: str
) -> None:
    date = EdtfDate.parse(text)
    assert date.text == text
    assert str(date) == text
    assert date.earliest == earliest
    assert date.latest == latest
    assert date.precision is precision
    assert date.display() == shown


def test_single_date_fields() -> None:
    date = EdtfDate.parse("2025-02-20")
    assert date.start == DatePoint(2025, 2, 20)
    assert date.end is date.start
    assert not date.is_interval
    assert not (date.open_start or date.open_end or date.unknown_start or date.unknown_end)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("2025-02", DatePoint(2025, 2)),
        ("2001-23", DatePoint(2001, season=23)),
        ("2019?", DatePoint(2019, uncertain=True)),
        ("2019~", DatePoint(2019, approximate=True)),
        ("2019%", DatePoint(2019, uncertain=True, approximate=True)),
        ("201X", DatePoint(2010, unspecified_year_digits=1)),
        ("20XX", DatePoint(2000, unspecified_year_digits=2)),
        ("2019-XX", DatePoint(2019, unspecified_month=True)),
        ("2019-XX-XX", DatePoint(2019, unspecified_month=True, unspecified_day=True)),
        ("2019-05-XX", DatePoint(2019, 5, unspecified_day=True)),
    ],
)
def test_point_fields(text: str, point: DatePoint) -> None:
    date = EdtfDate.parse(text)
    assert date.start == point
    assert point.to_edtf() == text


@pytest.mark.parametrize(
    ("text", "open_start", "open_end", "unknown_start", "unknown_end"),
    [
        ("2017/2021", False, False, False, False),
        ("2025-01-20/..", False, True, False, False),
        ("../2019", True, False, False, False),
        ("2025-01-20/", False, False, False, True),
        ("/2019", False, False, True, False),
    ],
)
def test_interval_ends(
    text: str, open_start: bool, open_end: bool, unknown_start: bool, unknown_end: bool
) -> None:
    date = EdtfDate.parse(text)
    assert date.is_interval
    assert (date.open_start, date.open_end) == (open_start, open_end)
    assert (date.unknown_start, date.unknown_end) == (unknown_start, unknown_end)
    assert (date.start is None) == (open_start or unknown_start)
    assert (date.end is None) == (open_end or unknown_end)


def test_surrounding_whitespace_is_stripped() -> None:
    date = EdtfDate.parse("  2019-05 \n")
    assert date.text == "2019-05"
    assert date == EdtfDate.parse("2019-05")


def test_sort_key_same_day_finer_first() -> None:
    texts = ["2025", "2025-01", "2025-01-01", "202X", "2025-01-01/2025-03"]
    ordered = sorted(texts, key=lambda text: EdtfDate.parse(text).sort_key)
    assert ordered == ["202X", "2025-01-01", "2025-01-01/2025-03", "2025-01", "2025"]


def test_sort_key_by_earliest_day() -> None:
    texts = ["2025-02-20", "2019", "../2019-06", "2025-01-20/..", "2001-24", "2002-01"]
    ordered = sorted(texts, key=lambda text: EdtfDate.parse(text).sort_key)
    assert ordered == ["2001-24", "2002-01", "2019", "../2019-06", "2025-01-20/..", "2025-02-20"]


def test_sort_key_value() -> None:
    assert EdtfDate.parse("2025-02").sort_key == (D(2025, 2, 1).toordinal(), Precision.MONTH)
    assert EdtfDate.parse("/2019-05-XX").sort_key == (D(2019, 5, 1).toordinal(), 1)


@pytest.mark.parametrize(
    ("text", "day", "inside"),
    [
        ("2025-02-20", D(2025, 2, 20), True),
        ("2025-02-20", D(2025, 2, 21), False),
        ("2025-02", D(2025, 2, 28), True),
        ("2025-02", D(2025, 3, 1), False),
        ("2017/2021", D(2016, 12, 31), False),
        ("2017/2021", D(2021, 12, 31), True),
        ("2025-01-20/..", D(2099, 1, 1), True),
        ("2025-01-20/..", D(2025, 1, 19), False),
        ("2025-01-20/", D(2030, 1, 1), True),
        ("../2019", D(1900, 1, 1), True),
        ("../2019", D(2020, 1, 1), False),
        ("2001-24", D(2002, 2, 1), True),
    ],
)
def test_contains(text: str, day: D, inside: bool) -> None:
    assert EdtfDate.parse(text).contains(day) is inside


# text, message (exact or start of), offset
ERRORS: list[tuple[str, str, int]] = [
    ("2025-02-30", "February 2025 has 28 days", 8),
    ("2024-02-30", "February 2024 has 29 days", 8),
    ("1900-02-29", "February 1900 has 28 days", 8),
    ("2025-04-31", "April 2025 has 30 days", 8),
    ("2025-01-32", "January 2025 has 31 days", 8),
    ("  2025-02-30", "February 2025 has 28 days", 10),
    ("2025-13", "there is no month 13; months run 01–12 (21–24 are seasons)", 5),
    ("2025-00", "there is no month 00; months run 01–12 (21–24 are seasons)", 5),
    ("2025-02-00", "there is no day 00; days start at 01", 8),
    ("2021/2017", "the interval ends (2017) before it starts (2021)", 5),
    (
        "2025-02-20/2025-02-17",
        "the interval ends (17 Feb 2025) before it starts (20 Feb 2025)",
        11,
    ),
    ("next week", "not a date: expected a date such as 2025-02-20, 2025-02, 2025 or 2017/2021", 0),
    ("2025/02/20", "write dates in EDTF (ISO 8601) form: 2025-02-20", 0),
    ("20-02-2025", "write dates in EDTF (ISO 8601) form: 2025-02-20", 0),
    ("20/02/2025", "write dates in EDTF (ISO 8601) form: 2025-02-20", 0),
    ("02/20/2025", "write dates in EDTF (ISO 8601) form: 2025-02-20", 0),
    ("03/02/2025", "write dates in EDTF (ISO 8601) form: 2025-02-03 or 2025-03-02?", 0),
    ("2025-2-5", "write dates in EDTF (ISO 8601) form: 2025-02-05", 0),
    ("02/2025", "write dates in EDTF (ISO 8601) form: 2025-02", 0),
    ("20 February 2025", "write dates in EDTF (ISO 8601) form: 2025-02-20", 0),
    ("Feb 20, 2025", "write dates in EDTF (ISO 8601) form: 2025-02-20", 0),
    ("February 2025", "write dates in EDTF (ISO 8601) form: 2025-02", 0),
    ("Spring 2001", "write dates in EDTF (ISO 8601) form: 2001-21", 0),
    ("1990s", "write dates in EDTF (ISO 8601) form: 199X", 0),
    ("c. 2019", "write dates in EDTF (ISO 8601) form: 2019~", 0),
    ("2025/02/31", "an interval has a single '/' between its two ends", 7),
    ("2025-02-20T10:00", "times are not supported; give the date alone: 2025-02-20", 10),
    ("2017–2021", "an interval is written with '/': 2017/2021", 4),
    ("2017 / 2021", "a date has no spaces in it: 2017/2021", 4),
    ("2019 05", "write dates in EDTF (ISO 8601) form: 2019-05", 0),
    ("2019 next", "a date has no spaces in it", 4),
    ("", "the date is empty", 0),
    ("   ", "the date is empty", 0),
    ("2" * 101, "too long to be a date (101 characters)", 0),
    ("-2019", "negative years are not supported", 0),
    ("Y170000", "years written with 'Y' (more than four digits) are not supported", 0),
    ("1950S2", "exponents and significant digits (level 2) in years are not supported", 4),
    ("{2019,2020}", "sets of dates ([...], {...}) are not supported", 0),
    ("[2019..2020]", "sets of dates ([...], {...}) are not supported", 0),
    ("20190", "years have four digits; longer years are not supported", 0),
    ("025", "a year has four digits (0001–9999)", 0),
    ("0000", "year 0000 is not supported; the earliest year is 0001", 0),
    ("000X", "year 0000 is not supported; the earliest year is 0001", 0),
    ("2019-25", "season 25 (level 2) is not supported", 5),
    ("2019-41", "season 41 (level 2) is not supported", 5),
    ("2019-42", "there is no month 42", 5),
    ("2001-21-05", "a season (21–24) has no day", 7),
    ("2XXX", "a year with more than two unspecified digits (2XXX, XXXX) is not supported", 1),
    ("XXXX", "a year with more than two unspecified digits (2XXX, XXXX) is not supported", 0),
    ("20X5", "unspecified digits (X) are supported only at the end of a year", 2),
    ("201X-05", "a year with unspecified digits cannot have a month or day", 4),
    ("2019-1X", "a partly unspecified month is not supported; write XX", 5),
    ("2019-05-1X", "a partly unspecified day is not supported; write XX", 8),
    ("2019-XX-05", "a known day in an unknown month (2019-XX-05) is not supported", 8),
    ("201x", "unspecified digits are written with a capital X (201X)", 3),
    ("201u", "unspecified digits are written with X (201X), not u", 3),
    ("?2019", "qualifying part of a date (level 2) is not supported", 0),
    ("2004-06~-11", "qualifying part of a date (level 2) is not supported", 7),
    ("2019?~", "write % for uncertain and approximate: 2019%", 5),
    ("2019??", "a date takes one qualifier: ?, ~ or %", 5),
    ("?", "expected a date before ?", 0),
    ("2019-", "expected a month (01–12) or season (21–24) after '-'", 5),
    ("2019-123", "a month has two digits (01–12)", 5),
    ("2019-05-", "expected a day (01–31) after '-'", 8),
    ("2019-05-123", "a day has two digits (01–31)", 8),
    ("2019-05-20-01", "too many parts: a date is YYYY, YYYY-MM or YYYY-MM-DD", 10),
    ("2019..2020", "'.' only appears as '..', an open end of an interval", 4),
    ("../..", "an interval needs a date on at least one side of '/'", 0),
    ("/", "an interval needs a date on at least one side of '/'", 0),
    ("../", "an interval needs a date on at least one side of '/'", 0),
    ("2017/2021/2025", "an interval has a single '/' between its two ends", 9),
    ("2019/20", "a year has four digits (0001–9999)", 5),
    ("\u202e2019", "unexpected character U+202E in a date", 0),
    ("2019\x00", "unexpected character U+0000 in a date", 4),
    ("2019-0٥", "unexpected character '٥' in a date", 6),
    ("2019,", "unexpected character ',' in a date", 4),
    ("\u20282019", "unexpected character U+2028 in a date", 0),
    ("\t2019\x1c", "unexpected character U+001C in a date", 5),
]


@pytest.mark.parametrize(("text", "message", "offset"), ERRORS)
def test_errors(text: str, message: str, offset: int) -> None:
    with pytest.raises(DateError) as caught:
        EdtfDate.parse(text)
    assert caught.value.message.startswith(message)
    assert str(caught.value) == caught.value.message
    assert caught.value.offset == offset


def test_date_error_is_a_value_error() -> None:
    error = DateError("bad", 3)
    assert isinstance(error, ValueError)
    assert (error.message, error.offset) == ("bad", 3)
    assert DateError("bad").offset == 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"year": 0},
        {"year": 2019, "month": 13},
        {"year": 2019, "month": 2, "day": 29},
        {"year": 2019, "day": 5},
        {"year": 2019, "season": 25},
        {"year": 2019, "season": 21, "month": 3},
        {"year": 2015, "unspecified_year_digits": 1},
        {"year": 2010, "unspecified_year_digits": 1, "month": 5},
        {"year": 2019, "unspecified_day": True},
    ],
)
def test_point_rejects_impossible_fields(kwargs: dict[str, int | bool]) -> None:
    with pytest.raises(DateError):
        DatePoint(**kwargs)  # type: ignore[arg-type]


# Property tests.


@given(st.text(max_size=40))
def test_parse_never_raises_anything_else(text: str) -> None:
    try:
        date = EdtfDate.parse(text)
    except DateError as error:
        assert 0 <= error.offset <= len(text)
        assert error.message
    else:
        assert date.display()


@given(st.text(alphabet="0123456789X-/.?~% ", max_size=25))
def test_parse_edtf_alphabet_never_raises_anything_else(text: str) -> None:
    try:
        EdtfDate.parse(text)
    except DateError as error:
        assert 0 <= error.offset <= len(text)


@st.composite
def points(draw: st.DrawFn) -> DatePoint:
    year = draw(st.integers(1, 9999))
    qualifier = draw(st.sampled_from(["", "?", "~", "%"]))
    flags = {"uncertain": qualifier in ("?", "%"), "approximate": qualifier in ("~", "%")}
    kind = draw(st.sampled_from(["year", "month", "day", "season", "decade", "century", "xx"]))
    if kind == "decade" and year >= 10:
        return DatePoint(year - year % 10, unspecified_year_digits=1, **flags)
    if kind == "century" and year >= 100:
        return DatePoint(year - year % 100, unspecified_year_digits=2, **flags)
    if kind == "season":
        return DatePoint(year, season=draw(st.integers(21, 24)), **flags)
    if kind in ("month", "day", "xx"):
        month = draw(st.integers(1, 12))
        if kind == "month":
            return DatePoint(year, month, **flags)
        if kind == "xx":
            which = draw(st.sampled_from(["month", "both", "day"]))
            if which == "day":
                return DatePoint(year, month, unspecified_day=True, **flags)
            return DatePoint(year, unspecified_month=True, unspecified_day=which == "both", **flags)
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        return DatePoint(year, month, day, **flags)
    return DatePoint(year, **flags)


@given(points())
def test_generated_points_parse_back(point: DatePoint) -> None:
    text = point.to_edtf()
    date = EdtfDate.parse(text)
    assert date.start == point
    assert date.text == text
    assert date.earliest is not None and date.latest is not None
    assert date.earliest <= date.latest
    assert date.contains(date.earliest) and date.contains(date.latest)
    assert date.sort_key == (date.earliest.toordinal(), int(date.precision))
    assert date.display()


@given(
    points(),
    points(),
    st.sampled_from(["both", "open-start", "open-end", "unknown-start", "unknown-end"]),
)
def test_generated_intervals(first: DatePoint, second: DatePoint, ends: str) -> None:
    left = {"open-start": "..", "unknown-start": ""}.get(ends, first.to_edtf())
    right = {"open-end": "..", "unknown-end": ""}.get(ends, second.to_edtf())
    text = f"{left}/{right}"
    if ends == "both" and second.latest < first.earliest:
        with pytest.raises(DateError, match="before it starts"):
            EdtfDate.parse(text)
        return
    date = EdtfDate.parse(text)
    assert date.is_interval
    if date.earliest is not None and date.latest is not None:
        assert date.earliest <= date.latest
    assert date.display()
    point = date.start or date.end
    assert point is not None
    assert date.sort_key[0] == point.earliest.toordinal()

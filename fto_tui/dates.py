"""EDTF dates (ISO 8601-2, levels 0 and 1), as far as a chronology needs them.

A briefing writes every date as an EDTF string. This module parses one into an :class:`EdtfDate`
(a single :class:`DatePoint` or an interval of two), tells the earliest and latest day it can
mean, sorts it, and renders it compactly in English for a reader.

Supported forms::

    2025-02-20   2025-02   2025                  day, month, year
    2001-21 .. 2001-24                           spring, summer, autumn, winter
    2017/2021   2025-02-17/2025-02-20   2019-06/2020     intervals
    2025-01-20/..   ../2019                      open ends (the interval goes on / has no start)
    2025-01-20/     /2019                        unknown ends
    2019?   2019~   2019%                        uncertain, approximate, both (whole date only)
    201X   20XX   2019-XX   2019-XX-XX   2019-05-XX      unspecified digits

Years have four digits, 0001-9999 (year 0000 cannot be represented by :class:`datetime.date`).
Level 2 features (qualifying part of a date, ``Y`` years, exponents, sets, seasons 25-41, ``X``
other than at the end) are rejected with a "not supported" message.

Seasons are northern-hemisphere meteorological seasons: spring is March-May, summer June-August,
autumn September-November, and winter runs from 1 December to the end of the following February.

Displays: ``20 Feb 2025``, ``Feb 2025``, ``Spring 2001``, ``2017–2021``, ``17–20 Feb 2025``,
``Jan–Mar 2025``, ``30 Dec 2024 – 2 Jan 2025``, ``c. 2019`` (``~``), ``2019?`` (``?``),
``c. 2019?`` (``%``), ``2010s`` (``201X``), ``20XX`` (a two-digit-unspecified year is shown as
written, since "the 2000s" and "the 21st century" both mean something else),
``2019 (month unknown)``, ``May 2019 (day unknown)``, ``2019 (month and day unknown)``;
open ends read ``since 20 Jan 2025`` and ``until 2019``; unknown ends read ``20 Jan 2025 – ?``
and ``?–2019``.

Errors are :class:`DateError` with a message for people and the offset in the text where the
problem starts.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

from fto_tui.record import Record

__all__ = ["MAX_LENGTH", "DateError", "DatePoint", "EdtfDate", "Precision"]

MAX_LENGTH = 100
"""Longer text is refused outright: no real date comes near it."""

_DIGITS = frozenset("0123456789")
_QUALIFIERS = "?~%"
_BLANKS = " \t\r\n"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
# (first month, last month) of each season; winter's last month is in the following year.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
_EXAMPLES = "such as 2025-02-20, 2025-02, 2025 or 2017/2021"


class DateError(ValueError):
    """A date that cannot be parsed, or means an impossible day.

    ``offset`` is the 0-based index into the text given to :meth:`EdtfDate.parse` where the
    problem starts.
    """

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset

    def __str__(self) -> str:
        return self.message


class Precision(enum.IntEnum):
    """How finely a date is known; finer is smaller."""

    DAY = 0
    MONTH = 1
    SEASON = 2
    YEAR = 3
    DECADE = 4
    CENTURY = 5


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


class DatePoint(Record, frozen=True):
    """One date: a day, month, season or year, possibly qualified or partly unspecified.

    ``year`` is the first year the date can mean: ``201X`` has ``year=2010`` and
    ``unspecified_year_digits=1``. ``month`` is ``None`` for a season, a year or an unspecified
    month (``unspecified_month``); ``day`` is ``None`` unless a day is given.
    """

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    uncertain: bool = False
    approximate: bool = False
    unspecified_year_digits: int = 0
    unspecified_month: bool = False
    unspecified_day: bool = False

    def __post_init__(self) -> None:
        problem = self._invalid()
        if problem:
            raise DateError(problem)

    def _invalid(self) -> str | None:
        if not 1 <= self.year <= 9999:
            return f"year {self.year} is outside 0001–9999"
        if self.unspecified_year_digits:
            if self.unspecified_year_digits not in (1, 2):
                return "only one or two digits of a year can be unspecified"
            if self.year % 10**self.unspecified_year_digits:
                return "the unspecified digits of the year must be zero in `year`"
            if (
                self.month is not None
                or self.season is not None
                or self.day is not None
                or self.unspecified_month
                or self.unspecified_day
            ):
                return "a year with unspecified digits cannot have a month, season or day"
        if self.season is not None and (
            self.season not in _SEASONS
            or self.month is not None
            or self.day is not None
            or self.unspecified_month
            or self.unspecified_day
        ):
            return "a season is 21–24 and has no month or day"
        if self.month is not None and (not 1 <= self.month <= 12 or self.unspecified_month):
            return "a month is 1–12"
        if self.day is not None:
            if self.month is None or self.unspecified_day:
                return "a day needs a known month"
            if not 1 <= self.day <= _days_in_month(self.year, self.month):
                return f"{_MONTHS[self.month - 1]} {self.year} has no day {self.day}"
        if self.unspecified_day and self.month is None and not self.unspecified_month:
            return "an unspecified day needs a month"
        return None

    @property
    def qualifier(self) -> str:
        """The EDTF qualifier: ``""``, ``"?"``, ``"~"`` or ``"%"``."""
        if self.uncertain and self.approximate:
            return "%"
        if self.uncertain:
            return "?"
        if self.approximate:
            return "~"
        return ""

    @property
    def has_unspecified(self) -> bool:
        return bool(self.unspecified_year_digits or self.unspecified_month or self.unspecified_day)

    @property
    def precision(self) -> Precision:
        if self.unspecified_year_digits == 2:
            return Precision.CENTURY
        if self.unspecified_year_digits == 1:
            return Precision.DECADE
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.season is not None:
            return Precision.SEASON
        return Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        """The first day this date can mean."""
        if self.month is not None:
            return dt.date(self.year, self.month, self.day or 1)
        if self.season is not None:
            return dt.date(self.year, _SEASON_MONTHS[self.season][0], 1)
        return dt.date(self.year, 1, 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date can mean."""
        if self.month is not None:
            return dt.date(self.year, self.month, self.day or _days_in_month(self.year, self.month))
        if self.season is not None:
            last = _SEASON_MONTHS[self.season][1]
            year = self.year + 1 if self.season == 24 else self.year
            if year > 9999:
                return dt.date.max
            return dt.date(year, last, _days_in_month(year, last))
        return dt.date(self.year + 10**self.unspecified_year_digits - 1, 12, 31)

    def to_edtf(self) -> str:
        """The EDTF form of this date (what a briefing writes)."""
        year = f"{self.year:04d}"
        if self.unspecified_year_digits:
            year = year[: -self.unspecified_year_digits] + "X" * self.unspecified_year_digits
        text = year
        if self.month is not None:
            text += f"-{self.month:02d}"
        elif self.season is not None:
            text += f"-{self.season}"
        elif self.unspecified_month:
            text += "-XX"
        if self.day is not None:
            text += f"-{self.day:02d}"
        elif self.unspecified_day:
            text += "-XX"
        return text + self.qualifier

    def _plain(self) -> str:
        """The date without qualifiers or notes on unspecified parts."""
        if self.unspecified_year_digits == 2:
            return f"{self.year // 100:02d}XX"
        if self.unspecified_year_digits == 1:
            return f"{self.year}s"
        if self.month is not None:
            month = f"{_MONTHS[self.month - 1][:3]} {self.year}"
            return f"{self.day} {month}" if self.day is not None else month
        if self.season is not None:
            return f"{_SEASONS[self.season]} {self.year}"
        return str(self.year)

    def display(self) -> str:
        """A compact English rendering: ``20 Feb 2025``, ``c. 2019?``, ``2010s``..."""
        text = self._plain()
        if self.approximate:
            text = "c. " + text
        if self.uncertain:
            text += "?"
        if self.unspecified_month and self.unspecified_day:
            text += " (month and day unknown)"
        elif self.unspecified_month:
            text += " (month unknown)"
        elif self.unspecified_day:
            text += " (day unknown)"
        return text

    def __str__(self) -> str:
        return self.to_edtf()


class EdtfDate(Record, frozen=True):
    """A date as a briefing writes it: one point, or an interval of two.

    For a single date ``start`` and ``end`` are the same point. For an interval, a ``None``
    end is open (``..``: ``open_start``/``open_end``) or unknown (empty: ``unknown_start``/
    ``unknown_end``).
    """

    text: str
    start: DatePoint | None
    end: DatePoint | None
    is_interval: bool = False
    open_start: bool = False
    open_end: bool = False
    unknown_start: bool = False
    unknown_end: bool = False

    @classmethod
    def parse(cls, text: str) -> EdtfDate:
        """Parse EDTF text; surrounding spaces, tabs and line breaks are ignored.

        Raises :class:`DateError`, whose offset counts from the start of ``text``.
        """
        body = text.strip(_BLANKS)
        lead = len(text) - len(text.lstrip(_BLANKS))
        if not body:
            raise DateError(f"the date is empty; expected a date {_EXAMPLES}", 0)
        if len(body) > MAX_LENGTH:
            raise DateError(f"too long to be a date ({len(body)} characters)", lead)
        try:
            return _parse(body, lead)
        except DateError:
            advice = _suggest(body)
            if advice is None:
                raise
            message, where = advice
            raise DateError(message, lead + where) from None

    @property
    def earliest(self) -> dt.date | None:
        """The first day the date can mean; ``None`` if the start is open or unknown."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> dt.date | None:
        """The last day the date can mean; ``None`` if the end is open or unknown."""
        return self.end.latest if self.end else None

    @property
    def precision(self) -> Precision:
        """The precision of the start, or of the end when the start is open or unknown."""
        point = self.start or self.end
        assert point is not None
        return point.precision

    @property
    def sort_key(self) -> tuple[int, int]:
        """(earliest possible day's ordinal, precision): sorts by day, then finer first.

        An interval with an open or unknown start sorts by the earliest day of its end.
        """
        point = self.start or self.end
        assert point is not None
        return (point.earliest.toordinal(), int(point.precision))

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` can fall within this date; open and unknown ends are unbounded."""
        earliest, latest = self.earliest, self.latest
        return (earliest is None or earliest <= day) and (latest is None or day <= latest)

    def display(self) -> str:
        """A compact English rendering for a chronology (see the module docstring)."""
        start, end = self.start, self.end
        if start is None:
            assert end is not None
            return f"until {end.display()}" if self.open_start else _join("?", end.display())
        if end is None:
            return f"since {start.display()}" if self.open_end else _join(start.display(), "?")
        if not self.is_interval or start == end:
            return start.display()
        return _compact(start, end) or _join(start.display(), end.display())

    def __str__(self) -> str:
        return self.text


def _join(first: str, second: str) -> str:
    """An en dash between two ends; spaced when either end has a space in it."""
    if " " in first or " " in second:
        return f"{first} – {second}"
    return f"{first}–{second}"


def _compact(start: DatePoint, end: DatePoint) -> str | None:
    """``17–20 Feb 2025``, ``Jan–Mar 2025``, ``Spring–Autumn 2001``; None when not plain."""
    if (
        start.qualifier
        or end.qualifier
        or start.has_unspecified
        or end.has_unspecified
        or start.year != end.year
        or start.precision != end.precision
    ):
        return None
    year = start.year
    if start.precision is Precision.DAY:
        assert start.month and end.month
        if start.month == end.month:
            return f"{start.day}–{end.day} {_MONTHS[start.month - 1][:3]} {year}"
        first = f"{start.day} {_MONTHS[start.month - 1][:3]}"
        return f"{first} – {end.day} {_MONTHS[end.month - 1][:3]} {year}"
    if start.precision is Precision.MONTH:
        assert start.month and end.month
        return f"{_MONTHS[start.month - 1][:3]}–{_MONTHS[end.month - 1][:3]} {year}"
    if start.precision is Precision.SEASON:
        assert start.season and end.season
        return f"{_SEASONS[start.season]}–{_SEASONS[end.season]} {year}"
    return None


def _show(char: str) -> str:
    """A character for an error message: quoted if printable, else as U+XXXX."""
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    return f"U+{ord(char):04X}"


def _check_characters(body: str, lead: int) -> None:
    """Reject characters EDTF levels 0-1 never use, naming level 2 features where they are."""
    for index, char in enumerate(body):
        if char in _DIGITS or char in "X-/.?~%":
            continue
        offset = lead + index
        if index == 0 and char.isalpha() and char not in "Yx":
            raise DateError(f"not a date: expected a date {_EXAMPLES}", offset)
        if char == "Y":
            raise DateError(
                "years written with 'Y' (more than four digits) are not supported", offset
            )
        if char in "ES" and index > 0 and body[index - 1] in _DIGITS:
            raise DateError(
                "exponents and significant digits (level 2) in years are not supported", offset
            )
        if char in "T:":
            raise DateError("times are not supported; give the date alone", offset)
        if char == "x":
            raise DateError("unspecified digits are written with a capital X (201X)", offset)
        if char == "u":
            raise DateError("unspecified digits are written with X (201X), not u", offset)
        if char in "[]{}":
            raise DateError("sets of dates ([...], {...}) are not supported", offset)
        if char == "^":
            raise DateError("level 2 features ('^') are not supported", offset)
        if char in " \t":
            raise DateError("a date has no spaces in it", offset)
        raise DateError(f"unexpected character {_show(char)} in a date", offset)


def _parse(body: str, lead: int) -> EdtfDate:
    _check_characters(body, lead)
    slashes = [i for i, char in enumerate(body) if char == "/"]
    if not slashes:
        point = _parse_point(body, lead)
        return EdtfDate(body, point, point)
    if len(slashes) > 1:
        raise DateError("an interval has a single '/' between its two ends", lead + slashes[1])
    split = slashes[0]
    first, second = body[:split], body[split + 1 :]
    if first in ("", "..") and second in ("", ".."):
        raise DateError("an interval needs a date on at least one side of '/'", lead)
    start = None if first in ("", "..") else _parse_point(first, lead)
    end = None if second in ("", "..") else _parse_point(second, lead + split + 1)
    if start is not None and end is not None and end.latest < start.earliest:
        raise DateError(
            f"the interval ends ({end.display()}) before it starts ({start.display()})",
            lead + split + 1,
        )
    return EdtfDate(
        body,
        start,
        end,
        is_interval=True,
        open_start=first == "..",
        open_end=second == "..",
        unknown_start=first == "",
        unknown_end=second == "",
    )


def _parse_point(text: str, offset: int) -> DatePoint:
    """One date (no '/'); ``offset`` is where ``text`` starts in the original text."""
    core = text.rstrip(_QUALIFIERS)
    qualifiers = text[len(core) :]
    if "." in text:
        raise DateError(
            "'.' only appears as '..', an open end of an interval (2025-01-20/..)",
            offset + text.index("."),
        )
    if len(qualifiers) > 1:
        where = offset + len(core) + 1
        if set(qualifiers) == {"?", "~"}:
            raise DateError(f"write % for uncertain and approximate: {core}%", where)
        raise DateError("a date takes one qualifier: ?, ~ or %", where)
    for index, char in enumerate(core):
        if char in _QUALIFIERS:
            raise DateError(
                "qualifying part of a date (level 2) is not supported; "
                "put ?, ~ or % at the end of the whole date",
                offset + index,
            )
    if not core:
        raise DateError(f"expected a date before {qualifiers}", offset)
    if core.startswith("-") and core[1:2] in _DIGITS:
        raise DateError("negative years are not supported", offset)
    parts = core.split("-")
    starts = [offset]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    if len(parts) > 3:
        raise DateError("too many parts: a date is YYYY, YYYY-MM or YYYY-MM-DD", starts[3] - 1)
    year, unspecified_year_digits = _parse_year(parts[0], starts[0], more=len(parts) > 1)
    month: int | None = None
    season: int | None = None
    unspecified_month = False
    if len(parts) > 1:
        month, season = _parse_month(parts[1], starts[1], parts[0])
        unspecified_month = month is None and season is None
    day: int | None = None
    unspecified_day = False
    if len(parts) > 2:
        day = _parse_day(parts[2], starts[2], year, month, season, unspecified_month)
        unspecified_day = day is None
    return DatePoint(
        year=year,
        month=month,
        day=day,
        season=season,
        uncertain=qualifiers in ("?", "%"),
        approximate=qualifiers in ("~", "%"),
        unspecified_year_digits=unspecified_year_digits,
        unspecified_month=unspecified_month,
        unspecified_day=unspecified_day,
    )


def _parse_year(text: str, offset: int, *, more: bool) -> tuple[int, int]:
    """(first year, number of unspecified digits)."""
    if not text:
        raise DateError(f"expected a year, a date {_EXAMPLES}", offset)
    if len(text) != 4:
        if len(text) > 4 and set(text) <= _DIGITS:
            raise DateError("years have four digits; longer years are not supported", offset)
        raise DateError("a year has four digits (0001–9999)", offset)
    digits = text.rstrip("X")
    if "X" in digits:
        raise DateError(
            "unspecified digits (X) are supported only at the end of a year (201X, 20XX)",
            offset + digits.index("X"),
        )
    unspecified = len(text) - len(digits)
    if unspecified > 2:
        raise DateError(
            "a year with more than two unspecified digits (2XXX, XXXX) is not supported",
            offset + len(digits),
        )
    if unspecified and more:
        raise DateError(
            "a year with unspecified digits cannot have a month or day (level 2, not supported)",
            offset + 4,
        )
    year = int(digits) * 10**unspecified
    if year == 0:
        raise DateError("year 0000 is not supported; the earliest year is 0001", offset)
    return year, unspecified


def _parse_month(text: str, offset: int, year: str) -> tuple[int | None, int | None]:
    """(month, season); both None for an unspecified month (XX)."""
    if not text:
        raise DateError("expected a month (01–12) or season (21–24) after '-'", offset)
    if text == "XX":
        return None, None
    if "X" in text:
        raise DateError("a partly unspecified month is not supported; write XX", offset)
    if len(text) == 1:
        raise DateError(f"a month has two digits: {year}-0{text}", offset)
    if len(text) != 2:
        raise DateError("a month has two digits (01–12)", offset)
    value = int(text)
    if 1 <= value <= 12:
        return value, None
    if 21 <= value <= 24:
        return None, value
    if 25 <= value <= 41:
        raise DateError(
            f"season {value} (level 2) is not supported; seasons are 21–24 "
            "(spring, summer, autumn, winter)",
            offset,
        )
    raise DateError(f"there is no month {text}; months run 01–12 (21–24 are seasons)", offset)


def _parse_day(
    text: str,
    offset: int,
    year: int,
    month: int | None,
    season: int | None,
    unspecified_month: bool,
) -> int | None:
    """The day, or None for an unspecified day (XX)."""
    if season is not None:
        raise DateError("a season (21–24) has no day", offset - 1)
    if not text:
        raise DateError("expected a day (01–31) after '-'", offset)
    if text == "XX":
        return None
    if "X" in text:
        raise DateError("a partly unspecified day is not supported; write XX", offset)
    if len(text) == 1:
        raise DateError(f"a day has two digits: 0{text}", offset)
    if len(text) != 2:
        raise DateError("a day has two digits (01–31)", offset)
    if unspecified_month or month is None:
        raise DateError("a known day in an unknown month (2019-XX-05) is not supported", offset)
    value = int(text)
    if value == 0:
        raise DateError("there is no day 00; days start at 01", offset)
    length = _days_in_month(year, month)
    if value > length:
        raise DateError(f"{_MONTHS[month - 1]} {year} has {length} days", offset)
    return value


_MONTH_WORDS = {name.lower(): number for number, name in enumerate(_MONTHS, 1)} | {
    name[:3].lower(): number for number, name in enumerate(_MONTHS, 1)
}
_MONTH_WORDS["sept"] = 9
_MONTH_RE = "(" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"([0-9]{1,2})(?:st|nd|rd|th)?"
_GAP = r"[ \t]+"
_SUGGESTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"([0-9]{4})[-/. ]([0-9]{1,2})[-/. ]([0-9]{1,2})"), "ymd"),
    (re.compile(r"([0-9]{1,2})[-/. ]([0-9]{1,2})[-/. ]([0-9]{4})"), "dmy?"),
    (re.compile(r"([0-9]{4})[-. ]([0-9]{1,2})"), "ym"),
    (re.compile(r"([0-9]{1,2})[-/. ]([0-9]{4})"), "my"),
    (re.compile(_ORDINAL + _GAP + _MONTH_RE + r",?[ \t]+([0-9]{4})", re.I), "dMy"),
    (re.compile(_MONTH_RE + _GAP + _ORDINAL + r",?[ \t]+([0-9]{4})", re.I), "Mdy"),
    (re.compile(_MONTH_RE + r",?[ \t]+([0-9]{4})", re.I), "My"),
    (re.compile(r"(spring|summer|autumn|fall|winter)[ \t]+([0-9]{4})", re.I), "Sy"),
    (re.compile(r"([0-9]{3})0'?s", re.I), "decade"),
    (re.compile(r"(?:c|ca|circa)\.?[ \t]*([0-9]{4})", re.I), "circa"),
    (re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9:.+\-Z]*", re.I), "time"),
)
_SEASON_WORDS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _valid(candidate: str) -> bool:
    try:
        _parse(candidate, 0)
    except DateError:
        return False
    return True


def _iso(year: str, month: int, day: int | None = None) -> str:
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _suggest(body: str) -> tuple[str, int] | None:
    """Advice for text that is obviously a date in another form, with the EDTF to write.

    Returns the message and the offset in ``body`` it points at.
    """
    for pattern, form in _SUGGESTIONS:
        match = pattern.fullmatch(body)
        if match is None:
            continue
        groups = match.groups()
        candidates: list[str] = []
        if form == "ymd":
            candidates = [_iso(groups[0], int(groups[1]), int(groups[2]))]
        elif form == "dmy?":
            first, second = int(groups[0]), int(groups[1])
            candidates = [_iso(groups[2], second, first)]
            if first != second and first <= 12:
                candidates.append(_iso(groups[2], first, second))
        elif form == "ym":
            candidates = [_iso(groups[0], int(groups[1]))]
        elif form == "my":
            candidates = [_iso(groups[1], int(groups[0]))]
        elif form == "dMy":
            candidates = [_iso(groups[2], _MONTH_WORDS[groups[1].lower()], int(groups[0]))]
        elif form == "Mdy":
            candidates = [_iso(groups[2], _MONTH_WORDS[groups[0].lower()], int(groups[1]))]
        elif form == "My":
            candidates = [_iso(groups[1], _MONTH_WORDS[groups[0].lower()])]
        elif form == "Sy":
            candidates = [f"{groups[1]}-{_SEASON_WORDS[groups[0].lower()]}"]
        elif form == "decade":
            candidates = [f"{groups[0]}X"]
        elif form == "circa":
            candidates = [f"{groups[0]}~"]
        elif form == "time":
            if _valid(groups[0]):
                message = f"times are not supported; give the date alone: {groups[0]}"
                return message, len(groups[0])
            return None
        valid = [candidate for candidate in candidates if _valid(candidate)]
        if len(valid) == 1:
            return f"write dates in EDTF (ISO 8601) form: {valid[0]}", 0
        if len(valid) > 1:
            return f"write dates in EDTF (ISO 8601) form: {' or '.join(valid)}?", 0
        return None
    dashed = re.fullmatch(r"([^ \t]+)[ \t]*[–—][ \t]*([^ \t]+)", body)
    if dashed and _valid(f"{dashed[1]}/{dashed[2]}"):
        return f"an interval is written with '/': {dashed[1]}/{dashed[2]}", len(dashed[1])
    space = re.search(r"[ \t]", body)
    spaceless = re.sub(r"[ \t]+", "", body)
    if space and _valid(spaceless):
        return f"a date has no spaces in it: {spaceless}", space.start()
    return None

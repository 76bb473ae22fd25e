"""Problems found in briefings: errors and warnings, each with a position.

The loader collects these records; the command line, the reader's error view and JSON output
are three renderings of the same list.
"""

from __future__ import annotations

import enum

from fto_tui.record import Record
from fto_tui.visible import visible, visible_in_json


def json_text(document: object) -> str:
    """``document`` as indented JSON whose text cannot act on a terminal: control and
    bidirectional characters are written as ``\\uXXXX`` escapes (still the same JSON)."""
    import json  # only the command line's JSON output needs it

    # json escapes C0 controls itself; line breaks between its lines are kept.
    return visible_in_json(json.dumps(document, indent=2, ensure_ascii=False))


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Category(enum.Enum):
    """Where a problem was found: in one file by itself, in a reference between files, in
    merging several files' definitions of one entity, or in the settings file."""

    FILE = "file"
    REFERENCE = "reference"
    MERGE = "merge"
    SETTINGS = "settings"


class Position(Record, frozen=True):
    """A place in a file. ``line`` and ``column`` count from 1, in characters."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class Problem(Record, frozen=True):
    """One error or warning, where it is, and what might fix it.

    ``code`` names the kind of problem (see the error catalogue in the format guide); tools
    may rely on it, while ``message`` is for people.
    """

    position: Position
    severity: Severity
    code: str
    message: str
    hint: str | None = None
    category: Category = Category.FILE

    @property
    def path(self) -> str:
        return self.position.path

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def column(self) -> int:
        return self.position.column

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """The ``path:line:col: severity: message`` form that quickfix lists read, on one line,
        with any control or bidirectional character written as a visible ``\\uXXXX`` code."""
        text = f"{self.position}: {self.severity.value}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return visible(text)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.position.path,
            "line": self.position.line,
            "column": self.position.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
            "category": self.category.value,
        }

    def strict(self) -> Problem:
        """This problem as an error (``--strict`` turns warnings into errors)."""
        if self.severity is Severity.ERROR:
            return self
        return Problem(
            self.position, Severity.ERROR, self.code, self.message, self.hint, self.category
        )

    def in_category(self, category: Category) -> Problem:
        """This problem filed under ``category``."""
        if self.category is category:
            return self
        return Problem(self.position, self.severity, self.code, self.message, self.hint, category)


def error(
    position: Position,
    code: str,
    message: str,
    hint: str | None = None,
    category: Category = Category.FILE,
) -> Problem:
    return Problem(position, Severity.ERROR, code, message, hint, category)


def warning(
    position: Position,
    code: str,
    message: str,
    hint: str | None = None,
    category: Category = Category.FILE,
) -> Problem:
    return Problem(position, Severity.WARNING, code, message, hint, category)

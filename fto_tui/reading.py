"""Reading a briefing file safely: regular files only, a size cap, strict UTF-8, no controls.

The result is a :class:`SourceText`: the decoded text plus a table of line starts that turns a
character offset into a line and column. Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only, so
positions agree with what editors show (YAML's own notion also counts U+2028 and U+0085).
"""

from __future__ import annotations

import bisect
import errno
import os
import re
import stat
from dataclasses import dataclass, field

from fto_tui.problems import Position, Problem, error

#: Refuse files larger than this. Real briefings reach tens of megabytes; this sits well above.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024

_CHUNK = 1 << 20

#: Characters YAML forbids in a stream, plus C1 controls and U+0085, which have no place in a
#: briefing. Tab, line feed and carriage return are allowed.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


@dataclass(slots=True)
class SourceText:
    """A decoded file and the means to turn character offsets into positions."""

    path: str
    text: str
    _line_starts: list[int] | None = field(default=None, repr=False)

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(self.text))]
        return self._line_starts

    def position(self, offset: int) -> Position:
        """The 1-based line and column of the character at ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        starts = self._starts()
        line = bisect.bisect_right(starts, offset) - 1
        return Position(self.path, line + 1, offset - starts[line] + 1)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        starts = self._starts()
        if not 1 <= line <= len(starts):
            return ""
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def describe_char(char: str) -> str:
    names = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x85": "NEL", "\t": "TAB"}
    code = f"U+{ord(char):04X}"
    return f"{code} ({names[char]})" if char in names else code


def _open_error(path: str, exc: OSError) -> Problem:
    where = Position(path, 1, 1)
    reason = {
        errno.ENOENT: "no such file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "too many levels of symbolic links",
        errno.EISDIR: "is a directory",
        errno.ENOTDIR: "a part of the path is not a directory",
    }.get(exc.errno or 0, exc.strerror or str(exc))
    code = "missing-file" if exc.errno == errno.ENOENT else "unreadable"
    return error(where, code, f"cannot read file: {reason}")


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | Problem:
    """The file's bytes, or a problem. Never blocks on a FIFO and never reads without end."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return _open_error(path, exc)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return error(Position(path), "not-a-file", "cannot read file: it is a directory")
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
            return error(
                Position(path), "not-a-file", f"cannot read file: it is {kind}, not a regular file"
            )
        if info.st_size > max_bytes:
            return _too_big(path, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, _CHUNK)
            except BlockingIOError:  # pragma: no cover - regular files do not block
                continue
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                return _too_big(path, max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        return _open_error(path, exc)
    finally:
        os.close(fd)


def _too_big(path: str, max_bytes: int) -> Problem:
    return error(
        Position(path),
        "file-too-large",
        f"file is larger than the limit of {_size(max_bytes)}",
        "split it into several briefings; a directory loads them together",
    )


def _size(count: int) -> str:
    """``256 MiB``, ``64 KiB``, ``1000 bytes``: whole units only, so the limit reads exactly."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= scale and count % scale == 0:
            return f"{count // scale} {unit}"
    return f"{count:,} bytes"


def decode(path: str, data: bytes) -> SourceText | Problem:
    """Strict UTF-8 (a leading BOM is dropped); positions for anything that is not."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return error(
                Position(path),
                "encoding",
                f"file is {name} text; briefings must be UTF-8",
                "save the file as UTF-8",
            )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Everything before the bad byte is valid UTF-8: count lines in it as everywhere else.
        before = data[: exc.start].decode("utf-8")
        bad = data[exc.start : exc.start + 1].hex().upper()
        return error(
            SourceText(path, before).position(len(before)),
            "encoding",
            f"file is not valid UTF-8 (byte 0x{bad})",
            "save the file as UTF-8",
        )
    source = SourceText(path, text)
    match = _FORBIDDEN.search(text)
    if match is not None:
        return error(
            source.position(match.start()),
            "control-character",
            f"control character {describe_char(match.group())} is not allowed in a briefing",
            "remove it: briefing text has no use for control characters",
        )
    return source


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText | Problem:
    data = read_bytes(path, max_bytes)
    if isinstance(data, Problem):
        return data
    return decode(path, data)

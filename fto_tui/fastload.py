"""A fast path for large, clean briefings.

libyaml builds a Python node, with two position marks, for every value in a file, and that is
most of what loading a large briefing costs. Valid files are the common case, so for them a
faster parser reads the file: rapidyaml (C++) parses it and writes it out as JSON, msgspec turns
the JSON into plain Python values, and a strict check walks those values against the declared
format (:mod:`fto_tui.schema`). Positions are read back from rapidyaml's tree, which points
into the file's bytes, only where the model keeps them: each entity's and nested record's
origin. Where each reference is written is not recorded: only a broken reference needs it, and
then :func:`fto_tui.loader.assemble` reads the file again by the precise path.

The fast path either builds exactly what the precise path (:mod:`fto_tui.yamltree` and
:class:`fto_tui.validate.Validator`) would build for a file with no problems at all, or it
declines and the precise path runs. It declines at the first sign of anything the precise path
would report or that the two parsers might read differently: YAML syntax it does not expect
(tabs, lone carriage returns, anchors, aliases, tags, reserved indicators, several documents,
explicit keys, very deep nesting, a byte order mark), syntax the two parsers were found to read
differently (escaped line breaks, the ``\\L`` and ``\\P`` escapes, nodes led by ``]``, ``}``
or a nameless anchor, text after a block scalar's indicator, keys too long for libyaml),
numbers or nulls whose
written form JSON would change, empty values, unknown keys, duplicate keys, wrong types, bad
ids, dates, choices or addresses, control or bidirectional characters, and items that cite no
source. Every problem is therefore always reported by the precise path, with its position.
``tests/test_fastload.py`` checks the two paths against each other.

rapidyaml reports a syntax error by printing to the C library's standard error before raising;
the fast path points that stream at the null device while it parses (Python's own
``sys.stderr``, which Textual draws on, is a different stream and is left alone). Where that
cannot be arranged (a C library other than glibc), or the parser is missing, the precise path
is used for everything.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

from fto_tui.dates import DateError, EdtfDate
from fto_tui.problems import Position
from fto_tui.reading import SourceText
from fto_tui.references import References, kinds_mask
from fto_tui.schema import (
    BRIEFING,
    FILE,
    SECTIONS,
    SLUG,
    Choice,
    Date,
    Either,
    FieldType,
    Identifiers,
    ListOf,
    Record,
    Ref,
    Slug,
    Text,
    Url,
)
from fto_tui.validate import (
    _BUILDERS,
    _WEB_URL,
    FileContent,
    Validator,
    _cites,
    uncited_parts,
)

#: Files smaller than this take the precise path: it is quick enough for them, and the
#: reader's start-up does not pay for importing the faster parser.
MIN_BYTES = 256 * 1024

# Text the fast path leaves to the precise path: tabs; line breaks other than LF and CRLF
# (positions are counted in line feeds here); a byte order mark; merge keys.
_DECLINE_CHARS = ("\t", "\ufeff", "\x85", "\u2028", "\u2029", "<<")
_DECLINE_LINE_STARTS = ("---", "...", "%")
# Where a token starts (after a line start, a space or a flow indicator): a tag, a reserved
# indicator, a directive sign or an explicit key; an anchor or alias; a ':' not followed by a
# space; a closing bracket or brace followed by more text. libyaml refuses some of these where
# rapidyaml reads text, so none is left to chance.
_AT_TOKEN_START = r"(?<![^\n \[{,].)"  # placed after the character it qualifies
_TOKEN_SYNTAX = tuple(
    (char, re.compile(re.escape(char) + _AT_TOKEN_START + after))
    for chars, after in (
        ("!@`%?", ""),
        ("&*", r"[^\s\[\]{},]"),
        (":", r"\S"),
        ("]}", r"[^\s,\]}]"),
    )
    for char in chars
)
# Where rapidyaml and libyaml were found to disagree (an adversarial probe): an escaped line
# break in a double-quoted scalar (read differently, and a quoted key so continued is refused
# by libyaml); the \\L and \\P escapes (when they make a string grow, rapidyaml unescapes it
# twice); a node led by ']', '}' or an anchor or alias sign with no name; text after a block
# scalar's indicator. A false alarm (prose that looks like one) only means declining.
_ESCAPES = re.compile(r"\\(?:\r?\n|[LP])")
_AFTER_BLOCK_INDICATOR = re.compile(r"[-+0-9]* +[^\s#]")
_ENDS_ANCHOR = frozenset(" \t\r\n[]{},")
#: libyaml refuses a simple key whose ':' is further than this from the key's start.
_SIMPLE_KEY_LIMIT = 1024
# A line indented (or opened with "- ") this far nests deeper than any briefing; rapidyaml's
# writer crashes on block nesting some thousands of levels deep.
_DEEP_BLOCK = re.compile(r"\n[ -]{60}")
# In the JSON text: control characters (other than tab, line feed and carriage return),
# escaped or raw, and bidirectional controls. A false alarm only means declining.
_DECLINE_JSON = re.compile(
    rb"\\u00(?:0[0-8bcefBCEF]|1[0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|\\[bf]"
    rb"|\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


class _Decline(Exception):
    """The precise path must decide about this file."""


class _Float(str):
    """A number JSON would rewrite (``.5`` becomes ``0.5``): the file is declined."""


class _Engine:
    """rapidyaml and msgspec, with the means to read positions from rapidyaml's tree."""

    def __init__(self) -> None:
        import ctypes
        import platform

        if platform.libc_ver()[0] != "glibc":
            # Elsewhere the C library's 'stderr' may be a constant, or named differently.
            raise OSError("the fast path needs the GNU C library")
        import msgspec
        import ryml  # type: ignore[import-untyped]
        from ryml import _ryml

        self.ryml = ryml
        self.t = _ryml
        self.none: int = ryml.NONE
        self.decoder = msgspec.json.Decoder(float_hook=_Float)
        libc = ctypes.CDLL(None)
        self._stderr = ctypes.c_void_p.in_dll(libc, "stderr")
        fopen = libc.fopen
        fopen.restype = ctypes.c_void_p
        fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self._null = fopen(os.devnull.encode(), b"w")
        if not self._null:
            raise OSError("cannot open the null device")
        self._lock = threading.Lock()

        class Buffer(ctypes.Structure):
            _fields_ = [
                ("buf", ctypes.c_void_p),
                ("obj", ctypes.py_object),
                ("len", ctypes.c_ssize_t),
                ("itemsize", ctypes.c_ssize_t),
                ("readonly", ctypes.c_int),
                ("ndim", ctypes.c_int),
                ("format", ctypes.c_char_p),
                ("shape", ctypes.c_void_p),
                ("strides", ctypes.c_void_p),
                ("suboffsets", ctypes.c_void_p),
                ("internal", ctypes.c_void_p),
            ]

        get = ctypes.pythonapi.PyObject_GetBuffer
        get.argtypes = [ctypes.py_object, ctypes.POINTER(Buffer), ctypes.c_int]
        release = ctypes.pythonapi.PyBuffer_Release
        release.argtypes = [ctypes.POINTER(Buffer)]
        self._get, self._release, self._Buffer = get, release, Buffer
        self._byref = ctypes.byref

    def address(self) -> Callable[[Any], int]:
        """A function giving the address of a buffer's first byte (one per thread)."""
        view = self._Buffer()
        ref = self._byref(view)
        get, release = self._get, self._release

        def address(buffer: Any) -> int:
            get(buffer, ref, 0)
            value: int = view.buf or 0
            release(ref)
            return value

        return address

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """The C library's standard error goes to the null device meanwhile."""
        with self._lock:
            saved = self._stderr.value
            self._stderr.value = self._null
            try:
                yield
            finally:
                self._stderr.value = saved


_engine: _Engine | bool | None = False
_engine_lock = threading.Lock()


def _get_engine() -> _Engine | None:
    global _engine
    with _engine_lock:
        if _engine is False:
            try:
                _engine = _Engine()
            except Exception:  # missing library, or a C library without a 'stderr' symbol
                _engine = None
        assert _engine is not True
        return _engine


def available() -> bool:
    """Whether the fast path can run here."""
    return _get_engine() is not None


def content(source: SourceText, data: bytes) -> FileContent | None:
    """What ``source`` defines, when it is a clean briefing the fast path can read; ``None``
    when the precise path must decide (problems, unusual syntax, or no fast parser here).

    ``data`` is the file's bytes (UTF-8, as ``source.text`` was decoded from)."""
    text = source.text
    if data.startswith(b"\xef\xbb\xbf"):
        return None  # rapidyaml's offsets would count the byte order mark
    if any(c in text for c in _DECLINE_CHARS) or _special_syntax(text):
        return None
    if _ESCAPES.search(text) or _disagreeing_node(text) or _long_simple_key(text):
        return None
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return None  # a carriage return that does not end a line
    if _DEEP_BLOCK.search(text) or _DEEP_BLOCK.match("\n" + text[:60]):
        return None
    engine = _get_engine()
    if engine is None:
        return None
    try:
        return _FastRead(engine, source, data).run()
    except _Decline:
        return None
    except Exception:  # anything unforeseen: the precise path decides, and reports
        return None


def _special_syntax(text: str) -> bool:
    """Whether ``text`` may hold document markers, directives, anchors, aliases, tags,
    explicit keys or reserved indicators (or prose that merely looks as if it might: that only
    means declining)."""
    if text.startswith(_DECLINE_LINE_STARTS) or any(
        "\n" + start in text for start in _DECLINE_LINE_STARTS
    ):
        return True
    for char, pattern in _TOKEN_SYNTAX:  # one literal each: quick to search for
        if char in text:
            for found in pattern.finditer(text):
                if not _in_comment_line(text, found.start()):
                    return True
    return False


def _disagreeing_node(text: str) -> bool:
    """Whether a node may start with ']' or '}', with an anchor or alias sign and no name,
    or with a block scalar indicator followed by text (see ``_ESCAPES``). Each such character
    is found with ``str.find`` and only its neighbours are looked at: a large file is scanned
    at the speed of the C library."""
    for char in "]}&*|>":
        at = text.find(char)
        while at >= 0:
            before = at
            while before and text[before - 1] == " ":
                before -= 1
            previous = text[before - 1] if before else "\n"
            after_value = before < at and previous in ":-"
            if char in "]}":
                found = previous == "\n" or after_value
            elif char in "&*":
                found = (previous in "\n[{," or after_value) and (
                    at + 1 == len(text) or text[at + 1] in _ENDS_ANCHOR
                )
            else:
                found = after_value and _AFTER_BLOCK_INDICATOR.match(text, at + 1) is not None
            if found:
                return True
            at = text.find(char, at + 1)
    return False


def _long_simple_key(text: str) -> bool:
    """Whether a line may hold a key whose ':' is too far from its start for libyaml (which
    refuses it where rapidyaml reads it): any line longer than the limit whose first ': '
    (or final ':') comes after it."""
    start = 0
    limit = _SIMPLE_KEY_LIMIT
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > limit:
            line = text[start:stop]
            colon = line.find(": ")
            if colon < 0 and line.endswith(":"):
                colon = len(line) - 1
            if colon > limit - 8 or (colon < 0 and ":" in line):
                return True
        if end < 0:
            return False
        start = end + 1


def _in_comment_line(text: str, index: int) -> bool:
    """Whether ``index`` is on a line whose first character other than a space is '#': such a
    line is a comment, or the text of a quoted or block value; either way it holds no syntax."""
    start = text.rfind("\n", 0, index) + 1
    return text[start:index].lstrip(" ").startswith("#")


class _FastRead:
    def __init__(self, engine: _Engine, source: SourceText, data: bytes) -> None:
        self.e = engine
        self.source = source
        self.data = data
        self.dates: dict[str, EdtfDate] = {}
        self.ref_targets: list[str] = []
        self.ref_kinds: list[int] = []
        # Values counted in the JSON, to compare with the tree's nodes: JSON keeps one of two
        # equal keys, so a mapping with a duplicate key makes the count fall short.
        self.count = 1

    # -- parsing --------------------------------------------------------------------------

    def run(self) -> FileContent:
        e = self.e
        buffer = bytearray(self.data)
        t = e.t
        with e.quiet():  # rapidyaml prints its errors, and raises
            try:
                tree = e.ryml.parse_in_place(buffer)
                root = t.Tree_root_id(tree)
                if not t.Tree_is_map(tree, root):
                    raise _Decline
                # JSON straight into a buffer: usually about 1.2 times the YAML.
                out = bytearray(len(self.data) * 13 // 10 + 4096)
                failed, size = t.emit_json_to_substr(tree, root, out)
                if failed:
                    out = bytearray(size)
                    failed, size = t.emit_json_to_substr(tree, root, out)
            except Exception as exc:  # a syntax error, or nesting too deep to write out
                raise _Decline from exc
        if failed:
            raise _Decline
        raw = memoryview(out)[:size]
        if _DECLINE_JSON.search(raw):
            raise _Decline
        try:
            values = e.decoder.decode(raw)
        except Exception as exc:
            raise _Decline from exc
        self.tree = tree
        self.buffer = buffer  # the tree points into it: it must outlive the tree
        self.address = e.address()
        self.base = self.address(buffer)
        built = self._file(values, root)
        del self.tree
        return built

    # -- the tree: positions ----------------------------------------------------------------

    def _children(self, node: int) -> list[int]:
        t, tree, none = self.e.t, self.tree, self.e.none
        children = []
        child = t.Tree_first_child(tree, node)
        while child != none:
            children.append(child)
            child = t.Tree_next_sibling(tree, child)
        return children

    def _map_offset(self, node: int) -> int:
        """Where libyaml's mark for a mapping is: its first key, or the '{' of a flow one."""
        t, tree, data = self.e.t, self.tree, self.data
        first = t.Tree_first_child(tree, node)
        if first == self.e.none:
            raise _Decline
        offset = self.address(t.Tree_key(tree, first)) - self.base
        if not 0 <= offset < len(data):
            raise _Decline
        if data[offset - 1 : offset] in (b'"', b"'"):
            offset -= 1
        if t.Tree_is_flow(tree, node):
            before = offset - 1
            while before >= 0 and data[before] in b" \r\n":
                before -= 1
            if before < 0 or data[before] != 0x7B:  # "{"
                raise _Decline  # a comment between the brace and the key, say
            return before
        return offset

    def _positions(self, offsets: list[int]) -> dict[int, Position]:
        """Positions (line and column in characters, as libyaml counts) of byte offsets."""
        data, path = self.data, self.source.path
        found: dict[int, Position] = {}
        line, counted = 1, 0
        for offset in sorted(set(offsets)):
            line += data.count(b"\n", counted, offset)
            counted = offset
            start = data.rfind(b"\n", 0, offset) + 1
            segment = data[start:offset]
            column = len(segment) if segment.isascii() else len(segment.decode("utf-8"))
            found[offset] = Position(path, line, column + 1)
        return found

    # -- values ---------------------------------------------------------------------------

    def _text(self, value: Any, node: int = -1) -> str:
        if type(value) is str:
            text: str = value
            if text.endswith("\n"):
                # Only a literal or folded block keeps its final line break; the precise path
                # drops it there, and a quoted value would keep it.
                t, tree = self.e.t, self.tree
                if node < 0 or not (
                    t.Tree_is_val_literal(tree, node) or t.Tree_is_val_folded(tree, node)
                ):
                    raise _Decline
                text = text.rstrip("\n")
            if text.strip() == "":
                raise _Decline
            return text
        if type(value) is int and value != 0:  # JSON keeps an integer's digits as written
            return str(value)
        raise _Decline  # a number JSON rewrote, a null, a boolean, a list or a mapping

    def _check_text(self, value: Any, node: int, typ: Any) -> Any:
        if type(value) is str and value and not value.endswith("\n") and not value.isspace():
            return value
        return self._text(value, node)

    def _check_slug(self, value: Any, node: int, typ: Any) -> Any:
        if type(value) is not str:
            value = self._text(value)
        if not _SLUG_MATCH(value):
            raise _Decline
        return value

    def _check_date(self, value: Any, node: int, typ: Any) -> Any:
        known = self.dates.get(value) if type(value) is str else None
        if known is None:
            text = self._text(value)
            try:
                known = self.dates[value] = EdtfDate.parse(text)
            except DateError as exc:
                raise _Decline from exc
        return known

    def _check_url(self, value: Any, node: int, typ: Any) -> Any:
        text = self._text(value)
        if not _WEB_URL.match(text):
            raise _Decline
        return text

    def _check_choice(self, value: Any, node: int, typ: Any) -> Any:
        if value not in typ.values:  # a choice is a word: no number or blank can be one
            raise _Decline
        return value

    def _check_ref(self, value: Any, node: int, typ: Any) -> Any:
        if type(value) is not str:
            value = self._text(value)
        if not _SLUG_MATCH(value):
            raise _Decline
        self.ref_targets.append(value)
        self.ref_kinds.append(_mask(typ))
        return value

    def _check_list(self, value: Any, node: int, typ: Any) -> Any:
        if type(value) is not list:
            raise _Decline
        self.count += len(value)
        check = _CHECKS[type(typ.item)]
        if not _needs_node(typ.item):
            return tuple([check(self, item, -1, typ.item) for item in value])
        children = self._children(node)
        if len(children) != len(value):
            raise _Decline
        return tuple(
            [
                check(self, item, child, typ.item)
                for item, child in zip(value, children, strict=True)
            ]
        )

    def _check_either(self, value: Any, node: int, typ: Any) -> Any:
        if type(value) is dict:  # a citation: the model keeps no origin for it
            return self._record(value, -1, typ.record), -1
        return self._check_ref(value, node, typ.scalar)

    def _check_identifiers(self, value: Any, node: int, typ: Any) -> Any:
        if type(value) is not dict:
            raise _Decline
        self.count += len(value)
        found = []
        for scheme, text in value.items():
            if not _SLUG_MATCH(scheme):
                raise _Decline
            found.append((scheme, self._check_text(text, -1, typ)))
        return tuple(found)

    def _check_record(self, value: Any, node: int, typ: Any) -> Any:
        return self._record(value, node, typ), self._map_offset(node)

    def _record(self, value: Any, node: int, record: Record) -> dict[str, Any]:
        if type(value) is not dict:
            raise _Decline
        t, tree = self.e.t, self.tree
        self.count += len(value)
        steps, required = _plan(record)
        if not required <= value.keys():
            raise _Decline
        fields: dict[str, Any] = {}
        later: list[tuple[int, str, Any]] = []
        for name, item in value.items():
            step = steps.get(name)
            if step is None:
                raise _Decline  # an unknown key: the precise path warns
            check, typ, rank, _ = step
            if rank >= 0:
                later.append((rank, name, item))
            elif type(item) is str and item.endswith("\n") and node >= 0:
                fields[name] = check(self, item, t.Tree_find_child(tree, node, name.encode()), typ)
            else:
                fields[name] = check(self, item, -1, typ)
        if later:
            # Fields that hold references or records are read in the format's order, as the
            # precise path reads them, so that references are listed in the same order.
            if len(later) > 1:
                later.sort()
            none = self.e.none
            for _rank, name, item in later:
                check, typ, _, needs_node = steps[name]
                child = -1
                if needs_node:
                    child = t.Tree_find_child(tree, node, name.encode())
                    if child == none:
                        raise _Decline
                fields[name] = check(self, item, child, typ)
        if "source" in fields and "sources" in fields:
            raise _Decline
        if record.one_of and not any(name in fields for name in record.one_of):
            raise _Decline
        return fields

    # -- the file -------------------------------------------------------------------------

    def _file(self, values: dict[str, Any], root: int) -> FileContent:
        t, tree, none = self.e.t, self.tree, self.e.none
        if "briefing" not in values or any(FILE.get(name) is None for name in values):
            raise _Decline
        self.count += len(values)
        briefing_node = t.Tree_find_child(tree, root, b"briefing")
        if briefing_node == none:
            raise _Decline
        briefing = self._record(values["briefing"], briefing_node, BRIEFING)
        briefing_offset = self._map_offset(briefing_node)
        pending: list[tuple[str, Record, dict[str, Any], int]] = []
        for name, record in SECTIONS:
            if name not in values:
                continue
            items, node = values[name], t.Tree_find_child(tree, root, name.encode())
            if type(items) is not list or node == none:
                raise _Decline  # an empty section or a wrong type: the precise path decides
            children = self._children(node)
            if len(children) != len(items):
                raise _Decline
            self.count += len(items)
            for item, child in zip(items, children, strict=True):
                fields = self._record(item, child, record)
                pending.append((name, record, fields, self._map_offset(child)))
        if self.count != t.Tree_size(tree):
            raise _Decline  # a duplicate key somewhere

        positions = self._positions(
            [
                briefing_offset,
                *(entry[3] for entry in pending),
                *_nested_offsets(entry[2] for entry in pending),
            ]
        )
        shim = _Shim(positions)
        content = FileContent(None, [], [], [], [], [], References())
        content.info = _briefing_info(self.source.path, briefing, positions[briefing_offset])
        targets: dict[str, list[Any]] = {
            "sources": content.sources,
            "organisations": content.organisations,
            "speakers": content.speakers,
            "quotes": content.quotes,
            "events": content.events,
        }
        for name, record, fields, offset in pending:
            built = _BUILDERS[record.what](shim, fields, offset)  # type: ignore[arg-type]
            if not _cites(built) or uncited_parts(built):
                raise _Decline  # the precise path warns about an item that cites nothing
            targets[name].append(built)
        # Where each reference is written is left out: only a reference problem needs it,
        # and the loader then reads the file again by the precise path.
        content.references = References(tuple(self.ref_targets), tuple(self.ref_kinds))
        return content


_CHECKS: dict[type, Callable[[_FastRead, Any, int, Any], Any]] = {
    Record: _FastRead._check_record,
    ListOf: _FastRead._check_list,
    Either: _FastRead._check_either,
    Text: _FastRead._check_text,
    Slug: _FastRead._check_slug,
    Ref: _FastRead._check_ref,
    Date: _FastRead._check_date,
    Url: _FastRead._check_url,
    Choice: _FastRead._check_choice,
    Identifiers: _FastRead._check_identifiers,
}
_SLUG_MATCH = SLUG.fullmatch
_MASKS: dict[int, int] = {}


def _mask(typ: Ref) -> int:
    mask = _MASKS.get(id(typ))
    if mask is None:
        mask = _MASKS[id(typ)] = kinds_mask(typ.kinds)
    return mask


def _refers(typ: FieldType) -> bool:
    """Whether a value of ``typ`` can hold references."""
    if isinstance(typ, ListOf):
        return _refers(typ.item)
    return isinstance(typ, Ref | Either | Record)


def _needs_node(typ: FieldType) -> bool:
    """Whether checking a value of ``typ`` needs its node: records (designations, relations,
    roles) for their origins."""
    if isinstance(typ, ListOf):
        return _needs_node(typ.item)
    return isinstance(typ, Record)


_Step = tuple[Callable[..., Any], FieldType, int, bool]
_Plan = tuple[dict[str, _Step], frozenset[str]]
_PLANS: dict[int, _Plan] = {}


def _plan(record: Record) -> _Plan:
    """For each field of ``record``: its check, its type, its rank in the format's order when
    it can hold references (-1 otherwise), and whether its node is needed; and the names of the
    required fields."""
    plan = _PLANS.get(id(record))
    if plan is None:
        steps: dict[str, _Step] = {
            spec.name: (
                _CHECKS[type(spec.type)],
                spec.type,
                rank if _refers(spec.type) else -1,
                _needs_node(spec.type),
            )
            for rank, spec in enumerate(record.fields)
        }
        required = frozenset(spec.name for spec in record.fields if spec.required)
        plan = _PLANS[id(record)] = (steps, required)
    return plan


def _nested_offsets(records: Iterator[dict[str, Any]]) -> Iterator[int]:
    """The offsets of nested records (designations, relations, roles, revocations,
    amendments, variants), at any depth; checked records are ``(fields, offset)`` pairs."""
    stack = list(records)
    while stack:
        fields = stack.pop()
        for value in fields.values():
            if type(value) is not tuple:
                continue
            if len(value) == 2 and type(value[0]) is dict and type(value[1]) is int:
                value = (value,)  # a single record (a revocation)
            for item in value:
                if type(item) is tuple and len(item) == 2 and type(item[0]) is dict:
                    if item[1] >= 0:
                        yield item[1]
                    stack.append(item[0])


def _briefing_info(path: str, values: dict[str, Any], origin: Position) -> Any:
    from fto_tui.model import BriefingInfo

    return BriefingInfo(
        path=path,
        title=values["title"],
        as_of=values.get("as_of"),
        summary=values.get("summary"),
        authors=values.get("authors", ()),
        language=values.get("language"),
        origin=origin,
    )


class _Shim:
    """Stands in for a :class:`Validator` in the shared builders: origins are byte offsets
    here, turned into positions."""

    citations = Validator.citations

    def __init__(self, positions: dict[int, Position]) -> None:
        self._positions = positions

    def origin(self, offset: int) -> Position:
        return self._positions[offset]

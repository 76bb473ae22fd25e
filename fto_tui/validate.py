"""Walk a composed YAML tree against the declared format and build the model.

Every problem found goes into a list with its position; building carries on past problems so
that one run reports as much as it can (up to a cap). References between entities are only
collected here; :mod:`fto_tui.loader` resolves them once every file is read.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fto_tui.dates import DateError, EdtfDate
from fto_tui.model import (
    BriefingInfo,
    Citation,
    Designation,
    EntityKind,
    Event,
    Identifier,
    Organisation,
    Quote,
    Relation,
    Source,
    Speaker,
)
from fto_tui.problems import Position, Problem, error, warning
from fto_tui.reading import SourceText, describe_char
from fto_tui.references import (
    MAX_PROBLEMS,
    References,
    did_you_mean,
    kind_word,
    kinds_mask,
)
from fto_tui.schema import (
    BRIEFING,
    EVENT,
    FILE,
    QUOTE,
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
from fto_tui.yamltree import (
    MAP_TAG,
    MAX_DEPTH,
    SEQ_TAG,
    STR_TAG,
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    scalar_offset,
)

_ESCAPED_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_TAGS = {STR_TAG, SEQ_TAG, MAP_TAG}
_WEB_URL = re.compile(r"(?i)https?://\S")


class _TooMany(Exception):
    pass


class _Missing:
    pass


MISSING: Any = _Missing()


def slugify(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold())) or "x"


def id_suggestion(text: str) -> str:
    """An id to suggest for ``text``: accents dropped (``Cártel`` gives ``cartel``); for text
    in a script other than Latin, a description of what to write."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", plain.casefold())
    if any(c.isalpha() and not c.isascii() for c in plain) or not words:
        return "the name in Latin letters, like 'abu-muhammad-al-julani'"
    return "'" + "-".join(words) + "'"


def _short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


@dataclass(slots=True)
class FileContent:
    """What one file defines, as built by :class:`Validator`."""

    info: BriefingInfo | None
    sources: list[Source]
    organisations: list[Organisation]
    speakers: list[Speaker]
    quotes: list[Quote]
    events: list[Event]
    references: References
    failed_ids: list[str] = field(default_factory=list)
    """Ids of definitions that are invalid (references to them are not reported again)."""


class Validator:
    """Validates one file's tree and builds its entities."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self._ref_targets: list[str] = []
        self._ref_kinds: list[int] = []
        self._ref_lines: list[int] = []
        self._ref_columns: list[int] = []
        self._seen_collections: set[int] = set()
        # Escaped controls and bidi characters can only hide in quoted scalars; only look for
        # them when the file could contain one.
        self._check_chars = "\\" in source.text or _BIDI.search(source.text) is not None
        # libyaml counts lines and columns in characters, as editors do, except that it also
        # breaks lines at U+2028 and U+2029; only then are positions recomputed from offsets.
        self._marks_exact = "\u2028" not in source.text and "\u2029" not in source.text
        # At the very end of a file that lacks a final line break, libyaml's mark is on a line
        # after the last one; positions there are computed from the offset too.
        self._end = len(source.text)
        self._path = source.path
        self._dates: dict[str, EdtfDate] = {}

    # -- problems -------------------------------------------------------------------------

    def pos(self, node: Node) -> Position:
        """Where a node's text starts (inside the quotes of a quoted scalar)."""
        mark = node.start_mark
        shift = 1 if isinstance(node, ScalarNode) and node.style in ("'", '"') else 0
        if self._marks_exact and mark.index < self._end:
            return Position(self._path, mark.line + 1, mark.column + 1 + shift)
        return self.source.position(mark.index + shift)

    def _add(self, problem: Problem) -> None:
        self.problems.append(problem)
        if len(self.problems) >= MAX_PROBLEMS:
            self.problems.append(
                error(
                    problem.position,
                    "too-many-problems",
                    f"stopped after {MAX_PROBLEMS} problems in this file",
                )
            )
            raise _TooMany

    def err(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        self._add(error(self.pos(node), code, message, hint))

    def warn(self, node: Node, code: str, message: str, hint: str | None = None) -> None:
        self._add(warning(self.pos(node), code, message, hint))

    # -- the file -------------------------------------------------------------------------

    def run(self, root: Node) -> FileContent:
        content = FileContent(None, [], [], [], [], [], References())
        with contextlib.suppress(_TooMany):
            self._file(root, content)
        content.references = References(
            tuple(self._ref_targets),
            tuple(self._ref_kinds),
            tuple(self._ref_lines),
            tuple(self._ref_columns),
        )
        return content

    def _file(self, root: Node, content: FileContent) -> None:
        if not isinstance(root, MappingNode) or root.tag != MAP_TAG:
            self.err(
                root,
                "top-level",
                "the top level of a briefing must be a mapping",
                "start with 'briefing:' and a title, then sources, organisations, ...",
            )
            return
        entries = self._mapping_entries(root, FILE)
        # A briefing split across several files needs its header in one of them only.
        if "briefing" in entries:
            values = self._record(entries["briefing"][1], BRIEFING)
            if values is not None and "title" in values:
                content.info = BriefingInfo(
                    path=self.source.path,
                    title=values["title"],
                    as_of=values.get("as_of"),
                    summary=values.get("summary"),
                    authors=values.get("authors", ()),
                    language=values.get("language"),
                    origin=self.pos(entries["briefing"][1]),
                )
        targets: dict[str, list[Any]] = {
            "sources": content.sources,
            "organisations": content.organisations,
            "speakers": content.speakers,
            "quotes": content.quotes,
            "events": content.events,
        }
        for name, record in SECTIONS:
            if name not in entries:
                continue
            node = entries[name][1]
            if self._is_empty(node):
                continue
            if not self._collection(
                node,
                SEQ_TAG,
                functools.partial("'{}' must be a list of {}s".format, name, record.what),
            ):
                continue
            for item in node.value:
                values = self._record(item, record)
                built = None if values is None else _BUILDERS[record.what](self, values, item)
                if built is None:
                    content.failed_ids.extend(_written_id(item))
                    continue
                targets[name].append(built)
                if not _cites(built):
                    self.warn(
                        item,
                        "no-source",
                        f"{record.what} '{built.id}' cites no source",
                        "add 'source: <source id>' so readers can check the claim",
                    )
                for what, part in uncited_parts(built):
                    self._add(
                        warning(
                            part.origin,
                            "no-source",
                            f"{what} of '{built.id}' cites no source",
                            "add 'source: <source id>' so readers can check the claim",
                        )
                    )

    # -- structure ------------------------------------------------------------------------

    def _is_empty(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.value == "" and node.style is None

    def _collection(self, node: Node, tag: str, message: Callable[[], str]) -> bool:
        """Whether ``node`` is a mapping (``MAP_TAG``) or list (``SEQ_TAG``) walked once only."""
        expected = MappingNode if tag == MAP_TAG else SequenceNode
        if node.tag not in _TAGS:
            self._bad_tag(node)
            return False
        if node.tag != tag or not isinstance(node, expected):
            self.err(node, "wrong-type", f"{message()}; found {_describe(node)}")
            return False
        if id(node) in self._seen_collections:  # only an alias can revisit a node
            self.err(node, "alias", "aliases are not allowed in briefings")
            return False
        self._seen_collections.add(id(node))
        return True

    def _bad_tag(self, node: Node) -> None:
        tag = node.tag
        shown = (
            "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag
        )
        self.err(
            node,
            "tag",
            f"explicit YAML tags ({shown}) are not allowed in briefings",
            "remove the tag; the format decides each value's type",
        )

    def _mapping_entries(self, node: MappingNode, record: Record) -> dict[str, tuple[Node, Node]]:
        entries: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != STR_TAG:
                if key.tag not in _TAGS:
                    self._bad_tag(key)
                else:
                    self.err(key, "wrong-type", f"keys must be plain text; found {_describe(key)}")
                continue
            name = key.value
            if self._check_chars and (bad := _ESCAPED_CONTROL.search(name)) is not None:
                # A key is never shown as it is: it would reach the terminal in a message.
                self.err(
                    key,
                    "control-character",
                    f"control character {describe_char(bad.group())} in a key",
                    "remove it: briefing text has no use for control characters",
                )
                continue
            if name in entries:
                first = self.pos(entries[name][0])
                self.err(
                    key,
                    "duplicate-key",
                    f"duplicate key '{name}' in this {record.what}",
                    f"first given at line {first.line}, column {first.column}",
                )
                continue
            entries[name] = (key, value)
            if record.get(name) is None:
                if name == "<<":
                    self.err(key, "merge-key", "merge keys (<<) are not allowed in briefings")
                    continue
                owners = _OWNERS.get(name, ())
                elsewhere = (
                    f"'{name}' belongs to {' and '.join(f'{w}s' for w in owners)}, "
                    f"not to {record.what}s"
                    if owners and record.what not in owners
                    else None
                )
                self.warn(
                    key,
                    "unknown-key",
                    f"unknown key '{name}' in {_article(record.what)} {record.what}",
                    elsewhere
                    or did_you_mean(name, record.names)
                    or "known keys: " + ", ".join(record.names),
                )
                self._check_unread(value)
        return entries

    def _check_unread(self, node: Node) -> None:
        """Look inside a value the format does not read (under an unknown key): it may still
        carry no explicit tag and nest no deeper than ``MAX_DEPTH`` levels (counted from the
        file's top level, which is at least one level above ``node``)."""
        stack: list[tuple[Node, int]] = [(node, 2)]
        while stack:
            current, depth = stack.pop()
            if current.tag not in _TAGS:
                self._bad_tag(current)
                return
            if isinstance(current, ScalarNode):
                continue
            if depth > MAX_DEPTH:
                self.err(current, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
                return
            if isinstance(current, MappingNode):
                children = [child for pair in current.value for child in pair]
            else:
                children = list(current.value)
            stack.extend((child, depth + 1) for child in reversed(children))

    def _record(self, node: Node, record: Record) -> dict[str, Any] | None:
        if not self._collection(
            node, MAP_TAG, lambda: f"{_article(record.what)} {record.what} must be a mapping"
        ):
            return None
        assert isinstance(node, MappingNode)
        entries = self._mapping_entries(node, record)
        values: dict[str, Any] = {}
        complete = True
        for spec in record.fields:
            entry = entries.get(spec.name)
            if entry is None or self._is_empty(entry[1]):
                if spec.required:
                    complete = False
                    if entry is None:
                        self.err(
                            node,
                            "missing-field",
                            f"{record.what} is missing required field '{spec.name}'",
                        )
                    else:
                        self.err(entry[1], "missing-field", f"'{spec.name}' needs a value")
                continue
            value = self._value(entry[1], spec.type, spec.name)
            if value is MISSING:
                if spec.required:
                    complete = False
                continue
            values[spec.name] = value
        if record.one_of and not any(name in values for name in record.one_of):
            if not any(name in entries for name in record.one_of):
                complete = False
                names = " or ".join(f"'{name}'" for name in record.one_of)
                self.err(node, "missing-field", f"{record.what} needs {names}")
            else:
                complete = False  # given but not valid: already reported
        if "source" in entries and "sources" in entries:
            self.err(
                entries["sources"][0],
                "wrong-type",
                "give either 'source' or 'sources', not both",
                "put every source in the 'sources' list",
            )
        return values if complete else None

    # -- values ---------------------------------------------------------------------------

    def _value(self, node: Node, typ: FieldType, name: str) -> Any:
        return _CHECKS[type(typ)](self, node, typ, name)

    def _check_record(self, node: Node, typ: Any, name: str) -> Any:
        values = self._record(node, typ)
        return MISSING if values is None else (values, node)

    def _check_list(self, node: Node, typ: Any, name: str) -> Any:
        if not self._collection(node, SEQ_TAG, lambda: f"'{name}' must be {_type_words(typ)}"):
            return MISSING
        check = _CHECKS[type(typ.item)]
        items = []
        for item in node.value:
            value = check(self, item, typ.item, name)
            if value is not MISSING:
                items.append(value)
        return tuple(items)

    def _check_either(self, node: Node, typ: Any, name: str) -> Any:
        if isinstance(node, MappingNode):
            return self._check_record(node, typ.record, name)
        return self._check_ref(node, typ.scalar, name)

    def _check_identifiers(self, node: Node, typ: Any, name: str) -> Any:
        if not self._collection(
            node, MAP_TAG, lambda: f"'{name}' must be a mapping of schemes to identifiers"
        ):
            return MISSING
        assert isinstance(node, MappingNode)
        found: dict[str, str] = {}
        for key, value in node.value:
            scheme = self._scalar(key, name, Slug())
            if scheme is None:
                continue
            if not SLUG.fullmatch(scheme):
                self.err(
                    key,
                    "bad-id",
                    f"'{scheme}' is not a valid identifier scheme",
                    f"schemes are lower-case words joined by hyphens, like '{slugify(scheme)}'",
                )
                continue
            if scheme in found:
                self.err(key, "duplicate-key", f"duplicate key '{scheme}' in these identifiers")
                continue
            text = self._scalar(value, f"{name}: {scheme}", Text())
            if text is not None:
                found[scheme] = text
        return tuple(found.items())

    def _check_text(self, node: Node, typ: Any, name: str) -> Any:
        text = self._scalar(node, name, typ)
        return MISSING if text is None else text

    def _check_slug(self, node: Node, typ: Any, name: str) -> Any:
        text = self._scalar(node, name, typ)
        if text is None:
            return MISSING
        return self._slug(node, text)

    def _check_ref(self, node: Node, typ: Any, name: str) -> Any:
        text = self._scalar(node, name, typ)
        if text is None:
            return MISSING
        slug = self._slug(node, text, kinds=typ.kinds)
        if slug is not MISSING:
            position = self.pos(node)
            self._ref_targets.append(slug)
            self._ref_kinds.append(kinds_mask(typ.kinds))
            self._ref_lines.append(position.line)
            self._ref_columns.append(position.column)
        return slug

    def _check_date(self, node: Node, typ: Any, name: str) -> Any:
        text = self._scalar(node, name, typ)
        if text is None:
            return MISSING
        known = self._dates.get(text)
        if known is not None:
            return known
        try:
            date = self._dates[text] = EdtfDate.parse(text)
            return date
        except DateError as exc:
            assert isinstance(node, ScalarNode)
            self._add(
                error(
                    self.source.position(scalar_offset(node) + max(0, exc.offset)),
                    "bad-date",
                    f"'{text}' is not a valid date: {exc.message}",
                )
            )
            return MISSING

    def _check_url(self, node: Node, typ: Any, name: str) -> Any:
        text = self._scalar(node, name, typ)
        if text is None:
            return MISSING
        if not _WEB_URL.match(text):
            self.warn(
                node,
                "url-scheme",
                f"URL '{text}' is not an http or https address; it will not be shown as a link",
            )
        return text

    def _check_choice(self, node: Node, typ: Any, name: str) -> Any:
        text = self._scalar(node, name, typ)
        if text is None:
            return MISSING
        if text not in typ.values:
            self.err(
                node,
                "unknown-value",
                f"unknown {typ.what} '{text}'",
                did_you_mean(text, typ.values) or "one of: " + ", ".join(typ.values),
            )
            return MISSING
        return text

    def _scalar(self, node: Node, name: str, typ: FieldType) -> str | None:
        if node.tag != STR_TAG:
            if node.tag not in _TAGS:
                self._bad_tag(node)
            else:
                what = _type_words(typ)
                self.err(node, "wrong-type", f"'{name}' must be {what}; found {_describe(node)}")
            return None
        assert isinstance(node, ScalarNode)
        text: str = node.value
        if node.style in ("|", ">"):
            text = text.rstrip("\n")
        if self._check_chars:
            bad = _ESCAPED_CONTROL.search(text)
            if bad is not None:
                self.err(
                    node,
                    "control-character",
                    f"control character {describe_char(bad.group())} in '{name}'",
                    "remove it: briefing text has no use for control characters",
                )
                return None
            bidi = _BIDI.search(text)
            if bidi is not None:
                self.warn(
                    node,
                    "bidi-control",
                    f"bidirectional control {describe_char(bidi.group())} in '{name}'"
                    " can make text display in a misleading order",
                )
        if text.strip() == "":
            self.err(node, "missing-field", f"'{name}' needs a value")
            return None
        return text

    def _slug(self, node: Node, text: str, kinds: tuple[EntityKind, ...] = ()) -> Any:
        if SLUG.fullmatch(text):
            return text
        what = f"{kind_word(kinds)} id" if kinds else "id"
        self.err(
            node,
            "bad-id",
            f"'{text}' is not a valid {what}",
            f"ids are lower-case words joined by hyphens, like {id_suggestion(text)}",
        )
        return MISSING

    # -- building -------------------------------------------------------------------------

    def citations(self, values: dict[str, Any]) -> tuple[Citation, ...]:
        found: list[Citation] = []
        if "source" in values:
            found.append(Citation(values["source"]))
        for item in values.get("sources", ()):
            if isinstance(item, str):
                found.append(Citation(item))
            else:
                fields, _node = item
                found.append(Citation(fields["source"], fields.get("locator")))
        return tuple(found)

    def origin(self, node: Node) -> Position:
        """Where an entity's mapping starts (its origin in the model)."""
        return self.pos(node)


def _written_id(item: Node) -> list[str]:
    """The id an invalid definition gives, if it gives one as plain text."""
    if isinstance(item, MappingNode):
        for key, value in item.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return [value.value.strip()] if value.value.strip() else []
    return []


def _cites(entity: Any) -> bool:
    return isinstance(entity, Source) or bool(entity.citations)


def uncited_parts(entity: Any) -> list[tuple[str, Designation | Relation]]:
    """The designations and relations of an entity that cite no source, with their words."""
    found: list[tuple[str, Designation | Relation]] = []
    if isinstance(entity, Organisation | Speaker):
        for designation in entity.designations:
            if not designation.citations:
                found.append((f"designation '{designation.programme}'", designation))
    if isinstance(entity, Organisation):
        for relation in entity.relations:
            if not relation.citations:
                found.append((f"relation '{relation.type} {relation.organisation}'", relation))
    return found


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, ScalarNode):
        return f"the text '{node.value}'" if len(node.value) <= 40 else "text"
    return "a list"


def _type_words(typ: FieldType) -> str:
    if isinstance(typ, Text):
        return "text"
    if isinstance(typ, Slug):
        return "an id"
    if isinstance(typ, Ref):
        return f"{kind_word(typ.kinds)} ids"
    if isinstance(typ, Date):
        return "a date"
    if isinstance(typ, Url):
        return "a URL"
    if isinstance(typ, Choice):
        return f"one of: {', '.join(typ.values)}"
    if isinstance(typ, ListOf):
        return f"a list of {_type_words(typ.item)}"
    if isinstance(typ, Either):
        return "source ids or citations"
    if isinstance(typ, Identifiers):
        return "a mapping of schemes to identifiers"
    return f"{typ.what} mappings"


def _quote_id(values: dict[str, Any]) -> str:
    speaker: str | None = values.get("speaker")
    who = speaker or values["attribution"]
    return f"{speaker or 'unnamed'}-{_short_hash(who, values['text'])}"


def _event_id(values: dict[str, Any]) -> str:
    date: EdtfDate = values["date"]
    title: str = values["title"]
    return (
        f"{slugify(date.text)}-{slugify(title)[:40].strip('-')}-{_short_hash(date.text, title)[:6]}"
    )


#: Ids derived from content, for the kinds whose id may be left out.
_DERIVED_IDS: dict[str, Callable[[dict[str, Any]], str]] = {
    QUOTE.what: _quote_id,
    EVENT.what: _event_id,
}

_Convert = Callable[[Any, Any], Any]


def _identity(v: Any, value: Any) -> Any:
    return value


def _converter(typ: FieldType) -> _Convert:
    """How a checked value of ``typ`` becomes the model's value."""
    if isinstance(typ, Record):
        return lambda v, value: build(v, typ, value[0], value[1])
    if isinstance(typ, ListOf) and isinstance(typ.item, Record):
        item = typ.item
        return lambda v, values: tuple([build(v, item, fields, at) for fields, at in values])
    if isinstance(typ, Choice) and typ.enum is not None:
        enum = typ.enum
        return lambda v, value: enum(value)
    if isinstance(typ, Identifiers):
        return lambda v, value: tuple(Identifier(scheme, text) for scheme, text in value)
    return _identity


_Plan = tuple[dict[str, _Convert | None], bool, Callable[[dict[str, Any]], str] | None, Any]
_PLANS: dict[int, _Plan] = {}


def _plan(record: Record) -> _Plan:
    """Each field's converter (None for the citation fields), whether the record cites, how
    its id is derived when absent, and its model."""
    plan = _PLANS.get(id(record))
    if plan is None:
        steps: dict[str, _Convert | None] = {}
        for spec in record.fields:
            steps[spec.name] = None if spec.name in ("source", "sources") else _converter(spec.type)
        derive = _DERIVED_IDS.get(record.what)
        plan = _PLANS[id(record)] = (steps, "source" in steps, derive, record.model)
    return plan


def build(v: Any, record: Record, values: dict[str, Any], node: Any) -> Any:
    """The model record of ``record`` from its checked ``values``, written at ``node``.

    Driven by the declaration alone: a field declared in :mod:`fto_tui.schema` and kept by the
    model under the same name needs no code here. ``v`` is a :class:`Validator` or anything
    with its ``origin`` and ``citations`` (the fast path's stand-in).
    """
    steps, cites, derive, model = _PLANS.get(id(record)) or _plan(record)
    kwargs: dict[str, Any] = {}
    for name, value in values.items():
        convert = steps[name]
        if convert is _identity:
            kwargs[name] = value
        elif convert is not None:
            kwargs[name] = convert(v, value)
    if cites:
        kwargs["citations"] = v.citations(values) if values.keys() & _CITING else ()
    if derive is not None and "id" not in kwargs:
        kwargs["id"] = derive(values)
    if record is QUOTE and "speaker" not in kwargs:
        kwargs["speaker"] = None  # an unnamed speaker: the attribution says who
    return model(origin=v.origin(node), **kwargs)


_CITING = frozenset({"source", "sources"})


def _builder(record: Record) -> Callable[[Validator, dict[str, Any], Node], Any]:
    return lambda v, values, node: build(v, record, values, node)


_BUILDERS: dict[str, Callable[[Validator, dict[str, Any], Node], Any]] = {
    record.what: _builder(record) for _name, record in SECTIONS
}


#: For each field name, the kinds of entity that have it (for a key given to the wrong kind).
_OWNERS: dict[str, tuple[str, ...]] = {}
for _name, _record in SECTIONS:
    for _spec in _record.fields:
        _OWNERS[_spec.name] = (*_OWNERS.get(_spec.name, ()), _record.what)

_CHECKS: dict[type, Callable[[Validator, Node, Any, str], Any]] = {
    Record: Validator._check_record,
    ListOf: Validator._check_list,
    Either: Validator._check_either,
    Text: Validator._check_text,
    Slug: Validator._check_slug,
    Ref: Validator._check_ref,
    Date: Validator._check_date,
    Url: Validator._check_url,
    Choice: Validator._check_choice,
    Identifiers: Validator._check_identifiers,
}

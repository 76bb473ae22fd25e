"""Every field the format declares is shown by the reader and by every export, or is listed
here as deliberately hidden from that output, with the reason.

The guide's example briefing uses every declared field (``tests/test_docs.py`` checks that), so
loading it gives a value for each field; each output must then show that value. A field added to
:mod:`fto_tui.schema` without a place in an output fails here until it is shown or listed.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fto_tui.export.csvexport import to_csv
from fto_tui.export.html import to_html
from fto_tui.export.jsonexport import to_json
from fto_tui.export.markdown import to_markdown
from fto_tui.index import Collection
from fto_tui.loader import load
from fto_tui.model import Identifier
from fto_tui.schema import (
    RECORD_OF,
    Choice,
    Date,
    Either,
    Identifiers,
    ListOf,
    Record,
    Ref,
    Slug,
    Text,
    Url,
)
from fto_tui.ui.details import document_for

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "briefing-format.md"

#: Shown nowhere but in JSON: ids name things for links, they are not facts to read.
_IDS = {(what, "id") for what in ("source", "organisation", "speaker", "quote", "event")}
#: Fields hidden from each output on purpose, with why.
HIDDEN: dict[str, set[tuple[str, str]]] = {
    "reader": _IDS
    | {
        ("designation", "id"),  # links to the designation show its programme instead
        ("quote", "kind"),  # shown in words: "direct (the words as spoken)", "paraphrase (...)"
    },
    "markdown": _IDS
    | {
        ("quote", "kind"),  # shown as quotation marks or "Reported speech:"
        ("quote", "speaker"),  # quotes are listed under their speaker
        ("quote", "about"),  # not shown in the dossier (as in format v1)
    },
    "html": _IDS
    | {
        ("designation", "id"),  # an anchor, not text
        ("quote", "kind"),  # shown as a block quote or "Reported speech:"
        ("quote", "speaker"),  # quotes are listed under their speaker
        ("quote", "about"),  # not shown in the dossier (as in format v1)
    },
    "json": set(),
    # The CSV export is the chronology: one row per event, and nothing else.
    "csv": {("event", "id")},
}
CSV_RECORDS = {"event"}


def _example(tmp_path: Path) -> Collection:
    block = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)[0]
    path = tmp_path / "example.yaml"
    path.write_text(block, encoding="utf-8")
    result = load([path])
    assert result.problems == ()
    return result.collection


def _expected(collection: Collection, value: object, typ: object) -> Iterator[set[str]]:
    """For each part of a value: the texts any one of which shows it."""
    match typ:
        case Text() | Slug() | Url():
            yield {str(value), str(value).replace("-", " ")}
        case Choice():
            text = getattr(value, "value", value)
            yield {str(text), str(text).replace("-", " ")}
        case Date():
            yield {value.display()}  # type: ignore[attr-defined]
        case Ref():
            entity = collection.get(str(value))
            held = collection.designation(str(value))
            names = {str(value)}
            if entity is not None:
                names.add(entity.name[:40])
            if held is not None:
                names.add(held[1].programme)
            yield names
        case Identifiers():
            for identifier in value:  # type: ignore[attr-defined]
                assert isinstance(identifier, Identifier)
                yield {identifier.value}
        case ListOf():
            for item in value:  # type: ignore[attr-defined]
                yield from _expected(collection, item, typ.item)
        case _:
            raise AssertionError(typ)


def _fields(collection: Collection) -> Iterator[tuple[str, str, object, object]]:
    """(record, field, value, type) for every declared field given a value in the example."""

    def walk(value: object, record: Record) -> Iterator[tuple[str, str, object, object]]:
        for spec in record.fields:
            if isinstance(spec.type, Either) or spec.name in ("source", "sources"):
                continue
            held = getattr(value, spec.name)
            if held is None or held == ():
                continue
            typ = spec.type
            item = typ.item if isinstance(typ, ListOf) else typ
            if isinstance(item, Record):
                for nested in held if isinstance(held, tuple) else (held,):
                    yield from walk(nested, item)
                continue
            yield record.what, spec.name, held, typ

    for group in (
        collection.sources,
        collection.organisations,
        collection.speakers,
        collection.quotes,
        collection.events,
    ):
        for entity in group:
            yield from walk(entity, RECORD_OF[type(entity)])


def _reader(collection: Collection) -> str:
    texts = []
    for entity_id in collection.ids():
        entity = collection.get(entity_id)
        assert entity is not None
        document = document_for(entity, collection)
        texts += [block.render().plain for block in document.blocks]
    return "\n".join(texts)


OUTPUTS: dict[str, Callable[[Collection], str]] = {
    "reader": _reader,
    "markdown": lambda c: to_markdown(c).replace("\\", ""),
    "html": lambda c: html.unescape(to_html(c)),
    "json": lambda c: json.dumps(json.loads(to_json(c)), ensure_ascii=False).replace('\\"', '"'),
    "csv": to_csv,
}


def test_the_example_gives_every_declared_field_a_value(tmp_path: Path) -> None:
    collection = _example(tmp_path)
    given = {(what, name) for what, name, _, _ in _fields(collection)}
    for record in RECORD_OF.values():
        for spec in record.fields:
            if isinstance(spec.type, Either | Record) or spec.name in ("source", "sources"):
                continue
            if isinstance(spec.type, ListOf) and isinstance(spec.type.item, Record):
                continue
            assert (record.what, spec.name) in given, (record.what, spec.name)


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_every_declared_field_is_shown_or_listed_as_hidden(output: str, tmp_path: Path) -> None:
    collection = _example(tmp_path)
    text = OUTPUTS[output](collection).casefold()
    missing = []
    for what, name, value, typ in _fields(collection):
        if (what, name) in HIDDEN[output] or (output == "csv" and what not in CSV_RECORDS):
            continue
        for choices in _expected(collection, value, typ):
            if not any(choice.casefold() in text for choice in choices):
                missing.append(f"{what}.{name}: {sorted(choices)}")
    assert missing == [], f"{output} does not show: {missing}"


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_hidden_fields_are_declared_fields(output: str) -> None:
    declared = {(r.what, s.name) for r in RECORD_OF.values() for s in r.fields}
    assert HIDDEN[output] <= declared


def test_every_model_record_keeps_exactly_the_declared_fields() -> None:
    # The builder and the exports find a field's value under its declared name.
    for model, record in RECORD_OF.items():
        declared = {s.name for s in record.fields} - {"source", "sources"}
        kept = set(model.__struct_fields__) - {"origin", "citations"}
        if record.get("source") is not None:
            assert "citations" in model.__struct_fields__, record.what
        extra = {"act", "holder", "designation"} if model.__name__ == "DesignationAct" else set()
        assert kept - extra == declared, record.what

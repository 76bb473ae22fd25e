"""The briefing format as a JSON Schema (draft-07), for editors with the YAML language server.

Built from :mod:`fto_tui.schema`, so it cannot drift from what the loader accepts. Plain YAML
values that a YAML 1.2 editor reads as numbers or booleans (``2019``, ``true``) are allowed where
text is expected, because the loader keeps them as the text written.
"""

from __future__ import annotations

from typing import Any

from fto_tui import __version__
from fto_tui.references import kind_word
from fto_tui.schema import (
    FILE,
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

SCHEMA_ID = "https://fto-brief.invalid/schema/briefing-v2.json"

_TEXTUAL = ["string", "number", "boolean"]
_DATE_PATTERN = r"^[0-9X./~?%-]*$"


def _definition_name(record: Record) -> str:
    return record.what.replace(" ", "-")


def _type(typ: FieldType, definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(typ, Text):
        out: dict[str, Any] = {"type": _TEXTUAL}
        if typ.example:
            out["examples"] = [typ.example]
        return out
    if isinstance(typ, Slug):
        return {"type": ["string", "integer"], "pattern": SLUG.pattern}
    if isinstance(typ, Ref):
        return {
            "type": ["string", "integer"],
            "pattern": SLUG.pattern,
            "description": f"The id of {kind_word(typ.kinds)}.",
        }
    if isinstance(typ, Date):
        return {
            "type": ["string", "integer"],
            "pattern": _DATE_PATTERN,
            "description": "An EDTF date: 2025-02-20, 2025-02, 2019, 2017/2021, 2019~, 201X.",
            "examples": ["2025-02-20", "2025-02", "2017/2021"],
        }
    if isinstance(typ, Url):
        return {"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"}
    if isinstance(typ, Choice):
        return {"type": "string", "enum": list(typ.values)}
    if isinstance(typ, ListOf):
        return {"type": "array", "items": _type(typ.item, definitions)}
    if isinstance(typ, Either):
        return {"anyOf": [_type(typ.scalar, definitions), _type(typ.record, definitions)]}
    if isinstance(typ, Identifiers):
        return {
            "type": "object",
            "propertyNames": {"pattern": SLUG.pattern},
            "additionalProperties": {"type": _TEXTUAL},
            "examples": [{"wikidata": "Q1234567", "opensanctions": "NK-abc123"}],
        }
    name = _definition_name(typ)
    if name not in definitions:
        definitions[name] = {}  # reserve the name before recursing
        definitions[name] = _record(typ, definitions)
    return {"$ref": f"#/definitions/{name}"}


def _record(record: Record, definitions: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for spec in record.fields:
        prop = _type(spec.type, definitions)
        if "$ref" in prop:
            prop = {"allOf": [prop]}
        prop["description"] = spec.description
        if spec.default is not None:
            prop["default"] = spec.default
        properties[spec.name] = prop
    out: dict[str, Any] = {
        "type": "object",
        "description": record.description,
        "properties": properties,
        "additionalProperties": False,
    }
    required = [spec.name for spec in record.fields if spec.required]
    if required:
        out["required"] = required
    if record.get("source") and record.get("sources"):
        out["not"] = {"required": ["source", "sources"]}
    if record.one_of:
        out["anyOf"] = [{"required": [name]} for name in record.one_of]
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a briefing file."""
    definitions: dict[str, Any] = {}
    root = _record(FILE, definitions)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "fto-brief briefing",
        "description": f"A briefing file for fto-brief {__version__} (format v2).",
        **root,
        "definitions": definitions,
    }

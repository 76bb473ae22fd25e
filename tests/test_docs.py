"""The format guide agrees with the code: field tables, date forms, the example, the error codes.

The field and date tables in ``docs/briefing-format.md`` are generated from ``fto_tui.schema``
and ``fto_tui.dates``. After changing either, regenerate them with::

    python tests/test_docs.py

and paste the output over the tables in the guide.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from fto_tui.dates import EdtfDate  # noqa: E402
from fto_tui.references import kind_word  # noqa: E402
from fto_tui.schema import (  # noqa: E402
    AMENDMENT,
    BRIEFING,
    CITATION,
    DESIGNATION,
    EVENT,
    FILE,
    ORGANISATION,
    QUOTE,
    RELATION,
    REVOCATION,
    ROLE,
    SOURCE,
    SPEAKER,
    VARIANT,
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

GUIDE = ROOT / "docs" / "briefing-format.md"
#: The modules whose problems the loader reports.
LOADER_MODULES = (
    "reading.py",
    "yamltree.py",
    "validate.py",
    "loader.py",
    "cache.py",
    "ftm/reading.py",
)
RECORDS = (
    FILE,
    BRIEFING,
    SOURCE,
    ORGANISATION,
    DESIGNATION,
    REVOCATION,
    AMENDMENT,
    RELATION,
    SPEAKER,
    ROLE,
    QUOTE,
    VARIANT,
    EVENT,
)
RECORDS_WITH_CITATION = (*RECORDS, CITATION)

DATE_EXAMPLES = (
    "2025-02-20",
    "2025-02",
    "2025",
    "2001-21",
    "2001-24",
    "2017/2021",
    "2025-02-17/2025-02-20",
    "2024-12-30/2025-01-02",
    "2025-01/2025-03",
    "2025-01-20/..",
    "../2019",
    "2025-01-20/",
    "/2019",
    "2019?",
    "2019~",
    "2019%",
    "201X",
    "20XX",
    "2019-XX",
    "2019-05-XX",
    "2019-XX-XX",
)


def _type(typ: FieldType) -> str:
    if isinstance(typ, Text):
        return "text"
    if isinstance(typ, Slug):
        return "id"
    if isinstance(typ, Ref):
        return f"{kind_word(typ.kinds)} id"
    if isinstance(typ, Date):
        return "date"
    if isinstance(typ, Url):
        return "URL"
    if isinstance(typ, Choice):
        return "one of " + ", ".join(f"`{v}`" for v in typ.values)
    if isinstance(typ, ListOf):
        item = typ.item
        if isinstance(item, Record):
            return f"list of {item.what}s"
        if isinstance(item, Ref):
            return f"list of {kind_word(item.kinds)} ids"
        if isinstance(item, Either):
            return f"list of {_type(item.scalar)}s or {item.record.what}s"
        return f"list of {_type(item)}"
    if isinstance(typ, Either):
        return f"{_type(typ.scalar)} or {typ.record.what}"
    if isinstance(typ, Identifiers):
        return "identifiers (scheme: identifier)"
    return typ.what


def field_table(record: Record) -> str:
    """The Markdown table of one record's fields."""
    lines = [
        f"<!-- fields: {record.what} -->",
        "| Field | Type | Required | Description |",
        "|---|---|---|---|",
    ]
    for spec in record.fields:
        required = "yes" if spec.required else ""
        if spec.name in record.one_of:
            others = [f"`{name}`" for name in record.one_of if name != spec.name]
            required = f"yes, or {' or '.join(others)}"
        if spec.default is not None:
            required = f"no (default `{spec.default}`)"
        description = spec.description.replace("|", "\\|")
        if spec.since > 1:
            description += f" *(v{spec.since})*"
        lines.append(f"| `{spec.name}` | {_type(spec.type)} | {required} | {description} |")
    return "\n".join(lines)


def date_table() -> str:
    """Each supported date form and how the reader shows it."""
    lines = ["<!-- dates -->", "| Written | Shown |", "|---|---|"]
    for text in DATE_EXAMPLES:
        lines.append(f"| `{text}` | {EdtfDate.parse(text).display()} |")
    return "\n".join(lines)


def loader_codes() -> set[str]:
    """Every problem code the loader's modules can report, found in their source."""
    codes: set[str] = set()
    call = re.compile(
        r"\b(?:error|warning|err|warn)\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*\"([a-z][a-z0-9-]*)\""
    )
    for name in LOADER_MODULES:
        path = ROOT / "fto_tui" / name
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        codes.update(call.findall(text))
        codes.update(re.findall(r'code = "([a-z-]+)"', text))
        codes.update(re.findall(r'code = "[a-z-]+" if .+ else "([a-z-]+)"', text))
    return codes


def _guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


REGENERATE = "regenerate the tables with 'python tests/test_docs.py' and paste them into the guide"


def test_the_code_scan_finds_the_known_codes() -> None:
    # Guards the scan itself: it must find codes from each module, including the computed ones.
    assert {"yaml-syntax", "unreadable", "missing-file", "duplicate-id", "tag"} <= loader_codes()
    assert len(loader_codes()) >= 26


def test_field_tables_match_the_schema() -> None:
    guide = _guide()
    for record in RECORDS_WITH_CITATION:
        assert field_table(record) in guide, f"{record.what}: {REGENERATE}"
        for spec in record.fields:
            assert f"`{spec.name}`" in guide


def test_date_table_matches_the_date_display() -> None:
    assert date_table() in _guide(), REGENERATE


def test_every_problem_code_is_in_the_catalogue() -> None:
    guide = _guide()
    catalogue = guide[guide.index("## Error catalogue") :]
    for code in sorted(loader_codes()):
        assert re.search(rf"^### `{re.escape(code)}`", catalogue, re.M), code


def test_every_problem_code_is_tested_in_test_errors() -> None:
    tests = (ROOT / "tests" / "test_errors.py").read_text(encoding="utf-8")
    for code in sorted(loader_codes()):
        assert f'"{code}"' in tests, code


def test_the_example_briefing_is_valid(tmp_path: Path) -> None:
    from fto_tui.loader import load

    blocks = re.findall(r"```yaml\n(.*?)```", _guide(), re.S)
    assert blocks, "the guide has no YAML example"
    example = tmp_path / "example.yaml"
    example.write_text(blocks[0], encoding="utf-8")
    result = load([example])
    assert result.problems == (), [p.format() for p in result.problems]
    collection = result.collection
    assert collection.sources and collection.organisations and collection.speakers
    assert collection.quotes and collection.events
    # The example shows every section's fields at least once.
    for record in RECORDS:
        if record is FILE:
            continue
        for spec in record.fields:
            assert re.search(rf"^\s*(- )?{spec.name}:", blocks[0], re.M), (record.what, spec.name)


def test_the_guide_shows_the_modeline_and_schema_command() -> None:
    guide = _guide()
    assert "# yaml-language-server: $schema=./fto-brief.schema.json" in guide
    assert "fto-brief schema > fto-brief.schema.json" in guide


if __name__ == "__main__":
    for record in RECORDS_WITH_CITATION:
        print(field_table(record), end="\n\n")
    print(date_table())


def test_the_library_example_merges_as_the_guide_says(tmp_path: Path) -> None:
    from fto_tui.loader import load

    guide = _guide()
    library = guide[guide.index("## Library") : guide.index("## Checking briefings")]
    blocks = re.findall(r"```yaml\n(# (\S+)\n.*?)```", library, re.S)
    assert [name for _text, name in blocks] == ["cartels.yaml", "houthis.yaml"]
    paths = []
    for text, name in blocks:
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    result = load(paths)
    assert result.problems == (), [p.format() for p in result.problems]
    state = result.collection.get("us-department-of-state")
    assert state is not None
    assert state.kind == "government-body"  # type: ignore[union-attr]
    assert state.aliases == ("State Department",)  # type: ignore[union-attr]
    assert state.description  # type: ignore[union-attr]
    assert [c.source for c in state.citations] == ["fto-list", "houthi-notice"]  # type: ignore[union-attr]
    # The conflict the guide shows, word for word after the file names.
    paths[1].write_text(
        blocks[1][0].replace("name: US Department of State", "name: Department of State"),
        encoding="utf-8",
    )
    (conflict,) = load(paths).problems
    shown = re.search(r"> `houthis\.yaml:(.*?)`", library)
    assert shown is not None
    assert conflict.format().replace(str(tmp_path) + "/", "") == "houthis.yaml:" + shown[1]

"""One rule for every output: the reader, ``check`` and every export show the same characters
as codes, and exported text means only itself."""

from __future__ import annotations

import json
import re

import pytest

from fto_tui.export import export
from fto_tui.export.common import one_line as export_one_line
from fto_tui.export.mdtext import inline
from fto_tui.index import Collection
from fto_tui.loader import load
from fto_tui.ui.safe import one_line as reader_one_line

FORMAT_CHARACTERS = "\u202e\ufeff\U000e0041\u2066\x9b"

BRIEFING = """\
briefing:
  title: "Title \\u202e reversed"
  summary: "BOM \\ufeff tag \\U000E0041 isolate \\u2066 end"
sources:
  - id: s
    title: A source
    kind: FBI-notice
    url: "https://example.org/\\u202egnp.exe"
    notes: "See https://evil.example/x and www.evil.example or mail a@evil.example"
organisations:
  - id: o
    name: Organisation
    kind: gang
    source: s
"""


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Collection:
    path = tmp_path_factory.mktemp("outputs") / "b.yaml"
    path.write_text(BRIEFING, encoding="utf-8")
    result = load([path])
    assert result.ok, [p.format() for p in result.problems]
    return result.collection


@pytest.mark.parametrize("output_format", ["markdown", "html", "json", "csv", "ftm"])
def test_no_export_writes_format_characters_raw(collection: Collection, output_format: str) -> None:
    text = export(collection, output_format)
    for char in FORMAT_CHARACTERS:
        assert char not in text, (output_format, hex(ord(char)))


def test_the_json_export_escapes_them_and_still_decodes(collection: Collection) -> None:
    text = export(collection, "json")
    document = json.loads(text)
    assert "\\u202e" in text
    assert document["briefings"][0]["title"] == "Title \u202e reversed"


def test_a_url_with_a_bidi_override_is_not_linked_in_markdown(collection: Collection) -> None:
    text = export(collection, "markdown")
    assert "<https://example.org/" not in text


@pytest.mark.parametrize(
    "raw",
    [
        "see https://evil.example/x now",
        "see HTTP://evil.example",
        "see ftp://evil.example",
        "www.evil.example",
        "write to a@evil.example",
    ],
)
def test_bare_urls_in_markdown_text_are_not_links(raw: str) -> None:
    escaped = inline(raw)
    assert re.search(r"[A-Za-z]://", escaped) is None
    assert re.search(r"www\.", escaped, re.IGNORECASE) is None
    assert re.search(r"(?<!\\)@", escaped) is None


def test_source_kinds_keep_their_capitals(collection: Collection) -> None:
    assert "FBI notice." in export(collection, "markdown")
    assert "FBI notice." in export(collection, "html")


@pytest.mark.parametrize("text", ["a\u2028b", "a\x85b", "a\u2029b", "a \n\t b", "a\u00a0b"])
def test_the_reader_and_the_exports_put_text_on_one_line_alike(text: str) -> None:
    assert reader_one_line(text) == export_one_line(text)

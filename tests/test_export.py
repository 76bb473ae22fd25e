"""Exports: structure against the shipped briefing, and escaping of hostile briefing text."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from fto_tui.export import FORMATS, export, format_for_suffix
from fto_tui.export.csvexport import COLUMNS, neutralise
from fto_tui.export.mdtext import inline
from fto_tui.index import Collection
from fto_tui.loader import bundled_paths, load

SHIPPED = bundled_paths()

HOSTILE_YAML = """\
briefing:
  title: "<script>alert('t')</script> # [x](javascript:alert(1))"
  language: 'en"><script>alert(1)</script>'
  summary: "*bold* _em_ `code` <b>tag</b> &amp; | pipe"
sources:
  - id: evil-source
    title: '"><img src=x onerror=alert(1)>'
    publisher: "[click](javascript:alert(1))"
    url: "javascript:alert(document.cookie)"
  - id: good-source
    title: A fair source
    url: 'https://example.org/a?b=1&c="><script>'
organisations:
  - id: evil-org
    name: "<script>alert(1)</script>"
    aliases: ["<iframe src=//evil>", "- list item"]
    kind: gang
    description: "# Heading\\n\\n1. item\\n> quote <!-- comment -->"
    source: evil-source
    designations:
      - authority: "=HYPERLINK(\\"http://evil\\")"
        programme: "<svg onload=alert(1)>"
        source: good-source
speakers:
  - id: evil-speaker
    name: "[@click=app.quit]x[/]"
    source: evil-source
quotes:
  - speaker: evil-speaker
    text: '"><img src=x onerror=alert(2)>'
    source: evil-source
  - speaker: evil-speaker
    kind: paraphrase
    text: "He said <b>nothing</b>."
    source: good-source
events:
  - id: formula-event
    date: 2025-02-20
    title: "=cmd|' /C calc'!A0"
    description: "+1+1"
    as_written: "@SUM(1+1)"
    places: ["-2+3"]
    tags: ["\\tleading tab"]
    participants: [evil-org, evil-speaker]
    source: evil-source
  - id: plain-event
    date: 2024
    title: A plain event
    source: good-source
"""


@pytest.fixture(scope="module")
def shipped() -> Collection:
    """The bundled story of the February 2025 designations, on its own."""
    result = load([path for path in SHIPPED if path.name == "fto-designations-2025.yaml"])
    assert result.ok, [p.format() for p in result.problems]
    return result.collection


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Collection:
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(HOSTILE_YAML, encoding="utf-8")
    result = load([path])
    assert result.ok, [p.format() for p in result.problems]
    assert len(result.collection.events) == 2
    return result.collection


class _Collector(HTMLParser):
    """Every start tag with its attributes, and all text, as a parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    collector.close()
    return collector


# -- markdown -------------------------------------------------------------------------------


def test_markdown_dossier_of_shipped_briefing(shipped: Collection) -> None:
    text = export(shipped, "markdown")
    assert text.startswith(f"# {shipped.briefings[0].title}\n")
    for heading in ("## Organisations", "## Speakers", "## Chronology", "## Sources"):
        assert f"\n{heading}\n" in text
    designated = [o for o in shipped.organisations if o.designations]
    assert len(designated) == 8
    for org in designated:
        assert f"### {org.name}\n" in text
    assert text.count("Foreign Terrorist Organization (FTO)") >= 8
    # numbered references: one per source, in order, and cited inline
    for number, source in enumerate(shipped.sources, start=1):
        assert f"\n[{number}] {source.title}" in text
    assert "[1, paragraph 4]" in text
    # direct quotes in quotation marks, paraphrases as reported speech
    assert "“sea change in US policy”" in text
    assert "Reported speech: Mexico and Canada were not co-operating" in text
    # the chronology, in order, with dates as displayed and as written
    chronology = text.split("## Chronology")[1]
    positions = [chronology.index(f"— {e.title}") for e in shipped.chronology]
    assert positions == sorted(positions)
    assert "**17–23 Feb 2025**" in chronology
    assert "As written: “this week”" in chronology


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("<script>", r"\<script\>"),
        ("*a* _b_ `c`", r"\*a\* \_b\_ \`c\`"),
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("+ item", r"\+ item"),
        ("12. item", r"12\. item"),
        ("a | b", r"a \| b"),
        ("&amp;", r"\&amp;"),
        ("back\\slash", r"back\\slash"),
        ("two\nlines", "two lines"),
        ("bidi\u202eoverride", r"bidi\\u202eoverride"),  # shown as the text \u202e
    ],
)
def test_markdown_inline_escaping(raw: str, escaped: str) -> None:
    assert inline(raw) == escaped


def test_markdown_of_hostile_text_has_no_live_markup(hostile: Collection) -> None:
    text = export(hostile, "markdown")
    # no unescaped angle brackets, link syntax or heading from briefing text
    assert re.search(r"(?<!\\)<(?!https://)", text) is None
    assert "](javascript" not in text.replace(r"\](javascript", "")
    assert r"\<script\>alert(1)\</script\>" in text
    # the description's '# Heading' stays inside a paragraph
    assert "\n# Heading" not in text
    assert r"\# Heading" in text
    # the javascript: address is not shown as a link; the https one is, with <> kept out
    assert "javascript:alert(document.cookie)" not in text
    assert "<https://" not in text  # the https URL has a quote and '<', so it is not linked


# -- html -----------------------------------------------------------------------------------


def test_html_of_shipped_briefing(shipped: Collection) -> None:
    page = export(shipped, "html")
    parsed = _parse(page)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags
    assert "<script" not in page.lower()
    assert tags[0] == "html"
    # self-contained: no external fetches of any kind
    for _tag, attrs in parsed.tags:
        for name in ("src", "srcset", "data", "action", "poster"):
            assert name not in attrs
        if _tag == "link":
            pytest.fail("an HTML export must not link style sheets or other resources")
        href = attrs.get("href")
        assert href is None or href.startswith(("#", "http://", "https://"))
    text = "".join(parsed.text)
    for org in shipped.organisations:
        assert org.name in text
    articles = {attrs.get("id") for t, attrs in parsed.tags if t == "article"}
    assert f"e-{shipped.organisations[0].id}" in articles
    assert len([t for t in tags if t == "blockquote"]) == sum(
        q.kind.value == "direct" for q in shipped.quotes
    )
    csp = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in (csp[0].get("content") or "")


def test_html_escapes_hostile_text(hostile: Collection) -> None:
    page = export(hostile, "html")
    parsed = _parse(page)
    tags = {t for t, _ in parsed.tags}
    assert not tags & {"script", "img", "iframe", "svg", "b"}
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    for _tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs)
        href = attrs.get("href") or "#"
        assert href.startswith(("#", "https://")), href
    # the text reads as written once parsed
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text
    assert '"><img src=x onerror=alert(2)>' in text
    # the javascript: URL is shown as text, never as a link
    assert "javascript:alert(document.cookie)" in text
    links = [a for t, a in parsed.tags if t == "a" and not (a.get("href") or "").startswith("#")]
    assert links == [
        {
            "href": 'https://example.org/a?b=1&c="><script>',
            "rel": "noopener noreferrer",
        }
    ]
    html_tag = next(a for t, a in parsed.tags if t == "html")
    assert html_tag["lang"] == 'en"><script>alert(1)</script>'


# -- json -----------------------------------------------------------------------------------


def test_json_round_trips_and_matches_the_collection(shipped: Collection) -> None:
    document = json.loads(export(shipped, "json"))
    assert document["format"] == "fto-brief-export"
    assert document["version"] == 1
    for key, count in shipped.counts().items():
        assert len(document[key]) == count
        assert document["counts"][key] == count
    assert [o["id"] for o in document["organisations"]] == [o.id for o in shipped.organisations]
    assert document["chronology"] == [e.id for e in shipped.chronology]
    # json.dumps of the loaded document gives the same document back
    assert json.loads(json.dumps(document)) == document


def test_json_dates_references_and_positions(shipped: Collection) -> None:
    document = json.loads(export(shipped, "json"))
    assert document["briefings"][0]["as_of"] == {
        "edtf": "2025-02",
        "display": "Feb 2025",
        "earliest": "2025-02-01",
        "latest": "2025-02-28",
        "precision": "month",
    }
    rubio = next(s for s in document["speakers"] if s["id"] == "marco-rubio")
    role = rubio["roles"][0]
    assert role["organisation"] == {
        "id": "us-department-of-state",
        "kind": "organisation",
        "name": "US Department of State",
    }
    assert role["period"]["latest"] is None  # an open end
    assert role["period"]["earliest"] == "2025-01-21"
    quote = next(q for q in document["quotes"] if q["id"] == "miller-sea-change")
    assert quote["speaker"]["name"] == "Stephen Miller"
    assert quote["kind"] == "direct"
    noreste = next(o for o in document["organisations"] if o["id"] == "cartel-del-noreste")
    assert noreste["relations"][0]["organisation"]["name"] == "Los Zetas"
    designation = noreste["designations"][0]
    assert designation["citations"][0]["source"] == "federal-register-2025-02-20"
    assert designation["citations"][0]["locator"] == "Cártel del Noreste, FTO notice"
    # positions point at the definitions in the file
    lines = Path(SHIPPED[0]).read_text(encoding="utf-8").splitlines()
    position = noreste["position"]
    assert position["path"] == str(SHIPPED[0])
    assert "cartel-del-noreste" in lines[position["line"] - 1]
    # A designation's position is the start of its item in the list (its first key).
    assert lines[designation["position"]["line"] - 1].lstrip().startswith("- ")


def test_json_keeps_hostile_text_as_data(hostile: Collection) -> None:
    document = json.loads(export(hostile, "json"))
    evil = next(s for s in document["sources"] if s["id"] == "evil-source")
    assert evil["url"] == "javascript:alert(document.cookie)"
    assert evil["link"] is None
    assert document["organisations"][0]["name"] == "<script>alert(1)</script>"


# -- csv ------------------------------------------------------------------------------------


def test_csv_has_one_row_per_event_in_date_order(shipped: Collection) -> None:
    text = export(shipped, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(body) == len(shipped.events)
    assert [r["id"] for r in body] == [e.id for e in shipped.chronology]
    drones = next(r for r in body if r["id"] == "cia-drone-reports-2025-02")
    assert drones["date"] == "2025-02-17/2025-02-23"
    assert drones["date_display"] == "17–23 Feb 2025"
    assert drones["as_written"] == "this week"
    assert drones["participants"] == "CNN; The New York Times; Central Intelligence Agency"
    assert drones["tags"] == "surveillance; drones"
    assert "(paragraph 9)" in drones["sources"]


def test_csv_neutralises_formula_cells(hostile: Collection) -> None:
    rows = list(csv.reader(io.StringIO(export(hostile, "csv"), newline="")))
    body = [dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]]
    assert len(body) == 2
    event = next(r for r in body if r["id"] == "formula-event")
    assert event["title"] == "'=cmd|' /C calc'!A0"
    assert event["description"] == "'+1+1"
    assert event["as_written"] == "'@SUM(1+1)"
    assert event["places"] == "'-2+3"
    assert event["tags"] == "leading tab"  # white space is folded before the check
    for row in body:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝1", "'＝1"),
        ("a=1", "a=1"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


# -- dispatch and command line ------------------------------------------------------------


def test_every_format_exports_and_unknown_ones_are_refused(shipped: Collection) -> None:
    for fmt in FORMATS:
        assert export(shipped, fmt).endswith("\n")
    with pytest.raises(ValueError, match="unknown export format"):
        export(shipped, "pdf")


def test_format_for_suffix() -> None:
    assert format_for_suffix("out.MD") == "markdown"
    assert format_for_suffix("a/b.htm") == "html"
    assert format_for_suffix("x.json") == "json"
    assert format_for_suffix("x.csv") == "csv"
    assert format_for_suffix("x.txt") is None


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fto_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
    )


def test_cli_export_to_stdout() -> None:
    done = _cli("export", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["format"] == "fto-brief-export"


def test_cli_export_to_file_infers_the_format(tmp_path: Path) -> None:
    out = tmp_path / "dossier.md"
    out.write_text("old", encoding="utf-8")
    done = _cli("export", str(SHIPPED[0]), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("# US designates")
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.md"]  # no temporary file left


def test_cli_export_csv_file_keeps_crlf(tmp_path: Path) -> None:
    out = tmp_path / "chronology.csv"
    done = _cli("export", "--format", "csv", "-o", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"date,date_display,")
    assert data.count(b"\r\n") == len(load(SHIPPED).collection.events) + 1


def test_cli_export_refuses_inputs_with_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("briefing:\n  title: x\nevents:\n  - date: 2025-02-30\n", encoding="utf-8")
    out = tmp_path / "out.html"
    done = _cli("export", str(broken), "--format", "html", "-o", str(out))
    assert done.returncode == 1
    assert done.stdout == ""
    assert f"{broken}:4:" in done.stderr
    assert not out.exists()


def test_cli_export_never_writes_over_an_input(tmp_path: Path) -> None:
    briefing = tmp_path / "b.yaml"
    original = "briefing:\n  title: x\n"
    briefing.write_text(original, encoding="utf-8")
    done = _cli("export", str(tmp_path), "--format", "json", "-o", str(briefing))
    assert done.returncode == 2
    assert "input" in done.stderr
    assert briefing.read_text(encoding="utf-8") == original


def test_cli_export_usage_errors(tmp_path: Path) -> None:
    no_format = _cli("export", "-o", str(tmp_path / "out.txt"))
    assert no_format.returncode == 2
    assert "--format" in no_format.stderr
    bad_format = _cli("export", "--format", "pdf")
    assert bad_format.returncode == 2
    missing_dir = _cli("export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"))
    assert missing_dir.returncode == 1
    assert "x.csv" in missing_dir.stderr

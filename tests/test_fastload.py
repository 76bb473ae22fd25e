"""The fast path against the precise one.

For any text, :func:`fto_tui.fastload.content` must either decline (``None``) or return exactly
what the precise path (libyaml and the validator) builds for a file without any problem:
the same entities, values, origins and reference positions. Briefings are generated here in
many YAML styles (quoted, block and multi-line scalars, flow and block collections, comments,
numbers, non-ASCII text) with and without mistakes, and the shipped, benchmark and
yaml-test-suite documents are checked too.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import write
from fto_tui import fastload, loader
from fto_tui.loader import bundled_paths, load_file
from fto_tui.reading import decode
from fto_tui.validate import FileContent, Validator
from fto_tui.yamltree import compose

pytestmark = pytest.mark.skipif(not fastload.available(), reason="no fast parser here")

EXAMPLES = int(os.environ.get("FTO_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUITE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "yaml-test-suite"


def precise(text: str) -> tuple[list[Any], FileContent | None]:
    source = decode("b.yaml", text.encode())
    assert not isinstance(source, loader.Problem)
    root = compose(source)
    if not hasattr(root, "tag"):
        return [root], None
    validator = Validator(source)
    content = validator.run(root)  # type: ignore[arg-type]
    return validator.problems, content


def fast(text: str) -> FileContent | None:
    data = text.encode()
    source = decode("b.yaml", data)
    assert not isinstance(source, loader.Problem)
    return fastload.content(source, data)


def agree(text: str) -> FileContent | None:
    """The property: the fast path declines, or builds what the precise path builds."""
    quick = fast(text)
    if quick is not None:
        problems, content = precise(text)
        assert problems == [], [p.format() for p in problems]
        assert content is not None
        # The same references in the same order; where they are written is left to the
        # precise path, which the loader asks only when a reference is broken.
        assert quick.references.targets == content.references.targets
        assert quick.references.kinds == content.references.kinds
        assert (quick.references.lines, quick.references.columns) == ((), ())
        quick.references = content.references
        assert quick == content
    return quick


# -- generated briefings ------------------------------------------------------------------

WORDS = ["cartel", "Sinaloa", "Tren de Aragua", "MS-13", "état", "Señor", "北京", "ok", "x"]


@st.composite
def scalar(draw: Any, indent: int, risky: bool = True) -> str:
    """Some text in one of YAML's scalar styles, as written after 'key: '."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
    text = " ".join(words)
    pad = " " * (indent + 2)
    style = draw(
        st.sampled_from(
            ["plain"] * 6
            + ["single", "double", "escaped", "literal", "folded", "multi"] * 2
            + (["number", "special", "odd"] if risky else [])
        )
    )
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + " it''s'"
    if style == "double":
        return '"' + text + ' \\"q\\""'
    if style == "escaped":
        escaped = draw(st.sampled_from(["a\\nb", "\\u00e9t\\u00e9", "x\\\\y", "t\\tab", "e\\n"]))
        return f'"{escaped}"'
    if style == "literal":
        chomp = draw(st.sampled_from(["", "-", "+"]))
        return f"|{chomp}\n{pad}{text}\n{pad}second line\n"
    if style == "folded":
        return f">\n{pad}{text}\n{pad}more\n"
    if style == "multi":
        return f"{text}\n{pad}continued"
    if style == "number":
        return draw(st.sampled_from(["1993", "0", "-0", "1.50", ".5", "1e3", "007", "0x1F", "12"]))
    if style == "special":
        return draw(st.sampled_from(["null", "~", "true", "''", '""', "", "No"]))
    return draw(
        st.sampled_from(
            [
                "a: b",
                "[x]",
                "{y: 1}",
                "'a\n\n  '",
                '"a\n\n  b"',
                "@x",
                # Classes where rapidyaml and libyaml once disagreed: escaped line breaks,
                # \L and \P, values led by an indicator, anchors with no name, block-scalar
                # indicators followed by text.
                *('"a\\\n\n  c"', '"a\\\n  c"', '"C:\\\\t\\P\\P\\\\new"', '"\\\\ufeff\\L"'),
                *("]x", "}", "] x", "& O", "* O", ">1 junk\n  x", "|2- junk\n  x"),
            ]
        )
    )


@st.composite
def ref(draw: Any, ids: list[str], risky: bool = True) -> str:
    target = draw(st.sampled_from(ids))
    if not risky:
        return draw(st.sampled_from([target, f'"{target}"', f"'{target}'"]))
    return draw(
        st.sampled_from(
            [target] * 6 + [f'"{target}"', f"'{target}'", f"|\n      {target}", f"{target}x"]
        )
    )


@st.composite
def briefing_text(draw: Any, risky: bool = True) -> str:
    """A briefing in varied YAML styles; with ``risky``, also with mistakes and values the
    two paths could read differently."""
    sources = [f"src-{i}" for i in range(draw(st.integers(1, 3)))]
    orgs = [f"org-{i}" for i in range(draw(st.integers(1, 3)))]
    lines = ["briefing:", f"  title: {draw(scalar(2, risky))}"]
    if draw(st.booleans()):
        marks = ["&a", "*b", "!c", "? d", "@e", "`f`", "- g", "[h]"]
        lines.append("  # a comment " + draw(st.sampled_from(marks)))
    dates = ["2025-02-20", "2025", "2025-02", *(["2025-02-31", ""] if risky else [])]
    lines.append(f"  as_of: {draw(st.sampled_from(dates))}")
    if draw(st.booleans()):
        lines.append("  authors: [A. Writer, 'B. Writer']")
    indent = draw(st.sampled_from(["", "  "]))

    def item(fields: list[str]) -> None:
        style = draw(st.sampled_from(["block"] * 6 + ["flow", "comment", "newline", "quoted"]))
        if style == "flow":
            lines.append(f"{indent}- {{{', '.join(f.replace(chr(10), ' ') for f in fields)}}}")
            return
        if style == "comment":
            lines.append(f"{indent}- # note")
            lines.append(f"{indent}  {fields[0]}")
        elif style == "newline":
            lines.append(f"{indent}-")
            lines.append(f"{indent}  {fields[0]}")
        elif style == "quoted":
            key, _, rest = fields[0].partition(":")
            lines.append(f'{indent}- "{key}":{rest}')
        else:
            lines.append(f"{indent}- {fields[0]}")
        lines.extend(f"{indent}  {f}" for f in fields[1:])

    lines.append("sources:")
    for source in sources:
        fields = [f"id: {source}", f"title: {draw(scalar(len(indent) + 2, risky))}"]
        if draw(st.booleans()):
            urls = ["https://e.org/a"] * 4 + (["ftp://e.org", "x"] if risky else [])
            fields.append(f"url: {draw(st.sampled_from(urls))}")
        if draw(st.booleans()):
            fields.append(f"published: {draw(st.sampled_from(['2025-02-20', '2025-02', '1993']))}")
        item(fields)
    lines.append("organisations:")
    for org in orgs:
        fields = [f"id: {org}", f"name: {draw(scalar(len(indent) + 2, risky))}"]
        cite = draw(
            st.sampled_from(["one", "list", "flow", "citation", *(["none"] if risky else [])])
        )
        if cite == "one":
            fields.append(f"source: {draw(ref(sources, risky))}")
        elif cite == "list":
            fields.append(f"sources: [{draw(ref(sources, risky))}, {draw(ref(sources, risky))}]")
        elif cite == "flow":
            fields.append(f"sources: [{{source: {draw(ref(sources, risky))}, locator: 'p. 4 é'}}]")
        elif cite == "citation":
            fields.append(f"sources:\n{indent}    - source: {draw(ref(sources, risky))}")
        if draw(st.booleans()):
            kinds = ["cartel", "gang"] * 3 + (["cartell"] if risky else [])
            fields.append(f"kind: {draw(st.sampled_from(kinds))}")
        if draw(st.booleans()):
            aliases = ["[El Cartel, 'Los X']", "['a #', b]"]
            if risky:
                aliases += ["['a #', &x b, *x]", "['a' # c\n    , &y d]", "[*z]"]
            fields.append(f"aliases: {draw(st.sampled_from(aliases))}")
        if draw(st.booleans()):
            fields.append(
                "designations:\n"
                f"{indent}    - authority: US Department of State\n"
                f"{indent}      programme: FTO\n"
                f"{indent}      date: 2025-02-20\n"
                f"{indent}      source: {sources[0]}"
            )
        mistake = draw(
            st.sampled_from(
                ["none"] * 20 + (["unknown", "duplicate", "type", "id"] if risky else [])
            )
        )
        if mistake == "unknown":
            fields.append("colour: red")
        elif mistake == "duplicate":
            fields.append(f"name: {org}")
        elif mistake == "type":
            fields.append("aliases: plain")
        elif mistake == "id":
            fields[0] = "id: Bad_Id"
        item(fields)
    if draw(st.booleans()):
        lines.append("quotes:")
        fields = [
            f"speaker: {draw(ref(orgs, risky))}",
            f"text: {draw(scalar(len(indent) + 2, risky))}",
            f"source: {draw(ref(sources, risky))}",
            f"about: [{draw(ref(orgs, risky))}]",
        ]
        item(fields)
    text = "\n".join(lines) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\n\n", draw(st.integers(0, 5)))
    return text


@SETTINGS
@given(briefing_text())
def test_generated_briefings_agree(text: str) -> None:
    agree(text)


@SETTINGS
@given(briefing_text(risky=False))
def test_generated_clean_briefings_agree(text: str) -> None:
    agree(text)
    agree(text.replace("\n", "\r\n"))  # as saved on Windows


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mutated_shipped_briefing_agrees(data: Any) -> None:
    text = bundled_paths()[0].read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "double", "indent", "dedent", "char"]))
        if action == "drop":
            del lines[at]
        elif action == "double":
            lines.insert(at, lines[at])
        elif action == "indent":
            lines[at] = " " + lines[at]
        elif action == "dedent":
            lines[at] = lines[at][1:] if lines[at].startswith(" ") else lines[at]
        else:
            char = data.draw(st.sampled_from(list(":-[]{},#'\"|>&*!?%@` ")))
            column = data.draw(st.integers(0, max(0, len(lines[at]) - 1)))
            lines[at] = lines[at][:column] + char + lines[at][column:]
    agree("".join(lines))


# -- real documents -------------------------------------------------------------------------


def test_benchmark_briefing_takes_the_fast_path(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    write(str(path), 0.4)
    assert agree(path.read_text(encoding="utf-8")) is not None


def test_shipped_briefing_agrees() -> None:
    for path in bundled_paths():
        agree(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SUITE.is_dir(), reason="needs the shared yaml-test-suite corpus")
def test_yaml_test_suite_documents_agree() -> None:
    checked = 0
    for path in sorted(SUITE.rglob("*")):
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if isinstance(decode("b.yaml", text.encode()), loader.Problem):
            continue
        agree(text)
        checked += 1
    assert checked > 100


# -- cases that once went wrong or could ------------------------------------------------------

CLEAN = """\
briefing:
  title: T
sources:
  - id: s
    title: S
organisations:
  - id: o
    name: O
    source: s
"""


def test_clean_file_is_read_fast_with_positions() -> None:
    quick = agree(CLEAN)
    assert quick is not None
    organisation = quick.organisations[0]
    assert (organisation.origin.line, organisation.origin.column) == (7, 5)


def test_a_broken_reference_is_reported_where_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(CLEAN.replace("source: s", '"source": "sx"'), encoding="utf-8")
    precise_problems = loader.load([path]).problems
    monkeypatch.setattr(fastload, "MIN_BYTES", 0)
    quick_load = load_file(path)
    assert quick_load.problems == ()
    assert quick_load.references.lines == ()
    problems = loader.load([path]).problems
    assert [p.format() for p in problems] == [p.format() for p in precise_problems]
    assert [(p.code, p.line, p.column) for p in problems] == [("unknown-reference", 9, 16)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: O", "name: .5"),  # JSON would write 0.5
        ("name: O", "name: -0"),  # JSON would write 0
        ("name: O", "name: null"),
        ("name: O", "name:"),
        ("source: s", "source: |\n      s"),  # libyaml marks a block scalar at its indicator
        ("    source: s", "    source: s\n    source: s"),  # a duplicate key
        ("name: O", "name: O\n    colour: red"),  # an unknown key
        ("name: O", "name: \u202eO"),  # a bidirectional control
        ("name: O", 'name: "O\\x07"'),  # an escaped control character
        ("title: T", "title: T\rx"),  # a carriage return that does not end a line
        ("name: O", "name: &a O"),
        ("name: O", "name: !!str O"),
    ],
)
def test_declines_what_the_precise_path_must_decide(old: str, new: str) -> None:
    text = CLEAN.replace(old, new)
    assert text != CLEAN
    assert fast(text) is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("name: O", "name" + " " * 1100 + ": O"),  # a simple key longer than 1024
        ("name: O", "n" * 1030 + ": O"),
        ("name: O", '"na\\\n      me": O'),  # a quoted key continued with \
        ("name: O", "name: ]O"),
        ("name: O", "name: }"),
        ("name: O", "name: ]"),
        ("name: O", "name: >1 junk\n      O"),
        ("name: O", "name: |- junk\n      O"),
        ("name: O", "name: & O"),
        ("name: O", "name: * O"),
        ("name: O", 'name: "a\\\n\n      c"'),  # an escaped line break, then a blank line
        ("name: O", 'name: "a\\\n      c"'),
        ("name: O", 'name: "C:\\\\temp\\\\new\\P and more"'),  # \P makes it grow
        ("name: O", 'name: "\\\\ufeff\\L"'),
        ("name: O", 'name: "x\\L"'),
        ("name: O", 'name: "C:\\\\temp\\P\\P\\\\temp\\\\new"'),  # unescaped twice
        ("name: O", 'name: "C:\\\\temp\\L\\L\\\\ufeff"'),
    ],
)
def test_the_classes_where_the_parsers_disagreed_agree(old: str, new: str) -> None:
    text = CLEAN.replace(old, new)
    assert text != CLEAN
    agree(text)


def test_a_bom_before_a_one_line_flow_briefing_agrees() -> None:
    text = (
        "{briefing: {title: T}, sources: [{id: s, title: S}],"
        " organisations: [{id: o, name: O, source: s}]}\n"
    )
    data = b"\xef\xbb\xbf" + text.encode()
    source = decode("b.yaml", data)
    assert not isinstance(source, loader.Problem)
    quick = fastload.content(source, data)
    if quick is not None:
        _problems, content = precise(text)
        assert content is not None
        quick.references = content.references
        assert quick == content


@pytest.mark.parametrize(
    "code",
    [
        *range(0x100),
        *(0x2028, 0x2029, 0x200B, 0x200E, 0x200F, 0xFEFF, 0xFFFE, 0x1F600),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ],
)
def test_every_escaped_character_agrees(code: int) -> None:
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    if code > 0xFFFF:
        escape = f"\\U{code:08x}"
    agree(CLEAN.replace("name: O", f'name: "O{escape}z"'))
    agree(CLEAN.replace("title: S", f'"title": "S{escape}"'))


@pytest.mark.parametrize("char", [chr(c) for c in range(0x20, 0x7F)] + ["é", "北", "\u00a0"])
def test_every_printable_character_in_plain_and_quoted_values_agrees(char: str) -> None:
    for value in (f"O{char}z", f"{char}Oz", f"Oz{char}", f"O {char} z", f"'O{char}z'"):
        agree(CLEAN.replace("name: O", f"name: {value}"))
        agree(CLEAN.replace("source: s", f"sources: [s, {value}]"))
        agree(CLEAN.replace("  - id: o\n", f"  - id: o\n    aliases: [{value}]\n"))
        agree(CLEAN.replace("  - id: o\n", f"  - id: o\n    aliases:\n      - {value}\n"))
        agree(CLEAN.replace("  - id: o\n", f"  - id: o\n    aliases: {{{value}: x}}\n"))


RICH = CLEAN.replace("source: s", "sources: [s, {source: s, locator: 'p. 2'}]") + (
    'events:\n  - date: 2025-02-20\n    title: "An \\"event\\""\n'
    "    participants:\n    - o\n    description: |\n      Two\n      lines\n    source: s\n"
)


def test_every_single_character_edit_agrees() -> None:
    """Each character deleted, and each of a set of characters inserted, at every place."""
    for rich in (RICH, RICH.replace("\n", "\r\n")):
        assert agree(rich) is not None
        for at in range(len(rich) + 1):
            agree(rich[:at] + rich[at + 1 :])
            for char in " \n\r#:-'\"[]{},x|>":
                agree(rich[:at] + char + rich[at:])


def test_an_id_with_a_final_line_break_is_refused_by_both_paths() -> None:
    text = CLEAN.replace("id: o", 'id: "o\\n"')
    assert fast(text) is None
    problems, _ = precise(text)
    assert [p.code for p in problems] == ["bad-id"]


def test_non_ascii_text_before_a_reference_counts_characters() -> None:
    designation = '{authority: "é北", programme: FTO, source: s}'
    item = f'  - {{name: "é北", id: p, source: s, designations: [{designation}]}}\n'
    text = CLEAN.replace("organisations:\n", "organisations:\n" + item)
    quick = agree(text)
    assert quick is not None
    designation_origin = quick.organisations[0].designations[0].origin
    assert (designation_origin.line, designation_origin.column) == (7, 51)


def test_full_line_comments_may_hold_any_character() -> None:
    assert agree("# `fto-brief schema` & *stars* !important @you ?\n" + CLEAN) is not None
    assert agree(CLEAN.replace("  - id: o", "  # &a *b !c\n  - id: o")) is not None
    # After a value, a '#' may be inside quotes: the rest of the line is still read.
    assert fast(CLEAN.replace("title: T", 'title: "T #" # &a')) is None


def test_comment_before_the_first_key_keeps_the_key_as_origin() -> None:
    quick = agree(CLEAN.replace("- id: o", "- # note\n    id: o"))
    assert quick is not None
    assert (quick.organisations[0].origin.line, quick.organisations[0].origin.column) == (8, 5)


def test_block_scalars_lose_their_final_line_break_as_in_the_precise_path() -> None:
    text = CLEAN.replace(
        "name: O", 'name: |\n      Two\n      lines\n    description: "kept \\"as\\" is"'
    )
    quick = agree(text)
    assert quick is not None
    assert quick.organisations[0].name == "Two\nlines"


def test_flow_mapping_over_lines_with_crlf_has_its_brace_as_origin() -> None:
    item = "  - {\r\n      id: o, name: O,\r\n      source: s}\r\n"
    text = CLEAN.replace("  - id: o\n    name: O\n    source: s\n", item).replace("\n", "\r\n")
    text = text.replace("\r\r\n", "\r\n")
    quick = agree(text)
    assert quick is not None
    assert (quick.organisations[0].origin.line, quick.organisations[0].origin.column) == (7, 5)


def test_flow_mapping_origin_is_its_brace() -> None:
    text = CLEAN.replace("  - id: o\n    name: O\n    source: s", "  - {id: o, name: O, source: s}")
    quick = agree(text)
    assert quick is not None
    assert (quick.organisations[0].origin.line, quick.organisations[0].origin.column) == (7, 5)


def test_syntax_error_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    assert fast(CLEAN + "bad: [unclosed\n") is None
    assert fast(CLEAN.replace("  title: T", "  title: T\n bad")) is None
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


@pytest.mark.parametrize("depth", [1_000, 30_000])
def test_deep_nesting_is_declined_without_harm(
    depth: int, capfd: pytest.CaptureFixture[str]
) -> None:
    block = "a:\n" + "".join(" " * i + "-\n" for i in range(depth))
    assert fast(block) is None
    flow = "a: " + "[" * depth + "]" * depth + "\n"
    assert fast(flow) is None
    assert capfd.readouterr() == ("", "")


def test_loader_uses_the_fast_path_for_large_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    write(str(path), 0.4)
    assert path.stat().st_size >= fastload.MIN_BYTES
    calls: list[str] = []
    original = fastload.content

    def counted(source: Any, data: bytes) -> FileContent | None:
        result = original(source, data)
        calls.append("fast" if result is not None else "declined")
        return result

    monkeypatch.setattr(fastload, "content", counted)
    quick = load_file(path)
    assert calls == ["fast"]
    monkeypatch.setattr(fastload, "MIN_BYTES", 1 << 40)
    slow = load_file(path)
    assert calls == ["fast"]
    assert quick.problems == slow.problems == ()
    assert quick.info == slow.info
    assert list(quick.entities()) == list(slow.entities())
    assert quick.references.targets == slow.references.targets
    assert quick.references.kinds == slow.references.kinds

"""Every problem the loader reports, at its exact line and column.

Each test writes a small briefing to a temporary directory, loads it, and checks the problem's
code, severity, position and the key words of its message. Columns count characters, not
bytes, and lines end only at line feeds and carriage returns (not at U+2028).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fto_tui.loader import FileLoad, discover, load, load_file
from fto_tui.model import QuoteKind
from fto_tui.problems import Category, Problem, Severity
from tests.privileges import as_ordinary_root

HEAD = "briefing:\n  title: Test\n"
SOURCE = "sources:\n  - id: src\n    title: A source\n"


def write(tmp_path: Path, content: str | bytes, name: str = "b.yaml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def loaded(tmp_path: Path, content: str | bytes, name: str = "b.yaml") -> FileLoad:
    return load_file(write(tmp_path, content, name))


def problems(tmp_path: Path, content: str | bytes, name: str = "b.yaml") -> list[Problem]:
    """The problems of one file, its references to other entities resolved as well."""
    return list(load([write(tmp_path, content, name)]).problems)


def one(found: list[Problem], code: str) -> Problem:
    matching = [p for p in found if p.code == code]
    assert len(matching) == 1, f"expected one {code!r} problem, got {found}"
    return matching[0]


def check(
    problem: Problem,
    line: int,
    column: int,
    severity: Severity = Severity.ERROR,
    *words: str,
) -> None:
    assert (problem.line, problem.column) == (line, column), problem.format()
    assert problem.severity is severity, problem.format()
    text = problem.format()
    for word in words:
        assert word in text, f"{word!r} not in {text!r}"


def finishes(action: Callable[[], Any], seconds: float = 10.0) -> Any:
    """Run ``action`` in a thread and fail (rather than hang the run) if it does not return."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(action()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the loader did not return"
    return result[0]


# -- a clean file ----------------------------------------------------------------------------------


def test_a_valid_briefing_has_no_problems(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + (
            "organisations:\n  - id: org\n    name: Org\n    source: src\n"
            "speakers:\n  - id: marco-rubio\n    name: Marco Rubio\n    source: src\n"
            "quotes:\n  - speaker: marco-rubio\n    text: Words.\n    source: src\n"
            "events:\n  - date: 2025-02-20\n    title: Something\n    source: src\n"
        )
    )
    assert problems(tmp_path, text) == []


# -- YAML syntax -----------------------------------------------------------------------------------


def test_yaml_syntax_tab_indentation(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n\ttitle: T\n"), "yaml-syntax")
    check(p, 2, 1, Severity.ERROR, "YAML syntax", "cannot start any token")


def test_yaml_syntax_after_multibyte_text(tmp_path: Path) -> None:
    # "日本語" is 9 bytes but 3 characters: the ':' is the 13th character of the line.
    p = one(problems(tmp_path, "briefing:\n  title: 日本語: x\n"), "yaml-syntax")
    check(p, 2, 13, Severity.ERROR, "mapping values are not allowed")


def test_yaml_syntax_unclosed_flow_names_where_it_opened(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: [a, b\n"), "yaml-syntax")
    check(p, 3, 1, Severity.ERROR, "expected ',' or ']'", "line 2, column 10")


def test_plain_u2028_is_a_syntax_error_positioned_without_line_drift(tmp_path: Path) -> None:
    # YAML parsers break lines at U+2028; editors do not. The position is in editor lines:
    # the file has two lines, and 'b' is the 12th character of line 2.
    p = one(problems(tmp_path, "briefing:\n  title: a\u2028b\n"), "yaml-syntax")
    check(p, 3, 1, Severity.ERROR, "line 2, column 12")


# -- types, fields, keys ---------------------------------------------------------------------------


def test_wrong_type_section_is_a_mapping(tmp_path: Path) -> None:
    p = one(problems(tmp_path, HEAD + "sources: {a: b}\n"), "wrong-type")
    check(p, 3, 10, Severity.ERROR, "'sources' must be a list of sources", "found a mapping")


def test_wrong_type_text_where_a_list_is_expected(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "organisations:\n  - id: o\n    name: N\n    aliases: TdA\n    source: src\n"
    )
    p = one(problems(tmp_path, text), "wrong-type")
    check(p, 9, 14, Severity.ERROR, "'aliases' must be a list of text", "'TdA'")


def test_wrong_type_list_where_text_is_expected(tmp_path: Path) -> None:
    p = one(problems(tmp_path, HEAD + "sources:\n  - id: s\n    title: [a]\n"), "wrong-type")
    check(p, 5, 12, Severity.ERROR, "'title' must be text", "found a list")


def test_wrong_type_both_source_and_sources(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + ("organisations:\n  - id: o\n    name: N\n    source: src\n    sources: [src]\n")
    )
    p = one(problems(tmp_path, text), "wrong-type")
    check(p, 10, 5, Severity.ERROR, "either 'source' or 'sources', not both")


def test_wrong_type_key_that_is_not_text(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: T\n  ? [a, b]\n  : c\n"), "wrong-type")
    check(p, 3, 5, Severity.ERROR, "keys must be plain text")


def test_a_file_without_a_briefing_section_is_part_of_the_briefing_loaded_with_it(
    tmp_path: Path,
) -> None:
    assert problems(tmp_path, "sources: []\n") == []


def test_missing_required_field_points_at_the_item(tmp_path: Path) -> None:
    text = HEAD + "organisations:\n  - id: o\n    source: x\n"
    p = one(list(loaded(tmp_path, text).problems), "missing-field")
    check(p, 4, 5, Severity.ERROR, "organisation is missing required field 'name'")


def test_missing_value_points_at_the_empty_value(tmp_path: Path) -> None:
    text = HEAD + "organisations:\n  - id: o\n    name: ''\n    description: \"  \"\n"
    found = [p for p in loaded(tmp_path, text).problems if p.code == "missing-field"]
    assert len(found) == 2
    check(found[0], 5, 12, Severity.ERROR, "'name' needs a value")
    check(found[1], 6, 19, Severity.ERROR, "'description' needs a value")


def test_duplicate_key(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: A\n  title: B\n"), "duplicate-key")
    check(p, 3, 3, Severity.ERROR, "duplicate key 'title'", "first given at line 2, column 3")


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    text = HEAD + "organisations:\n  - id: o\n    name: N\n    nmae: M\n"
    p = one(problems(tmp_path, text), "unknown-key")
    check(
        p, 6, 5, Severity.WARNING, "unknown key 'nmae' in an organisation", "did you mean 'name'?"
    )


def test_unknown_key_without_a_close_match_lists_the_known_keys(tmp_path: Path) -> None:
    p = one(problems(tmp_path, HEAD + "zzz: 1\n"), "unknown-key")
    check(p, 3, 1, Severity.WARNING, "unknown key 'zzz'", "known keys: briefing, sources")


def test_unknown_value_with_did_you_mean(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "organisations:\n  - id: o\n    name: N\n    kind: cartell\n    source: src\n"
    )
    p = one(problems(tmp_path, text), "unknown-value")
    check(p, 9, 11, Severity.ERROR, "unknown organisation kind 'cartell'", "did you mean 'cartel'?")


def test_unknown_value_lists_the_choices(tmp_path: Path) -> None:
    text = HEAD + "quotes:\n  - speaker: x\n    text: hi\n    kind: verbatim\n"
    p = one(list(loaded(tmp_path, text).problems), "unknown-value")
    check(p, 6, 11, Severity.ERROR, "unknown quote kind 'verbatim'", "one of: direct, paraphrase")


# -- ids and references ----------------------------------------------------------------------------


def test_bad_id_after_multibyte_text_in_a_flow_mapping(tmp_path: Path) -> None:
    text = HEAD + 'sources:\n  - {title: "日本語", id: Bad_Id}\n'
    p = one(problems(tmp_path, text), "bad-id")
    check(p, 4, 24, Severity.ERROR, "'Bad_Id' is not a valid id", "like 'bad-id'")


def test_bad_reference_id(tmp_path: Path) -> None:
    text = HEAD + "quotes:\n  - speaker: Marco Rubio\n    text: hi\n"
    p = one(problems(tmp_path, text), "bad-id")
    words = "'Marco Rubio' is not a valid organisation or speaker id"
    check(p, 4, 14, Severity.ERROR, words, "'marco-rubio'")


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    text = HEAD + "sources:\n  - id: s\n    title: A\n  - id: s\n    title: B\n"
    path = write(tmp_path, text)
    p = one(list(load([path]).problems), "duplicate-id")
    check(p, 6, 5, Severity.ERROR, "duplicate source id 's'", f"first defined at {path}:4:5")


def test_duplicate_id_in_one_file_even_when_identical(tmp_path: Path) -> None:
    text = HEAD + "sources:\n  - id: s\n    title: A\n  - id: s\n    title: A\n"
    p = one(problems(tmp_path, text), "duplicate-id")
    check(p, 6, 5, Severity.ERROR, "duplicate source id 's'")


def test_duplicate_id_across_kinds(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "speakers:\n  - id: src\n    name: N\n    source: src\n"
    path = write(tmp_path, text)
    p = one(list(load([path]).problems), "duplicate-id")
    check(p, 7, 5, Severity.ERROR, "id 'src' is already used by source", f"{path}:4:5")


def test_unknown_reference_with_did_you_mean(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + (
            "speakers:\n  - id: marco-rubio\n    name: Marco Rubio\n    source: src\n"
            "quotes:\n  - speaker: marco-rubbio\n    text: hello\n    source: src\n"
        )
    )
    path = write(tmp_path, text)
    p = one(list(load([path]).problems), "unknown-reference")
    check(p, 11, 14, Severity.ERROR)
    assert p.format() == (
        f"{path}:11:14: error: unknown organisation or speaker 'marco-rubbio'"
        " — did you mean 'marco-rubio'?"
    )


def test_unknown_reference_without_a_close_match(tmp_path: Path) -> None:
    text = HEAD + "speakers:\n  - id: x\n    name: N\n    source: nowhere\n"
    p = one(problems(tmp_path, text), "unknown-reference")
    check(p, 6, 13, Severity.ERROR, "unknown source 'nowhere'")
    assert p.hint is None


def test_wrong_reference_kind(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + (
            "speakers:\n  - id: x\n    name: N\n    source: src\n"
            "    roles:\n      - title: Minister\n        organisation: src\n"
        )
    )
    p = one(problems(tmp_path, text), "wrong-reference")
    check(p, 12, 23, Severity.ERROR, "'src' is a source, not an organisation")


# -- dates -----------------------------------------------------------------------------------------


def test_bad_date_points_into_the_date_after_multibyte_text(tmp_path: Path) -> None:
    text = HEAD + 'events:\n  - {title: "日本語", date: 2025-02-30}\n'
    p = one(problems(tmp_path, text), "bad-date")
    # The date starts at column 26; the day '30' is 8 characters in.
    check(p, 4, 34, Severity.ERROR, "'2025-02-30' is not a valid date", "February 2025 has 28 days")


def test_bad_date_in_quotes_counts_from_inside_the_quotes(tmp_path: Path) -> None:
    text = HEAD + 'events:\n  - {title: "日本語", date: "2025-13"}\n'
    p = one(problems(tmp_path, text), "bad-date")
    check(p, 4, 32, Severity.ERROR, "there is no month 13")


def test_bad_date_suggests_the_edtf_form(tmp_path: Path) -> None:
    text = HEAD + "events:\n  - title: x\n    date: 20 Feb 2025\n"
    p = one(problems(tmp_path, text), "bad-date")
    check(p, 5, 11, Severity.ERROR, "'20 Feb 2025'", "EDTF", "2025-02-20")


def test_bad_date_two_qualifiers(tmp_path: Path) -> None:
    text = HEAD + "sources:\n  - {id: s, title: T, published: 2019?~}\n"
    p = one(problems(tmp_path, text), "bad-date")
    check(p, 4, 39, Severity.ERROR, "write % for uncertain and approximate: 2019%")


# -- documents and the top level -------------------------------------------------------------------


def test_two_documents(tmp_path: Path) -> None:
    text = "---\nbriefing: {title: T}\n---\nb: 2\n"
    p = one(problems(tmp_path, text), "document-count")
    check(p, 3, 1, Severity.ERROR, "exactly one YAML document")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_no_document(tmp_path: Path, text: str) -> None:
    p = one(problems(tmp_path, text), "document-count")
    check(p, 1, 1, Severity.ERROR, "no YAML document")


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n"])
def test_top_level_not_a_mapping(tmp_path: Path, text: str) -> None:
    p = one(problems(tmp_path, text), "top-level")
    check(p, 1, 1, Severity.ERROR, "top level of a briefing must be a mapping")


def test_briefing_that_is_not_a_mapping(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing: x\n"), "wrong-type")
    check(p, 1, 11, Severity.ERROR, "a briefing must be a mapping")


# -- encodings, characters, line ends --------------------------------------------------------------


def test_utf8_bom_and_crlf_load_cleanly(tmp_path: Path) -> None:
    text = "\ufeffbriefing:\r\n  title: Test\r\n  as_of: 2025-02\r\n" + SOURCE.replace("\n", "\r\n")
    result = loaded(tmp_path, text)
    assert result.problems == ()
    assert result.info is not None
    assert result.info.title == "Test"
    assert result.sources[0].title == "A source"


def test_positions_after_a_bom_do_not_count_it(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "\ufeffbriefing:\n  title: T\n  titel: x\n"), "unknown-key")
    check(p, 3, 3, Severity.WARNING, "did you mean 'title'?")


def test_positions_after_crlf_lines(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\r\n  title: T\r\n  titel: x\r\n"), "unknown-key")
    check(p, 3, 3, Severity.WARNING)


def test_positions_after_cr_only_lines(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\r  title: T\r  titel: x\r"), "unknown-key")
    check(p, 3, 3, Severity.WARNING)


def test_utf16_file_is_an_encoding_error(tmp_path: Path) -> None:
    p = one(problems(tmp_path, (HEAD).encode("utf-16")), "encoding")
    check(p, 1, 1, Severity.ERROR, "UTF-16", "must be UTF-8")


def test_utf32_file_is_an_encoding_error(tmp_path: Path) -> None:
    p = one(problems(tmp_path, (HEAD).encode("utf-32")), "encoding")
    check(p, 1, 1, Severity.ERROR, "UTF-32")


def test_utf16_without_a_bom_is_refused_at_its_first_nul(tmp_path: Path) -> None:
    p = one(problems(tmp_path, HEAD.encode("utf-16-le")), "control-character")
    check(p, 1, 2, Severity.ERROR, "U+0000 (NUL)")


def test_invalid_utf8_is_positioned_in_characters(tmp_path: Path) -> None:
    data = "briefing:\n  title: éé".encode() + b"\xff\n"
    p = one(problems(tmp_path, data), "encoding")
    check(p, 2, 12, Severity.ERROR, "not valid UTF-8", "0xFF")


def test_invalid_utf8_after_a_lone_carriage_return(tmp_path: Path) -> None:
    p = one(problems(tmp_path, b"briefing:\r  title: \xc3\xa9\x80\r"), "encoding")
    check(p, 2, 11, Severity.ERROR, "0x80")


def test_position_at_the_end_of_a_file_without_a_final_line_break(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "---"), "top-level")
    check(p, 1, 4, Severity.ERROR)
    p = one(problems(tmp_path, "briefing:\n  title: T\nsources:\n  -"), "wrong-type")
    check(p, 4, 4, Severity.ERROR, "a source must be a mapping")


def test_raw_control_character_after_multibyte_text(tmp_path: Path) -> None:
    text = HEAD + 'sources:\n  - id: s\n    title: "日本語" \x1b[31m\n'
    p = one(problems(tmp_path, text), "control-character")
    check(p, 5, 18, Severity.ERROR, "U+001B (ESC)", "not allowed")


def test_raw_next_line_character_is_refused(tmp_path: Path) -> None:
    p = one(problems(tmp_path, HEAD + "\x85"), "control-character")
    check(p, 3, 1, Severity.ERROR, "U+0085 (NEL)")


def test_escaped_control_character_in_a_quoted_string(tmp_path: Path) -> None:
    text = HEAD + 'sources:\n  - id: s\n    title: "é\\x07"\n'
    p = one(problems(tmp_path, text), "control-character")
    check(p, 5, 13, Severity.ERROR, "U+0007", "'title'")


def test_escaped_bidi_override_is_a_warning(tmp_path: Path) -> None:
    text = HEAD + 'sources:\n  - id: s\n    title: "é\\u202E"\n'
    p = one(problems(tmp_path, text), "bidi-control")
    check(p, 5, 13, Severity.WARNING, "U+202E", "misleading order")


def test_raw_bidi_override_is_a_warning(tmp_path: Path) -> None:
    text = HEAD + "sources:\n  - id: s\n    title: é\u202eabc\n"
    p = one(problems(tmp_path, text), "bidi-control")
    check(p, 5, 12, Severity.WARNING, "U+202E")


def test_quoted_u2028_does_not_shift_later_lines(tmp_path: Path) -> None:
    text = HEAD + 'sources:\n  - id: s\n    title: "a\u2028b"\n  - id: Bad\n    title: T\n'
    p = one(problems(tmp_path, text), "bad-id")
    check(p, 6, 9, Severity.ERROR, "'Bad'")


def test_quoted_u2028_counts_as_one_column(tmp_path: Path) -> None:
    text = HEAD + 'sources:\n  - {title: "a\u2028b", id: Bad}\n'
    p = one(problems(tmp_path, text), "bad-id")
    check(p, 4, 24, Severity.ERROR)
    assert (
        loaded(tmp_path, HEAD + 'sources:\n  - {title: "a\u2028b", id: s}\n').sources[0].title
        == "a\u2028b"
    )


# -- what YAML allows and a briefing refuses -------------------------------------------------------


def test_anchor(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: &t T\n  summary: x\n"), "alias")
    check(p, 2, 10, Severity.ERROR, "anchors (&t) are not allowed")


def test_alias_of_a_defined_anchor_reports_the_anchor_first(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: &t T\n  summary: *t\n"), "alias")
    check(p, 2, 10, Severity.ERROR, "anchors (&t)")


def test_undefined_alias(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: T\n  summary: *t\n"), "alias")
    check(p, 3, 12, Severity.ERROR, "aliases are not allowed")


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    p = one(finishes(lambda: problems(tmp_path, "\n".join(lines) + "\n")), "alias")
    check(p, 1, 5, Severity.ERROR, "anchors (&a0)")


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing: &a [*a]\n"), "alias")
    check(p, 1, 11, Severity.ERROR, "anchors (&a)")


def test_python_tag_is_refused_and_nothing_is_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "constructed"
    text = f"briefing: !!python/object/apply:os.system ['touch {marker}']\n"
    p = one(problems(tmp_path, text), "tag")
    check(p, 1, 11, Severity.ERROR, "explicit YAML tags (!!python/object/apply:os.system)")
    assert not marker.exists()


def test_int_tag_on_a_text_field(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: !!int 5\n"), "tag")
    check(p, 2, 10, Severity.ERROR, "(!!int)", "remove the tag")


def test_local_tag(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  title: !foo 5\n"), "tag")
    check(p, 2, 10, Severity.ERROR, "(!foo)")


def test_tag_under_an_unknown_key_is_still_an_error(tmp_path: Path) -> None:
    text = HEAD + "x:\n  y: [a, {b: !!python/object/apply:os.system [ls]}]\n"
    found = problems(tmp_path, text)
    check(one(found, "unknown-key"), 3, 1, Severity.WARNING)
    check(one(found, "tag"), 4, 14, Severity.ERROR, "!!python/object/apply:os.system")


def test_merge_key(tmp_path: Path) -> None:
    p = one(problems(tmp_path, "briefing:\n  <<: {title: X}\n  title: T\n"), "merge-key")
    check(p, 2, 3, Severity.ERROR, "merge keys (<<) are not allowed")


def test_too_deep_under_an_unknown_key(tmp_path: Path) -> None:
    # The top-level mapping is level 1, so the 100th '[' (column 103) is level 101.
    deep = HEAD + "x: " + "[" * 100 + "]" * 100 + "\n"
    p = one(problems(tmp_path, deep), "too-deep")
    check(p, 3, 103, Severity.ERROR, "deeper than 100 levels")
    shallow = HEAD + "x: " + "[" * 99 + "]" * 99 + "\n"
    assert [p.code for p in problems(tmp_path, shallow)] == ["unknown-key"]


def test_too_deep_flow_nesting_in_a_large_file(tmp_path: Path) -> None:
    # libyaml reads ahead over a run of opening brackets and stops at its own limit of 1,000
    # levels (the 1,000th '[' is at column 1003) before our scan reaches level 101.
    text = HEAD + "x: " + "[" * 5000 + "]" * 5000 + "\n"
    p = one(problems(tmp_path, text), "too-deep")
    check(p, 3, 1003, Severity.ERROR, "nesting deeper than the YAML parser allows")


def test_too_deep_block_nesting(tmp_path: Path) -> None:
    # '- - - ...': the k-th dash is at column 3 + 2(k-1) and level k + 1.
    text = HEAD + "x:\n  " + "- " * 3000 + "x\n"
    p = one(problems(tmp_path, text), "too-deep")
    check(p, 4, 201, Severity.ERROR, "deeper than 100 levels")


def test_extreme_nesting_does_not_crash_the_process(tmp_path: Path) -> None:
    # Composing this with libyaml recurses in C once per level: without care, enough levels
    # overflow the C stack and kill the process. Run it apart from the test process, so that
    # a crash fails this test only. (Block nesting: libyaml scans deep flow nesting, '[[[[',
    # in time that grows with the square of the depth.)
    path = write(tmp_path, HEAD + "x:\n  " + "- " * 100_000 + "x\n")
    code = (
        "import sys; from fto_tui.loader import load_file; "
        "print(' '.join(p.code for p in load_file(sys.argv[1]).problems))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert "too-deep" in run.stdout.split()


# -- files -----------------------------------------------------------------------------------------


def test_file_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + SOURCE)
    size = path.stat().st_size
    p = one(list(load_file(path, max_bytes=size - 1).problems), "file-too-large")
    check(p, 1, 1, Severity.ERROR, f"limit of {size - 1:,} bytes", "split it")
    assert load_file(path, max_bytes=size).problems == ()


def test_not_a_file_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = finishes(lambda: load_file(fifo))
    check(one(list(result.problems), "not-a-file"), 1, 1, Severity.ERROR, "a FIFO")


def test_not_a_file_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    p = one(list(load_file(folder).problems), "not-a-file")
    check(p, 1, 1, Severity.ERROR, "it is a directory")


def test_not_a_file_dev_zero_through_a_symlink(tmp_path: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    result = finishes(lambda: load_file(link))
    check(one(list(result.problems), "not-a-file"), 1, 1, Severity.ERROR, "device")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    p = one(list(load_file(path).problems), "missing-file")
    check(p, 1, 1, Severity.ERROR, "no such file")
    assert p.path == str(path)
    assert [q.code for q in load([path]).problems] == ["missing-file"]


def test_empty_directory_is_a_missing_file(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    p = one(list(load([tmp_path / "empty"]).problems), "missing-file")
    check(p, 1, 1, Severity.ERROR, "no .yaml or .yml files")


def test_unreadable_symlink_loop(tmp_path: Path) -> None:
    link = tmp_path / "loop.yaml"
    link.symlink_to(link)
    p = one(list(load_file(link).problems), "unreadable")
    check(p, 1, 1, Severity.ERROR, "too many levels of symbolic links")


def test_unreadable_path_through_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    p = one(list(load_file(path / "x.yaml").problems), "unreadable")
    check(p, 1, 1, Severity.ERROR, "not a directory")


def test_unreadable_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD)
    path.chmod(0)
    try:
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # Root reads any file: load it in a process that is root without that power.
            prefix = as_ordinary_root()
            if prefix is None:
                pytest.skip("root reads files it has no permission for, and setpriv is missing")
            code = (
                "import sys; from fto_tui.loader import load_file; "
                "p = load_file(sys.argv[1]).problems[0]; "
                "print(p.code, p.line, p.column, p.message, sep='|')"
            )
            run = subprocess.run(
                [*prefix, sys.executable, "-c", code, str(path)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert run.returncode == 0, run.stderr
            code_, line, column, message = run.stdout.strip().split("|")
            assert (code_, int(line), int(column)) == ("unreadable", 1, 1)
            assert "permission denied" in message
            return
        p = one(list(load_file(path).problems), "unreadable")
    finally:
        path.chmod(0o644)
    check(p, 1, 1, Severity.ERROR, "permission denied")


# -- warnings --------------------------------------------------------------------------------------


def test_no_source(tmp_path: Path) -> None:
    text = HEAD + "organisations:\n  - id: o\n    name: N\n"
    p = one(problems(tmp_path, text), "no-source")
    check(p, 4, 5, Severity.WARNING, "organisation 'o' cites no source", "add 'source:")


def test_no_source_names_a_derived_quote_id(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + (
            "speakers:\n  - id: x\n    name: N\n    source: src\n"
            "quotes:\n  - speaker: x\n    text: hi\n"
        )
    )
    result = loaded(tmp_path, text)
    p = one(list(result.problems), "no-source")
    check(p, 11, 5, Severity.WARNING, f"quote '{result.quotes[0].id}' cites no source")
    assert result.quotes[0].id.startswith("x-")


def test_sources_themselves_need_no_source(tmp_path: Path) -> None:
    assert problems(tmp_path, HEAD + SOURCE) == []


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd"]
)
def test_url_scheme(tmp_path: Path, url: str) -> None:
    text = HEAD + f"sources:\n  - id: s\n    title: T\n    url: {url}\n"
    p = one(problems(tmp_path, text), "url-scheme")
    check(p, 6, 10, Severity.WARNING, f"URL '{url}'", "not an http or https address")


def test_http_and_https_urls_are_fine(tmp_path: Path) -> None:
    text = HEAD + (
        "sources:\n  - id: s\n    title: T\n    url: https://example.org/a\n"
        "  - id: t\n    title: T\n    url: HTTP://example.org/b\n"
    )
    assert problems(tmp_path, text) == []


def test_too_many_problems(tmp_path: Path) -> None:
    text = HEAD + "".join(f"k{i}: v\n" for i in range(250))
    found = list(loaded(tmp_path, text).problems)
    assert len(found) == 201
    assert all(p.code == "unknown-key" for p in found[:200])
    # The cap is reported where the 200th problem is: k199 on line 3 + 199.
    check(found[-1], 202, 1, Severity.ERROR, "stopped after 200 problems")
    assert found[-1].code == "too-many-problems"


def test_too_many_reference_problems(tmp_path: Path) -> None:
    quotes = "".join(
        f"  - speaker: nobody-{i}\n    text: words {i}\n    source: src\n" for i in range(250)
    )
    path = write(tmp_path, HEAD + SOURCE + "quotes:\n" + quotes)
    found = list(load([path]).problems)
    assert {p.code for p in found[:-1]} == {"unknown-reference"}
    last = found[-1]
    assert last.code == "too-many-problems"
    # Quote i's speaker is on line 7 + 3i; the cap is reported at the 200th reference.
    check(last, 7 + 3 * 199, 14, Severity.ERROR, "stopped after 200 reference problems")


# -- values are text as written --------------------------------------------------------------------


def test_yaml_11_look_alikes_stay_as_written(tmp_path: Path) -> None:
    text = (
        "briefing:\n  title: NO\n  language: no\n  summary: null\n"
        "sources:\n  - id: s\n    title: yes\n"
        "organisations:\n"
        "  - id: 012\n    name: on\n    description: ~\n    source: s\n"
        "    aliases: [NO, yes, on, Off, 1:20, 012, 0x1F, 1.10, ~, null, .inf, 1e3, 2025-02-20]\n"
        "events:\n  - date: 2025-02-20\n    title: 1:20\n    source: s\n"
    )
    result = loaded(tmp_path, text)
    assert result.problems == ()
    assert result.info is not None
    assert (result.info.title, result.info.language, result.info.summary) == ("NO", "no", "null")
    assert result.sources[0].title == "yes"
    org = result.organisations[0]
    assert (org.id, org.name, org.description) == ("012", "on", "~")
    assert org.aliases == (
        "NO",
        "yes",
        "on",
        "Off",
        "1:20",
        "012",
        "0x1F",
        "1.10",
        "~",
        "null",
        ".inf",
        "1e3",
        "2025-02-20",
    )
    event = result.events[0]
    assert event.title == "1:20"
    assert event.date.text == "2025-02-20"
    assert event.date.display() == "20 Feb 2025"


def test_quote_kind_defaults_to_direct_and_paraphrase_is_kept(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + (
            "speakers:\n  - id: x\n    name: N\n    source: src\n"
            "quotes:\n  - speaker: x\n    text: a\n    source: src\n"
            "  - speaker: x\n    text: b\n    kind: paraphrase\n    source: src\n"
        )
    )
    result = loaded(tmp_path, text)
    assert result.problems == ()
    assert [q.kind for q in result.quotes] == [QuoteKind.DIRECT, QuoteKind.PARAPHRASE]


# -- several files ---------------------------------------------------------------------------------


def test_identical_definitions_in_two_files_merge(tmp_path: Path) -> None:
    first = write(tmp_path, HEAD + SOURCE, "a.yaml")
    second = write(
        tmp_path,
        "briefing:\n  title: Second\n"
        + SOURCE
        + "speakers:\n  - id: x\n    name: N\n    source: src\n",
        "b.yaml",
    )
    result = load([first, second])
    assert result.problems == ()
    assert [s.id for s in result.collection.sources] == ["src"]


def test_a_reference_into_a_file_that_failed_to_load_is_reported_once_per_file(
    tmp_path: Path,
) -> None:
    broken = write(tmp_path, HEAD + SOURCE + "organisations:\n  - id: o\n    name: [\n", "a.yaml")
    text = "speakers:\n" + "".join(
        f"  - id: s{n}\n    name: N\n    affiliations: [o, p]\n" for n in range(3)
    )
    second = write(tmp_path, text, "b.yaml")
    result = load([second, broken])
    assert result.problems[0].code == "yaml-syntax"
    p = one(list(result.problems), "failed-reference")
    assert p.category is Category.REFERENCE
    check(
        p,
        4,
        20,
        Severity.ERROR,
        "'o' and 2 more references defined in a.yaml, which failed to load at 9:1",
    )
    # An id not in the broken file's text is unknown, with no did-you-mean pointing elsewhere.
    unknown = [q for q in result.problems if q.code == "unknown-reference"]
    assert len(unknown) == 3
    assert all(q.hint == "a.yaml failed to load and may define it" for q in unknown)


def test_references_resolve_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, HEAD + SOURCE, "a.yaml")
    second = write(
        tmp_path,
        "briefing:\n  title: Second\nspeakers:\n  - id: x\n    name: N\n    source: src\n",
        "b.yaml",
    )
    assert load([first, second]).problems == ()
    p = one(list(load([second]).problems), "unknown-reference")
    check(p, 6, 13, Severity.ERROR, "unknown source 'src'")


def test_differing_values_in_two_files_are_a_conflict_warning(tmp_path: Path) -> None:
    first = write(tmp_path, HEAD + SOURCE, "a.yaml")
    second = write(
        tmp_path, "briefing:\n  title: Second\nsources:\n  - id: src\n    title: Other\n", "b.yaml"
    )
    result = load([first, second])
    p = one(list(result.problems), "conflict")
    assert p.path == str(second)
    assert p.category is Category.MERGE
    check(
        p,
        4,
        5,
        Severity.WARNING,
        f"source 'src': 'title' is 'Other' here but 'A source' at {first}:4:5",
    )
    assert [s.title for s in result.collection.sources] == ["A source"]
    strict = load([first, second], strict=True)
    assert one(list(strict.problems), "conflict").severity is Severity.ERROR


def test_directory_loading(tmp_path: Path) -> None:
    root = tmp_path / "root"
    outside = tmp_path / "outside"
    write(outside, HEAD + "sources:\n  - id: outside\n    title: O\n", "z.yaml")
    a = write(root, HEAD + SOURCE, "a.yaml")
    b = write(root, "briefing:\n  title: B\nsources:\n  - id: b\n    title: B\n", "sub/b.yml")
    c = write(
        root, "briefing:\n  title: C\nsources:\n  - id: c\n    title: C\n", "sub/deeper/c.yaml"
    )
    write(root, "not: a briefing\n", "notes.txt")
    write(root, "briefing: [broken\n", ".hidden/h.yaml")
    (root / "loop").symlink_to(root)  # a loop back to the top
    (root / "sub" / "up").symlink_to(root / "sub")
    (root / "out").symlink_to(outside)  # a directory outside
    (root / "out.yaml").symlink_to(outside / "z.yaml")  # a file outside
    (root / "again.yaml").symlink_to(a)  # the same file under another name

    files, found = finishes(lambda: discover([root, a]))
    assert found == []
    assert sorted(files) == sorted([str(a), str(b), str(c)])
    result = load([root])
    assert result.problems == ()
    assert {s.id for s in result.collection.sources} == {"src", "b", "c"}
    assert len(result.files) == 3


def test_the_same_file_twice_is_loaded_once(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + SOURCE)
    result = load([path, path, tmp_path / "." / "b.yaml", tmp_path])
    assert result.problems == ()
    assert len(result.files) == 1


# -- FollowTheMoney entity streams: problems at the JSON line -----------------------------

ORG_LINE = '{"id": "o1", "schema": "Organization", "properties": {"name": ["Guard Corps"]}}\n'


def test_ftm_a_malformed_line_is_skipped_at_its_line(tmp_path: Path) -> None:
    found = loaded(tmp_path, ORG_LINE + '{"id": "o2", "schema": \n', "e.ftm.json")
    assert found.ok
    check(one(list(found.problems), "ftm-malformed"), 2, 1, Severity.WARNING, "line skipped")
    assert [o.id for o in found.organisations] == ["o1"]


@pytest.mark.parametrize(
    "line",
    [
        b"[1, 2]",
        b'{"id": 7, "schema": "Person"}',
        b'{"id": "x", "schema": "Person", "properties": {"name": "not a list"}}',
        b'{"id": "x", "schema": "Person", "properties": {"name": ["\xff"]}}',
        b"not json at all",
    ],
)
def test_ftm_lines_that_are_not_entities_are_problems(tmp_path: Path, line: bytes) -> None:
    found = loaded(tmp_path, ORG_LINE.encode() + b"\n" + line + b"\n", "e.jsonl")
    check(one(list(found.problems), "ftm-malformed"), 3, 1, Severity.WARNING)
    assert [o.id for o in found.organisations] == ["o1"]


def test_ftm_a_file_with_no_entities_is_an_error(tmp_path: Path) -> None:
    found = loaded(tmp_path, "\n\n", "e.ijson")
    check(one(list(found.problems), "ftm-malformed"), 1, 1, Severity.ERROR, "no FtM entities")


def test_ftm_a_pretty_printed_document_is_an_error_not_an_empty_briefing(
    tmp_path: Path,
) -> None:
    content = '{\n  "id": "o1",\n  "schema": "Organization"\n}\n'
    found = loaded(tmp_path, content, "e.ftm.json")
    assert not found.ok
    check(found.problems[0], 1, 1, Severity.ERROR, "no FtM entities", "one JSON entity per line")
    assert {p.line for p in found.problems[1:]} == {1, 2, 3, 4}


def test_ftm_an_unknown_schema_is_a_problem(tmp_path: Path) -> None:
    found = loaded(
        tmp_path, ORG_LINE + '{"id": "z", "schema": "Spaceship", "properties": {}}\n', "e.jsonl"
    )
    problem = one(list(found.problems), "ftm-unknown-schema")
    check(problem, 2, 1, Severity.WARNING, "unknown FtM schema 'Spaceship'")


def test_ftm_a_dangling_reference_is_a_problem(tmp_path: Path) -> None:
    sanction = '{"id": "s1", "schema": "Sanction", "properties": {"entity": ["gone"]}}\n'
    found = loaded(tmp_path, ORG_LINE + sanction, "e.ftm.json")
    problem = one(list(found.problems), "ftm-dangling-reference")
    check(problem, 2, 1, Severity.WARNING, "'gone'", "'entity'", "left out")
    assert found.organisations[0].designations == ()


def test_ftm_unmapped_entities_are_counted_once(tmp_path: Path) -> None:
    address = '{"id": "a%d", "schema": "Address", "properties": {"full": ["Street"]}}\n'
    passport = '{"id": "p1", "schema": "Passport", "properties": {}}\n'
    content = ORG_LINE + address % 1 + passport + address % 2
    found = loaded(tmp_path, content, "e.ftm.json")
    (problem,) = found.problems
    check(problem, 2, 1, Severity.WARNING, "3 FtM entities", "2 Address, 1 Passport")
    assert problem.code == "ftm-not-mapped"


def test_ftm_a_gzip_bomb_is_refused(tmp_path: Path) -> None:
    import gzip

    path = write(tmp_path, gzip.compress(b"\n" * (2 * 1024 * 1024)), "e.jsonl.gz")
    found = load_file(path, max_bytes=1024 * 1024)
    check(one(list(found.problems), "file-too-large"), 1, 1, Severity.ERROR, "decompressed")


@pytest.mark.parametrize("content", [b"not gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"])
def test_ftm_broken_gzip_is_unreadable(tmp_path: Path, content: bytes) -> None:
    found = loaded(tmp_path, content, "e.ftm.json.gz")
    check(one(list(found.problems), "unreadable"), 1, 1, Severity.ERROR)


def test_did_you_mean_at_scale_compares_a_bounded_number_of_ids() -> None:
    from fto_tui.references import NEIGHBOURS, Suggestions

    ids = [f"org-{n:06d}-{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}-cartel" for n in range(200_000)]
    ids.append("sinaloa-cartel")
    suggestions = Suggestions(ids)
    for typo in ("sinaloa-cartell", "sinalao-cartel", "xinaloa-cartel", "org-123456-iq-cartl"):
        assert len(suggestions.candidates_for(typo)) <= 4 * NEIGHBOURS
    assert suggestions.hint("sinaloa-cartell") == "did you mean 'sinaloa-cartel'?"
    assert suggestions.hint("xinaloa-cartel") == "did you mean 'sinaloa-cartel'?"
    assert suggestions.hint("org-123456-iq-cartl") == "did you mean 'org-123456-iq-cartel'?"
    assert suggestions.candidates_for("x" * 10_000) == []


def test_did_you_mean_among_few_ids_compares_them_all() -> None:
    from fto_tui.references import Suggestions

    ids = [f"id-{n}" for n in range(100)]
    assert Suggestions(ids).candidates_for("anything") == ids

"""One definition of the characters shown as codes, used by the reader, check and the exports."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from fto_tui.export.common import visible as export_visible
from fto_tui.problems import Position, Problem, Severity, json_text
from fto_tui.ui.safe import visible as reader_visible
from fto_tui.visible import visible

HOSTILE = "a\x1b]52;c;eA==\x07b\u202ec\u200bd\ufeffe\U000e0041f\u2028g\nh"


def test_every_rendering_hides_the_same_characters() -> None:
    assert reader_visible(HOSTILE) == visible(HOSTILE)
    assert reader_visible(HOSTILE, keep_newlines=True) == visible(HOSTILE, keep_newlines=True)
    assert export_visible(HOSTILE) == visible(HOSTILE, keep_newlines=True)
    problem = Problem(Position("p.yaml"), Severity.ERROR, "x", HOSTILE)
    assert problem.format().endswith(visible(HOSTILE))
    assert "\x1b" not in problem.format() and "\u202e" not in problem.format()


@given(st.dictionaries(st.text(), st.text()))
def test_json_text_decodes_to_the_same_document_and_hides_controls(doc: dict[str, str]) -> None:
    text = json_text(doc)
    assert json.loads(text) == doc
    assert visible(text, keep_newlines=True) == text

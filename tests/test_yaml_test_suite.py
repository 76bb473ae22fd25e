"""The loader on the YAML test suite: 402 real YAML documents, none of them a briefing.

Every file must come back with at least one problem at a real position in that file; none
may raise or hang.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fto_tui.loader import FileLoad, load_file
from fto_tui.reading import SourceText, read_source

SUITE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "yaml-test-suite"
CASES = sorted(SUITE.glob("*/in.yaml")) if SUITE.is_dir() else []

#: Far beyond the few milliseconds a file takes: only there to turn a hang into a failure.
HANG = 30.0


def _load(path: Path) -> FileLoad:
    result: list[FileLoad] = []
    thread = threading.Thread(target=lambda: result.append(load_file(path)), daemon=True)
    thread.start()
    thread.join(HANG)
    assert not thread.is_alive(), f"loading {path} did not finish"
    assert result, f"loading {path} raised"  # the thread's exception is printed by pytest
    return result[0]


@pytest.mark.skipif(not CASES, reason="the YAML test suite is not available beside the repository")
def test_the_whole_suite_is_there() -> None:
    assert len(CASES) == 402


@pytest.mark.parametrize("path", CASES or [None], ids=[p.parent.name for p in CASES] or ["none"])
def test_every_document_gets_a_positioned_diagnostic(path: Path | None) -> None:
    if path is None:
        pytest.skip("the YAML test suite is not available beside the repository")
    result = _load(path)
    assert result.problems, "a YAML document that is not a briefing must get a problem"
    source = read_source(str(path))
    for problem in result.problems:
        assert problem.path == str(path)
        assert problem.line >= 1
        assert problem.column >= 1
        if isinstance(source, SourceText):
            # The position is inside the file: on one of its lines, at most just past its end.
            lines = source.position(len(source.text)).line
            assert problem.line <= lines, problem.format()
            assert problem.column <= len(source.line_text(problem.line)) + 1, problem.format()

"""The hostile corpus (``tests/hostile/``): every case through ``fto-brief check`` and the loader.

Each case in ``hostile/cases.toml`` is checked in a separate process limited to 2 GiB of address
space and 20 seconds, so that a bomb fails its test instead of taking the machine with it: the
exit code, the first positioned diagnostic, no traceback. The loader, run in this process, must
report exactly the expected problem codes and keep the text of the cases that load unchanged.
"""

from __future__ import annotations

import dataclasses
import html
import os
import re
import resource
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from fto_tui.loader import load, load_file
from fto_tui.problems import Problem
from fto_tui.record import Record
from tests.hostile.generate import GENERATORS, make

HERE = Path(__file__).parent / "hostile"
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases.toml").read_text("utf-8"))["case"]
BY_NAME = {case["name"]: case for case in CASES}

#: Generous: the point is that nothing hangs. The slowest case (the big briefing) takes seconds.
TIMEOUT = 20 + 4 * max(0.0, float(os.environ.get("FTO_HOSTILE_BIG_MB", "5")) - 5)
MEMORY_LIMIT = 2 * 1024**3

_POSITIONED = re.compile(r"^.+:\d+:\d+: (error|warning): \S")
# Characters a terminal would act on: C0 controls except line feed, DEL, C1 controls.
_TERMINAL_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@dataclasses.dataclass(frozen=True)
class Run:
    returncode: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_check(path: Path, cache_home: Path) -> Run:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONFAULTHANDLER": "1"}
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "fto_tui", "check", str(path)],
            capture_output=True,
            timeout=TIMEOUT,
            preexec_fn=_limit_memory,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or b""
        err = exc.stderr or b""
        return Run(None, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), TIMEOUT)
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
        time.monotonic() - start,
    )


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every case's path: stored files as they are, generated ones made in a temporary folder."""
    folder = tmp_path_factory.mktemp("hostile")
    return {
        case["name"]: make(case["name"], folder) if case.get("generate") else HERE / case["name"]
        for case in CASES
    }


@pytest.fixture(scope="session")
def checked(corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """``fto-brief check`` on every case, a few processes at a time."""
    cache_home = tmp_path_factory.mktemp("cache-home")
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = pool.map(lambda name: (name, run_check(corpus[name], cache_home)), corpus)
        return dict(runs)


def _shown_path(case: dict[str, Any], path: Path) -> str:
    return f"{path}/{case['shown']}" if "shown" in case else str(path)


# -- the corpus itself ------------------------------------------------------------------------


def test_the_corpus_is_complete() -> None:
    stored = {p.name for p in HERE.iterdir() if p.suffix == ".yaml"}
    listed_files = {c["name"] for c in CASES if not c.get("generate")}
    listed_generated = {c["name"] for c in CASES if c.get("generate")}
    assert len(CASES) >= 45
    assert len(BY_NAME) == len(CASES), "case names are unique"
    assert stored == listed_files, "every stored file is a case, and every case file exists"
    assert listed_generated == set(GENERATORS), "every generated case is listed"
    for case in CASES:
        assert case["exit"] in (0, 1)
        assert bool(case["first"]) == bool(case["codes"]), case["name"]
        if case["exit"] == 0:
            assert case.get("severity", "warning") == "warning", case["name"]


# -- fto-brief check --------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(BY_NAME))
def test_check(name: str, corpus: dict[str, Path], checked: dict[str, Run]) -> None:
    case, run = BY_NAME[name], checked[name]
    assert run.returncode is not None, f"check did not finish within {TIMEOUT} s"
    assert "Traceback" not in run.stderr and "Fatal Python error" not in run.stderr, run.stderr
    assert run.returncode == case["exit"], run.stdout + run.stderr
    lines = run.stdout.splitlines()
    if case["first"]:
        severity = f": {case['severity']}: "
        first = next((line for line in lines if severity in line), "")
        expected = f"{_shown_path(case, corpus[name])}:{case['first']}{severity}"
        assert first.startswith(expected), run.stdout
    else:
        assert lines == [], run.stdout
    for line in lines:
        assert _POSITIONED.match(line), line
    assert not _TERMINAL_CONTROL.search(run.stdout), "diagnostics must not carry control bytes"
    assert re.search(r"^\d+ files? checked: \d+ errors?, \d+ warnings?$", run.stderr, re.M)


# -- the loader -------------------------------------------------------------------------------


def _texts(value: Any) -> Iterator[str]:
    """Every string held by a loaded value (a file load, an entity, a date...)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, tuple | list):
            stack.extend(item)
        elif isinstance(item, Record):
            stack.extend(getattr(item, name) for name in item.__struct_fields__)
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))


@pytest.mark.parametrize("name", list(BY_NAME))
def test_load(name: str, corpus: dict[str, Path]) -> None:
    case = BY_NAME[name]
    result = load([corpus[name]])
    codes = {p.code for p in result.problems}
    assert set(case["codes"]) <= codes <= {*case["codes"], *case.get("may", [])}
    assert result.ok == (case["exit"] == 0)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1
    if "files" in case:
        assert len(result.files) == case["files"]
    if case["exit"] == 0:
        texts = set(_texts(result.files))
        missing = [text for text in case.get("literal", []) if text not in texts]
        assert not missing, f"the model does not hold {missing!r} as written"
        assert result.collection.briefings, "a case that loads is shown"


def test_the_size_cap_counts_bytes(tmp_path: Path) -> None:
    text = "briefing:\n  title: Exactly at the limit\n"
    path = tmp_path / "capped.yaml"
    path.write_text(text, encoding="utf-8")
    size = len(text.encode())
    assert load_file(path, max_bytes=size).ok
    over = load_file(path, max_bytes=size - 1)
    assert [p.code for p in over.problems] == ["file-too-large"]
    assert (over.problems[0].line, over.problems[0].column) == (1, 1)
    assert over.info is None


# -- the reader -------------------------------------------------------------------------------


def _screen_text(svg: str) -> str:
    """The characters on screen, from a screenshot (one text run per styled span)."""
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", run)) for run in runs).replace("\xa0", " ")


def _first_error(problems: tuple[Problem, ...]) -> Problem | None:
    return next((p for p in problems if p.is_error), None)


# The reader starts in about half a second per case: by default it is opened on every case that
# loads and on one case of each kind of refusal; FTO_HOSTILE_ALL=1 opens it on every case.
_READER_REFUSALS = {
    "alias-bomb-9.yaml",
    "deep-flow-seq-100000.yaml",
    "python-object-apply.yaml",
    "escaped-control-in-key.yaml",
    "invalid-utf8.yaml",
    "empty.yaml",
    "over-size-cap.yaml",
    "problem-flood.yaml",
    "fifo.yaml",
    "control-in-file-name",
}
READER_CASES = [
    name
    for name, case in BY_NAME.items()
    if (os.environ.get("FTO_HOSTILE_ALL") or case["exit"] == 0 or name in _READER_REFUSALS)
    and name not in {"big-briefing.yaml", "huge-line-5mb.yaml"}
]


@pytest.mark.parametrize("name", READER_CASES)
async def test_reader_shows_the_text_or_the_diagnostics(name: str, corpus: dict[str, Path]) -> None:
    """Opened on a hostile file, the reader keeps running and shows either the briefing, as the
    literal text written, or the diagnostics with their positions."""
    app_module = pytest.importorskip("fto_tui.ui.app")
    from fto_tui.ui.safe import visible

    case = BY_NAME[name]
    app = app_module.FtoBriefApp([corpus[name]], watch=False)
    async with app.run_test(size=(160, 50)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        screen = _screen_text(app.export_screenshot())
        if case["exit"] == 0:
            titles = [visible(b.title) for b in app.collection.briefings]
            assert titles and any(title[:40] in screen for title in titles), screen
        else:
            error = _first_error(app.all_problems())
            assert error is not None
            assert f"{error.line}:{error.column}" in screen, screen
    assert app.return_code in (None, 0)

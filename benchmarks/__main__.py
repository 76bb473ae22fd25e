"""``python -m benchmarks``: fto-brief's speed and memory, each beside a baseline from the same run.

Every figure is the median of several whole-process runs (``--runs``, at least 5), so start-up
and imports count, as they do for a person. Briefings are generated (``benchmarks.generate``)
into a scratch directory, at about 4 MB and 37 MB unless ``--sizes`` says otherwise.

Figures:
- cold load (read, parse, validate, index; no cache) vs a bare ``yaml.load(CSafeLoader)``;
- warm reopen of the unchanged file through the parse cache vs the same baseline;
- peak memory per loaded entity, for the loader and for the bare parse;
- search latency per keystroke over 100k quotes vs a scan of a pre-lowercased list;
- start-up to the first screen with content vs a bare Textual app showing one label;
- FollowTheMoney: a generated file of 200,000 entities opened cold and warm vs reading its
  lines into the followthemoney library's entity proxies (``benchmarks.ftm``);
- time to move to the end of a 100k-item pane;
- search keystroke to results on screen at 100k quotes, and the longest interface stall while
  typing, each beside the same with 100 quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from benchmarks.generate import write

HERE = Path(__file__).resolve().parent


#: Bytecode for every run comes from one scratch cache, as an installed package's would (some
#: machines set PYTHONDONTWRITEBYTECODE, which would make every run compile our modules).
_PYCACHE = tempfile.mkdtemp(prefix="fto-brief-bench-pycache-")


def _run_python(code: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter. ``seconds`` is the whole process, launch to exit,
    timed from outside; the code may add figures of its own in a ``figures`` dict."""
    wrapper = textwrap.dedent(
        """
        import json, resource, sys
        {code}
        _figures = dict(globals().get("figures", {{}}))
        _figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print("FIGURES" + json.dumps(_figures))
        """
    ).format(code=textwrap.indent(textwrap.dedent(code), "").strip())
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": _PYCACHE, **(env or {})}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", wrapper], capture_output=True, text=True, env=environment, check=True
    )
    seconds = time.perf_counter() - began
    line = next(x for x in out.stdout.splitlines() if x.startswith("FIGURES"))
    figures = dict(json.loads(line[len("FIGURES") :]))
    figures["seconds"] = seconds
    return figures


def _row(name: str, ours: float, base: float, unit: str, target: str) -> str:
    ratio = ours / base if base else float("nan")
    return f"| {name} | {ours:.3f} {unit} | {base:.3f} {unit} | {ratio:.2f}× | {target} |"


BARE_PARSE = """
import yaml
with open({path!r}, "rb") as handle:
    data = yaml.load(handle, Loader=yaml.CSafeLoader)
sections = ("sources", "organisations", "speakers", "quotes", "events")
count = sum(len(data.get(k) or ()) for k in sections)
figures = {{"entities": count}}
"""

LOAD = """
from fto_tui.cache import ParseCache
from fto_tui.loader import load
result = load([{path!r}], cache={cache})
assert result.ok, result.problems[:3]
figures = {{"entities": len(result.collection)}}
"""


def load_figures(path: Path, runs: int, scratch: Path) -> list[str]:
    env = {"XDG_CACHE_HOME": str(scratch / "cache")}
    size = path.stat().st_size / 1e6
    _run_python(LOAD.format(path=str(path), cache="None"))  # fills the bytecode cache
    bare = [_run_python(BARE_PARSE.format(path=str(path))) for _ in range(runs)]
    cold = [_run_python(LOAD.format(path=str(path), cache="None")) for _ in range(runs)]
    _run_python(LOAD.format(path=str(path), cache="ParseCache()"), env)  # prime the cache
    cached = LOAD.format(path=str(path), cache="ParseCache()")
    warm = [_run_python(cached, env) for _ in range(runs)]
    base_s = statistics.median(r["seconds"] for r in bare)
    entities = cold[0]["entities"]
    return [
        _row(
            f"cold load, {size:.0f} MB",
            statistics.median(r["seconds"] for r in cold),
            base_s,
            "s",
            "≤ 0.30×",
        ),
        _row(
            f"warm reopen, {size:.0f} MB",
            statistics.median(r["seconds"] for r in warm),
            base_s,
            "s",
            "≤ 0.03×",
        ),
        _row(
            f"peak memory per entity, {size:.0f} MB",
            statistics.median(r["peak_mb"] for r in cold) * 1e6 / entities,
            statistics.median(r["peak_mb"] for r in bare) * 1e6 / entities,
            "B",
            "—",
        ),
    ]


SEARCH = """
import statistics, time
from benchmarks.generate import write
from fto_tui.loader import load
from fto_tui.search import SearchIndex, fold
write({path!r}, {megabytes})
collection = load([{path!r}]).collection
texts = [fold(q.text) for q in collection.quotes]
index = SearchIndex(collection)
keystrokes = ["c", "ca", "car", "cart", "carte", "cartel", "cartel b", "cartel bo", "cartel bor"]
ours, base = [], []
for _ in range(5):
    for query in keystrokes:
        start = time.perf_counter(); index.search(query); ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        words = query.split()
        [t for t in texts if all(w in t for w in words)][:200]
        base.append(time.perf_counter() - start)
figures = {{"quotes": len(collection.quotes), "ours_ms": statistics.median(ours) * 1000,
           "base_ms": statistics.median(base) * 1000}}
"""


def search_figures(scratch: Path) -> list[str]:
    # About 100k quotes: the generator writes six quotes per ~5 kB unit.
    path = scratch / "search.yaml"
    figures = _run_python(SEARCH.format(path=str(path), megabytes=85))
    return [
        _row(
            f"search per keystroke, {figures['quotes']:.0f} quotes",
            figures["ours_ms"],
            figures["base_ms"],
            "ms",
            "≤ 30 ms",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (median; min 5)")
    parser.add_argument("--sizes", type=float, nargs="*", default=[4.0, 37.0], help="MB")
    parser.add_argument(
        "--only",
        choices=("load", "search", "ftm", "startup", "pane", "typing", "detail"),
        action="append",
    )
    args = parser.parse_args()
    runs = max(5, args.runs)
    only = set(args.only or ("load", "search", "ftm", "startup", "pane", "typing", "detail"))
    rows = ["| figure | fto-brief | baseline | ratio | target |", "|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory(prefix="fto-brief-bench-") as tmp:
        scratch = Path(tmp)
        if "load" in only:
            for megabytes in args.sizes:
                path = scratch / f"briefing-{megabytes:g}mb.yaml"
                write(str(path), megabytes)
                rows.extend(load_figures(path, runs, scratch))
                print("\n".join(rows[-3:]), flush=True)
        if "search" in only:
            rows.extend(search_figures(scratch))
            print(rows[-1], flush=True)
        if "ftm" in only:
            from benchmarks.ftm import ftm_figures

            rows.extend(ftm_figures(runs, scratch))
            print("\n".join(rows[-2:]), flush=True)
        if only & {"startup", "pane", "typing", "detail"}:
            from benchmarks import ui

            if "startup" in only:
                rows.extend(ui.startup_figures(runs, scratch))
            if "pane" in only:
                rows.extend(ui.pane_figures(scratch))
            if "typing" in only:
                rows.extend(ui.typing_figures())
            if "detail" in only:
                rows.extend(ui.detail_figures())
    print()
    print("\n".join(rows))


if __name__ == "__main__":
    main()

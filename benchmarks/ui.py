"""Reader figures for ``python -m benchmarks``: start-up to content, and moving in a big pane.

Start-up is whole-process: the time from launching the interpreter to the first screen that
shows briefing content, beside a bare Textual app showing one label (both headless, both
measured as wall-clock time from before the launch to the frame). The reader opens the bundled
briefing as ``fto-brief`` does, through the parse cache (in a scratch cache directory, filled
by the uncounted first run); the first launch, with an empty cache, is shown too. Both run
with compiled bytecode, as an installed package has it: the modules are compiled once into a
scratch bytecode cache (``PYTHONPYCACHEPREFIX``) by a warm-up run that is not counted, even
where the environment says not to write bytecode.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

STARTUP_FTO = """
import sys, time
from fto_tui.cache import ParseCache
from fto_tui.ui.app import FtoBriefApp
app = FtoBriefApp([], watch=False, cache=ParseCache())
async def pilot(pilot):
    while not app.collection.organisations:
        await pilot.pause(0.005)
    await pilot.pause()
    print("SHOWN", time.time(), flush=True)
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=pilot)
"""

STARTUP_BARE = """
import sys, time
from textual.app import App
from textual.widgets import Label
class Bare(App):
    def compose(self):
        yield Label("hello")
app = Bare()
async def pilot(pilot):
    await pilot.pause()
    print("SHOWN", time.time(), flush=True)
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=pilot)
"""

PANE = """
import json, time, datetime, statistics
from fto_tui.dates import EdtfDate
from fto_tui.index import Collection
from fto_tui.model import Event
from fto_tui.problems import Position
from fto_tui.ui.app import FtoBriefApp
count = {count}
start = datetime.date(1990, 1, 1).toordinal()
def day(i):
    return EdtfDate.parse(datetime.date.fromordinal(start + i % 12000).isoformat())
events = [
    Event(id=f"e{{i}}", date=day(i), title=f"Event number {{i}}", origin=Position("x", i + 1))
    for i in range(count)
]
big = Collection(events=events)
app = FtoBriefApp([], watch=False)
figures = {{}}
async def pilot(pilot):
    while not app.collection.organisations:
        await pilot.pause(0.005)
    began = time.perf_counter()
    app.show_collection(big)
    await pilot.pause()
    figures["show_s"] = time.perf_counter() - began
    await pilot.press("3")
    moves = []
    for key in ("end", "home") * 5:
        began = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        moves.append(time.perf_counter() - began)
    figures["move_ms"] = statistics.median(moves) * 1000
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=pilot)
print("FIGURES" + json.dumps(figures))
"""


def _shown_after(code: str, pycache: str, cache: str) -> float:
    env = {
        **os.environ,
        "TEXTUAL_ANIMATIONS": "none",
        "PYTHONPYCACHEPREFIX": pycache,
        "XDG_CACHE_HOME": cache,
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.time()
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    shown = next(line for line in out.stdout.splitlines() if line.startswith("SHOWN"))
    return float(shown.split()[1]) - began


def startup_figures(runs: int, scratch: Path) -> list[str]:
    """As ``fto-brief`` starts: the bundled briefing through the parse cache, filled by the
    uncounted first run; and as on the very first launch, with an empty cache."""
    pycache = str(scratch / "pycache")
    cache = str(scratch / "startup-cache")
    for code in (STARTUP_FTO, STARTUP_BARE):
        _shown_after(code, pycache, cache)  # compiles the bytecode, fills the parse cache
    ours = statistics.median(_shown_after(STARTUP_FTO, pycache, cache) for _ in range(runs))
    bare = statistics.median(_shown_after(STARTUP_BARE, pycache, cache) for _ in range(runs))
    first = statistics.median(
        _shown_after(STARTUP_FTO, pycache, str(scratch / f"empty-cache-{i}")) for i in range(runs)
    )
    return [
        f"| start-up to content (bundled briefing) | {ours:.3f} s | {bare:.3f} s "
        f"| {ours / bare:.2f}× | ≤ 1.30× |",
        f"| start-up to content, first launch (empty parse cache) | {first:.3f} s | {bare:.3f} s "
        f"| {first / bare:.2f}× | — |",
    ]


def _pane(count: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PANE.format(count=count))],
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("FIGURES"))
    return dict(json.loads(line[len("FIGURES") :]))


def pane_figures(scratch: object) -> list[str]:
    big = _pane(100_000)
    small = _pane(100)
    return [
        f"| End/Home in a 100k-item pane (key to frame) | {big['move_ms']:.1f} ms "
        f"| {small['move_ms']:.1f} ms (100 items) | {big['move_ms'] / small['move_ms']:.2f}× "
        "| no lag |",
        f"| show a 100k-item collection | {big['show_s']:.3f} s | {small['show_s']:.3f} s "
        f"(100 items) | {big['show_s'] / small['show_s']:.0f}× | — |",
    ]


#: A task measuring how late the event loop wakes up: the longest time the interface could not
#: react. Shared by the figures that run an app beside it (it appends to ``stalls``).
PROBE = """async def probe():
    while True:
        began = time.perf_counter()
        await asyncio.sleep(0.001)
        stalls.append(time.perf_counter() - began - 0.001)"""

TYPING = """
import asyncio, json, random, statistics, time
from fto_tui.index import Collection
from fto_tui.model import Quote, Speaker
from fto_tui.problems import Position
from fto_tui.ui.app import FtoBriefApp, prepare
count = {count}
rng = random.Random(5)
words = ("cartel government officials border trafficking security cooperation fentanyl "
         "migrants smuggling sanctions police military operation region violence borough "
         "authorities investigation network leaders cocaine ports shipments weapons").split()
speakers = [Speaker(id=f"s{{i}}", name=f"Speaker {{i}}", origin=Position("x", i + 1))
            for i in range(max(1, count // 100))]
quotes = [
    Quote(id=f"q{{i}}", speaker=speakers[i % len(speakers)].id,
          text=" ".join(rng.choice(words) for _ in range(28)), origin=Position("x", i + 1))
    for i in range(count)
]
big = Collection(speakers=speakers, quotes=quotes)
index = prepare(big)
app = FtoBriefApp([], watch=False)
figures = {{}}
stalls = []
{probe}
async def type_keys(pilot, keys, shown):
    took = []
    for key in keys:
        began = time.perf_counter()
        await pilot.press(key)
        while shown() != app.screen.query_one("#{input_id}").value:
            await asyncio.sleep(0.001)
        await pilot.pause()
        took.append(time.perf_counter() - began)
    return took
async def pilot(pilot):
    while not app.collection.organisations:
        await pilot.pause(0.005)
    app.show_collection(big, index)
    await pilot.pause()
    task = asyncio.get_running_loop().create_task(probe())
    await pilot.press("slash")
    await pilot.pause()
    stalls.clear()
    took = []
    for _ in range(3):
        took += await type_keys(pilot, "cartel bo", lambda: app.screen.shown_query)
        await pilot.press(*["backspace"] * 9)
        await pilot.pause()
    figures["search_ms"] = statistics.median(took) * 1000
    figures["search_stall_ms"] = max(stalls) * 1000
    task.cancel()
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=pilot)
print("FIGURES" + json.dumps(figures))
"""


def _typing(count: int) -> dict[str, float]:
    code = textwrap.dedent(TYPING.format(count=count, input_id="search-input", probe=PROBE))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("FIGURES"))
    return dict(json.loads(line[len("FIGURES") :]))


def typing_figures() -> list[str]:
    big = _typing(100_000)
    small = _typing(100)
    return [
        f"| search keystroke to results on screen, 100k quotes | {big['search_ms']:.1f} ms "
        f"| {small['search_ms']:.1f} ms (100 quotes) "
        f"| {big['search_ms'] / small['search_ms']:.2f}× | ≤ 30 ms more |",
        f"| longest interface stall while typing, 100k quotes | {big['search_stall_ms']:.1f} ms "
        f"| {small['search_stall_ms']:.1f} ms (100 quotes) "
        f"| {big['search_stall_ms'] / max(small['search_stall_ms'], 0.1):.2f}× | ≤ 30 ms |",
    ]


DETAIL = """
import asyncio, json, random, time
from textual.app import App
from textual.content import Content
from fto_tui.ui.details import Block, Document
from fto_tui.ui.widgets.detail_view import DetailView
rng = random.Random(6)
words = ("cartel government officials border trafficking security cooperation fentanyl "
         "migrants smuggling sanctions police military operation region violence").split()
text = " ".join(rng.choice(words) for _ in range({words}))
figures = {{}}
stalls = []
{probe}
class Detail(App):
    def compose(self):
        yield DetailView()
app = Detail()
async def pilot(pilot):
    detail = app.query_one(DetailView)
    await pilot.pause()
    task = asyncio.get_running_loop().create_task(probe())
    await asyncio.sleep(0.05)
    stalls.clear()
    began = time.perf_counter()
    detail.show(Document("Big", (Block(Content("Title"), style="title"), Block(Content(text)))))
    while detail.total_lines() < len(text) // 200:
        await asyncio.sleep(0.005)
    figures["wrapped_s"] = time.perf_counter() - began
    await asyncio.sleep(0.01)
    figures["stall_ms"] = max(stalls, default=0.0) * 1000
    task.cancel()
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=pilot)
print("FIGURES" + json.dumps(figures))
"""


def _detail(words: int) -> dict[str, float]:
    code = textwrap.dedent(DETAIL.format(words=words, probe=PROBE))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("FIGURES"))
    return dict(json.loads(line[len("FIGURES") :]))


def detail_figures() -> list[str]:
    big = _detail(600_000)  # about 5 MB
    small = _detail(2_000)  # about 17 KB
    return [
        f"| longest interface stall opening a 5 MB description | {big['stall_ms']:.1f} ms "
        f"| {small['stall_ms']:.1f} ms (17 KB) "
        f"| {big['stall_ms'] / max(small['stall_ms'], 0.1):.2f}× | no freeze (was 4.8 s) |",
        f"| 5 MB description wrapped in the background | {big['wrapped_s']:.2f} s "
        f"| {small['wrapped_s']:.3f} s (17 KB) | — | — |",
    ]

"""FollowTheMoney figures: a generated file of 200,000 entities, opened by fto-brief cold and
warm, beside reading the same lines into the followthemoney library's own entity proxies.

The file is shaped like an OpenSanctions export: organisations, companies and people with
names and aliases, sanctions on them, memberships, directorships and ownerships between them,
and addresses (which have no place in a briefing and are counted). Run with
``python -m benchmarks --only ftm`` (needs ``pip install 'fto-brief[ftm]'`` for the baseline).
"""

from __future__ import annotations

import json
import random
import statistics
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENTITIES = 200_000

_WORDS = "north river union capital trade group holding logistics energy marine".split()
_GIVEN = "Ivan Maria Ali Fatima Chen Olga Pedro Amir Leila Juan".split()
_FAMILY = "Petrov Hosseini Garcia Wang Kovalenko Haddad Silva Rahimi Novak Ortiz".split()


def entities(count: int = ENTITIES, seed: int = 1) -> Iterator[dict[str, Any]]:
    """``count`` entities, deterministic for a ``seed``: every tenth an organisation, every
    tenth a person, and links, sanctions and addresses between them."""
    rng = random.Random(seed)
    meta = {
        "datasets": ["bench_sanctions"],
        "first_seen": "2023-01-02T00:00:00",
        "last_seen": "2025-06-07T00:00:00",
    }
    orgs: list[str] = []
    people: list[str] = []
    for number in range(count):
        slot = number % 10
        entity_id = f"bench-{number}"
        props: dict[str, list[str]]
        if slot in (0, 1) or not orgs or not people:
            if slot == 0 or not orgs:
                name = " ".join(rng.sample(_WORDS, 3)).title()
                schema = "Company" if rng.random() < 0.5 else "Organization"
                props = {"name": [name, name.upper()], "country": ["ru"], "topics": ["sanction"]}
                orgs.append(entity_id)
            else:
                name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
                schema = "Person"
                props = {"name": [name], "birthDate": ["1970-01-01"], "nationality": ["ir"]}
                people.append(entity_id)
        elif slot in (2, 3, 4):
            schema = "Sanction"
            props = {
                "entity": [rng.choice(orgs if slot != 4 else people)],
                "authority": ["Office of Foreign Assets Control"],
                "program": ["SDGT"],
                "startDate": ["2020-05-01"],
                "sourceUrl": [f"https://example.org/list/{number}"],
            }
        elif slot == 5:
            schema = "Membership"
            props = {"member": [rng.choice(people)], "organization": [rng.choice(orgs)]}
        elif slot == 6:
            schema = "Directorship"
            props = {"director": [rng.choice(people)], "organization": [rng.choice(orgs)]}
        elif slot == 7:
            schema = "Ownership"
            props = {"owner": [rng.choice(orgs)], "asset": [rng.choice(orgs)]}
        else:
            schema = "Address"
            props = {"full": [f"{number} {rng.choice(_WORDS).title()} Street"], "country": ["ru"]}
        yield {"id": entity_id, "schema": schema, "properties": props, **meta}


def write(path: Path, count: int = ENTITIES) -> None:
    with path.open("w", encoding="utf-8") as out:
        for entity in entities(count):
            out.write(json.dumps(entity) + "\n")


#: The library's own way of reading an entity file (what its ``ftm`` command line uses):
#: orjson for each line, then an entity proxy.
PROXIES = """
from followthemoney.cli.util import path_entities
from followthemoney.proxy import EntityProxy
count = sum(1 for _ in path_entities({path!r}, EntityProxy))
figures = {{"entities": count}}
"""

LOAD = """
from fto_tui.cache import ParseCache
from fto_tui.loader import load
result = load([{path!r}], cache={cache})
assert result.ok, result.problems[:3]
figures = {{"entities": len(result.collection)}}
"""


def ftm_figures(runs: int, scratch: Path) -> list[str]:
    from benchmarks.__main__ import _row, _run_python

    path = scratch / "bench.ftm.json"
    write(path)
    env = {"XDG_CACHE_HOME": str(scratch / "ftm-cache")}
    _run_python(LOAD.format(path=str(path), cache="None"))  # fills the bytecode cache
    base = [_run_python(PROXIES.format(path=str(path))) for _ in range(runs)]
    cold = [_run_python(LOAD.format(path=str(path), cache="None")) for _ in range(runs)]
    cached = LOAD.format(path=str(path), cache="ParseCache()")
    _run_python(cached, env)  # prime the cache
    warm = [_run_python(cached, env) for _ in range(runs)]
    base_s = statistics.median(r["seconds"] for r in base)
    return [
        _row(
            f"FtM cold open, {ENTITIES:,} entities",
            statistics.median(r["seconds"] for r in cold),
            base_s,
            "s",
            "≤ 0.50×",
        ),
        _row(
            f"FtM warm reopen, {ENTITIES:,} entities",
            statistics.median(r["seconds"] for r in warm),
            base_s,
            "s",
            "≤ 0.05×",
        ),
    ]

"""Synthetic briefings for benchmarks: realistic shape, text and dates, at any scale.

``python -m benchmarks.generate OUT.yaml --megabytes 37`` writes one file. The output is
deterministic for a given seed and size, and valid: ``fto-brief check`` accepts it.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator

_WORDS = (
    "cartel government officials said border trafficking security cooperation fentanyl "
    "migrants smuggling designation sanctions police military operation region state "
    "violence authorities investigation network leaders cocaine ports shipments weapons "
    "extortion mining routes alliance rival faction split arrests extradition court "
    "minister president statement press interview tariffs drones surveillance report "
    "community journalists human rights displacement election mayor attack ceasefire"
).split()
_PLACES = (
    "Mexico",
    "Venezuela",
    "Colombia",
    "El Salvador",
    "Honduras",
    "Guatemala",
    "Peru",
    "Ecuador",
    "United States",
    "Chile",
    "Brazil",
    "Panama",
)
_TITLES = ("Minister", "Spokesperson", "Governor", "Leader")
_KINDS = ("cartel", "gang", "criminal-organisation", "armed-group", "government-body")
_FIRST = (
    "Ana",
    "Luis",
    "María",
    "José",
    "Carmen",
    "Jorge",
    "Lucía",
    "Pedro",
    "Sofía",
    "Diego",
    "Elena",
    "Andrés",
    "Isabel",
    "Ramón",
    "Teresa",
    "Miguel",
    "Rosa",
    "Javier",
)
_LAST = (
    "García",
    "Martínez",
    "López",
    "Hernández",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Cruz",
    "Morales",
    "Ortiz",
)


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _date(rng: random.Random) -> str:
    year = rng.randint(1995, 2025)
    roll = rng.random()
    if roll < 0.6:
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if roll < 0.85:
        return f"{year}-{rng.randint(1, 12):02d}"
    if roll < 0.95:
        return f"{year}"
    return f"{year}/{min(year + rng.randint(1, 4), 2026)}"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lines(target_bytes: int, seed: int = 1) -> Iterator[str]:
    """The briefing's lines; stops once about ``target_bytes`` are written."""
    rng = random.Random(seed)
    # About 5 kB per unit of 1 organisation, 2 speakers, 6 quotes and 4 events.
    units = max(1, target_bytes // 5050)
    written = 0

    def out(line: str) -> str:
        nonlocal written
        written += len(line.encode()) + 1
        return line

    yield out("briefing:")
    yield out("  title: Synthetic benchmark briefing")
    yield out("  as_of: 2025-02-20")
    yield out("sources:")
    for i in range(max(1, units // 10)):
        yield out(f"  - id: source-{i}")
        yield out(f"    title: {_quoted(_sentence(rng, 4, 9))}")
        yield out("    publisher: Example News")
        yield out(f"    url: https://news.example.org/{i}")
        yield out(f"    published: {_date(rng)}")
    sources = max(1, units // 10)
    yield out("organisations:")
    for i in range(units):
        yield out(f"  - id: org-{i}")
        yield out(
            f"    name: {_quoted(rng.choice(_LAST) + ' ' + rng.choice(_WORDS).title() + f' {i}')}"
        )
        yield out(f"    aliases: [{_quoted('Alias ' + str(i))}]")
        yield out(f"    kind: {rng.choice(_KINDS)}")
        yield out(f"    based_in: [{rng.choice(_PLACES)}]")
        yield out(f"    active_in: [{rng.choice(_PLACES)}, {rng.choice(_PLACES)}]")
        yield out("    activities: [drug trafficking, extortion]")
        yield out(f"    description: {_quoted(_sentence(rng, 12, 30))}")
        if i % 3 == 0:
            yield out("    designations:")
            yield out("      - authority: US Department of State")
            yield out("        programme: Foreign Terrorist Organization (FTO)")
            yield out(f"        date: {_date(rng)}")
            yield out(f"        source: source-{rng.randrange(sources)}")
        if i and i % 5 == 0:
            yield out("    relations:")
            yield out(f"      - type: rival-of\n        organisation: org-{rng.randrange(i)}")
            yield out(f"        source: source-{i % sources}")
        yield out(f"    source: source-{rng.randrange(sources)}")
    yield out("speakers:")
    for i in range(units * 2):
        yield out(f"  - id: speaker-{i}")
        yield out(f"    name: {_quoted(rng.choice(_FIRST) + ' ' + rng.choice(_LAST) + f' {i}')}")
        yield out("    roles:")
        yield out(f"      - title: {_quoted(rng.choice(_TITLES))}")
        yield out(f"        organisation: org-{rng.randrange(units)}")
        yield out(f"        period: {_date(rng)}")
        yield out(f"    source: source-{rng.randrange(sources)}")
    yield out("quotes:")
    for _ in range(units * 6):
        yield out(f"  - speaker: speaker-{rng.randrange(units * 2)}")
        yield out(f"    text: {_quoted(_sentence(rng, 15, 40))}")
        yield out(f"    date: {_date(rng)}")
        yield out(f"    context: {rng.choice(('statement', 'interview', 'remarks'))}")
        yield out(f"    about: [org-{rng.randrange(units)}]")
        yield out("    sources:")
        yield out(f"      - source: source-{rng.randrange(sources)}")
        yield out(f"        locator: paragraph {rng.randint(1, 20)}")
    yield out("events:")
    for i in range(units * 4):
        yield out(f"  - id: event-{i}")
        yield out(f"    date: {_date(rng)}")
        yield out(f"    title: {_quoted(_sentence(rng, 5, 12))}")
        yield out(f"    description: {_quoted(_sentence(rng, 10, 30))}")
        yield out(
            f"    participants: [org-{rng.randrange(units)}, speaker-{rng.randrange(units * 2)}]"
        )
        yield out(f"    places: [{rng.choice(_PLACES)}]")
        yield out(f"    tags: [{rng.choice(_WORDS)}]")
        yield out(f"    source: source-{rng.randrange(sources)}")


def write(path: str, megabytes: float, seed: int = 1) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for line in lines(int(megabytes * 1024 * 1024), seed):
            handle.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--megabytes", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write(args.out, args.megabytes, args.seed)


if __name__ == "__main__":
    main()

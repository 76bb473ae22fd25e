"""Property tests: whatever a file holds, the loader returns problems at real positions.

Arbitrary text, arbitrary bytes, YAML-like token soup and briefing-shaped YAML with random
mutations are written to a file and loaded. The loader must never raise, and every problem
must point inside the file. Set ``FTO_FUZZ_EXAMPLES`` to run more examples (the default keeps
the file quick enough for every test run).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fto_tui.loader import FileLoad, load, load_file

EXAMPLES = int(os.environ.get("FTO_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@contextmanager
def file_holding(data: bytes, name: str = "fuzz.yaml") -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fto-fuzz-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def _lines(data: bytes) -> list[bytes]:
    """The file's lines as editors count them: ends at CRLF, LF or CR."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")


def assert_positioned(result: FileLoad, path: Path, data: bytes) -> None:
    assert result.path == str(path)
    lines = _lines(data.removeprefix(b"\xef\xbb\xbf"))
    for problem in result.problems:
        assert problem.path == str(path), problem.format()
        assert 1 <= problem.line <= len(lines), problem.format()
        # A column counts characters, so it is at most one past the line's length in bytes.
        assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, problem.format()
        assert problem.code and problem.message


def loads_cleanly(data: bytes) -> FileLoad:
    with file_holding(data) as path:
        result = load_file(path)
        assert_positioned(result, path, data)
        # Resolving references across the file must not raise either.
        combined = load([path])
        for problem in combined.problems:
            assert problem.path == str(path)
        return result


# -- arbitrary input -------------------------------------------------------------------------------


@FUZZ
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    loads_cleanly(text.encode("utf-8"))


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    loads_cleanly(data)


TOKENS = [
    "briefing:",
    "title:",
    "sources:",
    "organisations:",
    "quotes:",
    "events:",
    "id:",
    "date:",
    "speaker:",
    "text:",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ":",
    ": ",
    ",",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "&a",
    "*a",
    "!!int",
    "!!python/object:os.system",
    "!foo",
    "<<: ",
    "'",
    '"',
    "\\",
    "#",
    "---",
    "...",
    "? ",
    "|",
    ">-",
    "%YAML 1.2",
    "%TAG ! tag:x,2000:",
    "2025-02-20",
    "2025-02-30",
    "2019~",
    "201X",
    "x",
    "NO",
    "yes",
    "~",
    "null",
    "1:20",
    "0x1F",
    "é",
    "日本語",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u202e",
    "\ufeff",
    "\x00",
    "\x1b",
    "\x7f",
    "\U0001f600",
]


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=60))
def test_yaml_like_token_soup(tokens: list[str]) -> None:
    loads_cleanly("".join(tokens).encode("utf-8"))


@FUZZ
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.integers(0, 4))
def test_token_soup_after_a_valid_header(tokens: list[str], indent: int) -> None:
    head = "briefing:\n  title: T\nsources:\n  - id: s\n    title: S\n"
    loads_cleanly((head + " " * indent + "".join(tokens)).encode("utf-8"))


# -- briefing-shaped input -------------------------------------------------------------------------

SLUGS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
DATES = st.sampled_from(
    [
        "2025-02-20",
        "2025-02",
        "2019",
        "2017/2021",
        "2025-01-20/..",
        "../2019",
        "2019?",
        "2019~",
        "201X",
        "2019-XX",
        "2001-21",
        "2025-02-17/2025-02-20",
    ]
)
BAD_DATES = st.sampled_from(
    [
        "2025-02-30",
        "2025-13",
        "20 Feb 2025",
        "2019?~",
        "yesterday",
        "",
        "2021/2017",
        "0000",
        "2025-02-20T10:00",
        "19999",
    ]
)
# Text with every kind of character, control and bidi ones included.
WILD_TEXT = st.text(max_size=30)
ANY_SCALAR = st.one_of(
    WILD_TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False), DATES
)


def _value(draw: Any) -> Any:
    return draw(
        st.one_of(
            ANY_SCALAR,
            st.lists(ANY_SCALAR, max_size=3),
            st.dictionaries(st.text(max_size=5), ANY_SCALAR, max_size=2),
        )
    )


@st.composite
def briefings(draw: Any) -> dict[str, Any]:
    # Ids are unique across every kind of entity.
    ids = draw(st.lists(SLUGS, min_size=1, max_size=9, unique=True))
    first = draw(st.integers(1, len(ids)))
    second = draw(st.integers(first, len(ids)))
    source_ids, org_ids, speaker_ids = ids[:first], ids[first:second], ids[second:]
    cite = st.sampled_from(source_ids)
    document: dict[str, Any] = {
        "briefing": {"title": draw(WILD_TEXT), "as_of": draw(DATES)},
        "sources": [
            {
                "id": i,
                "title": draw(WILD_TEXT),
                "url": draw(
                    st.sampled_from(
                        ["https://example.org/a", "http://x.test", "javascript:alert(1)", "ftp://x"]
                    )
                ),
            }
            for i in source_ids
        ],
        "organisations": [
            {
                "id": i,
                "name": draw(WILD_TEXT),
                "kind": draw(st.sampled_from(["cartel", "gang", "cartell", "other"])),
                "aliases": draw(st.lists(WILD_TEXT, max_size=2)),
                "source": draw(cite),
                "designations": [
                    {"authority": "A", "programme": "P", "date": draw(DATES), "source": draw(cite)}
                ],
                "relations": [
                    {
                        "type": "allied-with",
                        "organisation": draw(st.sampled_from(ids)),
                        "source": draw(cite),
                    }
                ],
            }
            for i in org_ids
        ],
        "speakers": [
            {
                "id": i,
                "name": draw(WILD_TEXT),
                "roles": [
                    {
                        "title": "T",
                        "organisation": draw(st.sampled_from(ids)),
                        "period": draw(DATES),
                    }
                ],
                "sources": [{"source": draw(cite), "locator": "p 1"}],
            }
            for i in speaker_ids
        ],
        "quotes": [
            {
                "speaker": draw(st.sampled_from(ids)),
                "text": draw(WILD_TEXT),
                "kind": draw(st.sampled_from(["direct", "paraphrase"])),
                "about": draw(st.lists(st.sampled_from(ids), max_size=2)),
                "source": draw(cite),
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
        "events": [
            {
                "date": draw(DATES),
                "title": draw(WILD_TEXT),
                "participants": [draw(st.sampled_from(ids))],
                "sources": [draw(cite)],
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
    }
    return document


def _items(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in the document, for picking a place to mutate."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            found.append((node, key))
            if isinstance(node[key], (dict, list)):
                stack.append(node[key])
    return found


@st.composite
def mutated_briefings(draw: Any) -> bytes:
    document = draw(briefings())
    for _ in range(draw(st.integers(0, 4))):
        places = _items(document)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["delete", "replace", "bad-date", "dangle", "rename"]))
        if action == "delete":
            del container[key]
        elif action == "replace":
            container[key] = _value(draw)
        elif action == "bad-date":
            container[key] = draw(BAD_DATES)
        elif action == "dangle":
            container[key] = draw(SLUGS) + "-missing"
        elif isinstance(container, dict):
            container[draw(st.text(max_size=8))] = container.pop(key)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    data = text.encode("utf-8")
    # Sometimes damage the bytes as well: a random byte string spliced in somewhere.
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    return data


@FUZZ
@given(mutated_briefings())
def test_mutated_briefings(data: bytes) -> None:
    loads_cleanly(data)


SAFE_TEXT = st.text(
    alphabet=st.characters(
        whitelist_categories=("L", "N", "P", "Zs"), blacklist_characters="\u2028"
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")


@FUZZ
@given(briefings(), st.data())
def test_well_formed_briefings_load_without_errors(document: dict[str, Any], data: Any) -> None:
    # Replace the wild text with ordinary text and the urls and kinds with valid ones; then
    # nothing is wrong with the file, whatever the ids, dates and references are.
    document["briefing"]["title"] = data.draw(SAFE_TEXT)
    for source in document["sources"]:
        source["title"] = data.draw(SAFE_TEXT)
        source["url"] = "https://example.org/"
    for org in document["organisations"]:
        org.update(name=data.draw(SAFE_TEXT), kind="cartel", aliases=[])
    orgs = [o["id"] for o in document["organisations"]]
    speakers = [s["id"] for s in document["speakers"]]
    for org in document["organisations"]:
        org["relations"] = [
            {"type": "allied-with", "organisation": o, "source": org["source"]} for o in orgs[:1]
        ]
    for speaker in document["speakers"]:
        speaker["name"] = data.draw(SAFE_TEXT)
        speaker["roles"] = [{"title": "T", "organisation": o} for o in orgs[:1]]
    document["quotes"] = [
        {"speaker": s, "text": f"words {n}", "source": document["sources"][0]["id"]}
        for n, s in enumerate(speakers)
    ]
    for n, event in enumerate(document["events"]):
        event.update(title=f"event {n}", participants=orgs[:1] + speakers[:1])
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    with file_holding(text.encode("utf-8")) as path:
        result = load([path])
        assert result.problems == (), [p.format() for p in result.problems]
        assert {s.id for s in result.collection.sources} == {s["id"] for s in document["sources"]}

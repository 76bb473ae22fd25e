"""``export --format ftm``: what the followthemoney library accepts, and what reads back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from fto_tui.cli import main
from fto_tui.export import export, format_for_suffix
from fto_tui.ftm.writing import MissingLibrary, to_ftm
from fto_tui.index import Collection
from fto_tui.loader import load


@pytest.fixture(scope="module")
def bundled() -> Collection:
    result = load([])
    assert result.ok, result.problems
    return result.collection


def test_every_entity_written_is_one_the_library_accepts_unchanged(bundled: Collection) -> None:
    model = pytest.importorskip("followthemoney").model
    lines = to_ftm(bundled).splitlines()
    assert len(lines) > len(bundled.organisations) + len(bundled.speakers)
    schemata = set()
    for line in lines:
        data = json.loads(line)
        schema = model.get(data["schema"])
        assert schema is not None
        assert all(schema.get(name) is not None for name in data["properties"]), data
        # Cleaning by the library changes nothing: the values are already in its form.
        assert model.get_proxy(data, cleaned=False).to_dict() == data
        schemata.add(data["schema"])
    assert {"Organization", "Person", "Sanction", "Membership", "Event"} <= schemata


def test_the_bundled_briefings_read_back_with_the_same_entities(
    bundled: Collection, tmp_path: Path
) -> None:
    pytest.importorskip("followthemoney")
    path = tmp_path / "out.ftm.json"
    path.write_text(export(bundled, "ftm"), encoding="utf-8")
    back = load([path])
    assert back.ok, back.problems
    collection = back.collection

    def organisations(c: Collection) -> dict[str, tuple[object, ...]]:
        return {
            o.id: (
                o.name,
                o.aliases,
                tuple((d.authority, d.programme, d.date and d.date.text) for d in o.designations),
            )
            for o in c.organisations
        }

    assert organisations(collection) == organisations(bundled)
    assert {s.id: s.name for s in collection.speakers} == {s.id: s.name for s in bundled.speakers}
    assert {s.id for s in bundled.sources} <= {s.id for s in collection.sources}
    assert {e.id for e in collection.events} == {e.id for e in bundled.events}
    # Roles in organisations come back as roles in the same organisations.
    for speaker in bundled.speakers:
        again = next(s for s in collection.speakers if s.id == speaker.id)
        assert {(r.title, r.organisation) for r in speaker.roles} <= {
            (r.title, r.organisation) for r in again.roles
        }
    # Quotes have no FtM schema of their own: they are written as notes and counted.
    (problem,) = back.problems
    assert problem.code == "ftm-not-mapped"
    assert f"{len(bundled.quotes)} Note" in problem.message


def test_text_that_could_act_on_a_terminal_is_escaped(tmp_path: Path) -> None:
    pytest.importorskip("followthemoney")
    briefing = tmp_path / "b.yaml"
    briefing.write_text(
        'briefing: {title: B}\norganisations:\n  - {id: o, name: "Acme \\u202e evil"}\n',
        encoding="utf-8",
    )
    result = load([briefing])
    assert result.ok, result.problems
    text = to_ftm(result.collection)
    assert "\u202e" not in text
    assert "\\u202e" in text
    assert json.loads(text)["properties"]["name"] == ["Acme \u202e evil"]


def test_a_missing_library_is_one_line_saying_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    with pytest.raises(MissingLibrary):
        to_ftm(Collection())
    assert main(["export", "--format", "ftm"]) != 0
    err = capsys.readouterr().err
    assert (
        err
        == "fto-brief export: this needs the followthemoney library: pip install 'fto-brief[ftm]'\n"
    )


def test_ftm_file_names_choose_the_ftm_format() -> None:
    assert format_for_suffix("out.ftm.json") == "ftm"
    assert format_for_suffix("out.jsonl") == "ftm"
    assert format_for_suffix("out.json") == "json"

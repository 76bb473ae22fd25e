"""FollowTheMoney entity streams read as briefings: every mapping rule, gzip, discovery, the
parse cache, and the real samples in ../shared (skipped when that folder is absent)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from fto_tui.cache import ParseCache
from fto_tui.loader import FileLoad, discover, load, load_file
from fto_tui.model import Organisation, Speaker

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ftm"
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/corpora/ftm is absent")


def entity(entity_id: str, schema: str, **properties: Any) -> dict[str, Any]:
    return {
        "id": entity_id,
        "schema": schema,
        "properties": {k: v if isinstance(v, list) else [v] for k, v in properties.items()},
    }


def stream(*entities: dict[str, Any]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities)


def read(tmp_path: Path, *entities: dict[str, Any], name: str = "e.ftm.json") -> FileLoad:
    path = tmp_path / name
    path.write_text(stream(*entities), encoding="utf-8")
    return load_file(path)


def org(found: FileLoad, entity_id: str) -> Organisation:
    return next(o for o in found.organisations if o.id == entity_id)


def person(found: FileLoad, entity_id: str) -> Speaker:
    return next(s for s in found.speakers if s.id == entity_id)


def test_legal_entities_are_organisations_by_schema_hierarchy(tmp_path: Path) -> None:
    found = read(
        tmp_path,
        entity("c1", "Company", name=["Acme LLC", "Acme"], country="ru", incorporationDate="2001"),
        entity("o1", "Organization", name="Guard Corps", alias="GC"),
        entity("p1", "PublicBody", name="Ministry"),
        entity("l1", "LegalEntity", name="Some Entity"),
        entity("x1", "Person", name="Ivan Petrov", position="Minister", birthDate="1970-02-01"),
    )
    assert found.ok, found.problems
    assert {o.id for o in found.organisations} == {"c1", "o1", "p1", "l1"}
    acme = org(found, "c1")
    assert (acme.name, acme.aliases, acme.kind, acme.based_in) == (
        "Acme LLC",
        ("Acme",),
        "Company",
        ("ru",),
    )
    assert acme.founded is not None and acme.founded.text == "2001"
    assert org(found, "o1").aliases == ("GC",)
    ivan = person(found, "x1")
    assert ivan.name == "Ivan Petrov"
    assert [r.title for r in ivan.roles] == ["Minister"]
    assert ivan.description is not None and "Born: 1970-02-01" in ivan.description
    assert found.problems == ()


def test_a_sanction_is_a_designation_of_the_organisation_or_person_it_names(
    tmp_path: Path,
) -> None:
    found = read(
        tmp_path,
        entity("o1", "Organization", name="Guard Corps"),
        entity("x1", "Person", name="Ivan Petrov"),
        entity(
            "s1",
            "Sanction",
            entity="o1",
            authority="Council of the EU",
            program="Iran human rights",
            programId="EU-IR",
            startDate="2019-04-08",
            endDate="2020-01-01",
            reason="Terrorism",
            provisions="Asset freeze",
            sourceUrl="https://example.org/list",
        ),
        entity("s2", "Sanction", entity="x1", authority="OFAC", listingDate="2022-03-01"),
    )
    (designation,) = org(found, "o1").designations
    assert designation.authority == "Council of the EU"
    assert designation.programme == "Iran human rights"
    assert designation.basis == "Terrorism"
    assert designation.date is not None and designation.date.text == "2019-04-08"
    assert designation.end is not None and designation.end.text == "2020-01-01"
    assert designation.status == "expired"
    assert designation.notes is not None
    assert "Programme id: EU-IR" in designation.notes
    assert "Provisions: Asset freeze" in designation.notes
    (citation,) = designation.citations
    source = next(s for s in found.sources if s.id == citation.source)
    assert source.url == "https://example.org/list"
    (on_person,) = person(found, "x1").designations
    assert (on_person.authority, on_person.programme, on_person.status) == (
        "OFAC",
        "(not given)",
        "active",
    )
    assert on_person.date is not None and on_person.date.text == "2022-03-01"


def test_edges_become_roles_and_relations(tmp_path: Path) -> None:
    found = read(
        tmp_path,
        entity("o1", "Organization", name="Guard Corps"),
        entity("o2", "Company", name="Front Company"),
        entity("x1", "Person", name="Ivan Petrov"),
        entity("x2", "Person", name="Maria Petrova"),
        entity("m1", "Membership", member="x1", organization="o1", startDate="2010"),
        entity("m2", "Membership", member="o2", organization="o1"),
        entity("d1", "Directorship", director="x2", organization="o2", role="CEO"),
        entity("w1", "Ownership", owner="o1", asset="o2", percentage="51"),
        entity("w2", "Ownership", owner="x1", asset="o2"),
        entity("f1", "Family", person="x1", relative="x2", relationship="sister"),
        entity("a1", "Associate", person="x1", associate="x2"),
        entity("u1", "UnknownLink", subject="o2", object="x2", role="agent"),
    )
    assert found.ok and found.problems == (), found.problems
    ivan = person(found, "x1")
    roles = {(r.title, r.organisation) for r in ivan.roles}
    assert roles == {
        ("member", "o1"),
        ("owner", "o2"),
        ("sister: Maria Petrova", None),
        ("associate: Maria Petrova", None),
    }
    member = next(r for r in ivan.roles if r.title == "member")
    assert member.period is not None and member.period.text == "2010/"
    maria = person(found, "x2")
    assert {(r.title, r.organisation) for r in maria.roles} == {
        ("CEO", "o2"),
        ("relative: Ivan Petrov", None),
        ("associate: Ivan Petrov", None),
        ("agent", "o2"),
    }
    assert [(r.type, r.organisation) for r in org(found, "o2").relations] == [("member-of", "o1")]
    assert [(r.type, r.organisation) for r in org(found, "o1").relations] == [("owner-of", "o2")]


def test_events_with_a_date_are_events(tmp_path: Path) -> None:
    found = read(
        tmp_path,
        entity("o1", "Organization", name="Guard Corps"),
        entity("e1", "Event", name="Raid", startDate="2020-05-01", involved="o1", country="ir"),
        entity("e2", "Event", name="Undated"),
    )
    (event,) = found.events
    assert (event.id, event.title, event.date.text, event.participants, event.places) == (
        "e1",
        "Raid",
        "2020-05-01/",
        ("o1",),
        ("ir",),
    )
    (problem,) = found.problems
    assert problem.code == "ftm-not-mapped" and "1 Event without a date" in problem.message


def test_datasets_and_statement_metadata_are_kept_as_citations(tmp_path: Path) -> None:
    line = entity("o1", "Organization", name="Guard Corps", sourceUrl="https://ex.org/a")
    line.update(
        datasets=["eu_fsf", "us_ofac_sdn"],
        referents=["eu-fsf-123", "ofac-456"],
        first_seen="2021-01-02T00:00:00",
        last_seen="2024-05-06T00:00:00",
    )
    found = read(tmp_path, line, entity("o2", "Organization", name="Other", publisher="OFAC"))
    guard = org(found, "o1")
    assert [c.source for c in guard.citations] == [
        next(s.id for s in found.sources if s.url == "https://ex.org/a"),
        "ftm-dataset-eu_fsf",
        "ftm-dataset-us_ofac_sdn",
    ]
    locator = guard.citations[1].locator
    assert locator is not None
    for part in (
        "first seen 2021-01-02",
        "last seen 2024-05-06",
        "eu-fsf-123",
        "ofac-456",
    ):
        assert part in locator
    dataset = next(s for s in found.sources if s.id == "ftm-dataset-eu_fsf")
    assert (dataset.title, dataset.kind) == ("eu_fsf", "dataset")
    assert found.info is not None and found.info.summary == "Datasets: eu_fsf, us_ofac_sdn"
    assert found.info.as_of is not None and found.info.as_of.text == "2024-05-06"


def test_fragments_of_one_id_are_merged(tmp_path: Path) -> None:
    found = read(
        tmp_path,
        entity("o1", "Organization", name="Guard Corps"),
        entity("o1", "Organization", alias="GC", country="ir"),
    )
    (only,) = found.organisations
    assert (only.name, only.aliases, only.based_in) == ("Guard Corps", ("GC",), ("ir",))


def test_gzipped_streams_read_like_plain_ones(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl.gz"
    path.write_bytes(gzip.compress(stream(entity("o1", "Company", name="Acme")).encode()))
    found = load_file(path)
    assert [o.name for o in found.organisations] == ["Acme"]


def test_directories_offer_ftm_streams_beside_yaml(tmp_path: Path) -> None:
    for name in ("a.ftm.json", "b.ijson", "c.jsonl", "d.ftm.json.gz", "e.yaml", "f.json"):
        (tmp_path / name).write_text("", encoding="utf-8")
    files, _ = discover([tmp_path])
    assert [Path(f).name for f in files] == [
        "a.ftm.json",
        "b.ijson",
        "c.jsonl",
        "d.ftm.json.gz",
        "e.yaml",
    ]


def test_ftm_and_yaml_load_together(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        "briefing: {title: B}\norganisations:\n  - {id: cartel, name: The Cartel}\n",
        encoding="utf-8",
    )
    (tmp_path / "e.ftm.json").write_text(
        stream(entity("o1", "Organization", name="Guard Corps")), encoding="utf-8"
    )
    result = load([tmp_path])
    assert result.ok, result.problems
    assert {o.id for o in result.collection.organisations} == {"cartel", "o1"}


def test_ftm_loads_go_through_the_parse_cache(tmp_path: Path) -> None:
    path = tmp_path / "e.ftm.json"
    path.write_text(stream(entity("o1", "Organization", name="Guard Corps")), encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    first = load_file(path, cache=cache)
    assert list((tmp_path / "cache").iterdir())
    assert load_file(path, cache=cache) == first


@needs_samples
def test_the_opensanctions_sample_opens() -> None:
    result = load([SAMPLES / "opensanctions-eu-fsf-sample.ftm.json"])
    assert result.ok, result.problems
    irgc = next(o for o in result.collection.organisations if o.name == "IRGC")
    assert irgc.aliases == ("Iranian Revolutionary Guard Corps",)
    assert irgc.based_in == ("ir",)
    # names in other scripts are kept as written
    assert any(not a.isascii() for s in result.collection.speakers for a in (s.name, *s.aliases))
    assert result.collection.speakers
    (problem,) = result.problems
    assert (problem.code, problem.line) == ("ftm-not-mapped", 4)
    assert "1 Address" in problem.message


@needs_samples
def test_the_sanctions_collection_maps_sanctions_and_links() -> None:
    result = load([SAMPLES / "zala-synthetic-sanctions.ftm.json"])
    assert result.ok, result.problems
    organisations = result.collection.organisations
    speakers = result.collection.speakers
    designations = sum(len(o.designations) for o in organisations) + sum(
        len(s.designations) for s in speakers
    )
    assert designations == 41
    assert any(o.relations for o in organisations)
    assert any(r.organisation for s in speakers for r in s.roles)
    (problem,) = result.problems
    assert "11 Address" in problem.message and "1 Passport" in problem.message


def test_the_schema_table_is_the_followthemoney_model() -> None:
    followthemoney = pytest.importorskip("followthemoney")
    from fto_tui.ftm.hierarchy import EDGES, SCHEMATA

    model = followthemoney.model
    # On a difference: regenerate the table with python -m fto_tui.ftm.generate.
    assert {
        name: frozenset(s.name for s in schema.schemata) for name, schema in model.schemata.items()
    } == SCHEMATA
    assert {
        name: (schema.edge_source, schema.edge_target)
        for name, schema in model.schemata.items()
        if schema.edge_source and schema.edge_target
    } == EDGES

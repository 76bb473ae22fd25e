"""Format v2: designations as records, relations on both sides, translated and unnamed quotes,
identifiers, confidence; and what stays the same for v1 briefings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.generate import write as write_benchmark
from fto_tui import fastload
from fto_tui.export.csvexport import to_csv
from fto_tui.export.jsonexport import to_document
from fto_tui.export.markdown import to_markdown
from fto_tui.index import Collection
from fto_tui.jsonschema import json_schema
from fto_tui.loader import load, load_file
from fto_tui.model import DesignationAct, Identifier
from fto_tui.problems import Severity
from fto_tui.reading import decode
from fto_tui.search import SearchIndex
from fto_tui.ui.details import document_for
from tests.test_errors import HEAD, SOURCE, check, one, problems, write
from tests.test_fastload import agree

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "briefing-format.md"

#: The Houthi-style story told in format v2, with invented names and no notes at all (the
#: reader's tests open the same file).
STORY_PATH = Path(__file__).resolve().parent / "ui" / "data" / "story-v2.yaml"
STORY = STORY_PATH.read_text(encoding="utf-8")


@pytest.fixture
def story(tmp_path: Path) -> Collection:
    result = load([write(tmp_path, STORY)])
    assert result.problems == (), [p.format() for p in result.problems]
    return result.collection


def _reader_text(collection: Collection, entity_id: str) -> str:
    entity = collection.get(entity_id)
    assert entity is not None
    return "\n".join(b.render().plain for b in document_for(entity, collection).blocks)


# -- 1. designations ----------------------------------------------------------------------


def test_designation_acts_are_chronology_entries_of_their_own(story: Collection) -> None:
    acts = [e for e in story.timeline if isinstance(e, DesignationAct)]
    assert [(a.id, a.date.text, a.act) for a in acts] == [
        ("river-leader-designation-1~designated", "2021-01-19", "designated"),
        ("river-fto-1~designated", "2021-01-19", "designated"),
        ("river-fto-1~revoked", "2021-02-16", "revoked"),
        ("river-fto-2~restored", "2025-03-05", "restored"),
        ("river-fto-2~amended-1", "2025-06-01", "amended"),
    ]
    revoked = story.get("river-fto-1~revoked")
    assert revoked is not None and "revoked by Secretary of Lists" in revoked.name
    assert revoked.description == "Announced 5 Feb 2021; took effect 16 Feb 2021."
    # Derived, not written: the exports' chronology keeps the events written.
    assert [e.id for e in story.chronology] == [e.id for e in story.events]


def test_the_chronology_narrows_to_a_holder_with_its_acts(story: Collection) -> None:
    narrowed = [e.id for e in story.events_of("river-movement")]
    assert narrowed == [
        "river-fto-1~designated",
        "river-fto-1~revoked",
        "river-fto-2~restored",
        "river-fto-2~amended-1",
    ]
    assert [e.id for e in story.events_of("river-leader")] == [
        "river-leader-designation-1~designated"
    ]


def test_quotes_and_events_can_be_about_a_designation(story: Collection) -> None:
    assert [q.id for q in story.quotes_about("river-fto-2")] == ["minister-words"]
    assert len(story.events_about("river-fto-2")) == 1
    holder, designation = story.designation("river-fto-2") or (None, None)
    assert holder is not None and holder.id == "river-movement"
    assert designation is not None and designation.restores == "river-fto-1"


def test_reader_shows_announced_effective_revoked_restored_amended(story: Collection) -> None:
    text = _reader_text(story, "river-movement")
    for expected in (
        "Announced: 10 Jan 2021",
        "Took effect: 19 Jan 2021",
        "Revoked: Secretary of Lists",
        "Reason: to ease relief deliveries",
        "Restores: Listed Organisations (Department of Lists) of River Movement",
        "Amended: 1 Jun 2025: added the alias River Guard",
        "Identifiers: wikidata Q111 · opensanctions NK-river",
    ):
        assert expected in text, expected
    assert "Designations (1)" in _reader_text(story, "river-leader")
    act = _reader_text(story, "river-fto-1~revoked")
    assert "From the designation of" in act and "River Movement" in act


def test_unknown_restored_designation_and_clashing_designation_id(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "organisations:\n  - id: o\n    name: O\n    source: src\n    designations:\n"
        "      - id: src\n        authority: A\n        programme: P\n        source: src\n"
        "      - authority: A\n        programme: P\n        restores: nothing-here\n"
        "        source: src\n"
    )
    found = problems(tmp_path, text)
    check(one(found, "unknown-reference"), 17, 19, Severity.ERROR, "unknown designation")
    check(one(found, "duplicate-id"), 11, 9, Severity.ERROR, "designation id 'src'")


def test_a_designation_named_where_another_kind_is_wanted(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "organisations:\n  - id: o\n    name: O\n    source: src\n    designations:\n"
        "      - id: d1\n        authority: A\n        programme: P\n        source: src\n"
        "events:\n  - date: 2020\n    title: E\n    participants: [d1]\n    source: src\n"
    )
    problem = one(problems(tmp_path, text), "wrong-reference")
    assert problem.message == "'d1' is a designation, not an organisation or speaker"


def test_designations_and_relations_that_cite_nothing_are_warned_about(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "organisations:\n  - id: o\n    name: O\n    source: src\n    designations:\n"
        "      - authority: A\n        programme: P\n    relations:\n"
        "      - type: rival-of\n        organisation: o\n"
    )
    found = [p for p in problems(tmp_path, text) if p.code == "no-source"]
    assert [(p.line, p.column, p.severity) for p in found] == [
        (11, 9, Severity.WARNING),
        (14, 9, Severity.WARNING),
    ]
    assert "designation 'P' of 'o' cites no source" in found[0].message


# -- 2. relations -------------------------------------------------------------------------


def test_relations_are_shown_on_both_sides_with_reverse_wording(story: Collection) -> None:
    backed = _reader_text(story, "river-movement")
    assert "backed-by: Hill State" in backed
    assert "Asserted by: Ministry of Foreign Affairs" in backed
    assert "Disputed by: Hill State" in backed
    assert "Confidence: moderate" in backed
    backs = _reader_text(story, "hill-state")
    assert "Relations of others to it (1)" in backs
    assert "backs: River Movement" in backs
    markdown = to_markdown(story)
    assert "- backed by Hill State (disputed)" in markdown
    assert "- backs River Movement (disputed)" in markdown


# -- 3. quotes ----------------------------------------------------------------------------


def test_a_translation_is_never_called_the_words_as_spoken(story: Collection) -> None:
    text = _reader_text(story, "minister-words")
    assert "the words as spoken" not in text
    assert "Kind: direct, in translation (translated by Wire Agency)" in text
    assert "Language: ar" in text and "التصنيف ظالم" in text
    assert "Said by: Ministry of Foreign Affairs" in text
    assert "Other wordings (1)" in text and "“The designation is unfair.”" in text
    assert "About it: " in _reader_text(story, "river-movement")


def test_an_organisation_speaks_and_an_unnamed_speaker_is_an_attribution(
    story: Collection,
) -> None:
    assert [q.id for q in story.quotes_by("foreign-ministry")] == ["minister-words"]
    assert "Statements (1)" in _reader_text(story, "foreign-ministry")
    unnamed = [q for q in story.quotes if q.speaker is None]
    assert len(unnamed) == 1 and unnamed[0].id.startswith("unnamed-")
    text = _reader_text(story, unnamed[0].id)
    assert "Attributed to: a senior Department of Lists official" in text
    assert "Said by" not in text
    markdown = to_markdown(story)
    assert "## Quotes from unnamed speakers" in markdown
    assert "#### Statements" in markdown


def test_a_quote_needs_a_speaker_or_an_attribution(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD + SOURCE + "quotes:\n  - text: hi\n    source: src\n")
    check(one(found, "missing-field"), 7, 5, Severity.ERROR, "'speaker' or 'attribution'")


# -- 4. sources and identifiers -------------------------------------------------------------


def test_identifiers_are_a_mapping_of_schemes(story: Collection, tmp_path: Path) -> None:
    org = story.get("river-movement")
    assert org is not None
    assert org.identifiers == (  # type: ignore[union-attr]
        Identifier("wikidata", "Q111"),
        Identifier("opensanctions", "NK-river"),
    )
    bad = HEAD + SOURCE.rstrip("\n") + "\n    identifiers: {Wiki Data: Q1}\n"
    check(one(problems(tmp_path, bad), "bad-id"), 6, 19, Severity.ERROR, "identifier scheme")
    listed = HEAD + SOURCE.rstrip("\n") + "\n    identifiers: [Q1]\n"
    check(one(problems(tmp_path, listed), "wrong-type"), 6, 18, Severity.ERROR, "mapping")


def test_the_example_sources_have_archive_via_and_identifiers(tmp_path: Path) -> None:
    block = re.findall(r"```yaml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)[0]
    collection = load([write(tmp_path, block)]).collection
    exported = to_document(collection)
    by_id = {s["id"]: s for s in exported["sources"]}
    assert by_id["estmark-daily-2031-06-02"]["via"]["kind"] == "source"
    assert by_id["maritime-notice-17"]["identifiers"] == {"valdoria-gazette": "2031-0617"}
    assert by_id["valdoria-gazette-2031-06-03"]["archive_link"].startswith("https://web.archive")
    assert "Relays: Valdoria lists smuggling crew" in _reader_text(
        collection, "estmark-daily-2031-06-02"
    )


# -- 5. search and messages -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("relief deliveries", "river-movement"),  # a revocation's reason
        ("River Guard", "river-movement"),  # an amendment
        ("ظالم", "minister-words"),  # an original
        ("unfair", "minister-words"),  # a variant wording
        ("senior Department", None),  # an attribution
    ],
)
def test_search_covers_designations_originals_and_variants(
    story: Collection, query: str, found: str | None
) -> None:
    hits = [h.entity_id for h in SearchIndex(story).search(query)]
    if found is None:
        assert any(h.startswith("unnamed-") for h in hits), hits
    else:
        assert found in hits, hits


def test_did_you_mean_only_when_close(tmp_path: Path) -> None:
    text = (
        HEAD
        + SOURCE
        + "organisations:\n  - id: o\n    name: O\n    source: src\n    designations:\n"
        "      - authority: A\n        programme: P\n        status: reinstated\n"
        "        source: src\n"
    )
    problem = one(problems(tmp_path, text), "unknown-value")
    assert problem.hint == "one of: active, proposed, revoked, expired, delisted"


def test_a_key_of_another_kind_of_entity_says_so(tmp_path: Path) -> None:
    text = HEAD + SOURCE + "speakers:\n  - id: s\n    name: S\n    source: src\n    relations: []\n"
    problem = one(problems(tmp_path, text), "unknown-key")
    assert problem.hint == "'relations' belongs to organisations, not to speakers"


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Cártel del Golfo", "like 'cartel-del-golfo'"),
        ("Абу Мухаммад", "like the name in Latin letters"),
        ("أبو محمد", "like the name in Latin letters"),
    ],
)
def test_the_id_hint_works_for_any_script(tmp_path: Path, written: str, hint: str) -> None:
    text = HEAD + f"sources:\n  - id: {written}\n    title: T\n"
    problem = one(problems(tmp_path, text), "bad-id")
    assert problem.hint is not None and hint in problem.hint


def test_an_unquoted_colon_gets_the_hint_to_quote(tmp_path: Path) -> None:
    text = HEAD + "sources:\n  - id: s\n    title: Notice: Designation of X: Update\n"
    problem = one(problems(tmp_path, text), "yaml-syntax")
    assert "mapping values are not allowed" in problem.message
    assert problem.hint is not None and "quote" in problem.hint


# -- 6. compatibility ---------------------------------------------------------------------


def test_json_schema_declares_the_v2_fields() -> None:
    schema = json_schema()
    definitions = schema["definitions"]
    assert set(definitions["designation"]["properties"]) >= {
        "id",
        "announced",
        "revocation",
        "amendments",
        "restores",
    }
    assert definitions["quote"]["anyOf"] == [
        {"required": ["speaker"]},
        {"required": ["attribution"]},
    ]
    identifiers = definitions["organisation"]["properties"]["identifiers"]
    assert identifiers["type"] == "object"


def test_json_export_adds_keys_only_and_keeps_its_version(story: Collection) -> None:
    document = json.loads(json.dumps(to_document(story)))
    assert document["version"] == 1
    org = document["organisations"][0]
    keys = list(org)
    # The v1 keys first, in their v1 order, then the v2 ones, then the position.
    assert keys[: keys.index("citations") + 1] == [
        "id",
        "name",
        "aliases",
        "kind",
        "based_in",
        "active_in",
        "activities",
        "founded",
        "description",
        "designations",
        "relations",
        "citations",
    ]
    assert keys[-2:] == ["identifiers", "position"]
    restored = org["designations"][1]
    assert restored["restores"]["kind"] == "designation"
    assert restored["revocation"] is None
    assert org["designations"][0]["revocation"]["by"] == "Secretary of Lists"


def test_csv_export_covers_about_and_confidence(story: Collection) -> None:
    header, row = to_csv(story).splitlines()[:2]
    assert header.endswith(",about,confidence")
    assert row.endswith("of River Movement,high")


def test_the_fast_path_reads_v2_fields_as_the_precise_path_does(tmp_path: Path) -> None:
    if not fastload.available():
        pytest.skip("no fast parser here")
    guide = GUIDE.read_text(encoding="utf-8")
    example = re.findall(r"```yaml\n(.*?)```", guide, re.S)[0]
    for text in (STORY, example):
        assert agree(text) is not None  # read by the fast path, and the same as precise
    # A large file with a v2 field takes the fast path and loads as the precise path does.
    big = tmp_path / "big.yaml"
    write_benchmark(str(big), 0.3)
    v2 = big.read_bytes().replace(b"    tags: [", b"    confidence: high\n    tags: [", 1)
    source = decode(str(big), v2)
    assert not isinstance(source, Exception)
    assert fastload.content(source, v2) is not None
    big.write_bytes(v2)
    loaded = load_file(big)
    assert loaded.problems == ()
    assert any(e.confidence == "high" for e in loaded.events)
    # A quote with neither speaker nor attribution is left to the precise path, which reports it.
    broken = STORY.replace("    speaker: foreign-ministry\n", "")
    assert fast_content(broken) is None


def fast_content(text: str) -> object:
    data = text.encode()
    source = decode("b.yaml", data)
    assert not isinstance(source, Exception)
    return fastload.content(source, data)

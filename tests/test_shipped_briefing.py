"""Content checks for the shipped briefings: the February 2025 designations and the FTO list.

These tests assert what the briefing says (the designated organisations, the speakers, the
quotes and their sources), not how the loader works. The quotes are compared with the news
article they come from when a copy of it is available beside the repository.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from fto_tui.dates import EdtfDate
from fto_tui.index import Collection
from fto_tui.loader import LoadResult, bundled_paths, load
from fto_tui.model import Designation, Event, Organisation, Quote, QuoteKind, Source, Speaker

BRIEFING = Path(__file__).resolve().parents[1] / "briefings" / "fto-designations-2025.yaml"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
ARTICLE = SEED / "000_3cba0a028af773f9.txt"
ARTICLE_SOURCE = "bbc-news-2025-02-cartel-designations"

DESIGNATED = {
    "tren-de-aragua": "TdA",
    "mara-salvatrucha": "MS-13",
    "cartel-de-sinaloa": "Sinaloa Cartel",
    "cartel-de-jalisco-nueva-generacion": "CJNG",
    "cartel-del-noreste": "CDN",
    "cartel-del-golfo": "Gulf Cartel",
    "carteles-unidos": "United Cartels",
    "la-nueva-familia-michoacana": "LNFM",
}


@pytest.fixture(scope="module")
def loaded() -> LoadResult:
    return load([BRIEFING])


@pytest.fixture(scope="module")
def collection(loaded: LoadResult) -> Collection:
    return loaded.collection


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip("the source article is not available beside the repository")
    return ARTICLE.read_text(encoding="utf-8")


def organisation(collection: Collection, entity_id: str) -> Organisation:
    entity = collection.get(entity_id)
    assert isinstance(entity, Organisation), f"{entity_id} is not an organisation"
    return entity


def speaker(collection: Collection, entity_id: str) -> Speaker:
    entity = collection.get(entity_id)
    assert isinstance(entity, Speaker), f"{entity_id} is not a speaker"
    return entity


def date_text(value: EdtfDate | None) -> str | None:
    return value.text if value is not None else None


def test_loads_without_any_problem(loaded: LoadResult) -> None:
    problems = [problem.format() for problem in loaded.problems]
    assert problems == []


@pytest.mark.parametrize(("org_id", "alias"), sorted(DESIGNATED.items()))
def test_designated_organisation_has_fto_and_sdgt_listings(
    collection: Collection, org_id: str, alias: str
) -> None:
    org = organisation(collection, org_id)
    assert alias in org.aliases
    assert org.kind in {"cartel", "gang", "criminal-organisation"}
    listings = {
        ("FTO" if "Foreign Terrorist Organization" in d.programme else "SDGT"): d
        for d in org.designations
        if "Foreign Terrorist Organization" in d.programme
        or "Specially Designated Global Terrorist" in d.programme
    }
    assert set(listings) == {"FTO", "SDGT"}
    assert "219" in (listings["FTO"].basis or "")
    assert "13224" in (listings["SDGT"].basis or "")
    for designation in listings.values():
        assert designation.authority == "US Department of State"
        assert date_text(designation.date) == "2025-02-20"
        assert designation.status == "active"
        assert designation.citations, f"{org_id}: designation cites no source"


def test_exactly_eight_organisations_are_designated(collection: Collection) -> None:
    designated = {org.id for org in collection.organisations if org.designations}
    assert designated == set(DESIGNATED)


def test_cartel_del_noreste_is_formerly_los_zetas(collection: Collection) -> None:
    cdn = organisation(collection, "cartel-del-noreste")
    assert [(r.type, r.organisation) for r in cdn.relations] == [("successor-of", "los-zetas")]
    (relation,) = cdn.relations
    assert relation.notes is not None and "(formerly Los Zetas)" in relation.notes
    assert organisation(collection, "los-zetas").kind == "cartel"


def test_the_articles_claim_about_the_set_is_not_given_to_each_group(
    collection: Collection,
) -> None:
    """The article says "the groups" traffic drugs and smuggle migrants: a claim about the set,
    kept on the designations event, not attested of each organisation."""
    for org_id in DESIGNATED:
        assert organisation(collection, org_id).activities == ()
    event = collection.get("designations-2025-02-20")
    assert isinstance(event, Event)
    assert "drug trafficking and migrant smuggling" in (event.description or "")


def test_aliases_are_names_not_honorifics_or_offices(collection: Collection) -> None:
    assert "Mr Trump" not in speaker(collection, "donald-trump").aliases
    assert "US presidency" not in organisation(collection, "us-government").aliases


def test_notes_shown_to_readers_name_no_internal_ids(collection: Collection) -> None:
    ids = {entity.id for entity in [*collection.organisations, *collection.speakers]}
    ids |= {quote.id for quote in collection.quotes} | {event.id for event in collection.events}
    for quote in collection.quotes:
        words = {word.strip("().,;:") for word in (quote.notes or "").split()}
        assert not words & ids, f"{quote.id}: its note names an internal id"


@pytest.mark.parametrize(
    ("speaker_id", "period", "source_id"),
    [
        ("marco-rubio", "2025-01-21/..", "upi-2025-01-21-rubio-sworn-in"),
        ("claudia-sheinbaum", "2024-10-01/..", "vallarta-today-2024-10-02-sheinbaum"),
        ("stephen-miller", None, ARTICLE_SOURCE),
    ],
)
def test_role_start_dates_cite_a_source_that_gives_them(
    collection: Collection, speaker_id: str, period: str | None, source_id: str
) -> None:
    (role,) = speaker(collection, speaker_id).roles
    assert date_text(role.period) == period
    assert source_id in {citation.source for citation in role.citations}


@pytest.mark.parametrize(
    ("speaker_id", "title", "org_id"),
    [
        ("marco-rubio", "Secretary of State", "us-department-of-state"),
        ("stephen-miller", "White House deputy chief of staff", "white-house"),
        ("donald-trump", "President of the United States", "us-government"),
        ("claudia-sheinbaum", "President of Mexico", "government-of-mexico"),
    ],
)
def test_speaker_role(collection: Collection, speaker_id: str, title: str, org_id: str) -> None:
    person = speaker(collection, speaker_id)
    assert (title, org_id) in [(role.title, role.organisation) for role in person.roles]
    assert organisation(collection, org_id).kind in {"government", "government-body"}


def test_trump_presidencies_and_party(collection: Collection) -> None:
    trump = speaker(collection, "donald-trump")
    periods = {date_text(role.period) for role in trump.roles}
    assert periods == {"2025-01-20/..", "2017/2021"}
    assert trump.affiliations == ("republican-party",)
    assert organisation(collection, "republican-party").kind == "political-party"


def test_direct_quotes_are_word_for_word_in_the_article(
    collection: Collection, article: str
) -> None:
    direct = [q for q in collection.quotes if q.kind is QuoteKind.DIRECT]
    assert len(direct) == 4
    for quote in direct:
        assert quote.text in article, f"{quote.id} is not printed so in the article"


def test_relative_dates_keep_the_article_wording(collection: Collection, article: str) -> None:
    items: list[Quote | Event] = [*collection.quotes, *collection.events]
    for item in items:
        cited = {source.id for source, _ in collection.sources_of(item)}
        if item.as_written is not None and cited == {ARTICLE_SOURCE}:
            assert item.as_written in article, f"{item.id}: {item.as_written!r}"


def test_miller_quote_keeps_the_article_wording_and_says_sic(collection: Collection) -> None:
    quote = collection.get("miller-legal-reality")
    assert isinstance(quote, Quote)
    assert "to credit or undermine" in quote.text
    assert quote.notes is not None and "[sic]" in quote.notes
    assert quote.audience == "White House reporters"


def test_every_quote_and_event_cites_a_source(collection: Collection) -> None:
    items: list[Quote | Event] = [*collection.quotes, *collection.events]
    for item in items:
        assert collection.sources_of(item), f"{item.id} cites no source"


def test_every_organisation_and_speaker_cites_a_source(collection: Collection) -> None:
    items: list[Organisation | Speaker] = [*collection.organisations, *collection.speakers]
    for item in items:
        assert collection.sources_of(item), f"{item.id} cites no source"


@pytest.mark.parametrize("speaker_id", ["claudia-sheinbaum", "donald-trump", "marco-rubio"])
def test_reported_speech_is_a_paraphrase(collection: Collection, speaker_id: str) -> None:
    kinds = [q.kind for q in collection.quotes_by(speaker_id)]
    assert QuoteKind.PARAPHRASE in kinds


def test_sheinbaum_spoke_on_wednesday_19_february(collection: Collection) -> None:
    (quote,) = collection.quotes_by("claudia-sheinbaum")
    assert date_text(quote.date) == "2025-02-19"
    assert quote.as_written == "on Wednesday"


def test_designations_event_is_dated_to_the_federal_register(collection: Collection) -> None:
    event = collection.get("designations-2025-02-20")
    assert isinstance(event, Event)
    assert date_text(event.date) == "2025-02-20"
    assert event.as_written == "Thursday’s edition of the Federal Register"
    assert set(DESIGNATED) <= set(event.participants)
    cited = {source.id for source, _ in collection.sources_of(event)}
    assert {"federal-register-2025-02-20", ARTICLE_SOURCE} <= cited


def test_sources(collection: Collection) -> None:
    kinds = {source.id: source.kind for source in collection.sources}
    assert kinds[ARTICLE_SOURCE] == "article"
    assert kinds["federal-register-2025-02-20"] == "government-notice"
    assert kinds["executive-order-14157"] == "executive-order"
    assert kinds["state-department-2025-02-20-statement"] == "statement"
    article_source = collection.get(ARTICLE_SOURCE)
    assert isinstance(article_source, Source)
    assert article_source.publisher == "BBC News"
    assert article_source.url is None


def test_untitled_sources_say_so(collection: Collection) -> None:
    """A source without a headline of its own has a descriptive title that starts "Untitled:"
    and says so in its notes, so the description is never passed off as a headline."""
    article_source = collection.get(ARTICLE_SOURCE)
    assert isinstance(article_source, Source)
    assert article_source.title.startswith("Untitled: ")
    for source in collection.sources:
        if source.title.startswith("Untitled"):
            assert "UNTITLED" in (source.notes or "") or "describes" in (source.notes or ""), (
                source.id
            )


def test_every_source_but_the_unfound_ones_has_a_url(collection: Collection) -> None:
    without = {source.id for source in collection.sources if source.url is None}
    assert without == {ARTICLE_SOURCE, "federal-register-2025-02-20"}


# -- the bundled library: the 2025 story and the whole FTO list, loaded together -------------

LIST = BRIEFING.parent / "us-fto-list.yaml"
FIRST_LIST = dt.date(1997, 10, 8)


@pytest.fixture(scope="module")
def library() -> LoadResult:
    return load(bundled_paths())


def fto_designations(collection: Collection) -> list[tuple[Organisation, Designation]]:
    return [
        (org, designation)
        for org in collection.organisations
        for designation in org.designations
        if designation.programme.startswith("Foreign Terrorist Organization")
    ]


def test_the_bundled_briefings_are_the_story_and_the_list() -> None:
    assert {path.name for path in bundled_paths()} == {BRIEFING.name, LIST.name}


def test_the_library_loads_without_any_problem(library: LoadResult) -> None:
    assert [problem.format() for problem in library.problems] == []


def test_every_fto_designation_and_its_organisation_cite_a_source(library: LoadResult) -> None:
    collection = library.collection
    designations = fto_designations(collection)
    assert len({org.id for org, _ in designations}) >= 90
    for org, designation in designations:
        assert collection.sources_of(org), f"{org.id} cites no source"
        assert designation.citations, f"{org.id}: an FTO designation cites no source"


def test_every_fto_designation_of_the_list_cites_a_locator(library: LoadResult) -> None:
    """The list's facts come from rows, paragraphs and list entries: each citation says which."""
    on_list = {org.id for org in load([LIST]).collection.organisations}
    for org, designation in fto_designations(library.collection):
        if org.id in on_list:
            assert any(c.locator for c in designation.citations), f"{org.id}: no locator"


def test_no_fto_designation_before_the_first_list(library: LoadResult) -> None:
    for org, designation in fto_designations(library.collection):
        if designation.date is not None:
            earliest = designation.date.earliest
            assert earliest is not None and earliest >= FIRST_LIST, f"{org.id}: {designation.date}"


def test_the_first_list_had_no_more_than_thirty(library: LoadResult) -> None:
    first = {
        org.id
        for org, designation in fto_designations(library.collection)
        if designation.date is not None and designation.date.text == "1997-10-08"
    }
    assert 18 <= len(first) <= 30


def test_every_revoked_designation_has_an_end_after_its_start(library: LoadResult) -> None:
    collection = library.collection
    revoked = [
        (org, d)
        for org in collection.organisations
        for d in org.designations
        if d.status == "revoked"
    ]
    assert len(revoked) >= 10
    for org, designation in revoked:
        assert designation.end is not None, f"{org.id}: revoked without an end date"
        if designation.date is not None:
            assert designation.end.sort_key >= designation.date.sort_key, org.id


def test_designations_that_ended_say_so(library: LoadResult) -> None:
    for org, designation in fto_designations(library.collection):
        if designation.end is not None:
            assert designation.status in {"revoked", "expired", "delisted"}, org.id


def test_every_source_of_the_list_says_what_was_seen() -> None:
    for source in load([LIST]).collection.sources:
        assert source.notes, f"{source.id} has no notes"
        assert "seen" in source.notes.lower(), f"{source.id}: its notes do not say what was seen"


def test_ids_shared_with_the_2025_briefing_resolve_to_one_entity(
    library: LoadResult, collection: Collection
) -> None:
    """The list refers to the story's entities (the State Department) and never redefines them;
    each of the story's ids names the same entity, once, in the library."""
    merged = library.collection
    story_ids = {entity.id for entity in [*collection.organisations, *collection.speakers]}
    list_ids = {entity.id for entity in load([LIST]).collection.organisations}
    assert not story_ids & list_ids
    for entity_id in story_ids:
        assert merged.get(entity_id) == collection.get(entity_id), entity_id
    referenced = {
        participant for event in merged.events for participant in event.participants
    } - list_ids
    assert "us-department-of-state" in referenced
    for entity_id in referenced:
        assert merged.get(entity_id) is not None, entity_id


def test_the_eight_of_2025_are_designated_once_in_the_library(library: LoadResult) -> None:
    designated = [org.id for org, d in fto_designations(library.collection)]
    for org_id in DESIGNATED:
        assert designated.count(org_id) == 1, org_id


@pytest.mark.parametrize(
    ("org_id", "date", "status", "end"),
    [
        ("hamas", "1997-10-08", "active", None),
        ("al-qaida", "1999-10-08", "active", None),
        ("khmer-rouge", "1997-10-08", "expired", "1999-10-08"),
        ("japanese-red-army", "1997-10-08", "expired", "2001-10-08"),
        ("mujahedin-e-khalq", "1997-10-08", "revoked", "2012-09-28"),
        ("farc", "1997-10-08", "revoked", "2021-11-30"),
        ("farc-ep", "2021-12-01", "active", None),
        ("aum-shinrikyo", "1997-10-08", "revoked", "2022-05-20"),
        ("al-nusrah-front", "2014-05-15", "revoked", "2025-07-08"),
        ("islamic-state-of-iraq-and-the-levant", "2004-12-17", "active", None),
    ],
)
def test_designations_as_the_sources_give_them(
    library: LoadResult, org_id: str, date: str, status: str, end: str | None
) -> None:
    org = organisation(library.collection, org_id)
    first = next(d for d in org.designations if d.programme.startswith("Foreign Terrorist"))
    assert (date_text(first.date), first.status, date_text(first.end)) == (date, status, end)


def test_farc_splinters(library: LoadResult) -> None:
    for org_id in ("farc-ep", "segunda-marquetalia"):
        relations = organisation(library.collection, org_id).relations
        assert [(r.type, r.organisation) for r in relations] == [("split-from", "farc")]
        assert relations[0].citations


def test_ansarallah_designated_twice(library: LoadResult) -> None:
    first, second = organisation(library.collection, "ansarallah").designations
    assert (first.status, date_text(first.end)) == ("revoked", "2021-02-16")
    assert second.status == "active" and second.date is None
    assert date_text(second.announced) == "2025-03-04"
    assert first.id is not None and second.restores == first.id


def _all_designations(library: LoadResult):  # type: ignore[no-untyped-def]
    for org in library.collection.organisations:
        for designation in org.designations:
            yield org, designation


def test_every_revoked_designation_says_when(library: LoadResult) -> None:
    revoked = [(o.id, d) for o, d in _all_designations(library) if d.status == "revoked"]
    assert revoked
    for org_id, d in revoked:
        revocation = d.revocation
        dated = d.end is not None or (
            revocation is not None and (revocation.date or revocation.announced) is not None
        )
        assert dated, org_id


def test_every_restores_names_an_earlier_designation_of_the_same_organisation(
    library: LoadResult,
) -> None:
    restoring = [(o, d) for o, d in _all_designations(library) if d.restores]
    assert restoring
    for org, d in restoring:
        earlier = [e for e in org.designations if e.id == d.restores]
        assert len(earlier) == 1, org.id
        assert earlier[0].status == "revoked" and org.designations.index(earlier[0]) < (
            org.designations.index(d)
        )


def test_no_designation_note_holds_a_converted_wording(library: LoadResult) -> None:
    converted = re.compile(
        r"Announced \d{4}-|Revocation announced|Revoked (\d|on )|Revocation reason|"
        r"Amended \d{4}|Restores the designation"
    )
    for org, d in _all_designations(library):
        assert not converted.search(d.notes or ""), org.id


def test_fto_designations_have_unique_ids(library: LoadResult) -> None:
    ids = [
        d.id for _, d in _all_designations(library) if d.programme.startswith("Foreign Terrorist")
    ]
    assert all(ids) and len(ids) == len(set(ids))


def test_revocations_and_amendments_cite_with_locators(library: LoadResult) -> None:
    org = organisation(library.collection, "al-nusrah-front")
    (d,) = org.designations
    assert d.revocation is not None and date_text(d.revocation.date) == "2025-07-08"
    assert [c.locator for c in d.revocation.citations] == ["Recent Developments"]
    assert [date_text(a.date) for a in d.amendments] == ["2016-11-14", "2018-06-01"]
    assert all(c.locator for a in d.amendments for c in a.citations)

"""What the detail of each kind of entity shows, and that briefing text stays literal."""

from __future__ import annotations

import pytest

from fto_tui.index import Collection
from fto_tui.loader import load
from fto_tui.model import Citation
from fto_tui.ui.details import Document, citation_text, document_for, overview
from tests.ui.factories import OSC52, SAMPLE, hostile_collection, quote, source


@pytest.fixture(scope="module")
def sample() -> Collection:
    return load([SAMPLE]).collection


def _text(document: Document) -> str:
    return "\n".join(block.render().plain for block in document.blocks)


def _detail(collection: Collection, entity_id: str) -> Document:
    entity = collection.get(entity_id)
    assert entity is not None
    return document_for(entity, collection)


def test_organisation_detail(sample: Collection) -> None:
    document = _detail(sample, "north-cartel")
    text = _text(document)
    assert document.label == "Organisation"
    for expected in (
        "North Cartel",
        "Also known as: NC, Cartel del Norte",
        "Kind: cartel",
        "Based in: Mexico",
        "Active in: Mexico, United States",
        "Activities: drug trafficking",
        "A made-up cartel from the north",
        "Ministry of Examples: Foreign Terrorist Organization (FTO)",
        "Basis: Example Act, section 1",
        "Date: 20 Feb 2025 (“on Thursday”)",
        "Status: active",
        "rival-of: South Gang",
        "Quotes about it (2)",
        "Events (3)",
        "Sources (2)",
        "at: paragraph 2",
    ):
        assert expected in text, expected
    # Quotes about it come newest first, and are links.
    assert document.blocks and "minister-on-cartel" in [b.target for b in document.blocks]
    targets = [b.target for b in document.blocks if b.target]
    assert targets.index("minister-on-cartel") < targets.index("minister-earlier")
    assert "south-gang" in targets


def test_speaker_detail(sample: Collection) -> None:
    document = _detail(sample, "jane-minister")
    text = _text(document)
    assert "Minister of Examples  (since 20 Jan 2025), Department of Examples" in text
    assert "Affiliations (1)" in text
    assert "Quotes (2)" in text
    assert "Events (2)" in text
    targets = [b.target for b in document.blocks if b.target]
    assert targets.index("minister-on-cartel") < targets.index("minister-earlier")
    assert {"state-department", "designation-day", "minister-takes-office"} <= set(targets)


def test_quote_detail_links_to_its_speaker_and_subjects(sample: Collection) -> None:
    document = _detail(sample, "minister-earlier")
    text = _text(document)
    assert "“We are looking at every option.”" in text
    assert "Said by: Jane Minister" in text
    assert "Date: Jan 2025 (“last month”)" in text
    targets = [b.target for b in document.blocks if b.target]
    assert targets[:2] == ["jane-minister", "north-cartel"]


def test_event_detail(sample: Collection) -> None:
    document = _detail(sample, "designation-day")
    text = _text(document)
    assert "Date: 20 Feb 2025" in text
    assert "Places: Capital City" in text
    assert "Participants (3)" in text
    assert "Notice of designation" in text


def test_source_detail_lists_what_cites_it(sample: Collection) -> None:
    document = _detail(sample, "ministry-notice")
    text = _text(document)
    assert "Publisher: Ministry of Examples" in text
    assert "not an http/https address" in text
    targets = [b.target for b in document.blocks if b.target]
    assert {"north-cartel", "state-department", "designation-day"} <= set(targets)


def test_every_source_entry_shows_title_publisher_date_url_and_locator(sample: Collection) -> None:
    document = _detail(sample, "north-cartel")
    entries = [b for b in document.blocks if b.source is not None]
    assert [b.source.id for b in entries if b.source] == ["daily-report", "ministry-notice"]
    first = entries[0].render().plain
    for expected in (
        "Daily report on the designations",
        "The Daily Example",
        "20 Feb 2025",
        "https://example.org/designations",
        "at: paragraph 2",
    ):
        assert expected in first


def test_citation_text_is_one_plain_line() -> None:
    src = source("s", "A\ntitle", publisher="Pub\x1b[31m", url="https://e.org/x")
    text = citation_text(src, Citation("s", "p. 4"))
    assert text == "Pub\\u001b[31m, “A title”, https://e.org/x, p. 4"
    assert "\x1b" not in text and "\n" not in text


def test_unresolved_links_show_the_id_without_a_target() -> None:
    q = quote("q", "nobody", "Hello")
    collection = Collection(quotes=[q])
    document = document_for(q, collection)
    assert "nobody  (not in the loaded briefings)" in _text(document)
    assert "nobody" not in [b.target for b in document.blocks]


def test_hostile_text_is_literal_and_control_characters_are_visible() -> None:
    collection = hostile_collection()
    for entity_id in (
        "bold-org",
        "click-org",
        "osc-org",
        "click-speaker",
        "evil-quote",
        "evil-event",
    ):
        text = _text(_detail(collection, entity_id))
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
        assert "\u202e" not in text
    assert "[bold]x[/]" in _text(_detail(collection, "bold-org"))
    assert "[@click=app.quit]q[/]" in _text(_detail(collection, "click-org"))
    assert OSC52.replace("\x1b", "\\u001b").replace("\x07", "\\u0007") in _text(
        _detail(collection, "osc-org")
    )


def test_overview_names_the_briefings_and_counts(sample: Collection) -> None:
    text = _text(overview(sample, [str(SAMPLE)]))
    assert "Sample briefing for the reader's tests" in text
    assert "3 organisations, 2 speakers, 2 quotes, 3 events, 2 sources" in text


def test_overview_of_nothing_points_at_the_problems() -> None:
    text = _text(overview(Collection(), ["broken.yaml"]))
    assert "No briefing loaded" in text
    assert "press p" in text

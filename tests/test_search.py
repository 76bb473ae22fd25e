"""Searching everything loaded: accents, AND, ranking, limits and snippets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fto_tui.dates import EdtfDate
from fto_tui.index import Collection
from fto_tui.model import EntityKind, Event, Organisation, Quote, Role, Source, Speaker
from fto_tui.problems import Position
from fto_tui.search import SearchIndex, fold, make_snippet

AT = Position("test.yaml", 1, 1)


def org(id: str, name: str, **kw: object) -> Organisation:
    return Organisation(id=id, name=name, origin=AT, **kw)  # type: ignore[arg-type]


def speaker(id: str, name: str, **kw: object) -> Speaker:
    return Speaker(id=id, name=name, origin=AT, **kw)  # type: ignore[arg-type]


def quote(id: str, who: str, text: str) -> Quote:
    return Quote(id=id, speaker=who, text=text, origin=AT)


def event(id: str, title: str, description: str | None = None) -> Event:
    return Event(
        id=id, date=EdtfDate.parse("2025-02-20"), title=title, origin=AT, description=description
    )


def ids(index: SearchIndex, query: str, limit: int = 200) -> list[str]:
    return [hit.entity_id for hit in index.search(query, limit)]


def sample() -> Collection:
    return Collection(
        sources=[
            Source(
                id="fr-notice",
                title="Federal Register notice",
                origin=AT,
                publisher="Office of the Federal Register",
            )
        ],
        organisations=[
            org(
                "cjng",
                "Cártel de Jalisco Nueva Generación",
                aliases=("CJNG",),
                description="A cartel based in Jalisco.",
                activities=("drug trafficking",),
            ),
            org("sinaloa", "Sinaloa Cartel", aliases=("Cártel de Sinaloa",)),
            org("tda", "Tren de Aragua", description="A transnational gang from Venezuela."),
            org("narco", "Narcocartel Example"),
        ],
        speakers=[
            speaker("rubio", "Marco Rubio", roles=(Role(title="Secretary of State", origin=AT),)),
            speaker(
                "leavitt",
                "Karoline Leavitt",
                roles=(Role(title="White House Press Secretary", origin=AT),),
            ),
        ],
        quotes=[
            quote("q1", "rubio", "The cartels are terrorist organisations."),
            quote("q2", "leavitt", "We will designate these groups."),
            quote("q3", "ghost", "A narcocartel is still a cartel."),
        ],
        events=[
            event("e1", "Designation of eight cartels", "The State Department designated cartels."),
            event("e2", "Executive order signed", "Signed on inauguration day."),
        ],
    )


def test_empty_and_blank_queries_return_nothing() -> None:
    index = SearchIndex(sample())
    assert index.search("") == []
    assert index.search("   \t ") == []


def test_accents_and_case_are_ignored_both_ways() -> None:
    index = SearchIndex(sample())
    assert "cjng" in ids(index, "cartel de jalisco")
    assert "cjng" in ids(index, "CÁRTEL JALISCO")
    assert ids(index, "generacion")[0] == "cjng"
    assert ids(index, "GENERACIÓN")[0] == "cjng"


def test_fold() -> None:
    assert fold("Cártel") == "cartel"
    assert fold("Straße") == "strasse"
    assert fold("ＣＪＮＧ") == "cjng"
    assert fold("Ñuñoa") == "nunoa"


@given(st.text())
def test_fold_works_character_by_character(text: str) -> None:
    assert fold(text) == "".join(fold(char) for char in text)


def test_all_words_must_match_in_one_field() -> None:
    index = SearchIndex(sample())
    assert ids(index, "tren aragua") == ["tda"]
    assert ids(index, "aragua tren") == ["tda"]
    assert ids(index, "tren venezuela") == []
    assert ids(index, "aragua nothing") == []


def test_names_rank_before_text_and_word_starts_before_insides() -> None:
    index = SearchIndex(sample())
    found = ids(index, "cartel")
    # Names first: field starting with the word, then word starts, then inside a word.
    names = ["cjng", "sinaloa", "e1", "narco"]
    assert found[: len(names)] == names
    # Then text hits: word starts (q1 "cartels", q3 "cartel") before none-inside.
    assert found[len(names) :] == ["q1", "q3"]


def test_field_start_then_word_start_then_inside() -> None:
    collection = Collection(
        organisations=[
            org("a", "Inside Narcoword"),
            org("b", "Has Word Here"),
            org("c", "Word First"),
        ]
    )
    assert ids(SearchIndex(collection), "word") == ["c", "b", "a"]


def test_one_hit_per_entity_with_its_best_field() -> None:
    index = SearchIndex(sample())
    hits = [hit for hit in index.search("cjng")]
    assert [hit.entity_id for hit in hits] == ["cjng"]
    assert hits[0].field == "alias"
    (hit,) = index.search("jalisco")
    assert hit.field == "name"  # not the description, which also says Jalisco


def test_kinds_titles_and_fields() -> None:
    index = SearchIndex(sample())
    by_id = {hit.entity_id: hit for hit in index.search("secretary")}
    assert by_id["rubio"].field == "role"
    assert by_id["rubio"].kind is EntityKind.SPEAKER
    assert by_id["rubio"].title == "Marco Rubio"
    (hit,) = index.search("terrorist organisations")
    assert (hit.entity_id, hit.kind, hit.field, hit.title) == (
        "q1",
        EntityKind.QUOTE,
        "text",
        "Marco Rubio",
    )
    (hit,) = index.search("narcocartel is")
    assert hit.title == "ghost"  # unknown speaker: its id
    (hit,) = index.search("office register")
    assert (hit.entity_id, hit.kind, hit.field) == ("fr-notice", EntityKind.SOURCE, "publisher")
    (hit,) = index.search("inauguration")
    assert (hit.entity_id, hit.kind, hit.field) == ("e2", EntityKind.EVENT, "description")
    (hit,) = index.search("trafficking")
    assert (hit.entity_id, hit.field) == ("cjng", "activity")


def test_limit() -> None:
    quotes = [quote(f"q{i}", "s", f"cartel number {i}") for i in range(50)]
    index = SearchIndex(Collection(quotes=quotes))
    assert ids(index, "cartel", limit=5) == ["q0", "q1", "q2", "q3", "q4"]
    assert len(index.search("cartel")) == 50
    assert index.search("cartel", limit=0) == []


def test_limit_keeps_the_best_even_when_found_late() -> None:
    quotes = [quote(f"in{i}", "s", f"narcocartel {i}") for i in range(20)]
    quotes.append(quote("late", "s", "the cartel"))
    index = SearchIndex(Collection(quotes=quotes))
    assert ids(index, "cartel", limit=3) == ["late", "in0", "in1"]


def test_snippet_points_at_the_match() -> None:
    index = SearchIndex(sample())
    for hit in index.search("cartel"):
        assert fold(hit.snippet[hit.match_start : hit.match_end]) == "cartel"


def test_snippet_of_long_text_is_a_window_with_ellipses() -> None:
    text = " ".join(f"word{i}" for i in range(100)) + " Cártel " + "tail " * 100
    snippet, start, end = make_snippet(text, "cartel")
    assert snippet[start:end] == "Cártel"
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet) <= 82


def test_snippet_is_one_line_and_maps_through_expanding_folds() -> None:
    text = "ﬁrst line\n\nStraße  der   Kartelle"
    snippet, start, end = make_snippet(text, "kartelle")
    assert snippet == "ﬁrst line Straße der Kartelle"
    assert snippet[start:end] == "Kartelle"
    snippet, start, end = make_snippet(text, "strasse")
    assert snippet[start:end] == "Straße"
    snippet, start, end = make_snippet(text, "first")
    assert snippet[start:end] == "ﬁrst"


def test_snippet_prefers_a_word_start() -> None:
    snippet, start, _ = make_snippet("narcocartel and cartel", "cartel")
    assert snippet == "narcocartel and cartel"
    assert start == len("narcocartel and ")


def test_markup_and_controls_are_just_text() -> None:
    name = "[bold]x[/] [@click=app.quit]q[/]\x1b[31m"
    collection = Collection(organisations=[org("m", name)])
    (hit,) = SearchIndex(collection).search("[@click=app")
    assert hit.snippet == name
    assert hit.snippet[hit.match_start : hit.match_end] == "click"


def test_punctuation_is_ignored() -> None:
    collection = Collection(
        organisations=[org("a", "al-Qaeda"), org("b", "Al Qaeda in the Islamic Maghreb")]
    )
    index = SearchIndex(collection)
    assert ids(index, "al-qaeda") == ["a", "b"]
    assert ids(index, "AL QAEDA") == ["a", "b"]
    assert ids(index, "qaeda") == ["a", "b"]  # a word start after the hyphen
    assert index.search("-- ...") == []


def test_decomposed_accents_map_back_to_the_original() -> None:
    text = "Ca\u0301rtel de Sinaloa, Me\u0301xico"
    snippet, start, end = make_snippet(text, "sinaloa")
    assert snippet[start:end] == "Sinaloa"
    snippet, start, end = make_snippet(text, "cartel")
    assert snippet[start:end] == "Ca\u0301rtel"
    snippet, start, end = make_snippet(text, "mexico")
    assert snippet[start:end] == "Me\u0301xico"


def test_other_scripts() -> None:
    collection = Collection(
        speakers=[speaker("a", "Владимир Путин"), speaker("b", "محمد"), speaker("c", "習近平")]
    )
    index = SearchIndex(collection)
    assert ids(index, "путин") == ["a"]
    assert ids(index, "محمد") == ["b"]
    assert ids(index, "近平") == ["c"]

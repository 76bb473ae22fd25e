"""Reported speech is never shown in quotation marks; the speaker's own words always are."""

from __future__ import annotations

import pytest

from fto_tui.index import Collection
from fto_tui.loader import load
from fto_tui.model import Quote, QuoteKind
from fto_tui.ui.details import document_for
from fto_tui.ui.rows import row


@pytest.fixture(scope="module")
def shipped() -> Collection:
    return load([]).collection


def _quote(collection: Collection, kind: QuoteKind) -> Quote:
    return next(q for q in collection.quotes if q.kind is kind)


def test_a_paraphrase_row_says_reported_and_has_no_quotation_marks(shipped: Collection) -> None:
    quote = _quote(shipped, QuoteKind.PARAPHRASE)
    text = row(quote).plain
    assert "reported: " in text
    assert "“" not in text and "”" not in text


def test_a_direct_quote_row_is_in_quotation_marks(shipped: Collection) -> None:
    quote = _quote(shipped, QuoteKind.DIRECT)
    text = row(quote).plain
    assert f"“{' '.join(quote.text.split())}”" in text
    assert "reported" not in text


def test_the_detail_of_a_paraphrase_says_it_is_reported_speech(shipped: Collection) -> None:
    quote = _quote(shipped, QuoteKind.PARAPHRASE)
    blocks = document_for(quote, shipped).blocks
    title = blocks[0].render().plain
    assert not title.startswith("“")
    assert any("reported speech" in block.render().plain for block in blocks)

"""The detail view on its own: reading long text line by line, links chosen with the cursor."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.content import Content

from fto_tui.ui.details import GAP, Block, Document
from fto_tui.ui.widgets.detail_view import DetailView, wrap_hanging

LONG = " ".join(f"word{i}" for i in range(400))


def _document() -> Document:
    return Document(
        "Test",
        (
            Block(Content("Title"), style="title"),
            Block(Content("first link"), style="link", target="first", wrap=False),
            GAP,
            Block(Content(LONG)),
            Block(Content("second link"), style="link", target="second", wrap=False),
        ),
        "doc",
    )


class DetailApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[str] = []

    def compose(self) -> ComposeResult:
        yield DetailView()

    def on_mount(self) -> None:
        detail = self.query_one(DetailView)
        detail.show(_document())
        detail.focus()

    def on_detail_view_link_chosen(self, message: DetailView.LinkChosen) -> None:
        self.chosen.append(message.entity_id)


async def test_down_reads_long_text_line_by_line_before_the_next_link() -> None:
    app = DetailApp()
    async with app.run_test(size=(40, 10)) as pilot:
        detail = app.query_one(DetailView)
        await pilot.press("down")
        assert detail.cursor == 1  # the first link, on screen
        await pilot.press("down")
        # The second link is far below: the text scrolls a line instead of jumping there.
        assert detail.cursor == 1
        assert detail.scroll_offset.y == 1
        for _ in range(200):
            await pilot.press("down")
            if detail.cursor == 4:
                break
        assert detail.cursor == 4
        assert detail.item_top(4) < detail.scroll_offset.y + detail.size.height
        await pilot.press("enter")
        assert app.chosen == ["second"]
        await pilot.press("home")
        assert detail.cursor == 1 and detail.scroll_offset.y == 0
        await pilot.press("end")
        assert detail.cursor == 4
        await pilot.press("pageup")
        assert detail.scroll_offset.y < detail.max_scroll_y


async def test_resizing_rewraps_the_text() -> None:
    app = DetailApp()
    async with app.run_test(size=(40, 10)) as pilot:
        detail = app.query_one(DetailView)
        narrow = detail.total_lines()
        await pilot.resize_terminal(100, 10)
        await pilot.pause()
        assert detail.total_lines() < narrow


def test_wrap_hanging_indents_continuation_lines() -> None:
    lines = wrap_hanging(Content("[1] " + "abc " * 10 + "\n    at: " + "xyz " * 10), 20, 4)
    texts = [line.plain for line in lines]
    assert texts[0].startswith("[1] abc")
    assert all(text.startswith("    ") for text in texts[1:])
    assert all(len(text) <= 20 for text in texts)
    assert "".join(texts).replace(" ", "") == ("[1]" + "abc" * 10 + "at:" + "xyz" * 10)


# -- big text --------------------------------------------------------------------------------

BIG = " ".join(f"word{i}" for i in range(60_000))  # about 500,000 characters


class BigDetailApp(App[None]):
    BINDINGS: ClassVar = [("x", "mark", "")]

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[int] = []

    def compose(self) -> ComposeResult:
        yield DetailView()

    def on_mount(self) -> None:
        detail = self.query_one(DetailView)
        detail.show(Document("Big", (Block(Content("Title"), style="title"), Block(Content(BIG)))))
        detail.focus()

    def action_mark(self) -> None:
        self.marks.append(self.query_one(DetailView).total_lines())


async def test_big_text_is_wrapped_off_the_interface_thread(monkeypatch: object) -> None:
    import threading

    from fto_tui.ui.widgets import detail_view

    real = detail_view.wrap_hanging
    on_the_interface: list[int] = []

    def recording(content: Content, width: int, hang: int = 0, *more: object) -> list[Content]:
        if len(content.plain) > 100_000 and threading.current_thread() is threading.main_thread():
            on_the_interface.append(len(content.plain))
        return real(content, width, hang, *more)  # type: ignore[arg-type]

    monkeypatch.setattr(detail_view, "wrap_hanging", recording)  # type: ignore[attr-defined]
    app = BigDetailApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")  # handled while the text is being wrapped
        assert app.marks
        await app.workers.wait_for_complete()
        await pilot.pause()
        detail = app.query_one(DetailView)
        assert detail.total_lines() > 5000  # all of it, wrapped
        await pilot.press("end")
        await pilot.pause()
        last = detail.render_line(detail.size.height - 1).text
        assert "word59999" in "".join(
            detail.render_line(y).text for y in range(detail.size.height)
        ), last
    assert on_the_interface == []


def test_a_long_line_wrapped_in_pieces_wraps_as_a_whole() -> None:
    from fto_tui.ui.widgets import detail_view

    text = Content(BIG[:100_000])
    whole = [line.plain for line in text.wrap(37)]
    assert [line.plain for line in wrap_hanging(text, 37)] == whole
    assert len(text.plain) > 2 * detail_view.PIECE


def test_wrapping_stops_when_it_is_no_longer_wanted() -> None:
    import pytest

    from fto_tui.ui.widgets.detail_view import WrapCancelled

    with pytest.raises(WrapCancelled):
        wrap_hanging(Content(BIG), 40, cancelled=lambda: True)

"""The reader's footer: the keys of the focused part of the screen, drawn as one line.

It looks and behaves like Textual's :class:`~textual.widgets.Footer` (the same theme colours,
the same spacing, compact below 100 columns, disabled keys dimmed, the command palette key on
the right, a click runs a key, hovering shows its tooltip), but it is one widget drawing one
line instead of a container of a widget per key. Textual's footer composes, styles and lays out
a dozen widgets each time the keys change, and while the reader starts that happened several
times and cost more than drawing the rest of the screen, plus a frame of its own after the
first. This one redraws the line, and only when the keys, their labels or their enabled state
change.

Bindings with a ``group`` are shown one by one (the reader has none).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

__all__ = ["FooterKey", "ReaderFooter"]

_DIM = Style(dim=True)


class FooterKey(NamedTuple):
    """One key as shown: what it does, and whether it applies now."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class _Placed(NamedTuple):
    start: int
    end: int
    key: FooterKey


class ReaderFooter(Widget, can_focus=False):
    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--separator",
    }

    # The values of Textual's Footer and FooterKey, so that themes colour both alike.
    DEFAULT_CSS = """
    ReaderFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .footer-key--separator { color: $foreground 20%; }
        &.-over-key { pointer: pointer; }
    }
    """

    compact: reactive[bool] = reactive(False)
    """Less space around the keys (for small terminals)."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._keys: tuple[FooterKey, ...] = ()
        self._palette: FooterKey | None = None
        self._placed: list[_Placed] = []
        self._hover: FooterKey | None = None
        self._update_pending = False

    # -- which keys -----------------------------------------------------------------------

    def shown_keys(self) -> tuple[tuple[FooterKey, ...], FooterKey | None]:
        """The keys the footer shows now (one per action), and the command palette's key."""
        app = self.app
        keys: dict[str, FooterKey] = {}
        palette: FooterKey | None = None
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.key == app.COMMAND_PALETTE_BINDING:
                if app.ENABLE_COMMAND_PALETTE:
                    palette = FooterKey(
                        binding.key,
                        app.get_key_display(binding),
                        binding.description,
                        binding.action,
                        enabled,
                        binding.tooltip or binding.description,
                    )
            elif binding.show and binding.action not in keys:
                keys[binding.action] = FooterKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    tooltip,
                )
        return tuple(keys.values()), palette

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys may have changed: look once this refresh is done."""
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    def _update_keys(self) -> None:
        self._update_pending = False
        if self.is_attached:
            self.show_keys()

    def show_keys(self) -> None:
        """Show the screen's keys now (redrawn only if they changed)."""
        keys, palette = self.shown_keys()
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    @property
    def keys(self) -> tuple[FooterKey, ...]:
        """The keys shown, left to right (without the command palette's)."""
        return self._keys

    # -- drawing --------------------------------------------------------------------------

    def _styles(self) -> dict[tuple[bool, bool], tuple[Style, Style]]:
        """The key's and the description's style, by (hovered, enabled)."""
        own = self.rich_style
        key = self.get_component_rich_style("footer-key--key")
        text = self.get_component_rich_style("footer-key--description")
        under = self.get_component_rich_style("footer-key--hover")
        key_over = under + self.get_component_rich_style("footer-key--key", partial=True)
        text_over = under + self.get_component_rich_style("footer-key--description", partial=True)
        plain = {False: (own + key, own + text), True: (key_over, text_over)}
        return {
            (hovered, enabled): (
                (key_style, text_style) if enabled else (key_style + _DIM, text_style + _DIM)
            )
            for hovered, (key_style, text_style) in plain.items()
            for enabled in (False, True)
        }

    def _key_segments(
        self,
        key: FooterKey,
        compact: bool,
        styles: dict[tuple[bool, bool], tuple[Style, Style]],
    ) -> list[Segment]:
        key_style, text_style = styles[key == self._hover, key.enabled]
        if not key.description:
            return [Segment(key.display, key_style)]
        if compact:
            return [Segment(key.display, key_style), Segment(f" {key.description}", text_style)]
        return [
            Segment(f" {key.display} ", key_style),
            Segment(f"{key.description} ", text_style),
        ]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        # Space between and around the keys has the footer's background only.
        base = Style.from_color(bgcolor=self.rich_style.bgcolor)
        if y != 0 or width <= 0:
            return Strip.blank(width, base)
        compact = self.compact
        styles = self._styles()
        placed: list[_Placed] = []
        segments: list[Segment] = []
        x = 0
        for key in self._keys:
            parts = self._key_segments(key, compact, styles)
            length = sum(cell_len(part.text) for part in parts)
            placed.append(_Placed(x, x + length, key))
            segments += parts
            x += length
            if compact:
                segments.append(Segment(" ", base))
                x += 1
        line = Strip(segments).adjust_cell_length(width, base)
        palette = self._palette
        if palette is not None:
            # Docked on the right over the other keys, after a thin rule.
            parts = self._key_segments(palette, True, styles)
            rule = Segment("▏", self.get_component_rich_style("footer-key--separator"))
            tail = Segment(" ", base)
            right = Strip([rule, *parts, tail])
            start = max(0, width - right.cell_length)
            line = Strip.join([line.crop(0, start), right]).crop(0, width)
            placed = [p for p in placed if p.start < start]
            placed = [p._replace(end=min(p.end, start)) for p in placed]
            placed.append(_Placed(start + 1, start + right.cell_length - 1, palette))
        self._placed = placed
        return line

    # -- mouse ----------------------------------------------------------------------------

    def _key_at(self, x: int) -> FooterKey | None:
        for place in self._placed:
            if place.start <= x < place.end:
                return place.key
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, key: FooterKey | None) -> None:
        if key == self._hover:
            return
        self._hover = key
        self.set_class(key is not None, "-over-key")
        self.tooltip = (key.tooltip or None) if key is not None else None
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

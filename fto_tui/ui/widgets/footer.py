"""A footer that rebuilds its keys only when they change.

Textual's :class:`~textual.widgets.Footer` recomposes every key widget each time the screen
publishes a bindings update (a focus change, ``refresh_bindings``), even when the keys shown
stay the same; while the reader starts, that happens several times in a row and costs more than
drawing the rest of the screen. This footer coalesces the updates of one refresh into one, and
skips it when the keys, their labels and their enabled state are what it already shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

__all__ = ["ReaderFooter"]


class ReaderFooter(Footer):
    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._shown: tuple[object, ...] | None = None
        self._update_pending = False

    def shown_keys(self) -> tuple[object, ...]:
        """What the footer would show now: every shown binding with its label and state."""
        app = self.app
        keys: list[object] = [
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        ]
        keys.append((self.show_command_palette, self.combine_groups))
        return tuple(keys)

    def compose(self) -> ComposeResult:
        self._shown = self.shown_keys() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    async def show_keys(self) -> None:
        """Show the screen's keys now, before the screen publishes its first update."""
        self._bindings_ready = True
        await self._update_keys()

    async def _update_keys(self) -> None:
        self._update_pending = False
        if self.is_attached and self.shown_keys() != self._shown:
            await self.recompose()

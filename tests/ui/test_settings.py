"""The reader applies the settings file: theme, remapped keys, live reload on or off."""

from __future__ import annotations

from fto_tui.config import Config
from fto_tui.problems import Category
from fto_tui.ui.app import FtoBriefApp, binding_ids
from tests.ui.factories import SAMPLE
from tests.ui.helpers import settle


def test_binding_ids_are_unique_per_action_and_named_by_owner() -> None:
    ids = binding_ids()
    assert len(ids) == len(set(ids))
    assert {"app.quit", "reader.search", "list.down", "search.cancel"} <= set(ids)


async def test_theme_and_keymap_from_the_settings_apply() -> None:
    config = Config(theme="nord", keys={"app.quit": "x"})
    app = FtoBriefApp([str(SAMPLE)], watch=False, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"
        assert app.config_problems == ()
        await pilot.press("q")
        assert app.is_running
        await pilot.press("x")
        await pilot.pause()
    assert not app.is_running


async def test_unknown_theme_and_binding_are_reported_not_fatal() -> None:
    config = Config(theme="no-such-theme", keys={"app.quitt": "x"}, path="config.toml")
    app = FtoBriefApp([str(SAMPLE)], watch=False, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        codes = sorted(p.code for p in app.config_problems)
        assert codes == ["unknown-binding", "unknown-theme"]
        assert set(app.config_problems) <= set(app.all_problems())
        assert {p.category for p in app.config_problems} == {Category.SETTINGS}
        assert app.theme != "no-such-theme"


async def test_reload_off_in_the_settings_means_no_watching() -> None:
    app = FtoBriefApp([str(SAMPLE)], config=Config(reload=False))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app._watcher is None

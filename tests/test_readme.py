"""The README agrees with the program: its keys table is generated from the bindings, and the
screenshot is of the shipped briefing.

After changing a binding, regenerate the keys table (and, if the screen changed, the
screenshot ``docs/reader.svg``) with::

    python tests/test_readme.py           # prints the keys table: paste it over the README's
    python tests/test_readme.py --screenshot
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from textual.binding import Binding  # noqa: E402

from fto_tui.ui.app import FtoBriefApp, binding_ids  # noqa: E402

README = ROOT / "README.md"
SCREENSHOT = ROOT / "docs" / "reader.svg"
SHIPPED = Path("briefings") / "fto-designations-2025.yaml"
_KEY_NAMES = {"question_mark": "?", "slash": "/"}


def _key(key: str) -> str:
    return f"`{_KEY_NAMES.get(key, key)}`"


def keys_table() -> str:
    """The README's keys table: every binding of the reader, by where it applies."""
    rows = ["| keys | binding id | what it does |", "| --- | --- | --- |"]
    for section, bindings in FtoBriefApp().help_sections():
        by_id: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(bindings):
            by_id.setdefault(binding.id or binding.action, []).append(binding)
        rows.append(f"| **{section}** | | |")
        for name, group in by_id.items():
            keys = ", ".join(_key(b.key) for b in group)
            what = group[0].tooltip or group[0].description
            ident = f"`{name}`" if group[0].id else ""
            rows.append(f"| {keys} | {ident} | {what} |")
    return "\n".join(rows) + "\n"


def _readme_keys_section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Keys\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, "README has no '## Keys' section"
    return match.group(1)


def test_readme_keys_table_is_the_generated_one() -> None:
    assert keys_table() in _readme_keys_section(), "regenerate: python tests/test_readme.py"


def test_every_binding_id_is_in_the_readme_keys_table() -> None:
    section = _readme_keys_section()
    missing = [name for name in binding_ids() if f"`{name}`" not in section]
    assert missing == []


def test_readme_shows_the_screenshot_of_the_shipped_briefing() -> None:
    assert "(docs/reader.svg)" in README.read_text(encoding="utf-8")
    svg = SCREENSHOT.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "fto-designations-2025.yaml" in svg
    assert "/work" not in svg and "/tmp" not in svg and "/home" not in svg


def test_readme_keeps_the_two_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "python -m pip install . && fto-brief\n" in text
    assert "python -m pip install -e '.[test]' && python -m pytest\n" in text


async def _screenshot() -> str:
    """The reader on the shipped briefing at 120×40, with an organisation open."""
    app = FtoBriefApp([str(SHIPPED)], watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.press("down", "down", "enter")
        await pilot.pause(0.2)
        return app.export_screenshot(title="fto-brief")


if __name__ == "__main__":
    if "--screenshot" in sys.argv:
        os.chdir(ROOT)  # the status line shows the path as given: keep it relative
        SCREENSHOT.write_text(asyncio.run(_screenshot()), encoding="utf-8")
        print(f"wrote {SCREENSHOT.relative_to(ROOT)}")
    else:
        sys.stdout.write(keys_table())

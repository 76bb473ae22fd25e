"""The core never imports Textual or Rich; only ``fto_tui.ui`` may.

Each check runs in a fresh interpreter, so modules other tests imported do not hide an import.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fto_tui"

CORE = [
    "fto_tui.problems",
    "fto_tui.dates",
    "fto_tui.model",
    "fto_tui.schema",
    "fto_tui.reading",
    "fto_tui.yamltree",
    "fto_tui.validate",
    "fto_tui.loader",
    "fto_tui.index",
    "fto_tui.jsonschema",
    "fto_tui.ftm.reading",
    "fto_tui.cli",
    "fto_tui.memory.store",
    "fto_tui.memory.fingerprint",
    "fto_tui.memory.changes",
    "fto_tui.memory.sharing",
    "fto_tui.memory.finding",
]
OPTIONAL = ["fto_tui.search", "fto_tui.watch", "fto_tui.chronology"]
UI_LIBRARIES = ("textual", "rich")


def _ui_modules_after(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; the Textual and Rich modules it left loaded."""
    probe = (
        f"{code}\n"
        "import json, sys\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {UI_LIBRARIES!r})))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert isinstance(loaded, list)
    return loaded


def _exists(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def test_core_modules_do_not_import_textual_or_rich() -> None:
    modules = CORE + [m for m in OPTIONAL if _exists(m)]
    assert _ui_modules_after("\n".join(f"import {m}" for m in modules)) == []


@pytest.mark.parametrize(
    "module",
    sorted(
        f"fto_tui.{p.stem}" for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")
    ),
)
def test_every_top_level_module_is_core(module: str) -> None:
    # UI code lives in fto_tui.ui; everything beside it is core.
    assert _ui_modules_after(f"import {module}") == []


def test_check_and_schema_commands_do_not_load_the_ui() -> None:
    code = (
        "import contextlib, io\n"
        "from fto_tui.cli import main\n"
        "out, err = io.StringIO(), io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        "    assert main(['check']) == 0\n"
        "    assert main(['schema']) == 0\n"
    )
    assert _ui_modules_after(code) == []


def test_the_probe_does_see_textual() -> None:
    # The check above would pass vacuously if the probe could not see a loaded UI library.
    assert "textual" in _ui_modules_after("import textual")

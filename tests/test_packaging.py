"""The wheel holds everything the installed program needs: every module and subpackage, every
stylesheet, the bundled briefings, and the version from ``fto_tui.__version__``.

The wheel is built from a copy of the sources (so the working tree gets no ``build/``), the
way ``pip wheel`` builds it; offline, with the setuptools already installed. The tests are
skipped when neither can build.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import fto_tui

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "fto_tui"
#: What the build reads: the project file, the readme it names, the package, the briefings.
BUILD_INPUTS = ("pyproject.toml", "README.md", "fto_tui", "briefings")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    if importlib.util.find_spec("setuptools") is None:
        pytest.skip("setuptools is not installed, so no wheel can be built without a network")
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        origin = ROOT / name
        if origin.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(origin, source / name, ignore=ignore)
        else:
            shutil.copy2(origin, source / name)
    out = tmp_path_factory.mktemp("wheel")
    built = _pip_wheel(source, out, isolated=True)
    if built.returncode != 0 and _BUILD_DEPENDENCIES in built.stderr:
        # No index to fetch setuptools from: build with the one installed, if it can.
        built = _pip_wheel(source, out, isolated=False)
        if built.returncode != 0 and any(s in built.stderr for s in _CANNOT_BUILD_HERE):
            pytest.skip("no setuptools that can build a wheel offline")
    if built.returncode != 0 and "No module named pip" in built.stderr:
        pytest.skip("pip is not available to build a wheel")
    assert built.returncode == 0, built.stderr
    (path,) = out.glob("fto_brief-*.whl")
    return zipfile.ZipFile(path)


_BUILD_DEPENDENCIES = "install build dependencies"
_CANNOT_BUILD_HERE = ("invalid command 'bdist_wheel'", "No module named 'setuptools'")


def _pip_wheel(source: Path, out: Path, *, isolated: bool) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out)]
    if not isolated:
        command.append("--no-build-isolation")
    return subprocess.run(
        [*command, str(source)], capture_output=True, text=True, timeout=300, check=False
    )


def _names(wheel: zipfile.ZipFile) -> set[str]:
    return set(wheel.namelist())


def test_wheel_has_every_module_and_subpackage(wheel: zipfile.ZipFile) -> None:
    names = _names(wheel)
    modules = {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.py")}
    assert modules - names == set()
    subpackages = [p.parent for p in PACKAGE.rglob("__init__.py")]
    assert len(subpackages) >= 4
    assert "fto_tui/py.typed" in names


def test_wheel_has_every_stylesheet(wheel: zipfile.ZipFile) -> None:
    stylesheets = {p.relative_to(ROOT).as_posix() for p in PACKAGE.rglob("*.tcss")}
    assert stylesheets
    assert stylesheets - _names(wheel) == set()


def test_wheel_has_the_bundled_briefings(wheel: zipfile.ZipFile) -> None:
    briefings = sorted((ROOT / "briefings").glob("*.yaml"))
    assert briefings
    for briefing in briefings:
        inside = f"fto_tui/briefings/{briefing.name}"
        assert inside in _names(wheel)
        assert wheel.read(inside) == briefing.read_bytes()


def test_wheel_version_and_command(wheel: zipfile.ZipFile) -> None:
    (metadata,) = [n for n in _names(wheel) if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode("utf-8")
    assert f"\nVersion: {fto_tui.__version__}\n" in text
    (entry_points,) = [n for n in _names(wheel) if n.endswith(".dist-info/entry_points.txt")]
    assert "fto-brief = fto_tui.cli:main" in wheel.read(entry_points).decode("utf-8")


def test_version_comes_from_one_place() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "fto_tui.__version__" }' in pyproject
    shown = subprocess.run(
        [sys.executable, "-m", "fto_tui", "--version"], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == f"fto-brief {fto_tui.__version__}"

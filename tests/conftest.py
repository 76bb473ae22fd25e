"""Test-wide isolation: every test run gets its own cache and config directories, so nothing
a developer has in theirs changes a result, and the tests never write there."""

from __future__ import annotations

import os
import tempfile

import pytest

_ISOLATED = tempfile.mkdtemp(prefix="fto-brief-tests-")
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_ISOLATED, _name.lower())
os.environ.pop("FTO_BRIEF_CONFIG", None)


@pytest.fixture(autouse=True)
def _own_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own user data directory: the notes, bookmarks and what was read that
    one test leaves are not seen by the next (and never the developer's own)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))

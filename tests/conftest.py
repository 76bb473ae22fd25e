"""Test-wide isolation: every test run gets its own cache and config directories, so nothing
a developer has in theirs changes a result, and the tests never write there."""

from __future__ import annotations

import os
import tempfile

_ISOLATED = tempfile.mkdtemp(prefix="fto-brief-tests-")
for _name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = os.path.join(_ISOLATED, _name.lower())
os.environ.pop("FTO_BRIEF_CONFIG", None)

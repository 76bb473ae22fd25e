"""Running a command as root without root's power over file permissions.

Root reads and writes files whatever their mode, so a test that a ``chmod 000`` file is
refused, or that nothing needs write access, proves nothing as root. ``setpriv`` can start a
command that is still root but lacks ``CAP_DAC_OVERRIDE`` and ``CAP_DAC_READ_SEARCH``: the
kernel then checks modes as for anyone else, and Python under ``/root`` stays usable.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile

_DROP = ["--bounding-set", "-dac_override,-dac_read_search", "--"]


@functools.cache
def as_ordinary_root() -> tuple[str, ...] | None:
    """A command prefix that runs as root bound by file modes, or None where that cannot be
    had (not root, no ``setpriv``, or it does not take effect)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    with tempfile.NamedTemporaryFile() as probe:
        os.chmod(probe.name, 0)
        try:
            done = subprocess.run(
                [setpriv, *_DROP, "cat", probe.name], capture_output=True, timeout=10
            )
        except (OSError, subprocess.SubprocessError):
            return None
    return (setpriv, *_DROP) if done.returncode != 0 else None

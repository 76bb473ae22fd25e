"""Writing files safely: whole or not at all, and never over a file by accident.

* :func:`replace_atomically` writes a temporary file next to the target and renames it over the
  target, so a reader sees the old file or the new one, never half of one.
* :func:`create_new` writes a file that must not exist yet. The content goes to a temporary file
  first, which is then hard-linked to the target name: linking fails if the name exists (even as
  a dangling symbolic link), so nothing is ever overwritten, even by a race. Where the file
  system has no hard links, the target is opened with ``O_CREAT | O_EXCL`` instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


def _default_mode() -> int:
    """0o666 less the process's umask: the mode ``open()`` would give a new file."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_temporary(target: Path, data: bytes, mode: int) -> Path:
    """``data`` in a new temporary file beside ``target``, flushed to disk."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def replace_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target``, replacing any file there in one step.

    A file already at ``target`` keeps its permission bits. Raises OSError.
    """
    path = Path(target)
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _default_mode()
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    temporary = _write_temporary(path, data, mode)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def create_new(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target``, which must not exist: FileExistsError if it does."""
    path = Path(target)
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "already exists", str(path))
    temporary = _write_temporary(path, data, _default_mode())
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network and FAT file systems): create exclusively instead.
        _create_exclusively(path, data)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _create_exclusively(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise

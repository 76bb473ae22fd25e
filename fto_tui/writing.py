"""Writing files safely: whole or not at all, and never over a file by accident.

* :func:`replace_atomically` writes a temporary file next to the target and renames it over the
  target, so a reader sees the old file or the new one, never half of one. Only a regular file
  (or a name with nothing there yet) is replaced: anything else (``/dev/stdout``, ``/dev/fd/N``,
  a pipe, a terminal, a FIFO) is opened and written in place, never turned into a file.
* :func:`create_new` writes a file that must not exist yet. The content goes to a temporary file
  first, which is then hard-linked to the target name: linking fails if the name exists (even as
  a dangling symbolic link), so nothing is ever overwritten, even by a race. Where the file
  system has no hard links, the target is opened with ``O_CREAT | O_EXCL`` instead.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
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

    A file already at ``target`` keeps its permission bits; a target that is not a regular file
    (a device, pipe or FIFO, or a link to one) is written in place. Raises OSError.
    """
    path = Path(target)
    try:
        info = path.stat()
    except FileNotFoundError:
        mode = _default_mode()
    else:
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            _write_in_place(path, data)
            return
        mode = info.st_mode & 0o7777
    temporary = _write_temporary(path, data, mode)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _write_in_place(path: Path, data: bytes) -> None:
    """Write ``data`` to the device, pipe or FIFO at ``path``, opened as it is."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


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

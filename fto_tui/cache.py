"""A cache of parsed briefings, so that reopening an unchanged file skips the YAML parse.

Entries are keyed by a SHA-256 of the file's path and bytes, so any change to the bytes is
seen and stale data is never served; they also carry a digest of the loading code, so a new
version or a changed rule never reads an older entry. An entry is the file's
:class:`~fto_tui.loader.FileLoad` (entities, references and problems) in MessagePack with a
CRC-32, decoded back into the same typed records (each record an array of its values); a
corrupt, truncated or outdated entry fails its check or its decoding and is ignored. An entry
is untrusted input like a briefing: it is opened as briefings are (regular files only, never
blocking, size-capped) and every decoded value passes the same checks as a freshly parsed one
(a date with month 13 drops the entry and the file is parsed afresh). Entries are written
atomically (temporary file, then rename) and the cache is trimmed, oldest first, past a size
bound: the directory is listed once to learn its size, which is then kept up to date, and a
trim frees a tenth of the bound so that a full cache is not listed again at every write. The
cache lives in the user cache directory (``XDG_CACHE_HOME`` on Linux).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from fto_tui import __version__
from fto_tui.reading import read_bytes
from fto_tui.references import valid_references

if TYPE_CHECKING:
    from fto_tui.loader import FileLoad

#: Bound on the cache's total size; the oldest entries go first.
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
#: A trim leaves the cache at this fraction of its bound, so the next one is many writes away.
_TRIM_TO = 0.9
#: Bump when the entry layout changes in a way the loading code's digest does not capture.
FORMAT = 2
_SUFFIX = ".msgpack"
_MAGIC = b"FTOB"
_APP = "fto-brief"


def default_directory() -> Path:
    """``parsed`` in the user cache directory. On Linux and other Unix systems that is
    ``$XDG_CACHE_HOME`` (when it is an absolute path, as the XDG specification asks) or
    ``~/.cache``, worked out here without importing platformdirs; on Windows, macOS and
    Android, platformdirs' answer."""
    if sys.platform in ("win32", "darwin") or "ANDROID_DATA" in os.environ:
        import platformdirs

        return Path(platformdirs.user_cache_dir(_APP, appauthor=False)) / "parsed"
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.expanduser("~/.cache")
    return Path(base) / _APP / "parsed"


#: The modules whose code decides what a load holds and how it is stored: a change to any of
#: them (a new rule, a fixed position, a field added to a record) makes every older entry
#: unreachable.
_LOADING_MODULES = (
    "record",
    "problems",
    "dates",
    "model",
    "schema",
    "reading",
    "yamltree",
    "references",
    "validate",
    "fastload",
    "loader",
    "cache",
    "ftm/__init__",
    "ftm/hierarchy",
    "ftm/reading",
)
_fingerprint: str | None = None


def _digest(path: str, module: str) -> str:
    """The SHA-256 of a loading module's source, or of its compiled code when it was
    installed without sources."""
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        pass
    import importlib.util

    try:
        spec = importlib.util.find_spec(f"fto_tui.{module.replace('/', '.')}")
        if spec is not None and spec.origin:
            with open(spec.origin, "rb") as handle:
                return hashlib.sha256(handle.read()).hexdigest()
    except (OSError, ImportError, ValueError):
        pass
    return f"{module}:unreadable"


def fingerprint() -> str:
    """A digest of the loading code (its source files, read once per process), the program's
    version and the entry format."""
    global _fingerprint
    if _fingerprint is None:
        parts = [str(FORMAT), __version__, msgspec.__version__]
        package = os.path.dirname(os.path.abspath(__file__))
        for module in _LOADING_MODULES:
            parts.append(_digest(os.path.join(package, f"{module}.py"), module))
        _fingerprint = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
    return _fingerprint


def content_key(path: str, data: bytes) -> str:
    """The entry key for a file at ``path`` whose bytes are ``data``."""
    digest = hashlib.sha256(os.fsencode(path))
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


class ParseCache:
    """Parsed files by content key. Every failure to read or write is ignored: the cache can
    only make loading faster, never wrong and never broken."""

    def __init__(self, directory: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        from fto_tui.loader import FileLoad

        self.directory = directory if directory is not None else default_directory()
        self.max_bytes = max_bytes
        self._header = _MAGIC + fingerprint().encode()
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(FileLoad)
        #: The cache's size in bytes as far as this process knows it; ``None`` until the
        #: directory is first listed.
        self._total: int | None = None

    def _entry(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"

    def get(self, key: str) -> FileLoad | None:
        blob = read_bytes(str(self._entry(key)), self.max_bytes)
        if not isinstance(blob, bytes):
            return None
        start = len(self._header) + 4
        if not blob.startswith(self._header) or len(blob) < start:
            return None
        payload = memoryview(blob)[start:]
        if zlib.crc32(payload).to_bytes(4, "big") != blob[start - 4 : start]:
            return None
        try:
            load = self._decoder.decode(payload)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError):
            return None
        return load if valid_references(load.references) else None

    def put(self, key: str, load: FileLoad) -> None:
        try:
            payload = self._encoder.encode(load)
            blob = b"".join((self._header, zlib.crc32(payload).to_bytes(4, "big"), payload))
            self.directory.mkdir(parents=True, exist_ok=True)
            import tempfile

            target = self._entry(key)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(blob)
                replaced = _size_of(target)
                os.replace(temporary, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
            if self._total is None:
                self._total = self._scan()[1]
            else:
                self._total += len(blob) - replaced
            if self._total > self.max_bytes:
                self._trim()
        except (OSError, TypeError, ValueError, msgspec.EncodeError):
            return

    def _scan(self) -> tuple[list[tuple[int, int, Path]], int]:
        """Every entry (oldest first, with its size) and their total size."""
        entries = []
        total = 0
        with os.scandir(self.directory) as listing:
            for entry in listing:
                if not entry.name.endswith((_SUFFIX, ".tmp")):
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except OSError:
                    continue
                entries.append((info.st_mtime_ns, info.st_size, Path(entry.path)))
                total += info.st_size
        entries.sort()
        return entries, total

    def _trim(self) -> None:
        entries, total = self._scan()
        goal = int(self.max_bytes * _TRIM_TO)
        while total > goal and len(entries) > 1:
            _mtime, size, entry = entries.pop(0)
            with contextlib.suppress(OSError):
                entry.unlink()
            total -= size
        self._total = total

    def clear(self) -> None:
        self._total = None
        with contextlib.suppress(OSError):
            for entry in self.directory.iterdir():
                if entry.suffix in (_SUFFIX, ".tmp"):
                    with contextlib.suppress(OSError):
                        entry.unlink()


def _size_of(path: Path) -> int:
    """The size of the file at ``path`` (without following a link), 0 if there is none."""
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0

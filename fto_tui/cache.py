"""A cache of parsed briefings, so that reopening an unchanged file skips the YAML parse.

Entries are keyed by a SHA-256 of the file's path and bytes, so any change to the bytes is
seen and stale data is never served; they also carry a digest of the loading code, so a new
version or a changed rule never reads an older entry. An entry is the file's
:class:`~fto_tui.loader.FileLoad` (entities, references and problems) in MessagePack with a
CRC-32, decoded back into the same typed records (each record an array of its values); a
corrupt, truncated or outdated entry fails its check or its decoding and is ignored. Entries
are written atomically (temporary file, then rename) and the cache is trimmed, oldest first,
past a size bound. The cache lives in the user cache directory (``XDG_CACHE_HOME`` on Linux).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import tempfile
import typing
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from fto_tui import __version__

if TYPE_CHECKING:
    from fto_tui.loader import FileLoad

#: Bound on the cache's total size; the oldest entries go first.
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
#: Bump when the entry layout changes in a way the model fingerprint does not capture.
FORMAT = 2
_SUFFIX = ".msgpack"
_MAGIC = b"FTOB"


def default_directory() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("fto-brief", appauthor=False)) / "parsed"


#: The modules whose code decides what a load holds: a change to any of them (a new rule,
#: a fixed position) makes every older entry unreachable.
_LOADING_MODULES = (
    "record",
    "problems",
    "dates",
    "model",
    "schema",
    "reading",
    "yamltree",
    "validate",
    "loader",
    "cache",
)


def _fingerprint(root: type) -> str:
    """A digest of the loading code and of the model's shape (every field, recursively)."""
    seen: set[type] = set()
    parts: list[str] = [str(FORMAT), __version__]
    package = Path(__file__).resolve().parent
    for module in _LOADING_MODULES:
        try:
            parts.append(hashlib.sha256((package / f"{module}.py").read_bytes()).hexdigest())
        except OSError:
            parts.append(f"{module}:unreadable")

    def visit(kind: Any) -> None:
        for arg in typing.get_args(kind):
            visit(arg)
        if isinstance(kind, type) and dataclasses.is_dataclass(kind) and kind not in seen:
            seen.add(kind)
            hints = typing.get_type_hints(kind)
            for field in dataclasses.fields(kind):
                parts.append(f"{kind.__qualname__}.{field.name}:{hints[field.name]}")
                visit(hints[field.name])

    visit(root)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


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
        self._header = _MAGIC + _fingerprint(FileLoad).encode()
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(FileLoad)

    def _entry(self, key: str) -> Path:
        return self.directory / f"{key}{_SUFFIX}"

    def get(self, key: str) -> FileLoad | None:
        try:
            with open(self._entry(key), "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        start = len(self._header) + 4
        if not blob.startswith(self._header) or len(blob) < start:
            return None
        payload = memoryview(blob)[start:]
        if zlib.crc32(payload).to_bytes(4, "big") != blob[start - 4 : start]:
            return None
        try:
            return self._decoder.decode(payload)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError):
            return None

    def put(self, key: str, load: FileLoad) -> None:
        try:
            payload = self._encoder.encode(load)
            blob = b"".join((self._header, zlib.crc32(payload).to_bytes(4, "big"), payload))
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(blob)
                os.replace(temporary, self._entry(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
            self._trim()
        except (OSError, TypeError, msgspec.EncodeError):
            return

    def _trim(self) -> None:
        entries = []
        total = 0
        for entry in self.directory.iterdir():
            if entry.suffix not in (_SUFFIX, ".tmp"):
                continue
            try:
                info = entry.stat()
            except OSError:
                continue
            entries.append((info.st_mtime_ns, info.st_size, entry))
            total += info.st_size
        entries.sort()
        while total > self.max_bytes and len(entries) > 1:
            _mtime, size, entry = entries.pop(0)
            with contextlib.suppress(OSError):
                entry.unlink()
            total -= size

    def clear(self) -> None:
        with contextlib.suppress(OSError):
            for entry in self.directory.iterdir():
                if entry.suffix in (_SUFFIX, ".tmp"):
                    with contextlib.suppress(OSError):
                        entry.unlink()

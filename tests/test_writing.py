"""Writing files: regular files are replaced in one step; anything else is written in place."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from fto_tui.writing import replace_atomically


def test_a_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    replace_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_fifo_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "pipe"
    os.mkfifo(target)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(target.read_bytes()))
    reader.start()
    try:
        replace_atomically(target, b"through the pipe")
    finally:
        reader.join(10)
        if reader.is_alive():  # release the blocked reader before failing
            with open(target, "wb"):
                pass
            reader.join()
    assert received == [b"through the pipe"]
    assert target.is_fifo()


def _export(out: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "fto_tui", "export", "--format", "json", "-o", out],
        capture_output=True,
        timeout=60,
        **kwargs,  # type: ignore[call-overload]
    )


def test_export_to_a_link_to_standard_output_writes_to_it(tmp_path: Path) -> None:
    # What /dev/stdout is on Linux; a link of our own, so that a failure (the link replaced
    # by a regular file) cannot damage the system's.
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = _export(str(stdout))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"{")
    assert stdout.is_symlink()


def test_export_to_an_inherited_descriptor_writes_to_it() -> None:
    read_end, write_end = os.pipe()
    chunks: list[bytes] = []

    def drain() -> None:
        with os.fdopen(read_end, "rb") as pipe:
            chunks.append(pipe.read())

    reader = threading.Thread(target=drain)
    reader.start()
    done = _export(f"/dev/fd/{write_end}", pass_fds=(write_end,))
    os.close(write_end)
    reader.join(30)
    assert done.returncode == 0, done.stderr
    assert b"".join(chunks).startswith(b"{")

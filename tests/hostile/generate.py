"""Hostile cases that cannot be stored in the repository as they are.

Huge files, raw control bytes, other encodings and special files (FIFOs, device links, symbolic
link loops) are made on demand: ``make(name, folder)`` creates the case called ``name`` inside
``folder`` and returns the path to hand to ``fto-brief check``. ``cases.toml`` names each one
with ``generate = "<name>"``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

HEAD = "briefing:\n  title: Hostile case\n"

#: Size of the big valid briefing: 5 MB by default, more with FTO_HOSTILE_BIG_MB (e.g. 20).
BIG_MEGABYTES = float(os.environ.get("FTO_HOSTILE_BIG_MB", "5"))


def big_briefing(target_bytes: int) -> str:
    """A valid briefing of about ``target_bytes``, with markup-like text in every record."""
    parts = [
        HEAD,
        "sources:\n  - id: src\n    title: Generated source [bold]\n",
        "organisations:\n",
    ]
    size = sum(map(len, parts))
    number = 0
    while size < target_bytes:
        block = (
            f"  - id: org-{number}\n"
            f"    name: Organisation {number} [bold]\n"
            f'    aliases: [O{number}, "[/]"]\n'
            "    kind: cartel\n"
            "    based_in: [Mexico]\n"
            "    description: >-\n"
            f"      Organisation number {number}, generated to test large inputs; it has a\n"
            "      description long enough to look like a real one.\n"
            "    sources:\n"
            f'      - {{source: src, locator: "paragraph {number}"}}\n'
            "    designations:\n"
            "      - authority: US Department of State\n"
            "        programme: Foreign Terrorist Organization (FTO)\n"
            "        date: 2025-02-20\n"
            "        source: src\n"
        )
        parts.append(block)
        size += len(block)
        number += 1
    return "".join(parts)


def alias_bomb(levels: int) -> str:
    lines = [HEAD, 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]\n")
    return "".join(lines)


def _text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8", newline="")


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _dev_null(path: Path) -> None:
    path.symlink_to("/dev/null")


def _link_loop(path: Path) -> None:
    """``x.yaml`` -> ``y.yaml`` -> ``x.yaml``."""
    other = path.with_name("y-" + path.name)
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def _folder_with_loop(path: Path) -> None:
    """A folder holding one good briefing, a link back to itself and a link to its parent."""
    path.mkdir()
    (path / "good.yaml").write_text(HEAD + "  summary: found once\n", encoding="utf-8")
    (path / "again").symlink_to(".")
    (path / "up").symlink_to("..")
    (path / "sub").mkdir()
    (path / "sub" / "back").symlink_to("..")


def _folder_with_looping_file(path: Path) -> None:
    path.mkdir()
    (path / "good.yaml").write_text(HEAD, encoding="utf-8")
    _link_loop(path / "loop.yaml")


def _dir_named_yaml(path: Path) -> None:
    path.mkdir()


def _folder_with_dir_named_yaml(path: Path) -> None:
    path.mkdir()
    (path / "good.yaml").write_text(HEAD, encoding="utf-8")
    (path / "inner.yaml").mkdir()


def _folder_with_fifo(path: Path) -> None:
    path.mkdir()
    (path / "good.yaml").write_text(HEAD, encoding="utf-8")
    os.mkfifo(path / "pipe.yaml")


def _control_in_file_name(path: Path) -> None:
    """A folder holding a briefing whose file name carries an escape sequence (clear screen)."""
    path.mkdir()
    (path / "n\x1b[2Jame.yaml").write_text(HEAD + '  "\\e]0;title\\a": value\n', encoding="utf-8")


def _sparse_over_cap(path: Path) -> None:
    """One byte over the default size cap, without using the disk (a sparse file)."""
    from fto_tui.reading import DEFAULT_MAX_BYTES

    with open(path, "wb"):
        pass
    os.truncate(path, DEFAULT_MAX_BYTES + 1)


def _problem_flood(path: Path) -> None:
    path.write_text(HEAD + "".join("  title: again\n" for _ in range(10_000)), encoding="utf-8")


_BOM = b"\xef\xbb\xbf"
_CRLF_BRIEFING = HEAD + "  summary: CRLF line ends\n  language: en\n"

GENERATORS: dict[str, Callable[[Path], None]] = {
    # Alias bombs at several sizes (the 9-level one is stored as a file).
    "alias-bomb-3.yaml": _text(alias_bomb(3)),
    "alias-bomb-30.yaml": _text(alias_bomb(30)),
    # Deep nesting, flow and block.
    "deep-flow-seq-10000.yaml": _text(HEAD + "extra: " + "[" * 10_000 + "]" * 10_000 + "\n"),
    "deep-flow-map-10000.yaml": _text(HEAD + "extra: " + "{a: " * 10_000 + "x" + "}" * 10_000),
    "deep-flow-seq-100000.yaml": _text(HEAD + "extra: " + "[" * 100_000 + "]" * 100_000 + "\n"),
    "deep-block-seq-10000.yaml": _text(HEAD + "extra:\n  " + "- " * 10_000 + "x\n"),
    "deep-block-map-1000.yaml": _text(
        HEAD
        + "extra:\n"
        + "".join(" " * (level + 1) + f"k{level}:\n" for level in range(1000))
        + " " * 1001
        + "x\n"
    ),
    # Raw control characters and invisible formatting.
    "raw-nul.yaml": _bytes(HEAD.encode() + b"  summary: before\x00after\n"),
    "raw-esc-osc52.yaml": _bytes(HEAD.encode() + b"  summary: x\x1b]52;c;cm0gLXJmIH4K\x07y\n"),
    "raw-esc-after-wide-chars.yaml": _text(HEAD + "  summary: Cártel 🙂 ñ \x1b[2J\n"),
    "raw-del.yaml": _bytes(HEAD.encode() + b"  summary: rub\x7fout\n"),
    "raw-bel.yaml": _bytes(HEAD.encode() + b"  summary: ring\x07\n"),
    "raw-c1-csi.yaml": _text(HEAD + "  summary: c1 \u009b31m red\n"),
    "raw-nel.yaml": _text(HEAD + "  summary: next\u0085line\n"),
    "raw-bidi-override.yaml": _text(HEAD + "  summary: price \u202e001$ ok\n"),
    "raw-line-separator.yaml": _text(HEAD + '  summary: "one\u2028two"\n'),
    "raw-zero-width.yaml": _text(HEAD + "  summary: zero\u200bwidth\ufeffjoiner\n"),
    # Encodings.
    "invalid-utf8.yaml": _bytes(HEAD.encode() + "  summary: Cártel ".encode() + b"\xff\n"),
    "truncated-utf8.yaml": _bytes(HEAD.encode() + b"  summary: cut \xc3"),
    "overlong-utf8.yaml": _bytes(HEAD.encode() + b"  summary: slash \xc0\xaf\n"),
    "surrogate-utf8.yaml": _bytes(HEAD.encode() + b"  summary: half \xed\xa0\x80\n"),
    "latin1.yaml": _bytes(HEAD.encode() + "  summary: Cártel\n".encode("latin-1")),
    "utf16-le-bom.yaml": _bytes(b"\xff\xfe" + HEAD.encode("utf-16-le")),
    "utf16-be-bom.yaml": _bytes(b"\xfe\xff" + HEAD.encode("utf-16-be")),
    "utf32-le-bom.yaml": _bytes(b"\xff\xfe\x00\x00" + HEAD.encode("utf-32-le")),
    "utf16-le-no-bom.yaml": _bytes(HEAD.encode("utf-16-le")),
    "utf8-bom.yaml": _bytes(_BOM + (HEAD + "  summary: after a BOM\n").encode()),
    "crlf.yaml": _bytes(_CRLF_BRIEFING.replace("\n", "\r\n").encode()),
    "cr-only.yaml": _bytes(_CRLF_BRIEFING.replace("\n", "\r").encode()),
    "bom-crlf-error.yaml": _bytes(
        _BOM + (HEAD + "  summary: fine\n  as_of: 2025-13-01\n").replace("\n", "\r\n").encode()
    ),
    "whitespace-with-tab.yaml": _bytes(b"  \n\t\n"),
    # Size.
    "huge-line-5mb.yaml": _text(HEAD + "  summary: " + "word [b] " * 583_000 + "end\n"),
    "big-briefing.yaml": _text(big_briefing(int(BIG_MEGABYTES * 1_000_000))),
    "over-size-cap.yaml": _sparse_over_cap,
    "problem-flood.yaml": _problem_flood,
    # Special files and folders.
    "fifo.yaml": _fifo,
    "dev-zero.yaml": _dev_zero,
    "dev-null.yaml": _dev_null,
    "link-loop.yaml": _link_loop,
    "folder-with-loop": _folder_with_loop,
    "folder-with-looping-file": _folder_with_looping_file,
    "folder-with-fifo": _folder_with_fifo,
    "dir-named.yaml": _dir_named_yaml,
    "folder-with-dir-named-yaml": _folder_with_dir_named_yaml,
    "control-in-file-name": _control_in_file_name,
}


def make(name: str, folder: Path) -> Path:
    """Create the generated case ``name`` in ``folder``; return its path."""
    path = folder / name
    GENERATORS[name](path)
    return path

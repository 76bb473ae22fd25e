"""``fto-brief new PATH``: a starter briefing with every section and one example entry in each.

The starter passes ``fto-brief check`` with no problems, so an author starts from something valid
and changes it a piece at a time, checking as they go.
"""

from __future__ import annotations

import os

from fto_tui.writing import create_new

SCHEMA_HINT = "fto-brief.schema.json"

STARTER = f"""\
# yaml-language-server: $schema={SCHEMA_HINT}
# For completion and checking in editors, write the schema next to this file with
#   fto-brief schema > {SCHEMA_HINT}
# Check this file with `fto-brief check FILE` and read it with `fto-brief FILE`.
# Every value is text as written; dates are EDTF: 2025-02-20, 2025-02, 2025, 2017/2021,
# 2025-01-20/.. (still going), 2019~ (about), 2019? (uncertain).

briefing:
  title: Example briefing
  as_of: 2025-01
  language: en
  summary: >-
    One paragraph saying what this briefing is about. Replace the example entries below with
    your own; every id must be unique across the files you load together.
  authors: [Your Name]

sources:
  - id: example-source
    title: Title of the article, notice or report
    publisher: Example News
    url: https://example.org/article
    kind: article
    published: 2025-01-15
    accessed: 2025-01-16
    notes: What a reader should know about this source.

organisations:
  - id: example-group
    name: Example Group
    aliases: [EG]
    kind: armed-group
    based_in: [Exampleland]
    active_in: [Exampleland]
    activities: [smuggling]
    founded: 2010
    description: A short description in your own words.
    sources:
      - {{source: example-source, locator: paragraph 2}}
    designations:
      - authority: Example Ministry of Foreign Affairs
        programme: Example terrorist list
        basis: Example Act, section 1
        date: 2025-01-10
        as_written: last Friday
        status: active
        source: example-source
    # relations:
    #   - type: split-from
    #     organisation: another-organisation-id
    #     source: example-source

speakers:
  - id: example-speaker
    name: Alex Example
    description: Spokesperson of the Example Ministry.
    roles:
      - title: Spokesperson
        period: 2024-01/..
        source: example-source
    affiliations: [example-group]
    source: example-source

quotes:
  - id: example-quote
    speaker: example-speaker
    kind: direct
    text: The words exactly as the source prints them.
    date: 2025-01-15
    context: press-briefing
    audience: reporters
    about: [example-group]
    sources:
      - {{source: example-source, locator: paragraph 3}}

events:
  - id: example-event
    date: 2025-01-10
    as_written: last Friday
    title: Example Group designated by the Example Ministry
    description: What happened, in a sentence or two.
    participants: [example-group, example-speaker]
    places: [Exampleland]
    tags: [designation]
    source: example-source
"""


def write_starter(path: str | os.PathLike[str]) -> None:
    """Write the starter briefing to ``path``; FileExistsError if anything is there already."""
    create_new(path, STARTER.encode("utf-8"))

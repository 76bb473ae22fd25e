"""YAML text to a tree of positioned nodes, safely.

Parsing uses libyaml through PyYAML's ``CBaseLoader``: no implicit resolvers (every plain value
stays the text written) and no object construction at all. What YAML allows but a briefing must
not carry is refused here with a position: anchors and aliases (alias bombs, recursive aliases),
explicit tags, more or fewer than one document, and nesting deeper than any briefing needs.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from fto_tui.problems import Problem, error
from fto_tui.reading import SourceText

__all__ = ["MAP_TAG", "SEQ_TAG", "STR_TAG", "MappingNode", "Node", "ScalarNode", "SequenceNode"]

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"

#: Deeper nesting than this is refused (a briefing needs about six levels).
MAX_DEPTH = 100

#: libyaml's composer recurses in C once per level of nesting; tens of thousands of levels (a
#: file of a few dozen kilobytes) overflow the C stack and kill the process. Text that could
#: nest deeper than this is first scanned, iteratively, for depth.
_SAFE_COMPOSE_DEPTH = 10_000

# Where an anchor or alias could start: after a line start, space, or flow indicator.
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[\{,])[&*][^\s\[\]\{\},]", re.MULTILINE)

_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def _syntax_problem(source: SourceText, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    position = source.position(mark.index) if mark is not None else source.position(0)
    problem = (exc.problem or "invalid YAML").strip()
    if "maximum nesting depth" in problem:
        # libyaml 0.2.6 refuses more than 1,000 levels, sometimes before our own limit is
        # reached (it reads ahead over runs of opening brackets).
        return error(
            position, "too-deep", "nesting deeper than the YAML parser allows (1,000 levels)"
        )
    message = f"YAML syntax: {problem}"
    if exc.context and exc.context_mark is not None and exc.context_mark is not mark:
        where = source.position(exc.context_mark.index)
        message += f" ({exc.context.strip()} at line {where.line}, column {where.column})"
    hint = None
    if "mapping values are not allowed" in problem:
        hint = (
            "text holding a colon followed by a space must be quoted: "
            'put the whole value in double quotes ("...")'
        )
    return error(position, "yaml-syntax", message, hint)


def _scan_events(source: SourceText) -> Problem | None:
    """Walk the event stream (iteratively) for anchors, aliases and excessive depth."""
    depth = 0
    try:
        for event in yaml.parse(source.text, Loader=_Loader):
            start = event.start_mark.index if event.start_mark is not None else 0
            if isinstance(event, yaml.AliasEvent):
                return error(
                    source.position(start),
                    "alias",
                    f"aliases (*{event.anchor}) are not allowed in briefings",
                    "write the value out in full",
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                return error(
                    source.position(start),
                    "alias",
                    f"anchors (&{anchor}) are not allowed in briefings",
                    "write the value out in full",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return error(
                        source.position(start),
                        "too-deep",
                        f"nesting deeper than {MAX_DEPTH} levels",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        return _syntax_problem(source, exc)
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are caught before
        return error(source.position(0), "yaml-syntax", f"YAML syntax: {exc}")
    return None


def _depth_bound(text: str) -> int:
    """A cheap upper bound on how deep ``text`` can nest.

    Every flow collection opens with ``[`` or ``{``; block collections nest only by moving
    right (a sequence may share its parent mapping's column), so at most two levels per
    column of the longest line. ``splitlines`` breaks lines where YAML does, and more.
    """
    longest = max(map(len, text.splitlines()), default=0)
    return text.count("[") + text.count("{") + 2 * longest + 2


def _compose(source: SourceText) -> Node | None:
    """Compose without letting nesting hurt: libyaml's composer recurses in C once per level
    (tens of thousands of levels overflow the C stack and kill the process) and its scanner
    slows with the square of the flow depth. Text that could nest deeper than
    ``_SAFE_COMPOSE_DEPTH`` is first scanned, iteratively, and refused past ``MAX_DEPTH``;
    the scan stops there, so it is quick on hostile text and linear on large real files."""
    if _depth_bound(source.text) > _SAFE_COMPOSE_DEPTH:
        found = _scan_events(source)
        if found is not None:
            raise _Refused(found)
    return yaml.compose(source.text, Loader=_Loader)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def compose(source: SourceText) -> Node | Problem:
    """The single document's root node, or the first problem that stops parsing."""
    try:
        root = _compose(source)
    except _Refused as refused:
        return refused.problem
    except RecursionError:
        found = _scan_events(source)
        return found or error(source.position(0), "too-deep", "nesting is too deep")
    except yaml.composer.ComposerError as exc:
        if exc.problem and "another document" in exc.problem:
            assert exc.problem_mark is not None
            return error(
                source.position(exc.problem_mark.index),
                "document-count",
                "a briefing file holds exactly one YAML document; found another one here",
                "split the documents into separate files",
            )
        if exc.problem and "undefined alias" in exc.problem:
            assert exc.problem_mark is not None
            return error(
                source.position(exc.problem_mark.index),
                "alias",
                "aliases are not allowed in briefings",
                "write the value out in full",
            )
        return _syntax_problem(source, exc)
    except yaml.MarkedYAMLError as exc:
        return _syntax_problem(source, exc)
    except yaml.YAMLError as exc:
        return error(source.position(0), "yaml-syntax", f"YAML syntax: {exc}")
    if root is None:
        return error(
            source.position(0),
            "document-count",
            "the file holds no YAML document (it is empty or only comments)",
            "a briefing starts with a 'briefing:' mapping that has a title",
        )
    if _ANCHOR_OR_ALIAS.search(source.text):
        found = _scan_events(source)
        if found is not None:
            return found
    return root


def scalar_offset(node: ScalarNode) -> int:
    """Character offset where a scalar's text begins (inside its quotes, if any)."""
    offset: int = node.start_mark.index
    if node.style in ("'", '"'):
        offset += 1
    return offset

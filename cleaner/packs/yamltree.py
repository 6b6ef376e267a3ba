"""Read a pack's YAML strictly while remembering where every key and list item stands.

`yaml.safe_load` forgets positions and silently keeps the last of two equal keys. Composing the
node tree keeps each node's line and column, so a schema error found later can point at the
exact key; walking the tree ourselves makes a duplicate key an error and refuses any tag that
would build something other than plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Loc, PackError, Problem

# libyaml parses a pack about 15 times faster than the pure-Python parser; both give positions.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"

Position = tuple[int, int]  # 1-based line and column

# Limits no real pack comes near, which keep a hostile one from costing a run its memory or
# its stack: libyaml's composer recurses (50,000 levels crash the process), and aliases can
# repeat a subtree exponentially ("billion laughs": 574 bytes, gigabytes once expanded).
MAX_PACK_BYTES = 2**20
MAX_DEPTH = 64  # nested lists and mappings
MAX_VALUES = 100_000  # values in the pack once aliases are expanded
_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass(frozen=True)
class Tree:
    """A pack file's plain data and the position of every key and list item in it."""

    path: Path
    data: dict[str, object]
    marks: dict[Loc, Position]

    def locate(self, loc: Loc) -> tuple[Loc, Position]:
        """The longest prefix of `loc` that exists in the file, and where it stands. Parts that
        name no key (pydantic's union tags, a missing key) are passed over."""
        found: Loc = ()
        for part in loc:
            if found + (part,) in self.marks:
                found += (part,)
        return found, self.marks[found]

    def problem(self, loc: Loc, message: str, shown: Loc | None = None) -> Problem:
        """A problem at `loc` (or the nearest key that exists), shown as `shown` or `loc`."""
        _, (line, column) = self.locate(loc)
        return Problem(self.path, message, line, column, shown if shown is not None else loc)


def _plain(node: Node) -> bool:
    """Only YAML's own tags for strings, numbers, booleans, null, dates, lists and mappings."""
    if isinstance(node, MappingNode):
        return node.tag == MAP_TAG
    if isinstance(node, SequenceNode):
        return node.tag == SEQ_TAG
    return node.tag in SafeConstructor.yaml_constructors


def _position(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    """Turns composed nodes into dicts, lists and scalars, recording each key's position."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.marks: dict[Loc, Position] = {}
        self.constructor = SafeConstructor()
        self.ancestors: set[int] = set()
        self.values = 0

    def fail(self, node: Node, message: str, loc: Loc = ()) -> PackError:
        line, column = _position(node)
        return PackError([Problem(self.path, message, line, column, loc)])

    def build(self, node: Node, loc: Loc) -> object:
        self.values += 1
        if self.values > MAX_VALUES:
            expanded = f"more than {MAX_VALUES:,} values once aliases are expanded"
            raise self.fail(node, f"{expanded}; a pack is far smaller", loc)
        if id(node) in self.ancestors:
            raise self.fail(node, "an alias refers to a node that contains it", loc)
        if not _plain(node):
            raise self.fail(
                node,
                f"not valid YAML: unsupported tag {node.tag!r}; a pack holds plain data only",
                loc,
            )
        if isinstance(node, ScalarNode):
            try:
                return self.constructor.construct_object(node)
            except ValueError as err:  # a date-like value that is no date: `2021-13-45`
                raise self.fail(
                    node, f"not valid YAML: {node.value!r} cannot be read: {err}", loc
                ) from None
        self.ancestors.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, loc)
            assert isinstance(node, SequenceNode)
            return self._sequence(node, loc)
        finally:
            self.ancestors.discard(id(node))

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, object]:
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.fail(key_node, "a key must be a plain name, not a list or mapping", loc)
            key = str(key_node.value)
            if key in result:
                first = self.marks[loc + (key,)][0]
                raise self.fail(
                    key_node, f"duplicate key {key!r} (first given at line {first})", loc
                )
            self.marks[loc + (key,)] = _position(key_node)
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _sequence(self, node: SequenceNode, loc: Loc) -> list[object]:
        items = []
        for index, item in enumerate(node.value):
            self.marks[loc + (index,)] = _position(item)
            items.append(self.build(item, loc + (index,)))
        return items


def _offset_position(data: str | bytes, offset: int) -> Position:
    """Line and column of a character (or byte) offset."""
    if isinstance(data, bytes):
        data = data.decode("latin-1")  # one character per byte: offsets stay put
    return data.count("\n", 0, offset) + 1, offset - (data.rfind("\n", 0, offset) + 1) + 1


def _yaml_problem(path: Path, text: str, err: yaml.YAMLError) -> Problem:
    if isinstance(err, yaml.MarkedYAMLError) and err.problem_mark is not None:
        line, column = err.problem_mark.line + 1, err.problem_mark.column + 1
        source_line = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
        if "\t" in source_line[:column]:
            return Problem(
                path, "not valid YAML: a tab character; indent with spaces", line, column
            )
        opened = err.context_mark.line + 1 if err.context_mark is not None else line
        context = (
            f" ({err.context}{f' from line {opened}' if opened != line else ''})"
            if err.context
            else ""
        )
        return Problem(path, f"not valid YAML: {err.problem}{context}", line, column)
    if isinstance(err, yaml.reader.ReaderError):
        line, column = _offset_position(text, err.position)
        return Problem(
            path, f"not valid YAML: {err.reason} (character {err.character!r})", line, column
        )
    return Problem(path, f"not valid YAML: {err}", 1, 1)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = _offset_position(data, err.start)
        byte = data[err.start : err.start + 1].hex()
        raise PackError(
            [
                Problem(
                    path,
                    f"not UTF-8: byte 0x{byte} cannot be decoded; save the pack as UTF-8",
                    line,
                    column,
                )
            ]
        ) from None


def _check_depth(path: Path, text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before composing: the parser stops at the first level
    too deep, so a file nested 50,000 deep costs no more than one nested 65 deep."""
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        depth += isinstance(event, _OPENS) - isinstance(event, _CLOSES)
        if depth > MAX_DEPTH:
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            problem = f"nested more than {MAX_DEPTH} deep; a pack is far flatter"
            raise PackError([Problem(path, problem, line, column)])


def read_tree(path: Path) -> Tree:
    """Parse one pack file; every way it can fail is a PackError with a position."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_PACK_BYTES + 1)
    except OSError as err:
        raise PackError([Problem(path, f"cannot read: {err.strerror or err}")]) from None
    if len(data) > MAX_PACK_BYTES:
        problem = f"over {MAX_PACK_BYTES:,} bytes; a pack is far smaller"
        raise PackError([Problem(path, problem, 1, 1)])
    text = _decode(path, data)
    try:
        _check_depth(path, text)
        root = yaml.compose(text, Loader=LOADER)
        walker = _Walker(path)
        content = walker.build(root, ()) if root is not None else None
    except yaml.YAMLError as err:
        raise PackError([_yaml_problem(path, text, err)]) from None
    except RecursionError:
        raise PackError(
            [Problem(path, "not valid YAML: nested too deeply for a pack", 1, 1)]
        ) from None
    if root is None:
        raise PackError(
            [
                Problem(
                    path,
                    "empty pack: it needs at least `id`, `name` and `domains` or `detect`",
                    1,
                    1,
                )
            ]
        )
    if not isinstance(content, dict):
        line, column = _position(root)
        kind = "list" if isinstance(content, list) else "single value"
        raise PackError(
            [
                Problem(
                    path,
                    f"a pack must be a mapping of keys (id, name, …), not a {kind}",
                    line,
                    column,
                )
            ]
        )
    walker.marks[()] = _position(root)
    return Tree(path, content, walker.marks)

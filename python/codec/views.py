"""Python objects for the views files' views, built from the views files themselves.

The native library describes every view of every format it reads (member names, types in the views language and
descriptions: the same views files the C# interfaces are generated from) and writes a document's values by those
views. The classes here are made from those descriptions when the package loads, so a new version or view member
appears in Python with no Python change.

A member is ``None`` where the document's version does not have it. Types map as: ``float``/``int``/``bool``/
``string`` to Python scalars; ``float[k]`` and ``float[k][k]`` to float64 arrays; ``map<int>`` to a dict; a view to
its object; ``list<View>`` to a :class:`ViewList`, whose members are also columns: ``landmarks.ibug68.screen_space_pos``
is an ``(N, 2)`` array (NaN where a point lacks it), ``landmarks.ibug68.name`` a list of N names.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

import numpy as np

from . import _native

_FIXED = re.compile(r"^float((?:\[\d+\])+)$")
_LIST = re.compile(r"^list<(\w+)>$")


class View:
    """A view's values: one attribute per member of the views file (``None`` where absent)."""

    __slots__ = ()
    _members: dict = {}
    _format: str = ""

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={_short(getattr(self, name))}" for name in self._members)
        return f"{type(self).__name__}({shown})"

    def to_dict(self) -> dict:
        """The values as plain Python (arrays as nested lists), by member name."""
        return {name: _plain(getattr(self, name)) for name in self._members}


class ViewList:
    """A list of views (landmarks, accessories): items by index, and each member as a column over the items.

    Items are made into view objects when first asked for; a column is built straight from the values as read, so that
    ``landmarks.ibug68.screen_space_pos`` costs one array, not one object per point.
    """

    __slots__ = ("_raw", "_items", "_view", "_format", "_columns")

    def __init__(self, raw: list, view: type, format: "Format"):
        self._raw = raw
        self._items: list | None = None
        self._view = view
        self._format = format
        self._columns: dict = {}

    def _made(self) -> list:
        if self._items is None:
            self._items = [self._format.build(item, self._view.__name__) for item in self._raw]
        return self._items

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self) -> Iterator[View]:
        return iter(self._made())

    def __getitem__(self, index):
        return self._made()[index]

    def __getattr__(self, name: str) -> Any:
        view = object.__getattribute__(self, "_view")
        if name not in view._members:
            raise AttributeError(f"{view.__name__} has no member {name} (it has {', '.join(view._members)})")
        columns = object.__getattribute__(self, "_columns")
        if name not in columns:
            type_name = view._members[name]["type"]
            values = [None if item is None else item.get(name) for item in self._raw]
            columns[name] = _column(values, type_name) if _is_plain(type_name) else [self._format.build(v, type_name) for v in values]
        return columns[name]

    def __repr__(self) -> str:
        return f"ViewList[{self._view.__name__}]({len(self._raw)} items)"

    def to_dict(self) -> list:
        return [item.to_dict() if item is not None else None for item in self._made()]


def _is_plain(type_name: str) -> bool:
    return type_name in ("float", "int", "bool", "string") or _FIXED.match(type_name) is not None


def _column(values: list, type_name: str) -> Any:
    fixed = _FIXED.match(type_name)
    if type_name == "float" or fixed:
        shape = tuple(int(n) for n in re.findall(r"\d+", fixed.group(1))) if fixed else ()
        if all(v is not None for v in values):
            return np.array(values, dtype=np.float64).reshape((len(values),) + shape)
        column = np.full((len(values),) + shape, np.nan)
        for i, value in enumerate(values):
            if value is not None:
                column[i] = value
        return column
    if type_name == "int" and values and all(v is not None for v in values):
        return np.array(values, dtype=np.int64)
    return list(values)


def _short(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"array{value.shape}"
    if isinstance(value, (View, ViewList)):
        return type(value).__name__ if isinstance(value, View) else repr(value)
    return repr(value)


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (View, ViewList)):
        return value.to_dict()
    return value


class Format:
    """One format's views as classes: ``Format.classes["Landmark"]``; ``build(values)`` turns the library's JSON into objects."""

    def __init__(self, description: dict):
        self.name = description["format"]
        self.root = description["root"]
        self.classes: dict[str, type] = {}
        for view_name, view in description["views"].items():
            members = view["members"]
            self.classes[view_name] = type(view_name, (View,), {
                "__slots__": tuple(members),
                "__doc__": view["description"] + "\n\nMembers: " + "; ".join(
                    f"{name} ({m['type']}){': ' + m['description'] if m['description'] else ''}" for name, m in members.items()),
                "_members": members,
                "_format": self.name,
            })

    def build(self, values: Any, view_name: str | None = None) -> Any:
        return self._value(values, view_name or self.root)

    def _value(self, value: Any, type_name: str) -> Any:
        if value is None:
            return None
        listed = _LIST.match(type_name)
        if listed:
            return ViewList(value, self.classes[listed.group(1)], self)
        if type_name in self.classes:
            cls = self.classes[type_name]
            obj = cls.__new__(cls)
            for name, member in cls._members.items():
                object.__setattr__(obj, name, self._value(value.get(name), member["type"]))
            return obj
        if _FIXED.match(type_name):
            return np.array(value, dtype=np.float64)
        if type_name == "float":
            return float(value)
        return value


_description = _native.describe()

#: The version of the native library.
library_version: str = _description["version"]

#: Every format's views, by format id (``synthesis.info``, ``synthesis.metadata``).
formats: dict[str, Format] = {name: Format(views) for name, views in _description["views"].items()}

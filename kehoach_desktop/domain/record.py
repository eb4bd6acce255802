"""Value objects of the start-up path, written out instead of made by ``@dataclass``.

``@dataclass`` writes each class's ``__init__``, ``__repr__`` and ``__eq__`` as source text and
compiles it with ``exec`` every time the program starts: about 0.5 ms a class, 7 ms for the 14
classes the window needs before its first paint (the plan, its tasks, sections, dates, units), plus
the ``dataclasses`` module itself (bench/bench_startup.py). Written out, their code is compiled once
into the bytecode cache like the rest.

Each class lists its fields in ``__slots__``, in the order of its ``__init__``; :class:`Record`
gives it what ``@dataclass`` gave: equality field by field with an object of the same class (and so
no hash), and a repr naming every field. :class:`FrozenRecord` is ``@dataclass(frozen=True)``:
fields cannot be assigned after ``__init__``, equal objects hash alike, and :meth:`replace` makes a
changed copy (``dataclasses.replace``). ``tests/test_records.py`` checks every class against the
dataclass it replaced: the same fields in the same order, the same defaults (a fresh list or dict
for each object), the same equality, hashing, repr and immutability.
"""

from __future__ import annotations

from typing import Any, TypeVar

_F = TypeVar("_F", bound="FrozenRecord")


class Record:
    """Equality and repr from ``__slots__`` (a mutable record: unhashable, as a dataclass with ``eq``)."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"


class FrozenError(AttributeError):
    """Assigning a field of a frozen record (``dataclasses.FrozenInstanceError`` is an AttributeError too)."""


class FrozenRecord(Record):
    """A record whose fields are set once, in ``__init__`` through :meth:`_set`; hashable."""

    __slots__ = ()

    def _set(self, *values: Any) -> None:
        """Set every field, in the order of ``__slots__`` (``__init__`` only)."""
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())

    def __copy__(self: _F) -> _F:
        return self  # immutable: a copy is the object itself

    def __deepcopy__(self: _F, memo: dict) -> _F:
        return self

    def __reduce__(self) -> tuple:
        return self.__class__, self._values()

    def replace(self: _F, **changes: Any) -> _F:
        """A copy with ``changes`` (field name: new value), checked by ``__init__`` again."""
        values = {name: getattr(self, name) for name in self.__slots__}
        unknown = changes.keys() - values.keys()
        if unknown:
            raise TypeError(f"{self.__class__.__qualname__} has no field {', '.join(sorted(unknown))}")
        values.update(changes)
        return self.__class__(**values)

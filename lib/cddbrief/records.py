"""Dataclass objects <-> JSON records, generated from their fields: one ``to_dict``, one ``from_dict``.

A record holds an object's fields under their names, in field order, or in the order of the
class's ``json_order`` (a ClassVar naming fields and read-only properties: a property is written,
never read back). Values become JSON: a date its ISO string, a tuple (a NamedTuple too) or a
list a list, a dataclass its own record. What a field's ``metadata`` may say (``json_field``):

- ``key``: the record's key for the field when it is not the field's name;
- ``omit_none``: no key at all when the value is None;
- ``encode``: a function giving the JSON value instead (a value ``from_dict`` cannot read back).

``from_dict`` reads a record back through the fields' types (``date | None``, ``tuple[float, ...]``,
``list[Directive]``, a NamedTuple …); a field the record does not hold takes its default.
Nothing here knows the meeting model: model.py declares, this module reads the declarations.
"""

from __future__ import annotations

import types
import typing
from dataclasses import MISSING, field, fields, is_dataclass
from datetime import date

__all__ = ["from_dict", "json_field", "read_fields", "to_dict"]


def json_field(default=MISSING, *, key: str | None = None, omit_none: bool = False, encode=None, **options):
    """A dataclass field with how it is written in a record (see the module's docstring).

    >>> from dataclasses import dataclass
    >>> @dataclass
    ... class Office:
    ...     name: str
    ...     name_th: str = json_field("", key="ชื่อ")
    ...     district: str | None = json_field(None, omit_none=True)
    >>> to_dict(Office("Mae Tha", "แม่ทะ"))
    {'name': 'Mae Tha', 'ชื่อ': 'แม่ทะ'}
    >>> from_dict(Office, {"name": "Pa Sang", "ชื่อ": "ป่าซาง", "district": "ป่าซาง"})
    Office(name='Pa Sang', name_th='ป่าซาง', district='ป่าซาง')
    """
    metadata = {"key": key, "omit_none": omit_none, "encode": encode}
    return field(default=default, metadata=metadata, **options)


# --- writing -----------------------------------------------------------------------------------

_WRITE_PLANS: dict[type, list[tuple[str, str, bool, object]]] = {}


def _write_plan(cls: type) -> list[tuple[str, str, bool, object]]:
    """(key, attribute, omit when None, encoder or None for a value that is JSON as it is) of each
    value a record of cls holds, in order; the encoders follow the fields' types."""
    plan = _WRITE_PLANS.get(cls)
    if plan is None:
        by_name = {f.name: f for f in fields(cls)}
        hints = typing.get_type_hints(cls)
        plan = []
        for name in getattr(cls, "json_order", None) or list(by_name):
            if name in by_name:
                meta = by_name[name].metadata
                plan.append(
                    (
                        meta.get("key") or name,
                        name,
                        meta.get("omit_none", False),
                        meta.get("encode") or _encoder(hints[name]),
                    )
                )
            elif isinstance(getattr(cls, name, None), property):
                plan.append((name, name, False, plain))
            else:
                raise TypeError(f"{cls.__name__}.json_order names {name!r}, neither a field nor a property")
        _WRITE_PLANS[cls] = plan
    return plan


_AS_IS = (str, int, float, bool)


def _encoder(hint):
    """A function from a value of the type hint to JSON, or None where the value is JSON as it is."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        if all(k in _AS_IS or typing.get_origin(k) is typing.Literal for k in kinds):
            return None
        return _encoder(kinds[0]) if len(kinds) == 1 else plain
    if hint in _AS_IS or origin is typing.Literal:
        return None
    if hint is date:
        return date.isoformat
    if (
        isinstance(hint, type)
        and issubclass(hint, tuple)
        and all(h in _AS_IS for h in typing.get_type_hints(hint).values())
    ):
        return list  # a NamedTuple of plain values (a TextSpan)
    if origin is tuple and all(a in _AS_IS or a is Ellipsis for a in args):
        return list
    if origin is list and isinstance(args[0], type) and is_dataclass(args[0]):
        return lambda values: [to_dict(v) for v in values]
    return plain


def to_dict(obj) -> dict:
    """The JSON record of a dataclass object.

    >>> from cddbrief.model import Recurrence
    >>> to_dict(Recurrence("monthly", 5, date(2023, 3, 5), "ทุกวันที่ 5 ของเดือน", item=2, directive=1))
    {'item': 2, 'directive': 1, 'rule': 'monthly', 'day': 5, 'first': '2023-03-05', 'surface': 'ทุกวันที่ 5 ของเดือน'}
    """
    record = {}
    for key, name, omit_none, encode in _WRITE_PLANS.get(type(obj)) or _write_plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            if not omit_none:
                record[key] = None
        else:
            record[key] = value if encode is None else encode(value)
    return record


def plain(value):
    """A value as JSON: dates as ISO strings, tuples and lists as lists, dataclasses as records.

    >>> plain((date(2023, 2, 9), 14.5, ("ตำบล", None)))
    ['2023-02-09', 14.5, ['ตำบล', None]]
    """
    if value is None or isinstance(value, (str, int, float)):  # bool is an int
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if is_dataclass(value):
        return to_dict(value)
    raise TypeError(f"no JSON for a {type(value).__name__}")


# --- reading -----------------------------------------------------------------------------------

_READ_PLANS: dict[type, list[tuple[str, str, object]]] = {}


def _read_plan(cls: type) -> list[tuple[str, str, object]]:
    """(key, field, decoder or None) of each field a record of cls can give back."""
    plan = _READ_PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = [
            (f.metadata.get("key") or f.name, f.name, _decoder(hints[f.name]))
            for f in fields(cls)
            if f.init and not f.metadata.get("encode")
        ]
        _READ_PLANS[cls] = plan
    return plan


def _decoder(hint):
    """A function from a JSON value to a value of the type hint, or None where the JSON value is the value."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        return _decoder(kinds[0]) if len(kinds) == 1 else None  # float | int: as it is
    if hint is date:
        return date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):  # a NamedTuple
        return lambda value: hint(*value)
    if origin is tuple:
        return tuple
    if origin is list:
        inner = _decoder(args[0])
        return (lambda value: [inner(v) for v in value]) if inner else list
    if isinstance(hint, type) and is_dataclass(hint):
        return lambda value: from_dict(hint, value)
    return None  # str, int, float, bool, a Literal


def read_fields(cls: type, record: dict, leave: tuple[str, ...] = ()) -> dict:
    """The fields of cls a record gives, decoded, as keyword arguments; ``leave`` names fields not to read.

    >>> from cddbrief.model import Directive
    >>> read_fields(Directive, {"no": 2, "label": "2.", "text": "ให้ตำบลรายงาน"})
    {'no': 2, 'text': 'ให้ตำบลรายงาน', 'label': '2.'}
    """
    values = {}
    for key, name, decode in _READ_PLANS.get(cls) or _read_plan(cls):
        if key in record and name not in leave:
            value = record[key]
            values[name] = decode(value) if decode and value is not None else value
    return values


def from_dict(cls: type, record: dict):
    """The object of cls a record gives back: ``from_dict(type(x), to_dict(x)) == x``.

    >>> from cddbrief.model import DateSpan
    >>> from_dict(DateSpan, {"start": "2023-02-09", "end": "2023-02-09", "precision": "day",
    ...                      "surface": "9 ก.พ. 66", "span": [3, 12]})
    DateSpan(start=datetime.date(2023, 2, 9), end=datetime.date(2023, 2, 9), precision='day', surface='9 ก.พ. 66',
             span=TextSpan(start=3, end=12), year_inferred=False, repaired=False, role=None, item=None,
             directive=None, passage=None, context=None, cell=None)
    """
    return cls(**read_fields(cls, record))

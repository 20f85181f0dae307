"""A quick yes to a record a marshmallow schema accepts, without the schema's machinery.

Validating a service record with marshmallow cost ~0.4 ms, a third of preparing it for the
bulk load, and nearly all of it the schema's bookkeeping (error stores, nested loads, hook
lookups) rather than the checks themselves. ``accepts`` walks the record beside the schema
and runs the very same field checks (each field's own ``deserialize`` or, for a plain
string, integer, number or boolean, its type and its own validators) and the schema's own
``validates_schema`` methods. It only ever says "accepted" or "ask marshmallow": anything it
does not know how to check exactly (a hook of another kind, a field with its own pre- or
post-load steps, a nested schema with options) makes it answer False, and the caller then
validates with marshmallow as before, which alone writes the errors. So what is refused, and
the reasons given, cannot change; a test holds ``accepts`` to marshmallow's verdict.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import Any

from marshmallow import EXCLUDE, INCLUDE, Schema, fields
from marshmallow.utils import missing

_Check = Callable[[Any], tuple[bool, Any]]  # value -> (accepted, the value as loaded)
_REFUSED: tuple[bool, Any] = (False, None)


def accepts(schema: Schema, data: Any) -> bool:
    """True only if ``schema.validate(data)`` would find no error (False: ask marshmallow)."""
    return _schema_check(schema)(data)[0]


@cache
def _schema_check(schema: Schema) -> _Check:
    hooks = getattr(schema, "_hooks", {})
    if (set(hooks) - {"validates_schema"} or schema.unknown not in (EXCLUDE, INCLUDE)
            or schema.many or schema.partial):
        return lambda _value: _REFUSED  # not one this module checks exactly: marshmallow will
    validators: list[Callable[..., Any]] = []
    for name, many, options in hooks.get("validates_schema", []):
        if many or options.get("pass_original"):
            return lambda _value: _REFUSED
        validators.append(getattr(schema, name))
    entries = [(f.data_key or name, name, f.required, f.allow_none, _field_check(f))
               for name, f in schema.load_fields.items()]

    def check(value: Any) -> tuple[bool, Any]:
        if type(value) is not dict:
            return _REFUSED
        loaded: dict[str, Any] = {}
        for key, attribute, required, allow_none, field_check in entries:
            raw = value.get(key, missing)
            if raw is missing:
                if required:
                    return _REFUSED
                continue
            if raw is None:
                if not allow_none:
                    return _REFUSED
                loaded[attribute] = None
                continue
            ok, loaded[attribute] = field_check(raw)
            if not ok:
                return _REFUSED
        for validator in validators:
            try:
                validator(loaded, partial=None, many=False, unknown=schema.unknown)
            except Exception:  # any failure: marshmallow decides, and says why
                return _REFUSED
        return True, loaded

    return check


def _field_check(field: fields.Field) -> _Check:
    """A field's check of a value that is neither missing nor None."""
    if field.pre_load or field.post_load:  # its own steps: let the field run them itself
        return _by_deserialize(field)
    kind = type(field)
    if kind is fields.Nested:
        nested: Any = field
        if nested.many or nested.only or nested.exclude or nested.unknown is not None \
                or not isinstance(nested.schema, Schema):
            return lambda _value: _REFUSED
        return _with_validators(field, _schema_check(nested.schema))
    if kind is fields.List:
        inner: fields.Field = field.inner  # type: ignore[attr-defined]
        if inner.allow_none or inner.required:
            return lambda _value: _REFUSED
        item_check = _field_check(inner)

        def check_list(value: Any) -> tuple[bool, Any]:
            if type(value) is not list:
                return _REFUSED
            out = []
            for item in value:
                if item is None:
                    return _REFUSED
                ok, loaded = item_check(item)
                if not ok:
                    return _REFUSED
                out.append(loaded)
            return True, out

        return _with_validators(field, check_list)
    plain = _plain_type(field)
    if plain is None:
        return _by_deserialize(field)
    fallback = _by_deserialize(field)

    def check_plain(value: Any) -> tuple[bool, Any]:
        loaded = plain(value)
        if loaded is missing:  # not the obvious case: the field decides, as marshmallow would
            return fallback(value)
        return True, loaded

    return _with_validators(field, check_plain)


def _plain_type(field: fields.Field) -> Callable[[Any], Any] | None:
    """The loaded value of an obvious input (``missing`` for any other), for fields whose
    loading of such an input is exactly that: a str to a String, an int to an Integer, a
    finite int or float to a Float, a bool to a Boolean."""
    kind: Any = type(field)
    number: Any = fields.Number
    deserialize = kind._deserialize
    if deserialize is fields.String._deserialize:
        return lambda v: v if type(v) is str else missing
    if deserialize is number._deserialize and issubclass(kind, fields.Integer) \
            and kind._validated is fields.Integer._validated \
            and kind._format_num is fields.Integer._format_num:
        return lambda v: v if type(v) is int else missing
    if deserialize is number._deserialize and issubclass(kind, fields.Float) \
            and kind._validated is fields.Float._validated \
            and kind._format_num is fields.Float._format_num:
        def as_float(v: Any) -> Any:
            if type(v) is float and math.isfinite(v):
                return v
            if type(v) is int and abs(v) < 2 ** 53:
                return float(v)
            return missing
        return as_float
    if deserialize is fields.Boolean._deserialize:
        return lambda v: v if type(v) is bool else missing
    return None


def _by_deserialize(field: fields.Field) -> _Check:
    """The field's own ``deserialize``: exactly what marshmallow runs for it (validators too)."""
    def check(value: Any) -> tuple[bool, Any]:
        try:
            return True, field.deserialize(value)
        except Exception:  # any failure: marshmallow decides, and says why
            return _REFUSED
    return check


def _with_validators(field: fields.Field, check: _Check) -> _Check:
    """``check``, then the field's own validators on the loaded value, as marshmallow does."""
    if not field.validators:
        return check

    def checked(value: Any) -> tuple[bool, Any]:
        ok, loaded = check(value)
        if not ok:
            return _REFUSED
        try:
            field._validate(loaded)
        except Exception:  # any failure: marshmallow decides, and says why
            return _REFUSED
        return True, loaded

    return checked

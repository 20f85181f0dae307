"""marshmallow fields the services' request schemas share: days of the week, times of day."""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields

from linkwell.vocab import DAY_NAMES


class DayField(fields.String):
    """A day of the week, full or short (``tuesday``, ``tue``)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs).strip().lower()
        if text not in DAY_NAMES:
            raise ValidationError(f"{text!r} is not a day of the week (e.g. tuesday)")
        return DAY_NAMES[text]


class ClockField(fields.String):
    """A time of day as ``HH:MM``; loads as minutes after midnight."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        match = re.fullmatch(r"([01]?\d|2[0-4]):([0-5]\d)", text)
        if not match or (int(match.group(1)) == 24 and match.group(2) != "00"):
            raise ValidationError("must be a time of day as HH:MM, e.g. 09:30")
        return int(match.group(1)) * 60 + int(match.group(2))

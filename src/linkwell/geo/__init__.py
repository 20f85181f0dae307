"""Geocoding UK postcodes through the plugins' ``linkwell_geocode`` hook.

Two geocoders are built in (see :mod:`linkwell.plugins.manager`): an offline one that answers
from the ONS Postcode Directory a deployment loads with ``linkwell geo import FILE``, and one
that asks postcodes.io, only where a deployment sets ``LINKWELL_POSTCODES_IO_URL``. The
offline answer wins when both know a postcode.
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from linkwell.geo.postcode import is_postcode, normalise_postcode


class Geocoded(tuple[float, float]):
    """A postcode's (latitude, longitude), and where that answer came from.

    It unpacks and compares like a plain pair, so a geocoder may return either; this one also
    says which ``source`` answered and, for a postcode no longer in use, the year and month
    it was ``terminated`` (``"199606"``): its place is still right for an old address.
    """

    postcode: str
    source: str
    terminated: str | None

    def __new__(cls, latitude: float, longitude: float, *, postcode: str, source: str,
                terminated: str | None = None) -> Geocoded:
        answer = super().__new__(cls, (latitude, longitude))
        answer.postcode, answer.source, answer.terminated = postcode, source, terminated
        return answer

    def __getnewargs_ex__(self) -> tuple[tuple[float, float], dict[str, str | None]]:
        # copy and pickle rebuild it through __new__, which needs the keywords too.
        return (self[0], self[1]), {"postcode": self.postcode, "source": self.source,
                                    "terminated": self.terminated}

    @property
    def latitude(self) -> float:
        return self[0]

    @property
    def longitude(self) -> float:
        return self[1]


class Located(tuple[float, float]):
    """The middle of an area a person named, and which place a gazetteer took it for.

    A ``linkwell_locate_area`` answer may be a plain (latitude, longitude) pair or this, which
    also says the place's ``name`` as the gazetteer writes it, its ``area`` (the local
    authority, where known) and the ``source``: the person is then told which one was used.
    """

    name: str
    area: str | None
    source: str

    def __new__(cls, latitude: float, longitude: float, *, name: str, area: str | None = None,
                source: str = "") -> Located:
        answer = super().__new__(cls, (latitude, longitude))
        answer.name, answer.area, answer.source = name, area, source
        return answer

    def __getnewargs_ex__(self) -> tuple[tuple[float, float], dict[str, str | None]]:
        return (self[0], self[1]), {"name": self.name, "area": self.area, "source": self.source}

    @property
    def described(self) -> str:
        """``Kentish Town (Camden)``: the name, and its area where that says more."""
        if self.area and self.area.casefold() != self.name.casefold():
            return f"{self.name} ({self.area})"
        return self.name


def geocode(pm: pluggy.PluginManager, text: str) -> tuple[float, float] | None:
    """Where a postcode typed by a person is (``se64ru`` works), or None if nobody knows.

    Text that is not a full UK postcode is None without asking any plugin.
    """
    postcode = normalise_postcode(text)
    if postcode is None:
        return None
    answer: tuple[float, float] | None = pm.hook.linkwell_geocode(postcode=postcode)
    return answer


def geocoder(pm: pluggy.PluginManager) -> Callable[[str], tuple[float, float] | None]:
    """:func:`geocode` bound to ``pm``: the shape feed converters take (``convert_row``)."""
    return lambda text: geocode(pm, text)


__all__ = ["Geocoded", "Located", "geocode", "geocoder", "is_postcode", "normalise_postcode"]

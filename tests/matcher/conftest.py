"""A matcher in front of a directory on each backend, loaded with a small people-shaped corpus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pluggy
import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.plugins import hookspecs
from linkwell.plugins.hookspecs import hookimpl
from tests.conftest import BACKENDS, directory_config, load
from tests.factory import CATFORD, MONTHLY, WEEKLY, service

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=ZoneInfo("Europe/London"))  # a Saturday
POSTCODES = {"SE6 4RU": CATFORD, "NW5 2AA": (51.5505, -0.1403)}


class KnownPostcodes:
    """Knows a few postcodes, as the offline geocoder plugin would."""

    @hookimpl
    def linkwell_geocode(self, postcode: str) -> tuple[float, float] | None:
        return POSTCODES.get(postcode)

    @hookimpl
    def linkwell_locate_area(self, area: str) -> tuple[float, float] | None:
        """The middle of the postcodes it knows in a sector or district, as the offline
        geocoder works it out from its table."""
        inside = [point for code, point in POSTCODES.items()
                  if code.startswith(area if " " in area else f"{area} ")]
        if not inside:
            return None
        return (sum(p[0] for p in inside) / len(inside), sum(p[1] for p in inside) / len(inside))


def geocoder_plugins() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    pm.register(KnownPostcodes(), name="test-geocoder")
    return pm


def people_corpus() -> list[dict[str, Any]]:
    """One asset per rule and behaviour the matcher tests check (all near Catford)."""
    weekly = ((WEEKLY, "TU", "10:00", "12:00"),)
    return [
        service("m-garden", "Catford Growing Club", "A community garden group: grow food and "
                "flowers with neighbours.", concepts=("nature.gardening",), schedules=weekly,
                access="Step-free paths; accessible toilet"),
        service("m-garden-stairs", "Rooftop Allotment Club", "Gardening on the roof, up a "
                "flight of stairs.",
                concepts=("nature.gardening",), at=(51.4460, -0.0190), schedules=weekly,
                access="Up a flight of stairs, no lift"),
        service("m-garden-closed", "Closed Garden Group", "Gardening together.",
                concepts=("nature.gardening",), status="inactive", schedules=weekly),
        service("m-garden-old", "Old Garden Group", "Gardening together.",
                concepts=("nature.gardening",), assured="2024-09-01", schedules=weekly,
                at=(51.4470, -0.0230), access="Step-free"),
        service("m-women-swim", "Women's Swim", "Relaxed swimming for women.",
                concepts=("moving_more.swimming",), facets=("audience:women_only",),
                schedules=((WEEKLY, "SU", "08:00", "09:00"),), cost=2),
        service("m-mens-swim", "Men's Swim", "Swimming for men.",
                concepts=("moving_more.swimming",), facets=("audience:men_only",),
                schedules=((WEEKLY, "SA", "08:00", "09:00"),), cost=2),
        service("m-carers", "Carers' Coffee Morning", "For unpaid carers: a cuppa and a chat.",
                concepts=("peer_support.carers",), facets=("audience:carers",),
                schedules=weekly),
        service("m-young", "Young People's Art Club", "Art for young people.",
                concepts=("creative.art_craft",), facets=("audience:young_people",),
                schedules=weekly),
        service("m-art", "Catford Art Club", "Drawing and painting for adults.",
                concepts=("creative.art_craft",), min_age=18, schedules=weekly),
        service("m-youth", "Downham Youth Club", "Games and music for young people.",
                concepts=("family_youth.youth_clubs",), min_age=11, max_age=19,
                schedules=((WEEKLY, "FR", "18:00", "21:00"),)),
        service("m-bengali-walk", "Bengali Walking Group", "A walk with chat in Bengali.",
                concepts=("moving_more.walking",), languages=("bn", "en"), schedules=weekly),
        service("m-walk", "Catford Health Walk", "A gentle walk round the park.",
                concepts=("moving_more.walking",), schedules=weekly, access="Step-free route"),
        service("m-paid-yoga", "Catford Yoga Studio", "Yoga classes.",
                concepts=("moving_more.gentle",), cost=12, schedules=weekly),
        service("m-low-yoga", "Chair Yoga at the Library", "Seated yoga.",
                concepts=("moving_more.gentle",), cost=3, schedules=weekly),
        service("m-free-yoga", "Free Yoga in the Park", "Yoga outdoors.",
                concepts=("moving_more.gentle",), cost=0, schedules=weekly),
        service("m-online-choir", "Choir on Video", "Sing together online.",
                concepts=("creative.singing_music",), facets=("delivery:online",), at=None,
                schedules=((WEEKLY, "WE", "19:00", "20:00"),)),
        service("m-choir", "Catford Community Choir", "A friendly choir, no auditions.",
                concepts=("creative.singing_music",), schedules=weekly,
                access="Step-free entrance"),
        service("m-grief", "Bereavement Circle", "For people who have lost someone close.",
                concepts=("peer_support.bereavement",), at=(51.4573, 0.0045),
                schedules=((MONTHLY, "2WE", "14:00", "16:00"),), access="Step-free"),
        service("m-debt", "Catford Debt Advice", "Free debt and benefits advice.",
                concepts=("practical_help.money_advice",), at=(51.4440, -0.0190),
                schedules=((WEEKLY, "WE", "13:00", "16:00"),)),
        service("m-listen", "Listening Post", "Someone to listen, in confidence.",
                concepts=("calm.listening",), schedules=weekly),
        service("m-far-garden", "Kentish Town Community Garden", "Grow food with neighbours.",
                concepts=("nature.gardening",), at=(51.5505, -0.1403), postcode="NW5 2AA",
                schedules=weekly, region="Camden"),
    ]


def home_visits(slug: str, name: str) -> dict[str, Any]:
    """A befriending service that comes to you, with no venue of its own."""
    return service(slug, name, "A volunteer visits you at home each week for a chat.",
                   concepts=("social.befriending",), facets=("delivery:home_visit",), at=None)


def duplicate_listing() -> dict[str, Any]:
    """The Catford Growing Club again, as a second borough's feed lists it."""
    record = service("m-garden-other-feed", "Catford Growing Club", "Gardening with neighbours.",
                     concepts=("nature.gardening",), schedules=((WEEKLY, "TU", "10:00",
                                                                 "12:00"),))
    return record


def matcher_over(kind: str, tmp: Path,
                 fill: Callable[[FlaskClient], None]) -> Iterator[FlaskClient]:
    """A matcher talking in-process to a directory on ``kind`` that ``fill`` loads."""
    from linkwell.directory import create_app as directory_app
    from linkwell.matcher import create_app

    config = directory_config(kind, tmp)
    directory = directory_app(config)
    fill(directory.test_client())
    app: Flask = create_app({**config, "DIRECTORY_APP": directory, "CLOCK": lambda: NOW,
                             "PLUGIN_MANAGER": geocoder_plugins()})
    yield app.test_client()
    backend = directory.extensions["linkwell.backend"]
    if kind == "elasticsearch":
        backend.drop_all()
    backend.close()


def fill_people(client: FlaskClient) -> None:
    assert load(client, people_corpus())["summary"]["rejected"] == 0
    assert load(client, [duplicate_listing()], feed="other")["summary"]["rejected"] == 0
    # Home visits from this borough's feed, and from a feed with no venue near Catford.
    assert load(client, [home_visits("m-visits", "Catford Home Visits")])["summary"][
        "rejected"] == 0
    assert load(client, [home_visits("m-far-visits", "A Far Borough's Home Visits")],
                feed="far-borough")["summary"]["rejected"] == 0


@pytest.fixture(scope="module", params=BACKENDS)
def matcher(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    """The matcher, talking in-process to a loaded directory on one backend."""
    yield from matcher_over(str(request.param), tmp_path_factory.mktemp("dir"), fill_people)


def match(client: FlaskClient, status: int = 200, **body: Any) -> dict[str, Any]:
    response = client.post("/match", json=body)
    assert response.status_code == status, response.json
    answer: dict[str, Any] = response.json
    return answer


def names(answer: dict[str, Any]) -> list[str]:
    return [r["name"] for r in answer["results"]]


NEAR = {"lat": CATFORD[0], "lon": CATFORD[1]}

"""``near=`` takes places as people give them: a postcode, its first half, a place name, or a
point; a place nobody knows searches without distances and says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from linkwell.plugins import hookimpl
from tests.conftest import BACKENDS, directory_config, load, names, search
from tests.factory import CATFORD, service

KNOWN = {"SE6 4RU": CATFORD, "SE6 4AA": (51.446421, -0.018444)}


class Places:
    """A geocoder that knows two Catford postcodes and one place name."""

    @hookimpl
    def linkwell_geocode(self, postcode: str) -> tuple[float, float] | None:
        return KNOWN.get(postcode)

    @hookimpl
    def linkwell_locate_area(self, area: str) -> tuple[float, float] | None:
        if area.lower() == "catford":
            return CATFORD
        inside = [p for code, p in KNOWN.items()
                  if code.startswith(area if " " in area else f"{area} ")]
        return (sum(p[0] for p in inside) / len(inside),
                sum(p[1] for p in inside) / len(inside)) if inside else None


@pytest.fixture(scope="module", params=BACKENDS)
def client(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    from linkwell.directory import create_app

    app: Flask = create_app(directory_config(str(request.param), tmp_path_factory.mktemp("n")))
    app.extensions["linkwell.plugins"].register(Places(), name="test-places")
    client = app.test_client()
    load(client, [service("near-choir", "Catford Choir", "Singing together."),
                  service("far-choir", "Kentish Town Choir", "Singing together.",
                          at=(51.5505, -0.1403), postcode="NW5 2AA")])
    yield client
    if request.param == "elasticsearch":
        app.extensions["linkwell.backend"].drop_all()
    app.extensions["linkwell.backend"].close()


@pytest.mark.parametrize(("near", "precision"), [
    ("51.4452,-0.0209", None), ("SE6 4RU", "postcode"), ("se6 4zz", "sector"),
    ("SE6", "district"), ("Catford", "place")])
def test_every_form_of_place_searches_by_distance(client: FlaskClient, near: str,
                                                  precision: str | None) -> None:
    body = search(client, f"q=singing&near={near}&within_km=3")
    assert names(body) == ["Catford Choir"]
    assert body["results"][0]["distance_km"] < 1
    assert body["understood"].get("location", {}).get("precision") == precision


def test_a_place_nobody_knows_searches_without_distances(client: FlaskClient) -> None:
    body = search(client, "q=singing&near=ZZ9 9ZZ&within_km=3&sort=distance")
    assert set(names(body)) == {"Catford Choir", "Kentish Town Choir"}
    assert all("distance_km" not in r for r in body["results"])
    assert "not sorted by distance" in body["understood"]["location"]["note"]


@pytest.mark.parametrize("near", ["12345", "SE6 4RU!", "51.4,"])
def test_what_is_no_place_is_refused_naming_the_field(client: FlaskClient, near: str) -> None:
    assert "near" in search(client, f"near={near}", status=400)["errors"]

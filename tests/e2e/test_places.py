"""Places as people give them, end to end on the gunicorn-served stack: real postcodes the demo
files do not hold, a district alone, place names, and ``near=`` in every form, on the page and
through the API, with the words that say what was done with what the person typed.

REAL_POSTCODES was written before any of these tests ran: public addresses of well-known
places (hospitals, museums, a town hall) in the demo boroughs' own postcode districts, none of
them among the demo postcodes (the first test checks that).
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path
from typing import Any

import pytest
import requests

from linkwell.geo.postcode import district_of, sector_of
from tests.e2e.conftest import ROOT, Stack

pytestmark = pytest.mark.e2e

REAL_POSTCODES: list[tuple[str, str, str]] = [
    ("SE13 6LH", "University Hospital Lewisham", "Lewisham"),
    ("SE13 7HB", "Lewisham Shopping Centre", "Lewisham"),
    ("SE14 6NW", "Goldsmiths, University of London", "Lewisham"),
    ("SE14 6AF", "Deptford Town Hall, New Cross Road", "Lewisham"),
    ("SE6 4JU", "Catford Mews, Winslade Way", "Lewisham"),
    ("E1 1FR", "The Royal London Hospital, Whitechapel", "Tower Hamlets"),
    ("E1 1BJ", "Tower Hamlets Town Hall, Whitechapel Road", "Tower Hamlets"),
    ("E1 4NS", "Queen Mary University of London, Mile End Road", "Tower Hamlets"),
    ("E1 6EW", "Old Spitalfields Market", "Tower Hamlets"),
    ("E14 4AL", "Museum of London Docklands, West India Quay", "Tower Hamlets"),
    ("E14 5AB", "One Canada Square, Canary Wharf", "Tower Hamlets"),
    ("E1W 2SF", "Tobacco Dock, Wapping", "Tower Hamlets"),
    ("NW3 6DG", "Camden Arts Centre, Arkwright Road", "Camden"),
    ("NW3 5SX", "Freud Museum, Maresfield Gardens", "Camden"),
    ("NW1 8EH", "The Roundhouse, Chalk Farm Road", "Camden"),
    ("NW1 7NB", "Jewish Museum London, Albert Street", "Camden"),
    ("WC1H 0AL", "UCL Institute of Education, Bedford Way", "Camden"),
    ("WC1N 3JH", "Great Ormond Street Hospital", "Camden"),
    ("WC1N 2LX", "Charles Dickens Museum, Doughty Street", "Camden"),
    ("WC1N 1AZ", "The Foundling Museum, Brunswick Square", "Camden"),
    ("N19 5NF", "Whittington Hospital, Magdala Avenue", "Camden (N19)"),
]
POSTCODES = [code for code, _, _ in REAL_POSTCODES]
DISTRICTS = sorted({district_of(code) for code in POSTCODES})
ABOUT = "I would like a friendly group to meet people"
KM = 5


def demo_postcodes() -> set[str]:
    files = [*ROOT.glob("plugins/*/linkwell_*/data/postcodes.csv"),
             ROOT / "tests" / "data" / "postcodes.csv"]
    found: set[str] = set()
    for path in files:
        with Path(path).open(newline="") as handle:
            for row in csv.reader(handle):
                found.update(cell for cell in row[:3] if re.fullmatch(r"[A-Z0-9]+ ?[0-9][A-Z]{2}",
                                                                     cell))
    return {" ".join(code.split()) if " " in code else f"{code[:-3]} {code[-3:]}"
            for code in found}


def test_the_list_is_real_spread_and_not_in_the_demo_files() -> None:
    known = demo_postcodes()
    assert len(known) > 150
    assert len(POSTCODES) >= 20 and len(set(POSTCODES)) == len(POSTCODES)
    assert not set(POSTCODES) & known
    demo_districts = {district_of(code) for code in known}
    assert set(DISTRICTS) <= demo_districts  # each district is one the demo boroughs cover
    for borough in ("Lewisham", "Tower Hamlets", "Camden"):
        assert sum(b.startswith(borough) for _, _, b in REAL_POSTCODES) >= 5


def venues(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The options with a place to go to (a phone line has no distance)."""
    return [r for r in results if r["asset"].get("places")]


@pytest.fixture(scope="module")
def http(stack: Stack) -> requests.Session:
    """A link worker's key: these tests ask more than an anonymous minute's allowance, and
    would otherwise spend the allowance of the tests that run after them."""
    from linkwell.gateway.keys import KeyStore

    _, secret = KeyStore(stack.data_dir / "var" / "gateway.sqlite3").create(
        "Places end-to-end tests", "link_worker")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {secret}"
    return session


def match_api(http: requests.Session, stack: Stack, location: dict[str, Any]
              ) -> requests.Response:
    return http.post(f"{stack.gateway}/api/v1/match", timeout=30,
                     json={"about": ABOUT, "location": location, "max_travel_km": KM})


def match_page(http: requests.Session, stack: Stack, postcode: str) -> tuple[int, str]:
    answer = http.post(f"{stack.gateway}/match", timeout=30, data={
        "about": ABOUT, "postcode": postcode, "max_travel_km": str(KM)})
    return answer.status_code, answer.text


def search_api(http: requests.Session, stack: Stack, **params: Any) -> requests.Response:
    return http.get(f"{stack.gateway}/api/v1/services", timeout=30,
                    params={"per_page": 50, **params})


def page_options(text: str) -> list[tuple[str, str | None]]:
    """(listing id, the distance as the page writes it) for each option, in page order."""
    out = []
    for card in text.split('<article class="option')[1:]:
        ident = re.search(r'id="option-([^"]+)-name"', card)
        distance = re.search(r"<dt>Distance</dt><dd>(.*?)</dd>", card)
        assert ident is not None
        out.append((html.unescape(ident.group(1)), html.unescape(distance.group(1))
                    if distance else None))
    return out


def page_note(text: str) -> str:
    found = re.search(r'<p class="place-note">(.*?)</p>', text, re.S)
    return html.unescape(found.group(1)) if found else ""


def expected_note(postcode: str, precision: str) -> str:
    area = sector_of(postcode) if precision == "sector" else district_of(postcode)
    return f"We do not know {postcode} itself yet: distances are from the middle of {area}"


@pytest.mark.parametrize("postcode", POSTCODES)
def test_a_real_postcode_not_in_the_demo_is_placed_and_ranked_by_distance(
        http: requests.Session, stack: Stack, postcode: str) -> None:
    answer = match_api(http, stack, {"postcode": postcode})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    location = body["understood"]["location"]
    assert location["given"] == postcode
    assert location["precision"] in ("sector", "district")
    assert location["note"] == expected_note(postcode, location["precision"])
    results = body["results"]
    assert venues(results), f"no options with a place to go for {postcode}"
    assert all(r["distance_km"] is not None for r in venues(results))
    # Further than the person said: still shown, with the caution that says so.
    assert all(any(f"further than the {KM} km you said" in c for c in r["cautions"])
               for r in venues(results) if r["distance_km"] > KM)
    # The options are the ones for that point: the same request from the point itself gives
    # the same options in the same order.
    from_point = match_api(http, stack, {"lat": location["lat"], "lon": location["lon"]}).json()
    assert [r["id"] for r in from_point["results"]] == [r["id"] for r in results]
    # The page says the same words, and shows the same options with one distance each.
    status, text = match_page(http, stack, postcode)
    assert status == 200
    assert page_note(text) == location["note"] + "."
    shown = page_options(text)
    assert [ident for ident, _ in shown] == [r["id"] for r in results]
    for (_, distance), result in zip(shown, results, strict=True):  # by phone: no distance
        assert (distance is not None and distance.endswith("away")) is (
            result["distance_km"] is not None)
    # And the search, sorted by distance from the same point, nearest first.
    search = search_api(http, stack, near=postcode, within_km=KM, sort="distance").json()
    assert search["understood"]["location"]["precision"] == location["precision"]
    distances = [r["distance_km"] for r in search["results"]]
    assert distances and distances == sorted(distances)


def placed(http: requests.Session, stack: Stack, typed: str, precision: str, middle: str,
           on_page: str | None = None) -> tuple[dict[str, Any], str]:
    """Matched from ``typed`` alone (``on_page`` as the page's form is sent, if otherwise):
    placed with ``precision`` at the middle of ``middle``, every venue measured from there,
    and the page says so too. The API's answer and the page."""
    body = match_api(http, stack, {"postcode": typed}).json()
    location = body["understood"]["location"]
    assert location["precision"] == precision
    assert location["note"] == f"Distances are from the middle of {middle}"
    assert venues(body["results"])
    assert all(r["distance_km"] is not None for r in venues(body["results"]))
    status, text = match_page(http, stack, on_page or typed)
    assert status == 200 and page_note(text) == location["note"] + "."
    return body, text


@pytest.mark.parametrize("district", DISTRICTS)
def test_a_district_alone_is_enough(http: requests.Session, stack: Stack, district: str) -> None:
    body, text = placed(http, stack, district.lower(), "district", district, on_page=district)
    assert body["understood"]["location"]["given"] == district
    assert [i for i, _ in page_options(text)] == [r["id"] for r in body["results"]]


@pytest.mark.parametrize(("typed", "found"), [("Catford", "Catford (Lewisham)"),
                                              ("kentish town", "Kentish Town (Camden)"),
                                              ("Whitechapel", "Whitechapel (Tower Hamlets)")])
def test_a_place_name_is_placed_and_said(
        http: requests.Session, stack: Stack, typed: str, found: str) -> None:
    body, _ = placed(http, stack, typed, "place", found)
    assert body["understood"]["location"]["found"] == found


@pytest.mark.parametrize(("near", "precision"), [
    ("51.4452,-0.0209", None),            # a point
    ("SE6 4RU", "postcode"),              # a postcode the demo knows
    ("se13 6lh", None),                   # a real one it does not: its sector or district
    ("SE13", "district"),                 # a district
    ("Catford", "place"),                 # a place name
])
def test_near_takes_every_form(
        http: requests.Session, stack: Stack, near: str, precision: str | None) -> None:
    answer = search_api(http, stack, q="group", near=near, within_km=KM, sort="distance")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    location = body["understood"].get("location", {})
    if near.startswith("se13 6"):
        assert location["precision"] in ("sector", "district")
        assert location["note"] == expected_note("SE13 6LH", location["precision"])
    else:
        assert location.get("precision") == precision
    distances = [r["distance_km"] for r in body["results"]]
    assert distances and distances == sorted(distances) and distances[-1] <= KM


def test_a_place_nobody_knows_still_gets_options_without_distances(
        http: requests.Session, stack: Stack) -> None:
    body = match_api(http, stack, {"postcode": "Atlantis"}).json()
    assert body["understood"]["location"]["precision"] == "unknown"
    assert "could not find Atlantis" in body["understood"]["location"]["note"]
    assert body["results"] and all(r["distance_km"] is None for r in body["results"])
    search = search_api(http, stack, q="group", near="ZZ9", within_km=KM).json()
    assert search["total"] > 0 and "not sorted by distance" in \
        search["understood"]["location"]["note"]


@pytest.mark.parametrize("typed", ["SE6 4RU!!", "12345", "SE6 4RU 4RU", "@home"])
def test_what_is_no_place_is_a_400_naming_the_field(
        http: requests.Session, stack: Stack, typed: str) -> None:
    api = match_api(http, stack, {"postcode": typed})
    assert api.status_code == 400 and "location.postcode" in api.json()["errors"]
    status, text = match_page(http, stack, typed)
    assert status == 400
    assert 'id="postcode-error"' in text and "Enter a postcode like SE6 4RU" in text
    near = search_api(http, stack, near=typed)
    assert near.status_code == 400 and "near" in near.json()["errors"]


@pytest.mark.parametrize(("typed", "said"), [
    ("E1 4NS", "itself yet: distances are from the middle of E1"),
    ("nw3", "Distances are from the middle of NW3"),
    ("Whitechapel", "Distances are from the middle of Whitechapel (Tower Hamlets)"),
    ("Atlantis", "We could not find Atlantis, so these options are not sorted by distance")])
def test_the_widget_takes_every_form_and_says_what_it_did(page: Any, stack: Stack, typed: str,
                                                          said: str) -> None:
    from tests.e2e.test_browser import axe_clean

    page.goto(stack.partner + "/")
    page.get_by_label("What are you looking for?").fill(ABOUT)
    page.get_by_label("Your postcode (optional)").fill(typed)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/match")) as matched:
        page.get_by_role("button", name="Find options").click()
    assert matched.value.status == 200
    note = page.locator(".linkwell-widget .place-note")
    note.wait_for()
    assert said in note.inner_text()
    page.locator(".linkwell-widget .result").first.wait_for()
    distances = page.locator(".linkwell-widget .result", has_text="Distance").count()
    assert (distances > 0) is (typed != "Atlantis")
    axe_clean(page)

"""The search contract, run against both backends (SQLite and the real Elasticsearch node)."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from linkwell.directory.backends.base import haversine_km
from tests.conftest import names, search
from tests.factory import CATFORD


def test_stemming_finds_other_word_forms(corpus_client: FlaskClient) -> None:
    found = names(search(corpus_client, "q=walks"))
    assert "Ladywell Fields Health Walk" in found
    assert "Sydenham Striders" in found  # "walking group" in its description


def test_synonyms_from_the_taxonomy(corpus_client: FlaskClient) -> None:
    # "lonely" names a need; its hinted activity types bring befriending and social groups.
    body = search(corpus_client, "q=lonely")
    assert "Friendly Call" in names(body)
    assert "Catford Community Choir" in names(body)
    assert {"connection.lonely"} <= {c["id"] for c in body["understood"]["concepts"]}
    # "choir" is a synonym of singing: the singing group without the word "choir" is found.
    assert "Singing for the Brain" in names(search(corpus_client, "q=choir"))


def test_words_only_leaves_the_synonyms_out(corpus_client: FlaskClient) -> None:
    # A keyword-only directory finds nothing for "lonely": no listing uses the word.
    assert search(corpus_client, "q=lonely&words_only=true")["total"] == 0
    assert names(search(corpus_client, "q=choir&words_only=true")) == ["Catford Community Choir"]


def test_name_matches_rank_above_description_matches(corpus_client: FlaskClient) -> None:
    found = names(search(corpus_client, "q=singing"))
    assert found[0] == "Singing for the Brain"
    assert "Hither Green Singers" in found


def test_inactive_assets_hidden_by_default(corpus_client: FlaskClient) -> None:
    assert "Lee Lunch Club" not in names(search(corpus_client, "q=lunch"))
    assert "Lee Lunch Club" in names(search(corpus_client, "q=lunch&status=active,inactive"))


@pytest.mark.parametrize(("query", "expected"), [
    ("concept=moving_more.walking", {"Ladywell Fields Health Walk", "Sydenham Striders"}),
    ("concept=moving_more", {"Ladywell Fields Health Walk", "Sydenham Striders",
                             "Women's Swim Session", "Chair Yoga at the Library"}),
    ("free=true&concept=creative.singing_music", {"Catford Community Choir",
                                                  "Singing for the Brain"}),
    ("cost=low&concept=creative", {"Hither Green Singers"}),
    ("age=15", {"Catford Community Choir", "Ladywell Fields Health Walk", "Sydenham Striders",
                "Catford Money Advice Drop-in", "Bellingham Men's Shed", "Downham Youth Club",
                "Grief Cafe Online", "Hither Green Singers", "Kentish Town Community Garden",
                "Chair Yoga at the Library"}),
    ("age=65&concept=social", {"Friendly Call"}),
    ("language=so", {"Catford Money Advice Drop-in"}),
    ("language=bn,pl", {"Friendly Call", "Chair Yoga at the Library"}),
    ("accessibility=step_free", {"Catford Community Choir", "Ladywell Fields Health Walk"}),
    ("accessibility=step_free,hearing_loop", {"Catford Community Choir"}),
    ("delivery=online,phone", {"Friendly Call", "Grief Cafe Online"}),
    ("audience=women_only", {"Women's Swim Session"}),
    ("area=Camden", {"Kentish Town Community Garden"}),
    ("day=sunday", {"Women's Swim Session"}),
    ("day=tuesday&from=11:30&to=13:00", {"Catford Community Choir", "Chair Yoga at the Library",
                                         "Kentish Town Community Garden"}),
    ("day=tuesday&from=12:00&to=13:00", {"Kentish Town Community Garden"}),
    ("day=wednesday&from=14:30&to=15:00", {"Singing for the Brain", "Catford Money Advice Drop-in",
                                           "Friendly Call"}),
    ("day=thursday&from=19:30", {"Grief Cafe Online"}),
    ("from=18:30&to=19:00", {"Downham Youth Club"}),
    ("q=singing&free=true&day=wednesday", {"Singing for the Brain"}),
])
def test_filters(corpus_client: FlaskClient, query: str, expected: set[str]) -> None:
    body = search(corpus_client, query + "&per_page=100")
    assert set(names(body)) == expected
    assert body["total"] == len(expected)


def test_distance_filter_and_sort(corpus_client: FlaskClient) -> None:
    near = f"near={CATFORD[0]},{CATFORD[1]}"
    body = search(corpus_client, f"{near}&within_km=2&sort=distance&per_page=100")
    distances = [r["distance_km"] for r in body["results"]]
    assert distances == sorted(distances)
    assert all(d <= 2 for d in distances)
    assert "Kentish Town Community Garden" not in names(body)
    assert "Friendly Call" not in names(body)  # no venue: not "near" unless remote=true
    for result in body["results"]:
        place = result["places"][0]
        expected = haversine_km(CATFORD[0], CATFORD[1], place["lat"], place["lon"])
        assert result["distance_km"] == pytest.approx(expected, abs=0.02)
    with_remote = names(search(corpus_client, f"{near}&within_km=2&remote=true&per_page=100"))
    assert {"Friendly Call", "Grief Cafe Online"} <= set(with_remote)


def test_blended_sort_prefers_near_among_equally_relevant(corpus_client: FlaskClient) -> None:
    near = "near=51.4270,-0.0540"  # Sydenham
    found = names(search(corpus_client, f"q=walking+group&{near}&sort=blended"))
    assert found[0] == "Sydenham Striders"


def test_concept_weights_put_what_matters_most_first(corpus_client: FlaskClient) -> None:
    """Each listed concept an asset has adds its weight; without them, names order it."""
    concepts = "concept=creative.singing_music,moving_more.walking"
    plain = names(search(corpus_client, f"{concepts}&per_page=50"))
    assert plain == sorted(plain, key=str.casefold)  # no relevance to go on: by name
    weighted = search(corpus_client, f"{concepts}&concept_weight=moving_more.walking:2,"
                                     "peer_support.carers:3,creative.singing_music:0.5"
                                     "&per_page=50")
    found = names(weighted)
    assert sorted(found) == sorted(plain)  # ranks, never filters
    assert found[0] == "Singing for the Brain"  # singing 0.5 and carers 3
    walks = {"Ladywell Fields Health Walk", "Sydenham Striders"}
    assert set(found[1:3]) == walks  # walking 2
    assert not walks & set(found[3:])
    scores = [r["score"] for r in weighted["results"]]
    assert scores == sorted(scores, reverse=True)
    # Blended with distance from Sydenham: the walking group there comes first, until
    # singing weighs more than the 3 km to Catford's choir costs.
    near = "near=51.4270,-0.0540&within_km=20&sort=blended&per_page=50"
    found = names(search(corpus_client, f"{concepts}&{near}"))
    assert found.index("Sydenham Striders") < found.index("Catford Community Choir")
    found = names(search(corpus_client, f"{concepts}&{near}&concept_weight=creative."
                                        "singing_music:4"))
    assert found.index("Catford Community Choir") < found.index("Sydenham Striders")


@pytest.mark.parametrize("value", ["nonsense.concept:1", "calm.mindfulness:0",
                                   "calm.mindfulness:11", "calm.mindfulness:lots",
                                   "calm.mindfulness"])
def test_bad_concept_weights_are_400(corpus_client: FlaskClient, value: str) -> None:
    response = corpus_client.get(f"/services?concept_weight={value}")
    assert response.status_code == 400
    assert "concept_weight" in response.json["errors"]


def test_stale_listings_rank_lower_but_are_shown(corpus_client: FlaskClient) -> None:
    body = search(corpus_client, "concept=creative.singing_music&sort=relevance")
    stale = [r for r in body["results"] if r["stale"]]
    assert [r["name"] for r in stale] == ["Hither Green Singers"]
    assert body["results"][-1]["name"] == "Hither Green Singers"


def test_pagination_has_no_gaps_or_repeats(corpus_client: FlaskClient) -> None:
    everything = search(corpus_client, "q=group+walk+sing+club&per_page=100")
    seen: list[str] = []
    for page in range(1, -(-everything["total"] // 2) + 1):
        body = search(corpus_client, f"q=group+walk+sing+club&per_page=2&page={page}")
        seen.extend(r["id"] for r in body["results"])
    assert seen == [r["id"] for r in everything["results"]]
    assert len(seen) == everything["total"] > 4


@pytest.mark.parametrize("base", ["", "q=walk+sing+advice", "near=51.4452,-0.0209&within_km=5"])
def test_facet_counts_equal_filtered_totals(corpus_client: FlaskClient, base: str) -> None:
    body = search(corpus_client, base)
    params = {"concepts": "concept", "delivery": "delivery", "cost": "cost",
              "accessibility": "accessibility", "languages": "language", "audience": "audience",
              "areas": "area", "days": "day", "feed": "feed"}
    checked = 0
    for facet, buckets in body["facets"].items():
        for bucket in buckets:
            filtered = search(corpus_client, f"{base}&{params[facet]}={bucket['value']}")
            assert filtered["total"] == bucket["count"], (facet, bucket)
            checked += 1
    assert checked > 10


def test_facets_have_plain_labels(corpus_client: FlaskClient) -> None:
    facets: dict[str, Any] = search(corpus_client)["facets"]
    labels = {b["value"]: b["label"] for b in facets["concepts"]}
    assert labels["moving_more.walking"] == "Walking groups"
    assert {b["label"] for b in facets["days"]} >= {"Tuesday", "Sunday"}


def test_results_carry_the_asset_id_and_trust_signals(corpus_client: FlaskClient) -> None:
    result = search(corpus_client, "q=choir")["results"][0]
    assert result["id"]
    assert result["last_confirmed"] == "2026-09-01"
    assert result["stale"] is False
    one = corpus_client.get(f"/services/{result['id']}")
    assert one.status_code == 200
    assert one.json["record"]["name"] == result["name"]
    assert one.json["provenance"]["feed"] == "tests"


def test_an_asset_with_several_venues_is_one_result_at_its_nearest(client: FlaskClient) -> None:
    from tests.conftest import load
    from tests.factory import service

    camden = (51.5390, -0.1426)
    two = service("two-venues", "Two Venue Walkers", concepts=("moving_more.walking",))
    far = service("two-venues-b", "Two Venue Walkers", at=camden, postcode="NW1 7JE")
    two["service_at_locations"] += far["service_at_locations"]
    load(client, [two, service("one-venue", "One Venue Walkers", at=(51.5400, -0.1426),
                               postcode="NW1 7JE", concepts=("moving_more.walking",))])
    for at, within, expected in ((CATFORD, 2, ["Two Venue Walkers"]),
                                 (camden, 2, ["Two Venue Walkers", "One Venue Walkers"]),
                                 (CATFORD, 50, ["Two Venue Walkers", "One Venue Walkers"])):
        body = search(client, f"q=walkers&near={at[0]},{at[1]}&within_km={within}"
                              "&sort=distance&facets=true")
        assert names(body) == expected  # each asset once, nearest first
        assert body["total"] == len(expected)
        counts = {f["value"]: f["count"] for f in body["facets"]["delivery"]}
        assert counts == {"in_person": len(expected)}
        two_venues = body["results"][expected.index("Two Venue Walkers")]
        assert two_venues["distance_km"] == pytest.approx(0, abs=0.01)  # its nearer venue
    blended = search(client, f"near={camden[0]},{camden[1]}&sort=blended&concepts="
                             "moving_more.walking")
    assert sorted(names(blended)) == ["One Venue Walkers", "Two Venue Walkers"]
    assert sorted(r["distance_km"] for r in blended["results"]) == pytest.approx([0, 0.11],
                                                                                 abs=0.01)


def test_every_facet_label_is_words_not_a_key(corpus_client: FlaskClient) -> None:
    """Areas by their names, languages by theirs (and in their own script), never a key."""
    facets = search(corpus_client, "per_page=1")["facets"]
    for name, buckets in facets.items():
        for bucket in buckets:
            label = bucket["label"]
            assert ":" not in label and "_" not in label, (name, bucket)
            if name == "languages":
                assert label != bucket["value"] and len(label) > 3, bucket
            if name == "feed":
                assert "-" not in label and label[:1].isupper(), bucket
    languages = {b["value"]: b["label"] for b in facets["languages"]}
    assert languages["so"] == "Somali (Soomaali)" and languages["en"] == "English"
    assert {b["label"] for b in facets["areas"]} >= {"Lewisham"}


def test_a_feed_is_labelled_in_words_not_by_its_key() -> None:
    from linkwell.directory.api import feed_label

    assert feed_label("tower-hamlets") == "Tower Hamlets"
    assert feed_label("barking_and_dagenham") == "Barking and Dagenham"
    assert feed_label("camden") == "Camden"

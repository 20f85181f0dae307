"""The same group listed by two feeds is shown once, with both sources (both backends)."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.conftest import AUTH, load, names, search
from tests.factory import service, sid


def _grief(slug: str, assured: str, text: str) -> dict[str, object]:
    return service(slug, "Grief Café Online", text, at=None, assured=assured,
                   concepts=("peer_support.bereavement",), facets=("delivery:online",))


def test_a_group_two_feeds_list_is_shown_once_with_both(client: FlaskClient) -> None:
    lewisham = _grief("lw-grief", "2026-10-01", "A video call for people who are grieving.")
    camden = _grief("cd-grief", "2026-08-01", "Online bereavement peer support, monthly.")
    load(client, [lewisham], feed="lewisham")
    load(client, [camden], feed="camden")
    body = search(client, "q=grief&per_page=50")
    assert names(body) == ["Grief Café Online"]
    assert body["total"] == 1
    shown = body["results"][0]
    assert shown["id"] == lewisham["id"]  # the more recently confirmed listing
    assert shown["also_listed"] == [{"id": camden["id"], "name": "Grief Café Online",
                                     "feed": "camden"}]
    facets = {b["value"]: b["count"] for b in body["facets"]["feed"]}
    assert facets == {"lewisham": 1}
    assert client.get(f"/services/{camden['id']}").status_code == 200  # still its own page


def test_withdrawing_the_shown_listing_shows_the_other(client: FlaskClient) -> None:
    lewisham = _grief("lw-grief", "2026-10-01", "A video call.")
    camden = _grief("cd-grief", "2026-08-01", "Online peer support.")
    load(client, [lewisham], feed="lewisham")
    load(client, [camden], feed="camden")
    response = client.post("/assets/withdraw", json={"feed": "lewisham", "ids": [lewisham["id"]]},
                           headers=AUTH)
    assert response.status_code == 200
    body = search(client, "q=grief")
    assert [r["id"] for r in body["results"]] == [camden["id"]]
    assert "also_listed" not in body["results"][0]


def test_a_renamed_listing_leaves_its_group(client: FlaskClient) -> None:
    lewisham = _grief("lw-grief", "2026-10-01", "A video call.")
    camden = _grief("cd-grief", "2026-08-01", "Online peer support.")
    load(client, [lewisham], feed="lewisham")
    load(client, [camden], feed="camden")
    renamed = dict(camden, name="Camden Grief Circle Online")
    load(client, [renamed], feed="camden")
    assert sorted(names(search(client, "q=grief"))) == ["Camden Grief Circle Online",
                                                        "Grief Café Online"]


def test_different_venues_are_different_groups(client: FlaskClient) -> None:
    one = service("walk-a", "Health Walk", postcode="SE6 4RU")
    other = service("walk-b", "Health Walk", postcode="NW5 2AA", at=(51.5505, -0.1403))
    load(client, [one], feed="lewisham")
    load(client, [other], feed="camden")
    assert names(search(client, "q=health+walk")) == ["Health Walk", "Health Walk"]


def test_two_organisations_phone_services_with_one_name_are_different_groups(
        client: FlaskClient) -> None:
    """With no venue, only the organisation tells two services with one name apart."""
    def by_phone(slug: str, org: str) -> dict[str, object]:
        record = service(slug, "Tech Buddies by Phone", "A volunteer rings you to help with "
                         "your phone.", at=None, facets=("delivery:phone",))
        record["organization"] = {"id": sid(slug + "/org"), "name": org}
        return record

    load(client, [by_phone("lw-tech", "Lewisham Digital Buddies")], feed="lewisham")
    load(client, [by_phone("cd-tech", "Byte Buddies Camden")], feed="camden")
    load(client, [by_phone("th-tech", "Byte Buddies  camden")], feed="tower_hamlets")
    body = search(client, "q=tech+buddies&per_page=50")
    assert body["total"] == 2
    shown = {r["id"]: r.get("also_listed", []) for r in body["results"]}
    assert sid("lw-tech") in shown and shown[sid("lw-tech")] == []
    repeated = next(r for r in body["results"] if r["id"] != sid("lw-tech"))
    assert [a["feed"] for a in repeated["also_listed"]] in (["camden"], ["tower_hamlets"])


def test_include_duplicates_keeps_every_listing_for_the_open_referral_api(
        client: FlaskClient) -> None:
    load(client, [_grief("lw-grief", "2026-10-01", "A.")], feed="lewisham")
    load(client, [_grief("cd-grief", "2026-08-01", "B.")], feed="camden")
    body = client.get("/openreferral/services?search=grief").json
    assert body["total_items"] == 2


def test_regroup_repairs_marks_a_killed_write_left_stale(client: FlaskClient) -> None:
    """A run killed between a write and its regrouping (Elasticsearch cannot write both
    at once) leaves a group's marks stale; the regrouping every run ends with repairs them,
    though the rerun finds the record unchanged."""
    from datetime import date

    from linkwell.directory import ingest

    lewisham = _grief("lw-grief", "2026-10-01", "A video call.")
    camden = _grief("cd-grief", "2026-08-01", "Online peer support.")
    load(client, [lewisham], feed="lewisham")
    load(client, [camden], feed="camden")
    backend = client.application.extensions["linkwell.backend"]
    renamed = dict(camden, name="Camden Grief Circle Online")
    prepared = ingest.prepare_all([renamed], "camden", None, None, date.today())
    ingest.commit(backend, ingest.classify(backend, prepared), refresh=True, regroup=False)
    stale = search(client, "q=grief&per_page=50")["results"]
    assert [r.get("also_listed") for r in stale if r["id"] == lewisham["id"]] == [
        [{"id": camden["id"], "name": "Grief Café Online", "feed": "camden"}]]
    rerun = client.post("/assets", json={"feed": "camden", "records": [renamed]},
                        headers=AUTH)
    assert rerun.json["summary"]["unchanged"] == 1  # nothing to write, nothing regrouped
    answer = client.post("/assets/regroup", json={}, headers=AUTH)
    assert answer.status_code == 200 and answer.json == {"repeats": 0}
    body = search(client, "q=grief&per_page=50")
    assert sorted(names(body)) == ["Camden Grief Circle Online", "Grief Café Online"]
    assert all("also_listed" not in r for r in body["results"])
